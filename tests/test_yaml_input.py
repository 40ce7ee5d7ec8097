"""YAML written by authors is plain data: no anchors, aliases, merge keys, tags or
non-text keys, nothing too deep or too large, each refused with its file and line.

Finding 2 of issue 19: a 21 KB quiz of nested anchors and aliases was read
in full, and a locale file of the same kind made the build run out of memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_SITES, make_site, mkdocs_build

from mkdocs_training.core import yamlfile

ANCHOR = "an anchor (&{}) is not allowed: anchors and aliases repeat text by reference; write each value out in full."


def line_of(path: Path, needle: str) -> int:
    return next(
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in text
    )


# -----------------------------------------------------------------------------
# Each kind of input, in a fixture site: the strict build stops, naming the file and line
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "where", "anchor"),
    [
        # The quiz: each answer's text a list of 175 aliases of the one before.
        ("yaml-alias-bomb", "docs/modules/m.md:{line}: quiz: ", "l0"),
        # Front matter, locale strings, glossary: mappings of ten aliases of the one before.
        ("yaml-alias-bomb-front-matter", "docs/modules/m.md:{line}: front matter: ", "laughs0"),
        ("yaml-alias-bomb-locale", "locales/it.yml:{line}: ", "laughs0"),
        ("yaml-alias-bomb-glossary", "glossary/it.yml:{line}: ", "laughs0"),
    ],
)
@pytest.mark.build
def test_an_alias_bomb_stops_the_build_with_file_and_line(tmp_path, fixture, where, anchor):
    project = make_site(tmp_path, fixture)
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert build.returncode == 1
    source = where.split(":")[0]
    line = line_of(project / source, f"&{anchor} ")
    assert f"WARNING -  training: {where.format(line=line)}{ANCHOR.format(anchor)}" in build.output
    assert "Traceback" not in build.output and "MemoryError" not in build.output
    # Reported once, as a file: not again as every key or answer it made unreadable.
    assert build.output.count("WARNING") == 1, build.output


@pytest.mark.build
def test_a_quiz_that_cannot_be_read_is_not_published_as_an_empty_check(tmp_path):
    project = make_site(tmp_path, "yaml-alias-bomb")
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    page = (build.site / "modules" / "m" / "index.html").read_text(encoding="utf-8")
    assert "This knowledge check could not be read, so it is not shown." in page
    assert (
        "training-quiz"
        not in page.split('<article class="md-content__inner')[1].split("</article>")[0]
    )


def test_the_bomb_is_refused_at_its_first_anchor():
    """Refused while reading tokens, before any value is built: by construction, not by a time limit."""
    text = (FIXTURE_SITES / "yaml-alias-bomb" / "docs" / "modules" / "m.md").read_text(
        encoding="utf-8"
    )
    block = text.split("```quiz\n")[1].split("```")[0]
    assert len(text.encode("utf-8")) > 20_000
    with pytest.raises(yamlfile.NotPlainData) as error:
        yamlfile.load(block)
    assert error.value.problem_mark.line == 2  # The third line of the block: the first anchor.


# -----------------------------------------------------------------------------
# What plain data excludes, each with its line
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: x\nb: *a\n", 2, "an alias (*a) is not allowed"),
        ("a: &x x\n", 1, "an anchor (&x) is not allowed"),
        ("a: 1\n<<: {b: 2}\n", 2, "a merge key (<<) is not allowed"),
        ("a: 1\n1: one\n", 2, "the key '1' is read as a int, not text: put it in quotes"),
        ("a: 1\nyes: one\n", 2, "the key 'yes' is read as a bool, not text: put it in quotes"),
        ("a: 1\n2026-01-01: x\n", 2, "the key '2026-01-01' is read as a date, not text"),
        ("a: !!python/object:os.system x\n", 1, "a tag (!...) is not allowed"),
        ("a: !!str x\n", 1, "a tag (!...) is not allowed"),
        ("a: " + "[" * 20 + "]" * 20 + "\n", 1, "it nests deeper than 20 levels: flatten it"),
        ("a: '" + "x" * yamlfile.MAX_BYTES + "'\n", 1, "over the limit of 512 KB"),
    ],
)
def test_what_is_not_plain_data_is_refused_with_its_line(text, line, message):
    with pytest.raises(yamlfile.NotPlainData) as error:
        yamlfile.load(text)
    assert message in error.value.problem
    assert error.value.problem_mark.line + 1 == line


@pytest.mark.parametrize(
    "text",
    [
        "title: A module\nlast_reviewed: 2026-11-23\nmastery_score: 90\n",
        '- question: Why?\n  answers:\n    - {text: "Because: it is", correct: true, feedback: Yes.}\n',
        "a: " + "[" * 19 + "]" * 19 + "\n",  # With the mapping around it, 20 levels.
        "'1': one\n\"yes\": quoted keys are text\n",
    ],
)
def test_plain_data_is_read_as_before(text):
    assert yamlfile.load(text) == __import__("yaml").safe_load(text)
