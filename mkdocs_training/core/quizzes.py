"""The knowledge checks a page holds, read: each fenced `quiz` block's YAML as questions and answers.

Reading is part of reading a page (pages.py), so every feature finds a page's
questions on its `Source`; what the quiz feature checks in them, and how it
renders them, is in quiz/.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from mkdocs_training.core import typography, yamlfile
from mkdocs_training.core.problems import Problem

FENCE = re.compile(r"^```quiz[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
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
    line: int = 0  # Of its '- question:' in the page.

    @property
    def multiple(self) -> bool:
        return sum(a.correct for a in self.answers) > 1


# The structure check, the page checks and the renderer all need a block's
# YAML; it is parsed once, whichever asks first (the data is never changed).
# Room for every block of a library of thousands of modules: a cache smaller
# than the library is emptied by each pass over it and saves nothing.
@functools.lru_cache(maxsize=16384)
def load(source: str):
    return yamlfile.load(source)


def parse(source: str, path: Path, first_line: int) -> tuple[list[Question], list[Problem]]:
    """Questions from the YAML of one quiz block; `first_line` is the line of its first question."""
    try:
        data = load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        if isinstance(
            error, yamlfile.NotPlainData
        ):  # Valid YAML, but not the plain text a quiz is.
            return [], [Problem(path, line, f"quiz: {error.problem}.")]
        fix = yamlfile.hint(error, source)
        return [], [
            Problem(
                path,
                line,
                f"quiz is not valid YAML ({getattr(error, 'problem', error)})."
                + (f" {fix}" if fix else ""),
            )
        ]
    if not isinstance(data, list) or not data:
        return [], [
            Problem(
                path, first_line, "a quiz is a list of questions, each starting with '- question:'."
            )
        ]
    lines = source.splitlines()
    question_lines = [
        first_line + i for i, text in enumerate(lines) if re.match(r"^- question\s*:", text)
    ]
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
            problems.append(
                Problem(path, line, f"{where} needs 'answers:' with at least two answers.")
            )
            continue
        answers = []
        for index, answer in enumerate(answers_data, start=1):
            label = f"{where}, answer {index}"
            if not isinstance(answer, dict):
                problems.append(Problem(path, line, f"{label} must have 'text:' and 'feedback:'."))
                continue
            problems += unknown_keys(answer, ANSWER_KEYS, "an answer", label, path, line)
            if not isinstance(answer.get("text"), str) or not isinstance(
                answer.get("feedback"), str
            ):
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{label} needs 'text:' and 'feedback:' "
                        "(the feedback says why the answer is right or wrong).",
                    )
                )
                continue
            if not isinstance(answer.get("correct", False), bool):
                problems.append(Problem(path, line, f"{label}: 'correct' must be true or false."))
            answers.append(
                Answer(
                    typography.smarten(answer["text"]),
                    answer.get("correct") is True,
                    typography.smarten(answer["feedback"]),
                )
            )
        if answers and not any(a.correct for a in answers):
            problems.append(Problem(path, line, f"{where} has no answer marked 'correct: true'."))
        if len(answers) > 1 and all(a.correct for a in answers):
            problems.append(
                Problem(
                    path,
                    line,
                    f"{where}: every answer is marked 'correct: true', so it "
                    "checks nothing. Add a wrong answer, or mark the wrong ones as such.",
                )
            )
        texts: dict[str, int] = {}
        for index, answer in enumerate(answers, start=1):
            first = texts.setdefault(" ".join(answer.text.lower().split()), index)
            if first != index:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{where}: answers {first} and {index} are the same "
                        f"('{answer.text}'). Make each answer different.",
                    )
                )
        questions.append(Question(typography.smarten(item["question"]), answers, line))
    return questions, problems


def unknown_keys(
    item: dict, known: set[str], kind: str, where: str, path: Path, line: int
) -> list[Problem]:
    """A misspelt key ('corect') would be ignored silently; name it instead."""
    unknown = set(item) - known
    if not unknown:
        return []
    return [
        Problem(
            path,
            line,
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
            f"{kind} has {', '.join(sorted(known))}.",
        )
    ]


def blocks(text: str, path: Path) -> list[tuple[int, list[Question], list[Problem]]]:
    """Every quiz block in a page: (line of the opening fence, questions, problems in its form)."""
    found = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, *parse(match.group(1), path, line + 1)))
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
        correct = [
            str(i + 1)
            for i, a in enumerate(answers)
            if isinstance(a, dict) and a.get("correct") is True
        ]
        result.append(
            f"quiz question with {len(answers)} answers, correct: {', '.join(correct) or 'none'}"
        )
    return result
