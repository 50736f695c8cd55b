"""The strategy as the rest of the system sees it: validated, typed, read-only."""

from __future__ import annotations

from dataclasses import dataclass, field

Text = dict  # {"fr": str, "ar": str}, both present and non-empty once validated


@dataclass(frozen=True)
class Action:
    id: str  # A1.2.3
    text: Text
    serves: tuple[str, ...]  # group identifiers
    actors: tuple[str, ...]  # actor identifiers


@dataclass(frozen=True)
class Objective:
    id: str  # A1.2
    title: Text
    actions: tuple[Action, ...]
    editorial_note: Text | None = None
    acknowledge: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    """An axis (A1…) or a support measure (M1…)."""

    kind: str  # "axis" or "measure"
    id: str
    number: int
    title: Text
    objectives: tuple[Objective, ...]
    note: Text | None = None
    see_also: tuple[str, ...] = ()

    @property
    def actions(self) -> list[Action]:
        return [action for objective in self.objectives for action in objective.actions]


@dataclass(frozen=True)
class Label:
    id: str
    label: Text


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    fr: str
    ar: str
    definition: Text
    verified: bool  # False: a proposed translation, listed for the ministry's review
    forms: dict  # {"fr": [...], "ar": [...]}: wordings that use the term, in each language
    source: str | None = None  # where a verified term was found
    wrong: tuple[str, ...] = ()  # Arabic renderings rejected for this term


@dataclass(frozen=True)
class Strategy:
    id: str
    title: Text
    period: str
    publisher: Text
    introduction: tuple[Text, ...]
    groups: tuple[Label, ...]
    actors: tuple[Label, ...]
    axes: tuple[Part, ...]
    measures: tuple[Part, ...]
    glossary: tuple[GlossaryTerm, ...] = field(default=())
    # Named, never positional: two branches each added a field here, and a positional call
    # filled the wrong one (the strategy's versions went into ``review``).
    # Items whose Arabic follows an older French text, or records none (polesocial.translations)
    review: frozenset = field(default=frozenset(), kw_only=True)
    history: tuple = field(default=(), kw_only=True)  # history.Entry, newest first

    @property
    def parts(self) -> tuple[Part, ...]:
        return self.axes + self.measures

    def objectives(self) -> list[tuple[Part, Objective]]:
        return [(part, objective) for part in self.parts for objective in part.objectives]

    def actions(self) -> list[tuple[Part, Objective, Action]]:
        return [(part, objective, action) for part in self.parts
                for objective in part.objectives for action in objective.actions]

    def part_of(self, identifier: str) -> Part:
        """The axis or measure an identifier (A1, A1.2 or A1.2.3) belongs to."""
        head = identifier.split(".")[0]
        return next(part for part in self.parts if part.id == head)
