"""The strategy as open data: JSON (the whole structure) and CSV (one row per action).

Both are deterministic (same data, same bytes) and read back into the same data (see the
``from_*`` functions, used by the tests). The CSV starts with a byte-order mark so that
spreadsheet programs open its Arabic text correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict

from ..history import Entry
from .model import Action, GlossaryTerm, Label, Objective, Part, Strategy

FILES = {"json": "strategie-4plus4.json", "csv": "strategie-4plus4.csv"}
CSV_COLUMNS = ["id", "part", "part_kind", "part_title_fr", "part_title_ar", "objective",
               "objective_title_fr", "objective_title_ar", "text_fr", "text_ar", "serves",
               "serves_fr", "serves_ar", "actors", "actors_fr", "actors_ar"]
LIST_SEPARATOR = ";"
LABEL_SEPARATOR = " ; "


def to_dict(strategy: Strategy) -> dict:
    data = asdict(strategy)
    data.pop("review")  # the state of the translations, not data of the strategy
    data["history"] = [dict(entry, date=entry["date"].isoformat()) for entry in data["history"]]
    data["vocabularies"] = {"groups": data.pop("groups"), "actors": data.pop("actors")}
    for kind in ("axes", "measures"):
        for part in data[kind]:
            part.pop("kind")
            part.pop("number")
    return {"schema": 1, **data}


def from_dict(data: dict) -> Strategy:
    def parts(items, kind):
        return tuple(Part(kind, p["id"], int(p["id"][1:]), p["title"], tuple(
            Objective(o["id"], o["title"], tuple(
                Action(a["id"], a["text"], tuple(a["serves"]), tuple(a["actors"]))
                for a in o["actions"]), o["editorial_note"], tuple(o["acknowledge"]))
            for o in p["objectives"]), p["note"], tuple(p["see_also"])) for p in items)

    return Strategy(
        data["id"], data["title"], data["period"], data["publisher"],
        tuple(data["introduction"]),
        tuple(Label(v["id"], v["label"]) for v in data["vocabularies"]["groups"]),
        tuple(Label(v["id"], v["label"]) for v in data["vocabularies"]["actors"]),
        parts(data["axes"], "axis"), parts(data["measures"], "measure"),
        tuple(GlossaryTerm(t["id"], t["fr"], t["ar"], t["definition"], t["verified"],
                           t["forms"], t.get("source"), tuple(t.get("wrong", ())))
              for t in data["glossary"]),
        history=tuple(Entry(e["version"], dt.date.fromisoformat(e["date"]), e["note"])
              for e in data.get("history", ())))


def to_json(strategy: Strategy) -> bytes:
    return (json.dumps(to_dict(strategy), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_rows(strategy: Strategy) -> list[dict]:
    groups = {label.id: label.label for label in strategy.groups}
    actors = {label.id: label.label for label in strategy.actors}
    rows = []
    for part, objective, action in strategy.actions():
        rows.append({
            "id": action.id, "part": part.id, "part_kind": part.kind,
            "part_title_fr": part.title["fr"], "part_title_ar": part.title["ar"],
            "objective": objective.id, "objective_title_fr": objective.title["fr"],
            "objective_title_ar": objective.title["ar"],
            "text_fr": action.text["fr"], "text_ar": action.text["ar"],
            "serves": LIST_SEPARATOR.join(action.serves),
            "serves_fr": LABEL_SEPARATOR.join(groups[g]["fr"] for g in action.serves),
            "serves_ar": LABEL_SEPARATOR.join(groups[g]["ar"] for g in action.serves),
            "actors": LIST_SEPARATOR.join(action.actors),
            "actors_fr": LABEL_SEPARATOR.join(actors[a]["fr"] for a in action.actors),
            "actors_ar": LABEL_SEPARATOR.join(actors[a]["ar"] for a in action.actors),
        })
    return rows


def to_csv(strategy: Strategy) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(strategy))
    return buffer.getvalue().encode("utf-8-sig")


def from_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def serialise(strategy: Strategy, kind: str) -> bytes:
    return to_json(strategy) if kind == "json" else to_csv(strategy)
