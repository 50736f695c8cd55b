"""Publishing the site atomically: build into a fresh folder, then swap it into place.

The static-site engine runs as a separate process (``python -m mkdocs``): this module names it
but does not import it, so the core stays engine-independent. A failed build leaves the
previously published site untouched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .project import alive

MESSAGES = {
    "failed": {
        "fr": "La construction du site a échoué (voir les messages ci-dessus) ; le site publié "
              "dans {site} n’a pas été modifié.",
        "ar": "فشل بناء الموقع (انظروا الرسائل أعلاه)؛ ولم يطرأ أي تغيير على الموقع المنشور في "
              "{site}.",
    },
    "done": {
        "fr": "Site construit dans {site} en {seconds:.1f} s.",
        "ar": "بُني الموقع في {site} خلال {seconds:.1f} ثانية.",
    },
}


_ENGINE_PREFIX = re.compile(r"^(?:ERROR|WARNING) +- +")
_ENGINE_NOISE = {"Aborted with a BuildError!"}


def _editor_lines(output: str, lang: str) -> list[str]:
    """The engine's output as an editor should read it: no progress lines, no level prefixes,
    and no Python traceback (a failure of the engine is told in one sentence; with
    POLESOCIAL_DEBUG=1 the traceback is shown as it is)."""
    from . import messages

    lines, traceback = [], None
    for line in output.splitlines():
        if traceback is not None:
            if line and not line.startswith((" ", "\t")):
                traceback = line  # the exception's own line ends the traceback
                continue
            continue
        if line.startswith("Traceback (most recent call last):") \
                and os.environ.get("POLESOCIAL_DEBUG") != "1":
            traceback = ""
            continue
        if line.strip() and not line.startswith("INFO") and line not in _ENGINE_NOISE:
            lines.append(_ENGINE_PREFIX.sub("", line))
    if traceback is not None:
        error = traceback.split(":", 1)[0].rsplit(".", 1)[-1] or "?"
        lines.append(messages.UI["internal_error"][lang].format(step="build", error=error))
    return lines


def engine_build_command(root: Path, output: Path) -> list[str]:
    # Not --quiet: with it MkDocs stops counting warnings and --strict lets broken links through.
    return [sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(output)]


def build_site(root: Path, site: Path, lang: str = "fr") -> int:
    started = time.perf_counter()
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-{os.getpid()}-", dir=site.parent))
    # The engine's adapters report in the language of the command (polesocial --lang).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG=lang)
    result = subprocess.run(engine_build_command(root, staging), cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # The engine's progress lines are noise for editors; its warnings and errors are not
    # (without the engine's level prefix and closing line: the failure is told below).
    for line in _editor_lines(result.stdout, lang):
        print(line, file=sys.stderr)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(MESSAGES["failed"][lang].format(site=site), file=sys.stderr)
        return 1
    publish(staging, site)
    print(MESSAGES["done"][lang].format(site=site, seconds=time.perf_counter() - started))
    return 0


def remove_stale(site: Path) -> None:
    """The staging folders a killed build left beside ``site`` (``.site.new-<pid>-…``): its
    process is gone, so nothing will ever publish or remove them."""
    for folder in site.parent.glob(f".{site.name}.[no][el][wd]-*"):
        pid = folder.name.split("-", 2)[1] if folder.name.count("-") >= 2 else ""
        if folder.is_dir() and not folder.is_symlink() and (not pid.isdigit()
                                                            or not alive(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)


def publish(staging: Path, site: Path) -> None:
    """Replace ``site`` by ``staging`` with renames only, so readers never see a half site."""
    staging.chmod(0o755)
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-{os.getpid()}-", dir=site.parent))
        old.rmdir()
        site.rename(old)
    staging.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
