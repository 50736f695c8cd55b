"""Precompressed copies of the site's text files, for any static host.

Every compressible file (HTML, CSS, JavaScript, JSON, SVG, XML, plain text, CSV, the web app
manifests) gets a ``.gz`` (gzip, level 9) and a ``.br`` (Brotli, quality 11) beside it, when
compression makes it smaller. A server that knows them (nginx's ``gzip_static``, Apache's
MultiViews or rewrite rules, Caddy's ``precompressed``, most CDNs) sends them as they are to a
browser that accepts them, instead of compressing every response again, or not at all.

The copies are byte-identical from one build to the next (no time or file name in the gzip
header; Brotli is deterministic), and cached by content: Brotli at its best quality costs about
7 s for the whole site, so only files whose bytes changed are compressed again.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv",
                      ".webmanifest"})
MIN_SIZE = 256  # smaller files gain nothing (nginx's gzip_min_length)
ENCODINGS = {".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
             ".br": lambda data: brotli.compress(data, quality=11)}


def compressible(path: Path) -> bool:
    return path.suffix in SUFFIXES and path.stat().st_size >= MIN_SIZE


def precompress(site: Path, cache: Path) -> dict[str, int]:
    """Write the .gz and .br copies of every compressible file of ``site``, taking those whose
    content is in ``cache`` from it. Returns the bytes written per encoding."""
    cache.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    written = dict.fromkeys(ENCODINGS, 0)
    for path in sorted(p for p in site.rglob("*") if p.is_file() and compressible(p)):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix, compress in ENCODINGS.items():
            name = digest + suffix
            used.add(name)
            cached = cache / name
            try:
                packed = cached.read_bytes()
            except FileNotFoundError:
                packed = compress(data)
                temporary = cached.with_name(name + ".part")
                temporary.write_bytes(packed)
                temporary.replace(cached)
            if len(packed) < len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                written[suffix] += len(packed)
    for old in cache.iterdir():  # what no file of this build needs any more
        if old.name not in used:
            old.unlink(missing_ok=True)
    return written
