"""One reading of each page: its text, front matter and body, split as the engine splits them.

Every feature that needs a page's front matter or Markdown takes them from a
`Source` made here (pages.py makes one per file, once per build), never by
reading and splitting the file again. The split is the engine's own
(`properdocs.utils.meta.get_data`, which `tests/test_sources.py` compares
with it): the file is read as UTF-8 without its byte-order mark and with
Windows line ends made plain (as `File.content_string` reads it), the front
matter opens with a `---` line and closes at the next `---` or `...` line,
which must end in a line break. Where the engine would publish the front
matter as text (it does not close, is empty, is not valid YAML, or is not
`key: value` lines), or take a first `key: value` line without a fence out of
the page (MultiMarkdown metadata), `split` raises `FrontMatterError` naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mkdocs_training.core import i18n, yamlfile
from mkdocs_training.core.problems import Problem

# The engine's pattern (properdocs/utils/meta.py, YAML_RE), anchored at the start.
# A `---` inside a value never closes it early: YAML itself refuses a `---`
# line inside a quoted string, and an indented or mid-line one is no fence.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
OPENING = re.compile(r"\A-{3}[ \t]*(?:\n|\Z)")
# Without a fence the engine takes 'key: value' lines at the top for metadata
# (MultiMarkdown's, meta.py META_RE) and removes them from the page.
MULTIMARKDOWN = re.compile(r"\A[ ]{0,3}[A-Za-z0-9_-]+:")


class FrontMatterError(ValueError):
    """Front matter the engine would publish as text; `line` is in the file (1-based)."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message

    @property
    def problem(self) -> Problem:
        return Problem(self.path, self.line, self.message)


def plain_text(text: str) -> str:
    """The text as the engine reads a page: no byte-order mark, '\\n' line ends."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def fence(text: str) -> tuple[str | None, int]:
    """(the front matter's YAML or None, where the text after its closing fence starts), without reading the YAML.

    `text` is plain (plain_text); a page with no closing fence has no front matter here."""
    match = FRONT_MATTER.match(text)
    return (match.group(1), match.end()) if match else (None, 0)


def body_of(text: str) -> tuple[str, int]:
    """The page's body as the engine has it (page.markdown: after the front matter and
    the blank lines that follow it), and how many lines of the file come before it."""
    _, end = fence(text)
    body = text[end:].lstrip("\n") if end else text
    return body, text.count("\n", 0, len(text) - len(body))


def split(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, lines before the body) of a page's plain text, the body as in body_of.

    FrontMatterError where the engine would not read the front matter as such."""
    front, _ = fence(text)
    if front is None:
        if OPENING.match(text):
            raise FrontMatterError(
                path,
                1,
                "front matter starts with '---' but has no closing '---' line "
                "(a '---' line, then a line break). Close it, or the page would be "
                "published with its front matter as text.",
            )
        if MULTIMARKDOWN.match(text):
            raise FrontMatterError(
                path,
                1,
                "the first line reads as 'key: value', which the engine would take out of the page "
                "as metadata. Start the page with front matter between '---' lines.",
            )
        return {}, text, 0
    try:
        loaded = yamlfile.load(front)
    except yaml.YAMLError as error:
        # Where the broken value starts (an unclosed quote), else where YAML gave up.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening ---.
        reason = "; ".join(
            filter(None, [getattr(error, "context", None), getattr(error, "problem", None)])
        ) or str(error)
        if isinstance(error, yamlfile.NotPlainData):  # Valid YAML, but more than the text it holds.
            raise FrontMatterError(path, line, f"front matter: {reason}.") from None
        raise FrontMatterError(
            path,
            line,
            f"front matter is not valid YAML ({reason}). Fix it, or the "
            "page would be published with its front matter as text.",
        ) from None
    if loaded is None:
        raise FrontMatterError(
            path,
            1,
            "front matter is empty, and the engine would publish its '---' "
            "lines as text. Write title, description, owner and last_reviewed in it.",
        )
    if not isinstance(loaded, dict):
        raise FrontMatterError(path, 2, "front matter must be 'key: value' lines (a YAML mapping).")
    body, offset = body_of(text)
    return loaded, body, offset


def meta_of(text: str) -> dict[str, Any]:
    """The front matter of a file that is not a page of this build (a kept copy, a scaffold); {} when broken."""
    try:
        return split(plain_text(text), Path("-"))[0]
    except FrontMatterError:
        return {}


@dataclass(frozen=True)
class Source:
    """A page as read once: where it is, its language, and its text split into front matter and body."""

    path: Path  # As shown in messages: relative to the project.
    src_uri: str  # Relative to docs/, '/'-separated: modules/m.pt-BR.md
    language: (
        str | None
    )  # The file name's language suffix; None for a page in the default language.
    english_uri: str  # The default language's page of it: modules/m.md
    text: str  # Plain (plain_text): what line numbers count in.
    meta: dict[str, Any]
    body: str  # The Markdown after the front matter, as the engine's page.markdown.
    body_line: int  # Lines of the file before the body: line n of the body is line body_line + n.

    @classmethod
    def of(cls, text: str, path: Path, src_uri: str, codes: list[str]) -> Source:
        """The page's Source; FrontMatterError as split."""
        text = plain_text(text)
        meta, body, body_line = split(text, path)
        english_uri, language = i18n.split_locale(src_uri, codes)
        return cls(path, src_uri, language, english_uri, text, meta, body, body_line)

    @property
    def front_matter_lines(self) -> int:
        """Lines of the front matter, its fences included (the blank lines after it are the body's)."""
        return self.text.count("\n", 0, fence(self.text)[1])

    @property
    def stem(self) -> str:
        """The page's name without folder, language or extension, the same in every language: m."""
        return Path(self.english_uri).stem


# A module's id: lower-case words joined by dashes, as file names are.
MODULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def module_id(meta: Mapping[str, Any], stem: str) -> str:
    """A module's id: its front matter's `id`, else the English file's name.

    The reader's progress, the PDF's name and the LMS package's identifiers are
    keyed by it, so a module keeps them when its file is renamed: set
    `id: <the old name>` in every language's page first (core/pages.py checks
    its form, translations/status.py that each language says the same)."""
    value = meta.get("id")
    return value if isinstance(value, str) and value else stem
