"""Reading offline, in a real browser (Debian's Chromium, 360 px): with the service worker
installed and the network cut (Playwright's offline mode), a guide opened before and its PDF
still open, a page never opened shows the offline page in the reader's language, a rebuilt site
reaches the reader. The trainer's kit: what each archive holds, where the site links it, and its
index, unzipped, opened from the disk."""

from __future__ import annotations

import functools
import html
import re
import threading
import zipfile
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import WATCH_SEARCH, _QuietHandler, build, copy_project
from polesocial import messages
from polesocial.web import kit, offline

GUIDE = {"fr": "guides/benevolat/", "ar": "ar/guides/benevolat/"}
UNVISITED = {"fr": "strategie/axe-2/", "ar": "ar/charte/"}
HOME = {"fr": "", "ar": "ar/"}
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class Reader:
    """A phone's browser: a context of its own (its own service worker and caches), 360 px, and
    every console error it logs (but the PDF viewer's request for a favicon)."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 360, "height": 800})
        self.context.add_init_script(WATCH_SEARCH)
        self.errors: list[str] = []
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(f"{m.location.get('url')}: {m.text}")
                if m.type == "error" and not m.location.get("url", "").endswith("favicon.ico")
                else None)
        return page

    def open(self, path: str, page=None):
        page = page or self.page
        page.goto(self.base + path)
        page.wait_for_load_state("networkidle")
        return page

    def wait_for_worker(self):
        """Until the service worker controls the page and has kept the page itself."""
        self.page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
        self.wait_for_kept(self.page.url)

    def wait_for_kept(self, url: str):
        self.page.wait_for_function("url => caches.match(url, {ignoreSearch: true}).then(Boolean)",
                                    arg=url, timeout=20000)

    def fetch(self, url: str) -> list:
        return self.page.evaluate(
            "url => fetch(url).then(async r => [r.status, r.headers.get('content-type'), "
            "(await r.text()).slice(0, 5)])", url)

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, base_url):
    readers = []

    def new(base=base_url):
        readers.append(Reader(browser, base))
        return readers[-1]

    yield new
    for one in readers:
        errors = one.errors
        one.close()
        assert not errors, errors


def _pdf_of(page) -> str:
    return page.eval_on_selector(".ps-download a[href$='.pdf']", "a => a.href")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_guide_opened_before_and_its_pdf_still_open_offline(reader, lang):
    one = reader()
    page = one.open(GUIDE[lang])
    one.wait_for_worker()
    pdf = _pdf_of(page)
    # The reader opens the PDF (once the worker is there, the link opens it), then comes back.
    assert page.get_attribute(".ps-download a[href$='.pdf']", "download") is None
    with page.expect_navigation():
        page.click(".ps-download a[href$='.pdf']")
    page.go_back()
    page.wait_for_load_state("networkidle")
    one.wait_for_kept(pdf)

    one.context.set_offline(True)
    page.reload()
    page.wait_for_load_state("load")
    assert page.inner_text("article h1").startswith("Accueillir" if lang == "fr" else "استقبال")
    banner = page.locator(".ps-offline-banner")
    assert banner.is_visible() and banner.inner_text() == messages.UI["offline_now"][lang]
    assert one.fetch(pdf) == [200, "application/pdf", "%PDF-"]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_saving_a_guide_keeps_it_and_its_pdf_and_says_so(reader, lang):
    one = reader()
    page = one.open(GUIDE[lang])
    one.wait_for_worker()
    button = page.locator(".ps-offline button")
    assert button.is_visible() and button.inner_text() == messages.UI["offline_save"][lang]
    assert button.bounding_box()["height"] >= 44
    button.click()
    saved = page.locator(".ps-offline__saved")
    saved.wait_for(state="visible", timeout=20000)
    assert saved.inner_text().startswith(messages.UI["offline_saved"][lang])
    assert not button.is_visible()
    pdf = _pdf_of(page)

    one.context.set_offline(True)
    later = one.new_page()  # another visit, with no network
    later.goto(one.base + GUIDE[lang])
    later.wait_for_load_state("load")
    later.locator(".ps-offline__saved").wait_for(state="visible", timeout=10000)
    assert later.evaluate(
        "url => fetch(url).then(r => [r.status, r.headers.get('content-type')])", pdf) == \
        [200, "application/pdf"]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_page_never_opened_shows_the_offline_page_in_the_readers_language(reader, lang):
    one = reader()
    one.open(HOME[lang])
    one.wait_for_worker()
    one.context.set_offline(True)
    page = one.page
    page.goto(one.base + UNVISITED[lang])
    page.wait_for_load_state("load")
    assert page.url == one.base + UNVISITED[lang]  # the address stays: "retry" reloads it
    assert page.inner_text("article h1") == messages.UI["offline_title"][lang]
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("getComputedStyle(document.body).direction") == \
        ("rtl" if lang == "ar" else "ltr")
    # Styled by the kept stylesheets, and listing the page this device holds.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == \
        "sticky"
    listed = page.locator(".ps-offline-list li a")
    listed.first.wait_for(timeout=10000)
    assert one.base + HOME[lang] in [listed.nth(i).get_attribute("href")
                                     for i in range(listed.count())]


def test_a_rebuilt_site_reaches_the_reader_and_replaces_its_kept_copy(tmp_path, reader):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        build(project, site, site_url=base)
        version = _version(site)
        one = reader(base)
        page = one.open("a-propos/")
        one.wait_for_worker()
        assert page.evaluate("caches.keys()").count(f"ps-shell-{version}") == 1

        page_source = project / "docs/fr/a-propos.md"
        page_source.write_text(page_source.read_text(encoding="utf-8")
                               + "\nUne phrase ajoutée après la mise à jour.\n", encoding="utf-8")
        build(project, site, site_url=base)
        new_version = _version(site)
        assert new_version != version

        page.reload()  # online: the network's page, never the kept one
        page.wait_for_load_state("networkidle")
        assert "Une phrase ajoutée après la mise à jour." in page.inner_text("article")
        page.wait_for_function(  # the new worker, which dropped the old shell
            "([now, old]) => caches.keys().then(k => k.includes(now) && !k.includes(old))",
            arg=[f"ps-shell-{new_version}", f"ps-shell-{version}"], timeout=20000)

        one.context.set_offline(True)
        page.reload()
        page.wait_for_load_state("load")
        assert "Une phrase ajoutée après la mise à jour." in page.inner_text("article")
    finally:
        server.shutdown()
        server.server_close()


def _version(site: Path) -> str:
    text = (site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    return text.split('const VERSION = "', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_kits_index_works_opened_from_the_disk(site, browser, tmp_path, lang):
    with zipfile.ZipFile(site / kit.FOLDER / kit.file_name(lang)) as archive:
        archive.extractall(tmp_path)
    index = tmp_path / kit.file_name(lang).removesuffix(".zip") / "index.html"
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(index.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("getComputedStyle(document.body).direction") == \
        ("rtl" if lang == "ar" else "ltr")
    assert messages.UI["kit_title"][lang] in page.inner_text("h1")
    links = page.eval_on_selector_all("a[href^='pdf/']", "links => links.map(a => a.href)")
    assert len(links) == 36, links
    for href in links:
        target = Path(href.removeprefix("file://"))
        assert target.is_file() and target.read_bytes()[:5] == b"%PDF-", href
    heights = page.eval_on_selector_all(
        "a[href^='pdf/']", "links => links.map(a => a.getBoundingClientRect().height)")
    assert min(heights) >= 44, heights
    assert page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    assert not results.response["violations"], results.generate_report()
    assert all(url.startswith("file://") for url in requests), requests  # nothing fetched
    assert not errors, errors
    context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_each_kit_holds_every_document_and_every_campaign_print_in_its_language(site, lang):
    from conftest import ROOT
    from polesocial import problems, publication

    loaded = publication.load(ROOT, problems.Report(ROOT))
    top = kit.file_name(lang).removesuffix(".zip")
    with zipfile.ZipFile(site / kit.FOLDER / kit.file_name(lang)) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        index = archive.read(f"{top}/index.html").decode("utf-8")
    documents = ["strategie-4plus4"] + [d.pdf_id for d in loaded.documents]
    posters = [f"{c.id}-{fmt}-{variant}" for c in loaded.campaigns
               for fmt in ("a3", "a4", "a5") for variant in (lang, "bi")]
    expected = [f"{top}/index.html"] + [f"{top}/pdf/{d}-{lang}.pdf" for d in documents] \
        + [f"{top}/pdf/{p}.pdf" for p in posters]
    assert names == expected
    assert len({info.date_time for info in infos}) == 1  # one date: the kit's newest document
    with zipfile.ZipFile(site / kit.FOLDER / kit.file_name(lang)) as archive:
        for name in names[1:]:  # the very PDFs the site publishes
            assert archive.read(name) == (site / "pdf" / name.rsplit("/", 1)[1]).read_bytes()
    assert f'lang="{lang}"' in index and "<script" not in index
    plain = html.unescape(re.sub(r"<[^>]+>", "", index))
    for document in loaded.documents:
        assert bidi_free(document.title[lang]) in bidi_free(plain), document.id


def bidi_free(text: str) -> str:
    return re.sub("[\u2066-\u2069]", "", text)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_home_page_and_the_guides_index_link_the_kit_with_its_size(site, lang):
    from polesocial.web import downloads

    prefix = "ar/" if lang == "ar" else ""
    size = downloads.size_text((site / kit.FOLDER / kit.file_name(lang)).stat().st_size, lang)
    for page, up in ((f"{prefix}index.html", "../" if lang == "ar" else ""),
                     (f"{prefix}guides/index.html", "../../" if lang == "ar" else "../")):
        text = (site / page).read_text(encoding="utf-8")
        assert re.search(rf'<a href="{up}{kit.FOLDER}/{kit.file_name(lang)}" download(="")? '
                         r'type="application/zip">', text), page
        # As a reader sees it: the sanitiser writes the size's no-break space as &nbsp;.
        assert size in html.unescape(re.sub(r"<[^>]+>", "", text)), (page, size)
    guides = (site / f"{prefix}guides/index.html").read_text(encoding="utf-8")
    for name in ("appui-financier-associations", "benevolat", "etablissements-protection-sociale",
                 "mediation-sociale-familiale"):
        pdf = f"guide-{name}-{lang}.pdf"
        section = guides.split(f'id="{name}"', 1)[1].split("<h3", 1)[0]
        assert re.search(rf'pdf/{pdf}" download(="")? type="application/pdf"', section), name
        assert downloads.size_text((site / "pdf" / pdf).stat().st_size, lang) in \
            html.unescape(re.sub(r"<[^>]+>", "", section)), name
