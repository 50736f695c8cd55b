"""Problems found in the sources, reported all at once as ``file:line:column`` lines.

A problem carries a message code and its parameters rather than a sentence, so that the same
finding is told in French or in Arabic (see ``messages.py``) and tests can assert on the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import messages

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem is about the whole file
    column: int  # 1-based; 0 when unknown
    code: str  # key in messages.PROBLEMS
    params: dict = field(default_factory=dict, compare=False)
    severity: str = ERROR
    where: str = ""  # path inside the data, e.g. axes[2].objectives[0].title.ar

    def format(self, lang: str = "fr") -> str:
        location = self.file
        if self.line:
            location += f":{self.line}"
            if self.column:
                location += f":{self.column}"
        label = messages.severity_label(self.severity, lang)
        what, fix = messages.problem_text(self.code, self.params, lang)
        where = f" [{self.where}]" if self.where else ""
        text = f"{location}: {label}{where}: {what}"
        if fix:
            text += f" — {messages.fix_label(lang)} {fix}"
        return text


class Report:
    """Collects every problem of a run; nothing stops at the first one."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def relative(self, path: Path) -> str:
        """The path as the editor sees it: relative to the project, links not followed (a link
        is named by where it stands, not by what it points at)."""
        try:
            return Path(os.path.abspath(path)).relative_to(
                os.path.abspath(self.root)).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def add(self, path: Path, line: int, column: int, code: str, severity: str = ERROR,
            where: str = "", **params) -> None:
        problem = Problem(self.relative(path), line, column, code, params, severity, where)
        if problem not in self.problems:  # one finding reached by two checks is told once
            self.problems.append(problem)

    def add_named(self, name: str, code: str, severity: str = ERROR, **params) -> None:
        """A problem with something that is not a file (an environment variable)."""
        self.problems.append(Problem(name, 0, 0, code, params, severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line, p.column, p.code))
