"""What a page is for (a training module, the glossary), and the facts about a module every feature reads.

A module is a page under docs/modules/. Its id, the same in every language,
keys the reader's progress, names its PDF and its LMS package; its review
date is printed on the page and in the PDFs.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.structure.pages import Page

from mkdocs_training.core import i18n, sources
from mkdocs_training.core.context import Build

# The glossary's page: terms are not linked in it, and the PDF ends with it.
GLOSSARY_PAGE = "glossary.md"


def is_module(page: Page) -> bool:
    return page.file.src_uri.startswith("modules/")


def module_id(page: Page) -> str:
    """The same in every language, so progress follows the reader across languages."""
    return sources.module_id(page.meta, Path(i18n.source_uri(page.file.src_uri)).stem)


def count(build: Build) -> int:
    return sum(1 for page in build.nav.pages if is_module(page)) if build.nav else 0


def whole_pdf_wanted(build: Build) -> bool:
    """The whole training's PDF is made (and the home page links to it) only up to whole_pdf_max_modules."""
    return count(build) <= build.whole_pdf_max_modules


def review_date(value) -> datetime.date | None:
    """A page's last_reviewed, or None when it is missing or not a date."""
    return value if isinstance(value, datetime.date) else None
