"""The site's Content-Security-Policy, made from the templates that are meant to write scripts.

The theme writes a few small inline scripts into every page (its storage helpers, the target of
a link to a tab). A policy without ``'unsafe-inline'`` must list each by its hash. The hashes
are not collected from the built pages, which would allowlist whatever a source managed to
inject: each inline script of a built page must be one that a template of the theme or of the
project (``overrides/``) writes (``KnownScripts``), with only its ``{{ … }}`` values changing
(a relative path such as ``../..``). The hash of each is then listed; any other inline script
fails the build, naming the page (``hooks/trust.py``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# A template's inline <script> (no src, not JSON data).
_TEMPLATE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>",
                              re.S)
_JINJA = re.compile(r"\{\{-?.*?-?\}\}|\{%-?.*?-?%\}|\{#.*?#\}", re.S)
# What a template value inside a known script may become: a path or an address, never code.
_VALUE = r"[A-Za-z0-9_./:#?=&%~+-]*"


class UnexpectedTemplate(RuntimeError):
    """A template's inline script has a shape the policy cannot vouch for."""


class KnownScripts:
    """The inline scripts the templates in ``folders`` write, as patterns."""

    def __init__(self, folders):
        self.patterns: list[re.Pattern] = []
        self.sources: list[str] = []
        for folder in folders:
            for template in sorted(Path(folder).rglob("*.html")):
                for match in _TEMPLATE_SCRIPT.finditer(template.read_text("utf-8")):
                    self._add(match.group(1), template)
        # What this object accepts, for polesocial.sanitiser's memory of verified pages.
        self.signature = tuple(pattern.pattern for pattern in self.patterns)

    def _add(self, body: str, template: Path) -> None:
        pattern, position = [], 0
        for part in _JINJA.finditer(body):
            if not part.group(0).startswith("{{"):
                raise UnexpectedTemplate(
                    f"{template}: an inline script holds a Jinja block ({part.group(0)[:30]}): "
                    "its code could change from page to page; polesocial/web/csp.py cannot "
                    "vouch for it")
            pattern.append(re.escape(body[position:part.start()]))
            pattern.append(_VALUE)
            position = part.end()
        pattern.append(re.escape(body[position:]))
        self.patterns.append(re.compile("".join(pattern), re.S))
        self.sources.append(str(template))

    def __call__(self, code: str) -> bool:
        return any(pattern.fullmatch(code) for pattern in self.patterns)


def script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def content_security_policy(script_hashes: set[str]) -> str:
    """The site's Content-Security-Policy: everything from the site itself; inline scripts only
    those the templates write (by hash); images may be data: URLs (the theme's icons)."""
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    return ("default-src 'self'; script-src " + scripts + "; style-src 'self'; "
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
            "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'")


def nginx_csp_snippet(script_hashes: set[str]) -> str:
    return ("# Written by the build (polesocial): the Content-Security-Policy of this very site.\n"
            f'add_header Content-Security-Policy "{content_security_policy(script_hashes)}" '
            "always;\n")
