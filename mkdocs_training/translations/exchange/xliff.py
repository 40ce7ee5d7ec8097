"""XLIFF files for translation agencies: `make export-xliff LANG=it`, `make import-xliff FILE=...`.

The export holds, for one language, every page (its headings, paragraphs,
list items, quotations, box titles, title and description, knowledge
checks), the glossary and the interface strings (plural forms one by one),
as XLIFF 1.2, one <file> per file it will write (`original`: the translation's
path), each unit keyed by its place in the page (segments.py), with the
current translation as target where there is one. Placeholders `<x id="n"/>`
stand for the Markdown syntax, anchors and links a translation must keep;
each unit's note says what they are.

The import reads XLIFF 1.2 or 2.x (translate-toolkit's stores) and writes
only the units whose text changed, each over exactly its own characters: a
file exported and imported untouched changes no byte. Anything wrong in the
file (an unknown file or unit, a placeholder lost or added) is reported with
the XLIFF file's line and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from translate.storage import xliff as xliff12
from translate.storage import xliff2
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import X

from mkdocs_training.core.i18n import Languages, split_locale
from mkdocs_training.translations.exchange import segments

NAMESPACE_12 = "urn:oasis:names:tc:xliff:document:1.2"


class Unit12(xliff12.xliffunit):
    namespace = NAMESPACE_12


class Xliff12(xliff12.xlifffile):
    """translate-toolkit's XLIFF store, written as version 1.2 (its default is 1.1)."""

    UnitClass = Unit12
    namespace = NAMESPACE_12
    XMLskeleton = (
        f'<?xml version="1.0" ?>\n<xliff version="1.2" xmlns="{NAMESPACE_12}">\n'
        '<file original="NoName" source-language="en" datatype="plaintext">\n<body>\n</body>\n</file>\n</xliff>'
    )


class XliffProblems(ValueError):
    """Every problem of an XLIFF file, one per line: nothing was written."""


@dataclass
class Pair:
    """One file of the export: the English it comes from and the translation it writes."""

    english: Path
    translation: Path
    kind: str  # "page" or "yaml"

    def units(self, text: str) -> segments.Document:
        if self.kind == "page":
            return segments.page(text)
        return segments.yaml_file(text, skip=("date_locale",))


def pairs(root: Path, docs: Path, languages: Languages, language: str) -> list[Pair]:
    found = []
    for path in sorted(docs.rglob("*.md")):
        _, locale = split_locale(path.as_posix(), languages.codes)
        if locale is None:
            found.append(Pair(path, path.with_name(f"{path.stem}.{language}.md"), "page"))
    for folder in ("glossary", "locales"):
        english = root / folder / f"{languages.default}.yml"
        if english.exists():
            found.append(Pair(english, root / folder / f"{language}.yml", "yaml"))
    return found


def _codes(unit: segments.Unit, english: segments.Unit | None) -> list[str]:
    """Placeholder n stands for codes[n - 1]: the English unit's codes first, then any the translation adds."""
    codes = list(english.codes if english else unit.codes)
    spare = list(codes)
    for code in unit.codes:
        if code in spare:
            spare.remove(code)
        else:
            codes.append(code)
    return codes


def _rich(unit: segments.Unit, codes: list[str]) -> list[StringElem]:
    used: list[int] = []
    elements: list[str | X] = []
    for part in unit.parts:
        if isinstance(part, str):
            elements.append(part)
            continue
        code = unit.codes[part - 1]
        number = next(n for n, c in enumerate(codes, start=1) if c == code and n not in used)
        used.append(number)
        elements.append(X(id=str(number)))
    return [StringElem(elements)]


def export(root: Path, docs: Path, languages: Languages, language: str) -> bytes:
    store = Xliff12(sourcelanguage=languages.default, targetlanguage=language)
    for pair in pairs(root, docs, languages, language):
        english = pair.units(pair.english.read_text(encoding="utf-8")).by_key()
        own = (
            pair.units(pair.translation.read_text(encoding="utf-8")).by_key()
            if pair.translation.exists()
            else {}
        )
        # A YAML translation keeps its own keys (its language's plural forms); a page, the English ones.
        keys = list(own) if pair.kind == "yaml" and own else list(english)
        store.switchfile(_shown(pair.translation, root), createifmissing=True)
        for key in keys:
            source = english.get(key) or english.get(key.rsplit(".", 1)[0] + ".other")
            target = own.get(key)
            if source is None:
                continue  # Only in the translation: the build's own checks report it.
            codes = _codes(target or source, source)
            unit = store.UnitClass(source.text)
            store.addunit(unit)
            unit.setid(key)
            unit.rich_source = _rich(source, codes)
            if target is not None:
                unit.rich_target = _rich(target, codes)
            note = f"{source.note}, line {source.line} of {_shown(pair.english, root)}"
            if codes:
                note += ". Keep the placeholders: " + ", ".join(
                    f"{n} = {c}" for n, c in enumerate(codes, start=1)
                )
            unit.addnote(note, origin="developer")
    return bytes(store)


def _shown(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


# -----------------------------------------------------------------------------
# Import
# -----------------------------------------------------------------------------


def _store(data: bytes):
    """The XLIFF file as translate-toolkit reads it: 2.x, or 1.2 (and 1.1)."""
    version = etree.fromstring(data).get("version", "")
    return (xliff2.Xliff2File if version.startswith("2") else xliff12.xlifffile).parsestring(data)


def _target_text(
    unit, codes: list[str], english: segments.Unit, where: str
) -> tuple[str | None, list[str]]:
    """The unit's translation with its placeholders put back, or None (no translation); and its problems.

    The source has placeholders 1..n (the English unit's codes), each once; the
    target must keep each of them once, and may keep once any code the current
    translation adds (n+1...)."""
    if not unit.target:
        return None, []
    pieces: list[str] = []
    seen: list[int] = []
    problems: list[str] = []
    for element in unit.rich_target[0].flatten() if unit.rich_target else []:
        if type(element) is StringElem:
            pieces.append(str(element))
            continue
        number = int(element.id) if str(getattr(element, "id", "")).isdigit() else 0
        if not 1 <= number <= len(codes):
            problems.append(
                f"{where}: placeholder {getattr(element, 'id', '?')} is not one of this unit's "
                f"({', '.join(map(str, range(1, len(codes) + 1))) or 'it has none'}). Remove it."
            )
            continue
        seen.append(number)
        pieces.append(codes[number - 1])
    for number, code in enumerate(codes, start=1):
        required = number <= len(english.codes)
        if seen.count(number) != 1 and (required or seen.count(number) > 1):
            problems.append(
                f"{where}: placeholder {number} ({code}) is in the target {seen.count(number)} "
                "time(s); keep it exactly once, where its Markdown belongs."
            )
    return "".join(pieces), problems


def import_file(path: Path, root: Path, docs: Path, languages: Languages) -> dict[Path, str]:
    """The new text of each file the XLIFF file changes; XliffProblems lists every problem (nothing written)."""
    data = path.read_bytes()
    try:
        store = _store(data)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise XliffProblems(f"{path}: not an XLIFF file ({error}).") from None
    language = store.gettargetlanguage() or ""
    if language not in languages.translations:
        raise XliffProblems(
            f"{path}: its target language '{language}' is not a translated language of this site "
            f"({', '.join(languages.translations)})."
        )
    known = {_shown(p.translation, root): p for p in pairs(root, docs, languages, language)}
    problems: list[str] = []
    changed: dict[Path, str] = {}
    for name in _file_names(store):
        pair = known.get(name)
        if pair is None:
            problems.append(
                f"{path}: <file original=\"{name}\"> is not a file of this site for '{language}'. "
                "Export a fresh file with make export-xliff."
            )
            continue
        english = pair.units(pair.english.read_text(encoding="utf-8")).by_key()
        # A new translation starts from the English file, each unit replaced by its translation.
        base = (pair.translation if pair.translation.exists() else pair.english).read_text(
            encoding="utf-8"
        )
        own = pair.units(base).by_key()
        edits = []
        for unit in _units_of(store, name):
            key = _id_of(unit)
            where = f"{path}:{unit.xmlelement.sourceline}: unit '{key}' of {name}"
            source, current = (
                english.get(key) or english.get(key.rsplit(".", 1)[0] + ".other"),
                own.get(key),
            )
            if source is None or current is None:
                problems.append(
                    f"{where}: no such unit in {name} (its structure changed since the export?). "
                    "Export a fresh file with make export-xliff."
                )
                continue
            text, bad = _target_text(unit, _codes(current, source), source, where)
            problems += bad
            if text is not None and not bad and text != current.text:
                edits.append((current.start, current.end, current.written(text)))
        if edits:
            for start, end, text in sorted(edits, reverse=True):
                base = base[:start] + text + base[end:]
            changed[pair.translation] = base
    if problems:
        raise XliffProblems("\n".join(problems))
    return changed


def _up(element, names: tuple[str, ...]):
    while element is not None and etree.QName(element).localname not in names:
        element = element.getparent()
    return element


def _file_names(store) -> list[str]:
    return list(dict.fromkeys(_file_of(unit) for unit in store.unit_iter()))


def _file_of(unit) -> str:
    node = _up(unit.xmlelement, ("file",))
    return "" if node is None else node.get("original") or node.get("id") or ""


def _units_of(store, name: str) -> list:
    return [unit for unit in store.unit_iter() if _file_of(unit) == name]


def _id_of(unit) -> str:
    node = _up(unit.xmlelement, ("trans-unit", "unit"))
    return "" if node is None else node.get("id") or ""
