"""The site's app icons (the web app manifests' icons, a home-screen shortcut): the name of the
Pôle social in the reader's language, in the site's colours and typefaces, as the posters and
sharing previews are made (WeasyPrint, then pypdfium2). No emblem is drawn: the Pôle social has
none in the sources. The text stays in the middle 60% of the square, the part a phone keeps
when it cuts the icon into a circle or a rounded square ("maskable")."""

from __future__ import annotations

import html
from dataclasses import dataclass

from .. import languages, messages

SIZES = (192, 512)


@dataclass(frozen=True)
class Icon:
    lang: str
    size: int  # pixels, square
    stylesheets: tuple = ()
    css = ()
    draft = False

    @property
    def id(self) -> str:
        return "icone"

    @property
    def raster(self):
        return (self.size, self.size)

    @property
    def file_name(self) -> str:
        return f"icone-{self.lang}-{self.size}.pdf"

    def html(self) -> str:
        code = languages.get(self.lang)
        words = messages.UI["pole_social"][self.lang].split(" ", 1)
        face = ('"Scheherazade New", "Noto Sans", serif' if code.direction == "rtl"
                else '"Noto Sans", sans-serif')
        # Font size in hundredths of the square: two short lines fill 60% of it.
        font = 15 if code.direction == "rtl" else 13.5
        size = self.size
        links = "".join(f'<link rel="stylesheet" href="{html.escape(url)}">'
                        for url in self.stylesheets)
        return (f'<!doctype html><html lang="{code.code}" dir="{code.direction}"><head>'
                f'<meta charset="utf-8"><title>{html.escape(" ".join(words))}</title>{links}'
                f"<style>@page {{ size: {size}px {size}px; margin: 0; }}"
                f"html, body {{ margin: 0; height: 100%; background: #0b5e55; }}"
                f"body {{ display: flex; flex-direction: column; justify-content: center; "
                f"align-items: center; }}"
                f"p {{ margin: 0; color: #ffffff; font-family: {face}; font-weight: 700; "
                f"font-size: {size * font / 100:.1f}px; line-height: 1.15; text-align: center; "
                f"letter-spacing: 0; }}"
                f".band {{ position: absolute; left: 0; right: 0; bottom: 0; "
                f"height: {size * 0.07:.1f}px; background: #a34a17; }}</style></head><body>"
                + "".join(f"<p>{html.escape(word)}</p>" for word in words)
                + '<div class="band"></div></body></html>')


def icons() -> list[Icon]:
    return [Icon(lang.code, size) for lang in languages.LANGUAGES for size in SIZES]
