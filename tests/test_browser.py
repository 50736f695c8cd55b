"""The site in a real browser (Debian's Chromium through Playwright), as readers use it.

Every page opened here is also watched: a request to another host or a console error fails the
test that opened it (see `page_factory` in conftest.py).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from polesocial import languages, pages, problems, publication
from polesocial.strategy.render import page_url

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def every_page() -> list[str]:
    """The URL path of every page of the site in both languages, from its sources."""
    loaded = publication.load(ROOT, problems.Report(ROOT))
    assert loaded is not None, "the sources have errors: run make check"
    paths = list(pages.docs_pages(ROOT / "docs", "fr")) + loaded.page_paths()
    return [lang.prefix + page_url(path) for lang in languages.LANGUAGES for path in paths] \
        + ["404.html", "ar/404.html", "offline.html", "ar/offline.html"]


def test_arabic_pages_are_right_to_left_everywhere(page_factory):
    page, _ = page_factory("ar/a-propos/")
    directions = page.evaluate("""() => {
        const dir = (sel) => getComputedStyle(document.querySelector(sel)).direction;
        return {html: dir('html'), body: dir('body'), article: dir('article'),
                nav: dir('.md-nav'), search: dir('.md-search__input'),
                list: dir('article ul, article ol, article p')};
    }""")
    assert set(directions.values()) == {"rtl"}, directions
    # The text column starts on the right: the heading's right edge is the article's.
    edges = page.evaluate("""() => {
        const article = document.querySelector('article').getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('article h1'));
        const text = range.getBoundingClientRect();
        return {articleRight: article.right, textRight: text.right,
                articleLeft: article.left, textLeft: text.left};
    }""")
    assert edges["articleRight"] - edges["textRight"] < 40, edges
    assert edges["textLeft"] - edges["articleLeft"] > 100, edges


def test_french_pages_are_left_to_right(page_factory):
    page, _ = page_factory("a-propos/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"


def test_arabic_typography_uses_the_shipped_font_without_spacing_or_italics(page_factory):
    page, _ = page_factory("ar/a-propos/")
    page.evaluate("document.fonts.ready")
    style = page.evaluate("""() => {
        const article = document.querySelector('article');
        const em = document.createElement('em');
        em.textContent = 'تجربة';
        article.querySelector('p').appendChild(em);
        const p = getComputedStyle(article.querySelector('p'));
        const h1 = getComputedStyle(article.querySelector('h1'));
        const emStyle = getComputedStyle(em);
        return {
            h1Spacing: h1.letterSpacing, pSpacing: p.letterSpacing,
            lineRatio: parseFloat(p.lineHeight) / parseFloat(p.fontSize),
            emStyle: emStyle.fontStyle, emWeight: emStyle.fontWeight,
            family: p.fontFamily,
            loaded: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family),
        };
    }""")
    assert style["h1Spacing"] in ("normal", "0px"), style
    assert style["pSpacing"] in ("normal", "0px"), style
    assert style["lineRatio"] >= 1.7, style
    assert style["emStyle"] == "normal" and int(style["emWeight"]) >= 700, style
    assert style["family"].startswith('"Noto Naskh Arabic"'), style
    assert any("Noto Naskh Arabic" in family for family in style["loaded"]), style
    # Scheherazade New is the PDFs' face: a reader of the site never downloads it.
    assert not any("Scheherazade" in family for family in style["loaded"]), style


def test_french_pages_use_the_shipped_latin_font(page_factory):
    page, _ = page_factory("")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Sans" in family for family in loaded), loaded
    assert not any("Naskh" in family for family in loaded), loaded


def _switch_language(page, hreflang: str):
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang={hreflang}]")
    page.wait_for_load_state("networkidle")


def test_language_switcher_keeps_the_page_both_ways(page_factory, base_url):
    page, _ = page_factory("a-propos/")
    _switch_language(page, "ar")
    assert page.url == base_url + "ar/a-propos/"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert "حول الموقع" in page.inner_text("article h1")
    _switch_language(page, "fr")
    assert page.url == base_url + "a-propos/"
    assert page.inner_text("article h1").startswith("À propos")


@pytest.mark.parametrize("start", ["", "ar/guides/benevolat/"])
def test_search_index_is_downloaded_only_when_the_reader_searches(page_factory, base_url, start):
    """A first visit downloads neither the search index (60 KB and more) nor the search code;
    opening the search does, with the index of the page's language only, and it answers."""
    page, watch = page_factory(start)
    assert len(watch.requests) > 5, watch.requests
    assert not [u for u in watch.requests
                if "search_index" in u or "/lunr/" in u or "/workers/" in u], watch.requests
    assert _search(page, "2012")
    prefix = base_url + ("ar/" if start.startswith("ar/") else "")
    assert [u for u in watch.requests if "search_index" in u] == \
        [prefix + "search/search_index.json"]


def _search_count(page, query: str) -> str:
    """The theme's count of matching pages ("17 matching documents"), as the reader sees it."""
    _search(page, query)
    return page.inner_text(".md-search-result__meta")


@pytest.mark.parametrize("start, bare, prefixed", [
    ("ar/", "عنف", "العنف"),
    ("ar/", "تضامن", "التضامن"),
    ("ar/", "عنف", "للعنف"),
    ("", "établissement", "l’établissement"),
    # Letters readers type in more than one way: hamza, ta marbuta, harakat; French accents.
    ("ar/", "اسرة", "الأسرة"),
    ("ar/", "اسره", "أسرة"),
    ("ar/", "مسوولية", "مسؤولية"),
    ("ar/", "العُنْف", "عنف"),
    ("ar/", "آليات", "الآليات"),
    ("ar/", "مبادئ", "المبادئ"),
    ("", "etablissement", "établissement"),
    ("", "benevolat", "Bénévolat"),
])
def test_search_finds_a_word_with_or_without_its_article(page_factory, start, bare, prefixed):
    """عنف and العنف (or établissement and l’établissement) find the same pages, and so do the
    spellings of a word with and without hamza, harakat or accents."""
    with_article = _search_count(page_factory(start)[0], prefixed)
    without = _search_count(page_factory(start)[0], bare)  # a new page: no earlier results
    assert with_article == without, (with_article, without)
    assert any(c.isdigit() for c in without), without


def test_search_keeps_words_that_only_look_like_they_carry_the_article(page_factory):
    """والدين (parents) starts like و + ال + دين: written without its article it still finds the
    page that has الوالدين."""
    wanted = {r["href"].split("#")[0] for r in _search(page_factory("ar/")[0], "الوالدين")}
    found = {r["href"].split("#")[0] for r in _search(page_factory("ar/")[0], "والدين")}
    assert wanted and wanted <= found, (wanted, found)


def _search(page, query: str) -> list[dict]:
    """Type a query as a reader does (the box is read on every input event), and wait for the
    answer of the whole index (the first results come from titles and summaries; the worker
    answers again once the sections' text is there)."""
    _open_search(page)
    page.fill(".md-search__input", query)
    return _results(page)


def _results(page) -> list[dict]:
    """The results shown once the worker answered the query in the box from its whole index."""
    page.wait_for_function("""() => {
        const answer = window.__psSearchAnswer;
        return answer && answer.complete &&
            answer.query === document.querySelector(".md-search__input").value;
    }""", timeout=20000)
    return page.eval_on_selector_all(
        ".md-search-result__item a",
        "links => links.map(a => ({href: a.href, text: a.innerText}))")


@pytest.mark.parametrize("start, query, expected", [
    ("", "2012", "2012"),
    ("ar/", "2012", "2012"),
    ("ar/", "التضامن", "التضامن"),
    ("ar/", "العنف", "العنف"),
    ("ar/", "عنف", "عنف"),
    ("", "14.05", "14"),
    ("ar/", "14.05", "14.05"),
])
def test_search_is_per_language_and_finds_numbers_and_arabic_words(page_factory, base_url,
                                                                   start, query, expected):
    page, _ = page_factory(start)
    results = _search(page, query)
    assert results, f"no result for {query!r}"
    assert any(expected in r["text"] for r in results), results
    arabic = [r["href"].startswith(base_url + "ar/") for r in results]
    assert all(arabic) if start == "ar/" else not any(arabic), results


@pytest.mark.parametrize("path", every_page())
def test_every_page_on_a_phone(page_factory, path):
    """Every page of both languages, on a 360 px screen: its direction, nothing scrolling
    sideways, no WCAG 2.2 A/AA violation (axe-core), and (checked by page_factory) no console
    error and no request to another host."""
    page, _ = page_factory(path, width=360)
    direction = "rtl" if path.startswith("ar/") else "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 360px screen"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert not results.response["violations"], results.generate_report()
    for href in page.eval_on_selector_all("a[href$='.pdf']", "links => links.map(a => a.href)"):
        if href not in _PDFS_ANSWERED:
            response = page.request.get(href)
            assert response.ok, f"{path}: {href} answers {response.status}"
            assert response.headers["content-type"] == "application/pdf", (href, response.headers)
            assert response.body().startswith(b"%PDF-"), href
            _PDFS_ANSWERED.add(href)


_PDFS_ANSWERED: set[str] = set()  # each PDF linked from the pages is fetched once (that
# the pages link to every PDF is checked against nginx in tests/test_nginx.py)


def _open_search(page):
    """Open the search as a reader does: the box on a wide screen, the header's icon on a phone."""
    page.locator('label.md-header__button[for="__search"]:visible, '
                 '.md-search__input:visible').first.click()
    page.evaluate("window.__psSearchAnswer = null")


def _replace_query(page, enter):
    """A first search (so that the search is ready), then its text selected and replaced by
    ``enter``, which must not release any key."""
    assert _search(page, "2012")
    page.focus(".md-search__input")
    page.keyboard.press("Control+A")
    page.evaluate("window.__psSearchAnswer = null")
    enter()
    return _results(page)


@pytest.mark.parametrize("start, query", [("", "bénévolat"), ("ar/", "التطوع")])
def test_search_answers_text_typed_without_key_events(page_factory, start, query):
    """Many phone keyboards (Arabic ones especially) and dictation enter text with input events
    only, no key presses: the results follow them."""
    page, _ = page_factory(start, width=360)
    # An input event, and no keydown, keypress or keyup.
    results = _replace_query(page, lambda: page.keyboard.insert_text(query))
    assert results and results[0]["href"].endswith("guides/benevolat/"), results


@pytest.mark.parametrize("start, query", [("", "médiation"), ("ar/", "الوساطة")])
def test_search_answers_pasted_text(page_factory, start, query):
    """Text pasted into the search box (Ctrl+V held down: no key is released) is searched."""
    page, _ = page_factory(start, width=360)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("text => navigator.clipboard.writeText(text)", query)

    def paste():
        page.keyboard.down("Control")
        page.keyboard.down("v")

    results = _replace_query(page, paste)
    assert page.input_value(".md-search__input") == query
    page.keyboard.up("v")
    page.keyboard.up("Control")
    assert results and results[0]["href"].endswith("guides/mediation-sociale-familiale/"), results


@pytest.mark.parametrize("start, query", [("", "bénévolat"), ("ar/", "التطوع")])
def test_search_puts_the_volunteering_guide_first(page_factory, start, query):
    results = _search(page_factory(start, width=360)[0], query)
    assert results[0]["href"].endswith(start + "guides/benevolat/"), [r["href"] for r in results]


@pytest.mark.parametrize("forms", [("جمعية", "الجمعيات", "للجمعيات", "جمعيات"),
                                   ("مؤسسة", "المؤسسات", "مؤسسات")])
def test_search_meets_arabic_singulars_plurals_and_prefixed_forms(page_factory, forms):
    """Light stemming (light10's suffixes): جمعية, الجمعيات and للجمعيات find the same pages,
    and a page with the very word typed comes before one with another form of it."""
    counts = {form: _search_count(page_factory("ar/")[0], form) for form in forms}
    assert len(set(counts.values())) == 1, counts
    assert any(c.isdigit() for c in counts[forms[0]]), counts


@pytest.mark.parametrize("start, query, boilerplate", [
    ("", "guide", ("Document de travail", "Projet de document", "Télécharger le PDF",
                   "Version 0.1", "Enregistrer pour lire")),
    ("ar/", "دليل", ("وثيقة عمل", "مشروع وثيقة", "تحميل PDF", "حفظ للقراءة")),
])
def test_search_snippets_leave_out_the_draft_notice_and_boilerplate(page_factory, start, query,
                                                                    boilerplate):
    page = page_factory(start, width=360)[0]
    results = _search(page, query)
    assert len(results) >= 4, results
    shown = page.inner_text(".md-search-result__list")
    assert not [text for text in boilerplate if text in shown], shown[:500]


@pytest.mark.parametrize("path, selectors", [
    ("guides/benevolat/", [".ps-download a", ".ps-offline button", ".md-header__button"]),
    ("ar/guides/", [".ps-download a", ".md-header__button"]),
    ("campagnes/violence-femmes/", [".ps-kit a", ".md-header__button"]),
    ("ar/", [".grid.cards a", ".ps-download a"]),
])
def test_primary_actions_are_touch_targets_of_44_px(page_factory, path, selectors):
    """Download links, the "save for offline" button, the home page's links and the header's
    buttons: at least 44 px tall on a phone (the PDF link was 22 px)."""
    page, _ = page_factory(path, width=360)
    if ".ps-offline button" in selectors:
        page.wait_for_selector(".ps-offline button", state="visible", timeout=20000)
    for selector in selectors:
        boxes = page.eval_on_selector_all(selector, """els => els
            .filter(e => e.offsetParent !== null)
            .map(e => e.getBoundingClientRect()).map(r => [r.width, r.height])""")
        assert boxes, selector
        assert min(h for _, h in boxes) >= 44, (selector, boxes)
        assert min(w for w, _ in boxes) >= 24, (selector, boxes)
