"""A new language by configuration: `make new-language LANG=fr`.

Writes what a language needs before its first page is translated, so that
the site builds at once with the language in its switcher:

- `locales/<code>.yml`: the interface strings, in English until translated,
  each plural string with exactly the language's CLDR categories (Babel);
- `glossary/<code>.yml`: the glossary, in English until translated;
- in mkdocs.yml, the language under `plugins > i18n > languages` (its name
  in its own language, from CLDR) and `<code>: partial` under `plugins >
  training > translations`, so its missing pages are published in English
  under the notice and the translation check only warns until it is
  switched to `required`.

Nothing is written if the language exists or is unknown to CLDR.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from mkdocs_training.core import i18n, yamlfile
from mkdocs_training.core.i18n import Languages
from mkdocs_training.core.locales import categories, is_plural


def _plurals(value, language: str, english: str):
    """The English strings with each plural map given the language's categories (the English 'other' for new ones)."""
    if is_plural(value):
        return {
            category: value.get(category, value.get("other")) for category in categories(language)
        }
    if isinstance(value, dict):
        return {key: _plurals(item, language, english) for key, item in value.items()}
    return value


def _entry(code: str, name: str) -> str:
    return (
        f"        - locale: {code}\n"
        f"          name: {name}\n"
        f"          theme:\n"
        f"            language: {code}\n"
    )


def create(root: Path, code: str, default: str, existing: list[str]) -> list[str]:
    """Write the language's files and configuration; the paths written, or ValueError saying why not."""
    if not i18n.is_locale(code):  # What static-i18n accepts: fr, pt_BR, pt-BR, zh-Hant.
        raise ValueError(
            f"'{code}' is not a language code. Use a CLDR code such as fr, de or pt_BR."
        )
    if code in existing:
        raise ValueError(
            f"'{code}' is a language of this site already (mkdocs.yml: {', '.join(existing)})."
        )
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(
            f"'{code}' is not a language CLDR knows. Use a code such as fr, de or pt_BR."
        ) from None
    name = locale.get_display_name(locale) or code
    name = name[:1].upper() + name[1:]
    config_path = root / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    languages = re.search(r"(?m)^(\s*)languages:\n", config)
    training = re.search(r"(?m)^  - training:\n", config)
    if not languages or not training:
        raise ValueError(
            "mkdocs.yml: found no 'languages:' under the i18n plugin or no '- training:' plugin."
        )
    written = []
    for folder, what in (("locales", "interface strings"), ("glossary", "glossary")):
        english = root / folder / f"{default}.yml"
        target = root / folder / f"{code}.yml"
        if not english.exists():
            continue
        # Through yamlfile, as the build reads it: plain data only (no aliases to walk without end).
        data = _plurals(yamlfile.load(english.read_text(encoding="utf-8")), code, default)
        header = (
            f"# The {what} in {name} ({code}), copied from {folder}/{default}.yml by\n"
            f"# `make new-language`: still English, to translate (or make export-xliff LANG={code}).\n"
        )
        if folder == "locales":
            data["date_locale"] = code
        target.write_text(
            header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        written.append(f"{folder}/{code}.yml")
    # The new language goes last among the languages: static-i18n's languages list ends where the
    # next plugin of the list starts.
    following = re.compile(r"(?m)^  (?:- |#)").search(config, languages.end())
    if following is None:
        raise ValueError("mkdocs.yml: found no plugin after the i18n plugin's 'languages:'.")
    end = following.start()
    while config[:end].endswith("\n\n"):
        end -= 1  # Before the blank line that ends the languages, not after it.
    config = config[:end] + "\n" + _entry(code, name) + config[end:]
    training = re.search(r"(?m)^  - training:\n", config)
    assert training is not None  # Found above; the entry added did not remove it.
    policies = re.search(r"(?m)^      translations:\n", config[training.end() :])
    insert = f"        {code}: partial\n"
    if policies and config[training.end() :].startswith("      translations:\n"):
        at = training.end() + policies.end()
        config = config[:at] + insert + config[at:]
    else:
        config = (
            config[: training.end()] + "      translations:\n" + insert + config[training.end() :]
        )
    config_path.write_text(config, encoding="utf-8")
    written.append("mkdocs.yml")
    return written


def command(root: Path, languages: Languages, code: str) -> int:
    """`python -m mkdocs_training new-language CODE`: what was written and what it means, or why not."""
    try:
        written = create(root, code, languages.default, languages.codes)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"Written: {', '.join(written)}. The site builds with '{code}' now: its pages show in "
        f"{languages.names[languages.default]} under a notice until translated (docs/<page>.{code}.md)."
    )
    return 0
