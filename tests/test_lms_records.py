"""LMS records that never go backwards: each package played against a hostile
LMS (tests/lms/harness.js on scorm-again, in Chromium), in both SCORM versions
and both languages. Each test asserts the record the LMS holds afterwards:
nothing lost, nothing downgraded."""

from __future__ import annotations

import json

import pytest

from tests.browser import webcheck
from tests.test_lms import LANGUAGES, Harness, answer, encoded, lms, packages  # noqa: F401 (fixtures)

VERSIONS = ["scorm12", "scorm2004"]
ITEM = "item-customer-service"
PLAYS = [(version, language) for version in VERSIONS for language in LANGUAGES]
# What a manager sees of a record: status, success and score.
RECORD = {
    "scorm12": ("cmi.core.lesson_status", "cmi.core.score.raw"),
    "scorm2004": (
        "cmi.completion_status",
        "cmi.success_status",
        "cmi.score.raw",
        "cmi.score.scaled",
    ),
}
WRITES = ("LMSSetValue", "SetValue", "LMSCommit", "Commit")


def record(stored: dict, version: str) -> dict:
    return {key: stored.get(key, "") for key in RECORD[version]}


def checked(frame) -> list[str]:
    return sorted(
        frame.eval_on_selector_all(
            "form.training-quiz input:checked", "inputs => inputs.map(i => i.id)"
        )
    )


def launch_calls(harness: Harness, methods=WRITES) -> list[dict]:
    """The calls of the latest launch to these methods."""
    launch = harness.page.evaluate("harness.launches")
    return [c for c in harness.calls() if c["launch"] == launch and c["method"] in methods]


def completed(harness: Harness) -> tuple[dict, list[str]]:
    """A learner passes the module and marks it complete: the record, and their answers."""
    frame = harness.launch(ITEM)
    answers = answer(frame, wrong=0)
    frame.locator("[data-training-complete] button").click()
    return harness.close()[ITEM], answers


def finish(harness: Harness) -> None:
    harness.context.close()
    assert harness.watch.problems() == []


def harness_for(browser, lms, version, language):  # noqa: F811 (lms is a fixture)
    return Harness(browser, lms, f"customer-service-{language}-{version}")


@pytest.mark.parametrize(
    "mode, credit", [("review", "credit"), ("browse", "credit"), ("normal", "no-credit")]
)
@pytest.mark.parametrize("version, language", PLAYS)
def test_review_browse_and_no_credit_show_the_answers_and_change_nothing(
    browser,
    lms,  # noqa: F811 (the fixture)
    version,
    language,
    mode,
    credit,
):
    harness = harness_for(browser, lms, version, language)
    before, answers = completed(harness)
    assert record(before, version) == (
        {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100"}
        if version == "scorm12"
        else {
            "cmi.completion_status": "completed",
            "cmi.success_status": "passed",
            "cmi.score.raw": "100",
            "cmi.score.scaled": "1",
        }
    )
    # Moodle reopens a finished attempt like this, with its data.
    frame = harness.launch(ITEM, mode=mode, credit=credit, keep=True)
    shown = (
        checked(frame),
        frame.locator(".training-quiz__result").inner_text(),
        frame.get_attribute("[data-training-complete] button", "aria-pressed"),
    )
    # Everything wrong this time, and the module unmarked.
    answer(frame, wrong=5)
    frame.locator("[data-training-complete] button").click()
    writes = launch_calls(harness)
    after = harness.close()[ITEM]
    assert record(after, version) == record(before, version)
    assert writes == []
    assert json.loads(after["cmi.suspend_data"]) == json.loads(before["cmi.suspend_data"])
    # The learner saw their stored answers, with the feedback, and the module complete.
    assert shown[0] == answers and shown[1] != "" and shown[2] == "true"
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_a_normal_launch_never_writes_less_than_the_lms_holds(browser, lms, version, language):  # noqa: F811
    harness = harness_for(browser, lms, version, language)
    before, _ = completed(harness)
    frame = harness.launch(ITEM, keep=True)
    answer(frame, wrong=5)
    frame.locator("[data-training-complete] button").click()
    sent = [c["args"] for c in launch_calls(harness, ("LMSSetValue", "SetValue"))]
    after = harness.close()[ITEM]
    assert record(after, version) == record(before, version)
    assert not [args for args in sent if args[1] in ("incomplete", "failed")]
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_no_score_or_pass_reaches_the_lms_before_the_module_is_complete(
    browser,
    lms,  # noqa: F811 (the fixture)
    version,
    language,
):
    # A SCORM 1.2 LMS (Moodle, scorm-again) judges passed from any score it
    # sees against the mastery score; 2004 must follow the same rule.
    harness = harness_for(browser, lms, version, language)
    frame = harness.launch(ITEM)
    answer(frame, wrong=0)
    early = harness.close()[ITEM]
    assert record(early, version) == (
        {"cmi.core.lesson_status": "incomplete", "cmi.core.score.raw": ""}
        if version == "scorm12"
        else {
            "cmi.completion_status": "incomplete",
            "cmi.success_status": "unknown",
            "cmi.score.raw": "",
            "cmi.score.scaled": "",
        }
    )
    frame = harness.launch(ITEM)
    frame.locator("[data-training-complete] button").click()
    assert record(harness.close()[ITEM], version) == (
        {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100"}
        if version == "scorm12"
        else {
            "cmi.completion_status": "completed",
            "cmi.success_status": "passed",
            "cmi.score.raw": "100",
            "cmi.score.scaled": "1",
        }
    )
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_a_tab_closed_without_pagehide_loses_nothing(browser, lms, version, language):  # noqa: F811
    harness = harness_for(browser, lms, version, language)
    exit_, location = (
        ("cmi.core.exit", "cmi.core.lesson_location")
        if version == "scorm12"
        else ("cmi.exit", "cmi.location")
    )
    frame = harness.launch(ITEM)
    answers = answer(frame, wrong=0)
    stored = harness.crash()[ITEM]
    assert (stored[exit_], stored[location]) == ("suspend", "check-your-understanding")
    saved = json.loads(stored["cmi.suspend_data"])
    assert (saved["a"], saved["s"]) == (encoded(answers), {"quiz-1": [5, 5, 0]})

    frame = harness.launch(ITEM)
    assert (
        harness.page.evaluate("harness.values()")[
            "cmi.core.entry" if version == "scorm12" else "cmi.entry"
        ]
        == "resume"
    )
    assert checked(frame) == answers
    assert frame.locator(".training-quiz__result").inner_text() != ""
    # An answer chosen and not checked yet, then the tab dies again: kept too.
    wrong = frame.locator("#quiz-1-1 input[data-correct=false]").first
    wrong_id = wrong.get_attribute("id")
    wrong.check()
    harness.crash()
    frame = harness.launch(ITEM)
    assert frame.locator(f"#{wrong_id}").is_checked()
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_answers_saved_by_an_earlier_package_are_kept_after_an_update(
    browser,
    lms,  # noqa: F811 (the fixture)
    version,
    language,
):
    harness = harness_for(browser, lms, version, language)
    earlier = ["quiz-1-1-3", "quiz-1-2-1"]  # The format before: input ids, results, complete.
    old = {"answers": earlier, "checked": {"quiz-1": [2, 5]}, "complete": False}
    entry = "cmi.core.entry" if version == "scorm12" else "cmi.entry"
    frame = harness.launch(ITEM, data={"cmi.suspend_data": json.dumps(old), entry: "resume"})
    assert checked(frame) == earlier
    assert frame.locator(".training-quiz__result").inner_text() != ""
    saved = json.loads(harness.close()[ITEM]["cmi.suspend_data"])
    assert (saved["a"], saved["s"]) == ({"quiz-1": "3.1..."}, {"quiz-1": [2, 5]})
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_a_failed_commit_is_tried_again_and_never_fatal(browser, lms, version, language):  # noqa: F811
    harness = harness_for(browser, lms, version, language)
    # The first commit fails once: the second try holds exit = suspend.
    harness.launch(ITEM, failCommits=1)
    stored = harness.crash()[ITEM]
    assert stored["cmi.core.exit" if version == "scorm12" else "cmi.exit"] == "suspend"
    # The first commit fails twice: later ones carry everything.
    frame = harness.launch(ITEM, failCommits=2)
    answer(frame, wrong=0)
    frame.locator("[data-training-complete] button").click()
    stored = harness.crash()[ITEM]
    assert record(stored, version) == (
        {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100"}
        if version == "scorm12"
        else {
            "cmi.completion_status": "completed",
            "cmi.success_status": "passed",
            "cmi.score.raw": "100",
            "cmi.score.scaled": "1",
        }
    )
    code = "101" if version == "scorm12" else "391"  # General exception; commit failed.
    refused = [
        w for w in harness.warnings if "refused" in w and "Commit" in w and f"error {code}" in w
    ]
    assert len(refused) == 3 and refused[-1].endswith("going on without it.")
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_an_lms_that_rejects_interactions_still_gets_the_record(browser, lms, version, language):  # noqa: F811
    harness = harness_for(browser, lms, version, language)
    code = "401" if version == "scorm12" else "402"  # Not implemented; unimplemented element.
    frame = harness.launch(ITEM, rejectInteractions=code)
    answer(frame, wrong=1)
    frame.locator("[data-training-complete] button").click()
    stored = harness.close()[ITEM]
    assert record(stored, version) == (
        {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "80"}
        if version == "scorm12"
        else {
            "cmi.completion_status": "completed",
            "cmi.success_status": "passed",
            "cmi.score.raw": "80",
            "cmi.score.scaled": "0.8",
        }
    )
    tried = [
        c
        for c in harness.calls()
        if c["method"] in ("LMSSetValue", "SetValue")
        and c["args"][0].startswith("cmi.interactions.")
    ]
    # Tried, tried once more, then left alone for the session; each refusal logged.
    assert len(tried) == 2 and {c["error"] for c in tried} == {code}
    assert (
        len([w for w in harness.warnings if "cmi.interactions.0.id" in w and f"error {code}" in w])
        == 2
    )
    finish(harness)


@pytest.mark.parametrize("version, language", PLAYS)
def test_each_question_is_one_interaction(browser, lms, version, language):  # noqa: F811
    harness = harness_for(browser, lms, version, language)
    v12 = version == "scorm12"
    frame = harness.launch(ITEM)
    answers = answer(frame, wrong=1)
    if not v12:
        assert harness.page.evaluate("harness.values()")["cmi.progress_measure"] == "0.5"
    frame.locator("form.training-quiz button[type=submit]").click()  # Checked again: the same five.
    frame.locator("[data-training-complete] button").click()
    legends = frame.eval_on_selector_all(
        "legend", "all => all.map(l => l.textContent.replace(/\\s+/g, ' ').trim())"
    )
    stored = harness.close()[ITEM]
    assert sorted(k for k in stored if k.startswith("cmi.interactions.") and k.endswith(".id")) == [
        f"cmi.interactions.{n}.id" for n in range(5)
    ]
    chosen = encoded(answers)["quiz-1"].split(".")
    for n in range(5):
        got = {
            k.split(".", 3)[3]: v
            for k, v in stored.items()
            if k.startswith(f"cmi.interactions.{n}.")
        }
        response = (",".join if v12 else "[,]".join)(chr(96 + int(v)) for v in chosen[n].split(","))
        assert got["id"] == f"quiz-1-{n + 1}" and got["type"] == "choice"
        assert got["student_response" if v12 else "learner_response"] == response
        assert got["result"] == ("correct" if n else ("wrong" if v12 else "incorrect"))
        assert got["correct_responses.0.pattern"] != ""
        assert got["latency"] != "" and got["time" if v12 else "timestamp"] != ""
        if not v12:
            assert got["description"] == f"{{lang={language}}}{legends[n]}"
    if not v12:
        assert stored["cmi.progress_measure"] == "1"
    finish(harness)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_api_is_found_several_frames_up_and_through_a_frames_opener(
    browser,
    lms,  # noqa: F811 (the fixture)
    version,
    language,
):
    harness = harness_for(browser, lms, version, language)
    frame = harness.launch(ITEM, frames=3)
    assert len(harness.page.frames) == 5  # The harness, its frame, two more, the SCO.
    answer(frame, wrong=0)
    frame.locator("[data-training-complete] button").click()
    first = record(harness.close()[ITEM], version)
    # A new window, opened by an LMS frame two levels down: the API is on the opener's parent.
    with harness.context.expect_page() as opened:
        harness.page.evaluate(
            "id => harness.launch(id, {frames: 2, popup: true, keep: true})", ITEM
        )
    window = opened.value
    popup = webcheck.Watch(origin=lms.rstrip("/")).attach(window)
    window.wait_for_load_state()
    assert checked(window) != []
    harness.page.evaluate("harness.close()")
    harness.page.wait_for_function(
        "() => harness.calls.some(c => c.launch === 2 && /Finish|Terminate/.test(c.method))"
    )
    assert record(harness.page.evaluate("harness.stored")[ITEM], version) == first
    assert first[RECORD[version][0]] == ("passed" if version == "scorm12" else "completed")
    finish(harness)
    assert popup.problems() == []
