"""Benchmark of the build: a command, not a test (figures depend on the machine).

    make benchmark            (or: .venv/bin/python scripts/benchmark.py [--runs N])

In a throwaway copy of the project, it times:
- the site without PDFs (POLESOCIAL_PDF=0): the baseline, run first in this same process;
- a cold build with PDFs (empty PDF cache), with each PDF's pages and seconds;
- a warm build with PDFs (nothing changed: every PDF from the cache);
- a rebuild after editing one guide (only its two PDFs are rendered again);
- a site build without PDFs after a Markdown edit;
- the same site build against the stock stack (plain Material and mkdocs-static-i18n converting
  the same Markdown, built in the same run): CPU per page and the ratio, on the shipped content
  and at 10x the guides (target x1.3);
- the live preview (polesocial serve, as make serve runs it): seconds from saving an edit of a
  page to that page served with the edit, and the preview's CPU for it (target under 1.5 s);
- the weight of a first visit to the home, a strategy and a guide page in each language, in
  Debian's Chromium against nginx with the repository's configuration (budget: 150 KB), with
  gzip and without compression, what the service worker adds, and what the first search
  downloads;
- the size of the trainer's kits;
- each book's render per page (CPU) against WeasyPrint's raw floor for the same HTML and fonts,
  and against WeasyPrint asked for the same tagged PDF/UA-1 output (target x1.2 of the floor);
and prints each against the baseline. Target: the warm build costs at most 10% more than the
site without PDFs. With --scale, the same builds on 10x and 50x the shipped guides
(synthetic copies in a temporary folder), with time and peak memory. With --speed, only the
comparison with the stock stack and the live preview; with --render, only the render per
page. With --write FILE, the figures are also written to FILE in Markdown (the repository keeps
them in BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from polesocial import loopback
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


# A first visit on a phone: the home page, a strategy page and the heaviest guide page, in each
# language.
BUDGET_KB = 150


def weighed_pages(site: Path) -> list[str]:
    guides = [page.parent for page in (site / "ar" / "guides").glob("*/index.html")]
    heaviest = max(guides, key=lambda folder: len(gzip.compress(
        (folder / "index.html").read_bytes())))
    return ["", "strategie/axe-1/", f"guides/{heaviest.name}/"]


_contexts: list = []  # the SSL context trusting the loopback server's certificate


def _transfer(url: str, encoding: str = "gzip, deflate") -> tuple[int, int]:
    """(body, headers) bytes of ``url`` as the server sends them to a browser asking for
    ``encoding`` (gzip, as browsers do; "identity": a host that does not compress)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30, context=_contexts[0]) as response:
        body = response.read()  # urllib does not decompress: these are the bytes sent
        headers = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + sum(
            len(f"{name}: {value}\r\n") for name, value in response.headers.items()) + 2
    return len(body), headers


def _weight(urls: list[str], host: str, encoding: str = "gzip, deflate") -> int:
    return sum(_transfer(u, encoding)[0] for u in urls if urlsplit(u).netloc == host)


def page_weights(site: Path) -> list[dict]:
    """Each page opened in Debian's Chromium (a 360 px screen, an empty cache) from nginx with
    the repository's configuration: every request it makes until the network is idle, what the
    service worker then adds (its precache, in the background), and what opening the search
    adds (the first index, then the sections' text). Sizes are those nginx sends with gzip
    (from the precompressed copies), and without compression (a host that compresses
    nothing)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as folder, \
            loopback.serve(site, Path(folder)) as served, sync_playwright() as playwright:
        base = served.base
        _contexts[:] = [served.context()]
        # Trusting the test's certificate, as a reader's browser trusts the host's: the service
        # worker runs only then.
        browser = playwright.chromium.launch(executable_path=loopback.CHROMIUM,
                                             args=served.chromium_args())
        host = urlsplit(base).netloc
        for lang_prefix in ("", "ar/"):
            for path in weighed_pages(site):
                context = browser.new_context(viewport={"width": 360, "height": 800})
                urls: list[str] = []
                worker_urls: list[str] = []
                context.on("request", lambda request: (
                    worker_urls if request.service_worker else urls).append(request.url))
                page = context.new_page()
                page.goto(base + lang_prefix + path)
                page.wait_for_load_state("networkidle")
                page.evaluate("navigator.serviceWorker.ready.then(() => true)")
                page.wait_for_load_state("networkidle")
                first_visit = list(dict.fromkeys(urls))
                precache = [u for u in dict.fromkeys(worker_urls) if u not in first_visit]
                page.click('label.md-header__button[for="__search"]')  # the phone's icon
                page.fill(".md-search__input", "2012")
                page.wait_for_selector(".md-search-result__item", timeout=30000)
                page.wait_for_load_state("networkidle")
                search = [u for u in dict.fromkeys(urls) if u not in first_visit]
                context.close()
                own = [u for u in first_visit if urlsplit(u).netloc == host]
                sizes = [_transfer(u) for u in own]
                first_search = [u for u in search if "search_text" not in u]
                text = [u for u in search if "search_text" in u]
                rows.append({
                    "page": "/" + lang_prefix + path,
                    "requests": len(first_visit),
                    "third_party": len(first_visit) - len(own),
                    "body": sum(b for b, _ in sizes),
                    "raw": _weight(own, host, "identity"),
                    "headers": sum(h for _, h in sizes),
                    "precache": _weight(precache, host),
                    "search": _weight(first_search, host),
                    "search_raw": _weight(first_search, host, "identity"),
                    "text": _weight(text, host),
                    "text_raw": _weight(text, host, "identity"),
                })
        browser.close()
    return rows


def kit_sizes(site: Path) -> list[tuple[str, int, int]]:
    """(file, bytes, members) of each trainer's kit."""
    import zipfile

    kits = []
    for path in sorted((site / "telechargements").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            kits.append((path.name, path.stat().st_size, len(archive.infolist())))
    return kits


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


def scale(factor: int, runs: int, out) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder))
        count = multiply_guides(project, factor)
        site = statistics.median(build(project, pdf=False)[0] for _ in range(runs))
        site_peak = LAST_PEAK_MB[0]
        cold, pdfs = build(project, pdf=True)
        cold_peak = LAST_PEAK_MB[0]
        warm, _ = build(project, pdf=True)
        out(f"x{factor:<3} {count:4d} guides: site {site:6.1f} s ({site_peak:4.0f} MB), "
            f"cold with {len(pdfs)} PDFs and images {cold:6.1f} s ({cold_peak:4.0f} MB), "
            f"warm {warm:5.1f} s")
    return site, cold


def render_floor(runs: int = 5) -> list[tuple[str, int, float, float, float]]:
    """(PDF, pages, seconds of CPU per page through the pipeline, of WeasyPrint's raw floor, of
    WeasyPrint alone asked for the same PDF/UA-1 output): the floors render the very same HTML
    with the same fonts and font configuration, without our tagging, URL fetcher or glyph-text
    correction, and without the making of the HTML. Least of ``runs``, interleaved; CPU time of
    this process, which another process on the machine does not lengthen as it does the wall
    clock."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from polesocial import problems, publication
    from polesocial.print import pdf as pdf_mod
    from polesocial.print.book import Book
    from polesocial.print.pipeline import FONTS_CSS, PACKAGE

    loaded = publication.load(ROOT, problems.Report(ROOT))
    books = [b for b in loaded.books("https://pole-social.example/") if isinstance(b, Book)]
    fonts = FontConfiguration()
    rows = []
    for book in books:
        book = book.__class__(**{**book.__dict__, "stylesheets": (
            (ROOT / FONTS_CSS).as_uri(), (PACKAGE / "print.css").as_uri())})
        source = book.html()

        def ours():
            return pdf_mod.render(book, ROOT, [ROOT, PACKAGE], fonts)[1]

        def floor(variant=None):
            document = HTML(string=source, base_url=ROOT.as_uri() + "/").render(
                font_config=fonts, pdf_variant=variant)
            document.write_pdf(font_config=fonts, pdf_variant=variant)
            return len(document.pages)

        def tagged_floor():
            return floor("pdf/ua-1")

        pages = ours()
        # Interleaved, and the least of each: a burst of load lands on one run of either,
        # never on all of one side (blocks of runs gave ratios of 0.5-2.5).
        times: dict = {ours: [], floor: [], tagged_floor: []}
        for _ in range(runs):
            for function in times:
                started = time.process_time()
                function()
                times[function].append(time.process_time() - started)
        rows.append((book.file_name, pages, *(min(times[f]) / pages for f in times)))
    return rows


# --- the stock stack, built in the same run ---------------------------------------------------
# Plain Material and mkdocs-static-i18n converting the same Markdown: the project's mkdocs.yml
# without its hooks, its theme overrides, its extra CSS and what only the hooks read.
_STOCK_DROPPED = ("hooks", "extra_css", "extra_javascript", "watch", "strict", "validation")


def stock_config(text: str) -> str:
    """The project's mkdocs.yml for the stock stack: the same theme, languages, menu and
    Markdown extensions, without the top-level keys only our build uses and without the
    theme's custom_dir."""
    out, dropping = [], False
    for line in text.splitlines(keepends=True):
        key = re.match(r"^([a-z_]+):", line)
        if key:
            dropping = key.group(1) in _STOCK_DROPPED
        if dropping or re.match(r"^\s+custom_dir:", line):
            continue
        out.append(line)
    return "".join(out)


def stock_project(project: Path, dest: Path) -> int:
    """A project for the stock stack in ``dest`` converting the Markdown ``project``'s build
    converts: the hand-written pages (their links between publications resolved, their review
    notices added, as our hooks do) and every generated page's Markdown, written out by the
    core as plain files. Returns the number of pages (both languages)."""
    from polesocial import languages, links, problems, publication
    from polesocial.strategy import render

    loaded = publication.load(project, problems.Report(project))
    if loaded is None:
        sys.exit("the project's sources have errors")
    shutil.copytree(project / "docs", dest / "docs")
    (dest / "mkdocs.yml").write_text(
        stock_config((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    count = 0
    for lang in languages.LANGUAGES:
        folder = dest / "docs" / lang.code
        for page in sorted(folder.rglob("*.md")):
            relative = page.relative_to(folder).as_posix()
            markdown = links.resolve(page.read_text(encoding="utf-8"), relative,
                                     render.Links(lang.code), loaded)
            page.write_text(loaded.page_markdown(relative, lang.code, markdown),
                            encoding="utf-8")
            count += 1
        for relative in loaded.page_paths():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(loaded.render(relative, lang.code), encoding="utf-8")
            count += 1
    return count


def cpu_of(command: list[str], cwd: Path, env: dict) -> float:
    """Seconds of CPU (user and system) that ``command`` and its children used."""
    before = os.times()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    after = os.times()
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return (after.children_user - before.children_user
            + after.children_system - before.children_system)


def stock_cpu(stock: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return cpu_of([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                   str(stock / "mkdocs.yml"), "--site-dir", str(stock / "site")], stock, env)


def our_cpu(project: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_PDF="0")
    env.pop("POLESOCIAL_PDF_CACHE", None)
    return cpu_of([sys.executable, "-m", "polesocial", "--root", str(project), "build",
                   "--site-dir", str(project / "site")], project, env)


STOCK_TARGET = 1.3


def against_stock(factor: int, runs: int, out) -> float:
    """Our site build without PDFs against the stock stack on the same Markdown, ``factor``
    times the shipped guides: CPU per page of each (median of ``runs``, alternating, after a
    warm-up of each), printed; returns the ratio."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder) / "ours")
        if factor > 1:
            multiply_guides(project, factor)
        stock = Path(folder) / "stock"
        pages = stock_project(project, stock)
        stock_cpu(stock), our_cpu(project)  # warm-up: OS caches, compiled bytecode
        stock_times, our_times = [], []
        for _ in range(runs):
            stock_times.append(stock_cpu(stock))
            our_times.append(our_cpu(project))
    stock_page = statistics.median(stock_times) / pages * 1000
    our_page = statistics.median(our_times) / pages * 1000
    ratio = our_page / stock_page
    out(f"x{factor:<3} {pages:4d} pages: stock {stock_page:5.1f} ms of CPU per page, ours "
        f"{our_page:5.1f} ms: x{ratio:.2f} "
        f"({'within' if ratio <= STOCK_TARGET else 'ABOVE'} the x{STOCK_TARGET} target)")
    return ratio


# --- the live preview -------------------------------------------------------------------------

PREVIEW_TARGET = 1.5


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The live-reload script mkdocs serve puts in each page: livereload(<epoch>, <request id>).
_LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\)")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=90) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _tree_cpu(pid: int) -> float:
    """Seconds of CPU used so far by process ``pid`` and its descendants still running (Linux's
    /proc; 0 elsewhere)."""
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        pending += [int(child) for child in children]
    return total


def preview_rebuilds(edits: int) -> list[tuple[float, float]]:
    """(seconds, seconds of CPU the preview used) from saving an edit of a hand-written page to
    the moment ``polesocial serve`` (make serve) serves the page with the edit, for ``edits``
    successive edits, on a copy of the project. The page is asked for as the editor's browser
    asks: its live-reload request waits until the rebuilt site is served, then the page is
    loaded (asking for the page every 20 ms, as this did before, gave the same figures)."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder))
        port = _free_port()
        url = f"http://127.0.0.1:{port}/a-propos/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        server = subprocess.Popen([sys.executable, "-m", "polesocial", "--root", str(project),
                                   "serve", "--address", f"127.0.0.1:{port}"], cwd=project,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 300
            while _get(url) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit("the preview did not start")
                time.sleep(0.2)
            time.sleep(1)  # the watcher starts after the first build
            seconds = []
            page = project / "docs/fr/a-propos.md"
            base = f"http://127.0.0.1:{port}"
            for number in range(edits):
                marker = f"Mesure{number}x{os.getpid()}"
                epoch = _LIVERELOAD.search(_get(url) or "")
                if epoch is None:
                    sys.exit("the preview's page has no live-reload script")
                cpu = _tree_cpu(server.pid)
                started = time.perf_counter()
                append(page, f"\nUne phrase ajoutée pour la mesure : {marker}.\n")
                # As the editor's browser does: the live-reload request answers once a new
                # site is served, then the page is loaded again.
                while True:
                    answer = _get(f"{base}/livereload/{epoch.group(1)}/{epoch.group(2)}")
                    served = _get(url) or ""
                    if marker in served:
                        break
                    epoch = _LIVERELOAD.search(served) or epoch
                    if time.perf_counter() - started > 120 or answer is None:
                        sys.exit("the preview did not rebuild the edited page")
                seconds.append((time.perf_counter() - started, _tree_cpu(server.pid) - cpu))
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return seconds


def speed(runs: int, out) -> None:
    out("## Site build against the stock stack (CPU per page, no PDFs; target "
        f"x{STOCK_TARGET})")
    out("(stock: plain Material and mkdocs-static-i18n, no hooks, converting the same Markdown, "
        "generated pages written out as files; CPU: user and system of the build's processes, "
        f"median of {runs})")
    for factor in (1, 10):
        against_stock(factor, runs, out)
    out()
    out(f"## Live preview (make serve) after a Markdown edit (target under {PREVIEW_TARGET} s)")
    measured = preview_rebuilds(max(runs, 3))
    median = statistics.median(s for s, _ in measured)
    cpu = statistics.median(c for _, c in measured)
    out(f"from saving docs/fr/a-propos.md to the page served with the edit: median "
        f"{median:.2f} s of {len(measured)} edits ({', '.join(f'{s:.2f}' for s, _ in measured)}) "
        f"({'within' if median < PREVIEW_TARGET else 'ABOVE'} the target); the preview's "
        f"CPU for each: median {cpu:.2f} s (wall time above it is waiting: the watcher looks "
        f"every 0.2 s (hooks/preview_pages.py), and other processes share the cores; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


RENDER_TARGET = 1.2


def render_section(runs: int, out) -> None:
    out("## Render per page against WeasyPrint's raw floor (same HTML and fonts; target x1.20)")
    out(f"{'PDF':44} {'pages':>5} {'s/page':>7} {'floor':>7} {'ratio':>6} {'PDF/UA':>7} "
        f"{'ratio':>6}")
    runs = max(runs, 5)
    worst = 0.0
    for name, count, ours, floor, tagged in render_floor(runs):
        worst = max(worst, ours / floor)
        out(f"{name:44} {count:5d} {ours:7.3f} {floor:7.3f} x{ours / floor:5.2f} "
            f"{tagged:7.3f} x{ours / tagged:5.2f}")
    out(f"(seconds of CPU per page, least of {runs} interleaved runs; floor: WeasyPrint alone "
        "on the same HTML, untagged; PDF/UA: WeasyPrint alone asked for the tagged PDF/UA-1 "
        "output the pipeline writes, so its ratio is the pipeline's own cost; worst ratio to "
        f"the floor x{worst:.2f}, {'within' if worst <= RENDER_TARGET else 'ABOVE'} the "
        f"x{RENDER_TARGET} target)")
    out()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the repeated builds")
    parser.add_argument("--scale", action="store_true",
                        help="also build 10x and 50x the shipped guides (slow)")
    parser.add_argument("--write", type=Path, metavar="FILE",
                        help="also write the figures to FILE (BENCHMARKS.md), in Markdown")
    parser.add_argument("--speed", action="store_true",
                        help="only the site build against the stock stack and the preview")
    parser.add_argument("--render", action="store_true",
                        help="only the render per page against WeasyPrint's floor")
    args = parser.parse_args()
    lines: list[str] = []

    def out(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    if args.speed or args.render:
        out(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        out()
        if args.speed:
            speed(args.runs, out)
        if args.render:
            render_section(args.runs, out)
        if args.write:
            write_markdown(args.write, lines, scale=False)
        return 0

    with tempfile.TemporaryDirectory() as folder:
        project = copy_sources(ROOT, Path(folder))
        build(project, pdf=False)  # warm-up: imports and OS caches, not measured
        baseline = statistics.median(build(project, pdf=False)[0] for _ in range(args.runs))
        baseline_peak = LAST_PEAK_MB[0]

        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold, pdfs = build(project, pdf=True)
        cold_peak = LAST_PEAK_MB[0]
        warm = statistics.median(build(project, pdf=True)[0] for _ in range(args.runs))
        weights = page_weights(project / "site")
        kits = kit_sizes(project / "site")

        append(project / "guides/benevolat/fr.md", "\nUne phrase ajoutée pour la mesure.\n")
        guide_edit, guide_pdfs = build(project, pdf=True)
        rerendered = [name for name, _, seconds in guide_pdfs if seconds is not None]

        append(project / "docs/fr/a-propos.md", "\nUne phrase ajoutée pour la mesure.\n")
        preview = build(project, pdf=False)[0]

    pages = sum(p for _, p, _ in pdfs)
    render_seconds = sum(s or 0 for _, _, s in pdfs)
    out(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    out()
    out("## Build times")
    out(f"site without PDFs (baseline, median of {args.runs}): {baseline:6.2f} s  "
        f"(peak memory {baseline_peak:.0f} MB)")
    out(f"cold build with PDFs (empty cache):           {cold:6.2f} s  "
        f"x{cold / baseline:.2f} of the baseline (peak memory {cold_peak:.0f} MB)")
    out(f"warm build with PDFs (median of {args.runs}):             {warm:6.2f} s  "
        f"x{warm / baseline:.2f} of the baseline "
        f"({'within' if warm <= 1.10 * baseline else 'ABOVE'} the 10% target)")
    out(f"rebuild after editing one guide:              {guide_edit:6.2f} s  "
        f"x{guide_edit / baseline:.2f} (rendered again: {', '.join(rerendered) or 'none'})")
    out(f"site rebuild after a Markdown edit (no PDFs): {preview:6.2f} s  "
        f"x{preview / baseline:.2f} (make serve: see below)")
    if render_seconds:
        out(f"PDF rendering: {len(pdfs)} files, {pages} pages in {render_seconds:.1f} s of "
            f"rendering: {pages / render_seconds:.1f} pages per second")
    out()
    speed(args.runs, out)
    out()
    out(f"## Page weight of a first visit (budget {BUDGET_KB} KB, gzip as nginx sends it)")
    out(f"{'page':34} {'requests':>8} {'3rd-party':>9} {'gzip':>9} {'+headers':>9} "
        f"{'budget':>7} {'no compr.':>10} {'+worker':>9}")
    for row in weights:
        kb = row["body"] / 1024
        out(f"{row['page']:34} {row['requests']:8d} {row['third_party']:9d} {kb:6.1f} KB "
            f"{row['headers'] / 1024:6.1f} KB {'within' if kb <= BUDGET_KB else 'ABOVE':>7} "
            f"{row['raw'] / 1024:7.1f} KB {row['precache'] / 1024:+6.1f} KB")
    out("(no compr.: the same requests from a host that compresses nothing; +worker: what the "
        "service worker downloads next, in the background, for reading offline)")
    out()
    out("## The first search (query 2012), on the same pages")
    out(f"{'page':34} {'first results':>24} {'then the sections text':>26}")
    for row in weights:
        out(f"{row['page']:34} {row['search'] / 1024:7.1f} KB ({row['search_raw'] / 1024:6.1f} KB "
            f"raw) {row['text'] / 1024:9.1f} KB ({row['text_raw'] / 1024:6.1f} KB raw)")
    out("(first results: the index of titles and summaries, and the search code; the sections' "
        "text follows and the results are refreshed; gzip as nginx sends it, raw without "
        "compression)")
    out()
    out("## Trainer's kits")
    for name, size, members in kits:
        out(f"{name:34} {size / 1024 / 1024:6.2f} MB, {members - 1} PDFs and an index page")
    out()
    render_section(args.runs, out)
    out("## Each PDF")
    out(f"{'PDF':34} {'pages':>5} {'seconds':>8}")
    for name, count, seconds in pdfs:
        out(f"{name:34} {count:5d} {seconds:8.1f}")
    if args.scale:
        out()
        out("## Scale: the same builds on synthetic copies of the guides")
        small = baseline
        for factor in (10, 50):
            site, _ = scale(factor, 1, out)
            out(f"      site build x{site / small:.1f} the shipped site's for x{factor} guides")
    if args.write:
        write_markdown(args.write, lines, scale=args.scale)
    return 0


def write_markdown(path: Path, lines: list[str], scale: bool) -> None:
    """The printed figures as Markdown: each "## " section's lines in a fenced block."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "?"
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in lines:
        if line.startswith("## "):
            sections.append((line, []))
        elif line:
            sections[-1][1].append(line)
    text = ["# Benchmark results", "",
            "Written by `make benchmark ARGS=\"--scale --write BENCHMARKS.md\"` "
            "(scripts/benchmark.py): a command, not a test; the figures depend on the machine. "
            "Every ratio is against the site build without PDFs, run first in the same process.",
            "", f"Run on {time.strftime('%Y-%m-%d')} at commit {commit}"
            f"{'' if scale else ' (without --scale)'}; {sections[0][1][0]}."]
    for heading, body in sections[1:]:
        text += ["", heading, "", "```", *body, "```"]
    path.write_text("\n".join(text) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
