"""Reference guides (``guides/<id>/``) and the complementarity charter (``charter/``).

Each document is a folder: its metadata (``guide.yml`` or ``charter.yml``) beside its French and
Arabic text (``fr.md``, ``ar.md``). The Arabic text records which version of the French it
translates (a hash of ``fr.md`` under ``translation: ar: source:``); when the French changes,
the translation is reported out of date until ``make translated DOC=<folder>`` is run. The
record also keeps a fingerprint of the Arabic and the day it was made, so that the command can
tell the editor when the Arabic did not change although the French did.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import history as history_mod
from . import languages, messages, pages, sanitiser, trust, yamledit
from . import links as links_mod
from .problems import WARNING, Report
from .schema import Checker
from .sources import read_yaml

GUIDES = Path("guides")
CHARTER = Path("charter")
STATUSES = ("draft", "published")
SLUG = r"[a-z0-9][a-z0-9-]*"
METADATA = {"guide": "guide.yml", "charter": "charter.yml"}
REQUIRED = ("id", "status", "version", "date", "title", "summary", "actions")
_H1 = re.compile(r"^#\s")
VERSION = r"[0-9]+(?:\.[0-9]+){0,3}"


@dataclass(frozen=True)
class Document:
    kind: str  # "guide" or "charter"
    id: str
    folder: str  # relative to the project, e.g. guides/benevolat
    status: str
    version: str
    date: dt.date
    title: dict
    summary: dict
    audiences: tuple[str, ...]
    actions: tuple[str, ...]
    bodies: dict  # lang -> Markdown
    translated_from: str | None  # hash of the French text the Arabic translates
    links: dict = None  # lang -> [(image, target, line, column)] of the text, from the audit
    history: tuple = ()  # history.Entry, newest first

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def source_hash(self) -> str:
        return source_hash(self.bodies["fr"])

    @property
    def translation(self) -> str:
        """'current', 'outdated' or 'untracked' (the Arabic text records no source)."""
        if self.translated_from is None:
            return "untracked"
        return "current" if self.translated_from == self.source_hash else "outdated"

    @property
    def page(self) -> str:
        """Its page, inside docs/<lang>/ (generated)."""
        return f"guides/{self.id}.md" if self.kind == "guide" else "charte/index.md"

    @property
    def pdf_id(self) -> str:
        return f"guide-{self.id}" if self.kind == "guide" else self.id


def source_hash(text: str) -> str:
    """A short fingerprint of a text, blind to line endings and trailing spaces."""
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def folders(root: Path) -> list[tuple[str, Path]]:
    # A link is not a folder: check_tree reports it, nothing is read through it.
    found = [("guide", path) for path in sorted((root / GUIDES).iterdir())
             if path.is_dir() and not path.is_symlink()] if (root / GUIDES).is_dir() else []
    if (root / CHARTER).is_dir():
        found.append(("charter", root / CHARTER))
    return found


def load_all(root: Path, report: Report, action_ids: set[str] | None,
             group_ids: set[str] | None) -> list[Document] | None:
    """Every guide and the charter; None if any has an error. ``action_ids`` and ``group_ids``
    come from the strategy (None when it failed to load: references are then not judged)."""
    errors = len(report.errors)
    identifiers = links_mod.identifiers(root, action_ids)
    loaded = [_load(kind, folder, root, report, action_ids, group_ids, identifiers)
              for kind, folder in folders(root)]
    if len(report.errors) > errors:
        return None
    return [document for document in loaded if document]


def _load(kind, folder: Path, root: Path, report: Report, action_ids, group_ids, identifiers):
    meta_path = folder / METADATA[kind]
    relative = folder.relative_to(root).as_posix()
    if not meta_path.is_file():
        report.add(meta_path, 0, 0, "file-missing")
        return None
    data = read_yaml(meta_path, report)
    if data is None:
        return None
    check_placeholders(meta_path, meta_path.read_text(encoding="utf-8"), report)
    check = Checker(meta_path, report)
    required = REQUIRED + (("audiences",) if kind == "guide" else ())
    meta = check.mapping(data, None, "", required=required,
                         optional=("translation", history_mod.KEY)
                         + (() if kind == "guide" else ("audiences",)))
    if meta is None:
        return None
    identifier = check.identifier(meta, "id", "id", SLUG)
    if identifier and kind == "guide" and identifier != folder.name:
        check.problem(meta, "id", "doc-id-folder", "id", value=identifier, folder=folder.name)
    status = check.text(meta, "status", "status")
    if status and status not in STATUSES:
        check.problem(meta, "status", "doc-status", "status", value=status,
                      allowed=", ".join(STATUSES))
    version = _version(check, meta)
    date = _date(check, meta)
    entries = history_mod.read_history(check, meta, status == "published", version, date)
    title = check.bilingual(meta, "title", "title")
    if title:
        check.cover_title(meta["title"], "title")
    summary = check.bilingual(meta, "summary", "summary")
    actions = _references(check, meta, "actions", action_ids, "strategy/strategy.yml")
    audiences = _references(check, meta, "audiences", group_ids, "vocabularies.groups")
    translated_from = _translation(check, meta)
    bodies, links = {}, {}
    for lang in languages.LANGUAGES:
        path = folder / f"{lang.code}.md"
        if not path.exists() and not path.is_symlink():
            report.add(path, 0, 0, "doc-language-missing", language=lang.code)
            continue
        body = trust.read_source(path, report)
        if body is not None:
            links[lang.code] = _check_body(path, lang.code, body, report, identifiers)
            check_placeholders(path, body, report)
            bodies[lang.code] = body
    if len(bodies) < len(languages.LANGUAGES):
        return None
    document = Document(kind, identifier or folder.name, relative, status or "draft",
                        version or "0", date or dt.date(1970, 1, 1), title or {}, summary or {},
                        tuple(audiences), tuple(actions), bodies, translated_from, links,
                        entries)
    if document.translation != "current":
        code = {"untracked": "translation-untracked",
                "outdated": "translation-outdated"}[document.translation]
        report.add(folder / "ar.md", 0, 0, code, severity=WARNING, folder=relative)
    return document


def _version(check: Checker, meta) -> str | None:
    """The version as written ("1.10" stays 1.10, quoted or not): numbers and dots."""
    if "version" not in meta:
        return None
    value = meta.raw("version")
    if not isinstance(value, (str, int)) or isinstance(value, bool) \
            or not re.fullmatch(VERSION, str(value).strip()):
        check.problem(meta, "version", "version-format", "version", value=value)
        return None
    return str(value).strip()


def _date(check: Checker, meta) -> dt.date | None:
    value = meta.get("date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if "date" in meta:
        check.problem(meta, "date", "doc-date", "date", value=value)
    return None


def _references(check: Checker, meta, key, known, vocabulary) -> list[str]:
    if key not in meta:
        return []
    if known is None:  # the strategy has errors of its own: take the list as it is
        items = check.listing(meta, key, key, allow_empty=True) or []
        return [item for item in items if isinstance(item, str)]
    return check.references(meta, key, key, {k: True for k in known}, vocabulary)


def _translation(check: Checker, meta) -> str | None:
    if "translation" not in meta:
        return None
    node = check.mapping(meta, "translation", "translation", required=("ar",))
    if node is None:
        return None
    arabic = check.mapping(node, "ar", "translation.ar", required=("source",),
                           optional=("arabic", "date"))
    if arabic is None:
        return None
    if "arabic" in arabic:
        check.identifier(arabic, "arabic", "translation.ar.arabic", r"[0-9a-f]{16}")
    if "date" in arabic and not isinstance(arabic.get("date"), dt.date):
        check.identifier(arabic, "date", "translation.ar.date", r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    return check.identifier(arabic, "source", "translation.ar.source", r"[0-9a-f]{16}")


def _check_body(path: Path, lang: str, body: str, report: Report, identifiers) -> list:
    """A document's text: Markdown starting at ``##``, no markup beyond what sources may hold,
    links to publications that exist. Returns its links and images (for ``check``)."""
    in_code = False
    for number, line in enumerate(body.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        if _H1.match(line):
            report.add(path, number, 1, "doc-h1")
    # Judged here from the identifiers alone, so that they are reported even when another
    # source has errors; check judges them again, sections included, once all is loaded.
    links_mod.check_early(path, body, 1, report, identifiers)
    links = trust.check_markdown(path, body, 1, report, sanitiser.DOCUMENT_SCHEMES)
    pages.check_script(path, lang, body, 1, report)
    return links


@dataclass(frozen=True)
class Record:
    """What a translation record says: the fingerprint of the French the Arabic follows, the
    fingerprint of the Arabic when it was recorded, and the day (both None in older records)."""
    source: str | None
    arabic: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Marked:
    """What ``make translated`` did for a document."""
    folder: str  # relative, e.g. guides/benevolat
    recorded: bool  # False: nothing to do, the file is untouched
    before: Record  # the record as it was
    after: Record  # the record as it is now
    words: int  # of the French text followed

    @property
    def arabic_unchanged(self) -> bool:
        """The French changed since the last record but the Arabic did not."""
        return (self.recorded and self.before.arabic is not None
                and self.before.source != self.after.source
                and self.before.arabic == self.after.arabic)


class RecordProblem(Exception):
    """The metadata or a text of the document cannot be read: ``report`` says why."""

    def __init__(self, report: Report):
        super().__init__("record")
        self.report = report


RECORD_COMMENT = "The version of fr.md that ar.md translates: written by make translated DOC={folder}."


def recorded(meta) -> Record:
    """The translation record of a document's metadata (already checked)."""
    node = meta.get("translation") if isinstance(meta, dict) else None
    arabic = node.get("ar") if isinstance(node, dict) else None
    if not isinstance(arabic, dict):
        return Record(None)
    day = arabic.get("date")
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            day = None
    return Record(arabic.get("source") if isinstance(arabic.get("source"), str) else None,
                  arabic.get("arabic") if isinstance(arabic.get("arabic"), str) else None,
                  day if isinstance(day, dt.date) else None)


def mark_translated(root: Path, folder: Path, today: dt.date | None = None) -> Marked:
    """Record that ``folder``'s Arabic text translates its current French text, on ``today``.

    Nothing is written when the French and the Arabic are those of the record already. Only the
    three values of the record (``translation: ar: source, arabic, date``) are written, in
    place: every other character of the metadata file (comments, blank lines, order, quotes,
    the last newline) stays as the editor left it (polesocial.yamledit).
    """
    folder = (root / folder).resolve() if not folder.is_absolute() else folder
    kind = "charter" if (folder / METADATA["charter"]).is_file() else "guide"
    meta_path = folder / METADATA[kind]
    report = Report(root)
    data = read_yaml(meta_path, report)
    if data is not None:
        check = Checker(meta_path, report)
        if isinstance(data, dict):
            _translation(check, data)
        else:
            check.problem(data, None, "schema-type", "", kind="mapping")
    texts = {lang: trust.read_source(folder / f"{lang}.md", report) for lang in ("fr", "ar")}
    if report.errors or data is None or None in texts.values():
        raise RecordProblem(report)
    relative = folder.relative_to(root).as_posix()
    before = recorded(data)
    source, arabic = source_hash(texts["fr"]), source_hash(texts["ar"])
    words = word_count(texts["fr"])
    if before.source == source and before.arabic in (None, arabic):
        return Marked(relative, False, before, before, words)
    after = Record(source, arabic, today or dt.date.today())
    text = meta_path.read_bytes().decode("utf-8")  # its line endings as they are
    text = yamledit.set_values(text, ("translation", "ar"), {
        "source": source, "arabic": arabic, "date": after.date.isoformat()},
        comment=RECORD_COMMENT.format(folder=relative))
    _write_atomically(meta_path, text)
    return Marked(relative, True, before, after, words)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all (an interrupted command leaves the old file)."""
    scratch = path.with_name(f".{path.name}.tmp")
    with open(scratch, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    os.replace(scratch, path)


SKELETON_SECTIONS = [
    ("objet", "Objet et public du guide", "الغرض من الدليل والفئات المستهدفة"),
    ("strategie", "Place dans la stratégie 4+4", "موقع الدليل في استراتيجية (4+4)"),
    ("etapes", "Les étapes", "المراحل"),
    ("roles", "Rôles et responsabilités", "الأدوار والمسؤوليات"),
    ("controle", "Listes de contrôle", "لوائح التحقق"),
    ("erreurs", "Erreurs fréquentes", "الأخطاء الشائعة"),
    ("plus-loin", "Pour aller plus loin", "للتعمق أكثر"),
]


# The texts a skeleton holds until an editor writes the real ones: check warns while one is
# left (an error with --strict), so a skeleton is never published by mistake.
PLACEHOLDERS = {
    "intro_fr": "Présentez ici le guide en deux ou trois phrases : à quoi il sert et à qui il "
                "s’adresse.",
    "intro_ar": "قدموا هنا الدليل في جملتين أو ثلاث: الغرض منه والفئات الموجه إليها.",
    "section_fr": "Texte à rédiger : décrivez cette partie pour les associations.",
    "section_ar": "نص في طور التحرير: صفوا هذا الجزء لفائدة الجمعيات.",
    "title_fr": "Titre du guide à compléter",
    "title_ar": "عنوان الدليل في طور الإعداد",
    "summary_fr": "Résumé du guide à compléter : à quoi il sert et à qui il s’adresse.",
    "summary_ar": "ملخص الدليل في طور الإعداد: الغرض منه والفئات الموجه إليها.",
}


def check_placeholders(path: Path, text: str, report: Report,
                       placeholders=PLACEHOLDERS.values()) -> None:
    """Warn at each skeleton text left in ``text`` (a guide's by default)."""
    for placeholder in placeholders:
        start = 0
        while (index := text.find(placeholder, start)) >= 0:
            line = text.count("\n", 0, index) + 1
            report.add(path, line, index - (text.rfind("\n", 0, index) + 1) + 1,
                       "skeleton-placeholder", severity=WARNING,
                       text=placeholder if len(placeholder) <= 48
                       else placeholder[:48].rsplit(" ", 1)[0] + "…")
            start = index + len(placeholder)


def new_guide(root: Path, slug: str, action: str, lang: str = "fr") -> Path:
    """Create ``guides/<slug>/`` with metadata and a French and Arabic skeleton that pass
    ``check``: section headings with the same anchors, text to be written in place. Refusals
    (a bad name, an existing folder) are told in ``lang``."""
    if not re.fullmatch(SLUG, slug):
        raise ValueError(messages.UI["guide_bad_name"][lang].format(slug=slug))
    folder = root / GUIDES / slug
    if folder.exists():
        raise FileExistsError(messages.UI["guide_exists"][lang].format(
            folder=folder.relative_to(root)))
    folder.mkdir(parents=True)
    fr = [PLACEHOLDERS["intro_fr"], ""]
    ar = [PLACEHOLDERS["intro_ar"], ""]
    for anchor, title_fr, title_ar in SKELETON_SECTIONS:
        fr += [f"## {title_fr} {{#{anchor}}}", "", PLACEHOLDERS["section_fr"], ""]
        ar += [f"## {title_ar} {{#{anchor}}}", "", PLACEHOLDERS["section_ar"], ""]
    fr_text, ar_text = "\n".join(fr), "\n".join(ar)
    (folder / "fr.md").write_text(fr_text, encoding="utf-8")
    (folder / "ar.md").write_text(ar_text, encoding="utf-8")
    (folder / "guide.yml").write_text(f'''id: {slug}
status: draft
version: "0.1"
date: "{dt.date.today().isoformat()}"
# Every published version, newest first: when you publish a new one, add its entry at the top
# and give "version" and "date" above the same values.
history:
  - version: "0.1"
    date: "{dt.date.today().isoformat()}"
    note:
      fr: "Première rédaction, en projet."
      ar: "الصيغة الأولى، في شكل مشروع."
title:
  fr: "{PLACEHOLDERS["title_fr"]}"
  ar: "{PLACEHOLDERS["title_ar"]}"
summary:
  fr: "{PLACEHOLDERS["summary_fr"]}"
  ar: "{PLACEHOLDERS["summary_ar"]}"
audiences: [associations]
actions: [{action}]
# {RECORD_COMMENT.format(folder=f"guides/{slug}")}
translation:
  ar:
    source: "{source_hash(fr_text)}"
    arabic: "{source_hash(ar_text)}"
    date: "{dt.date.today().isoformat()}"
''', encoding="utf-8")
    return folder


_NOT_READ = re.compile(r"\]\([^)]*\)|\{[^}]*\}|`[^`]*`")
_READ_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@functools.lru_cache(maxsize=1024)  # the status page counts the same texts in each language
def word_count(markdown: str) -> int:
    """Words a reader reads: link targets, anchors and Markdown syntax left out."""
    return _READ_WORD.subn("", _NOT_READ.sub(" ", markdown))[1]
