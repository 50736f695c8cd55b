"""The sanitiser: which markup and which links may reach a reader, whatever the source.

Sources are text. Markdown gives editors headings, lists, tables, links and images; a few
layout tags are accepted on top (``SOURCE_TAGS``: ``<div class="grid cards" markdown>``, a
``<span lang="ar">`` around a phrase in the other language). Everything else is refused, at
three depths, so that a mistake is told to the editor and nothing slips past the others:

1. ``audit_markdown`` (run by ``check``): converts a Markdown source with the site's own
   extensions and looks at what came out: raw HTML beyond ``SOURCE_TAGS``, attributes beyond
   ``{ #id .class }`` (attr_list), links whose scheme is not allowed (``javascript:``,
   ``data:``, ``file:``…, entity-encoded or in mixed case), nesting too deep to render. Each
   finding is located in the source (file:line:column) for the editor.
2. ``clean`` (run by the build on every page's HTML and every PDF's body): nh3, an allowlist
   sanitiser, keeps only ``ALLOWED_TAGS`` with ``ALLOWED_ATTRIBUTES`` and allowed URL schemes,
   whatever ``check`` saw.
3. ``unsafe_output`` (run by the build on every finished page, theme included): no inline
   script but the theme's known ones (see ``web/csp.py``), no ``on*`` attribute, no
   ``javascript:``/``data:``/``file:`` URL, no frame or object: a page that has one fails the
   build, naming the page.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .memo import Memo

# The Markdown extensions of the site (mkdocs.yml, plus fenced_code, which MkDocs always adds)
# and of the PDFs (print/book.py): the audit converts sources exactly as they will be
# converted. tests/test_security.py compares.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "fenced_code"]

# Link schemes a page may hold; relative links have none. Sources also write links to other
# publications (``strategie:``, ``guide:``, ``charte:``, ``campagne:``, see links.py), which the
# core turns into real links before rendering.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
DOCUMENT_SCHEMES = frozenset({"strategie", "guide", "charte", "campagne"})

# Raw HTML an editor may write in Markdown: layout, and the language of a passage.
SOURCE_TAGS = {
    "div": {"class", "lang", "dir", "markdown"},
    "span": {"class", "lang", "dir"},
    "bdi": {"lang", "dir"},
    "br": set(),
}
# What attr_list ({ … } after a heading, paragraph, link or image) may set.
ATTR_LIST = {"id", "class"}

# What a page's content (and a PDF's body) may hold once rendered: what Markdown and its
# extensions write, what the core writes (download box, notices, bidi isolates), and
# SOURCE_TAGS. No style (the CSP forbids inline styles), no rel (WeasyPrint embeds the file of
# rel="attachment"), no event handler.
ALLOWED_TAGS = {
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var", "wbr",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "lang", "dir", "title"},
    "a": {"href", "download", "type", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "div": {"role"},
    "time": {"datetime"},
    "details": {"open"},
}
URL_ATTRIBUTES = ("href", "src")
MAX_NESTING = 16  # levels of quotes, lists, brackets: real documents use fewer than 5
# Characters no text may carry (as in trust.py), and the bidi controls a cleaned page never
# holds: the project isolates runs itself, with <bdi> on the web.
_FORBIDDEN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Ids the theme's own scripts look up (``__config``, ``__search``…): a heading taking one
# would break the page.
_RESERVED_ID = re.compile(r"^(?:__|md-)")


def scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it: entities decoded, tabs and new lines
    dropped, leading spaces and controls ignored, case folded. None for a relative URL."""
    value = html_lib.unescape(url)
    value = re.sub(r"[\t\n\r]", "", value).lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                  "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15"
                                                  "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", value)
    return match.group(1).lower() if match else None


def url_allowed(url: str, extra: frozenset = frozenset()) -> bool:
    found = scheme(url)
    return found is None or found in LINK_SCHEMES or found in extra


# --- 1. The audit of a Markdown source ---------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    code: str  # a messages.PROBLEMS code
    needle: str  # text to look for in the source, to give the editor a line
    params: dict


@dataclass(frozen=True)
class Link:
    image: bool
    target: str  # as written (entities not decoded)
    needle: str


class _RawTags(HTMLParser):
    """The tags, attributes and declarations of a piece of raw HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, list]] = []  # (kind, name, attrs)

    def handle_starttag(self, tag, attrs):
        self.found.append(("tag", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.found.append(("tag", tag, attrs))

    def handle_decl(self, decl):
        self.found.append(("decl", "<!" + decl.split()[0] if decl else "<!", []))

    def handle_pi(self, data):
        self.found.append(("decl", "<?" + data[:20], []))

    def unknown_decl(self, data):
        self.found.append(("decl", "<![" + data[:20], []))


def _raw_findings(raw: str) -> list[Finding]:
    parser = _RawTags()
    parser.feed(raw)
    parser.close()
    findings = []
    # Characters written as entities (&#x202E;) become characters in the reader's browser.
    for char in _FORBIDDEN_TEXT.findall(html_lib.unescape(raw)):
        findings.append(Finding("bidi-control" if char in _BIDI else "control-character", raw,
                                {"char": f"U+{ord(char):04X}"}))
    for kind, name, attrs in parser.found:
        if kind == "decl" or name not in SOURCE_TAGS:
            findings.append(Finding("markup-tag", "<" + name.lstrip("<") if kind == "tag"
                                    else name, {"tag": f"<{name.lstrip('<')}>"}))
            continue
        for attribute, value in attrs:
            if attribute not in SOURCE_TAGS[name]:
                findings.append(Finding("markup-attribute", _word(attribute),
                                        {"attribute": attribute, "tag": name}))
            elif attribute == "id" and value and _RESERVED_ID.match(value):
                findings.append(Finding("markup-reserved-id", value, {"value": value}))
    return findings


def _tree_findings(root, extra_schemes: frozenset, links: list[Link]) -> list[Finding]:
    findings = []
    # What Markdown itself writes. A table column's alignment (style) is dropped by the
    # sanitiser: the site's policy forbids inline styles.
    generated = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                 "code": {"class"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("", "div") and element is root:
            continue
        if tag and tag not in ALLOWED_TAGS:
            findings.append(Finding("markup-tag", f"<{tag}", {"tag": f"<{tag}>"}))
        allowed = ATTR_LIST | generated.get(tag, set()) | SOURCE_TAGS.get(tag, set())
        for attribute, value in element.attrib.items():
            if attribute not in allowed:
                findings.append(Finding("markup-attribute", _word(attribute),
                                        {"attribute": attribute, "tag": tag}))
            elif attribute == "id" and _RESERVED_ID.match(value):
                findings.append(Finding("markup-reserved-id", value, {"value": value}))
        for attribute in URL_ATTRIBUTES:
            target = element.attrib.get(attribute)
            if target is None:
                continue
            if attribute == "href" and tag == "a" and "headerlink" in element.attrib.get(
                    "class", ""):
                continue
            links.append(Link(tag == "img", target, target))
            if not url_allowed(target, extra_schemes if tag == "a" else frozenset()):
                findings.append(Finding("link-scheme", target,
                                        {"target": _shown(target),
                                         "scheme": scheme(target) or ""}))
    return findings


def _word(name: str) -> str:
    """A needle that finds ``name`` as an attribute, not inside a longer word."""
    return "re:" + r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"


def _shown(value: str, limit: int = 60) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


_BRACKETS = re.compile(r"[][]")
_EMPHASIS = re.compile(r"[*_]{2,}")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")


def nesting(text: str) -> tuple[int, int]:
    """(deepest nesting of quotes, lists or brackets, the 1-based line where it is): counted
    on the source, before any conversion, because converting a deep enough text takes minutes
    or exhausts the converter's recursion."""
    worst, worst_line = 0, 1
    brackets = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            brackets = 0
        depth, position = 0, 0
        while match := _CONTAINER.match(line, position):
            depth += 1
            position = match.end()
        indent = len(line) - len(line.lstrip(" \t"))
        depth = max(depth, indent // 4 + (1 if depth else 0))
        for char in _BRACKETS.findall(line):
            if char == "[":
                brackets += 1
                depth = max(depth, brackets)
            elif brackets:
                brackets -= 1
        emphasis = max(map(len, _EMPHASIS.findall(line)), default=0)
        depth = max(depth, emphasis // 2)
        if depth > worst:
            worst, worst_line = depth, number
    return worst, worst_line


def _markdown():
    import markdown

    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
    stored: list = []
    store = converter.htmlStash.store
    fencing = []  # a fenced code block is stored too, escaped: it is not raw HTML

    def record(item):
        if not fencing:
            stored.append(item)
        return store(item)

    converter.htmlStash.store = record
    fenced = converter.preprocessors["fenced_code_block"]
    run = fenced.run

    def run_fenced(lines):
        fencing.append(True)
        try:
            return run(lines)
        finally:
            fencing.pop()

    fenced.run = run_fenced
    return converter, stored


# The audits, cleanings and verifications of texts already seen (polesocial.memo): a live
# preview checks every source and rebuilds every page at each change, and works again only on
# the texts that changed.
_audited = Memo()
_cleaned = Memo()
_verified = Memo()
_ids = Memo()


def audit_markdown(text: str, extra_schemes: frozenset = frozenset()
                   ) -> tuple[list[Finding], list[Link]]:
    """What a Markdown source would put on a page beyond what sources may hold, and its links
    and images (for the caller's checks of targets)."""
    findings, links = _audited.get((text, frozenset(extra_schemes)),
                                   lambda: _audit(text, extra_schemes))
    return list(findings), list(links)


def _audit(text: str, extra_schemes: frozenset) -> tuple[list[Finding], list[Link]]:
    depth, line = nesting(text)
    if depth > MAX_NESTING:
        return [Finding("markdown-too-deep", "", {"depth": depth, "limit": MAX_NESTING,
                                                  "line": line})], []
    converter, stored = _markdown()
    findings: list[Finding] = []
    links: list[Link] = []
    tree: list = []

    class Capture:  # a last tree step: the document as Markdown made it, before serialising
        def run(self, root):
            tree.append(root)

    converter.treeprocessors.register(Capture(), "polesocial_audit", 0)
    try:
        converter.convert(text)
    except RecursionError:
        return [Finding("markdown-too-deep", "", {"depth": depth, "limit": MAX_NESTING,
                                                  "line": line})], []
    for item in stored:
        if isinstance(item, str):
            findings += _raw_findings(item)
    if tree:
        findings += _tree_findings(tree[0], extra_schemes, links)
        # The same conversion gives the page's ids, for the checks of anchors (``ids``).
        _ids.store((text,), _tree_ids(tree[0]))
    return findings, links


def _tree_ids(root) -> frozenset[str]:
    return frozenset(element.get("id") for element in root.iter() if element.get("id"))


def ids(text: str) -> set[str]:
    """The element ids a Markdown text's page has (its headings' anchors included)."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    found = _ids.lookup((text,))  # the audit of the same text converted it already
    if found is not None:
        return set(found)
    converter, _ = _markdown()
    tree: list = []

    class Capture:
        def run(self, root):
            tree.append(root)

    converter.treeprocessors.register(Capture(), "polesocial_ids", 0)
    try:
        converter.convert(text)
    except RecursionError:
        return set()
    return set(_tree_ids(tree[0])) if tree else set()


_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


def masked(text: str) -> str:
    """``text`` with its code (fenced blocks, `spans`) blanked out, lines and columns kept:
    what is shown as code is not what a finding is looked for in."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))
    return _INLINE_CODE.sub(blank, _FENCE.sub(blank, text))


def locate(text: str, needle: str, after: dict) -> tuple[int, int]:
    """(line, column) of the next occurrence of ``needle`` in ``text`` (case-insensitive; a
    needle starting with "re:" is a pattern), after the previous one found for the same needle;
    (1, 1) if it cannot be found. Give it ``masked(source)``: code is not searched."""
    if not needle:
        return 1, 1
    # Markdown turns tabs into spaces: any run of spaces in the needle matches any blank.
    pattern = re.compile(needle[3:] if needle.startswith("re:")
                         else re.sub(r"(?:\\ )+", r"\\s+", re.escape(needle)), re.IGNORECASE)
    match = pattern.search(text, after.get(needle, 0)) or pattern.search(text)
    if match is None:
        return 1, 1
    index = match.start()
    after[needle] = index + 1
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# --- 2. The filter every rendered page and PDF body goes through --------------------------------

_cleaner = None


def _attribute_filter(tag: str, attribute: str, value: str):
    if attribute == "id" and _RESERVED_ID.match(value):
        return None
    return value


def clean(fragment: str) -> str:
    """``fragment`` with only the allowed tags, attributes and links (nh3, an allowlist
    sanitiser in Rust, maintained; it parses HTML as browsers do)."""
    return _cleaned.get((fragment,), lambda: _clean(fragment))


def _clean(fragment: str) -> str:
    global _cleaner
    if _cleaner is None:
        import nh3

        _cleaner = nh3.Cleaner(
            tags=ALLOWED_TAGS, clean_content_tags={"script", "style"},
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            attribute_filter=_attribute_filter, strip_comments=True, link_rel=None,
            url_schemes=set(LINK_SCHEMES))
    return _FORBIDDEN_TEXT.sub("", _cleaner.clean(fragment))


# --- 3. The verification of a finished page ---------------------------------------------------

_DANGEROUS_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base",
                   "portal"}


class _Verifier(HTMLParser):
    def __init__(self, known_script):
        super().__init__(convert_charrefs=True)
        self.known_script = known_script
        self.problems: list[str] = []
        self.script_attrs: dict | None = None
        self.script_text: list[str] = []
        self.inline_scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "poster", "data",
                        "srcdoc") and value is not None:
                found = scheme(value)
                if name == "srcdoc" or (found and found not in LINK_SCHEMES
                                        and not (found == "data" and tag == "img")):
                    self.problems.append(f"<{tag} {name}=\"{_shown(value, 40)}\">")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        elif tag in _DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            self.script_attrs = values
            self.script_text = []

    def handle_data(self, data):
        if self.script_attrs is not None:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script_attrs is not None:
            attrs, code = self.script_attrs, "".join(self.script_text)
            self.script_attrs = None
            kind = (attrs.get("type") or "").lower()
            if "src" in attrs:
                if scheme(attrs["src"] or "") is not None or (attrs["src"] or "").startswith("//"):
                    self.problems.append(f"<script src=\"{_shown(attrs['src'] or '', 40)}\">")
            elif kind == "application/json":
                pass  # data the theme reads (its configuration), never run
            elif self.known_script(code):
                self.inline_scripts.append(code)
            else:
                self.problems.append(f"<script>{_shown(code.strip(), 40)}</script>")


def unsafe_output(document: str, known_script) -> tuple[list[str], list[str]]:
    """(what in a finished page could run or load something it should not, the page's inline
    scripts that are the theme's). ``known_script(code)`` says whether an inline script is
    one the theme's or the project's templates write (``web.csp``); when it has a
    ``signature`` (the patterns it accepts), the answer for a page already verified against the
    same patterns is the one given then."""
    signature = getattr(known_script, "signature", None)
    if signature is None:
        return _unsafe_output(document, known_script)
    problems, scripts = _verified.get((document, signature),
                                      lambda: _unsafe_output(document, known_script))
    return list(problems), list(scripts)


def _unsafe_output(document: str, known_script) -> tuple[list[str], list[str]]:
    verifier = _Verifier(known_script)
    signature = getattr(known_script, "signature", None)
    if signature is None:
        verifier.feed(document)
    else:
        _feed_by_lines(verifier, document, signature)
    verifier.close()
    return verifier.problems, verifier.inline_scripts


# What the verifier found in each line it read from its starting state (between two tags,
# outside any script or comment, nothing pending) and that brought it back to that state: the
# lines of the theme's chrome (menu, header, footer) recur from page to page, and such a line
# gives the same findings wherever it stands. Kept for the templates' scripts of one signature.
_lines: dict = {"signature": None, "found": {}}
_LINES_KEPT = 200_000


def _feed_by_lines(verifier: _Verifier, document: str, signature) -> None:
    """``verifier.feed(document)``, a line at a time (the parser reads a text fed in pieces as
    the whole: html.parser waits for the rest of whatever a piece cuts), skipping the lines
    already read from the starting state, whose findings are added as they were found."""
    if _lines["signature"] != signature or len(_lines["found"]) > _LINES_KEPT:
        _lines["signature"], _lines["found"] = signature, {}
    found = _lines["found"]
    problems, scripts = verifier.problems, verifier.inline_scripts
    clean = True  # the verifier is in its starting state
    lines = document.splitlines(keepends=True)
    if len(lines) != document.count("\n") + (not document.endswith("\n")):
        # a line break other than "\n" (splitlines cuts at \r, \x0c, \u2028…): cut at "\n" only
        lines = [line + "\n" for line in document.split("\n")]
        lines[-1] = lines[-1][:-1]
    lookup, feed = found.get, verifier.feed
    for line in lines:
        if clean:
            known = lookup(line)
            if known is not None:
                if known[0]:
                    problems += known[0]
                if known[1]:
                    scripts += known[1]
                continue
            before = len(problems), len(scripts)
        feed(line)
        was_clean = clean
        clean = (not verifier.rawdata and verifier.cdata_elem is None
                 and verifier.script_attrs is None)
        if was_clean and clean:
            found[line] = (tuple(problems[before[0]:]), tuple(scripts[before[1]:]))
