"""Text that reaches HTML: front matter, locale strings and theme labels are text, escaped once wherever printed.

Material's templates print page.meta values and theme labels as they are
(they may hold HTML by design). Ours are text, so they are handed over
escaped, as `Markup`: printed raw they show as text, and a template that
escapes them again (`| e`) leaves them as they are.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.pages import Page


def text(value: str) -> Markup:
    """`value` as HTML text. The apostrophe stays as it is: every template attribute is double-quoted."""
    if isinstance(value, Markup):
        return value
    return Markup(
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def plain(value):
    """The text of a value made by `text` (or any other value as it is), for code that escapes on its own."""
    return value.unescape() if isinstance(value, Markup) else value


def front_matter(page: Page) -> None:
    """Every text value of the page's front matter (title, description, ...) escaped for the templates."""
    for key, value in page.meta.items():
        if isinstance(value, str):
            # A title with "<" is reported by pages.py; the theme's tooltips would read it as HTML.
            page.meta[key] = text(value.replace("<", "\u2039") if key == "title" else value)
