"""Shared fixtures: a copy of the project to break on purpose, real builds, a real server, and
Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from polesocial.loopback import CHROMIUM, CHROMIUM_ARGS
from polesocial.project import copy_sources

ROOT = Path(__file__).resolve().parents[1]


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the project's sources, for tests that break or change them."""
    return copy_sources(ROOT, dest)


@pytest.fixture
def project(tmp_path):
    """A copy of the project, to break or change."""
    return copy_project(tmp_path / "project")


def check(project: Path, *args: str) -> tuple[int, str]:
    """`polesocial check` on a project: (exit status, messages)."""
    result = polesocial("check", *args, root=project)
    return result.returncode, result.stderr


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in a file by ``new``; return the line where it starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text.count("\n", 0, text.index(old)) + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def polesocial(*args: str, root: Path = ROOT, site_url: str | None = None,
               lang: str = "fr", pdf: bool = False, offline: bool = False,
               **env_extra) -> subprocess.CompletedProcess:
    """Run the command-line tool as an editor would. PDFs are off unless a test asks for them
    (they cost seconds per build and have tests of their own). ``offline``: in a network
    namespace of its own (``unshare -n``: no interface but loopback), so that any attempt to
    reach the internet fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG=lang,
               POLESOCIAL_PDF="1" if pdf else "0")
    env.pop("SITE_URL", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    if site_url:
        env["SITE_URL"] = site_url
    env.update(env_extra)
    command = [sys.executable, "-m", "polesocial", "--root", str(root), *args]
    if offline:
        unshare = shutil.which("unshare")
        if unshare is None or os.geteuid() != 0:
            pytest.fail("this test cuts the network with `unshare -n`, which needs root "
                        "(CI and make test run as root)")
        command = [unshare, "-n", *command]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=root,
                          timeout=900)


def build(root: Path, site: Path, site_url: str | None = None, pdf: bool = False,
          **env) -> Path:
    result = polesocial("build", "--site-dir", str(site), root=root, site_url=site_url, pdf=pdf,
                        **env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site


# The longest tests first (each test process takes the next test when it is free): started
# last, they left one core idle for minutes at the end of the run.
_FIRST = ("tests/test_printed_commands.py",
          "tests/test_history.py", "tests/test_print.py::test_builds_are_reproducible")


def pytest_collection_modifyitems(config, items):
    def rank(item):
        return next((n for n, prefix in enumerate(_FIRST) if item.nodeid.startswith(prefix)),
                    len(_FIRST))
    items.sort(key=rank)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


# The served site: the real project built for, and served from, a loopback address, PDFs
# included, with a PDF cache of its own (a clean run, as in CI). The server belongs to the
# process that runs the session (pytest itself, or pytest-xdist's controller, which outlives
# its workers) and is bound first, so that the build gets its real address as SITE_URL, exactly
# as a production build gets the ministry's host. The first test that needs the site starts
# its build (one build, whichever worker asks first); test processes find the folder and the
# address through SERVED_ENV.
SERVED_ENV = "POLESOCIAL_TEST_SERVED"
_served: dict = {}


def pytest_configure(config):
    if hasattr(config, "workerinput") or os.environ.get(SERVED_ENV):
        return  # a worker: the controller made it
    import json
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="polesocial-served-"))
    (top / "site").mkdir()
    handler = functools.partial(_QuietHandler, directory=str(top / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _served.update(server=server, top=top)
    os.environ[SERVED_ENV] = json.dumps(
        {"top": str(top), "base": f"http://127.0.0.1:{server.server_address[1]}/"})


def pytest_unconfigure(config):
    if "server" not in _served:
        return
    import signal

    _served["server"].shutdown()
    _served["server"].server_close()
    top = _served["top"]
    if (top / "pid").exists() and not (top / "status").exists():
        try:  # an interrupted session: its build goes too
            os.killpg(int((top / "pid").read_text()), signal.SIGKILL)
        except (OSError, ValueError):
            pass
    shutil.rmtree(top, ignore_errors=True)


@pytest.fixture(scope="session")
def served_site():
    """(site folder, base URL) of the served site, built on first use."""
    import fcntl
    import json
    import time

    served = json.loads(os.environ[SERVED_ENV])
    top, base = Path(served["top"]), served["base"]
    with open(top / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (top / "pid").exists():
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG="fr",
                       POLESOCIAL_PDF="1", SITE_URL=base,
                       POLESOCIAL_PDF_CACHE=str(top / "pdf-cache"))
            env.pop("SOURCE_DATE_EPOCH", None)
            # The status is written by the shell around the build: whoever waits reads it.
            process = subprocess.Popen(
                ["sh", "-c", 'top=$1; shift; "$@" >"$top/build.log" 2>&1; '
                 'echo $? >"$top/status.new"; mv "$top/status.new" "$top/status"',
                 "sh", str(top), sys.executable, "-m", "polesocial", "--root", str(ROOT),
                 "build", "--site-dir", str(top / "site")],
                cwd=ROOT, env=env, start_new_session=True)
            (top / "pid").write_text(str(process.pid))
    deadline = time.monotonic() + 1800
    while not (top / "status").exists():
        if time.monotonic() > deadline:
            pytest.fail("the served site's build did not end in 30 minutes")
        time.sleep(0.5)
    if (top / "status").read_text().strip() != "0":
        pytest.fail("the served site's build failed:\n"
                    + (top / "build.log").read_text(encoding="utf-8", errors="replace"))
    return top / "site", base


@pytest.fixture(scope="session")
def site(served_site) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def base_url(served_site) -> str:
    return served_site[1]


@pytest.fixture(scope="session")
def served_pdf_cache(served_site) -> Path:
    """The PDF cache the served site was built with (for ROOT at ``base_url``): a test that
    builds the same sources for the same address starts from a copy of it instead of
    rendering every PDF again."""
    return served_site[0].parent / "pdf-cache"


@pytest.fixture(scope="session")
def playwright():
    """Playwright, started once per session (its synchronous API cannot be started twice)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run the README's test command (make test), which "
                    "installs Debian's chromium package, or apt-get install chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class PageWatch:
    """Everything a page did that a reader or a privacy review would object to."""

    def __init__(self, base_url: str):
        self.host = urlsplit(base_url).netloc
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.requests: list[str] = []  # every URL, in order

    def on_request(self, request):
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.foreign_requests.append(request.url)

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)


# Records, for the tests, the search worker's last answer: its query, and whether it came from
# the whole index (the sections' text arrives after the titles: polesocial/web/search_worker.js).
WATCH_SEARCH = """(() => {
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3)
          window.__psSearchAnswer = {query: event.data.data.query, complete: !!event.data.data.complete};
      });
    }
  };
})();"""


@pytest.fixture
def page_factory(browser, base_url):
    """new(path, width=1280) -> (page, watch). At the end of the test, no page may have made a
    request to another host or logged a console error."""
    contexts, watches = [], []

    def new(path: str = "", width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        context.add_init_script(WATCH_SEARCH)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(base_url)
        watches.append(watch)
        page.on("request", watch.on_request)
        page.on("console", watch.on_console)
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        return page, watch

    yield new
    for context in contexts:
        context.close()
    for watch in watches:
        assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
        assert not watch.console_errors, f"console errors: {watch.console_errors}"
