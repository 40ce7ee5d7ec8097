"""Knowledge checks written in the page, as a fenced block of YAML:

    ```quiz
    - question: How does the essay define a customer?
      answers:
        - text: Someone with whom you have dealings.
          correct: true
          feedback: This is the definition the essay ends with.
        - text: Anyone outside your organisation.
          feedback: The essay's point is the opposite.
    ```

A question with one correct answer is single choice (radio buttons), with
more it is multiple choice (checkboxes). Every answer needs feedback that
says why. Because the block is part of the page, translations track it like
any other section, and the structure check compares the questions and the
correct answers across languages.

Besides the form of the YAML, the build checks what a test-wise reader could
exploit or what would read badly: a key that is the longest answer in most
questions or always in the same place (the browser shuffles the answers, but
the PDF's answer key and readers without JavaScript see the source order),
wrong answers marked by absolute words ("only", "never"; cues.py), feedback that opens with a verdict ("Right.", "No,") when the page already
gives one, and a question that repeats the hint under it ("Choose all...").
Reading the blocks is core's (core/quizzes.py, part of reading a page); the
checks and the rendering are here.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.pages import Page

from mkdocs_training.core import escaping, fragments, quizzes
from mkdocs_training.core.context import Build, Site, source_path
from mkdocs_training.core.log import log
from mkdocs_training.core.pages import Checked
from mkdocs_training.core.problems import Problem
from mkdocs_training.core.quizzes import FENCE, Question, parse
from mkdocs_training.quiz import cues


def blocks(text: str, path: Path) -> list[tuple[int, list[Question], list[Problem]]]:
    """Every quiz block in a page: (line of the opening fence, questions, problems), these checks included."""
    return [
        (line, questions, problems or block_problems(questions, path, line))
        for line, questions, problems in quizzes.blocks(text, path)
    ]


def content_problems(source: Checked) -> list[Problem]:
    """What the knowledge checks of a page, read without problems, give away or say twice (on_files)."""
    return [
        problem
        for line, questions, problems in source.quizzes
        if not problems
        for problem in block_problems(questions, source.path, line)
    ]


def block_problems(questions: list[Question], path: Path, line: int) -> list[Problem]:
    return (
        guessable(questions, path, line)
        + cues.absolute_words(questions, path, line)
        + verdict_openers(questions, path)
    )


# -----------------------------------------------------------------------------
# What a quiz must not give away, or say twice
# -----------------------------------------------------------------------------


def guessable(questions: list[Question], path: Path, line: int) -> list[Problem]:
    """A reader must not score by picking the longest answer or a favourite position."""
    problems = []
    longest = 0
    for question in questions:
        lengths = [len(a.text) for a in question.answers]
        if (
            lengths.count(max(lengths)) == 1
            and question.answers[lengths.index(max(lengths))].correct
        ):
            longest += 1
    # Three questions make a pattern; with fewer, one long key says nothing.
    if len(questions) >= 3 and longest * 2 > len(questions):
        problems.append(
            Problem(
                path,
                line,
                f"the correct answer is the longest option in {longest} of "
                f"{len(questions)} questions, so picking the longest scores. Balance the "
                "lengths: make wrong answers as long and specific as the right ones.",
            )
        )
    for multiple, kind in ((False, "single-choice"), (True, "multiple-choice")):
        keys = {
            tuple(i + 1 for i, a in enumerate(q.answers) if a.correct)
            for q in questions
            if q.multiple == multiple
        }
        count = sum(q.multiple == multiple for q in questions)
        if count >= 2 and len(keys) == 1:
            at = ", ".join(map(str, keys.pop()))
            where = f"answers at positions {at}" if multiple else f"answer at position {at}"
            problems.append(
                Problem(
                    path,
                    line,
                    f"every {kind} question has its correct {where}. "
                    "Vary where they are (the PDF's answer key keeps this order).",
                )
            )
    offered = max(len(q.answers) for q in questions)
    for position in range(1, offered + 1):
        having = [q for q in questions if len(q.answers) >= position]
        if len(having) >= 4 and not any(q.answers[position - 1].correct for q in having):
            problems.append(
                Problem(
                    path,
                    line,
                    f"answer {position} is never correct in {len(having)} questions. "
                    "Make it the correct one in some.",
                )
            )
    return problems


# Feedback is shown under the reader's own choices and the correct answers,
# after a label that already gives the verdict; a "Right." or "No," opener
# would repeat it, or contradict it.
VERDICT_OPENER = re.compile(
    r"^(right|correct|wrong|incorrect|yes|no|not quite|exactly|true|false|esatto|giusto|"
    r"corretto|sbagliato|sì|vero|falso|non proprio|non esattamente)\s*[.,!:;—–]",
    re.IGNORECASE,
)


def verdict_openers(questions: list[Question], path: Path) -> list[Problem]:
    return [
        Problem(
            path,
            question.line,
            f"question {number}, answer {index}: the feedback opens with a verdict "
            f"('{opener.group(0)}'). The page already says whether the "
            "answer is right; start with the reason.",
        )
        for number, question in enumerate(questions, start=1)
        for index, answer in enumerate(question.answers, start=1)
        if (opener := VERDICT_OPENER.match(answer.feedback))
    ]


def repeated_hints(questions: list[Question], path: Path, strings: dict) -> list[Problem]:
    """The hint under each question says "choose one" or "choose all"; the question must not say it too.

    A sentence of the question that starts as the hint does ("Choose all that
    apply", "Scegli tutte...") repeats it.
    """
    problems = []
    for number, question in enumerate(questions, start=1):
        hint = strings["choose_all" if question.multiple else "choose_one"]
        lead = " ".join(hint.lower().split()[:2])
        sentences = re.split(r"(?<=[.?!:])\s+", question.text.strip())
        repeated = next((s for s in sentences if s.lower().startswith(lead)), None)
        if repeated:
            problems.append(
                Problem(
                    path,
                    question.line,
                    f"question {number} says '{repeated}', which the hint "
                    f"under it already says ('{hint}'). Remove it from the question.",
                )
            )
    return problems


# -----------------------------------------------------------------------------
# In the page: a placeholder in the Markdown, the form after it (fragments.py)
# -----------------------------------------------------------------------------


def render_all(markdown: str, page: Page, build: Build, site: Site) -> str:
    """Every quiz block of a page's Markdown, as a fragment placeholder.

    Its YAML was parsed when on_files read the page (`load` keeps it), and its
    problems were reported then; the hints are checked here, where the
    strings of the page's language are at hand.
    """
    source = site.source(source_path(page))
    if source and not build.is_fallback(page):
        for _, questions, _ in source.quizzes:
            for problem in repeated_hints(questions, source.path, build.ui["quiz"]):
                log.warning(str(problem))

    def render(match: re.Match) -> str:
        questions, problems = parse(match.group(1), Path(page.file.src_uri), 1)
        if not questions and problems:
            # Reported when the page was read (the strict build fails); the
            # page says so rather than showing an empty check.
            return fragments.add(
                build, page, f"<p>{escaping.text(build.ui['quiz']['unreadable'])}</p>"
            )
        number = fragments.count(build, page) + 1
        html = build.macros().quiz(f"quiz-{number}", questions, build.ui["quiz"])
        return fragments.add(build, page, html)

    return FENCE.sub(render, markdown)
