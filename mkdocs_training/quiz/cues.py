"""Absolute words that give a wrong answer away ("only", "never", "at once"; "solo", "mai", "subito").

Writers reach for them to make a distractor clearly wrong, and test-wise
readers know it: a knowledge check whose wrong answers say "nobody" and
"always" while its right answers hedge can be passed without reading. The
check (quiz.py runs it with its length and position checks) counts, in each
quiz block, the wrong answers and the correct ones that use such a word. It
fails when any wrong answer does and wrong answers use them more often than
correct ones, naming each wrong answer and its word. Only the answers' text
is read: a question or a feedback may say "never".

The words are per language, keyed by the page's suffix (page.it.md); a page
in a language with no list here is not checked by this rule.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_training.core import i18n
from mkdocs_training.core.problems import Problem

ABSOLUTE_WORDS = {
    "en": [
        "only",
        "always",
        "never",
        "nobody",
        "no one",
        "nothing",
        "none",
        "everyone",
        "everybody",
        "at once",
        "immediately",
        "entirely",
        "completely",
        "whatever happens",
        "in every case",
        "under no circumstances",
    ],
    "it": [
        "solo",
        "soltanto",
        "unicamente",
        "esclusivamente",
        "sempre",
        "mai",
        "subito",
        "immediatamente",
        "nessuno",
        "nessuna",
        "niente",
        "nulla",
        "tutti quanti",
        "in ogni caso",
        "del tutto",
        "in nessun caso",
        "assolutamente",
    ],
}
PATTERNS = {
    language: re.compile(
        r"(?<![\w’'])(" + "|".join(re.escape(w) for w in words) + r")(?![\w’'])", re.IGNORECASE
    )
    for language, words in ABSOLUTE_WORDS.items()
}


def language_of(path: Path) -> str:
    return i18n.suffix_language(Path(path).name) or "en"


def absolute_words(questions: list, path: Path, line: int) -> list[Problem]:
    pattern = PATTERNS.get(language_of(path))
    if pattern is None:
        return []
    wrong, right = [], []
    wrong_count = right_count = 0
    for number, question in enumerate(questions, start=1):
        for index, answer in enumerate(question.answers, start=1):
            found = pattern.search(answer.text)
            if answer.correct:
                right_count += 1
                right += [found] if found else []
            else:
                wrong_count += 1
                if found:
                    wrong.append((question.line or line, number, index, found.group(1)))
    if not wrong or len(wrong) / wrong_count <= (len(right) / right_count if right_count else 0):
        return []
    share = f"{len(wrong)} of {wrong_count} wrong answers and {len(right)} of {right_count} correct ones"
    return [
        Problem(
            path,
            at,
            f"question {number}, answer {index} says '{word}': absolute words are in "
            f"{share}, so they mark the wrong answers. Say why the answer is wrong in its own terms "
            "(a reason, a limit), not with an absolute.",
        )
        for at, number, index, word in wrong
    ]
