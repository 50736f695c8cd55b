"""Every published page is valid HTML for the Nu Html Checker (the W3C validator's engine).

The checker is the npm package vnu-jar, pinned in package.json and installed by `make test`
(`npm ci`); it runs on the machine's Java.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors the checker reports in markup that only the theme writes, that the project cannot
# change without changing how the site behaves. Each has its reason; nothing else is filtered.
# (message, the markup it is reported on, reason)
THEME_ERRORS = [
    (re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
     re.compile(r'<input class="md-toggle"[^>]* type="checkbox"[^>]* autocomplete="off">'),
     # Material writes autocomplete="off" on the hidden checkboxes that open the menu drawer and
     # the search (<input class="md-toggle" type="checkbox" ...>). Without it Firefox restores
     # their state on Back or reload, and the reader finds the menu or the search open over the
     # page. The maintainer keeps it for that reason (squidfunk/mkdocs-material#1513). Browsers
     # ignore the attribute on checkboxes in every other respect.
     "Material's toggle checkboxes: autocomplete=off keeps Firefox from reopening menus"),
]


def validate(paths) -> list[dict]:
    if shutil.which("java") is None:
        pytest.fail("java is missing: run `make test`, which installs it (scripts/system-deps)")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make test`, which runs npm ci")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--stdout",
                             "--exit-zero-always", *map(str, paths)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["messages"]


def errors(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["type"] in ("error", "non-document-error")
            and not any(message.search(m["message"]) and markup.search(m.get("extract", ""))
                        for message, markup, _ in THEME_ERRORS)]


def test_every_page_is_valid_html(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50, pages
    found = errors(validate(pages))
    report = [f"{m.get('url', '').split('/site/', 1)[-1]}:{m.get('lastLine', '?')}: "
              f"{m['message']}" for m in found]
    assert not report, "\n".join(report[:40]) + f"\n({len(report)} errors)"


def test_the_checker_reports_invalid_markup(tmp_path):
    """The check can fail: an invalid attribute and a stray end tag are reported, and the theme
    filter hides only the theme's own markup, not the same error elsewhere."""
    page = tmp_path / "invalide.html"
    page.write_text('<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body>'
                    '<label tabindex="">a</label></p>'
                    '<input class="md-toggle" type="checkbox" id="t" autocomplete="off">'
                    '<input type="radio" autocomplete="off"></body></html>', encoding="utf-8")
    messages = validate([page])
    assert len([m for m in messages if m["type"] == "error"]) == 4, messages
    kept = [m["message"] for m in errors(messages)]
    assert len(kept) == 3, kept
    assert any("tabindex" in m for m in kept) and any("“p”" in m for m in kept), kept
    assert any("autocomplete" in m for m in kept), kept  # the radio button's
