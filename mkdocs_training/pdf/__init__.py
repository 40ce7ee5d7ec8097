"""PDFs per language: one per module (what a reader prints), and the whole
training while the library is small enough for one file to be useful
(`whole_pdf_max_modules`). document.py makes each file."""

from __future__ import annotations

import datetime
import gc
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_training.core import escaping, i18n, locales, page_roles
from mkdocs_training.core.cache import cache_dir
from mkdocs_training.core.context import Build
from mkdocs_training.core.log import log
from mkdocs_training.core.page_roles import GLOSSARY_PAGE
from mkdocs_training.pdf import document


@dataclass
class Rendered:
    """The PDF's state in one language build: every page as rendered, by src_uri (an untranslated one with its notice)."""

    pages: dict[str, Page] = field(default_factory=dict)


def keep(page: Page, build: Build) -> None:
    """A page goes into this language's PDF as its context is made (on_page_context): its content is final."""
    build.own(Rendered).pages[page.file.src_uri] = page


def module_file(page: Page) -> str:
    """The module's PDF: beside its page, named after its English file (the same in every language)."""
    return f"{page_roles.module_id(page)}.pdf"


def module_href(page: Page) -> str:
    # The page's HTML and its PDF share a folder, with or without directory URLs.
    return quote(module_file(page))


def write(config: MkDocsConfig, build: Build) -> None:
    if build.preview:
        log.info(f"PDF for '{build.language}' skipped (TRAINING_PREVIEW=on)")
        return
    strings = build.ui["pdf"]
    cache = cache_dir(config, "pdf", build)
    reported: set[tuple[str, str]] = (
        set()
    )  # A page's URL refused in its module PDF and in the whole one: said once.
    # WeasyPrint's documents are reference cycles that outlive their module
    # when the heap is large (the site's pages): a full collection after each
    # PDF frees them, and is cheap with the objects made so far frozen.
    gc.freeze()
    try:
        write_all(config, build, strings, cache, reported)
    finally:
        gc.unfreeze()


def write_all(
    config: MkDocsConfig, build: Build, strings: dict, cache: Path | None, reported: set
) -> None:
    date_of = lambda day: format_date(day, format="long", locale=build.ui["date_locale"])  # noqa: E731
    site_dir = Path(config.site_dir)
    chapters, aids, glossary_chapter, reviewed = [], [], None, []
    made = reused = 0
    assert build.nav is not None  # The PDFs are made after the build, which set it.
    for page in build.nav.pages:
        rendered = build.own(Rendered).pages.get(page.file.src_uri)
        if rendered is None:
            continue
        assert (
            rendered.title is not None and rendered.content is not None
        )  # Rendered pages have both.
        reviewed.append(rendered.meta.get("last_reviewed"))
        chapter = document.Chapter(
            Path(i18n.source_uri(page.file.src_uri)).stem,
            escaping.plain(rendered.title),
            rendered.content,
            f"docs/{page.file.src_uri}",
            rendered.file.dest_uri,
        )
        if page_roles.is_module(page):
            chapters.append(chapter)
            # One module at a time, each document freed before the next (see document.write).
            day = page_roles.review_date(rendered.meta.get("last_reviewed")) or datetime.date(
                1970, 1, 1
            )
            html = document.document(
                build.language,
                chapter.title,
                config.site_name,
                date_of(day),
                strings,
                build.ui["quiz"],
                [chapter],
                None,
                contents=False,
            )
            path = Path(rendered.file.abs_dest_path).parent / module_file(page)
            problems: list[str] = []
            fresh, refused = document.write(
                path, html, config.site_author or "", midnight(day), site_dir, cache, problems
            )
            made, reused = made + fresh, reused + (not fresh)
            report(config, refused, [chapter], reported)
            report_inaccessible(config, path, problems, [chapter], reported)
            if fresh:
                gc.collect()
        elif i18n.source_uri(page.file.src_uri) == GLOSSARY_PAGE:
            glossary_chapter = chapter
        elif "data-training-scorecard" in rendered.content:
            # A job aid (the supplier scorecard): in the whole training, after
            # the modules, as the blank form to print (document.form_on_paper).
            aids.append(chapter)
    log.info(
        f"Module PDFs for '{build.language}': {made} made, {reused} unchanged (taken from the cache)"
    )
    if not page_roles.whole_pdf_wanted(build):
        log.info(
            f"PDF of the whole training for '{build.language}' skipped: {page_roles.count(build)} modules, more "
            f"than whole_pdf_max_modules ({build.whole_pdf_max_modules}) in mkdocs.yml. Each module has its own PDF."
        )
        return
    if not locales.pdf_file_name_ok(strings["file"]):
        return  # Reported with the strings (locales.py); never a path of a translator's choosing.
    # The cover's date is the newest review among the pages: it changes with
    # the content, not with the day of the build.
    dates = [d for d in map(page_roles.review_date, reviewed) if d]
    newest = max(dates) if dates else datetime.date(1970, 1, 1)
    html = document.document(
        build.language,
        config.site_name,
        strings["subtitle"],
        date_of(newest),
        strings,
        build.ui["quiz"],
        chapters + aids,
        glossary_chapter,
    )
    folder = site_dir / i18n.folder(build.language, build.languages)
    problems = []
    fresh, refused = document.write(
        folder / strings["file"],
        html,
        config.site_author or "",
        midnight(newest),
        site_dir,
        cache,
        problems,
    )
    if not fresh:
        log.info(f"PDF for '{build.language}' unchanged: taken from the cache")
    report(config, refused, chapters + aids + [glossary_chapter], reported)
    report_inaccessible(
        config, folder / strings["file"], problems, chapters + aids + [glossary_chapter], reported
    )


def midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)


def report(config: MkDocsConfig, refused: list[str], chapters: list, reported: set) -> None:
    for url in dict.fromkeys(refused):
        pages = [c.source for c in chapters if c and (url in c.html or escape(url) in c.html)]
        for where in [where_in(Path(config.docs_dir), page, url) for page in pages] or ["the PDF"]:
            if (where, url) in reported:
                continue
            reported.add((where, url))
            log.warning(
                f"{where}: the PDF would load '{url}'. A page may only use the site's own files "
                "and data: URLs (nothing from the machine or the network); remove it."
            )


# WeasyPrint's own words for an image without alternative text (weasyprint/pdf/tags.py).
NO_ALT = re.compile(r'Image "(.*)" has no required alt description')


def report_inaccessible(
    config: MkDocsConfig, pdf: Path, problems: list[str], chapters: list, reported: set
) -> None:
    """What WeasyPrint found wrong writing PDF/UA (document.OPTIONS), as warnings: the strict build fails."""
    for problem in dict.fromkeys(problems):
        image = NO_ALT.fullmatch(problem)
        if not image:
            log.warning(
                f"{pdf.relative_to(config.site_dir)}: {problem} (WeasyPrint, writing the tagged PDF)."
            )
            continue
        # The page wrote the image's path relative to itself (document.printable rewrote it): find its name.
        name = posixpath.basename(image.group(1))
        pages = [c.source for c in chapters if c and name in c.html]
        for where in [where_in(Path(config.docs_dir), page, name) for page in pages] or [str(pdf)]:
            if (where, problem) not in reported:
                reported.add((where, problem))
                log.warning(
                    f"{where}: the image '{name}' has no alternative text, which the PDF needs for "
                    "readers who cannot see it. Say what it shows: ![What it shows](image.png)."
                )


def where_in(docs: Path, page: str, url: str) -> str:
    """'docs/x.md:12': the page and the line that holds the URL (the page alone if it is not written out)."""
    text = (docs / page.removeprefix("docs/")).read_text(encoding="utf-8")
    index = text.find(url)
    return f"{page}:{text.count(chr(10), 0, index) + 1}" if index >= 0 else page
