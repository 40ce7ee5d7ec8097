"""YAML as authors write it (front matter, quizzes, glossary, strings): plain data, nothing more.

PyYAML keeps the last of two equal keys and says nothing: a second glossary
entry with the same id would silently replace the first. It also follows
anchors and aliases (`&a` / `*a`) and merge keys (`<<:`): twenty nested
aliases in a 21 KB quiz expand to billions of values, and whatever walks the
result (typography, checks, the renderer) never finishes. Authors write
text, so none of that is accepted: an anchor, an alias, a merge key, a key
that is not a string, nesting deeper than MAX_DEPTH or a text over MAX_BYTES
is an error with its line, raised before anything is built from the text.
(mkdocs.yml is the developers' file, read by MkDocs, not here.)
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

# Larger than any page's front matter, quiz, glossary or strings file needs
# (pages themselves stop at 512 KB, pages.py), small enough to read at once.
MAX_BYTES = 512 * 1024
# Quizzes and strings nest four or five levels; lists in Markdown stop at 20.
MAX_DEPTH = 20

_OPEN = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
# libyaml's scanner, when PyYAML has it, is about ten times faster than the pure-Python one.
if TYPE_CHECKING:
    # For the type checker, the pure-Python loader: libyaml's has the same interface.
    _SCANNER = yaml.SafeLoader
else:
    _SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NotPlainData(yaml.MarkedYAMLError):
    """YAML that is valid but not plain data; `problem` says what to do, `problem_mark` where."""

    def __init__(self, problem: str, mark: yaml.Mark) -> None:
        super().__init__(problem=problem, problem_mark=mark)


def check_plain(text: str) -> None:
    """Raise NotPlainData for an anchor, an alias, a tag, nesting too deep, or a text too large.

    Read as tokens, before any node is made: an alias bomb is refused in the
    time it takes to read its first anchor."""
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        mark = yaml.Mark("<text>", 0, 0, 0, None, 0)  # No buffer: the pointer is never read.
        raise NotPlainData(
            f"it is {size // 1024} KB, over the limit of {MAX_BYTES // 1024} KB for "
            "YAML written by authors: split it or shorten it",
            mark,
        )
    try:
        _check_tokens(text)
    except NotPlainData:
        raise
    except yaml.YAMLError:
        return  # Not valid YAML: load() reports it, in the pure-Python loader's words.


def _check_tokens(text: str) -> None:
    depth = 0
    for token in yaml.scan(text, Loader=_SCANNER):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            kind = "an anchor (&" if isinstance(token, yaml.AnchorToken) else "an alias (*"
            raise NotPlainData(
                f"{kind}{token.value}) is not allowed: anchors and aliases repeat text "
                "by reference; write each value out in full",
                token.start_mark,
            )
        if isinstance(token, yaml.TagToken):
            raise NotPlainData(
                "a tag (!...) is not allowed: write plain text, numbers, lists and "
                "'key: value' mappings",
                token.start_mark,
            )
        if isinstance(token, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                raise NotPlainData(
                    f"it nests deeper than {MAX_DEPTH} levels: flatten it", token.start_mark
                )
        elif isinstance(token, _CLOSE):
            depth -= 1


class _PlainDataCheck(SafeConstructor):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Mark] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise NotPlainData(
                        "a merge key (<<) is not allowed: write each key out in full",
                        key_node.start_mark,
                    )
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    raise NotPlainData(
                        f"the key {key_node.value!r} is read as a {type(key).__name__}, not "
                        "text: put it in quotes",
                        key_node.start_mark,
                    )
                first = seen.setdefault(key, key_node.start_mark)
                if first is not key_node.start_mark:
                    raise ConstructorError(
                        None,
                        None,
                        f"'{key}' is given twice (first on line {first.line + 1}); the second would "
                        "silently replace the first: keep one",
                        key_node.start_mark,
                    )
        return super().construct_mapping(node, deep=deep)


class _PlainData(_PlainDataCheck, yaml.SafeLoader):
    pass


class _FastPlainData(_PlainDataCheck, _SCANNER):
    pass


def load(text: str) -> Any:
    """Plain data from YAML, fast. NotPlainData (a YAMLError) for what check_plain
    refuses; any other YAML error is raised by the pure-Python loader, whose
    wording (and line) the checks' messages and their tests rely on."""
    check_plain(text)
    try:
        return yaml.load(text, Loader=_FastPlainData)  # A SafeLoader.
    except NotPlainData:
        raise
    except yaml.YAMLError:
        return yaml.load(text, Loader=_PlainData)  # A SafeLoader.


def hint(error: yaml.YAMLError, text: str) -> str:
    """What to do about a YAML error, from what is on its line: the same PyYAML
    message ("mapping values are not allowed here") comes from text holding ': '
    and from a key indented out of line, and the two need different fixes."""
    mark = getattr(error, "problem_mark", None)
    problem = str(getattr(error, "problem", "") or "")
    lines = text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    if "'\\t'" in problem:
        return "Indent with spaces, not tabs."
    if problem.startswith("mapping values are not allowed") and ": " in line[:column]:
        return "Quote text that contains ': ' with double quotes."
    if problem.startswith(
        ("mapping values are not allowed", "expected <block end>", "did not find expected")
    ):
        return (
            "Check the indentation of this line: the keys of one question (question, answers) and of one "
            "answer (text, correct, feedback) must start in the same column, with spaces."
        )
    if "is given twice" in problem:
        return ""  # The message says what to do already.
    return "Check the quoting and indentation of this line (README: knowledge checks)."
