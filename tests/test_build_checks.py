"""The strict build fails on bad input, with a message naming the file and the fix.

Each case is a fixture site (tests/fixtures/sites/<name>) that overlays the
clean 'control' site with the one file it breaks.
"""

import pytest


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
            "Doc file 'modules/m.md' contains a link '../missing.md', but the target "
            "'missing.md' is not found among documentation files.",
        ),
        (
            "broken-anchor",
            "Doc file 'index.md' contains a link 'modules/m.md#no-such-part', but the doc "
            "'modules/m.md' does not contain an anchor '#no-such-part'.",
        ),
        (
            "missing-translation",
            "training: docs/modules/m.md:1: no translation into Italiano (it): "
            "add docs/modules/m.it.md.",
        ),
        (
            "orphan-translation",
            "training: docs/modules/extra.it.md:1: translation with no English page: "
            "add docs/modules/extra.md or remove this file.",
        ),
        (
            "anchor-mismatch",
            "training: docs/modules/m.it.md:15: heading 'La parte' is level 2 with anchor "
            "#la-parte; the English heading at docs/modules/m.md:15 is level 2 with anchor "
            "#the-part. Use the same level and anchor.",
        ),
        (
            "unknown-marker",
            "training: docs/index.md:12: unknown marker '<!-- training:quizz -->'. "
            "Known markers: training:modules.",
        ),
        (
            "missing-ui-string",
            "training: locales/it.yml: key 'permalink_title' is missing; "
            "translate it from locales/en.yml.",
        ),
    ],
)
def test_strict_build_fails_and_names_the_file(fixture_site, fixture, message):
    build = fixture_site(fixture)
    assert build.returncode == 1, build.output
    assert message in build.output
    assert "Aborted with" in build.output


def test_each_problem_is_reported_once(fixture_site):
    build = fixture_site("missing-ui-string")
    assert build.output.count("key 'permalink_title' is missing") == 1
