"""What a module's record can take up in the LMS, against each version's limits.

SCORM 1.2 keeps at most 4,096 characters of suspend data, where scorm.js keeps
a reader's answers so that they find them again; an LMS cuts off or refuses
more. The largest suspend data a page can produce (every answer of every
question chosen, every knowledge check checked, the module marked complete)
is worked out here from the packaged page, in the format of
scorm-record.js (encode, encodeAnswers), and `make lms` stops on a module
that would not fit.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from mkdocs_training.lms.manifest import SCORM_12, SCORM_2004

SUSPEND_DATA_LIMIT = {SCORM_12: 4096, SCORM_2004: 64000}


def largest_suspend_data(html: str) -> str:
    """The longest suspend data scorm.js can write for this page."""
    soup = BeautifulSoup(html, "html.parser")
    answers, checks = {}, {}
    forms = soup.select("form.training-quiz")
    questions_on_page = sum(len(form.select(".training-quiz__question")) for form in forms)
    for form in forms:
        form_id = form.get("data-training-quiz", "")
        questions = form.select(".training-quiz__question")
        encoded = []
        for question in questions:
            inputs = question.select("input")
            values = [
                str(i.get("value", "")) for i in inputs
            ]  # Single-valued: str() only types it.
            if all(i.get("type") == "radio" for i in inputs):
                encoded.append(max(values, key=len, default=""))  # One answer at a time.
            else:
                encoded.append(",".join(values))
        answers[form_id] = ".".join(encoded)
        # [right, total, first interaction index]: the index can reach the
        # number of questions on the page times the checks a session makes;
        # a digit more than the page's count covers it.
        checks[form_id] = [len(questions), len(questions), questions_on_page * 10]
    return json.dumps(
        {"a": answers, "s": checks, "c": 1}, separators=(",", ":"), ensure_ascii=False
    )


def problem(html: str, source: Path, version: str) -> str | None:
    """What to tell the author when the page's answers could not be kept, else None."""
    size = len(largest_suspend_data(html))
    limit = SUSPEND_DATA_LIMIT[version]
    if size <= limit:
        return None
    name = "SCORM 1.2" if version == SCORM_12 else "SCORM 2004"
    return (
        f"{source}: a reader's answers to this module's knowledge checks can take {size} characters of "
        f"suspend data, and {name} keeps {limit}; the LMS would lose them. Split the module, or give its "
        "questions fewer answers."
    )
