"""Arabic on the web as readers see it: every interface string in the page's language, the
Arabic face as large as the Latin one, link underlines clear of the letters."""

from __future__ import annotations

import re

import pytest

from polesocial import languages, messages

ANCHOR = re.compile(r'<a class="headerlink" href="[^"]*" title="([^"]*)"')


def pages_of(site, lang):
    prefix = languages.get(lang).prefix
    found = sorted((site / prefix).rglob("index.html")) if prefix else sorted(
        p for p in site.rglob("index.html") if not p.relative_to(site).parts[0] == "ar")
    assert len(found) > 20
    return found


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_heading_anchors_have_their_tooltip_in_the_page_language(site, lang):
    expected = messages.UI["permalink_title"][lang]
    anchors = 0
    for page in pages_of(site, lang):
        html = page.read_text(encoding="utf-8")
        titles = ANCHOR.findall(html)
        assert set(titles) <= {expected}, (page, set(titles))
        assert "Permanent link" not in html, page
        anchors += len(titles)
    assert anchors > 100


def test_arabic_pages_use_the_corrected_theme_labels(site):
    for page in pages_of(site, "ar"):
        html = page.read_text(encoding="utf-8")
        for wrong in ("إبحث", "إختر اللغة", "هامش سفلي", "عنوان العارضة"):
            assert wrong not in html, (page, wrong)
    home = (site / "ar/index.html").read_text(encoding="utf-8")
    for label in ('aria-label="البحث"', 'aria-label="اختيار اللغة"',
                  'aria-label="تذييل الصفحة"', 'aria-label="رأس الصفحة"'):
        assert label in home, label


MEASURE = """async () => {
  await document.fonts.load('100px "Noto Naskh Arabic"', 'ورم');
  await document.fonts.load('100px "Noto Sans"', 'xvz');
  const ascent = (font, text) => { const c = document.createElement('canvas').getContext('2d');
    c.font = font; return c.measureText(text).actualBoundingBoxAscent; };
  return {arabic: ascent('100px "Noto Naskh Arabic"', 'ورم'),
          latin: ascent('100px "Noto Sans"', 'xvz')};
}"""


def test_the_arabic_face_is_about_as_large_as_the_latin_one(page_factory):
    """At the same font size, the body of Arabic letters (و ر م) against Noto Sans's x-height.
    Unadjusted, Naskh's letters stand at 0.65 of it and a menu, a note or a table in Arabic
    reads a fifth smaller than in French; the site's face is scaled (fonts.css, size-adjust)."""
    page, _ = page_factory("ar/strategie/axe-1/")
    heights = page.evaluate(MEASURE)
    assert heights["arabic"] / heights["latin"] >= 0.72, heights


def test_arabic_link_underlines_sit_below_the_letters(page_factory):
    """In Arabic the underline of a link in running text is set lower than in French (the
    letters reach far below the baseline) and breaks where it would touch them."""
    offsets = {}
    for lang, path in (("fr", "guides/appui-financier-associations/"),
                       ("ar", "ar/guides/appui-financier-associations/")):
        page, _ = page_factory(path)
        offsets[lang] = page.evaluate("""() => {
          const link = document.querySelector('article p:not(.ps-download) a, article li a');
          const style = getComputedStyle(link);
          return {offset: parseFloat(style.textUnderlineOffset) / parseFloat(style.fontSize),
                  skip: style.textDecorationSkipInk, line: style.textDecorationLine};
        }""")
    assert offsets["ar"]["line"] == "underline" and offsets["ar"]["skip"] == "auto"
    assert offsets["ar"]["offset"] >= 0.4 > offsets["fr"]["offset"], offsets
