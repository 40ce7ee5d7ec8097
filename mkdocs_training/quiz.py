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
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.structure.pages import Page

from mkdocs_training import fragments, yamltext
from mkdocs_training.context import Build
from mkdocs_training.problems import Problem

FENCE = re.compile(r"^```quiz[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
QUESTION_KEYS = {"question", "answers"}
ANSWER_KEYS = {"text", "correct", "feedback"}


@dataclass
class Answer:
    text: str
    correct: bool
    feedback: str


@dataclass
class Question:
    text: str
    answers: list[Answer]

    @property
    def multiple(self) -> bool:
        return sum(a.correct for a in self.answers) > 1


# The structure check, the page checks and the renderer all need a block's
# YAML; it is parsed once, whichever asks first (the data is never changed).
@functools.lru_cache(maxsize=512)
def load(source: str):
    return yamltext.load(source)


def parse(source: str, path: Path, first_line: int) -> tuple[list[Question], list[Problem]]:
    """Questions from the YAML of one quiz block; `first_line` is the line of its first question."""
    try:
        data = load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        return [], [Problem(path, line, f"quiz is not valid YAML ({getattr(error, 'problem', error)}). "
                            "Quote text that contains ': ' with double quotes.")]
    if not isinstance(data, list) or not data:
        return [], [Problem(path, first_line, "a quiz is a list of questions, each starting with '- question:'.")]
    lines = source.splitlines()
    question_lines = [first_line + i for i, text in enumerate(lines) if re.match(r"^- question\s*:", text)]
    questions, problems = [], []
    for number, item in enumerate(data, start=1):
        line = question_lines[number - 1] if number <= len(question_lines) else first_line
        where = f"question {number}"
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            problems.append(Problem(path, line, f"{where} needs 'question: <text>'."))
            continue
        problems += unknown_keys(item, QUESTION_KEYS, "a question", where, path, line)
        answers_data = item.get("answers")
        if not isinstance(answers_data, list) or len(answers_data) < 2:
            problems.append(Problem(path, line, f"{where} needs 'answers:' with at least two answers."))
            continue
        answers = []
        for index, answer in enumerate(answers_data, start=1):
            label = f"{where}, answer {index}"
            if not isinstance(answer, dict):
                problems.append(Problem(path, line, f"{label} must have 'text:' and 'feedback:'."))
                continue
            problems += unknown_keys(answer, ANSWER_KEYS, "an answer", label, path, line)
            if not isinstance(answer.get("text"), str) or not isinstance(answer.get("feedback"), str):
                problems.append(Problem(path, line, f"{label} needs 'text:' and 'feedback:' "
                                        "(the feedback says why the answer is right or wrong)."))
                continue
            if not isinstance(answer.get("correct", False), bool):
                problems.append(Problem(path, line, f"{label}: 'correct' must be true or false."))
            answers.append(Answer(answer["text"], answer.get("correct") is True, answer["feedback"]))
        if answers and not any(a.correct for a in answers):
            problems.append(Problem(path, line, f"{where} has no answer marked 'correct: true'."))
        questions.append(Question(item["question"], answers))
    return questions, problems


def unknown_keys(item: dict, known: set[str], kind: str, where: str, path: Path, line: int) -> list[Problem]:
    """A misspelt key ('corect') would be ignored silently; name it instead."""
    unknown = set(item) - known
    if not unknown:
        return []
    return [Problem(path, line, f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
                    f"{kind} has {', '.join(sorted(known))}.")]


def blocks(text: str, path: Path) -> list[tuple[int, list[Question], list[Problem]]]:
    """Every quiz block in a page: (line of the opening fence, questions, problems)."""
    found = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        questions, problems = parse(match.group(1), path, line + 1)
        found.append((line, questions, problems))
    return found


def signature(source: str) -> list[str]:
    """What the structure check compares: per question, its answers and which are correct."""
    try:
        data = load(source)
    except yaml.YAMLError:
        return ["quiz (not valid YAML)"]
    result = []
    for item in data if isinstance(data, list) else []:
        answers = item.get("answers") if isinstance(item, dict) else None
        answers = answers if isinstance(answers, list) else []
        correct = [str(i + 1) for i, a in enumerate(answers) if isinstance(a, dict) and a.get("correct") is True]
        result.append(f"quiz question with {len(answers)} answers, correct: {', '.join(correct) or 'none'}")
    return result



# -----------------------------------------------------------------------------
# In the page: a placeholder in the Markdown, the form after it (fragments.py)
# -----------------------------------------------------------------------------


def render_all(markdown: str, page: Page, build: Build) -> str:
    """Every quiz block of a page's Markdown, as a fragment placeholder.

    Its YAML was parsed when on_files read the page (`load` keeps it), and its
    problems were reported then.
    """

    def render(match: re.Match) -> str:
        questions, _ = parse(match.group(1), Path(page.file.src_uri), 1)
        number = fragments.count(build, page) + 1
        html = build.macros().quiz(f"quiz-{number}", questions, build.ui["quiz"])
        return fragments.add(build, page, html)

    return FENCE.sub(render, markdown)
