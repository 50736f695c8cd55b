"""Addresses of the site's pages in each language."""

from __future__ import annotations

from urllib.parse import urljoin

from .. import languages


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



# The address a build uses when SITE_URL is not set (mkdocs.yml): a reserved domain, so that no
# build points at a host nobody chose. Posters printed with it carry a proof mark.
PLACEHOLDER_HOST = "pole-social.example"


def is_placeholder(site_url: str) -> bool:
    from urllib.parse import urlsplit
    return urlsplit(site_url).hostname == PLACEHOLDER_HOST
