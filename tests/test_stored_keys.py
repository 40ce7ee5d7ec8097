"""Stored data is the reader's or the LMS's, not ours: a key made to break a
selector must not leave a packaged module stuck (issue 19, finding 3).

The SCO used to put each knowledge-check id from `cmi.suspend_data` into a
selector as it was: `x"]` threw, and the page stayed "restoring", so nothing
the reader did afterwards reached the LMS. (The site's own script, with
crafted keys in localStorage, is in tests/test_robustness.py, CORRUPT.)
"""

from __future__ import annotations

import json

import pytest

# The LMS harness and its packages, as test_lms.py plays them.
from test_lms import Harness, answer, calls_with_errors, lms, packages, sent  # noqa: F401 - fixtures.

CRAFTED = {"answers": ["nowhere"], "checked": {'x"]': [1, 1], "a'b\\": [0, 1]}, "complete": False}


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_a_crafted_key_in_suspend_data_does_not_leave_the_module_stuck(browser, lms, version):  # noqa: F811 (lms is a fixture)
    harness = Harness(browser, lms, f"supplier-guidelines-en-{version}")
    item = "item-supplier-guidelines"
    exit_element = "cmi.core.exit" if version == "scorm12" else "cmi.exit"
    # A suspended session whose stored data the LMS hands back as it was saved (the
    # earlier format, which the runtime still reads: ids of checked answers, scores per check).
    harness.page.evaluate(
        "([item, exit, data]) => { harness.stored[item] = {[exit]: 'suspend', "
        "'cmi.suspend_data': data}; }",
        [item, exit_element, json.dumps(CRAFTED)],
    )
    frame = harness.launch(item)
    answer(frame, wrong=0)
    frame.locator("[data-training-complete] button").click()
    stored = harness.close()[item]
    calls = harness.calls()
    # What the reader did after the restore still reaches the LMS.
    assert (
        sent(calls, "cmi.core.score.raw" if version == "scorm12" else "cmi.score.raw")[-1] == "100"
    )
    assert json.loads(stored["cmi.suspend_data"])["c"] == 1  # Complete, in the runtime's record.
    assert calls_with_errors(calls) == []
    harness.context.close()
    assert harness.watch.problems() == []
