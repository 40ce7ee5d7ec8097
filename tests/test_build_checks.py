"""The strict build fails on bad input, with a message naming the file and the fix.

Each case is a fixture site (tests/fixtures/sites/<name>) that overlays the
clean 'control' site with the one file it breaks.
"""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import make_site, mkdocs_build

from mkdocs_training.core import engine


def test_control_site_builds_cleanly(fixture_site):
    build = fixture_site("control")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output
    assert (build.site / "it" / "modules" / "m" / "index.html").exists()


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "broken-link",
            (
                "Doc file 'modules/m.md' contains a link '../missing.md', but the target "
                "'missing.md' is not found among documentation files."
            ),
        ),
        (
            "broken-anchor",
            (
                "Doc file 'index.md' contains a link 'modules/m.md#no-such-part', but the doc "
                "'modules/m.md' does not contain an anchor '#no-such-part'."
            ),
        ),
        (
            "orphan-translation",
            (
                "training: docs/modules/extra.it.md:1: translation with no English page: "
                "add docs/modules/extra.md or remove this file."
            ),
        ),
        (
            "anchor-mismatch",
            (
                "training: docs/modules/m.it.md:21: heading 'La parte' is level 2 with anchor "
                "#la-parte; the English heading at docs/modules/m.md:17 is level 2 with anchor "
                "#the-part. Use the same level and anchor."
            ),
        ),
        (
            "unknown-marker",
            (
                "training: docs/index.md:14: unknown marker '<!-- training:quizz -->'. "
                "Known markers: training:criteria, training:glossary, training:languages, training:modules, "
                "training:scorecard, training:translations."
            ),
        ),
        (
            "malformed-front-matter",
            (
                "training: docs/modules/m.md:2: front matter is not valid YAML (while scanning a "
                "quoted scalar; found unexpected end of stream). Fix it, or the page would be "
                "published with its front matter as text."
            ),
        ),
        (
            "unknown-suffix",
            (
                "training: docs/modules/m.fr.md:1: 'fr' is not a language of this site (en, it). "
                "Add it under plugins > i18n > languages in mkdocs.yml, or rename the file."
            ),
        ),
        (
            "not-utf8",
            "training: docs/modules/m.it.md:14: not UTF-8 (byte 0xe8). Save the file as UTF-8.",
        ),
        (
            "empty-page",
            "training: docs/modules/m.it.md:1: the page is empty. Write its content, or delete the file.",
        ),
        (
            "missing-anchor",
            (
                "training: docs/modules/m.it.md:21: heading 'La parte' has no pinned anchor. Add one, "
                "e.g. '## La parte { #la-parte }', and use the same anchor in every translation."
            ),
        ),
        (
            "missing-nested-ui-string",
            (
                "training: locales/it.yml: key 'notice.missing_title' is missing; "
                "translate it from locales/en.yml."
            ),
        ),
        (
            "bad-review-date",
            (
                "training: docs/modules/m.md:5: last_reviewed '23/11/2026' is not a date. "
                "Write it as YYYY-MM-DD, e.g. last_reviewed: 2026-11-23."
            ),
        ),
        (
            "missing-ui-string",
            (
                "training: locales/it.yml: key 'permalink_title' is missing; "
                "translate it from locales/en.yml."
            ),
        ),
        (
            "plural-missing-category",
            (
                "training: locales/it.yml:29: 'quiz.result' has no 'one' form; Italian needs the plural "
                "categories one, many, other. Add 'one:'."
            ),
        ),
        (
            "plural-unknown-category",
            (
                "training: locales/it.yml:29: 'quiz.result' has a 'few' form, which is not a plural category "
                "of Italian (one, many, other). Remove it or correct its name."
            ),
        ),
        (
            "guessable-quiz",
            (
                "training: docs/modules/m.md:23: the correct answer is the longest option in 3 of 3 questions, "
                "so picking the longest scores. Balance the lengths: make wrong answers as long and specific "
                "as the right ones."
            ),
        ),
        (
            "guessable-quiz",
            (
                "training: docs/modules/m.md:23: every single-choice question has its correct answer at "
                "position 1. Vary where they are (the PDF's answer key keeps this order)."
            ),
        ),
        (
            "repeated-hint",
            (
                "training: docs/modules/m.md:24: question 1 says 'Choose all that apply.', which the hint under "
                "it already says ('Choose all the answers that are correct.'). Remove it from the question."
            ),
        ),
    ],
)
def test_strict_build_fails_and_names_the_file(fixture_site, fixture, message):
    build = fixture_site(fixture)
    assert build.returncode == 1, build.output
    assert message in build.output
    assert "Aborted with" in build.output


@pytest.mark.parametrize(
    ("fixture", "needle"),
    [
        ("missing-ui-string", "key 'permalink_title' is missing"),
        ("malformed-front-matter", "docs/modules/m.md:2: front matter is not valid YAML"),
        ("not-utf8", "not UTF-8"),
        ("missing-nested-ui-string", "notice.missing_title"),
        ("plural-missing-category", "has no 'one' form"),
        ("plural-unknown-category", "has a 'few' form"),
        ("repeated-hint", "question 1 says"),
    ],
)
def test_each_problem_is_reported_once_and_alone(fixture_site, fixture, needle):
    build = fixture_site(fixture)
    ours = [line for line in build.output.splitlines() if line.startswith("WARNING -  training:")]
    assert build.output.count(needle) == 1
    assert len(ours) == 1, ours
    assert "Traceback" not in build.output


def polish_site(tmp_path: Path, categories: list[str]) -> Path:
    """The control site with Polish added (its pages not translated yet): its
    strings are the English ones, with plural maps of `categories`."""
    project = make_site(tmp_path, "control")
    config = project / "mkdocs.yml"
    polish = "        - locale: pl\n          name: Polski\n          theme:\n            language: pl\n\n"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        - locale: it\n", polish + "        - locale: it\n"
        ),
        encoding="utf-8",
    )
    strings = yaml.safe_load((project / "locales" / "en.yml").read_text(encoding="utf-8"))
    forms = {
        "one": "{minutes} minuta czytania",
        "few": "{minutes} minuty czytania",
        "many": "{minutes} minut czytania",
        "other": "{minutes} minuty czytania",
        "two": "?",
    }
    strings["reading_time"] = {category: forms[category] for category in categories}
    for group, key in (("quiz", "result"), ("notice", "outdated_text")):
        english = strings[group][key]
        strings[group][key] = {
            category: english.get(category, english["other"]) for category in categories
        }
    (project / "locales" / "pl.yml").write_text(
        yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8"
    )
    shutil.copy(project / "glossary" / "en.yml", project / "glossary" / "pl.yml")
    return project


@pytest.mark.build
def test_a_language_with_other_plural_categories_builds_with_its_own_forms(tmp_path):
    # Polish has one, few, many and other, where English has one and other.
    build = mkdocs_build(
        polish_site(tmp_path, ["one", "few", "many", "other"]) / "mkdocs.yml",
        tmp_path / "site",
        preview=True,
    )
    assert build.returncode == 0, build.output
    home = (build.site / "pl" / "index.html").read_text(encoding="utf-8")
    assert "1 minuta czytania" in home  # The control module reads in 1 minute: Polish 'one'.


@pytest.mark.build
def test_a_language_missing_its_own_plural_categories_fails_the_build(tmp_path):
    build = mkdocs_build(
        polish_site(tmp_path, ["one", "other"]) / "mkdocs.yml", tmp_path / "site", preview=True
    )
    assert build.returncode == 1
    assert re.search(
        r"training: locales/pl\.yml:\d+: 'reading_time' has no 'few' form; Polish needs the "
        r"plural categories one, few, many, other\. Add 'few:'\.",
        build.output,
    ), build.output


def _build(project: Path, out: Path, **env: str):
    import os
    import subprocess

    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SITE_URL", "TRAINING_PREVIEW", "TRAINING_OFFLINE", "TRAINING_PUBLISH")
    }
    return subprocess.run(
        engine.command("build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)),
        cwd=project,
        capture_output=True,
        text=True,
        env=engine.environment(environment, **env),
        check=False,
    )


@pytest.mark.build
def test_publishing_without_a_public_address_fails(tmp_path):
    project = make_site(tmp_path, "control")
    result = _build(project, tmp_path / "site", TRAINING_PUBLISH="on", TRAINING_PREVIEW="on")
    assert result.returncode == 1
    assert (
        "training: mkdocs.yml: site_url is http://127.0.0.1:8000/, a local address" in result.stderr
        and "SITE_URL=https://training.example.com/ make publish" in result.stderr
    )
    published = _build(
        project,
        tmp_path / "public",
        TRAINING_PUBLISH="on",
        TRAINING_PREVIEW="on",
        SITE_URL="https://training.example.com/",
    )
    assert published.returncode == 0, published.stderr
    assert "local address" not in published.stderr


@pytest.mark.build
def test_a_full_build_with_a_local_address_says_so_loudly(tmp_path):
    project = make_site(tmp_path, "control")
    result = _build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "! NOT FOR PUBLISHING: mkdocs.yml: site_url is http://127.0.0.1:8000/" in result.stderr


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://127.1.2.3/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("https://training.example.com/", False),
        ("http://10.0.0.5/", False),
    ],
)
def test_local_addresses(url, local):
    from mkdocs_training.publish import site_address

    assert site_address.is_local(url) is local
