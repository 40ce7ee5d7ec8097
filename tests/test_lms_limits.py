"""The largest suspend data a module can need, against SCORM 1.2's 4,096
characters: worked out by lms/limits.py, checked against what scorm-record.js
writes for a generated module, and enforced by `make lms`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from mkdocs_training.lms import limits, manifest, package
from mkdocs_training.lms.modules import Module
from tests.test_lms import packages  # noqa: F401 (fixture)


def generated_module(questions: int, answers: int, forms: int = 1) -> str:
    """A module page with `questions` multiple-answer questions of `answers` answers, in `forms` checks."""
    parts = []
    for f in range(1, forms + 1):
        fieldsets = []
        for q in range(1, questions // forms + 1):
            inputs = "".join(
                f'<div class="training-quiz__answer"><input type="checkbox" id="quiz-{f}-{q}-{a}" name="quiz-{f}-{q}" '
                f'value="{a}" data-correct="{"true" if a == 1 else "false"}"><label for="quiz-{f}-{q}-{a}">Answer {a}'
                "</label></div>"
                for a in range(1, answers + 1)
            )
            fieldsets.append(
                f'<fieldset class="training-quiz__question" id="quiz-{f}-{q}"><legend>{q}. Question?'
                f'</legend><p class="training-quiz__hint" id="quiz-{f}-{q}-hint">Hint.</p>{inputs}</fieldset>'
            )
        parts.append(
            f'<form class="training-quiz" data-training-quiz="quiz-{f}">{"".join(fieldsets)}'
            '<button type="submit">Check</button><p class="training-quiz__result"></p></form>'
        )
    return (
        '<!doctype html><html lang="en"><head><title>Big</title>'
        '<script src="../assets/javascripts/training.js"></script></head>'
        f'<body><article class="md-content">{"".join(parts)}</article></body></html>'
    )


def test_every_module_fits_scorm_12s_suspend_data(packages):  # noqa: F811 (the fixture)
    # The figures: python -m benchmarks.lms_suspend dist/lms
    for archive in sorted(packages.glob("*-scorm12.zip")):
        zipped = zipfile.ZipFile(archive)
        for name in [n for n in zipped.namelist() if n.endswith(".html")]:
            size = len(limits.largest_suspend_data(zipped.read(name).decode("utf-8")))
            assert 0 < size <= limits.SUSPEND_DATA_LIMIT[manifest.SCORM_12], (archive.name, name)


def test_the_largest_suspend_data_is_what_scorm_record_writes(browser):
    # A generated module far larger than any real one: 240 questions of 6 answers in 3 checks.
    html = generated_module(240, 6, forms=3)
    expected = limits.largest_suspend_data(html)
    assert 2000 < len(expected) <= 4096
    context = browser.new_context()
    page = context.new_page()
    page.set_content(html)
    page.add_script_tag(path=str(ROOT / "mkdocs_training" / "lms" / "scorm-record.js"))
    written = page.evaluate("""() => {
        const record = window.trainingScormRecord, state = {a: {}, s: {}, c: 1};
        const questions = document.querySelectorAll(".training-quiz__question").length;
        document.querySelectorAll("input").forEach(input => { input.checked = true; });
        document.querySelectorAll("form.training-quiz").forEach(form => {
            const id = form.getAttribute("data-training-quiz"), n = form.querySelectorAll("fieldset").length;
            state.a[id] = record.encodeAnswers(form);
            state.s[id] = [n, n, questions * 10];
        });
        return record.encode(state);
    }""")
    context.close()
    assert written == expected


@pytest.mark.slow  # Packages a 600-question module twice.
def test_make_lms_stops_on_a_module_whose_answers_would_not_fit(tmp_path):
    site = tmp_path / "site"
    (site / "modules").mkdir(parents=True)
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "assets" / "javascripts" / "training.js").write_text("", encoding="utf-8")
    (site / "modules" / "big.html").write_text(generated_module(600, 6), encoding="utf-8")
    big = Module("big", Path("docs/modules/big.md"), 80, {"en": "Big"}, {"en": ""}, "2026-12-01")
    with pytest.raises(package.PackagingError) as raised:
        package.build(
            ROOT,
            site,
            [big],
            "en",
            "en",
            manifest.SCORM_12,
            "st-x",
            "Big",
            "",
            "Stored in the LMS.",
        )
    assert str(raised.value).startswith(
        "docs/modules/big.md: a reader's answers to this module's knowledge checks can take "
    )
    assert "and SCORM 1.2 keeps 4096; the LMS would lose them. Split the module" in str(
        raised.value
    )
    # SCORM 2004 keeps 64,000 characters: the same module packages.
    files = package.build(
        ROOT, site, [big], "en", "en", manifest.SCORM_2004, "st-x", "Big", "", "Stored in the LMS."
    )
    assert "modules/big.html" in files
