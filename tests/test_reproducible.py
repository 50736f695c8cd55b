"""The build needs no network once installed, and the same sources give the same bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import copy_project


def offline_build(project, site, cache):
    """A full build (PDFs included, empty cache) in a network namespace of its own: no
    interface but loopback, so any attempt to reach the internet fails."""
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        pytest.fail("this test cuts the network with `unshare -n`, which needs root "
                    "(CI and make test run as root)")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", POLESOCIAL_PDF="1",
               POLESOCIAL_PDF_CACHE=str(cache))
    env.pop("SITE_URL", None)
    return subprocess.run([unshare, "-n", sys.executable, "-m", "polesocial", "--root",
                           str(project), "build", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)


def test_two_offline_builds_give_identical_bytes(tmp_path):
    project = copy_project(tmp_path / "project")
    sites = []
    for run in ("one", "two"):
        result = offline_build(project, tmp_path / run, tmp_path / f"cache-{run}")
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(tmp_path / run)
    files = {p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file()}
    assert files == {p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file()}
    kinds = {path.suffix for path in files}
    # Pages, PDFs, images, data, the trainer's kits and the precompressed copies.
    assert {".html", ".pdf", ".png", ".json", ".xml", ".csv", ".zip", ".gz", ".br"} <= kinds
    different = sorted(str(path) for path in files
                       if (sites[0] / path).read_bytes() != (sites[1] / path).read_bytes())
    assert not different, different[:10]
