"""The whole training as one PDF per language: chapters from the pages this language build rendered (document.py makes the file)."""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training import escaping, i18n, locales, modules
from mkdocs_training.cache import cache_dir
from mkdocs_training.context import Build
from mkdocs_training.glossary import GLOSSARY_PAGE
from mkdocs_training.log import log
from mkdocs_training.pdf import document


def write(config: MkDocsConfig, build: Build) -> None:
    if build.preview:
        log.info(f"PDF for '{build.language}' skipped (TRAINING_PREVIEW=on)")
        return
    chapters, glossary_chapter, reviewed = [], None, []
    for page in build.nav.pages:
        rendered = build.pages.get(page.file.src_uri)
        if rendered is None:
            continue
        reviewed.append(rendered.meta.get("last_reviewed"))
        chapter = document.Chapter(Path(i18n.source_uri(page.file.src_uri)).stem,
                                   escaping.plain(rendered.title), rendered.content, f"docs/{page.file.src_uri}")
        if modules.is_module(page):
            chapters.append(chapter)
        elif i18n.source_uri(page.file.src_uri) == GLOSSARY_PAGE:
            glossary_chapter = chapter
    # The cover's date is the newest review among the pages: it changes with
    # the content, not with the day of the build.
    dates = [d for d in map(modules.review_date, reviewed) if d]
    newest = max(dates) if dates else datetime.date(1970, 1, 1)
    strings = build.ui["pdf"]
    if not locales.pdf_file_name_ok(strings["file"]):
        return  # Reported with the strings (locales.py); never a path of a translator's choosing.
    html = document.document(
        build.language, config.site_name, strings["subtitle"],
        format_date(newest, format="long", locale=build.ui["date_locale"]), strings, chapters, glossary_chapter,
    )
    folder = Path(config.site_dir) / i18n.folder(build.language, build.languages)
    created = datetime.datetime.combine(newest, datetime.time(), tzinfo=datetime.timezone.utc)
    made, refused = document.write(folder / strings["file"], html, config.site_author or "", created,
                                   Path(config.site_dir), cache_dir(config, "pdf", build))
    if not made:
        log.info(f"PDF for '{build.language}' unchanged: taken from the cache")
    for url in dict.fromkeys(refused):
        pages = [c.source for c in chapters + [glossary_chapter] if c and (url in c.html or escape(url) in c.html)]
        for where in [where_in(Path(config.docs_dir), page, url) for page in pages] or ["the PDF"]:
            log.warning(
                f"{where}: the PDF would load '{url}'. A page may only use the site's own files "
                "and data: URLs (nothing from the machine or the network); remove it."
            )


def where_in(docs: Path, page: str, url: str) -> str:
    """'docs/x.md:12': the page and the line that holds the URL (the page alone if it is not written out)."""
    text = (docs / page.removeprefix("docs/")).read_text(encoding="utf-8")
    index = text.find(url)
    return f"{page}:{text.count(chr(10), 0, index) + 1}" if index >= 0 else page
