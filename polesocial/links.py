"""Links between publications: one syntax for every document, checked, resolved for each medium.

An editor links to another publication by its identifier, never by a path:

    [l’action A2.1.2](strategie:A2.1.2)        [le glossaire](strategie:glossaire)
    [le guide du bénévolat](guide:benevolat)   [ses étapes](guide:benevolat#etapes)
    [la charte](charte:)                       [la campagne](campagne:violence-femmes)

``check`` reports a target that does not exist (with the closest identifiers), an anchor the
target does not have, and, as a warning, a published document linking to a draft. On the site
the link becomes a relative link to the page (checked again by the strict build); in a PDF an
anchor inside the book when the target is in it, else the page's absolute address. Plain
relative links (``../a-propos.md``) work too; in a PDF they become absolute addresses as well,
never ``file:`` addresses into the build's folders.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass

from .problems import WARNING, Report

SCHEMES = ("strategie", "guide", "charte", "campagne")
# ](scheme:target#anchor), as Markdown writes a link's destination.
LINK = re.compile(r"\]\((" + "|".join(SCHEMES) + r"):([A-Za-z0-9.\-]*)(?:#([A-Za-z0-9_\-]+))?\)")


@dataclass(frozen=True)
class Target:
    page: str  # the page inside docs/<lang>/, e.g. guides/benevolat.md
    anchor: str | None
    draft: bool


def targets(publication) -> dict[str, dict[str, Target]]:
    """scheme -> identifier -> where it leads, for every publication the site has."""
    from .strategy import render

    strategy = {"glossaire": Target(render.GLOSSARY, None, False),
                "": Target(render.OVERVIEW, None, False)}
    for part in publication.strategy.parts:
        strategy[part.id] = Target(render.part_path(part), None, False)
        for objective in part.objectives:
            strategy[objective.id] = Target(render.part_path(part), render.anchor(objective.id),
                                            False)
            for action in objective.actions:
                strategy[action.id] = Target(render.part_path(part), render.anchor(action.id),
                                             False)
    guides = {d.id: Target(d.page, None, d.draft) for d in publication.documents
              if d.kind == "guide"}
    charter = {"": Target(d.page, None, d.draft) for d in publication.documents
               if d.kind == "charter"}
    campaigns = {c.id: Target(c.page, None, c.draft) for c in publication.campaigns}
    from . import campaigns as campaigns_mod
    campaigns[""] = Target(f"{campaigns_mod.PAGES}/index.md", None, False)
    return {"strategie": strategy, "guide": guides, "charte": charter, "campagne": campaigns}


_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def occurrences(text: str, first_line: int = 1):
    """(line number, match) of each publication link of a Markdown text, outside code (fenced
    blocks and `code spans`: an example of the syntax is not a link)."""
    if not LINK.search(text):  # most texts link to no publication
        return
    in_code = False
    for number, line in enumerate(text.splitlines(), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        spans = [m.span() for m in _CODE_SPAN.finditer(line)]
        for match in LINK.finditer(line):
            if not any(start <= match.start() < end for start, end in spans):
                yield number, match


def check_early(path, text: str, first_line: int, report: Report,
                identifiers: dict[str, set[str]]) -> None:
    """The unknown targets of ``text``'s links, from the identifiers alone (known before
    anything is loaded, so that they are reported even when another source has errors)."""
    for number, match in occurrences(text, first_line):
        scheme, ref = match.group(1), match.group(2)
        known = identifiers.get(scheme)
        if known is not None and ref not in known:
            _unknown(path, number, match, known, report)


def _unknown(path, number: int, match: re.Match, known, report: Report) -> None:
    scheme, ref = match.group(1), match.group(2)
    close = difflib.get_close_matches(ref, sorted(k for k in known if k), n=3, cutoff=0.5)
    report.add(path, number, match.start() + 3, "doc-link-unknown", scheme=scheme, ref=ref,
               closest=", ".join(f"{scheme}:{c}" for c in close) or "—")


def identifiers(root, action_ids) -> dict[str, set[str]]:
    """Every identifier a link may name, from the folders and the strategy's actions (part and
    objective identifiers are their prefixes): no source needs to be loaded."""
    from . import campaigns as campaigns_mod
    from .guides import GUIDES

    found: dict[str, set[str]] = {
        "guide": {p.name for p in (root / GUIDES).iterdir() if p.is_dir()}
        if (root / GUIDES).is_dir() else set(),
        "charte": {""},
        "campagne": {""} | {p.stem for p in (root / campaigns_mod.FOLDER).glob("*.yml")},
    }
    if action_ids is not None:
        found["strategie"] = {"", "glossaire"} | {action.rsplit(".", n)[0]
                                                  for action in action_ids for n in (0, 1, 2)}
    return found


def check(path, text: str, first_line: int, publication, report: Report,
          from_draft: bool, anchors) -> None:
    """Report each link of ``text`` (a Markdown source) to a publication that does not exist,
    to an anchor the page does not have (``anchors(page)``: its ids in the text's language), or
    (a warning) from a published text to a draft."""
    known = targets(publication)
    for number, match in occurrences(text, first_line):
        scheme, ref, anchor = match.groups()
        column = match.start() + 3
        found = known[scheme].get(ref)
        if found is None:
            _unknown(path, number, match, known[scheme], report)
            continue
        if anchor and anchor not in anchors(found.page):
            report.add(path, number, column, "doc-link-anchor", scheme=scheme, ref=ref,
                       anchor=anchor)
        if found.draft and not from_draft:
            report.add(path, number, column, "doc-link-draft", severity=WARNING,
                       scheme=scheme, ref=ref)


def resolve(text: str, here: str, links, publication) -> str:
    """``text`` with every publication link made a real link from page ``here``
    (``links``: a render.Links, for the site or for a printed book); examples in code are left
    as written."""
    known = targets(publication)
    lines = text.split("\n")
    for number, match in reversed(list(occurrences(text, 0))):
        scheme, ref, anchor = match.groups()
        found = known[scheme].get(ref)
        if found is None:  # reported by check; left as it is, the sanitiser drops it
            continue
        line = lines[number]
        lines[number] = (line[:match.start()]
                         + f"]({links.href(here, found.page, anchor or found.anchor)})"
                         + line[match.end():])
    return "\n".join(lines)


_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"#][^"]*)(")')
_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]+)(")')


def absolute(html: str, page: str, lang: str, site_url: str) -> str:
    """A printed document's links: a relative link to a page of the site (as the page's
    Markdown wrote it, relative to ``page``) becomes that page's absolute address; a relative
    image becomes the file of docs/ it names, relative to the repository (the renderer's base;
    it reads only docs/assets)."""
    from .strategy.render import page_url
    from .web import urls

    def href(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"[a-z][a-z0-9+.-]*:|//", target, re.I):
            return match.group(0)
        path, _, fragment = target.partition("#")
        # Sources live in docs/<lang>/ and their links are relative to the page's file there.
        resolved = posixpath.normpath(posixpath.join(lang, posixpath.dirname(page), path))
        language, _, inner = resolved.partition("/")
        if resolved.startswith("..") or (resolved.endswith(".md")
                                         and language not in ("fr", "ar")):
            return match.group(1) + "#" + match.group(3)  # refused by check: kept inert
        address = urls.page_url(site_url, language, page_url(inner)) \
            if resolved.endswith(".md") else site_url.rstrip("/") + "/" + resolved
        return match.group(1) + address + (f"#{fragment}" if fragment else "") + match.group(3)

    def src(match: re.Match) -> str:
        target = match.group(2)
        if re.match(r"[a-z][a-z0-9+.-]*:|//", target, re.I):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(lang, posixpath.dirname(page), target))
        return match.group(1) + "docs/" + resolved + match.group(3)

    return _SRC.sub(src, _HREF.sub(href, html))
