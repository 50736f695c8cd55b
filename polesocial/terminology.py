"""One terminology, enforced: the term base (``strategy/glossary.yml``) checked against every
text that exists in both languages.

Three rules, each reported with the file and line of the Arabic text:

1. *The glossary's Arabic where the French uses the term.* Every paired text (a field of the
   strategy or of a campaign, a block of a guide, of the charter or of a hand-written page, with
   the block of the same rank in the other language) whose French uses a glossary term must
   use the term's Arabic (error, ``term-mismatch``).
2. *No rejected rendering.* A wrong rendering listed under a term's ``wrong:`` may appear in no
   Arabic text at all (error, ``term-wrong``); nor may a turn of phrase listed under the
   glossary's ``phrasings:`` (calques of the French, error, ``phrasing-calque``).
3. *One rendering across documents.* The headings and the labels of lists ("Qui :",
   "Trace à conserver :") that recur in several documents must be translated the same way
   everywhere (warning, ``term-inconsistent``).

Arabic is matched the way readers and the site's search see words, not as exact strings: the
letters written in more than one way are folded (hamza on alef, alef maqsura, harakat and
tatweel, as polesocial/web/search.py does for the search; ta marbuta stays apart from ha, which
is also a pronoun), and a word of the text
also counts without the article and the particles written with it (و ف ب ك ل, ال, لل), so that
العمل الاجتماعي, للعمل الاجتماعي and والعمل الاجتماعي are the same term. A term's plural and other
inflected forms are listed in the glossary (``forms: ar:``). French is matched on words,
without accents or case, so "l’assistance sociale" uses "assistance sociale".

Two placeholders make references checkable: ``{id}`` stands for an identifier of the strategy
(A1.2.3, M3) and ``{n}`` for a number, and the Arabic must carry the same value: "action A2.1.1"
requires "الإجراء A2.1.1", "Étape 3" requires "المرحلة 3".
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .memo import Memo
from .problems import WARNING, Report

# --- Letters and words --------------------------------------------------------------------------

_MARKS = re.compile("[\u0300-\u036f\u0640\u064b-\u065f\u0670]")
# A word: letters and digits, with the marks written on them (harakat, tatweel, accents),
# and dots or plus signs inside (14.05, A1.2.3, 4+4).
_LETTER = "(?:[^\\W_]|[\u0300-\u036f\u0640\u064b-\u065f\u0670])"
_WORD = re.compile(f"{_LETTER}+(?:[.+]{_LETTER}+)*")
_ID = re.compile(r"[am]\d+(?:\.\d+){0,2}")
_NUMBER = re.compile(r"\d+")
_PLACEHOLDERS = {"{id}": _ID, "{n}": _NUMBER}
# What Arabic writes before a word, as part of it: a conjunction (و ف), then a preposition
# (ب ك ل), then the article (ال); or a conjunction and لل (ل with the article).
_CONJUNCTIONS, _PREPOSITIONS = ("", "\u0648", "\u0641"), ("", "\u0628", "\u0643", "\u0644")
_PREFIXES = ({c + p + a for c in _CONJUNCTIONS for p in _PREPOSITIONS for a in ("", "\u0627\u0644")}
             | {c + "\u0644\u0644" for c in _CONJUNCTIONS}) - {""}
_ARTICLE = "\u0627\u0644"
# Possessive pronouns written after a noun: ه ها هم هما هن كم كما نا.
_SUFFIXES = ("\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627", "\u0647\u0646",
             "\u0643\u0645", "\u0643\u0645\u0627", "\u0646\u0627")
# Markdown that is not text: link targets, attribute lists, inline code, emphasis marks.
_MARKUP = re.compile(r"\]\([^)]*\)|\{[:#.][^}]*\}|`[^`]*`|<[^>]+>")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Letters folded as the search folds them (lower case, no accents, harakat or tatweel,
    one alef), except ta marbuta, kept apart from ha: المساعدة is not المساعد + ه."""
    text = unicodedata.normalize("NFD", text.replace("’", "'"))
    text = _MARKS.sub("", text)
    text = text.replace("\u0671", "\u0627").replace("\u0649", "\u064a")
    return unicodedata.normalize("NFC", text).casefold()


class Word(NamedTuple):  # a tuple: texts have tens of thousands of words
    text: str  # as written
    start: int  # offset in the text it comes from
    folded: str


def words(text: str) -> list[Word]:
    """The words of ``text``, with their offsets. Markdown link targets are not words."""
    cleaned = _MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    # tuple.__new__: a NamedTuple's own constructor is Python code, run for every word.
    return [_new(Word, (word, m.start(), fold(word))) for m in _WORD.finditer(cleaned)
            for word in (m.group(0),)]


_new = tuple.__new__


def folded_words(text: str) -> list[str]:
    """The folded words of ``text``, as ``words`` gives them, without their offsets: what the
    rules match (``words`` is asked only for the texts where something was found)."""
    return list(map(fold, _WORD.findall(_MARKUP.sub(" ", text))))


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
# The prefixes and suffixes by length: a word's first (last) letters are looked up in them,
# instead of trying each of the 26 prefixes (8 suffixes) on every word.
_PREFIX_LENGTHS = sorted({len(p) for p in _PREFIXES})
_SUFFIX_LENGTHS = sorted({len(s) for s in _SUFFIXES})
_SUFFIX_SET = frozenset(_SUFFIXES)


def _arabic(word: str) -> bool:
    return _ARABIC_LETTER.search(word) is not None


@functools.lru_cache(maxsize=65536)
def _candidates(word: str) -> frozenset[str]:
    """What a word of a text may stand for: itself, and without its particles and article
    (as long as two letters remain), and a masculine plural in -ين as the same plural in -ون."""
    found = {word}
    if _arabic(word):
        found |= {word[n:] for n in _PREFIX_LENGTHS
                  if len(word) - n >= 2 and word[:n] in _PREFIXES}
        found |= {w[:-2] + "\u0648\u0646" for w in found
                  if w.endswith("\u064a\u0646") and len(w) > 4}
        # The accusative's alef (تكوينًا, منسقًا): the harakat are folded away, the alef stays.
        found |= {w[:-1] for w in found if w.endswith("\u0627") and len(w) > 4}
        # A possessive pronoun after the noun: محورها, جمعياتهم, وضعيتها (ta marbuta as ت).
        for stem in list(found):
            for n in _SUFFIX_LENGTHS:
                if len(stem) - n >= 3 and stem[-n:] in _SUFFIX_SET:
                    bare = stem[:-n]
                    found.add(bare)
                    if bare.endswith("\u062a"):
                        found.add(bare[:-1] + "\u0629")
    return frozenset(found)


def _bases(word: str) -> set[str]:
    """What a word of a glossary form stands for: itself, and without its article."""
    found = {word}
    if _arabic(word) and word.startswith(_ARTICLE) and len(word) > 4:
        found.add(word[2:])
    for stem in list(found):
        if stem.endswith("\u064a\u0646") and len(stem) > 4:
            found.add(stem[:-2] + "\u0648\u0646")
    return found


@dataclass(frozen=True)
class Form:
    """A wording of a term in one language, as the words a text must contain in a row."""

    text: str
    parts: tuple  # per word: a set of accepted spellings, or a placeholder's pattern

    @classmethod
    def parse(cls, text: str) -> "Form":
        parts = []
        for token in re.findall(r"\{id\}|\{n\}|" + _WORD.pattern, text):
            if token in _PLACEHOLDERS:
                parts.append(_PLACEHOLDERS[token])
            else:
                parts.append(frozenset(_bases(fold(token))))
        return cls(text, tuple(parts))

    def match_at(self, text_words: list[str], i: int) -> tuple | None:
        """The placeholder values if the form is used at word ``i`` (of a text's
        ``folded_words``), else None."""
        if i + len(self.parts) > len(text_words):
            return None
        values = []
        for j, part in enumerate(self.parts):
            word = text_words[i + j]
            if isinstance(part, frozenset):
                if part.isdisjoint(_candidates(word)):
                    return None
            elif part.fullmatch(word):
                values.append(word)
            else:
                return None
        return tuple(values)

    def find(self, text_words: list[str]) -> list[tuple[int, int, tuple]]:
        """(first word, word count, placeholder values) of each place the form is used."""
        found = []
        for i in range(len(text_words)):
            values = self.match_at(text_words, i)
            if values is not None:
                found.append((i, len(self.parts), values))
        return found


class Index:
    """Forms looked up by their first word, so that a text is read once for all terms."""

    def __init__(self, entries):
        self.by_word: dict[str, list] = defaultdict(list)
        self.anywhere: list = []  # forms starting with a placeholder
        self.starts: dict[str, tuple] = {}  # a text's word -> the forms it may start
        self.starters: set[str] = set()  # the words seen so far that start a form
        for entry in entries:  # (form, payload)
            first = entry[0].parts[0] if entry[0].parts else None
            if isinstance(first, frozenset):
                for spelling in first:
                    self.by_word[spelling].append(entry)
            elif first is not None:
                self.anywhere.append(entry)

    def starting(self, folded: str) -> tuple:
        """The forms whose first word a text's word may be (once per spelling of a word)."""
        entries = self.starts.get(folded)
        if entries is None:
            entries, seen = [], set()
            for spelling in _candidates(folded):
                for entry in self.by_word.get(spelling, ()):
                    if id(entry) not in seen:
                        seen.add(id(entry))
                        entries.append(entry)
            entries = self.starts[folded] = tuple(entries)
            if entries:
                self.starters.add(folded)
        return entries

    def find(self, text_words: list[str]):
        """(form, payload, first word, word count, values) of every use of every form in a
        text's ``folded_words``."""
        found = []
        starts, starters, anywhere = self.starts, self.starters, self.anywhere
        for word in set(text_words).difference(starts):
            self.starting(word)
        if not anywhere and starters.isdisjoint(text_words):
            return found  # most texts: no word starts any form
        for i, word in enumerate(text_words):
            if word in starters:
                for entry in starts[word]:
                    values = entry[0].match_at(text_words, i)
                    if values is not None:
                        found.append((entry[0], entry[1], i, len(entry[0].parts), values))
            for entry in anywhere:
                values = entry[0].match_at(text_words, i)
                if values is not None:
                    found.append((entry[0], entry[1], i, len(entry[0].parts), values))
        return found


@dataclass(frozen=True)
class Term:
    id: str
    fr: str  # the term as the glossary shows it
    ar: str
    fr_forms: tuple[Form, ...]  # wordings of the French that use the term
    ar_forms: tuple[Form, ...]  # wordings of the Arabic that count as the term
    wrong: tuple[Form, ...]  # Arabic renderings that must never be used

    @classmethod
    def from_glossary(cls, term) -> "Term":
        ar = [term.ar] + [f for f in term.forms["ar"] if f != term.ar]
        return cls(term.id, term.fr, term.ar, tuple(Form.parse(f) for f in term.forms["fr"]),
                   tuple(Form.parse(f) for f in ar),
                   tuple(Form.parse(f) for f in getattr(term, "wrong", ())))


# --- Paired texts -------------------------------------------------------------------------------

@dataclass
class Side:
    """One language's text of a pair, and where it stands."""

    file: Path
    text: str
    line: int  # of the text's first character
    column: int
    # For text copied out of a YAML scalar, line breaks and indentation are gone: the file's
    # own lines, to find the exact line of a word again.
    file_lines: list[str] | None = None

    def locate(self, offset: int, needle: str) -> tuple[int, int]:
        """Line and column of the word at ``offset`` (and spelled ``needle``)."""
        if self.file_lines is None:
            before = self.text[:offset]
            line = self.line + before.count("\n")
            column = (offset - before.rfind("\n")) if "\n" in before \
                else self.column + offset
            return line, column
        for number in range(self.line, min(self.line + 40, len(self.file_lines) + 1)):
            index = self.file_lines[number - 1].find(needle)
            if index >= 0 and (number > self.line or index + 1 >= self.column):
                return number, index + 1
        return self.line, self.column


@dataclass
class Pair:
    """A text and its translation: a field of the strategy or of a campaign, a block of a
    document with the block of the same rank in the other language."""

    item: str  # how the message names it: A1.2.3, messages.public[0], fr.md:12
    where: str  # path in the data or section of the document, shown in brackets
    fr: Side
    ar: Side
    document: str  # the document it belongs to, for the cross-document rule
    label: bool = False  # a heading or a list label: judged for consistency across documents


def yaml_pairs(path: Path, node, where: str, item: str, document: str,
               file_lines: list[str]) -> list[Pair]:
    """The pair of a bilingual YAML node {fr: …, ar: …} (none if a language is missing)."""
    fr, ar = node.get("fr"), node.get("ar")
    if not isinstance(fr, str) or not isinstance(ar, str):
        return []
    # Each text is reported where its key stands (as every other problem of a YAML field);
    # a rejected word is looked for in the lines from there.
    sides = [Side(path, text, *node.where(lang), file_lines)
             for lang, text in (("fr", fr), ("ar", ar))]
    return [Pair(item, f"{where}.ar", sides[0], sides[1], document)]


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([\w-]+)\})?\s*$")
_ITEM_START = re.compile(r"^(?:\s{0,3}(?:[-*+]|\d+[.)])\s|\|)")
_ADMONITION = re.compile(r'^!!!\s+\w+(?:\s+"([^"]*)")?')
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Block:
    line: int  # first line, in the file
    text: str
    heading: str | None = None  # anchor of a heading block


def blocks(body: str, first_line: int) -> list[Block]:
    """The Markdown blocks of a body: each heading, paragraph, list item and table row, with
    the line it starts on. Code blocks are left out."""
    found: list[Block] = []
    current: list[str] = []
    start = first_line
    in_code = False

    def close():
        if current:
            found.append(Block(start, "\n".join(current)))
            current.clear()

    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            close()
            in_code = not in_code
            continue
        if in_code:
            continue
        if not line.strip():
            close()
            continue
        heading = _HEADING.match(line)
        if heading or _ITEM_START.match(line) or _ADMONITION.match(line):
            close()
        if heading:
            found.append(Block(number, line, heading.group(3) or ""))
            continue
        if not current:
            start = number
        current.append(line)
    close()
    return found


def _sections(found: list[Block]) -> list[tuple[str, list[Block]]]:
    sections: list[tuple[str, list[Block]]] = [("", [])]
    for block in found:
        if block.heading is not None:
            sections.append((block.heading, [block]))
        else:
            sections[-1][1].append(block)
    return [s for s in sections if s[1]]


def markdown_pairs(fr_path: Path, fr_body: str, fr_line: int, ar_path: Path, ar_body: str,
                   ar_line: int, document: str) -> list[Pair]:
    """Pairs of a document's two texts. Sections are matched by their anchor ({#id}), or by
    rank when the headings have none; inside a section, blocks by rank when both languages
    have as many, otherwise the whole section is one pair."""
    fr_sections = _sections(blocks(fr_body, fr_line))
    ar_sections = _sections(blocks(ar_body, ar_line))
    by_anchor = {anchor: section for anchor, section in ar_sections if anchor}
    matched = []
    if len(fr_sections) == len(ar_sections) and not all(a for a, _ in fr_sections):
        matched = list(zip(fr_sections, ar_sections))
    else:
        matched = [((a, s), (a, by_anchor[a])) for a, s in fr_sections if a and a in by_anchor]
        if fr_sections and ar_sections and not fr_sections[0][0] and not ar_sections[0][0]:
            matched.insert(0, (fr_sections[0], ar_sections[0]))
    pairs = []
    for (anchor, fr_blocks), (_, ar_blocks) in matched:
        section = f"§{anchor}" if anchor else "§"
        if len(fr_blocks) == len(ar_blocks):
            couples = list(zip(fr_blocks, ar_blocks))
        else:  # one side has more blocks: the section as a whole (its heading apart)
            couples = [(fr_blocks[0], ar_blocks[0])] if fr_blocks[0].heading is not None \
                and ar_blocks[0].heading is not None else []
            rest_fr = [b for b in fr_blocks if b.heading is None]
            rest_ar = [b for b in ar_blocks if b.heading is None]
            if rest_fr and rest_ar:
                couples.append((Block(rest_fr[0].line, "\n\n".join(b.text for b in rest_fr)),
                                Block(rest_ar[0].line, "\n\n".join(b.text for b in rest_ar))))
        for fr_block, ar_block in couples:
            pairs.append(Pair(f"{fr_path.name}:{fr_block.line}", section,
                              Side(fr_path, fr_block.text, fr_block.line, 1),
                              Side(ar_path, ar_block.text, ar_block.line, 1), document))
            for fr_label, ar_label in _labels(fr_block, ar_block):
                pairs.append(Pair(f"{fr_path.name}:{fr_block.line}", section,
                                  Side(fr_path, fr_label[1], fr_block.line, fr_label[0] + 1),
                                  Side(ar_path, ar_label[1], ar_block.line, ar_label[0] + 1),
                                  document, label=True))
    return pairs


# A list label: "- **Qui** :", "- Trace à conserver :", "1. **Définir l’objectif.**"
_LABEL = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(\*\*)?([^\W\d_][^\W\d]*(?:[\s’'\-][^\W\d]+){0,4})"
                    r"(?:\1)?\s*[:.](?:\*\*)?\s")


def _labels(fr: Block, ar: Block) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    """Heading texts and list labels of two matching blocks, each with its column."""
    if fr.heading is not None and ar.heading is not None:
        fr_text = _HEADING.match(fr.text).group(2)
        ar_text = _HEADING.match(ar.text).group(2)
        return [((fr.text.find(fr_text), fr_text), (ar.text.find(ar_text), ar_text))]
    fr_label, ar_label = _LABEL.match(fr.text), _LABEL.match(ar.text)
    if fr_label and ar_label and len(fr_label.group(2).split()) <= 5 \
            and len(ar_label.group(2).split()) <= 5:
        return [((fr_label.start(2), fr_label.group(2).strip()),
                 (ar_label.start(2), ar_label.group(2).strip()))]
    return []


# --- The rules ----------------------------------------------------------------------------------

# What the rules found in each pair of texts already checked against the same term base
# (polesocial.memo): a live preview checks every pair again at each change.
_matched = Memo(16384)


def _key(text: str) -> str:
    """A heading or label, the same however it is punctuated or numbered."""
    return " ".join(_NUMBER.sub("#", word) for word in folded_words(text))


@dataclass
class _Usage:
    rendering: str
    pair: Pair


@dataclass
class Checker:
    """Checks pairs against the term base; see the module's docstring for the rules."""

    terms: list[Term]
    report: Report
    labels: dict = field(default_factory=lambda: defaultdict(list))
    phrasings: list = field(default_factory=list)  # strategy.model.Phrasing

    def __post_init__(self):
        # The term base as a whole, for the memory of pairs already checked against it.
        self.signature = hashlib.sha256(repr((self.terms, self.phrasings)).encode("utf-8")
                                        ).hexdigest()
        self.fr_index = Index([(f, t) for t in self.terms for f in t.fr_forms])
        self.ar_index = Index([(f, t) for t in self.terms for f in t.ar_forms])
        self.wrong_index = Index([(f, t) for t in self.terms for f in t.wrong])
        self.phrasing_index = Index([(Form.parse(w), p) for p in self.phrasings
                                     for w in p.wrong])

    @classmethod
    def from_glossary(cls, glossary, report: Report, phrasings=()) -> "Checker":
        return cls([Term.from_glossary(term) for term in glossary], report,
                   phrasings=list(phrasings))

    def check(self, pairs: list[Pair]) -> None:
        for pair in pairs:
            if pair.label:
                self.labels[_key(pair.fr.text)].append(_Usage(pair.ar.text.strip(), pair))
                continue
            self._pair(pair)

    def _pair(self, pair: Pair) -> None:
        missing, wrong, calques = _matched.get((self.signature, pair.fr.text, pair.ar.text),
                                               lambda: self._matches(pair.fr.text, pair.ar.text))
        for term, fr_text, values in missing:
            self.report.add(pair.ar.file, pair.ar.line, pair.ar.column,
                            "term-mismatch", where=pair.where, item=pair.item,
                            fr=_fill(fr_text, values), term=term.id,
                            ar=_fill(term.ar, values))
        for term, values, start, text, found in wrong:
            line, column = pair.ar.locate(start, text)
            self.report.add(pair.ar.file, line, column, "term-wrong", where=pair.where,
                            found=found, ar=_fill(term.ar, values), term=term.id)
        for phrasing, start, text, found in calques:
            line, column = pair.ar.locate(start, text)
            self.report.add(pair.ar.file, line, column, "phrasing-calque", where=pair.where,
                            found=found, instead=phrasing.instead,
                            reason_fr=phrasing.reason["fr"], reason_ar=phrasing.reason["ar"])

    def _matches(self, fr: str, ar: str) -> tuple[list, list]:
        """What the rules find in one pair of texts: (each term the French uses whose Arabic
        is missing: (term, French form, values); each wrong Arabic rendering: (term, values,
        offset and text of its first word, the rendering found); each calque: (phrasing,
        offset and text of its first word, the phrasing found))."""
        fr_words, ar_words = folded_words(fr), folded_words(ar)
        # Where the French uses each term. A term used inside a longer one is the longer one's
        # ("prise en charge" inside "prise en charge et de solidarité").
        spans = [(term, start, start + size, values, form.text)
                 for form, term, start, size, values in self.fr_index.find(fr_words)]
        kept = [s for s in spans if not any(
            o[0] is not s[0] and o[1] <= s[1] and s[2] <= o[2] and o[2] - o[1] > s[2] - s[1]
            for o in spans)]
        used: dict = {}
        for term, _, _, values, text in kept:
            used.setdefault(term.id, (term, {}))[1].setdefault(values, text)
        present: dict = defaultdict(set)
        if used:
            for _, term, _, _, values in self.ar_index.find(ar_words):
                present[term.id].add(values)
        missing = [(term, fr_text, values) for term, forms in used.values()
                   for values, fr_text in forms.items() if values not in present[term.id]]
        wrong, reported = [], set()
        located: list = []  # the Arabic's words with their offsets, once something is found

        def at(start: int, size: int):
            if not located:
                located[:] = words(ar)
            return located[start], located[start + size - 1]

        for _, term, start, size, values in self.wrong_index.find(ar_words):
            if (start, term.id) in reported:  # two listed spellings of one wrong rendering
                continue
            reported.add((start, term.id))
            first, last = at(start, size)
            found = " ".join(ar[first.start:last.start + len(last.text)].split())
            wrong.append((term, values, first.start, first.text, found))
        calques, seen = [], set()
        for _, phrasing, start, size, _ in self.phrasing_index.find(ar_words):
            if (start, id(phrasing)) in seen:  # two listed spellings of one phrasing
                continue
            seen.add((start, id(phrasing)))
            first, last = at(start, size)
            found = " ".join(ar[first.start:last.start + len(last.text)].split())
            calques.append((phrasing, first.start, first.text, found))
        return missing, wrong, calques

    def finish(self) -> None:
        """The cross-document rule, once every pair has been seen."""
        for usages in self.labels.values():
            renderings = defaultdict(list)
            for usage in usages:
                renderings[_key(usage.rendering)].append(usage)
            if len(renderings) < 2:
                continue
            # The rendering most documents use is the reference; the others are reported.
            ranked = sorted(renderings.values(), key=lambda u: (-len({x.pair.document
                                                                      for x in u}), -len(u)))
            reference = ranked[0][0]
            for group in ranked[1:]:
                for usage in group:
                    side = usage.pair.ar
                    self.report.add(side.file, side.line, side.column, "term-inconsistent",
                                    severity=WARNING, where=usage.pair.where,
                                    fr=usage.pair.fr.text.strip(), ar=usage.rendering,
                                    other=reference.rendering,
                                    at=f"{self.report.relative(reference.pair.ar.file)}:"
                                       f"{reference.pair.ar.line}")


def _fill(text: str, values: tuple) -> str:
    for value in values:
        text = re.sub(r"\{id\}|\{n\}", value.upper() if _ID.fullmatch(value) else value, text,
                      count=1)
    return text


# --- Every source ---------------------------------------------------------------------------------

def source_pairs(root: Path) -> list[Pair]:
    """Every paired text of the project: strategy, glossary, campaigns, metadata of the
    documents, and the bodies and headers of the guides, the charter and the pages."""
    from . import paired

    pairs: list[Pair] = []
    for path, kind, items in paired.yaml_sources(root):
        data, lines = paired.read_yaml(path, root)
        document = path.relative_to(root).as_posix()
        for item in items(data):
            for where, node in item.fields:
                pairs += yaml_pairs(path, node, where, item.id, document, lines)
    for document in paired.documents(root):
        if document.fr is None or document.ar is None:
            continue
        pairs += markdown_pairs(document.fr_path, document.fr.body, document.fr.body_line,
                                document.ar_path, document.ar.body, document.ar.body_line,
                                document.name)
        lines = paired.lines(document.ar_path, root)
        fr_lines = paired.lines(document.fr_path, root)
        for key in ("title", "description"):
            fr, ar = document.fr.header.get(key), document.ar.header.get(key)
            if isinstance(fr, str) and isinstance(ar, str):
                fr_line, _ = document.fr.header.where(key)
                ar_line, _ = document.ar.header.where(key)
                pairs.append(Pair(key, key, Side(document.fr_path, fr, fr_line, 1, fr_lines),
                                  Side(document.ar_path, ar, ar_line, 1, lines),
                                  document.name))
    return pairs


def check_sources(root: Path, glossary, report: Report) -> None:
    """Run the three rules on every paired text of the project."""
    from . import paired
    from .strategy.load import STRATEGY_FILE, name_items

    from .strategy.load import load_phrasings

    start = len(report.problems)
    checker = Checker.from_glossary(glossary, report, load_phrasings(root, report))
    checker.check(source_pairs(root))
    checker.finish()
    # Problems in the strategy name their item as every other problem of strategy.yml does
    # ("A1.1.1 « Préparer un nouveau projet… » · text.ar").
    data, _ = paired.read_yaml(root / STRATEGY_FILE, root)
    items = {}
    for item in paired.strategy_items(data):
        if re.fullmatch(r"[AM]\d+(?:\.\d+){0,2}", item.id):
            where, node = item.fields[0]
            title = node.get("fr") if isinstance(node.get("fr"), str) else ""
            items[where.rsplit(".", 1)[0]] = (item.id, title)
    name_items(report, start, items, report.relative(root / STRATEGY_FILE))
