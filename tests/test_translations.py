"""Translation status: the command authors run, and what readers see for each state.

Fixture sites (tests/fixtures/sites) hold one state each: 'control' is up to
date, 'outdated' changed one English section, 'missing-translation' has no
Italian module, 'orphan-translation' has an Italian page with no English one,
'anchor-mismatch' is a current translation with a different anchor.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import make_site, mkdocs_build, run_cli, soup


def status(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m mkdocs_training translations <args>` (in this process; make test also runs the
    real command, `translations --check`, on the project)."""
    return run_cli(project, "translations", *args)


def rows(output: str) -> list[str]:
    """The table rows, with the column padding squeezed: 'docs/x.md it up to date'."""
    lines = output.split("\n\n")[0].splitlines()[1:]
    return [re.sub(r"\s{2,}", " ", line.strip()) for line in lines]


@pytest.mark.parametrize(
    ("fixture", "expected_rows", "exit_code"),
    [
        ("control", ["docs/index.md it up to date", "docs/modules/m.md it up to date"], 0),
        (
            "outdated",
            [
                "docs/index.md it up to date",
                "docs/modules/m.md it outdated: #the-part",
                # What changed in the English since the translation was made (translated-from/).
                "#the-part (The part):",
                "@@ line 19",
                "- Back to the [home page](../index.md).",
                "+ Back to the [home page](../index.md), now with more to say.",
            ],
            1,
        ),
        ("missing-translation", ["docs/index.md it up to date", "docs/modules/m.md it missing"], 1),
        (
            "orphan-translation",
            [
                "docs/index.md it up to date",
                "docs/modules/extra.it.md it orphan",
                "docs/modules/m.md it up to date",
            ],
            1,
        ),
        (
            "anchor-mismatch",
            [
                "docs/index.md it up to date",
                "docs/modules/m.md it structure mismatch",
                (
                    "docs/modules/m.it.md:21: heading 'La parte' is level 2 with anchor #la-parte; the "
                    "English heading at docs/modules/m.md:17 is level 2 with anchor #the-part. Use the "
                    "same level and anchor."
                ),
            ],
            1,
        ),
    ],
)
def test_status_command_reports_each_state(tmp_path, fixture, expected_rows, exit_code):
    project = make_site(tmp_path, fixture)
    result = status(project, "--check")
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert rows(result.stdout) == expected_rows


def test_status_without_check_only_reports(tmp_path):
    project = make_site(tmp_path, "outdated")
    result = status(project)
    assert result.returncode == 0
    assert "1 up to date, 1 outdated." in result.stdout


def test_mark_records_a_reviewed_translation_as_current(tmp_path):
    project = make_site(tmp_path, "outdated")
    marked = status(project, "mark", "docs/modules/m.it.md")
    assert marked.returncode == 0, marked.stderr
    assert (
        marked.stdout == "docs/modules/m.it.md: recorded as current (1 section hashes updated).\n"
    )
    assert status(project, "--check").returncode == 0
    # The rest of the front matter is kept as written.
    text = (project / "docs" / "modules" / "m.it.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: Modulo di prova\ndescription: Un modulo di un sito di prova.\n"
    )


def test_mark_keeps_the_english_it_was_made_from(tmp_path):
    project = make_site(tmp_path, "outdated")
    kept = project / "translated-from" / "it" / "modules" / "m.md"
    assert "now with more to say" not in kept.read_text(encoding="utf-8")
    assert status(project, "mark", "docs/modules/m.it.md").returncode == 0
    assert kept.read_bytes() == (project / "docs" / "modules" / "m.md").read_bytes()


def test_outdated_without_a_kept_english_says_so_instead_of_a_diff(tmp_path):
    project = make_site(tmp_path, "outdated")
    (project / "translated-from" / "it" / "modules" / "m.md").unlink()
    assert rows(status(project).stdout)[1:] == [
        "docs/modules/m.md it outdated: #the-part",
        (
            "translated-from/it/modules/m.md: no copy of the English this translation was made from, so what "
            "changed cannot be shown. Mark the translation again once it is reviewed (make translated)."
        ),
    ]


def test_a_kept_english_that_is_not_what_was_recorded_shows_no_diff(tmp_path):
    project = make_site(tmp_path, "outdated")
    kept = project / "translated-from" / "it" / "modules" / "m.md"
    kept.write_text(
        kept.read_text(encoding="utf-8").replace("Summary.", "Another summary."), encoding="utf-8"
    )
    assert rows(status(project).stdout)[1:] == [
        "docs/modules/m.md it outdated: #the-part",
        (
            "translated-from/it/modules/m.md: this copy of the English is not the one the translation was made "
            "from (its sections differ from the translation's record), so what changed cannot be shown. Mark "
            "the translation again once it is reviewed (make translated)."
        ),
    ]


def test_a_section_new_in_english_shows_whole_as_added(tmp_path):
    project = make_site(tmp_path, "outdated")
    english = project / "docs" / "modules" / "m.md"
    english.write_text(
        english.read_text(encoding="utf-8") + "\n## A new part { #a-new-part }\n\nNew text.\n",
        encoding="utf-8",
    )
    assert rows(status(project).stdout)[7:] == [
        "#a-new-part (A new part):",
        "@@ line 21",
        "+ ## A new part { #a-new-part }",
        "+",
        "+ New text.",
    ]


def test_a_section_removed_from_english_shows_whole_as_removed(tmp_path):
    project = make_site(tmp_path, "outdated")
    english = project / "docs" / "modules" / "m.md"
    text = english.read_text(encoding="utf-8")
    english.write_text(text[: text.index("## The part")], encoding="utf-8")
    assert rows(status(project).stdout)[1:] == [
        "docs/modules/m.md it outdated: #the-part",
        (
            "docs/modules/m.it.md:21: extra heading 'La parte': the English page has no heading here. Remove it or "
            "add it to the English page first."
        ),
        "#the-part:",
        "@@ removed from the English",
        "- ## The part { #the-part }",
        "-",
        "- Back to the [home page](../index.md).",
    ]


def test_mark_refuses_a_page_that_is_not_a_translation(tmp_path):
    project = make_site(tmp_path, "control")
    result = status(project, "mark", "docs/modules/m.md")
    assert result.returncode == 1
    assert "not a translation (expected a name like page.it.md)" in result.stderr


def test_a_language_added_to_mkdocs_yml_is_tracked_like_italian(tmp_path):
    project = make_site(tmp_path, "control")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    french = "        - locale: fr\n          name: Français\n"
    config.write_text(
        text.replace("        - locale: it\n", french + "        - locale: it\n"), encoding="utf-8"
    )
    result = status(project, "--check")
    assert result.returncode == 1
    assert "docs/modules/m.md fr missing" in rows(result.stdout)
    assert "docs/modules/m.md it up to date" in rows(result.stdout)


# -----------------------------------------------------------------------------
# What readers get
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build a fixture site once per state."""
    cache = {}

    def build(name: str) -> Path:
        if name not in cache:
            tmp = tmp_path_factory.mktemp(name)
            result = mkdocs_build(make_site(tmp, name) / "mkdocs.yml", tmp / "site", preview=True)
            assert result.returncode == 0, result.output
            cache[name] = result.site
        return cache[name]

    return build


def test_outdated_translation_names_the_changed_sections_in_italian(built):
    page = soup(built("outdated") / "it" / "modules" / "m" / "index.html")
    notice = page.select_one("article [data-training-notice=outdated]")
    assert notice.select_one(".admonition-title").get_text() == "Traduzione da aggiornare"
    assert [a.get_text() for a in notice.select("li a")] == ["La parte"]
    # One part changed: the singular form of locales/it.yml's notice.outdated_text.
    assert notice.select("p")[1].get_text() == (
        "La versione inglese di questa pagina è cambiata dopo questa traduzione. È cambiata questa parte:"
    )
    assert notice.select_one("li a")["href"] == "#the-part"
    english = notice.select("p a")[-1]
    assert (english.get_text(), english["href"]) == (
        "Leggi la versione inglese",
        "../../../modules/m/",
    )


def test_current_translation_has_no_notice(built):
    assert (
        soup(built("control") / "it" / "modules" / "m" / "index.html").select(
            "[data-training-notice]"
        )
        == []
    )
    assert soup(built("outdated") / "it" / "index.html").select("[data-training-notice]") == []


def test_missing_translation_shows_english_marked_as_english(built):
    site = built("missing-translation")
    page = soup(site / "it" / "modules" / "m" / "index.html")
    assert page.html["lang"] == "it"  # The interface around it is Italian...
    notice = page.select_one("article [data-training-notice=missing]")
    assert notice.select_one(".admonition-title").get_text() == "Pagina non ancora tradotta"
    content = notice.find_next_sibling("div")
    assert content["lang"] == "en"  # ...the text is English, and says so.
    assert content.h1.get_text(strip=True).startswith("Fixture module")
    assert page.select_one("link[rel=canonical]")["href"] == "http://127.0.0.1:8000/modules/m/"
    assert page.select("link[rel=alternate][hreflang]") == []


def test_missing_translation_is_not_announced_as_italian(built):
    site = built("missing-translation")
    english = soup(site / "modules" / "m" / "index.html")
    assert [link["hreflang"] for link in english.select("link[rel=alternate][hreflang]")] == []
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8000/it/modules/m/" not in sitemap
    assert "<loc>http://127.0.0.1:8000/modules/m/</loc>" in sitemap
    home = soup(site / "it" / "index.html")
    card = home.select_one(".grid.cards li")
    assert "Solo in inglese" in card.get_text()


def test_missing_translation_stays_out_of_the_italian_search(built):
    import json

    site = built("missing-translation")
    italian = json.loads((site / "it" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert italian["config"]["lang"] == ["it"] and english["config"]["lang"] == ["en"]
    assert not [d for d in italian["docs"] if d["location"].startswith("modules/m/")]
    assert [d for d in english["docs"] if d["location"].startswith("modules/m/")]


def test_sitemap_lists_each_page_with_its_translations(built):
    sitemap = (built("control") / "sitemap.xml").read_text(encoding="utf-8")
    block = re.search(
        r"<url>\s*<loc>http://127.0.0.1:8000/it/modules/m/</loc>(.*?)</url>", sitemap, re.DOTALL
    ).group(1)
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block) == [
        ("en", "http://127.0.0.1:8000/modules/m/"),
        ("it", "http://127.0.0.1:8000/it/modules/m/"),
        ("x-default", "http://127.0.0.1:8000/modules/m/"),
    ]


# -----------------------------------------------------------------------------
# Marking checks: only a translation shaped like its English page is recorded
# -----------------------------------------------------------------------------


QUIZ = """
```quiz
- question: {question}
  answers:
    - text: No.
      feedback: Not so.
    - text: {answer}
      correct: true
      feedback: So.
```
"""


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        pytest.param(
            "{ #the-part }",
            "{ #la-parte }",
            "docs/modules/m.it.md:21: heading 'La parte' is level 2 with anchor #la-parte; the English "
            "heading at docs/modules/m.md:17 is level 2 with anchor #the-part. Use the same level and "
            "anchor.",
            id="anchor",
        ),
        pytest.param(
            "[pagina iniziale](../index.md)",
            "pagina iniziale",
            "docs/modules/m.it.md:21: section 'La parte' has 0 × link to ../index.md, the English has 1 "
            "(docs/modules/m.md:17). Make them match.",
            id="link",
        ),
        pytest.param(
            '!!! abstract "Punti chiave"',
            '!!! note "Punti chiave"',
            "docs/modules/m.it.md:12: section 'Modulo di prova' has 0 × admonition abstract, the English "
            "has 1 (docs/modules/m.md:8). Make them match.\n"
            "  docs/modules/m.it.md:16: section 'Modulo di prova' has 1 × admonition note, the English "
            "has 0 (docs/modules/m.md:8). Make them match.",
            id="admonition",
        ),
        # The correct answer moved first: the translation checks something else.
        pytest.param(
            "    - text: No.\n      feedback: Not so.\n    - text: Questa\n      correct: true\n",
            "    - text: Questa\n      correct: true\n      feedback: So.\n    - text: No.\n",
            "docs/modules/m.it.md:25: section 'La parte' has 1 × quiz question with 2 answers, correct: "
            "1, the English has 0 (docs/modules/m.md:17). Make them match.\n"
            "  docs/modules/m.it.md:21: section 'La parte' has 0 × quiz question with 2 answers, correct: "
            "2, the English has 1 (docs/modules/m.md:17). Make them match.",
            id="quiz",
        ),
        pytest.param(
            "    - Due.\n",
            "",
            "docs/modules/m.it.md:12: section 'Modulo di prova' has 1 × list item, the English has 2 "
            "(docs/modules/m.md:8). Make them match.",
            id="list",
        ),
    ],
)
def test_mark_refuses_a_translation_shaped_unlike_its_english(tmp_path, old, new, problem):
    project = make_site(tmp_path, "outdated")
    page = project / "docs" / "modules" / "m.it.md"
    kept = project / "translated-from" / "it" / "modules" / "m.md"
    # Both pages end with the same knowledge check, for the translation to change.
    for name, (question, answer) in {
        "m.md": ("Which?", "This"),
        "m.it.md": ("Quale?", "Questa"),
    }.items():
        path = project / "docs" / "modules" / name
        path.write_text(
            path.read_text(encoding="utf-8") + QUIZ.format(question=question, answer=answer),
            encoding="utf-8",
        )
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    before = page.read_bytes(), kept.read_bytes()
    result = status(project, "mark", "docs/modules/m.it.md")
    assert result.returncode == 1
    count = problem.count("\n") + 1
    assert result.stderr.splitlines() == [
        (
            f"docs/modules/m.it.md: not recorded as current: {count} problem(s) to fix first, then run make "
            "translated again."
        ),
        *f"  {problem}".splitlines(),
    ]
    assert (page.read_bytes(), kept.read_bytes()) == before  # Nothing recorded.
