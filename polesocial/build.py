"""Publishing the site atomically: build into a fresh folder, then swap it into place.

The static-site engine runs as a separate process (``python -m mkdocs``): this module names it
but does not import it, so the core stays engine-independent. A failed build leaves the
previously published site untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def engine_build_command(root: Path, output: Path) -> list[str]:
    # Not --quiet: with it MkDocs stops counting warnings and --strict lets broken links through.
    return [sys.executable, "-m", "mkdocs", "build", "--strict",
            "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(output)]


def build_site(root: Path, site: Path, lang: str = "fr") -> int:
    started = time.perf_counter()
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    # The engine's adapters report in the language of the command (polesocial --lang).
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG=lang)
    result = subprocess.run(engine_build_command(root, staging), cwd=root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # The engine's progress lines are noise for editors; its warnings and errors are not.
    for line in result.stdout.splitlines():
        if line.strip() and not line.startswith("INFO"):
            print(line, file=sys.stderr)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(MESSAGES["failed"][lang].format(site=site), file=sys.stderr)
        return 1
    publish(staging, site)
    print(MESSAGES["done"][lang].format(site=site, seconds=time.perf_counter() - started))
    return 0


def publish(staging: Path, site: Path) -> None:
    """Replace ``site`` by ``staging`` with renames only, so readers never see a half site."""
    staging.chmod(0o755)
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        old.rmdir()
        site.rename(old)
    staging.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
