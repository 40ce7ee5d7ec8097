"""The commands that write the site's own files for authors, translators and agencies.

    export-xliff / import-xliff   the agencies' XLIFF files (exchange/)
    new-module NAME               a module page and its nav entry (new_module.py)
    new-language CODE             a language's files and config (translations/new_language.py)
    nginx-languages               nginx's language negotiation from mkdocs.yml (publish/negotiation.py)

cli.py hands them the site's languages and folders; each says what it wrote.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_training.core.i18n import Languages
from mkdocs_training.translations import exchange

COMMANDS = ("export-xliff", "import-xliff", "new-module", "new-language", "nginx-languages")


def add_parsers(commands) -> None:
    exchange.add_parsers(commands)
    module = commands.add_parser(
        "new-module", help="a new module page, in the shape of the others, in the nav"
    )
    module.add_argument("name", help="lowercase words joined by '-', e.g. complaints-handling")
    module.add_argument(
        "--owner", default="Staff training team", help="the page's owner (front matter)"
    )
    language = commands.add_parser(
        "new-language", help="add a language: its locale and glossary files and config"
    )
    language.add_argument("code", help="a CLDR language code, e.g. fr")
    commands.add_parser(
        "nginx-languages", help="write deploy/nginx/training.conf's language parts from mkdocs.yml"
    )


def run(args, languages: Languages, docs: Path, root: Path) -> int:
    if args.command in ("export-xliff", "import-xliff"):
        return exchange.run(args, languages, docs, root)
    if args.command == "new-module":
        from mkdocs_training.progress import new_module

        return new_module.command(root, docs, languages, args.name, args.owner)
    if args.command == "new-language":
        from mkdocs_training.translations import new_language

        return new_language.command(root, languages, args.code)
    from mkdocs_training.publish import negotiation

    conf = root / "deploy" / "nginx" / "training.conf"
    changed = negotiation.rewrite(conf, languages.codes)
    print(
        f"{conf.relative_to(root)}: {'written for' if changed else 'already matches'} {', '.join(languages.codes)}."
    )
    return 0
