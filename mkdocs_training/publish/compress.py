"""Precompressed copies (.gz, .br) of the built site's text files, for nginx's *_static modules."""

from __future__ import annotations

import gzip
from pathlib import Path

TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def precompress(site: Path) -> int:
    """Write .gz and .br beside every text file worth it, for nginx's *_static modules."""
    import brotli

    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_TYPES or not path.is_file() or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        # mtime=0: the same input gives the same bytes (reproducible builds).
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
        count += 1
    return count
