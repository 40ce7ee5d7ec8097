"""Translation files for agencies: XLIFF export and import (xliff.py) of the units of pages and YAML files (segments.py)."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parsers(commands) -> None:
    export = commands.add_parser(
        "export-xliff", help="every translatable text of one language, as XLIFF 1.2"
    )
    export.add_argument("--lang", required=True, help="the language to translate into, e.g. it")
    export.add_argument(
        "-o", "--out", type=Path, help="the file to write (default dist/xliff/<lang>.xlf)"
    )
    imported = commands.add_parser(
        "import-xliff", help="write the translations of an XLIFF 1.2 or 2.x file"
    )
    imported.add_argument("file", type=Path)


def run(args, languages, docs: Path, root: Path) -> int:
    from mkdocs_training.translations.exchange import xliff

    if args.command == "export-xliff":
        if args.lang not in languages.translations:
            print(
                f"'{args.lang}' is not a translated language of this site ({', '.join(languages.translations)}). "
                "Name one: make export-xliff LANG=it",
                file=sys.stderr,
            )
            return 2
        out = args.out or root / "dist" / "xliff" / f"{args.lang}.xlf"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(xliff.export(root, docs, languages, args.lang))
        print(
            f"{out.resolve().relative_to(root.resolve()) if out.resolve().is_relative_to(root.resolve()) else out}: written. Send it to the agency; bring back the translated file with "
            "make import-xliff FILE=<file>."
        )
        return 0
    try:
        changed = xliff.import_file(args.file, root, docs, languages)
    except (xliff.XliffProblems, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        print(f"{args.file}: nothing imported.", file=sys.stderr)
        return 1
    for path, text in changed.items():
        path.write_text(text, encoding="utf-8")
        print(f"{path.resolve().relative_to(root.resolve())}: updated")
    if not changed:
        print(f"{args.file}: every translation in it is already in place; nothing changed.")
    else:
        print(
            "Review the pages, then record each as current: make translated FILE=docs/<page>.<lang>.md"
        )
    return 0
