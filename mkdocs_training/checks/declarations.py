"""Markup declarations (`<![...`, `<!DOCTYPE x[...`) that stop Python's HTML parser: reported, and made text.

MkDocs reads every page's Markdown with html.parser (for its anchors)
before rendering it. On Python before 3.13 that parser raises on some
declarations (`<![>`, a DOCTYPE with an internal subset), and the build
ends in a traceback naming no page. A page holding one gets a warning with
its file and line, and the `<` is written `&lt;`, so the build goes on and
shows it as text.
"""

from __future__ import annotations

from html.parser import HTMLParser

from mkdocs.structure.pages import Page

from mkdocs_training.core.context import Build, Site, source_path
from mkdocs_training.core.log import log

# Comments (`<!--`) are read without trouble; anything else after `<!` is rare in a page.
MARKER = "<!"


def _stop(text: str) -> int | None:
    """The offset of the `<` where html.parser gives up on `text`, or None if it reads it all."""
    parser = HTMLParser(convert_charrefs=True)
    try:
        parser.feed(text)
        parser.close()
    except AssertionError:
        line, column = parser.getpos()
        start = sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + column
        # The parser stops inside the declaration, after its `<!`.
        found = text.rfind(MARKER, 0, start + 1)
        return found if found >= 0 else None
    return None


def made_readable(markdown: str, page: Page, build: Build, site: Site) -> str:
    """The page's Markdown with each declaration html.parser stops on written as text, and a warning for it."""
    if MARKER not in markdown.replace("<!--", ""):
        return markdown
    offset = site.body(source_path(page))[1]
    for _ in range(markdown.count(MARKER)):  # Each one once at most.
        index = _stop(markdown)
        if index is None:
            break
        if not build.is_fallback(page):  # A fallback page is reported in its own language's build.
            line = markdown.count("\n", 0, index) + 1 + offset
            shown = markdown[index : index + 20].split("\n")[0]
            log.warning(
                f"docs/{page.file.src_uri}:{line}: '{shown}' is a markup declaration the build cannot "
                "read; it is shown as text. Remove it, or write '&lt;!' to show it."
            )
        markdown = f"{markdown[:index]}&lt;{markdown[index + 1 :]}"
    return markdown
