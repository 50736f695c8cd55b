"""Publishing the site atomically: build into a fresh folder, then swap it into place.

The static-site engine runs in this process through its adapter, ``hooks/engine.py``, loaded
by path: this module names it but does not import it, so the core stays engine-independent,
and the check the command made is the one the engine's hooks use. A failed build leaves the
previously published site untouched.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
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


def _engine(root: Path):
    """The engine's adapter, hooks/engine.py, loaded by path as the engine loads the hooks: the
    core does not import the engine."""
    spec = importlib.util.spec_from_file_location("polesocial_engine",
                                                  root / "hooks" / "engine.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_site(root: Path, site: Path, lang: str = "fr") -> int:
    started = time.perf_counter()
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-{os.getpid()}-", dir=site.parent))
    # The engine's adapters report in the language of the command (polesocial --lang).
    os.environ.update(NO_MKDOCS_2_WARNING="1", POLESOCIAL_LANG=lang)
    try:
        built = _engine(root).build(str(root / "mkdocs.yml"), str(staging),
                                    lambda line: print(line, file=sys.stderr))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if not built:
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
