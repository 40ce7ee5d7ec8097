"""Each language's policy in mkdocs.yml: `required` fails the check on a missing, outdated or
unreviewed page, `partial` only warns; a new, never-marked translation is "not yet reviewed".

Fixture sites: 'missing-translation' (no Italian module), 'not-reviewed' (an
Italian module never marked current), 'outdated' (marked, then the English changed).
"""

from __future__ import annotations

import pytest
from conftest import make_site
from test_translations import rows, status


def set_policy(project, text: str) -> None:
    config = project / "mkdocs.yml"
    before = config.read_text(encoding="utf-8")
    after = before.replace("  - training:\n", f"  - training:\n      translations:\n{text}", 1)
    assert after != before
    config.write_text(after, encoding="utf-8")


def test_a_translation_never_marked_is_not_yet_reviewed_not_outdated(tmp_path):
    project = make_site(tmp_path, "not-reviewed")
    result = status(project, "--check")
    assert result.returncode == 1
    assert rows(result.stdout)[1:] == [
        "docs/modules/m.md it not yet reviewed",
        (
            "docs/modules/m.it.md: never marked as reviewed (no 'translated_from' in its front matter). "
            "Once reviewed: make translated FILE=docs/modules/m.it.md"
        ),
    ]
    assert "1 up to date, 1 not yet reviewed." in result.stdout


@pytest.mark.parametrize("fixture", ["missing-translation", "outdated", "not-reviewed"])
def test_a_required_language_fails_the_check(tmp_path, fixture):
    project = make_site(tmp_path, fixture)
    set_policy(project, "        it: required\n")
    result = status(project, "--check")
    assert result.returncode == 1, result.stdout
    assert "warnings only" not in result.stdout


@pytest.mark.parametrize("fixture", ["missing-translation", "outdated", "not-reviewed"])
def test_a_partial_language_only_warns(tmp_path, fixture):
    project = make_site(tmp_path, fixture)
    set_policy(project, "        it: partial\n")
    result = status(project, "--check")
    assert result.returncode == 0, result.stdout
    assert "Partial language (mkdocs.yml), so warnings only: it." in result.stdout.splitlines()


def test_a_partial_language_still_fails_on_an_orphan(tmp_path):
    project = make_site(tmp_path, "orphan-translation")
    set_policy(project, "        it: partial\n")
    assert status(project, "--check").returncode == 1


@pytest.mark.parametrize(
    ("policy", "message"),
    [
        (
            "        it: optional\n",
            (
                "'it: optional' is not a policy. Write 'it: required' (checks fail on a missing or outdated page) "
                "or 'it: partial' (they only warn)."
            ),
        ),
        (
            "        fr: partial\n",
            (
                "mkdocs.yml: plugins > training > translations names fr, not a translated language of this site (it). "
                "Remove it, or add the language under plugins > i18n > languages."
            ),
        ),
    ],
)
def test_a_wrong_policy_is_named_with_its_fix(tmp_path, policy, message):
    project = make_site(tmp_path, "control")
    set_policy(project, policy)
    result = status(project)
    assert result.returncode == 1
    assert message in result.stderr
