"""The offline build (`make offline`): the site opened from a folder (file://), and its zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.log import log

# Search from file:// needs the iframe-worker shim, copied from its npm package, never a CDN.
SHIM_SOURCE = (
    Path(__file__).resolve().parent.parent.parent
    / "node_modules"
    / "iframe-worker"
    / "shim"
    / "index.js"
)
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"


def configure(config: MkDocsConfig) -> None:
    """Opened from a folder: links must name files, and search needs the shim."""
    config.use_directory_urls = False
    config.extra["polyfills"] = [SHIM_TARGET]


def copy_shim(site_dir: Path) -> None:
    if not SHIM_SOURCE.exists():
        log.warning(f"{SHIM_SOURCE} is missing: run `npm ci` (make offline does).")
    else:
        (site_dir / SHIM_TARGET).write_bytes(SHIM_SOURCE.read_bytes())


# Files that serve no purpose when the site is opened from a folder.
NOT_OFFLINE = (".gz", ".br", "_headers")


def offline_zip(
    site: Path, archive: Path, folder: str, date: tuple[int, int, int, int, int, int]
) -> int:
    """Zip the offline site with fixed dates and order, so the same site gives the same zip."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and not p.name.endswith(NOT_OFFLINE)]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, path.read_bytes())
    return len(files)
