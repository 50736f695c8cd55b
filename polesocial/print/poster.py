"""Campaign posters, flyers and sharing previews: one design at every size.

A3 and A4 posters and the A5 flyer exist in French, in Arabic, and bilingual (French on the
left, Arabic on the right, two balanced columns under one band). Each exists in two editions:

- ``screen``: to read on screen or print on an office printer; tagged PDF/UA-1, RGB, each
  column's structure in its own language (``/Lang ar`` on the Arabic one);
- ``print``: for a print shop; 3 mm of bleed around the trimmed sheet (the coloured band runs
  into it), crop marks, TrimBox and BleedBox, every colour in CMYK (see pdf.py).

The hierarchy, from far to near: the title (80-120 pt on A3, read at 3 m), the message, the
call to action in a coloured block, then the QR code with its address and the hashtag. Type
sizes are one scale per format (``SCALES``), never below 12 pt. The band carries the official
logo when the site's configuration names one (``extra.logo`` in mkdocs.yml) and otherwise the
Pôle social's name as a neutral text mark: no emblem is ever drawn. A pictogram from the
theme's Material icons (``pictogram:`` in the campaign's file) may illustrate the theme.

While the site's address is the placeholder domain, every sheet carries a proof mark
("ÉPREUVE — adresse provisoire"): its QR code leads nowhere yet. A draft campaign says so in the
same strip. The 1200x630 preview used when a page is shared is the same design in landscape.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, replace
from datetime import datetime

from .. import languages, messages, typography
from . import pictograms

# Sizes of each format, in points unless a unit is given: title (long titles: title_long),
# message, call to action, the small lines (QR label, address, hashtag), the text mark, the QR
# code's side (quiet zone included; its symbol prints at least 2 cm wide), the sheet's margin,
# the band's height, the pictogram's side. "bi": the same for one column of the bilingual sheet.
SCALES = {
    "a3": {"title": 112, "title_long": 92, "message": 46, "cta": 36, "small": 18, "mark": 24,
           "qr": "64mm", "margin": "20mm", "band": "34mm", "icon": "24mm"},
    "a4": {"title": 85, "title_long": 71, "message": 32, "cta": 26, "small": 13, "mark": 17,
           "qr": "46mm", "margin": "14mm", "band": "24mm", "icon": "17mm"},
    "a5": {"title": 54, "title_long": 44, "message": 19, "cta": 16, "small": 12, "mark": 12,
           "qr": "32mm", "margin": "10mm", "band": "17mm", "icon": "12mm"},
    "a3-bi": {"title": 62, "title_long": 50, "message": 34, "cta": 28, "small": 14, "mark": 24,
              "qr": "48mm", "margin": "16mm", "band": "34mm", "icon": "24mm"},
    "a4-bi": {"title": 44, "title_long": 36, "message": 24, "cta": 19, "small": 12, "mark": 17,
              "qr": "36mm", "margin": "11mm", "band": "24mm", "icon": "17mm"},
    "a5-bi": {"title": 30, "title_long": 25, "message": 13, "cta": 12, "small": 12, "mark": 12,
              "qr": "28mm", "margin": "8mm", "band": "17mm", "icon": "12mm"},
    "preview": {"title": 58, "title_long": 50, "message": 27, "cta": 23, "small": 21, "mark": 20,
                "qr": None, "margin": "22mm", "band": "20mm", "icon": "13mm"},
}
SIZES = {"a3": ("297mm", "420mm"), "a4": ("210mm", "297mm"), "a5": ("148mm", "210mm"),
         "preview": ("1200px", "630px")}
LONG_TITLE = 30  # characters: longer titles take the format's smaller title size
ARABIC_SCALE = 1.1  # Naskh letters look smaller than Latin ones at the same body size
PRINTED = ("a3", "a4", "a5")
VARIANTS = ("fr", "ar", "bi")
EDITIONS = ("screen", "print")
BLEED = "3mm"
# Long texts: the title, the message and the call to action step down the scale until the
# column holds them above its footer (pdf.lay_out), never below MINIMUM_PT.
FITTED = ("title", "title_long", "message", "cta")
FIT_STEPS = (0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
MINIMUM_PT = 12
GAP_PT = 6  # the least room between a column's text and its footer
QR_BORDER = 4  # modules of quiet zone

# The kit's colours, in RGB for screens and in CMYK for the print shop. The CMYK values are the
# RGB ones converted for a coated offset press (LittleCMS, sRGB to Ghostscript's SWOP profile,
# relative colorimetric with black point compensation), not by the naive formula K = 1 - max,
# which turned the green band blue on paper (cyan ink alone is blue; green needs yellow). Text
# and hairlines stay black ink only (ink, black): no colour fringes if the plates shift. A
# ministry colour chart, when there is one, replaces these figures.
COLOURS = {
    "green": ("#0b5e55", "device-cmyk(0.88 0.42 0.65 0.29)"),
    "dark": ("#073f39", "device-cmyk(0.88 0.51 0.69 0.53)"),
    "orange": ("#a34a17", "device-cmyk(0.25 0.79 1 0.18)"),
    "ink": ("#1a1a1a", "device-cmyk(0 0 0 0.9)"),
    "tint": ("#eef5f3", "device-cmyk(0.05 0.01 0.04 0)"),
    "white": ("#ffffff", "device-cmyk(0 0 0 0)"),
    "black": ("#000000", "device-cmyk(0 0 0 1)"),
}


def qr_svg(url: str, dark: str = "#000000", light: str = "#ffffff") -> str:
    """The QR code in ``dark`` on ``light`` (CMYK values in the print-shop edition: its white
    background was the one RGB fill of the sheet)."""
    import segno  # only when a poster is drawn: a build from the cache never needs it

    code = segno.make(url, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(border=QR_BORDER, scale=1, dark="#000000", light="#ffffff")
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    svg = svg.replace('"#ffffff"', f'"{light}"').replace('"#fff"', f'"{light}"')
    return svg.replace('"#000000"', f'"{dark}"').replace('"#000"', f'"{dark}"')


def qr_data_uri(url: str, dark: str = "#000000", light: str = "#ffffff") -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(
        qr_svg(url, dark, light).encode()).decode()


@dataclass(frozen=True)
class Poster:
    id: str  # the campaign's identifier ("site" for the site's own preview)
    format: str  # a3, a4, a5 or preview
    lang: str  # fr, ar or bi (bilingual)
    title: dict
    message: dict
    call_to_action: dict
    hashtag: dict
    urls: dict  # language -> the page the QR code leads to
    draft: bool
    date: datetime
    edition: str = "screen"  # screen (PDF/UA-1, RGB) or print (bleed, crop marks, CMYK)
    pictogram: str = ""  # a Material icon name (polesocial.print.pictograms)
    logo: str = ""  # file URL of the official logo, from the site's configuration
    logo_digest: str = ""  # its content's hash: a new logo renders the kit again
    proof: bool = False  # the site's address is the placeholder: mark every sheet
    words: tuple = ()  # typography.accented_words, sorted (part of the cache key)
    stylesheets: tuple = ()
    fit: float = 1.0  # the share of the scale the title, message and call to action take
    css = ("poster.css",)

    @property
    def raster(self):
        return (1200, 630) if self.format == "preview" else None

    @property
    def file_name(self) -> str:
        kind = "apercu" if self.format == "preview" else self.format
        suffix = "-imprimeur" if self.edition == "print" else ""
        return f"{self.id}-{kind}-{self.lang}{suffix}.pdf"

    @property
    def pdf_variant(self) -> str | None:
        """PDF/UA-1 for the screen edition; the print shop's has no variant (see pdf.py)."""
        return None if self.edition == "print" else "pdf/ua-1"

    @property
    def panels(self) -> tuple[str, ...]:
        return ("fr", "ar") if self.lang == "bi" else (self.lang,)

    def colour(self, name: str) -> str:
        return COLOURS[name][1 if self.edition == "print" else 0]

    def scale(self) -> dict:
        """The format's sizes, the large ones reduced by ``fit`` (never below 12 pt)."""
        sizes = dict(SCALES[f"{self.format}-bi" if self.lang == "bi" else self.format])
        for key in FITTED:
            sizes[key] = max(MINIMUM_PT, round(sizes[key] * self.fit, 1))
        return sizes

    def smaller(self) -> "Poster | None":
        """The same sheet with its large type one step smaller, or None at the last step."""
        if self.fit <= FIT_STEPS[-1]:
            return None
        return replace(self, fit=next(step for step in FIT_STEPS if step < self.fit))

    def overflows(self, document) -> bool:
        """Whether, in WeasyPrint's layout of this sheet (``document``), the text of a column
        runs into its footer (the QR code, the address) or past the column."""
        for panel in _find(document.pages[0]._page_box, "panel"):
            footers = _find(panel, "footer")
            bottom = panel.content_box_y() + panel.height
            if footers and footers[0].style["position"] == "absolute":
                bottom = footers[0].position_y - GAP_PT
            flow = [box for box in _lines(panel) if not any(_inside(box, f) for f in footers)]
            if any(box.position_y + box.height > bottom + 0.5 for box in flow):
                return True
            if footers and footers[0].style["position"] != "absolute" and any(
                    box.position_y + box.height > panel.content_box_y() + panel.height + 0.5
                    for box in _lines(footers[0])):
                return True
        return False

    def html(self) -> str:
        e = html.escape
        root = "fr" if self.lang == "bi" else self.lang
        direction = languages.get(root).direction
        width, height = SIZES[self.format]
        s = self.scale()
        title = " — ".join(self.title[code] for code in self.panels)
        classes = f"format-{self.format} variant-{self.lang} edition-{self.edition}"
        parts = [f'<!doctype html><html lang="{root}" dir="{direction}" class="{classes}">'
                 f'<head><meta charset="utf-8"><title>{e(title)}</title>'
                 f'<meta name="author" content="{e(messages.UI["pole_social"][root])}">'
                 f'<meta name="description" content="{e(self.message[root])}">'
                 f'<meta name="dcterms.created" content="{self.date.isoformat()}">'
                 f'<meta name="dcterms.modified" content="{self.date.isoformat()}">']
        parts += [f'<link rel="stylesheet" href="{e(url)}">' for url in self.stylesheets]
        parts.append(f"<style>{self._css(width, height, s)}</style></head><body>")
        parts.append(self._band())
        for index, code in enumerate(self.panels):
            parts.append(self._panel(code, index))
        strip = self._strip()
        if strip:
            parts.append(strip)
        parts.append("</body></html>")
        return "".join(parts)

    def _css(self, width: str, height: str, s: dict) -> str:
        c = self.colour
        page = f"@page {{ size: {width} {height}; margin: 0; }}"
        # In the print-shop edition the band and the strip reach 3 mm past the trim (the
        # bleed); WeasyPrint draws the crop marks further out, in 10 mm of sheet around it, and
        # pdf.py sets the BleedBox at 3 mm.
        b = BLEED if self.edition == "print" else "0mm"
        if self.edition == "print":
            page = f"@page {{ size: {width} {height}; margin: 0; bleed: 10mm; marks: crop; }}"
        lines = 2.2 if self.lang != "bi" or self.format == "a3" else 3.2  # two lines if need be
        strip = f"{round(s['small'] * lines, 1)}pt" if self._strip() else "0mm"
        arabic = "".join(f" [lang=ar] .{name} {{ font-size: {round(s[key] * ARABIC_SCALE, 1)}pt; }}"
                         for name, key in (("title", "title"), ("title.long", "title_long"),
                                           ("message", "message"), ("cta", "cta")))
        return (f"{page} html {{ color: {c('ink')}; }}"
                f" .band {{ background: {c('green')}; top: -{b}; left: -{b}; right: -{b};"
                f" height: calc({s['band']} + {b}); }}"
                f" .band-inner {{ top: {b}; left: {b}; right: {b}; height: {s['band']};"
                f" }}"
                f" .mark {{ font-size: {s['mark']}pt; color: {c('white')};"
                f" line-height: {s['band']}; }}"
                f" .mark[dir=ltr], html[dir=ltr] .logo, html[dir=rtl] .pictogram"
                f" {{ left: {s['margin']}; }}"
                f" .mark[dir=rtl], html[dir=rtl] .logo, html[dir=ltr] .pictogram"
                f" {{ right: {s['margin']}; }}"
                f" .variant-bi .band .pictogram {{ left: 50%; right: auto;"
                f" margin-left: calc({s['icon']} / -2); }}"
                f" .logo {{ height: calc({s['band']} * 0.7); }}"
                f" .pictogram {{ width: {s['icon']}; height: {s['icon']}; }}"
                f" .panel {{ top: calc({s['band']} + {s['margin']} * 0.9);"
                f" bottom: calc({strip} + {s['margin']} * 0.8); padding: 0 {s['margin']}; }}"

                f" .title {{ font-size: {s['title']}pt; color: {c('dark')}; }}"
                f" .title.long {{ font-size: {s['title_long']}pt; }}"
                f" .message {{ font-size: {s['message']}pt; }}"
                f" .cta {{ font-size: {s['cta']}pt; background: {c('green')};"
                f" color: {c('white')}; }}"
                f" .footer {{ left: {s['margin']}; width: calc(100% - 2 * {s['margin']});"
                f" min-height: {s['qr'] or '0mm'}; font-size: {s['small']}pt; }}"
                f" .qr {{ width: {s['qr'] or '0mm'}; height: {s['qr'] or '0mm'}; }}"
                f" .panel[dir=ltr] .qr-text {{ padding-left: calc({s['qr'] or '0mm'} + 4mm); }}"
                f" .panel[dir=rtl] .qr-text {{ padding-right: calc({s['qr'] or '0mm'} + 4mm); }}"
                f" .hashtag {{ color: {c('orange')}; }}"
                f" .rule {{ background: {c('tint')}; top: calc({s['band']} + {s['margin']});"
                f" bottom: calc({strip} + {s['margin']}); }}"
                f" .strip {{ background: {c('orange')}; bottom: -{b}; left: -{b}; right: -{b};"
                f" height: calc({strip} + {b}); }}"
                f" .strip-inner {{ left: {b}; right: {b}; bottom: {b}; height: {strip};"
                f" color: {c('white')}; font-size: {s['small']}pt; }}"
                + arabic)

    def _text(self, value: str, code: str) -> str:
        return html.escape(typography.localise_plain(value, code, self.words))

    def _band(self) -> str:
        """The band: the logo (or the text mark) of each language, and the pictogram."""
        e = html.escape
        marks = []
        if self.logo:
            marks.append(f'<img class="logo" src="{e(self.logo)}" '
                         f'alt="{e(messages.UI["pole_social"][self.panels[0]])}">')
        else:
            for code in self.panels:
                lang = languages.get(code)
                marks.append(f'<p class="mark" lang="{code}" dir="{lang.direction}">'
                             f"{self._text(messages.UI['pole_social'][code], code)}</p>")
        icon = ""
        if self.pictogram and pictograms.exists(self.pictogram):
            icon = (f'<img class="pictogram" src="{pictograms.data_uri(self.pictogram, self.colour("white"))}" '
                    'alt="">')
        if self.lang == "bi" and not self.logo:
            inner = marks[0] + icon + marks[1]
        else:
            inner = "".join(marks) + icon
        return f'<header class="band"><div class="band-inner">{inner}</div></header>'

    def _strip(self) -> str:
        """The proof strip: the address is provisional, the campaign is a draft."""
        proof = self.proof and self.format != "preview"  # a preview prints no address
        if not (proof or self.draft):
            return ""
        items = []
        for code in self.panels:
            words = []
            if self.draft:
                words.append(messages.UI["draft_mark"][code])
            if proof:
                words.append(messages.UI["proof_mark"][code])
            lang = languages.get(code)
            items.append(f'<span lang="{code}" dir="{lang.direction}">'
                         f'{self._text(" · ".join(words), code)}</span>')
        return (f'<footer class="strip"><div class="strip-inner">{"".join(items)}</div>'
                "</footer>")

    def _panel(self, code: str, index: int) -> str:
        e = html.escape
        lang = languages.get(code)
        s = self.scale()
        side = "panel-start" if index == 0 else "panel-end"
        long = " long" if len(self.title[code]) > LONG_TITLE else ""
        out = [f'<section class="panel {side}" lang="{code}" dir="{lang.direction}">',
               f'<h1 class="title{long}">{self._text(self.title[code], code)}</h1>',
               f'<p class="message">{self._text(self.message[code], code)}</p>']
        if self.call_to_action.get(code):
            out.append(f'<p class="cta">{self._text(self.call_to_action[code], code)}</p>')
        footer = []
        if s["qr"] and self.urls.get(code):
            url = self.urls[code]
            footer.append(f'<img class="qr" src="{qr_data_uri(url, self.colour("black"), self.colour("white"))}" '
                          f'alt="{e(messages.UI["qr_alt"][code])}">')
            footer.append(f'<div class="qr-text"><p class="qr-label">'
                          f'{self._text(messages.UI["qr_label"][code], code)}</p>'
                          f'<p class="url" dir="ltr" lang="fr">{_breakable(url)}</p>')
        else:
            footer.append('<div class="qr-text">')
        if self.hashtag.get(code):
            footer.append(f'<p class="hashtag" dir="auto">{_hashtag(self.hashtag[code])}</p>')
        footer.append("</div>")
        out.append(f'<div class="footer">{"".join(footer)}</div>')
        out.append("</section>")
        if index == 1:
            out.insert(0, '<div class="rule"></div>')
        return "".join(out)


def _find(box, css_class: str) -> list:
    """The outermost boxes under ``box`` (itself included) whose element has ``css_class``."""
    element = getattr(box, "element", None)
    if element is not None and getattr(box, "element_tag", None) \
            and css_class in (element.get("class") or "").split():
        return [box]
    return [found for child in getattr(box, "children", ()) for found in _find(child, css_class)]


def _lines(box) -> list:
    """The boxes of text under ``box`` (their height is the font's, taller than the line's)."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        return [box] if box.text.strip() else []
    return [line for child in getattr(box, "children", ()) for line in _lines(child)]


def _inside(box, container) -> bool:
    return any(b is box for b in _lines(container))


def _hashtag(tag: str) -> str:
    """A hashtag that may break before its capitals ("#SolidairesEntre|Generations") or after
    its underscores ("#التضامن_بين_|الأجيال") when a narrow column cannot hold it whole, never
    inside a word (it broke "الأجيال" in two on the bilingual flyer)."""
    return re.sub(r"(?<=.)(?=[A-Z])|(?<=_)(?=.)", "<wbr>", html.escape(tag))


def _breakable(url: str) -> str:
    """An address that may break after its slashes only (never inside a word)."""
    e = html.escape
    parts = url.split("/")
    return "/<wbr>".join(e(part) for part in parts)
