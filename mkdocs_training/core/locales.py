"""Our interface strings (locales/<language>.yml) and the theme labels they translate.

A string whose words depend on a number is a plural map, keyed by the CLDR
plural categories of the language (Babel's rules; the browser's
Intl.PluralRules uses the same data):

    reading_time:
      one: "{minutes} min read"
      other: "{minutes} min read"

Each language's map has exactly the categories its language has (English
one, other; Italian one, many, other; Polish one, few, many, other).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core import escaping, typography, yamlfile
from mkdocs_training.core.log import log

# Every CLDR plural category, in CLDR's order.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# Values that are not text for readers: left exactly as written.
NOT_TEXT = {"date_locale", "pdf.file"}


@dataclass
class Strings:
    by_language: dict[str, dict]
    problems: list[str] = field(default_factory=list)


def is_plural(value) -> bool:
    """A plural map: a mapping with at least one key that is a CLDR plural category."""
    return isinstance(value, dict) and any(key in PLURAL_CATEGORIES for key in value)


def categories(language: str) -> list[str]:
    """The plural categories of a language, 'other' included, in CLDR order (UnknownLocaleError if Babel has none)."""
    tags = Locale.parse(language.replace("-", "_")).plural_form.tags | {"other"}
    return [category for category in PLURAL_CATEGORIES if category in tags]


def plural(forms: dict | str, count: int, language: str) -> str:
    """The form of a plural map for `count` in `language` (a plain string is its own form)."""
    if not isinstance(forms, dict):
        return forms
    category = Locale.parse(language.replace("-", "_")).plural_form(count)
    # A missing form was reported when the strings were loaded (the strict build fails).
    return forms.get(category, forms.get("other", next(iter(forms.values()), "")))


def _keys(data: dict, prefix: str = "") -> set[str]:
    """Dotted keys, a plural map counting as one key (its categories differ by language)."""
    keys = set()
    for key, value in data.items():
        keys.add(prefix + str(key))
        if isinstance(value, dict) and not is_plural(value):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def _plurals(data: dict, prefix: str = "") -> dict[str, dict]:
    """Every plural map, by dotted key."""
    found = {}
    for key, value in data.items():
        if is_plural(value):
            found[prefix + str(key)] = value
        elif isinstance(value, dict):
            found |= _plurals(value, f"{prefix}{key}.")
    return found


def _lines(text: str) -> dict[str, int]:
    """The line of every dotted key of a YAML file, for messages."""
    lines = {}

    def walk(node, prefix):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                dotted = prefix + str(key.value)
                lines[dotted] = key.start_mark.line + 1
                walk(value, dotted + ".")

    with contextlib.suppress(yaml.YAMLError):  # Reported where the file is loaded.
        walk(yaml.compose(text), "")
    return lines


def _smartened(data, prefix: str = ""):
    """Text values with the typography of the pages (typography.py); keys and NOT_TEXT as written."""
    if isinstance(data, dict):
        return {key: _smartened(value, f"{prefix}{key}.") for key, value in data.items()}
    if isinstance(data, str) and prefix[:-1] not in NOT_TEXT:
        return typography.smarten(data)
    return data


def _without_markup(code: str, data: dict, lines: dict[str, int], prefix: str = "") -> list[str]:
    """A problem for each string with "<" in it, which is shown as "‹": the theme
    puts some strings in titles that its tooltips show as HTML (content.tooltips)."""
    problems = []
    for key, value in data.items():
        if isinstance(value, dict):
            problems += _without_markup(code, value, lines, f"{prefix}{key}.")
        elif isinstance(value, str) and "<" in value:
            data[key] = value.replace("<", "\u2039")
            line = lines.get(f"{prefix}{key}")
            problems.append(
                f"locales/{code}.yml{f':{line}' if line else ''}: '{prefix}{key}' holds '<'. Interface "
                "strings are text, and the theme shows some as HTML: write it without '<'."
            )
    return problems


def load_strings(root: Path, codes: list[str]) -> Strings:
    """Every language's strings, with a problem for each file, key or plural form that is missing."""
    result = Strings({})
    lines: dict[str, dict[str, int]] = {}
    unreadable: set[str] = set()
    for code in codes:
        path = root / "locales" / f"{code}.yml"
        try:
            text = path.read_text(encoding="utf-8")
            result.by_language[code] = _smartened(yamlfile.load(text) or {})
            lines[code] = _lines(text)
            result.problems += _without_markup(code, result.by_language[code], lines[code])
        except FileNotFoundError:
            result.problems.append(
                f"locales/{code}.yml is missing: copy locales/{codes[0]}.yml and translate it."
            )
            result.by_language[code] = {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            reason = (
                f"{error.problem}."
                if isinstance(error, yamlfile.NotPlainData)
                else f"not valid YAML ({error}). Fix the syntax."
            )
            result.problems.append(f"locales/{code}.yml{line}: {reason}")
            result.by_language[code] = {}
            unreadable.add(code)
    reference = _keys(result.by_language[codes[0]])
    for code in codes[1:]:
        if unreadable & {code, codes[0]}:  # Reported once as a file, not again key by key.
            continue
        have = _keys(result.by_language[code])
        for key in sorted(reference - have):
            result.problems.append(
                f"locales/{code}.yml: key '{key}' is missing; translate it from locales/{codes[0]}.yml."
            )
        for key in sorted(have - reference):
            result.problems.append(
                f"locales/{code}.yml: key '{key}' is not in locales/{codes[0]}.yml; remove it or add it there."
            )
    plural_keys = set(_plurals(result.by_language[codes[0]]))
    for code in codes:
        if result.by_language[code]:
            result.problems += _plural_problems(
                code, codes[0], result.by_language[code], plural_keys, lines.get(code, {})
            )
    for code in codes[1:]:
        # Build on: a missing string shows in English, and the strict build fails on the warning above.
        result.by_language[code] = _merged(result.by_language[codes[0]], result.by_language[code])
    for code in codes:
        pdf = result.by_language[code].get("pdf")
        name = pdf.get("file") if isinstance(pdf, dict) else None
        if name is not None and not pdf_file_name_ok(name):
            text = (root / "locales" / f"{code}.yml").read_text(encoding="utf-8")
            number = next(
                (n for n, t in enumerate(text.splitlines(), 1) if re.match(r"\s+file\s*:", t)), 1
            )
            result.problems.append(
                f"locales/{code}.yml:{number}: pdf.file '{name}' is not a plain file name. Write a name such as "
                "'staff-training.pdf': letters, digits, '.', '-' and '_' only, no folders, not starting "
                "with '.', ending in '.pdf'."
            )
    return result


# The PDF's file name comes from a translator's strings and becomes a path
# and a link: a plain name in the language's folder, nothing else.
PDF_FILE = re.compile(r"[\w.-]+\.pdf")


def pdf_file_name_ok(name: object) -> bool:
    return (
        isinstance(name, str) and PDF_FILE.fullmatch(name) is not None and not name.startswith(".")
    )


def _plural_problems(
    code: str, source: str, data: dict, plural_keys: set[str], lines: dict[str, int]
) -> list[str]:
    """Each plural map must have exactly the CLDR categories of its language."""
    try:
        needed = categories(code)
    except (UnknownLocaleError, ValueError):
        return [
            (
                f"locales/{code}.yml: Babel has no plural rules for the language '{code}'. "
                "Use a language code Babel knows (as in mkdocs.yml: en, it, pt_BR)."
            )
        ]
    name = Locale.parse(code.replace("-", "_")).get_display_name("en")
    problems = []
    maps = _plurals(data)
    for key in sorted(plural_keys | set(maps)):
        where = f"locales/{code}.yml:{lines[key]}" if key in lines else f"locales/{code}.yml"
        value = _get(data, key)
        if key not in plural_keys:
            problems.append(
                f"{where}: '{key}' has plural forms, but in locales/{source}.yml it is one string. "
                f"Write one string here, or plural forms there too."
            )
            continue
        if value is None:
            continue  # Reported as a missing key.
        if not isinstance(value, dict):
            problems.append(
                f"{where}: '{key}' must have one form per plural category of {name}: "
                f"{', '.join(needed)} (see locales/{source}.yml)."
            )
            continue
        for category in needed:
            if category not in value:
                problems.append(
                    f"{where}: '{key}' has no '{category}' form; {name} needs the plural "
                    f"categories {', '.join(needed)}. Add '{category}:'."
                )
        for category in value:
            if category not in needed:
                problems.append(
                    f"{where}: '{key}' has a '{category}' form, which is not a plural category "
                    f"of {name} ({', '.join(needed)}). Remove it or correct its name."
                )
    return problems


def _get(data: dict, dotted: str):
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _merged(base: dict, over: dict) -> dict:
    """`over` on top of `base`, key by key at every level; a plural map is taken whole."""
    merged = dict(base)
    for key, value in over.items():
        nested = (
            isinstance(value, dict) and isinstance(base.get(key), dict) and not is_plural(value)
        )
        merged[key] = _merged(base[key], value) if nested else value
    return merged


# Palette toggle labels: mkdocs.yml names them in English. The config object
# is shared by all language builds, so keep the English name to start from.
def localize_theme(config: MkDocsConfig, language: str, ui: dict) -> None:
    for option in config.theme.get("palette") or []:
        toggle = option.get("toggle")
        if toggle:
            name = toggle.setdefault("source_name", toggle["name"])
            if name not in ui["palette"]:
                log.warning(
                    f"mkdocs.yml: palette toggle '{name}' has no entry in "
                    f"locales/{language}.yml under 'palette:'. Add its translation there."
                )
                continue
            # Material prints the name as it is, in an attribute.
            toggle["name"] = escaping.text(str(ui["palette"][name]))

    config.mdx_configs.setdefault("toc", {})["permalink_title"] = ui["permalink_title"]
