"""Every text the sources hold in both languages, item by item.

An *item* is what a translator reviews as one piece and what the system tracks as one: an
action, an objective or a part of the strategy (by its identifier, A1.2.3), the strategy's title
or an introduction paragraph, a message of a campaign (``public-1``), a hand-written page. The
terminology check (polesocial.terminology) reads their texts; the translation records
(polesocial.translations) fingerprint their French.

Files are read again here, quietly: their loaders report their problems; what cannot be read is
simply skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import guides, languages, pages
from .problems import Report
from .sources import LocatedDict, parse_yaml, read_text
from .strategy import GLOSSARY_FILE, STRATEGY_FILE

CAMPAIGNS = Path("campaigns")
PART_KINDS = (("axes", "A"), ("measures", "M"))
CAMPAIGN_FIELDS = ("title", "theme", "period", "call_to_action", "hashtag")
CAMPAIGN_LISTS = (("objectives", "objectives"), ("messages.public", "public"),
                  ("messages.partners", "partners"), ("safeguarding", "safeguarding"))


@dataclass
class Item:
    id: str  # A1.2.3, intro-1, groups.women, public-1
    fields: list  # (path in the data, bilingual node {fr: …, ar: …}), in file order

    def french(self) -> str:
        """The item's French, every field of it, as a translator reads it."""
        return "\n".join(" ".join(node["fr"].split()) for _, node in self.fields
                         if isinstance(node.get("fr"), str))

    def arabic(self) -> str:
        """The item's Arabic, every field of it (to tell when it changed)."""
        return "\n".join(" ".join(node["ar"].split()) for _, node in self.fields
                         if isinstance(node.get("ar"), str))

    @property
    def arabic_position(self) -> tuple[int, int]:
        """Where its (first) Arabic text stands in the file."""
        node = self.fields[0][1]
        return node.where("ar") if "ar" in node else node.position


def read_yaml(path: Path, root: Path):
    """(data, lines of the file), or (None, []) when the file cannot be read."""
    if not path.is_file():
        return None, []
    scratch = Report(root)
    text = read_text(path, scratch)
    if text is None:
        return None, []
    return parse_yaml(text, path, scratch), text.splitlines()


def lines(path: Path, root: Path) -> list[str]:
    """The lines of a source file, read through the same gate as every source (a regular
    file inside the repository, UTF-8), or none if it cannot be one (its loader says why)."""
    text = read_text(path, Report(root))
    return text.splitlines() if text is not None else []


def _bilingual(node) -> bool:
    return isinstance(node, LocatedDict) and ("fr" in node or "ar" in node)


def _node(parent, key):
    value = parent.get(key) if isinstance(parent, dict) else None
    return value if _bilingual(value) else None


def strategy_items(data) -> list[Item]:
    """The items of strategy/strategy.yml, in file order."""
    if not isinstance(data, LocatedDict):
        return []
    items = []
    for key in ("title", "publisher"):
        if _node(data, key):
            items.append(Item(key, [(key, data[key])]))
    for index, paragraph in enumerate(data.get("introduction") or []):
        if _bilingual(paragraph):
            items.append(Item(f"intro-{index + 1}", [(f"introduction[{index}]", paragraph)]))
    vocabularies = data.get("vocabularies")
    if isinstance(vocabularies, LocatedDict):
        for name in ("groups", "actors"):
            for index, entry in enumerate(vocabularies.get(name) or []):
                if isinstance(entry, LocatedDict) and _node(entry, "label") \
                        and isinstance(entry.get("id"), str):
                    items.append(Item(f"{name}.{entry['id']}", [
                        (f"vocabularies.{name}[{index}].label", entry["label"])]))
    for key, letter in PART_KINDS:
        for p, part in enumerate(data.get(key) or []):
            if not isinstance(part, LocatedDict):
                continue
            where = f"{key}[{p}]"
            items += _with_fields(part, where, ("title", "note"), f"{letter}{p + 1}")
            for o, objective in enumerate(part.get("objectives") or []):
                if not isinstance(objective, LocatedDict):
                    continue
                o_where = f"{where}.objectives[{o}]"
                items += _with_fields(objective, o_where, ("title", "editorial_note"),
                                      f"{letter}{p + 1}.{o + 1}")
                for a, action in enumerate(objective.get("actions") or []):
                    if isinstance(action, LocatedDict):
                        items += _with_fields(action, f"{o_where}.actions[{a}]", ("text",),
                                              f"{letter}{p + 1}.{o + 1}.{a + 1}")
    return items


def _with_fields(node, where, keys, default_id) -> list[Item]:
    fields = [(f"{where}.{key}", node[key]) for key in keys if _node(node, key)]
    identifier = node.get("id") if isinstance(node.get("id"), str) else default_id
    return [Item(identifier, fields)] if fields else []


def campaign_items(data) -> list[Item]:
    """The items of a campaign file, in file order: its fields, then each message."""
    if not isinstance(data, LocatedDict):
        return []
    items = [Item(key, [(key, data[key])]) for key in CAMPAIGN_FIELDS if _node(data, key)]
    for path, name in CAMPAIGN_LISTS:
        parent = data
        for part in path.split(".")[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        values = parent.get(path.split(".")[-1]) if isinstance(parent, dict) else None
        for index, value in enumerate(values or []):
            if _bilingual(value):
                items.append(Item(f"{name}-{index + 1}", [(f"{path}[{index}]", value)]))
    for index, contact in enumerate(data.get("contacts") or []):
        if isinstance(contact, LocatedDict) and _node(contact, "label"):
            items.append(Item(f"contacts-{index + 1}",
                              [(f"contacts[{index}].label", contact["label"])]))
    return items


def glossary_items(data) -> list[Item]:
    """The glossary's definitions, one item per term."""
    terms = data.get("terms") if isinstance(data, LocatedDict) else None
    return [Item(term["id"], [(f"terms[{index}].definition", term["definition"])])
            for index, term in enumerate(terms or [])
            if isinstance(term, LocatedDict) and isinstance(term.get("id"), str)
            and _node(term, "definition")]


def metadata_items(data) -> list[Item]:
    """A guide's or the charter's title and summary."""
    if not isinstance(data, LocatedDict):
        return []
    return [Item(key, [(key, data[key])]) for key in ("title", "summary") if _node(data, key)]


def campaign_files(root: Path) -> list[Path]:
    folder = root / CAMPAIGNS
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def yaml_sources(root: Path) -> list[tuple[Path, str, object]]:
    """(file, kind, items function) of every YAML file holding paired texts."""
    found = [(root / STRATEGY_FILE, "strategy", strategy_items),
             (root / GLOSSARY_FILE, "glossary", glossary_items)]
    found += [(path, "campaign", campaign_items) for path in campaign_files(root)]
    for kind, folder in guides.folders(root):
        found.append((folder / guides.METADATA[kind], kind, metadata_items))
    return found


@dataclass
class Document:
    """The two texts of a guide, of the charter or of a hand-written page."""

    name: str  # guides/benevolat, charter, docs/a-propos.md
    fr_path: Path
    ar_path: Path
    fr: pages.Page | None  # body and header, once read
    ar: pages.Page | None


def documents(root: Path) -> list[Document]:
    """Every document that exists in both languages, read quietly."""
    scratch = Report(root)
    found = []
    for kind, folder in guides.folders(root):
        fr_path, ar_path = folder / "fr.md", folder / "ar.md"
        if fr_path.is_file() and ar_path.is_file():
            found.append(Document(folder.relative_to(root).as_posix(), fr_path, ar_path,
                                  _body(fr_path, "fr", scratch), _body(ar_path, "ar", scratch)))
    docs = root / "docs"
    arabic = pages.docs_pages(docs, languages.ARABIC.code)
    for relative, fr_path in pages.docs_pages(docs, languages.DEFAULT.code).items():
        if relative in arabic:
            found.append(Document(f"docs/{relative}", fr_path, arabic[relative],
                                  _page(fr_path, "fr", relative, scratch),
                                  _page(arabic[relative], "ar", relative, scratch)))
    return found


def _page(path: Path, lang: str, relative: str, report: Report) -> pages.Page | None:
    """A hand-written page's header and body (its Markdown is judged by pages.check_pages)."""
    split = pages.read_header(path, report)
    return pages.Page(path, lang, relative, *split) if split is not None else None


def _body(path: Path, lang: str, report: Report) -> pages.Page | None:
    text = read_text(path, report)
    if text is None:
        return None
    return pages.Page(path, lang, path.name, LocatedDict(), text, 1)
