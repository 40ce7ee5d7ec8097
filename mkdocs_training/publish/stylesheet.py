"""One stylesheet per page: Material's main and palette stylesheets and ours (extra_css), joined.

A first visit pays a round trip and a response's headers for every file it
loads, and every stylesheet in <head> holds up the first paint. So the build
joins the three into one file, in the order the pages used to link them (the
cascade is the same), named by its content like Material's own files
(site.<hash>.min.css): nginx caches it for a year (deploy/nginx/training.conf),
and a changed stylesheet gets a new name. The templates link it through the
`training_stylesheet` global (overrides/base.html, styles block). The files
it is made from are left out of the site: nothing links them any more.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_training.core.log import log

FOLDER = "assets/stylesheets"
# Material 9.8.2's stylesheets, by the names its base.html gave them; the
# palette one only when the site has a palette, as there.
MAIN = f"{FOLDER}/main.*.min.css"
PALETTE = f"{FOLDER}/palette.*.min.css"

# Our stylesheets are written to be read: their comments say why each rule
# is there. Those go, and so do runs of spaces (one is kept where CSS needs
# it, none beside { } ; ,); strings and url()s stay exactly as written.
CSS_TOKEN = re.compile(
    r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\burl\([^)"']*\))|(/\*.*?\*/)|(\s*[{};,]\s*)|(\s+)""",
    re.DOTALL,
)


def minified(css: str) -> str:
    def token(match: re.Match) -> str:
        string, comment, punctuation, _ = match.groups()
        if string:
            return string
        if comment:
            return " "  # a/**/b is two words.
        return punctuation.strip() if punctuation else " "

    # Twice: a comment becomes a space, which the second pass folds away.
    return CSS_TOKEN.sub(token, CSS_TOKEN.sub(token, css)).strip()


def theme_sheet(files: Files, pattern: str) -> File | None:
    found = [f for f in files if fnmatch.fnmatchcase(f.src_uri, pattern)]
    if len(found) != 1:
        names = ", ".join(f.src_uri for f in found) or "none"
        log.warning(
            f"Material's stylesheet {pattern} was expected once in the theme and was found: {names}. "
            "Material was probably upgraded: update the names in mkdocs_training/publish/stylesheet.py "
            "and overrides/base.html from the new material/templates/base.html."
        )
        return None
    return found[0]


def join(config: MkDocsConfig, files: Files) -> str | None:
    """Replace the theme's and extra_css stylesheets in `files` by one file; its path, or None."""
    found = [
        theme_sheet(files, name)
        for name in ([MAIN, PALETTE] if config.theme.get("palette") else [MAIN])
    ]
    sheets = [sheet for sheet in found if sheet is not None]
    if len(sheets) < len(found):
        return None
    parts = [sheet.content_string.strip() for sheet in sheets]
    ours = []
    for path in config.extra_css:
        sheet = files.get_file_from_path(path)
        if sheet is None:
            log.warning(
                f"mkdocs.yml: extra_css names {path}, which is not a file in docs/. "
                "Fix the path or remove the entry."
            )
            return None
        ours.append(sheet)
        parts.append(minified(sheet.content_string))
    content = "\n".join(parts) + "\n"
    name = f"{FOLDER}/site.{hashlib.sha256(content.encode('utf-8')).hexdigest()[:8]}.min.css"
    for sheet in sheets + ours:
        files.remove(sheet)
        source_map = files.get_file_from_path(sheet.src_uri + ".map")
        if source_map is not None:  # Maps Material's minified file, which is gone.
            files.remove(source_map)
    files.append(File.generated(config, name, content=content))
    return name
