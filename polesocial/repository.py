"""The repository's history, read with git: the only module of the core that runs git.

Two things are asked of the history: the date of the last commit that changed a document's
sources (the date printed on a PDF, ``print/documents.py``), and the commits where a document's
version changed, with the files as they stood there (``history.py``). git is run without a
shell, with a fixed environment (``trust.git_environment``), a timeout, and only commands that
read. Whatever goes wrong (git not installed, not a repository, a repository git does not trust,
a shallow clone that lacks the commits) is an answer, never a failure of the build: ``open``
returns None, or the commits found say what they can.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import trust

TIMEOUT = 30  # seconds for one git command; a real repository answers in well under one


@dataclass(frozen=True)
class Commit:
    id: str  # the full hash
    time: int  # the commit's date, in seconds since 1970 (UTC)
    # No parent in this copy of the repository: the first commit, or, in a shallow clone, the
    # oldest one fetched (what came before is missing).
    root: bool


class Repository:
    """A git repository that holds the project (its root, or a folder of it)."""

    def __init__(self, root: Path, git: str, shallow: bool):
        self.root = root
        self.git = git
        self.shallow = shallow

    @classmethod
    def open(cls, root: Path) -> Repository | None:
        """The repository the project lives in, or None (no git, not a repository, or one git
        refuses to read)."""
        git = shutil.which("git", path=trust.git_environment()["PATH"])
        if git is None:
            return None
        found = _run(git, root, "rev-parse", "--is-inside-work-tree",
                     "--is-shallow-repository")
        if found is None:
            return None
        answers = found.decode("ascii", "replace").split()
        if len(answers) != 2 or answers[0] != "true":
            return None
        return cls(root, git, answers[1] == "true")

    def commits(self, path: str, mentioning: str | None = None) -> list[Commit]:
        """The commits that changed ``path`` (relative to the project), oldest first; with
        ``mentioning``, only those whose change adds or removes a line holding that word."""
        args = ["log", "--reverse", "--format=%H %ct %P"]
        if mentioning:
            args.append(f"-G{mentioning}")
        out = _run(self.git, self.root, *args, "--", path)
        if out is None:
            return []
        commits = []
        for line in out.decode("ascii", "replace").splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                commits.append(Commit(parts[0], int(parts[1]), len(parts) == 2))
        return commits

    def read(self, wanted: list[tuple[str, str]]) -> list[bytes | None]:
        """The content of each (commit, path) — path relative to the project — or None where
        that commit has no such file; one git process for all of them."""
        if not wanted:
            return []
        request = "".join(f"{commit}:./{path}\n" for commit, path in wanted).encode("utf-8")
        out = _run(self.git, self.root, "cat-file", "--batch", input=request)
        if out is None:
            return [None] * len(wanted)
        found: list[bytes | None] = []
        position = 0
        for _ in wanted:
            end = out.find(b"\n", position)
            if end < 0:
                found.append(None)
                continue
            header = out[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] == b"blob" and header[2].isdigit():
                size = int(header[2])
                found.append(out[position:position + size])
                position += size + 1  # the content, then a new line
            else:  # "<name> missing", or a tree where a file was expected
                found.append(None)
        return found

    def last_change(self, paths: list[Path]) -> int | None:
        """The date of the last commit that changed any of ``paths``, or None."""
        out = _run(self.git, self.root, "log", "-1", "--format=%ct", "--",
                   *(str(path) for path in paths))
        value = out.decode("ascii", "replace").strip() if out else ""
        return int(value) if value.isdigit() else None


def _run(git: str, root: Path, *args: str, input: bytes | None = None) -> bytes | None:
    """git's output, or None if it failed or took too long."""
    try:
        result = subprocess.run([git, "--no-pager", "-c", "core.fsmonitor=false", *args],
                                cwd=root, input=input, capture_output=True,
                                env=trust.git_environment(), timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def last_change(root: Path, paths: list[Path]) -> int | None:
    """The date of the last commit that changed any of ``paths``; None outside git."""
    repository = Repository.open(root)
    return repository.last_change(paths) if repository else None
