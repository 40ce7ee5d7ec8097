"""Publishing the built site: security headers (headers.py), precompressed files (compress.py), the offline build and zip (offline.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.cache import cache_dir
from mkdocs_training.core.context import Build
from mkdocs_training.core.log import log
from mkdocs_training.publish import compress, headers, offline


# Once every language is built: what depends on the whole site. `compress_only`:
# the files left to compress (a parallel build's languages compress their own).
def finish(config: MkDocsConfig, build: Build, compress_only: list[Path] | None = None) -> None:
    site_dir = Path(config.site_dir)
    if build.offline:
        offline.copy_shim(site_dir)
        return
    (site_dir / "_headers").write_text(headers.netlify_headers(site_dir), encoding="utf-8")
    if not build.preview:
        files, made = compress.precompress(
            site_dir, cache_dir(config, "compressed", build), compress_only
        )
        log.info(
            f"precompressed {files} files (.gz, .br); {made} copies made, the rest from the cache"
        )
