"""Where a rebuild finds what it can reuse (compressed files, PDFs), keyed by content hash."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.context import Build


# Beside mkdocs.yml, never published (.gitignore); deleting it only makes the
# next full build slower.
def cache_dir(config: MkDocsConfig, kind: str, build: Build) -> Path | None:
    """None when the cache is switched off (`cache: off` in mkdocs.yml, TRAINING_CACHE=off)."""
    return (
        Path(config.config_file_path).parent / ".cache" / "training" / kind if build.cache else None
    )
