"""Shortcut `parallel`: each language built in its own process, merged into one site.

    python -m mkdocs_training build [--strict] [-d SITE]     (make build, make publish)

static-i18n builds the languages one after the other in one process; here
each language is a build of its own (the engine's command, engine.py) (TRAINING_LANGUAGE=<code>, the
training plugin's `language` option) into its own folder, all at once, and
the folders are merged into site/. The output is byte for byte that of
`properdocs build` (tests/test_parallel.py, tests/test_fast_paths.py). With
the shortcut off (TRAINING_FAST=off) the same command runs the engine's own
build, every language one after the other in one process.

All of this module is the shortcut, in the command's process (start, wait,
merge, finish) and in each language's (build_only, hand_over): none of it
runs on the engine's path, so none of it lives elsewhere.

Why not static-i18n's `build_only_locale`: it makes the one language it
builds the default, so Italian would be written to the site's root, and its
language switcher and page alternates would list only that language. Here
static-i18n keeps every language configured (switcher, alternates, hreflang
as in the whole build); it is only told which language to build, and not to
start the others (build_only below).

A language's process writes its own pages and folder, and the files every
language writes alike (the theme's assets). It leaves out what belongs to
the whole site: the sitemap (its entries are handed over in PART_FILE), the
security headers and the precompressed copies, which are made once after
the merge. A file that two processes both write must be the same in both,
or the merge stops, naming it.
"""

from __future__ import annotations

import filecmp
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs_training import fast
from mkdocs_training.checks import docs_folder
from mkdocs_training.core import engine, i18n
from mkdocs_training.core.cache import cache_dir
from mkdocs_training.core.context import Build, Site
from mkdocs_training.core.log import log
from mkdocs_training.publish import compress, sitemap

# What a language's process hands over to the merge, at the root of its folder (not published).
PART_FILE = ".training-part.json"
# Written at the root by every language build, in the language of the build: the
# default language's are the site's; any other language's goes into its folder
# (notfound.py, search.py), so its copy at the root is dropped.
DEFAULT_LANGUAGE_FILES = ("404.html", "search/search_index.json", "search/search_index.js")
# Written for the whole site after the merge (sitemap.py).
WHOLE_SITE_FILES = ("sitemap.xml", "sitemap.xml.gz")


# -----------------------------------------------------------------------------
# In a language's process (the training plugin's events)
# -----------------------------------------------------------------------------


def build_only(config: MkDocsConfig, languages: i18n.Languages, language: str) -> None:
    """Make static-i18n build `language` alone, into its usual folder, with every language configured."""
    if language not in languages.codes:
        raise PluginError(
            f"TRAINING_LANGUAGE={language!r} is not a language of mkdocs.yml "
            f"({', '.join(languages.codes)}); set one of them, or unset it to build them all."
        )
    plugin = config.plugins["i18n"]
    if not hasattr(plugin, "building") or not hasattr(plugin, "current_language"):
        raise PluginError(
            "mkdocs-static-i18n no longer has 'building' and 'current_language'; "
            "update build_only() in mkdocs_training/fast/parallel.py for its new version."
        )
    plugin.current_language = language
    # static-i18n starts the other languages' builds at the end of this one
    # unless it is already building them.
    plugin.building = True


def check_docs_quietly(docs: Path, root: Path) -> None:
    """Stop a language's process on a bad symbolic link in docs/; the default language's process names them."""
    if docs_folder.link_problems(docs, root):
        raise PluginError(
            "docs/ holds symbolic links the build cannot follow safely "
            "(the default language's build lists them); nothing was built."
        )


def hand_over(config: MkDocsConfig, build: Build, site: Site) -> None:
    """Leave in this language's folder only what is its own or the same in every language."""
    site_dir = Path(config.site_dir)
    dropped = WHOLE_SITE_FILES + (() if build.is_default else DEFAULT_LANGUAGE_FILES)
    for name in dropped:
        (site_dir / name).unlink(missing_ok=True)
    if not (build.preview or build.offline):
        # Brotli is slow: each language compresses its own files, at once. The
        # default language's process also does those every language shares.
        own = site_dir / i18n.folder(build.language, build.languages)
        others = [
            site_dir / i18n.folder(code, build.languages) for code in build.languages.translations
        ]
        files = sorted(own.rglob("*"))
        if build.is_default:  # Its folder is the site's root, where the others' folders go.
            files = [
                path for path in files if not any(path.is_relative_to(other) for other in others)
            ]
        count, made = compress.precompress(site_dir, cache_dir(config, "compressed", build), files)
        log.info(
            f"precompressed {count} files of '{build.language}' (.gz, .br); {made} copies made, "
            "the rest from the cache"
        )
    part = {"language": build.language, "sitemap": site.own(sitemap.Entries).by_page}
    (site_dir / PART_FILE).write_text(json.dumps(part, ensure_ascii=False), encoding="utf-8")


# -----------------------------------------------------------------------------
# The command: start, wait, merge, finish
# -----------------------------------------------------------------------------


class BuildFailed(Exception):
    pass


def build_site(config_file: Path, site_dir: Path | None, strict: bool) -> int:
    """Build every language in its own process and merge them into the site folder; the exit status."""
    # Warnings of this process (loading the config, the merge, the sitemap), counted on
    # the logger the engine uses: on any other, strict mode would miss them.
    counter = engine.count_warnings()
    start = time.monotonic()
    config = load(config_file, site_dir)
    if "parallel" not in fast.chosen(config):
        log.info(
            "the parallel shortcut is off (TRAINING_FAST): the engine's build, languages one after the other"
        )
        command = engine.command(
            "build",
            "-f",
            str(config_file),
            "-d",
            str(config.site_dir),
            *(["--strict"] if strict else []),
        )
        return subprocess.run(command, env=engine.environment(), check=False).returncode
    strict = strict or bool(config.strict)
    languages = i18n.Languages.from_config(config)
    site = Path(config.site_dir)
    # Beside the site folder, so that the merge moves files rather than copying them.
    work = site.parent / f".{site.name}-languages"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        parts = run_languages(config_file, languages, work, strict)
        problems = merge(parts, site)
        if problems:
            raise BuildFailed(
                "\n".join(problems[:20])
                + (f"\n... and {len(problems) - 20} more" if len(problems) > 20 else "")
                + f"\n{site}: not written: the languages' builds differ in the files above, which are "
                "outside any language's folder. Make each the same in every language, or write it "
                "once after the merge (mkdocs_training/fast/parallel.py)."
            )
        finish(config, languages, site, parts)
    except BuildFailed as error:
        log.error(str(error))
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if strict and counter.counts.get(logging.WARNING):
        log.error(f"Aborted with {counter.counts[logging.WARNING]} warning(s) in strict mode.")
        return 1
    engine.logger().info(
        f"Documentation built in {time.monotonic() - start:.2f} seconds (languages in parallel)"
    )
    return 0


def load(config_file: Path, site_dir: Path | None) -> MkDocsConfig:
    overrides = {"site_dir": str(site_dir)} if site_dir else {}
    return engine.load_config(str(config_file), **overrides)


def run_languages(
    config_file: Path, languages: i18n.Languages, work: Path, strict: bool
) -> dict[str, Path]:
    """One engine build per language, all at once; their folders, or BuildFailed with each failure's output.

    The default language's process writes to this terminal as it goes; the
    others' output follows, in the order of mkdocs.yml, when it is done.
    """
    processes = {}
    for code in languages.codes:
        folder = work / code
        command = engine.command(
            "build", "-f", str(config_file), "-d", str(folder), *(["--strict"] if strict else [])
        )
        env = engine.environment(TRAINING_LANGUAGE=code)
        # Closed by the loop below, once its output is copied to the terminal.
        output = None if code == languages.default else tempfile.TemporaryFile()  # noqa: SIM115
        processes[code] = (
            subprocess.Popen(
                command, env=env, stdout=output, stderr=subprocess.STDOUT if output else None
            ),
            output,
            folder,
        )
    failed = []
    for code, (process, output, folder) in processes.items():
        _, wait_status, usage = os.wait4(process.pid, 0)
        status = process.returncode = os.waitstatus_to_exitcode(wait_status)
        if output is not None:
            output.seek(0)
            sys.stderr.write(output.read().decode("utf-8", "replace"))
            sys.stderr.flush()
            output.close()
        if status != 0:
            failed.append(
                f"the build of '{code}' ({languages.names[code]}) failed (exit status {status}); "
                "its messages are above"
            )
        elif not (folder / PART_FILE).exists():
            failed.append(
                f"the build of '{code}' ended without handing over its part ({PART_FILE}): "
                "is the training plugin in mkdocs.yml, with language: !ENV TRAINING_LANGUAGE?"
            )
        else:
            log.info(
                f"'{code}' built in its own process: {usage.ru_utime + usage.ru_stime:.1f} s CPU, "
                f"peak memory {usage.ru_maxrss / 1024:.0f} MiB"
            )
    if failed:
        raise BuildFailed("; ".join(failed) + ". The site folder was not changed.")
    return {code: folder for code, (_, _, folder) in processes.items()}


def merge(parts: dict[str, Path], site: Path) -> list[str]:
    """Move every language's files into the site folder; the files two languages wrote differently, if any."""
    sources: dict[Path, tuple[str, Path]] = {}
    problems = []
    for code, folder in parts.items():
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_dir() or relative == Path(PART_FILE):
                continue
            if relative not in sources:
                sources[relative] = (code, path)
            elif not filecmp.cmp(sources[relative][1], path, shallow=False):
                problems.append(
                    f"{site / relative}: the '{sources[relative][0]}' and '{code}' builds "
                    "wrote different versions"
                )
    if problems:
        return problems
    # As the engine does before a build: emptied, but its hidden files kept.
    site.mkdir(parents=True, exist_ok=True)
    engine.clean_directory(str(site))
    for relative, (_, path) in sources.items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
    return []


def finish(
    config: MkDocsConfig, languages: i18n.Languages, site: Path, parts: dict[str, Path]
) -> None:
    """What spans the languages, once they are merged: as the last language of `properdocs build` does it."""
    from mkdocs_training import publish

    whole = Site()
    for folder in parts.values():
        part = json.loads((folder / PART_FILE).read_text(encoding="utf-8"))
        for english, by_language in part["sitemap"].items():
            whole.own(sitemap.Entries).by_page.setdefault(english, {}).update(by_language)
    options = config.plugins["training"].config
    sitemap.write(config, languages, whole)
    last = Build(
        config,
        languages,
        languages.codes[-1],
        {},
        preview=options.preview,
        offline=options.offline,
        cache=options.cache,
        whole_pdf_max_modules=options.whole_pdf_max_modules,
    )
    # The languages have compressed their own files (hand_over); what is left is what was written here.
    publish.finish(
        config,
        last,
        compress_only=[site / name for name in WHOLE_SITE_FILES if name.endswith(".xml")],
    )
