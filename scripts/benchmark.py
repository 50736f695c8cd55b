"""Benchmark of the build: a command, not a test (figures depend on the machine).

    make benchmark            (or: .venv/bin/python scripts/benchmark.py [--runs N])

In a throwaway copy of the project, it times:
- the site without PDFs (POLESOCIAL_PDF=0): the baseline, run first in this same process;
- a cold build with PDFs (empty PDF cache), with each PDF's pages and seconds;
- a warm build with PDFs (nothing changed: every PDF from the cache);
and prints each against the baseline. Target: the warm build costs at most 10% more than the
site without PDFs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from polesocial.project import copy_sources

ROOT = Path(__file__).resolve().parents[1]
PDF_LINE = re.compile(r"^PDF (\S+) : (\d+) pages, (?:(\d+\.\d) s|inchangé)")


def build(project: Path, pdf: bool) -> tuple[float, list[tuple[str, int, float | None]]]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_PDF="1" if pdf else "0")
    env.pop("POLESOCIAL_PDF_CACHE", None)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "polesocial", "--root", str(project), "build",
                             "--site-dir", str(project / "site")], env=env, cwd=project,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    pdfs = []
    for line in (result.stdout + result.stderr).splitlines():
        match = PDF_LINE.match(line)
        if match:
            seconds = float(match.group(3)) if match.group(3) else None
            pdfs.append((match.group(1), int(match.group(2)), seconds))
    return elapsed, pdfs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the repeated builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder))
        build(project, pdf=False)  # warm-up: imports and OS caches, not measured
        baseline = statistics.median(build(project, pdf=False)[0] for _ in range(args.runs))

        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold, pdfs = build(project, pdf=True)
        warm = statistics.median(build(project, pdf=True)[0] for _ in range(args.runs))

    pages = sum(p for _, p, _ in pdfs)
    render_seconds = sum(s or 0 for _, _, s in pdfs)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'PDF':34} {'pages':>5} {'seconds':>8}")
    for name, count, seconds in pdfs:
        print(f"{name:34} {count:5d} {seconds:8.1f}")
    print(f"{'all PDFs':34} {pages:5d} {render_seconds:8.1f}  "
          f"({pages / render_seconds:.1f} pages per second of rendering)" if render_seconds
          else "")
    print()
    print(f"site without PDFs (baseline, median of {args.runs}): {baseline:6.2f} s")
    print(f"cold build with PDFs (empty cache):           {cold:6.2f} s  "
          f"x{cold / baseline:.2f} of the baseline")
    print(f"warm build with PDFs (median of {args.runs}):             {warm:6.2f} s  "
          f"x{warm / baseline:.2f} of the baseline "
          f"({'within' if warm <= 1.10 * baseline else 'ABOVE'} the 10% target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
