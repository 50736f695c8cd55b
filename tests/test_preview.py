"""The live preview (`make serve`): it shows an edit, Ctrl+C stops it, and it never outlives the
command that started it (the engine's server used to keep port 8000 after `make serve` was
killed)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import copy_project
from polesocial.loopback import free_port


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(predicate, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone for our purpose
        return stat.read().split(") ", 1)[1][0] != "Z"


def _engine_pids(address: str) -> list[int]:
    found = subprocess.run(["pgrep", "-f", f"mkdocs serve --livereload --dev-addr {address}"],
                           capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


@pytest.fixture
def preview(tmp_path):
    """`polesocial serve` on a copy of the project, started by a launcher process that stands
    for `make`: (launcher, address, project)."""
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG="fr")
    launcher = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys; subprocess.Popen(sys.argv[1:]).wait()",
         sys.executable, "-m", "polesocial", "--root", str(project), "serve", "--address",
         address], env=env, cwd=project)
    assert _wait(lambda: _get(f"http://{address}/a-propos/") is not None), "no preview"
    yield launcher, address, project
    launcher.kill()
    for pid in _engine_pids(address):
        os.kill(pid, signal.SIGKILL)


def test_an_edit_shows_and_the_preview_dies_with_its_parent(preview):
    launcher, address, project = preview
    page = project / "docs/fr/a-propos.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "## Qui publie", "Une phrase ajoutée pendant l’aperçu.\n\n## Qui publie", 1),
        encoding="utf-8")
    assert _wait(lambda: "ajoutée pendant l’aperçu" in (_get(f"http://{address}/a-propos/")
                                                        or ""))
    engines = _engine_pids(address)
    assert engines
    launcher.kill()  # `make` killed, not interrupted: nothing forwards a signal
    launcher.wait()
    assert _wait(lambda: not any(_alive(pid) for pid in engines), 30), "the preview survived"
    assert _wait(lambda: _get(f"http://{address}/") is None, 30), "the port is still served"


def test_ctrl_c_stops_everything(tmp_path):
    project = copy_project(tmp_path / "project")
    address = f"127.0.0.1:{free_port()}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG="ar")
    command = subprocess.Popen([sys.executable, "-m", "polesocial", "--root", str(project),
                                "serve", "--address", address], env=env, cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: _get(f"http://{address}/") is not None), "no preview"
        engines = _engine_pids(address)
        command.send_signal(signal.SIGINT)
        out, err = command.communicate(timeout=60)
    finally:
        if command.poll() is None:
            command.kill()
    assert command.returncode == 0, err
    assert "المعاينة متاحة على" in out and "Ctrl+C" in out and "توقفت المعاينة." in out
    assert "Traceback" not in out + err
    assert not any(_alive(pid) for pid in engines)
    assert _get(f"http://{address}/") is None


def test_an_edit_rebuilds_every_page_it_changes_and_an_undo_restores_them(preview):
    """The preview keeps the conversion of pages whose Markdown did not change
    (hooks/preview_pages.py): the page edited, and the pages made from it (the translation
    status counts its words, in both languages), show the edit; undoing it shows them as they
    were."""
    launcher, address, project = preview

    def served(path: str) -> str:
        return re.sub(r"livereload\(\d+, \d+\)", "", _get(f"http://{address}/{path}") or "")

    pages = ("a-propos/", "etat-des-traductions/", "ar/etat-des-traductions/")
    before = {path: served(path) for path in pages}
    page = project / "docs/fr/a-propos.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("## Qui publie", "Mots ajoutés. " * 40 + "\n\n## Qui publie",
                                     1), encoding="utf-8")
    assert _wait(lambda: "Mots ajoutés" in served("a-propos/"))
    for path in pages[1:]:
        assert _wait(lambda: served(path) != before[path]), path
    page.write_text(original, encoding="utf-8")
    assert _wait(lambda: all(served(path) == before[path] for path in pages))
