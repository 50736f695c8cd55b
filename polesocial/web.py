"""Per-page language facts for the web: alternates, fallback pages, document direction."""

from __future__ import annotations

import base64
import gzip
import json
import hashlib
import html as html_lib
import re
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from . import bidi, languages, messages


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str  # absolute URL


def neutral_path(url: str, lang: str) -> str:
    """A page's URL without its language prefix: 'ar/a-propos/' -> 'a-propos/'."""
    prefix = languages.get(lang).prefix
    url = url.lstrip("/")
    if prefix and url.startswith(prefix):
        url = url[len(prefix):]
    return "" if url in ("", "./", ".") else url


def page_url(site_url: str, lang: str, path: str) -> str:
    """Absolute URL of the page at language-neutral ``path`` in ``lang``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, languages.get(lang).prefix + path)


def alternates(site_url: str, path: str, available: list[str]) -> list[Alternate]:
    """hreflang alternates for a page that exists (really, not as a fallback) in ``available``.

    Absolute URLs, as search engines require, plus ``x-default`` pointing at the default
    language. A page translated in one language only has no alternates: it has nothing to offer.
    """
    if len(available) < 2:
        return []
    links = [Alternate(lang.code, page_url(site_url, lang.code, path))
             for lang in languages.LANGUAGES if lang.code in available]
    links.append(Alternate("x-default", page_url(site_url, languages.DEFAULT.code, path)))
    return links


@dataclass(frozen=True)
class PageEntry:
    """A page of the site as the sitemap sees it: its language-neutral path and the languages it
    really exists in (a fallback page is not a translation)."""

    path: str
    languages: tuple[str, ...]


def sitemap_xml(site_url: str, pages: list[PageEntry]) -> str:
    """The sitemap: every real page in every language, each with its hreflang alternates.

    The alternates live here rather than in each page's <head>: Material's script fetches a
    sitemap.xml next to every <link rel="alternate"> it finds, which would cost every reader
    extra requests. Search engines read hreflang from the sitemap just the same.
    Deterministic: sorted, no build date.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    order = [lang.code for lang in languages.LANGUAGES]
    for page in sorted(pages, key=lambda p: p.path):
        links = alternates(site_url, page.path, list(page.languages))
        for lang in sorted(page.languages, key=order.index):
            lines.append("  <url>")
            lines.append(f"    <loc>{html_lib.escape(page_url(site_url, lang, page.path))}</loc>")
            for link in links:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{link.hreflang}" '
                             f"href={quoteattr(link.href)}/>")
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzip_bytes(data: bytes) -> bytes:
    """gzip without a timestamp, so that two builds give the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


SOCIAL = "social"


def preview_image(path: str, lang: str) -> str:
    """The sharing preview of a page (relative to the site root): its campaign's own image on a
    campaign page (campagnes/<id>.md), the site's elsewhere."""
    match = re.fullmatch(r"campagnes/([a-z0-9-]+)\.md", path)
    name = match.group(1) if match and match.group(1) != "index" else "site"
    return f"{SOCIAL}/{name}-apercu-{lang}.png"


def social_meta(site_url: str, lang: str, path: str, url: str, title: str,
                description: str) -> list[tuple[str, str, str]]:
    """Open Graph and Twitter card tags of a page: (attribute, name, content)."""
    code = languages.get(lang)
    other = [l for l in languages.LANGUAGES if l.code != lang]
    image = urljoin(site_url if site_url.endswith("/") else site_url + "/",
                    preview_image(path, lang))
    tags = [("property", "og:type", "website"), ("property", "og:title", title),
            ("property", "og:description", description), ("property", "og:url", url),
            ("property", "og:locale", code.locale),
            *[("property", "og:locale:alternate", l.locale) for l in other],
            ("property", "og:image", image), ("property", "og:image:width", "1200"),
            ("property", "og:image:height", "630"),
            ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", title),
            ("name", "twitter:description", description), ("name", "twitter:image", image)]
    return tags


def size_text(size: int, lang: str) -> str:
    if size >= 1024 * 1024:
        value = f"{size / (1024 * 1024):.1f}"
        if lang == "fr":
            value = value.replace(".", ",")
        return messages.UI["pdf_size_mb"][lang].format(n=value)
    return messages.UI["pdf_size_kb"][lang].format(n=max(1, round(size / 1024)))


def download_box(page_url: str, lang: str, file_name: str, pages: int, size: int) -> str:
    """The "download the PDF" link of a page, with the PDF's language, pages and size."""
    href = "../" * page_url.count("/") + "pdf/" + file_name
    details = messages.UI["pdf_details"][lang].format(
        language=messages.UI["pdf_language_short"][lang],
        pages=messages.count(pages, "page", lang), size=size_text(size, lang))
    return (f'<p class="ps-download"><a href="{html_lib.escape(href)}" download '
            f'type="application/pdf">{html_lib.escape(messages.UI["download_pdf"][lang])}</a> '
            f'<span class="ps-download-details">({html_lib.escape(details)})</span></p>')


def after_title(content: str, fragment: str) -> str:
    """Insert ``fragment`` right after the page's <h1> (or at the top if it has none)."""
    end = content.find("</h1>")
    if end < 0:
        return fragment + content
    end += len("</h1>")
    return content[:end] + fragment + content[end:]


def not_found_path(lang: str) -> str:
    """Where a language's "page not found" page is published, relative to the site root."""
    return languages.get(lang).prefix + "404.html"


def is_fallback(file_lang: str, page_lang: str) -> bool:
    """True when the page shown in ``page_lang`` is the text of another language."""
    return file_lang != page_lang


def wrap_fallback(content: str, file_lang: str, page_lang: str) -> str:
    """Wrap a page shown in the wrong language: a notice in the reader's language, then the text
    marked with its real language and direction so screen readers and layout follow it."""
    shown = languages.get(page_lang)
    source = languages.get(file_lang)
    notice = html_lib.escape(messages.UI["fallback_notice"][page_lang])
    return (
        f'<div class="ps-fallback-notice admonition warning" role="note" lang="{shown.code}" '
        f'dir="{shown.direction}"><p>{notice}</p></div>\n'
        f'<div class="ps-fallback" lang="{source.code}" dir="{source.direction}">\n'
        f"{content}\n</div>"
    )


def localise_content(content: str, lang: str) -> str:
    """Final touch on a page's HTML in its own language (number runs in right-to-left text)."""
    if languages.get(lang).direction == "rtl":
        return bidi.isolate_html(content)
    return content


def localise_title(title: str, lang: str) -> str:
    if languages.get(lang).direction == "rtl":
        return bidi.isolate_plain(title)
    return title


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def set_document_direction(document: str, lang: str) -> str:
    """Put ``dir`` on the <html> element too (the theme sets it on <body> only), so the whole
    document, scroll bars and assistive technologies included, has the language's direction."""
    direction = languages.get(lang).direction

    def replace(match: re.Match) -> str:
        attrs = re.sub(r'\sdir="[^"]*"', "", match.group(1))
        return f'<html{attrs} dir="{direction}">'

    return _HTML_TAG.sub(replace, document, count=1)


_EMPTY_TABINDEX = re.compile(r'(<label\b[^<>]*?)\stabindex=""')


def drop_empty_tabindex(document: str) -> str:
    """The theme writes ``tabindex=""`` on the labels of navigation sections, which HTML does not
    allow (the Nu Html Checker reports it). Browsers ignore an empty tabindex, so removing it
    changes nothing for readers or keyboards; it makes the page valid."""
    return _EMPTY_TABINDEX.sub(r"\1", document)


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def inline_script_hashes(document: str) -> set[str]:
    """CSP hashes ('sha256-…') of a page's inline scripts (JSON data blocks do not run)."""
    return {"'sha256-" + base64.b64encode(hashlib.sha256(m.group(2).encode()).digest()).decode()
            + "'" for m in _INLINE_SCRIPT.finditer(document)
            if "application/json" not in m.group(1)}


def content_security_policy(script_hashes: set[str]) -> str:
    """The site's Content-Security-Policy: everything from the site itself; inline scripts only
    those the theme writes (by hash); images may be data: URLs (the theme's icons)."""
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    return ("default-src 'self'; script-src " + scripts + "; style-src 'self'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def nginx_csp_snippet(script_hashes: set[str]) -> str:
    return ("# Written by the build (polesocial): the Content-Security-Policy of this very site.\n"
            f'add_header Content-Security-Policy "{content_security_policy(script_hashes)}" '
            "always;\n")


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def configure_search(document: str, lang: str) -> str:
    """Point the theme's search at the index of the page's language (the theme fetches
    <base>/search/search_index.json, so an Arabic page gets base <site>/ar), and at the search
    worker that folds letters (see search_worker)."""
    prefix = languages.get(lang).prefix.rstrip("/")

    def configure(match: re.Match) -> str:
        config = json.loads(match.group(2))
        if prefix:  # a trailing slash: the theme resolves search/… against it
            config["base"] = f"{config['base'].rstrip('/')}/{prefix}/"
        folder, _, theme_worker = config["search"].rpartition("/")
        config["search"] = f"{folder}/{search_worker(theme_worker)[0]}"
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return _CONFIG.sub(configure, document, count=1)


def use_bundle(document: str, theme_bundle: str, bundle: str) -> str:
    """The page loads ``bundle`` (the theme's, changed by defer_search) instead of the theme's
    ``theme_bundle``: a new content, so a new name, or browsers that cached the theme's file for
    a year (its name carries a hash) would keep it."""
    return document.replace(f"javascripts/{theme_bundle}\"", f"javascripts/{bundle}\"")


# The search worker the pages use: it runs the theme's worker, after teaching it two things that
# apply to the words of the pages and to the words of queries alike (a page's text and its result
# snippets keep their spelling; only the words compared change):
# - Letters readers type in more than one way are folded. Arabic: hamza on or under alef, madda
#   and alef wasla to bare alef (أسرة = اسرة), ta marbuta to ha, alef maqsura to ya, hamza on
#   waw and ya to the letter, no harakat or tatweel (the light normalisation of search engines
#   such as Lucene's). French: no accents ("etablissement" finds "établissement").
# - Arabic writes the article and the particles before it as part of the word: العنف, والعنف,
#   بالعنف, للعنف. A query word loses them (again and again, as long as three letters remain:
#   الوالدين -> والدين -> دين); a page word is indexed as written and without them, so that
#   عنف, العنف and للعنف find the same pages, and a word being typed (العن) finds the pages that
#   have it whole. The price: a word that only looks like it starts with و + ال, such as والدين,
#   also finds دين. (The theme's Arabic stemmer reduces words to roots and broke exact matches.)
_FOLDING_WORKER = """\
"use strict";
// Pôle social: the theme's search, with letters folded and the Arabic article set apart
// (polesocial/web.py, search_worker).
importScripts("{theme_worker}");
const fold = text => text.normalize("NFD")
  .replace(/[\\u0300-\\u036f\\u0640\\u064b-\\u065f\\u0670]/g, "")
  .replace(/\\u0671/g, "\\u0627").replace(/\\u0649/g, "\\u064a").replace(/\\u0629/g, "\\u0647");
// و or ف, then ب or ك, then ال; or و or ف, then لل: when three letters follow.
const ARTICLE = /^(?:[\\u0648\\u0641]?[\\u0628\\u0643]?\\u0627\\u0644|[\\u0648\\u0641]?\\u0644\\u0644)(?=[\\u0621-\\u064a]{3})/;
const bare = word => {
  for (let shorter = word.replace(ARTICLE, ""); shorter !== word; shorter = word.replace(ARTICLE, ""))
    word = shorter;
  return word;
};
// Words of the pages: folded, and also without their article. Added after the theme's steps
// (stop words), by the first document, when the theme has set its pipeline up.
const foldToken = token => {
  const word = fold(token.toString());
  const stem = bare(word);
  token.update(() => word);
  return stem === word ? token : [token, token.clone(() => stem)];
};
lunr.Pipeline.registerFunction(foldToken, "polesocial-fold");
const add = lunr.Builder.prototype.add;
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!this.pipeline._stack.includes(foldToken)) this.pipeline.add(foldToken);
  return add.call(this, doc, attributes);
};
// Words of the query, once lunr has parsed them (wildcards kept): folded, without article.
const clause = lunr.Query.prototype.clause;
lunr.Query.prototype.clause = function (spec) {
  if (typeof spec.term === "string")
    spec.term = spec.term.replace(/[^*]+/g, word => bare(fold(word)));
  return clause.call(this, spec);
};
"""


def search_worker(theme_worker: str) -> tuple[str, str]:
    """(file name, code) of the search worker wrapping the theme's ``theme_worker`` (a file name
    in the same folder). The name carries a hash of the code, as the theme's files do, so that
    it can be cached for a year."""
    code = _FOLDING_WORKER.replace("{theme_worker}", theme_worker)
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return f"search-polesocial.{digest}.min.js", code


# How the search splits text into words, for the pages and for the reader's query alike (the
# theme's search reads "separator" from each index). Both split at spaces, hyphens and
# punctuation, but not at dots: "14.05" stays one word.
_PUNCTUATION = r'[\s\-«»"“”()\[\],;:!?،؛؟]'
SEPARATORS = {
    # French elides articles and pronouns with an apostrophe: the separator swallows them at
    # the start of a word ("l’égalité" and "égalité" are the same word), and any other
    # apostrophe separates ("aujourd’hui").
    "fr": r"(?:^|" + _PUNCTUATION + r"+)(?:(?:[cdjlmnstCDJLMNST]|[qQ][uU])[’'])?|[’']",
    # Arabic: the article is set apart by the search worker (see search_worker), not here.
    "ar": _PUNCTUATION + "+",
}


# The theme's bundle starts its search worker (the search code, 12 KB) and fetches the search
# index (60 KB and more) on every first visit. Both wait, after the build, until the reader opens
# the search:
# - the index: the bundle already waits for the search to be opened on pages read from disk
#   (file://); served pages now wait the same way;
# - the worker: the bundle gets, instead of a Worker, a stand-in that keeps the listeners it is
#   given and starts the real Worker at the first message sent to it, which is the index.
# Each change is made once per build; a bundle already changed is recognised and left as it is.
_SEARCH_SETUP = re.compile(
    r'([\w$]+\()(?:location\.protocol!=="file:"|!1)(\),[\w$]+\("search"\))')
_SEARCH_WORKER = re.compile(r'(function [\w$]+\(([\w$]+),[\w$]+=)(?:new Worker\(\2\)|'
                            r'__psLazyWorker\(\2\))(\)\{)')
_LAZY_WORKER = ("function __psLazyWorker(u){let w,l=[];return{"
                "addEventListener(...a){w?w.addEventListener(...a):l.push(a)},"
                "removeEventListener(...a){w?w.removeEventListener(...a):"
                "l=l.filter(b=>b[0]!==a[0]||b[1]!==a[1])},"
                "postMessage(m){if(!w){w=new Worker(u);for(const a of l)w.addEventListener(...a)}"
                "w.postMessage(m)}}}")
_SOURCE_MAP = "\n//# sourceMappingURL="


class ThemeChanged(RuntimeError):
    """The theme's code no longer has the shape a change of ours was written for."""


def deferred_bundle(code: str) -> tuple[str, str]:
    """(file name, code) of the theme's bundle changed by defer_search, named by its content."""
    patched = defer_search(code)
    return f"bundle.{hashlib.sha256(patched.encode('utf-8')).hexdigest()[:8]}.min.js", patched


def defer_search(bundle: str) -> str:
    """The theme's bundle, with its search code and index loaded on the first search instead of
    on every page (about 75 KB less on a first visit). Material is pinned; if its code changes
    shape the build stops here rather than silently loading them again."""
    patched, setups = _SEARCH_SETUP.subn(r"\1!1\2", bundle)
    patched, workers = _SEARCH_WORKER.subn(r"\1__psLazyWorker(\2)\3", patched)
    if setups != 1 or workers != 1:
        raise ThemeChanged(
            "the theme's bundle does not set up its search worker as Material 9.8.2 does: "
            "update polesocial/web.py defer_search for the new version of the theme")
    if _LAZY_WORKER not in patched:
        # At the end, before the source map's comment: a script's function declarations exist
        # before any of its code runs.
        code, map_line, rest = patched.rpartition(_SOURCE_MAP)
        if not map_line:
            code, rest = patched, ""
        patched = code + "\n" + _LAZY_WORKER + map_line + rest
    return patched


def split_search_index(index: dict) -> dict[str, dict]:
    """One search index per language (prefix -> index) from the theme's merged one: a reader
    searches the pages of the language they read, and downloads only that index. Locations
    become relative to the language's root; each index analyses only its own language."""
    split = {}
    for lang in languages.LANGUAGES:
        prefix = lang.prefix
        others = [l.prefix for l in languages.LANGUAGES if l.prefix and l.prefix != prefix]
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if prefix and location.startswith(prefix):
                docs.append({**doc, "location": location[len(prefix):]})
            elif not prefix and not location.startswith(tuple(others)):
                docs.append(doc)
        config = {**index["config"], "lang": ["en", lang.code],
                  "separator": SEPARATORS[lang.code]}
        split[prefix] = {"config": config, "docs": docs}
    return split
