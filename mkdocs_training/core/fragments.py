"""Generated HTML kept out of Markdown's way: a placeholder in on_page_markdown, the HTML in on_page_content.

Markdown never sees (or rewraps) a form or a card grid's extras: it gets a
paragraph `TRAINING-FRAGMENT-<n>`, and `put` swaps in the HTML afterwards.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

from mkdocs_training.core.context import Build

PLACEHOLDER = re.compile(r"<p>TRAINING-FRAGMENT-(\d+)</p>")


def add(build: Build, page: Page, html: str) -> str:
    """A placeholder paragraph for `html`; numbered across the language build."""
    number = len(build.fragments)
    build.fragments[number] = (page.file.src_uri, html)
    build.fragment_counts[page.file.src_uri] = build.fragment_counts.get(page.file.src_uri, 0) + 1
    return f"\n\nTRAINING-FRAGMENT-{number}\n\n"


def count(build: Build, page: Page) -> int:
    """How many fragments this page has made so far."""
    return build.fragment_counts.get(page.file.src_uri, 0)


def put(html: str, page: Page, build: Build) -> str:
    def fill(match: re.Match) -> str:
        src_uri, value = build.fragments.get(int(match.group(1)), (None, ""))
        if src_uri != page.file.src_uri:
            raise ValueError(f"{page.file.src_uri}: fragment {match.group(1)} was lost")
        return value

    return PLACEHOLDER.sub(fill, html)
