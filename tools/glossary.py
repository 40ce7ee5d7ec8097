"""The glossary: one data file per language (glossary/<code>.yml), same ids in each.

Pages show a term's definition where the term is first used (on hover and on
keyboard focus), and the glossary page lists every term. See glossary/en.yml
for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Term:
    id: str
    term: str
    definition: str
    forms: list[str]


@dataclass
class Glossary:
    by_language: dict[str, list[Term]]
    problems: list[str] = field(default_factory=list)


def load(root: Path, codes: list[str]) -> Glossary:
    """Every language's terms, with a problem for each missing file, entry or field."""
    glossary = Glossary({})
    ids_by_language: dict[str, list[str]] = {}
    unreadable: set[str] = set()  # Reported once as a file; not again entry by entry.
    for code in codes:
        name = f"glossary/{code}.yml"
        try:
            data = yaml.safe_load((root / name).read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            fix = f"copy glossary/{codes[0]}.yml and translate it" if code != codes[0] else \
                "create it: one entry per term, see the comment at the top of any glossary file"
            glossary.problems.append(f"{name} is missing: {fix}.")
            data = {}
            unreadable.add(code)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            glossary.problems.append(f"{name}{line}: not valid YAML ({getattr(error, 'problem', error)}).")
            data = {}
            unreadable.add(code)
        if not isinstance(data, dict):
            glossary.problems.append(f"{name}: write one 'id:' entry per term (a YAML mapping), not a list.")
            data = {}
            unreadable.add(code)
        terms = []
        for term_id, entry in data.items():
            if not ID.match(str(term_id)):
                glossary.problems.append(f"{name}: id '{term_id}' must be lowercase words joined by '-'.")
                continue
            if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) \
                    or not isinstance(entry.get("definition"), str) or not entry["term"] or not entry["definition"]:
                glossary.problems.append(f"{name}: '{term_id}' needs 'term:' and 'definition:'.")
                continue
            forms = entry.get("forms") or [entry["term"].lower()]
            if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
                glossary.problems.append(f"{name}: '{term_id}': 'forms' must be a list of words.")
                continue
            terms.append(Term(term_id, entry["term"], " ".join(entry["definition"].split()), forms))
        glossary.by_language[code] = terms
        ids_by_language[code] = [t.id for t in terms]
    reference = ids_by_language.get(codes[0], [])
    for code in codes[1:]:
        if code in unreadable or codes[0] in unreadable:
            continue
        have = ids_by_language.get(code, [])
        for term_id in reference:
            if term_id not in have:
                glossary.problems.append(f"glossary/{code}.yml: '{term_id}' is missing; translate it from glossary/{codes[0]}.yml.")
        for term_id in have:
            if term_id not in reference:
                glossary.problems.append(f"glossary/{code}.yml: '{term_id}' is not in glossary/{codes[0]}.yml; remove it or add it there.")
    return glossary
