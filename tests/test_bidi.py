"""Numbers and Latin phrases keep their order inside Arabic text."""

from polesocial import bidi
from polesocial.web import document

BDI = '<bdi dir="ltr">{}</bdi>'


def test_number_ranges_law_numbers_dates_and_phone_numbers_are_isolated():
    html = "<p>الفترة 2012-2016 والقانون 14-05 بتاريخ 2026-11-29 والرقم 05 22 00 00</p>"
    out = bidi.isolate_html(html)
    for run in ("2012-2016", "14-05", "2026-11-29", "05 22 00 00"):
        assert BDI.format(run) in out


def test_latin_phrases_and_identifiers_are_isolated_but_single_words_are_not():
    out = bidi.isolate_html("<p>رخصة CC BY 4.0 وخط Noto Naskh Arabic والإجراء A1.2.3 بصيغة PDF</p>")
    assert BDI.format("CC BY 4.0") in out
    assert BDI.format("Noto Naskh Arabic") in out
    assert BDI.format("A1.2.3") in out
    assert BDI.format("PDF") not in out and "PDF" in out


def test_code_attributes_entities_and_other_language_blocks_are_left_alone():
    html = ('<p title="2012-2016"><a href="/a-1/">2012-2016</a> &amp; <code>14-05</code></p>'
            '<div lang="fr" dir="ltr"><p>Période 2012-2016</p></div><pre>2012-2016</pre>')
    out = bidi.isolate_html(html)
    assert 'title="2012-2016"' in out and 'href="/a-1/"' in out
    assert f'<a href="/a-1/">{BDI.format("2012-2016")}</a>' in out
    assert "&amp;" in out and "<code>14-05</code>" in out
    assert "<p>Période 2012-2016</p>" in out and "<pre>2012-2016</pre>" in out


def test_markup_is_otherwise_unchanged():
    html = '<!-- c --><p class="x">نص<br>بدون أرقام</p><img src="a.png" alt="">'
    assert bidi.isolate_html(html) == html


def test_plain_text_uses_isolate_controls():
    assert bidi.isolate_plain("استراتيجية 2012-2016") == "استراتيجية \u20662012-2016\u2069"


def test_each_direction_isolates_the_other():
    assert document.localise_content("<p>loi 14-05</p>", "fr") == "<p>loi 14-05</p>"
    assert BDI.format("2012-2016") in document.localise_content("<p>2012-2016</p>", "ar")
    # A Latin phrase with numbers in Arabic, as one unit; an Arabic run in French, with its
    # numbers isolated inside it.
    assert BDI.format("Stratégie 4+4 (2012-2016)") in bidi.isolate_html(
        "<p>بالفرنسية Stratégie 4+4 (2012-2016)</p>")
    fr = bidi.isolate_html("<p>En arabe : المناصفة 2012-2016.</p>", lang="fr")
    assert f'<bdi dir="rtl" lang="ar">المناصفة {BDI.format("2012-2016")}</bdi>.' in fr
