"""The built site, page by page, as a reader's browser and a search engine receive it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fontTools.ttLib import TTFont

from conftest import ROOT, build, copy_project
from polesocial import languages, messages
from polesocial.web import theme_bundle

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
              "x": "http://www.w3.org/1999/xhtml"}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_language(site: Path, page: Path) -> str:
    return "ar" if page.relative_to(site).parts[0] == "ar" else "fr"


class Resources(HTMLParser):
    """Every URL a browser would load for a page, and the attributes of <html> and <body>."""

    LOADING = {"script": ("src",), "img": ("src", "srcset"), "iframe": ("src",),
               "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
               "embed": ("src",), "object": ("data",), "link": ("href",)}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.html_attrs: dict = {}
        self.body_attrs: dict = {}
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "body":
            self.body_attrs = attrs
        if tag == "style":
            self.in_style = True
        if tag == "link" and "stylesheet" not in (attrs.get("rel") or "") \
                and "icon" not in (attrs.get("rel") or "") \
                and "preload" not in (attrs.get("rel") or ""):
            return  # canonical, prev/next: links, not loads
        for name in self.LOADING.get(tag, ()):
            if attrs.get(name):
                self.urls.extend(u.strip().split(" ")[0] for u in attrs[name].split(","))
        if attrs.get("style"):
            self.urls.extend(css_urls(attrs["style"]))

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.urls.extend(css_urls(data))


def css_urls(css: str) -> list[str]:
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
    urls += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", css)
    return [u for u in urls if not u.startswith("data:")]


def parse(page: Path) -> Resources:
    parser = Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def is_foreign(url: str, base_url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.netloc != urlsplit(base_url).netloc


def test_both_languages_have_the_same_pages(site):
    sources = {lang.code: {p.relative_to(ROOT / "docs" / lang.code).as_posix()
                           for p in (ROOT / "docs" / lang.code).rglob("*.md")}
               for lang in languages.LANGUAGES}
    only_fr, only_ar = sources["fr"] - sources["ar"], sources["ar"] - sources["fr"]
    assert not only_fr, f"pages only in French: {sorted(only_fr)}"
    assert not only_ar, f"pages only in Arabic: {sorted(only_ar)}"
    built_fr = {p.relative_to(site).as_posix() for p in html_pages(site)
                if page_language(site, p) == "fr"}
    built_ar = {p.relative_to(site / "ar").as_posix() for p in html_pages(site / "ar")}
    assert built_fr == built_ar
    assert {"index.html", "a-propos/index.html", "404.html"} <= built_fr


def test_every_page_declares_its_language_and_direction(site):
    for page in html_pages(site):
        lang = languages.get(page_language(site, page))
        parsed = parse(page)
        assert parsed.html_attrs.get("lang") == lang.code, page
        assert parsed.html_attrs.get("dir") == lang.direction, page
        assert parsed.body_attrs.get("dir") == lang.direction, page


def test_no_page_or_stylesheet_loads_anything_from_another_host(site, base_url):
    for page in html_pages(site):
        foreign = [u for u in parse(page).urls if is_foreign(urljoin(base_url, u), base_url)]
        assert not foreign, f"{page.relative_to(site)} loads {foreign}"
    for sheet in site.rglob("*.css"):
        foreign = [u for u in css_urls(sheet.read_text(encoding="utf-8"))
                   if is_foreign(u, base_url)]
        assert not foreign, f"{sheet.relative_to(site)} loads {foreign}"
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_fonts_are_served_by_the_site_with_their_licence(site):
    sheet = site / "assets/css/fonts.css"
    urls = css_urls(sheet.read_text(encoding="utf-8"))
    families = set(re.findall(r'font-family:\s*"([^"]+)"', sheet.read_text(encoding="utf-8")))
    assert families == {"Noto Naskh Arabic", "Noto Sans", "Scheherazade New"}
    assert len(urls) == 7
    for url in urls:
        font = (sheet.parent / url).resolve()
        assert font.is_file(), url
        assert font.read_bytes()[:4] == b"wOF2", url
    for licence in ("OFL-NotoSans.txt", "OFL-NotoNaskhArabic.txt", "OFL-ScheherazadeNew.txt"):
        assert "SIL Open Font License" in (site / "assets/fonts" / licence).read_text()
    for page in html_pages(site):
        assert "assets/css/fonts.css" in page.read_text(encoding="utf-8"), page


def test_arabic_web_fonts_are_the_subsets_the_script_makes(tmp_path):
    """docs/assets/fonts holds exactly what scripts/subset-fonts makes from fonts/, and
    fonts.css announces the script's range (a browser then falls back for anything outside)."""
    subprocess.run([sys.executable, str(ROOT / "scripts/subset-fonts"), str(tmp_path)],
                   check=True, capture_output=True)
    made = sorted(tmp_path.glob("*.woff2"))
    assert len(made) == 2
    for font in made:
        assert font.read_bytes() == (ROOT / "docs/assets/fonts" / font.name).read_bytes(), font
    script = (ROOT / "scripts/subset-fonts").read_text(encoding="utf-8")
    unicode_range = re.search(r'UNICODE_RANGE = "([^"]+)"', script).group(1)
    css = (ROOT / "docs/assets/css/fonts.css").read_text(encoding="utf-8")
    naskh = re.findall(r'"Noto Naskh Arabic";[^}]*unicode-range: ([^;]+);', css)
    assert naskh == [unicode_range, unicode_range], naskh


def test_every_arabic_letter_of_the_site_is_in_its_arabic_font(site):
    font = TTFont(site / "assets/fonts/noto-naskh-arabic-msa-400-normal.woff2")
    covered = set(font.getBestCmap())
    used = {}
    for page in html_pages(site):
        for char in page.read_text(encoding="utf-8"):
            if "\u0600" <= char <= "\u08ff" or "\ufb50" <= char <= "\ufeff":
                used.setdefault(char, page.relative_to(site))
    assert len(used) > 40, used  # the Arabic alphabet and its marks
    missing = {f"U+{ord(c):04X}": str(p) for c, p in used.items() if ord(c) not in covered}
    assert not missing, missing


def test_sitemap_lists_both_languages_with_absolute_hreflang_and_x_default(site, base_url):
    tree = ET.parse(site / "sitemap.xml")
    entries = {}
    for url in tree.getroot().findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        entries[loc] = {link.get("hreflang"): link.get("href")
                        for link in url.findall("x:link", SITEMAP_NS)}
    expected = {base_url, base_url + "a-propos/", base_url + "ar/", base_url + "ar/a-propos/"}
    # The pages made from data too (they were once missing: no file of theirs is in docs/).
    expected |= {base_url + prefix + path for prefix in ("", "ar/") for path in (
        "strategie/", "strategie/axe-1/", "guides/benevolat/", "charte/",
        "campagnes/violence-femmes/", "etat-des-traductions/", "guides/benevolat/historique/")}
    assert expected <= set(entries), expected - set(entries)
    for loc, links in entries.items():
        assert set(links) == {"fr", "ar", "x-default"}, loc
        assert all(href.startswith(base_url) for href in links.values()), loc
        assert links["x-default"] == links["fr"]
        assert links["ar"] == links["fr"].replace(base_url, base_url + "ar/", 1)
    assert f"Sitemap: {base_url}sitemap.xml" in (site / "robots.txt").read_text()


def test_canonical_urls_follow_the_site_address(site, base_url):
    text = (site / "ar/a-propos/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base_url}ar/a-propos/">' in text


def test_each_language_has_its_own_not_found_page(site):
    fr = (site / "404.html").read_text(encoding="utf-8")
    ar = (site / "ar/404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in fr and 'href="/"' in fr
    assert "الصفحة غير موجودة" in ar and 'href="/ar/"' in ar
    assert "Page introuvable" not in ar


def test_arabic_pages_keep_numbers_in_order(site):
    about = (site / "ar/a-propos/index.html").read_text(encoding="utf-8")
    assert '<bdi dir="ltr">2012-2016</bdi>' in about
    # The page gives the licence's name in parentheses: the run is isolated with them.
    assert '<bdi dir="ltr">(CC BY 4.0)</bdi>' in about
    french = (site / "a-propos/index.html").read_text(encoding="utf-8")
    assert "<bdi" not in french.split('<article', 1)[1]


def test_language_switcher_points_at_the_same_page(site):
    fr = (site / "a-propos/index.html").read_text(encoding="utf-8")
    ar = (site / "ar/a-propos/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./ar/a-propos/" hreflang="ar"', fr)
    assert re.search(r'href="\.\./\.\./a-propos/" hreflang="fr"', ar)


@pytest.fixture(scope="module")
def site_with_untranslated_page(tmp_path_factory):
    """The project with the Arabic "about" page removed, built for another host."""
    project = copy_project(tmp_path_factory.mktemp("fallback") / "project")
    (project / "docs/ar/a-propos.md").unlink()
    return build(project, project / "site", site_url="https://example.test/publications/")


def test_untranslated_page_is_shown_in_french_with_an_arabic_notice(site_with_untranslated_page):
    page = (site_with_untranslated_page / "ar/a-propos/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar"' in page and 'dir="rtl"' in page
    notice = re.search(r'<div class="ps-fallback-notice[^"]*" role="note" lang="ar" dir="rtl">'
                       r"<p>([^<]+)</p>", page)
    assert notice and "لم تتوفر بعدُ ترجمة هذه الصفحة" in notice.group(1)
    wrapper = page.index('<div class="ps-fallback" lang="fr" dir="ltr">')
    assert page.index("Qui publie", wrapper) > wrapper
    assert '<meta name="robots" content="noindex">' in page
    assert 'rel="canonical"' not in page


def test_untranslated_page_is_kept_out_of_the_sitemap(site_with_untranslated_page):
    sitemap = (site_with_untranslated_page / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.test/publications/a-propos/" in sitemap
    assert "https://example.test/publications/ar/a-propos/" not in sitemap
    assert "https://example.test/publications/ar/" in sitemap
    translated = (site_with_untranslated_page / "ar/index.html").read_text(encoding="utf-8")
    assert "noindex" not in translated and "ps-fallback" not in translated


def test_each_language_has_its_own_search_index(site):
    french = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    arabic = json.loads((site / "ar/search/search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == "fr" and arabic["config"]["lang"] == "ar"
    assert french["docs"] and arabic["docs"]
    for doc in french["docs"]:
        assert not doc["location"].startswith("ar/")
        arabic_letters, latin = languages.script_counts(doc["title"])
        assert latin >= arabic_letters, doc["title"]
    for doc in arabic["docs"]:
        assert (site / "ar" / doc["location"].split("#")[0]).exists(), doc["location"]
    page = (site / "ar/strategie/axe-1/index.html").read_text(encoding="utf-8")
    assert '"base": "../../../ar/"' in page


def test_the_search_leaves_out_history_pages_and_keeps_the_other_new_pages(site):
    """A history holds the words its document no longer has: the search leads to the document
    (whose page lists its versions), never to its history. The editors' guide and the
    translation status page are pages like the others; the offline page is not a page of the
    site (the service worker shows it in place of one) and is not searched either. The sitemap
    lists the history pages: they are permanent, citable addresses."""
    from polesocial.web import search

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for prefix in ("", "ar/"):
        index = json.loads((site / prefix / "search/search_index.json").read_text("utf-8"))
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert not [p for p in pages if "historique" in p or "offline" in p], sorted(pages)
        assert {"guides/benevolat/", "strategie/", "guide-des-editeurs/",
                "etat-des-traductions/"} <= pages, sorted(pages)
        assert f"/{prefix}guides/benevolat/historique/</loc>" in sitemap
        assert f"/{prefix}strategie/historique/</loc>" in sitemap
    assert search.excluded({"search": {"exclude": True}})
    assert not search.excluded({"search": {"exclude": "yes"}}) and not search.excluded(None)


def test_search_deferral_applies_once_and_refuses_an_unknown_theme():
    """The change to the theme's bundle (see theme_bundle.defer_search) is idempotent, and a theme
    whose code has another shape stops the build instead of loading the index everywhere."""
    import material

    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob(
        "bundle.*.min.js"))
    original = bundle.read_text(encoding="utf-8")
    patched = theme_bundle.defer_search(original)
    assert 'location.protocol!=="file:"),' not in patched
    assert "new Worker(" not in patched.replace("w=new Worker(u)", "")  # only the stand-in's
    assert patched.rstrip().endswith(
        "w.postMessage(m)}}}\n//# sourceMappingURL=" + bundle.name + ".map")
    assert patched.count('"input"),') == 1 and '"keyup"),' in patched
    assert theme_bundle.defer_search(patched) == patched
    with pytest.raises(theme_bundle.ThemeChanged, match="defer_search"):
        theme_bundle.defer_search("function setup(){return new Worker(url)}")



def test_every_compressible_file_has_its_precompressed_copies(site):
    """A .gz and a .br beside every HTML, CSS, JavaScript, JSON, SVG, XML… file that compression
    makes smaller, each decompressing to the file's very bytes."""
    import gzip

    import brotli

    from polesocial.web import precompress

    files = [p for p in site.rglob("*") if p.is_file() and precompress.compressible(p)]
    assert len(files) > 50 and {p.suffix for p in files} >= {
        ".html", ".css", ".js", ".json", ".xml", ".webmanifest"}
    for path in files:
        data = path.read_bytes()
        for suffix, unpack in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            copy = path.with_name(path.name + suffix)
            assert copy.is_file(), copy
            assert unpack(copy.read_bytes()) == data, copy
            assert copy.stat().st_size < len(data), copy
    assert not list(site.rglob("*.pdf.gz")) and not list(site.rglob("*.woff2.br"))


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_each_language_has_a_web_app_manifest_with_its_icons(site, lang):
    from PIL import Image

    prefix = "ar/" if lang == "ar" else ""
    manifest = json.loads((site / prefix / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == lang and manifest["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert manifest["short_name"] == messages.UI["pole_social"][lang]
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        path = (site / prefix / icon["src"]).resolve()
        assert path.is_file() and path.is_relative_to(site.resolve()), icon
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"], icon
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes
    assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
    page = (site / prefix / "index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="manifest.webmanifest">' in page


def test_the_service_worker_precaches_files_that_exist_and_no_page_script_is_inline(site):
    worker = (site / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker).group(1))
    assert "offline.html" in precache and "ar/offline.html" in precache
    assert all((site / path).is_file() for path in precache), precache
    # Every script and stylesheet any page loads (the history pages, the status page, the
    # editors' guide, the offline pages included) is in the shell; no PDF is (a reader keeps
    # the PDFs they open, older versions' too, but none is downloaded unasked).
    import posixpath

    loaded = set()
    for page in site.rglob("*.html"):
        folder = page.parent.relative_to(site).as_posix()
        for ref in re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"#?]+\.(?:js|css))"',
                              page.read_text(encoding="utf-8")):
            loaded.add(ref.lstrip("/") if ref.startswith("/")
                       else posixpath.normpath(posixpath.join(folder, ref)))
    assert loaded and loaded <= set(precache), loaded - set(precache)
    assert not [path for path in precache if path.endswith(".pdf")], precache
    for page in ("index.html", "ar/guides/benevolat/index.html", "offline.html"):
        text = (site / page).read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", text, re.S)
        assert any("offline." in attrs and "src=" in attrs for attrs, _ in scripts), page
        assert all("serviceWorker" not in body for _, body in scripts), page


def test_the_first_search_downloads_a_small_index_without_boilerplate(site):
    """The index the first search downloads holds titles and summaries (the sections' text
    follows): a fraction of the 283 KB (French) and 346 KB (Arabic) of the theme's index. No
    draft notice, download box or facts line is indexed."""
    for prefix in ("", "ar/"):
        index = (site / prefix / "search/search_index.json").read_bytes()
        text = (site / prefix / "search/search_text.json").read_bytes()
        assert len(index) < 80 * 1024, len(index)
        lang = "ar" if prefix else "fr"
        for key in ("draft_notice", "draft_title", "download_pdf", "offline_save", "period_note"):
            sample = messages.UI[key][lang][:25]
            assert sample.encode("utf-8") not in index + text, (prefix, key)
