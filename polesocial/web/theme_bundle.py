"""The theme's JavaScript bundle, changed to load the search only when a reader searches and to
search again on every change of the search box."""

from __future__ import annotations

import hashlib
import re


def use_bundle(document: str, theme_bundle: str, bundle: str) -> str:
    """The page loads ``bundle`` (the theme's, changed by defer_search) instead of the theme's
    ``theme_bundle``: a new content, so a new name, or browsers that cached the theme's file for
    a year (its name carries a hash) would keep it."""
    return document.replace(f"javascripts/{theme_bundle}\"", f"javascripts/{bundle}\"")



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
# The theme reads the search box on key releases only (and on focus). Text pasted from a menu,
# dictated, or typed on a phone keyboard that sends no key events (many do for Arabic) left the
# old results, or none: it now also reads it on every input event (typing, pasting, deleting,
# composing) and at the end of a composition.
_SEARCH_KEYUP = re.compile(
    r'([\w$]+)\(([\w$]+),"keyup"\)(?:,\1\(\2,"input"\),\1\(\2,"compositionend"\))?'
    r'(,[\w$]+\)\.pipe\([\w$]+\(\(\)=>\2\.value\))')


class ThemeChanged(RuntimeError):
    """The theme's code no longer has the shape a change of ours was written for."""


# The theme fetches a sitemap.xml next to every <link rel="alternate"> of a page, to map the
# page's translations (for its language selector). The Atom feed's link is an alternate too: it
# would cost every page view a request (/ar/sitemap.xml does not even exist). The theme looks
# only at the other alternates.
_ALTERNATES = 'M("link[rel=alternate]")'
_NOT_FEEDS = 'M(\'link[rel=alternate]:not([type="application/atom+xml"])\')'


def ignore_feeds(bundle: str) -> str:
    """The theme's bundle, with the page's feed links left out of its translation lookup."""
    if _NOT_FEEDS in bundle:
        return bundle
    if bundle.count(_ALTERNATES) != 1:
        raise ThemeChanged(
            "the theme's bundle does not look up link[rel=alternate] as Material 9.8.2 does: "
            "update polesocial/web/theme_bundle.py ignore_feeds for the new version of the theme")
    return bundle.replace(_ALTERNATES, _NOT_FEEDS)


def deferred_bundle(code: str) -> tuple[str, str]:
    """(file name, code) of the theme's bundle changed by defer_search and ignore_feeds, named
    by its content."""
    patched = ignore_feeds(defer_search(code))
    return f"bundle.{hashlib.sha256(patched.encode('utf-8')).hexdigest()[:8]}.min.js", patched


def defer_search(bundle: str) -> str:
    """The theme's bundle, with its search code and index loaded on the first search instead of
    on every page (about 75 KB less on a first visit), and its search box read on every input
    event. Material is pinned; if its code changes shape the build stops here rather than
    silently loading them again."""
    patched, setups = _SEARCH_SETUP.subn(r"\1!1\2", bundle)
    patched, workers = _SEARCH_WORKER.subn(r"\1__psLazyWorker(\2)\3", patched)
    patched, inputs = _SEARCH_KEYUP.subn(
        r'\1(\2,"keyup"),\1(\2,"input"),\1(\2,"compositionend")\3', patched)
    if setups != 1 or workers != 1 or inputs != 1:
        raise ThemeChanged(
            "the theme's bundle does not set up its search worker and read its search box as "
            "Material 9.8.2 does: update polesocial/web/theme_bundle.py defer_search for the "
            "new version of the theme")
    if _LAZY_WORKER not in patched:
        # At the end, before the source map's comment: a script's function declarations exist
        # before any of its code runs.
        code, map_line, rest = patched.rpartition(_SOURCE_MAP)
        if not map_line:
            code, rest = patched, ""
        patched = code + "\n" + _LAZY_WORKER + map_line + rest
    return patched

