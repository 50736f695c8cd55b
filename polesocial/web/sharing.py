"""What a page shows when its link is shared: Open Graph and Twitter card tags, preview image."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from .. import languages

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
