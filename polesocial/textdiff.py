"""What changed between two versions of a text, word by word, as readers can read it.

A text is cut into blocks, the units a reader sees: headings, paragraphs, list items, table
cells of a Markdown document (converted with the site's own extensions, so that the Markdown
syntax and link addresses are not compared), or each text of a YAML document in one language
(labelled with the identifier of the item it belongs to, such as A1.2.3). Blocks are matched
first (``difflib``, the standard library's sequence matcher); a block that is in both versions
but reads differently is then compared word by word.

What comes out is HTML made only of elements the sanitiser allows: each change is a block
labelled in words ("Ajouté", "Supprimé", "Modifié"), under the heading of the part it is in;
inside a changed block, removed words are in ``<del>`` and added ones in ``<ins>``, each
opened and closed by words that only screen readers read, so that nothing is told by colour
alone. Every text is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser

from . import messages, sanitiser

# Blocks below this share of common words are a removal and an addition, not a change.
SIMILAR = 0.5
# Unchanged words kept on each side of a change inside a changed block.
CONTEXT = 12
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td", "caption",
           "pre", "summary", "figcaption"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Parts of a metadata file that are not the document's text.
SKIPPED_KEYS = {"history", "translation", "vocabularies"}


@dataclass(frozen=True)
class Block:
    text: str
    heading: bool = False
    label: str = ""  # the identifier of the item the text belongs to (YAML documents)

    @property
    def key(self) -> str:
        return f"{self.label}\0{self.text}"


@dataclass
class Comparison:
    items: list = field(default_factory=list)  # ("added"|"removed"|"changed", section, ...)
    html: str = ""

    @property
    def added(self) -> int:
        return sum(1 for item in self.items if item[0] == "added")

    @property
    def removed(self) -> int:
        return sum(1 for item in self.items if item[0] == "removed")

    @property
    def changed(self) -> int:
        return sum(1 for item in self.items if item[0] == "changed")


# --- Cutting a text into blocks ------------------------------------------------------------------

class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.open: list[tuple[str, list[str]]] = []  # (tag, text so far) of the open blocks

    def _flush(self, tag: str, parts: list[str]):
        text = " ".join("".join(parts).split())
        if text:
            self.blocks.append(Block(text, heading=tag in _HEADINGS))
        parts.clear()

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            if self.open:  # a block inside a block (a paragraph in a list item): the outer
                self._flush(*self.open[-1])  # one's text so far is a block of its own
            self.open.append((tag, []))
        elif tag == "br" and self.open:
            self.open[-1][1].append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS and self.open:
            for index in range(len(self.open) - 1, -1, -1):
                if self.open[index][0] == tag:
                    for inner in reversed(self.open[index:]):
                        self._flush(*inner)
                    del self.open[index:]
                    break

    def handle_data(self, data):
        if self.open:
            self.open[-1][1].append(data)


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown text, as the site shows it."""
    import markdown

    converted = markdown.Markdown(extensions=sanitiser.MARKDOWN_EXTENSIONS).convert(text)
    parser = _Blocks()
    parser.feed(converted)
    parser.close()
    return parser.blocks


def data_blocks(data, lang: str, label: str = "", top: bool = True) -> list[Block]:
    """The texts of a YAML document in ``lang`` (every ``{fr: …, ar: …}``), in file order."""
    blocks: list[Block] = []
    if isinstance(data, dict):
        if set(data) >= {"fr", "ar"} and isinstance(data.get(lang), str):
            text = " ".join(data[lang].split())
            return [Block(text, label=label)] if text else []
        if not top and isinstance(data.get("id"), str):
            label = data["id"]
        for key, value in data.items():
            if key in SKIPPED_KEYS:
                continue
            blocks += data_blocks(value, lang, label, top=False)
    elif isinstance(data, list):
        for value in data:
            blocks += data_blocks(value, lang, label, top=False)
    return blocks


# --- Comparing ------------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


def _similarity(old: Block, new: Block) -> float:
    if old.label != new.label or old.heading != new.heading:
        return 0.0
    matcher = SequenceMatcher(None, _words(old.text), _words(new.text), autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= SIMILAR else 0.0


def compare(old: list[Block], new: list[Block], lang: str) -> Comparison:
    """The changes from ``old`` to ``new``, as items and as HTML in ``lang``."""
    comparison = Comparison()
    section = ""
    matcher = SequenceMatcher(None, [b.key for b in old], [b.key for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for block in new[j1:j2]:
                section = block.text if block.heading else section
            continue
        j = j1
        for block in old[i1:i2]:
            best, score = None, 0.0
            for candidate in range(j, j2):  # the most similar block not yet matched
                similarity = _similarity(block, new[candidate])
                if similarity >= SIMILAR and similarity > score:
                    best, score = candidate, similarity
            if best is None:
                comparison.items.append(("removed", section, block))
                continue
            for added in new[j:best]:
                comparison.items.append(("added", section, added))
                section = added.text if added.heading else section
            comparison.items.append(("changed", section, block, new[best]))
            section = new[best].text if new[best].heading else section
            j = best + 1
        for added in new[j:j2]:
            comparison.items.append(("added", section, added))
            section = added.text if added.heading else section
    comparison.html = _html(comparison.items, lang)
    return comparison


# --- As HTML ----------------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _marked(tag: str, words: list[str], lang: str) -> str:
    """Words in <ins> or <del>, opened and closed in words for screen readers."""
    ui = messages.UI
    start, end = ui[f"diff_{tag}_start"][lang], ui[f"diff_{tag}_end"][lang]
    return (f'<{tag}><span class="ps-sr">{_e(start)} </span>{_e(" ".join(words))}'
            f'<span class="ps-sr"> {_e(end)}</span></{tag}>')


def _context(words: list[str], first: bool, last: bool) -> str:
    """Unchanged words around changes: the ones next to a change, the rest shown as an
    ellipsis (``first``: the run that opens the block; ``last``: the one that closes it)."""
    kept = words
    if first and last:
        pass
    elif first and len(words) > CONTEXT + 1:
        kept = ["…"] + words[-CONTEXT:]
    elif last and len(words) > CONTEXT + 1:
        kept = words[:CONTEXT] + ["…"]
    elif not first and not last and len(words) > 2 * CONTEXT + 1:
        kept = words[:CONTEXT] + ["…"] + words[-CONTEXT:]
    return _e(" ".join(kept))


def word_diff(old: str, new: str, lang: str) -> str:
    """``new`` as HTML, with the words removed from ``old`` and those added marked; long
    unchanged runs are shortened to the words around the changes."""
    a, b = _words(old), _words(new)
    out = []
    codes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            out.append(_context(a[i1:i2], index == 0, index == len(codes) - 1))
        if tag in ("delete", "replace"):
            out.append(_marked("del", a[i1:i2], lang))
        if tag in ("insert", "replace"):
            out.append(_marked("ins", b[j1:j2], lang))
    return " ".join(out)


def _content(block: Block, body: str) -> str:
    if block.label:
        body = f'<strong class="ps-id">{_e(block.label)}</strong> {body}'
    return f"<strong>{body}</strong>" if block.heading else body


def _html(items: list, lang: str) -> str:
    ui = messages.UI
    out = ['<div class="ps-diff">']
    shown = None
    for item in items:
        kind, section = item[0], item[1]
        block = item[-1]
        if section and section != shown and not block.heading:
            out.append(f'<p class="ps-diff-where">'
                       f'{_e(ui["diff_in_section"][lang].format(section=section))}</p>')
            shown = section
        if kind == "changed":
            body = word_diff(item[2].text, item[3].text, lang)
        else:
            tag = "ins" if kind == "added" else "del"
            body = f"<{tag}>{_e(block.text)}</{tag}>"
        out.append(f'<div class="ps-diff-item ps-diff-{kind}">'
                   f'<p class="ps-diff-label">{_e(ui[f"diff_{kind}"][lang])}</p>'
                   f'<p class="ps-diff-text">{_content(block, body)}</p></div>')
    out.append("</div>")
    return "".join(out)
