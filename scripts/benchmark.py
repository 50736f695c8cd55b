"""Benchmark of the build: a command, not a test (figures depend on the machine).

    make benchmark            (or: .venv/bin/python scripts/benchmark.py [--runs N])

In a throwaway copy of the project, it times:
- the site without PDFs (POLESOCIAL_PDF=0): the baseline, run first in this same process;
- a cold build with PDFs (empty PDF cache), with each PDF's pages and seconds;
- a warm build with PDFs (nothing changed: every PDF from the cache);
- a rebuild after editing one guide (only its two PDFs are rendered again);
- the live-preview rebuild after a Markdown edit (make serve rebuilds without PDFs);
and prints each against the baseline. Target: the warm build costs at most 10% more than the
site without PDFs. With --scale, the same builds on 10x and 50x the shipped guides
(synthetic copies in a temporary folder), with time and peak memory.
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


# Runs one build in a process of its own and prints the peak memory of it and its workers.
_MEASURED = ("import resource, subprocess, sys; "
             "code = subprocess.run(sys.argv[1:]).returncode; "
             "print('PEAK', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
             "file=sys.stderr); sys.exit(code)")
LAST_PEAK_MB = [0.0]


def build(project: Path, pdf: bool) -> tuple[float, list[tuple[str, int, float | None]]]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_PDF="1" if pdf else "0")
    env.pop("POLESOCIAL_PDF_CACHE", None)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-m", "polesocial",
                             "--root", str(project), "build", "--site-dir",
                             str(project / "site")], env=env, cwd=project,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    peak = re.search(r"^PEAK (\d+)$", result.stderr, re.M)
    LAST_PEAK_MB[0] = int(peak.group(1)) / 1024 if peak else 0.0
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    pdfs = []
    for line in (result.stdout + result.stderr).splitlines():
        match = PDF_LINE.match(line)
        if match:
            seconds = float(match.group(3)) if match.group(3) else None
            pdfs.append((match.group(1), int(match.group(2)), seconds))
    return elapsed, pdfs


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def multiply_guides(project: Path, factor: int) -> int:
    """Synthetic content: each shipped guide copied factor-1 more times (new folders, same
    text), listed in the menu. Returns the number of guides."""
    guides = sorted(p for p in (project / "guides").iterdir() if p.is_dir())
    entries = []
    for copy in range(1, factor):
        for guide in guides:
            target = project / "guides" / f"{guide.name}-{copy}"
            shutil.copytree(guide, target)
            meta = target / "guide.yml"
            meta.write_text(meta.read_text(encoding="utf-8").replace(
                f"id: {guide.name}", f"id: {guide.name}-{copy}", 1), encoding="utf-8")
            entries.append(f"      - guides/{guide.name}-{copy}.md\n")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "      - guides/benevolat.md\n"
    config.write_text(text.replace(anchor, anchor + "".join(entries), 1), encoding="utf-8")
    return len(guides) * factor


def scale(factor: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder))
        count = multiply_guides(project, factor)
        site = statistics.median(build(project, pdf=False)[0] for _ in range(runs))
        site_peak = LAST_PEAK_MB[0]
        cold, pdfs = build(project, pdf=True)
        cold_peak = LAST_PEAK_MB[0]
        warm, _ = build(project, pdf=True)
        print(f"x{factor:<3} {count:4d} guides: site {site:6.1f} s ({site_peak:4.0f} MB), "
              f"cold with {len(pdfs)} PDFs and images {cold:6.1f} s ({cold_peak:4.0f} MB), "
              f"warm {warm:5.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the repeated builds")
    parser.add_argument("--scale", action="store_true",
                        help="also build 10x and 50x the shipped guides (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder))
        build(project, pdf=False)  # warm-up: imports and OS caches, not measured
        baseline = statistics.median(build(project, pdf=False)[0] for _ in range(args.runs))
        baseline_peak = LAST_PEAK_MB[0]

        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold, pdfs = build(project, pdf=True)
        cold_peak = LAST_PEAK_MB[0]
        warm = statistics.median(build(project, pdf=True)[0] for _ in range(args.runs))

        append(project / "guides/benevolat/fr.md", "\nUne phrase ajoutée pour la mesure.\n")
        guide_edit, guide_pdfs = build(project, pdf=True)
        rerendered = [name for name, _, seconds in guide_pdfs if seconds is not None]

        append(project / "docs/fr/a-propos.md", "\nUne phrase ajoutée pour la mesure.\n")
        preview = build(project, pdf=False)[0]

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
    print(f"site without PDFs (baseline, median of {args.runs}): {baseline:6.2f} s  "
          f"(peak memory {baseline_peak:.0f} MB)")
    print(f"cold build with PDFs (empty cache):           {cold:6.2f} s  "
          f"x{cold / baseline:.2f} of the baseline (peak memory {cold_peak:.0f} MB)")
    print(f"warm build with PDFs (median of {args.runs}):             {warm:6.2f} s  "
          f"x{warm / baseline:.2f} of the baseline "
          f"({'within' if warm <= 1.10 * baseline else 'ABOVE'} the 10% target)")
    print(f"rebuild after editing one guide:              {guide_edit:6.2f} s  "
          f"x{guide_edit / baseline:.2f} (rendered again: {', '.join(rerendered) or 'none'})")
    print(f"live-preview rebuild after a Markdown edit:   {preview:6.2f} s  "
          f"x{preview / baseline:.2f} (make serve: no PDFs)")
    if args.scale:
        print()
        for factor in (10, 50):
            scale(factor, 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
