"""Campaign posters, flyers and sharing previews: one design at every size.

A3 and A4 posters and the A5 flyer exist in French, in Arabic, and bilingual (French above,
Arabic below, the way public notices are often printed in Morocco). Each carries a vector QR
code (error correction M, quiet zone of 4 modules, at least 2 cm wide) leading to the campaign's
page in the same language; the bilingual one carries one code per language. The 1200x630
preview used when a page is shared is the same design at screen size, rendered to PNG.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import datetime

from .. import bidi, languages, messages

# format -> (CSS page size, page height, base font size in pt for one language and for the
# bilingual sheet, QR code width): text never below 12 pt, and the QR code, quiet zone
# included, wide enough for its symbol to print at least 2 cm wide.
FORMATS = {
    "a3": ("A3", "420mm", (34, 21), "6cm"),
    "a4": ("A4", "297mm", (24, 15), "4.5cm"),
    "a5": ("A5", "210mm", (17, 12), "2.8cm"),
    "preview": ("1200px 630px", "630px", (30, 30), None),
}
PRINTED = ("a3", "a4", "a5")
VARIANTS = ("fr", "ar", "bi")
QR_BORDER = 4  # modules of quiet zone


def qr_data_uri(url: str) -> str:
    import segno  # only when a poster is drawn: a build from the cache never needs it

    code = segno.make(url, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(border=QR_BORDER, scale=1, dark="#000000", light="#ffffff")
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


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
    stylesheets: tuple = ()
    css = ("poster.css",)

    @property
    def raster(self):
        return (1200, 630) if self.format == "preview" else None

    @property
    def file_name(self) -> str:
        kind = "apercu" if self.format == "preview" else self.format
        return f"{self.id}-{kind}-{self.lang}.pdf"

    @property
    def panels(self) -> tuple[str, ...]:
        return ("fr", "ar") if self.lang == "bi" else (self.lang,)

    def html(self) -> str:
        e = html.escape
        root = "fr" if self.lang == "bi" else self.lang
        direction = languages.get(root).direction
        size, height, bases, qr_width = FORMATS[self.format]
        base = bases[1] if self.lang == "bi" else bases[0]
        # Two panels a millimetre short of half the page each: exact halves spill onto a second
        # page once rounded.
        panel_height = f"({height} / 2 - 1mm)" if self.lang == "bi" else height
        title = " — ".join(self.title[code] for code in self.panels)
        parts = [f'<!doctype html><html lang="{root}" dir="{direction}" '
                 f'class="format-{self.format} variant-{self.lang}"><head><meta charset="utf-8">'
                 f"<title>{e(title)}</title>"
                 f'<meta name="author" content="{e(messages.UI["pole_social"][root])}">'
                 f'<meta name="description" content="{e(self.message[root])}">'
                 f'<meta name="dcterms.created" content="{self.date.isoformat()}">'
                 f'<meta name="dcterms.modified" content="{self.date.isoformat()}">']
        parts += [f'<link rel="stylesheet" href="{e(url)}">' for url in self.stylesheets]
        # Room kept free for the footer: QR code, its label and address, the hashtag (the
        # address is left out on the bilingual A5, short of room).
        extra = "3.6rem" if (self.format, self.lang) == ("a5", "bi") else "6.2rem"
        footer = f"({qr_width} + {extra})" if qr_width else "(3rem)"
        top = "2rem" if self.lang == "bi" else "2.3rem"
        parts.append(f"<style>@page {{ size: {size}; margin: 0; }} html {{ font-size: {base}pt; }}"
                     f" .panel {{ padding-bottom: calc{footer}; height: calc({panel_height} - "
                     f"{top} - {footer}); }}</style></head><body>")
        if self.draft:
            parts.append(f'<div class="draft-mark" aria-hidden="true">'
                         f'{e(messages.UI["draft_mark"][root])}</div>')
        for code in self.panels:
            parts.append(self._panel(code, qr_width))
        parts.append("</body></html>")
        return "".join(parts)

    def _panel(self, code: str, qr_width: str | None) -> str:
        e = html.escape
        lang = languages.get(code)

        def t(value: str) -> str:
            return e(bidi.isolate_plain(value) if lang.direction == "rtl" else value)

        out = [f'<section class="panel" lang="{code}" dir="{lang.direction}">'
               '<div class="band"></div>',
               f'<p class="institution">{t(messages.UI["pole_social"][code])}</p>',
               f'<h1 class="title">{t(self.title[code])}</h1>',
               f'<p class="message">{t(self.message[code])}</p>']
        if self.call_to_action.get(code):
            out.append(f'<p class="cta">{t(self.call_to_action[code])}</p>')
        out.append('<div class="footer">')
        if qr_width and self.urls.get(code):
            url = self.urls[code]
            out.append(f'<img class="qr" style="width: {qr_width}; height: {qr_width}" '
                       f'src="{qr_data_uri(url)}" alt="{e(messages.UI["qr_alt"][code])}">'
                       f'<p class="qr-label">{t(messages.UI["qr_label"][code])}<br>'
                       f'<span class="url" dir="ltr">{e(url)}</span></p>')
        if self.hashtag.get(code):
            out.append(f'<p class="hashtag" dir="auto">{e(self.hashtag[code])}</p>')
        out.append("</div></section>")
        return "".join(out)
