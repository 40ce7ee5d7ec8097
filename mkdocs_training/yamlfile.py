"""YAML as authors write it (front matter, quizzes, glossary, strings), where a key given twice is an error.

PyYAML keeps the last of two equal keys and says nothing: a second glossary
entry with the same id would silently replace the first.
"""

from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError


class _UniqueKeysCheck:
    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node.start_mark)
                except TypeError:  # An unhashable key: PyYAML reports it below.
                    continue
                if first is not key_node.start_mark:
                    raise ConstructorError(
                        None, None,
                        f"'{key}' is given twice (first on line {first.line + 1}); the second would "
                        "silently replace the first: keep one",
                        key_node.start_mark,
                    )
        return super().construct_mapping(node, deep=deep)


class _UniqueKeys(_UniqueKeysCheck, yaml.SafeLoader):
    pass


# libyaml's parser, when PyYAML has it, is about ten times faster than the
# pure-Python one: with hundreds of pages, most of the checks' time.
class _FastUniqueKeys(_UniqueKeysCheck, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def load(text: str):
    """Safe YAML, fast; a YAML error is raised by the pure-Python loader, whose
    wording (and line) the checks' messages and their tests rely on."""
    try:
        return yaml.load(text, Loader=_FastUniqueKeys)  # noqa: S506 - a SafeLoader.
    except yaml.YAMLError:
        return yaml.load(text, Loader=_UniqueKeys)  # noqa: S506 - a SafeLoader.


def hint(error: yaml.YAMLError, text: str) -> str:
    """What to do about a YAML error, from what is on its line: the same PyYAML
    message ("mapping values are not allowed here") comes from text holding ': '
    and from a key indented out of line, and the two need different fixes."""
    mark = getattr(error, "problem_mark", None)
    problem = str(getattr(error, "problem", "") or "")
    lines = text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "'\\t'" in problem:
        return "Indent with spaces, not tabs."
    if problem.startswith("mapping values are not allowed") and ": " in line[: mark.column]:
        return "Quote text that contains ': ' with double quotes."
    if problem.startswith(("mapping values are not allowed", "expected <block end>", "did not find expected")):
        return ("Check the indentation of this line: the keys of one question (question, answers) and of one "
                "answer (text, correct, feedback) must start in the same column, with spaces.")
    if "is given twice" in problem:
        return ""  # The message says what to do already.
    return "Check the quoting and indentation of this line (README: knowledge checks)."
