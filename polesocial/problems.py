"""Problems found in the sources, reported all at once as ``file:line:column`` lines.

A problem carries a message code and its parameters rather than a sentence, so that the same
finding is told in French or in Arabic (see ``messages.py``) and tests can assert on the code.
"""

from __future__ import annotations

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
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int, column: int, code: str, severity: str = ERROR,
            where: str = "", **params) -> None:
        self.problems.append(
            Problem(self.relative(path), line, column, code, params, severity, where))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line, p.column, p.code))
