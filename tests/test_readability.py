"""Every page reads easily: Flesch reading ease (English) and Gulpease (Italian) of 60 or more.

The figures are printed for every page (mkdocs_training/checks/readability.py says
what counts as prose); tests/fixtures/readability/ has pages that fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_training.checks import readability

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "readability"


def run(docs: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_training.checks.readability", str(docs)],
        cwd=docs.parent,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_page_reaches_the_target(capsys):
    result = run(ROOT / "docs")
    with capsys.disabled():  # The figures are for people to read, pass or fail.
        print("\n" + result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docs/modules/supplier-guidelines.it.md" in result.stdout


def test_hard_pages_fail_and_are_named():
    result = run(FIXTURE / "docs")
    assert result.returncode == 1
    lines = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert "below 60" in lines["docs/hard.md"] and "Flesch" in lines["docs/hard.md"]
    assert "below 60" in lines["docs/hard.it.md"] and "Gulpease" in lines["docs/hard.it.md"]
    assert "below" not in lines["docs/easy.md"] and "below" not in lines["docs/easy.it.md"]


@pytest.mark.parametrize(
    "prose, language, expected",
    [
        # 6 words, 2 sentences, 6 syllables: 206.835 - 1.015 * 3 - 84.6 * 1.
        ("The cat sat. The dog ran.", "en", 206.835 - 1.015 * 3 - 84.6),
        # 6 words, 2 sentences, 23 letters: 89 + (300 * 2 - 10 * 23) / 6.
        ("Il gatto dorme. Il cane corre.", "it", 89 + (600 - 230) / 6),
    ],
)
def test_formulas(prose, language, expected):
    assert readability.measure(prose, language)[0] == pytest.approx(expected)


def test_prose_leaves_out_markup_and_counts_list_items_as_sentences():
    text = (
        "---\ntitle: T\n---\n\n# A heading { #a }\n\nSee [the page](other.md#x).\n\n"
        '- one item\n- two items\n\n```quiz\n- question: Left out?\n```\n\n<span lang="en">Kept</span>\n'
    )
    prose = readability.prose(text, ROOT, "en")
    assert "heading" not in prose and "other.md" not in prose and "question" not in prose
    assert readability.sentences_of(prose) == [
        "See [the page]",
        "- one item",
        "- two items",
        " Kept ",
    ]


def test_syllables():
    assert [
        readability.syllables(w) for w in ("cat", "service", "table", "supplier", "agreed", "the")
    ] == [1, 2, 2, 3, 2, 1]
