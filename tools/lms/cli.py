"""`python -m tools lms SITE OUT`: pack a file-link build into LMS packages (`make lms`)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from tools.i18n import Languages, load_strings


def add_command(commands) -> None:
    lms = commands.add_parser("lms", help="SCORM packages of every module and of the whole training")
    lms.add_argument("site", type=Path, help="a build made with TRAINING_OFFLINE=on (make lms)")
    lms.add_argument("out", type=Path, help="folder for the zips, e.g. dist/lms")


def run(args) -> int:
    from mkdocs.config import load_config

    from tools.lms import modules, package

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(args.config_file))
    languages = Languages.from_config(config)
    found, problems = modules.find(config, args.config_file.parent)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    if not found:
        print(f"{args.config_file}: no pages under modules/ in nav; nothing to package", file=sys.stderr)
        return 1
    if not (args.site / "modules").is_dir():
        print(f"{args.site}: not a file-link build of the site; run make lms", file=sys.stderr)
        return 1
    names, descriptions = {}, {}
    for entry in config.plugins["i18n"].config.languages:
        names[entry.locale] = entry.site_name or config.site_name
        descriptions[entry.locale] = " ".join((entry.site_description or config.site_description or "").split())
    # Zip dates come from SOURCE_DATE_EPOCH (reproducible) or 1980-01-01.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    date = time.gmtime(max(epoch, 315532800))[:6]
    strings = load_strings(args.config_file.parent, languages.codes)
    if strings.problems:
        print("\n".join(strings.problems), file=sys.stderr)
        return 1
    notes = {code: strings.by_language[code]["lms"]["stored"] for code in languages.codes}
    try:
        written = package.write_all(args.site, found, languages.codes, names, descriptions, notes, args.out, date)
    except (FileNotFoundError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    for item in written:
        print(f"{item.path}: SCORM {item.version}, {item.language}, {', '.join(item.modules)} "
              f"({item.files} files, {item.path.stat().st_size // 1024} KB)")
    return 0
