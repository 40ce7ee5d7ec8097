"""The modules to package, in navigation order, and their mastery scores.

A module's mastery score is the share of knowledge-check questions, in per
cent, a reader needs to pass. It is set in the English page's front matter
(`mastery_score: 90`) and is 80 when not set; `mastery_score: none` packages
the module for completion only. A translation may repeat the value but not
change it, so that a module is passed on the same terms in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_training.core import quizzes, sources
from mkdocs_training.core.i18n import Languages
from mkdocs_training.core.problems import Problem
from mkdocs_training.core.sources import FrontMatterError, Source

DEFAULT_MASTERY = 80
KEY = "mastery_score"
NOT_SCORED = "none"


@dataclass
class Module:
    id: str  # The same in every language: modules/<id>.md
    source: Path  # The English page, as shown in messages.
    mastery: float | None  # Per cent (80, or 80.5); None: completion only.
    titles: dict[str, str] = field(default_factory=dict)  # Per language.
    descriptions: dict[str, str] = field(default_factory=dict)
    reviewed: str = ""  # last_reviewed of the English page, the package version.


def line_of(text: str, key: str) -> int:
    match = re.search(rf"^{key}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def mastery_of(source: Source) -> tuple[float | None, list[Problem]]:
    """The mastery score a page's front matter sets (DEFAULT_MASTERY when absent)."""
    if KEY not in source.meta:
        return DEFAULT_MASTERY, []
    value = source.meta[KEY]
    if value is None or value == NOT_SCORED:
        return None, []
    # YAML reads 80 as int, 80.5 as float, true as bool (which is an int): only numbers count.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        return DEFAULT_MASTERY, [
            Problem(
                source.path,
                line_of(source.text, KEY),
                f"{KEY} is {value!r}; it must be a number from 0 to 100 (the per cent of knowledge-check "
                f"questions a reader must get right to pass), or '{NOT_SCORED}' to report completion only.",
            )
        ]
    return (int(value) if float(value).is_integer() else value), []


def check(
    english: Source, translations: list[Source], packaging: bool = True
) -> tuple[float | None, list[Problem]]:
    """A module's mastery score, and what is wrong with it in its page and translations.

    A package needs a score to pass whenever the mastery score applies, the
    default included; the site itself only when the page sets one.
    """
    mastery, problems = mastery_of(english)
    set_here = KEY in english.meta
    required = mastery is not None and (packaging or set_here)
    if required and not problems and not quizzes.blocks(english.text, english.path):
        problems.append(
            Problem(
                english.path,
                line_of(english.text, KEY) if set_here else 1,
                f"the module has no knowledge check, but its LMS package needs a score to pass "
                f"(mastery_score {mastery}{'' if set_here else ', the default'}). "
                f"Add a ```quiz block, or set 'mastery_score: {NOT_SCORED}' in the front matter to "
                "report completion only.",
            )
        )
    for translated in translations:
        if KEY not in translated.meta:
            continue
        value, own = mastery_of(translated)
        problems += own
        if not own and value != mastery:
            problems.append(
                Problem(
                    translated.path,
                    line_of(translated.text, KEY),
                    f"{KEY} is {value if value is not None else NOT_SCORED} here but "
                    f"{mastery if mastery is not None else NOT_SCORED} in {english.path}. Set it in the English "
                    "page only, or to the same value.",
                )
            )
    return mastery, problems


def site_problems(pages: Iterable[Source], languages: Languages) -> list[Problem]:
    """For the site build: mastery scores that are wrong in the modules among `pages` (each read once, pages.py)."""
    pages = list(pages)
    translations: dict[str, dict[str, Source]] = {}
    for page in pages:
        if page.language is not None:
            translations.setdefault(page.english_uri, {})[page.language] = page
    problems = []
    for page in pages:
        if "/modules/" not in f"/{page.src_uri}" or page.language is not None:
            continue
        own = translations.get(page.english_uri, {})
        versions = [own[code] for code in languages.translations if code in own]
        problems += check(page, versions, packaging=False)[1]
    return problems


def nav_pages(nav) -> list[str]:
    """Every page of mkdocs.yml's nav, in order."""
    found = []
    for entry in nav or []:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found += nav_pages(value)
        elif isinstance(value, str):
            found.append(value)
    return found


def relative(path: Path, root: Path) -> Path:
    """A path as messages show it: from the project folder."""
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def find(config, root: Path) -> tuple[list[Module], list[Problem]]:
    """The modules of the nav (pages under modules/), with their titles in every language."""
    languages = Languages.from_config(config)
    docs = Path(config.docs_dir)
    modules, problems = [], []

    def read(uri: str) -> Source | None:
        """The page under docs/ named `uri`, read once; None when it is not there or unreadable (reported)."""
        path = docs / uri
        if not path.exists():
            return None
        try:
            return Source.of(
                path.read_text(encoding="utf-8"), relative(path, root), uri, languages.codes
            )
        except FrontMatterError as error:
            problems.append(error.problem)
            return None

    for uri in nav_pages(config.nav):
        if not uri.startswith("modules/"):
            continue
        english = read(uri)
        if english is None:
            if not (docs / uri).exists():
                problems.append(
                    Problem(
                        relative(docs / uri, root),
                        1,
                        "is in the nav of mkdocs.yml but not in docs/.",
                    )
                )
            continue
        pages = {code: read(uri.replace(".md", f".{code}.md")) for code in languages.translations}
        mastery, found = check(english, [page for page in pages.values() if page is not None])
        problems += found
        module = Module(sources.module_id(english.meta, english.stem), english.path, mastery)
        meta = english.meta
        module.reviewed = str(meta.get("last_reviewed", ""))
        for code in languages.codes:
            page = pages.get(code)
            # A module not translated yet is shown in English in that language's site.
            own = page.meta if page is not None else meta
            module.titles[code] = str(own.get("title") or meta.get("title") or module.id)
            module.descriptions[code] = str(own.get("description") or meta.get("description") or "")
        modules.append(module)
    return modules, problems
