"""The project's sources as a whole: what a copy of the project must hold to build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Everything the build reads, besides the polesocial package itself.
SOURCES = ("mkdocs.yml", "docs", "overrides", "hooks", "strategy", "guides", "charter",
           "campaigns")


def copy_sources(root: Path, dest: Path) -> Path:
    """A copy of the project's sources in ``dest`` (for tests and benchmarks)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SOURCES:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (to tell a killed build's leftovers from a running
    build's work)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
