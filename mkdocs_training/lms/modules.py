"""The modules to package, in navigation order, and their mastery scores.

A module's mastery score is the share of knowledge-check questions, in per
cent, a reader needs to pass. It is set in the English page's front matter
(`mastery_score: 90`) and is 80 when not set; `mastery_score: none` packages
the module for completion only. A translation may repeat the value but not
change it, so that a module is passed on the same terms in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_training import quiz
from mkdocs_training.i18n import Languages, front_matter, split_locale
from mkdocs_training.problems import Problem

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


def mastery_of(text: str, path: Path) -> tuple[float | None, list[Problem]]:
    """The mastery score a page's front matter sets (DEFAULT_MASTERY when absent)."""
    meta = front_matter(text)
    if KEY not in meta:
        return DEFAULT_MASTERY, []
    value = meta[KEY]
    if value is None or value == NOT_SCORED:
        return None, []
    # YAML reads 80 as int, 80.5 as float, true as bool (which is an int): only numbers count.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        return DEFAULT_MASTERY, [Problem(
            path, line_of(text, KEY),
            f"{KEY} is {value!r}; it must be a number from 0 to 100 (the per cent of knowledge-check "
            f"questions a reader must get right to pass), or '{NOT_SCORED}' to report completion only.",
        )]
    return (int(value) if float(value).is_integer() else value), []


def check(source: Path, text: str, translations: dict[Path, str],
          packaging: bool = True) -> tuple[float | None, list[Problem]]:
    """A module's mastery score, and what is wrong with it in its page and translations.

    A package needs a score to pass whenever the mastery score applies, the
    default included; the site itself only when the page sets one.
    """
    mastery, problems = mastery_of(text, source)
    required = mastery is not None and (packaging or KEY in front_matter(text))
    if required and not problems and not quiz.blocks(text, source):
        problems.append(Problem(
            source, line_of(text, KEY) if KEY in front_matter(text) else 1,
            f"the module has no knowledge check, but its LMS package needs a score to pass "
            f"(mastery_score {mastery}{'' if KEY in front_matter(text) else ', the default'}). "
            f"Add a ```quiz block, or set 'mastery_score: {NOT_SCORED}' in the front matter to "
            "report completion only.",
        ))
    for path, translated in translations.items():
        if KEY not in front_matter(translated):
            continue
        value, own = mastery_of(translated, path)
        problems += own
        if not own and value != mastery:
            problems.append(Problem(
                path, line_of(translated, KEY),
                f"{KEY} is {value if value is not None else NOT_SCORED} here but "
                f"{mastery if mastery is not None else NOT_SCORED} in {source}. Set it in the English "
                "page only, or to the same value.",
            ))
    return mastery, problems


def site_problems(pages: list[Path], languages: Languages, root: Path) -> list[Problem]:
    """For the site build: mastery scores that are wrong in the modules among `pages`."""
    problems = []
    for page in pages:
        uri = relative(page, root).as_posix()
        if "/modules/" not in f"/{uri}" or split_locale(uri, languages.codes)[1] is not None:
            continue
        try:
            text = page.read_text(encoding="utf-8")
            translations = {}
            for code in languages.translations:
                path = page.with_name(page.name.replace(".md", f".{code}.md"))
                if path.exists():
                    translations[relative(path, root)] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # Reported by the translation checks.
        problems += check(relative(page, root), text, translations, packaging=False)[1]
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
    for uri in nav_pages(config.nav):
        if not uri.startswith("modules/"):
            continue
        english = docs / uri
        shown = relative(english, root)
        text = english.read_text(encoding="utf-8")
        pages = {code: docs / uri.replace(".md", f".{code}.md") for code in languages.translations}
        translated = {relative(path, root): path.read_text(encoding="utf-8") for path in pages.values() if path.exists()}
        mastery, found = check(shown, text, translated)
        problems += found
        module = Module(Path(uri).stem, shown, mastery)
        meta = front_matter(text)
        module.reviewed = str(meta.get("last_reviewed", ""))
        for code in languages.codes:
            path = pages.get(code)
            # A module not translated yet is shown in English in that language's site.
            own = front_matter(path.read_text(encoding="utf-8")) if path and path.exists() else meta
            module.titles[code] = str(own.get("title") or meta.get("title") or module.id)
            module.descriptions[code] = str(own.get("description") or meta.get("description") or "")
        modules.append(module)
    return modules, problems
