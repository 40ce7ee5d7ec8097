"""A page's knowledge check on paper: the questions with boxes to tick, then the answer key.

Made from the form the page already carries (fragments.py), so the PDF asks
what the site asks. On paper nothing is checked for the reader, so each
question keeps its hint, worded for a pen ("Tick one box."), and the answer
key, on a page of its own so that the questions can be handed out without
it, says for every answer whether it is correct and why: the feedback the
site shows after checking. Plain lists and headings, so that a screen
reader finds them in the tagged PDF (document.py).
"""

from __future__ import annotations

import re
from html import escape

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def on_paper(form, strings: dict, quiz_strings: dict) -> str:
    """The questions, then the answer key, as HTML for the PDF.

    `strings` are the language's `pdf` strings (hints and heading),
    `quiz_strings` its `quiz` strings (the answer key's labels, as the page's
    own answer key without JavaScript says them).
    """
    questions, key = [], []
    for fieldset in form.select("fieldset"):
        legend = escape(fieldset.legend.get_text(" ", strip=True))
        answers = fieldset.select(".training-quiz__answer")
        multiple = any(answer.input.get("type") == "checkbox" for answer in answers)
        hint = escape(strings["choose_all" if multiple else "choose_one"])
        choices, reasons = [], []
        for letter, answer in zip(LETTERS, answers, strict=False):  # Fewer answers than letters.
            text = escape(answer.label.get_text(" ", strip=True))
            choices.append(f"<li><span class='box'></span>{text}</li>")
            correct = answer.input.get("data-correct") == "true"
            label = escape(quiz_strings["key_right" if correct else "key_wrong"])
            reasons.append(
                f"<li><p><strong>{letter}. {label}</strong> {text}</p>"
                f"<p>{escape(feedback(answer))}</p></li>"
            )
        questions.append(
            f"<li><p class='legend'>{legend}</p><p class='hint'>{hint}</p>"
            f"<ol class='answers'>{''.join(choices)}</ol></li>"
        )
        key.append(f"<li><p class='legend'>{legend}</p><ul>{''.join(reasons)}</ul></li>")
    return (
        f"<ol class='quiz'>{''.join(questions)}</ol>"
        f"<div class='answer-key'><h3>{escape(strings['answers'])}</h3>"
        f"<ol class='key'>{''.join(key)}</ol></div>"
    )


def feedback(answer) -> str:
    """An answer's feedback without the screen's verdict label (empty until the reader checks)."""
    element = answer.select_one(".training-quiz__feedback")
    if element is None:
        return ""
    for verdict in element.select(".training-quiz__verdict"):
        verdict.decompose()
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True))
