"""The site's Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib
import re


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
