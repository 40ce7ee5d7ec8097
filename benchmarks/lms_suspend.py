"""How much of SCORM 1.2's 4,096 characters of suspend data a module's answers take.

    python -m benchmarks.lms_suspend [dist/lms]

Prints, for generated modules of growing size (multiple-answer questions of
six answers, every answer chosen: the worst case), the largest suspend data
scorm.js writes (lms/limits.py) and what the format before it (a list of
input ids) took; then the same for the module pages of the SCORM 1.2
packages in the folder given, if any.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

from mkdocs_training.lms import limits

LIMIT = limits.SUSPEND_DATA_LIMIT[limits.SCORM_12]


def generated(questions: int, answers: int = 6) -> str:
    fieldsets = "".join(
        f'<fieldset class="training-quiz__question" id="quiz-1-{q}">'
        + "".join(
            f'<input type="checkbox" id="quiz-1-{q}-{a}" value="{a}">'
            for a in range(1, answers + 1)
        )
        + "</fieldset>"
        for q in range(1, questions + 1)
    )
    return f'<form class="training-quiz" data-training-quiz="quiz-1">{fieldsets}</form>'


def old_format(html: str) -> int:
    """{"answers": [every input id], "checked": {...}, "complete": true}, as packages wrote it before."""
    soup = BeautifulSoup(html, "html.parser")
    forms = soup.select("form.training-quiz")
    state = {
        "answers": [i["id"] for i in soup.select("form.training-quiz input")],
        "checked": {f["data-training-quiz"]: [len(f.select("fieldset"))] * 2 for f in forms},
        "complete": True,
    }
    return len(json.dumps(state, separators=(",", ":")))


def row(name: str, html: str) -> str:
    size = len(limits.largest_suspend_data(html))
    return (
        f"{name:<52} {size:>7} {old_format(html):>7}   {'fits' if size <= LIMIT else 'too large'}"
    )


def main() -> None:
    print(f"{'module':<52} {'now':>7} {'before':>7}   (characters; SCORM 1.2 keeps {LIMIT})")
    for questions in (5, 20, 50, 100, 200, 400, 600):
        print(row(f"generated: {questions} questions of 6 answers", generated(questions)))
    if len(sys.argv) > 1:
        for archive in sorted(Path(sys.argv[1]).glob("*-scorm12.zip")):
            zipped = zipfile.ZipFile(archive)
            for name in (n for n in zipped.namelist() if n.endswith(".html")):
                print(row(f"{archive.stem}: {Path(name).stem}", zipped.read(name).decode("utf-8")))


if __name__ == "__main__":
    main()
