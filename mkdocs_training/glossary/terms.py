"""The glossary: its data files (glossary/<code>.yml, same ids in each), its page, and term tooltips in pages.

Pages show a term's definition where the term is first used (on hover and on
keyboard focus), and the glossary page lists every term. See glossary/en.yml
for the format.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_training.core import fragments, i18n, typography, yamlfile
from mkdocs_training.core.context import Build, Site
from mkdocs_training.core.page_roles import GLOSSARY_PAGE
from mkdocs_training.fast import glossary_links
from mkdocs_training.fast.glossary_links import NO_TERMS

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
            data = yamlfile.load((root / name).read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            fix = (
                f"copy glossary/{codes[0]}.yml and translate it"
                if code != codes[0]
                else "create it: one entry per term, see the comment at the top of any glossary file"
            )
            glossary.problems.append(f"{name} is missing: {fix}.")
            data = {}
            unreadable.add(code)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            reason = (
                f"{error.problem}."
                if isinstance(error, yamlfile.NotPlainData)
                else f"not valid YAML ({getattr(error, 'problem', error)})."
            )
            glossary.problems.append(f"{name}{line}: {reason}")
            data = {}
            unreadable.add(code)
        if not isinstance(data, dict):
            glossary.problems.append(
                f"{name}: write one 'id:' entry per term (a YAML mapping), not a list."
            )
            data = {}
            unreadable.add(code)
        terms = []
        for term_id, entry in data.items():
            if not ID.match(str(term_id)):
                glossary.problems.append(
                    f"{name}: id '{term_id}' must be lowercase words joined by '-'."
                )
                continue
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("term"), str)
                or not isinstance(entry.get("definition"), str)
                or not entry["term"]
                or not entry["definition"]
            ):
                glossary.problems.append(f"{name}: '{term_id}' needs 'term:' and 'definition:'.")
                continue
            forms = entry.get("forms") or [entry["term"].lower()]
            if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
                glossary.problems.append(f"{name}: '{term_id}': 'forms' must be a list of words.")
                continue
            # The typography of the pages, so that forms match the text they are found in.
            terms.append(
                Term(
                    term_id,
                    typography.smarten(entry["term"]),
                    typography.smarten(" ".join(entry["definition"].split())),
                    [typography.smarten(form) for form in forms],
                )
            )
        glossary.problems += _shared_forms(name, terms)
        glossary.by_language[code] = terms
        ids_by_language[code] = [t.id for t in terms]
    reference = ids_by_language.get(codes[0], [])
    for code in codes[1:]:
        if code in unreadable or codes[0] in unreadable:
            continue
        have = ids_by_language.get(code, [])
        for term_id in reference:
            if term_id not in have:
                glossary.problems.append(
                    f"glossary/{code}.yml: '{term_id}' is missing; translate it from glossary/{codes[0]}.yml."
                )
        for term_id in have:
            if term_id not in reference:
                glossary.problems.append(
                    f"glossary/{code}.yml: '{term_id}' is not in glossary/{codes[0]}.yml; remove it or add it there."
                )
    return glossary


def _shared_forms(name: str, terms: list[Term]) -> list[str]:
    """A word can show one definition only: the same form under two terms would pick one silently."""
    owner: dict[str, str] = {}
    problems = []
    for term in terms:
        for form in term.forms:
            key = " ".join(form.lower().split())
            first = owner.setdefault(key, term.id)
            if first != term.id:
                problems.append(
                    f"{name}: '{form}' is listed under both '{first}' and '{term.id}'; a word "
                    "can point to one term only. Remove it from one of them."
                )
    return problems


# -----------------------------------------------------------------------------
# In pages: the glossary page's list, and each term's first use
# -----------------------------------------------------------------------------


def glossary_list(page: Page, build: Build, site: Site) -> str:
    terms = sorted(build.own(Terms).terms, key=lambda term: term.term.lower())
    return fragments.add(build, page, build.macros().glossary(terms))


def links_terms(page: Page, build: Build) -> bool:
    """Terms are linked in every page written in this language but the glossary itself."""
    return not build.is_fallback(page) and i18n.source_uri(page.file.src_uri) != GLOSSARY_PAGE


def glossary_url(page: Page, build: Build) -> str | None:
    glossary_page = build.by_source.get(GLOSSARY_PAGE)
    return get_relative_url(glossary_page.url, page.url) if glossary_page else None


@dataclass
class Terms:
    """The glossary's state in one language build: that language's terms, and them as one pattern."""

    terms: list[Term] = field(default_factory=list)
    matcher: Matcher | None = None  # Made on first use, once per build.


def start(build: Build, terms: list[Term]) -> None:
    """The terms of the language being built (on_config)."""
    build.own(Terms).terms = terms


@dataclass
class Matcher:
    """The terms of one language build, ready to find in a page's text (made once per build)."""

    pattern: re.Pattern
    by_form: dict[str, Term]
    written: dict[tuple[str, str, str], str] = field(
        default_factory=dict
    )  # A term's HTML, by term, text and link.

    @classmethod
    def of(cls, build: Build) -> Matcher:
        """The language build's matcher, made once."""
        state = build.own(Terms)
        if state.matcher is None:
            state.matcher = cls.made(state.terms)
        return state.matcher

    @classmethod
    def made(cls, terms: list[Term]) -> Matcher:
        forms = sorted(
            ((form, term) for term in terms for form in term.forms), key=lambda pair: -len(pair[0])
        )
        # Words of a term may be split across lines in the HTML: any whitespace matches.
        # The lookahead (the forms' first letters, as a tree) only skips, fast,
        # the places where no form can start; which form matches is unchanged.
        pattern = re.compile(
            r"\b(?="
            + _tree([f.split()[0][:3] for f, _ in forms])
            + ")("
            + "|".join(r"\s+".join(map(re.escape, f.split())) for f, _ in forms)
            + r")\b",
            re.IGNORECASE,
        )
        return cls(pattern, {" ".join(form.lower().split()): term for form, term in forms})

    def term_of(self, match: re.Match) -> Term:
        return self.by_form[" ".join(match.group(1).lower().split())]

    def first(self, text: str, done: set[str]) -> re.Match | None:
        """The first term in `text` not linked yet on the page."""
        match = self.pattern.search(text)  # Most text has no term: no generator for it.
        if match is None or self.term_of(match).id not in done:
            return match
        return next(
            (m for m in self.pattern.finditer(text, match.end()) if self.term_of(m).id not in done),
            None,
        )


def _tree(prefixes: list[str]) -> str:
    """A pattern matching any of `prefixes`, branching one character at a time."""
    branches: dict[str, list[str]] = {}
    for prefix in sorted(set(prefixes)):
        branches.setdefault(prefix[0], []).append(prefix[1:])
    return (
        "(?:"
        + "|".join(
            re.escape(first) + ("" if "" in rests else _tree(rests))
            for first, rests in branches.items()
        )
        + ")"
    )


# The first use of each glossary term on a page links to its entry and shows
# its definition on hover and keyboard focus.
def link_terms(html: str, page: Page, build: Build) -> str:
    href = glossary_url(page, build)
    if not href or not build.own(Terms).terms:
        return html
    matcher = Matcher.of(build)

    def linked(term: Term, text: str) -> str:
        key = (term.id, text, href)  # Pages repeat the same terms with the same links.
        if key not in matcher.written:
            matcher.written[key] = term_html(
                build.macros().term(term.id, text, term.definition, f"{href}#{term.id}")
            )
        return matcher.written[key]

    fast = glossary_links.link_terms(html, matcher, linked)
    return fast if fast is not None else _link_terms_soup(html, matcher, linked)


def _link_terms_soup(html: str, matcher: Matcher, linked) -> str:
    """Terms linked in a page read by BeautifulSoup, written back as BeautifulSoup writes it."""
    soup = BeautifulSoup(html, "html.parser")
    done: set[str] = set()
    terms: list[str] = []  # The HTML of each linked term, put in place of its placeholder below.
    queue = list(soup.find_all(string=True))
    while queue:
        text = queue.pop(0)
        # Only text a reader sees: a comment, CDATA or declaration is a string too, and
        # replacing it with linked text would publish it.
        if type(text) is not NavigableString:
            continue
        if any(parent.name in NO_TERMS for parent in text.parents):
            continue
        if any(
            "admonition-title" in (parent.get("class") or [])
            or parent.has_attr("data-training-meta")
            for parent in text.parents
            if parent.name
        ):
            continue
        match = matcher.first(text, done)
        if match is None:
            continue
        term = matcher.term_of(match)
        done.add(term.id)
        terms.append(linked(term, match.group(1)))
        rest = NavigableString(text[match.end() :])
        placeholder = NavigableString(f"{PLACEHOLDER[0]}{len(terms) - 1}{PLACEHOLDER[1]}")
        text.replace_with(NavigableString(text[: match.start()]), placeholder, rest)
        queue.insert(0, rest)  # Other terms may follow in the same text.
    # Parsing each term's HTML into the page's tree costs more than the page
    # itself on a page with many terms; a placeholder is swapped after.
    return PLACEHOLDERS.sub(lambda m: terms[int(m.group(1))], str(soup))


# Private-use characters: never in our pages' text, and not escaped in output.
PLACEHOLDER = ("\ue000training-term-", "\ue001")
PLACEHOLDERS = re.compile(re.escape(PLACEHOLDER[0]) + r"(\d+)" + re.escape(PLACEHOLDER[1]))


# A term's HTML as it would read once parsed into the page and written out
# again (the same bytes as before placeholders), parsed once per variant.
@functools.lru_cache(maxsize=4096)
def term_html(html: str) -> str:
    return str(BeautifulSoup(html, "html.parser"))
