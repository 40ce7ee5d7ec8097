"""Search per language: each language build gets its own index and stemmer, written to that language's folder.

The search plugin keeps the first build's language unless told, and
static-i18n merges every language's entries into the root index after the
last build even with reconfigure_search off. That merge is switched off here;
after each build the index is kept, and one index per language is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_training.core import i18n
from mkdocs_training.core.context import Build, Site
from mkdocs_training.core.log import log


def one_index_per_language(config: MkDocsConfig, language: str) -> None:
    search = config.plugins.get("material/search")
    if search is None:
        log.warning(
            "mkdocs.yml: the search plugin is not configured; add 'search' under 'plugins:'."
        )
        return
    search.config.lang = [language]
    i18n_plugin = config.plugins["i18n"]
    if not hasattr(i18n_plugin, "reconfigure_search_index"):
        log.warning(
            "mkdocs-static-i18n no longer has reconfigure_search_index(): check how it "
            "writes the search index and update one_index_per_language() in mkdocs_training/publish/search.py."
        )
        return
    i18n_plugin.reconfigure_search_index = lambda config: None


def exclude_fallback(page: Page, build: Build) -> None:
    """The other language's text must not turn up in this language's search."""
    if build.is_fallback(page):
        page.meta["search"] = {"exclude": True}


# After the search plugin has written this build's index to search/ (the same
# file for every language), and before static-i18n starts the next build.
@dataclass
class Indexes:
    """Each language's search index, kept across the language builds: language -> index."""

    by_language: dict[str, dict] = field(default_factory=dict)


def write(config: MkDocsConfig, build: Build, site: Site) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    kept = site.own(Indexes).by_language
    if index.exists():
        kept[build.language] = json.loads(index.read_text(encoding="utf-8"))
    languages = build.languages
    i18n.write_per_language(
        config,
        languages,
        "search/search_index.json",
        kept,
        lambda index, code: index_json(index, code, languages),
        build.is_last,
        build.built_here,
    )
    if build.offline:  # From file://, Material loads the index as a script, not with fetch.
        i18n.write_per_language(
            config,
            languages,
            "search/search_index.js",
            kept,
            lambda index, code: f"var __index = {index_json(index, code, languages)}",
            build.is_last,
            build.built_here,
        )


# A language's index, with locations relative to that language's root (the
# base its pages give Material's search; see overrides/main.html).
def index_json(index: dict, code: str, languages: i18n.Languages) -> str:
    prefix = i18n.folder(code, languages)
    docs = [dict(doc, location=doc["location"].removeprefix(prefix)) for doc in index["docs"]]
    return json.dumps(dict(index, docs=docs), ensure_ascii=False, separators=(",", ":"))
