"""The commands for authors, translators and publishers (`python -m mkdocs_training ...`).

    python -m mkdocs_training translations            status of every page in every language
    python -m mkdocs_training translations --check    the same; exit 1 unless all are up to date
    python -m mkdocs_training translations mark FILE  record a reviewed translation as current
    python -m mkdocs_training headers SITE            write deploy/nginx/security-headers.conf for a built site
                                                      (refused while a page holds inline code not the theme's)
    python -m mkdocs_training offline-zip SITE ZIP    pack an offline build (TRAINING_OFFLINE=on) into a zip
    python -m mkdocs_training lms SITE OUT            SCORM packages of an offline build, for an LMS
    python -m mkdocs_training export-xliff --lang it  every translatable text of a language, as XLIFF 1.2
    python -m mkdocs_training import-xliff FILE       write the translations of an XLIFF 1.2 or 2.x file
    python -m mkdocs_training new-module NAME         a module page in the shape of the others, in the nav
    python -m mkdocs_training nginx-languages         deploy/nginx/training.conf's language negotiation from mkdocs.yml
    python -m mkdocs_training new-language fr         add a language (locale, glossary, mkdocs.yml entries)
    python -m mkdocs_training serve                   preview at http://127.0.0.1:8000; an edited page
                                                      shows at once, the rest follows (mkdocs_training/serve/)
    python -m mkdocs_training build [--strict] [-d SITE]
                                                      `properdocs build`, each language in its own process
                                                      at once, merged into one site (the same bytes)
    python -m mkdocs_training engine ARGUMENTS...     the engine's own command (engine.py), e.g.
                                                      `engine build --strict -d build/lms` (make lms)

Run them from the project folder (where mkdocs.yml is), as the engine itself.

The Makefile wraps these: `make translations`, `make translated FILE=...`,
`make headers`, `make offline`, `make lms`, `make serve`, `make build`, `make publish`.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

from mkdocs_training import authoring
from mkdocs_training.core import engine
from mkdocs_training.core.i18n import Languages
from mkdocs_training.translations.status import (
    MISMATCH,
    MISSING,
    NOT_REVIEWED,
    ORPHAN,
    OUTDATED,
    UP_TO_DATE,
    mark,
    scan,
)


def load_languages(config_file: Path) -> tuple[Languages, Path]:
    """The site's languages and docs folder, from mkdocs.yml."""
    languages, docs, _ = load_site(config_file)
    return languages, docs


def load_site(config_file: Path) -> tuple[Languages, Path, dict[str, str]]:
    """The site's languages, docs folder and each translated language's policy, from mkdocs.yml."""
    from mkdocs_training.translations.policy import policies

    # Loading the config loads its plugins, which log at INFO; keep the output to the table.
    engine.logger().setLevel(logging.WARNING)
    config = engine.load_config(str(config_file))
    languages = Languages.from_config(config)
    return languages, Path(config.docs_dir), policies(config, languages)


def section_names(keys: list[str]) -> str:
    names = {"_meta": "title/description", "_intro": "introduction"}
    return ", ".join(names.get(key, f"#{key}") for key in keys)


def diff_lines(status) -> list[str]:
    """An outdated translation's English changes since it was made, section by section."""
    lines = []
    for key, diff in status.diffs.items():
        title = status.titles.get(key)
        lines.append(section_names([key]) + (f" ({title})" if title else "") + ":")
        lines += [f"  {line}" for line in diff] or ["  (only spacing changed)"]
    return lines


def status_command(config_file: Path, check: bool) -> int:
    from mkdocs_training.translations.policy import REQUIRED

    languages, docs, policy = load_site(config_file)
    root = config_file.parent
    from mkdocs_training.quiz.blocks import content_problems

    report = scan(sorted(docs.rglob("*.md")), languages, root, docs, checks=[content_problems])
    rows = []
    for status in report.statuses:
        page = status.translation if status.state == ORPHAN else status.english
        state = status.state
        if status.state == OUTDATED:
            state += f": {section_names(status.changed)}"
        rows.append((str(page), status.language, state, status))
    width = max([len(r[0]) for r in rows] + [4])
    print(f"{'Page':<{width}}  Lang  Status")
    for name, language, state, status in rows:
        print(f"{name:<{width}}  {language:<4}  {state}")
        for detail in status.details:
            print(f"{'':<{width}}        {detail}")
        for line in diff_lines(status):
            print(f"{'':<{width}}        {line}")
    if report.problems:
        print("\nProblems that stop the build:")
        for problem in report.problems:
            print(f"  {problem}")
    states = (UP_TO_DATE, OUTDATED, NOT_REVIEWED, MISSING, ORPHAN, MISMATCH)
    counts = {s: sum(1 for r in rows if r[3].state == s) for s in states}
    print("\n" + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + ".")
    not_current = [r[3] for r in rows if r[3].state != UP_TO_DATE]
    # A partial language's missing, outdated or unreviewed pages are progress, not mistakes.
    failing = [
        s
        for s in not_current
        if policy.get(s.language) == REQUIRED or s.state in (ORPHAN, MISMATCH)
    ]
    partial = sorted({s.language for s in not_current} - {s.language for s in failing})
    if partial:
        print(
            f"Partial language{'s' if len(partial) > 1 else ''} (mkdocs.yml), so warnings only: "
            f"{', '.join(partial)}."
        )
    if not_current or report.problems:
        print(
            "To record a reviewed translation as current: make translated FILE=docs/<page>.<lang>.md"
        )
    if check and (failing or report.problems):
        return 1
    return 0


def mark_command(config_file: Path, files: list[str]) -> int:
    languages, docs = load_languages(config_file)
    status = 0
    for name in files:
        path = Path(name)
        try:
            changed = mark(path, languages, config_file.parent.resolve(), docs)
        except (ValueError, FileNotFoundError) as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = 1
            continue
        if changed:
            print(f"{name}: recorded as current ({len(changed)} section hashes updated).")
        else:
            print(f"{name}: already recorded as current.")
    return status


def zip_date() -> tuple[int, int, int, int, int, int]:
    """The date of every file in a zip: SOURCE_DATE_EPOCH (reproducible) or 1980-01-01, a zip's earliest."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)
    moment = time.gmtime(epoch)
    return (
        moment.tm_year,
        moment.tm_mon,
        moment.tm_mday,
        moment.tm_hour,
        moment.tm_min,
        moment.tm_sec,
    )


def offline_zip_command(site: Path, archive: Path) -> int:
    from mkdocs_training.publish.offline import offline_zip

    if not (site / "index.html").exists():
        print(f"{site}: not a built site; run make offline", file=sys.stderr)
        return 1
    count = offline_zip(site, archive, archive.stem, zip_date())
    print(
        f"{archive}: {count} files, {archive.stat().st_size // 1024} KB. Unzip and open {archive.stem}/index.html."
    )
    return 0


def lms_command(config_file: Path, site: Path, out: Path) -> int:
    from mkdocs_training.lms.package import PackagingError, write_all

    engine.logger().setLevel(logging.WARNING)
    config = engine.load_config(str(config_file))
    try:
        written = write_all(config, site, out, zip_date())
    except PackagingError as error:
        print(error, file=sys.stderr)
        return 1
    for item in written:
        print(
            f"{item.path}: SCORM {item.version}, {item.language}, {', '.join(item.modules)} "
            f"({item.files} files, {item.path.stat().st_size // 1024} KB)"
        )
    return 0


def serve_command(config_file: Path, dev_addr: str) -> int:
    import socket

    from mkdocs_training.serve import serve

    host, _, port = dev_addr.rpartition(":")
    if not port.isdigit() or not host:
        print(
            f"--dev-addr {dev_addr}: expected HOST:PORT, e.g. 127.0.0.1:8000 (make serve PORT=8001).",
            file=sys.stderr,
        )
        return 2
    # Said before the first build, in one line: the server would fail only after it, with a traceback.
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # As the server binds (allow_reuse_address): a port left in TIME_WAIT is free, a listening one is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), int(port)))
        except OSError as error:
            print(
                f"{host}:{port} is not free ({error.strerror}): another make serve, or another program, "
                f"uses it. Pick another port: make serve PORT={int(port) + 1}",
                file=sys.stderr,
            )
            return 1
    return serve(str(config_file), dev_addr)


def build_command(config_file: Path, site_dir: Path | None, strict: bool) -> int:
    """The whole site, as `properdocs build` makes it, with the languages built side by side (fast/parallel.py)."""
    from mkdocs_training.fast.parallel import build_site

    # Messages as the engine's command prints them (its own command line sets this up).
    engine.console()
    return build_site(config_file, site_dir, strict)


def engine_command(config_file: Path, arguments: list[str]) -> int:
    """The engine's own command with these arguments (make offline, make lms): its exit status.

    The config file is passed on (-f): ProperDocs looks for properdocs.yml by default.
    """
    if arguments[:1] in (["build"], ["serve"]) and not {"-f", "--config-file"} & set(arguments):
        arguments = [arguments[0], "-f", str(config_file), *arguments[1:]]
    return subprocess.run(
        engine.command(*arguments), env=engine.environment(), check=False
    ).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mkdocs_training",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    commands = parser.add_subparsers(dest="command", required=True)
    translations = commands.add_parser("translations", help="translation status")
    translations.add_argument(
        "--check", action="store_true", help="exit 1 unless every translation is up to date"
    )
    translations.add_argument(
        "action", nargs="?", choices=["mark"], help="record translations as current"
    )
    translations.add_argument("files", nargs="*", help="translations to mark, e.g. docs/page.it.md")
    headers = commands.add_parser(
        "headers", help="write the nginx security headers for a built site"
    )
    headers.add_argument("site", type=Path)
    headers.add_argument(
        "--out", type=Path, default=Path("deploy") / "nginx" / "security-headers.conf"
    )
    offline = commands.add_parser("offline-zip", help="zip an offline build")
    offline.add_argument("site", type=Path)
    offline.add_argument("zip", type=Path)
    lms = commands.add_parser(
        "lms", help="SCORM packages of every module and of the whole training"
    )
    lms.add_argument("site", type=Path, help="a build made with TRAINING_OFFLINE=on (make lms)")
    lms.add_argument("out", type=Path, help="folder for the zips, e.g. dist/lms")
    serve = commands.add_parser("serve", help="preview the site, fast on each save")
    serve.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)"
    )
    add_build_parser(commands)
    run = commands.add_parser("engine", help=f"run the engine's command ({engine.PACKAGE} ...)")
    run.add_argument("arguments", nargs=argparse.REMAINDER, help="e.g. build --strict -d build/lms")
    authoring.add_parsers(commands)
    args = parser.parse_args(argv)
    if args.command == "engine":
        return engine_command(args.config_file, args.arguments)
    if args.command in authoring.COMMANDS:
        languages, docs = load_languages(args.config_file)
        return authoring.run(args, languages, docs, args.config_file.parent.resolve())
    if args.command == "serve":
        return serve_command(args.config_file, args.dev_addr)
    if args.command == "build":
        return build_command(args.config_file, args.site_dir, args.strict)
    if args.command == "lms":
        return lms_command(args.config_file, args.site, args.out)
    if args.command == "headers":
        from mkdocs_training.publish.headers import nginx_headers
        from mkdocs_training.publish.inline_code import inline_code_problems

        problems = inline_code_problems(args.site, args.config_file.parent / "docs")
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(
                f"{args.out} not written: {len(problems)} piece(s) of inline code that are not the theme's.",
                file=sys.stderr,
            )
            return 1
        args.out.write_text(nginx_headers(args.site), encoding="utf-8")
        print(f"{args.out}: written from {args.site}")
        return 0
    if args.command == "offline-zip":
        return offline_zip_command(args.site, args.zip)
    if args.action == "mark":
        if not args.files:
            parser.error("mark needs at least one translation file, e.g. docs/index.it.md")
        return mark_command(args.config_file, args.files)
    return status_command(args.config_file, args.check)


def add_build_parser(commands) -> None:
    build = commands.add_parser(
        "build", help="build the site, each language in its own process (make build)"
    )
    build.add_argument(
        "--strict", action="store_true", help="fail on warnings (mkdocs.yml sets strict: true)"
    )
    build.add_argument(
        "-d",
        "--site-dir",
        type=Path,
        help="where to write the site (default: site_dir of mkdocs.yml)",
    )
