"""Precompressed copies (.gz, .br) of the built site's text files, for nginx's *_static modules.

Brotli at quality 11 is the slowest step of a full build after the PDFs, and
most files are the same from one build to the next. Each compressed copy is
kept in a cache keyed by the SHA-256 of the file's content and the
compressor's settings, so a rebuild compresses only what changed. Both
compressors are deterministic, so a copy from the cache is byte-identical to
a fresh one (reproducible builds).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def _compressors() -> dict[str, tuple[str, Callable[[bytes], bytes]]]:
    import brotli

    # The key names the settings (and brotli's version): a change makes new entries.
    return {
        ".gz": (
            "gzip-9",
            lambda data: gzip.compress(data, compresslevel=9, mtime=0),
        ),  # mtime=0: reproducible.
        # A 1 MiB window and 64 KiB blocks bound brotli's memory: with its
        # defaults, the search index of a 500-module library (10 MB) took
        # 70 MiB more than the build itself, the build's peak. Files under
        # 1 MiB are compressed alike; that index comes out 4 % larger.
        ".br": (
            f"brotli-{brotli.version}-11-w20-b16",
            lambda data: brotli.compress(data, quality=11, lgwin=20, lgblock=16),
        ),
    }


def precompress(
    site: Path, cache: Path | None = None, only: list[Path] | None = None
) -> tuple[int, int]:
    """Write .gz and .br beside every text file worth it (of `only`, if given:
    each language's process of a parallel build compresses its own files).

    Returns (files, compressed now): with a cache folder, copies whose
    content was compressed before are taken from it.
    """
    compressors = _compressors()
    files = made = 0
    for path in sorted(site.rglob("*") if only is None else only):
        if path.suffix not in TEXT_TYPES or not path.is_file() or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix, (settings, compress) in compressors.items():
            target = path.with_name(path.name + suffix)
            entry = cache / digest[:2] / f"{digest}.{settings}{suffix}" if cache else None
            compressed = _read(entry) if entry else None
            if compressed is None:
                compressed = compress(data)
                made += 1
                if entry:
                    _write(entry, compressed)
            target.write_bytes(compressed)
        files += 1
    return files, made


def _read(entry: Path) -> bytes | None:
    try:
        return entry.read_bytes()
    except FileNotFoundError:
        return None


# Through a temporary file and a rename: another build sharing the cache
# never reads half an entry.
def _write(entry: Path, data: bytes) -> None:
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, entry)
