"""Our scripts as readers get them: without the comment lines and indentation.

docs/assets/javascripts/*.js are written to be read, and a third of
training.js is comments saying why; every reader downloaded them on a first
visit (6.7 KB gzip of training.js, 4.3 KB without). The build keeps every
line of code as written, in place and with its line break (so automatic
semicolon insertion is unchanged), and drops only lines that are whole
`//` comments, blank lines and leading spaces. That is safe for code in
which no string or template literal spans lines; a backtick or a line
ending in a backslash stops the build (see `problems`).

A folder of parts, docs/assets/javascripts/<name>/*.js, is published as one
file, assets/javascripts/<name>.js: one strict-mode function that holds each
part, in name order, in a function of its own. A part's names are its own;
what the others use it puts on the one shared object, `training`
(`training.core = {...}`), and a part that needs it takes it from there
(`var core = training.core;`), so each part lists what it exports and what
it uses. Each feature is a file to read, readers still make one request, and
nothing is global. (A module system without a bundler: eslint checks each
part as a script whose only outside name is `training`.)
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_training.core.log import log

FOLDER = "assets/javascripts/"


def problems(source: str, name: str) -> list[str]:
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        code = line.strip()
        if code.startswith("//"):
            continue
        if "`" in code or code.endswith("\\"):
            found.append(
                f"docs/{name}:{number}: a template literal (`) or a line ending in a backslash. The build "
                "drops the indentation of our scripts (mkdocs_training/publish/scripts.py), which would change a "
                "string that spans lines: join strings with + instead."
            )
    return found


def stripped(source: str) -> str:
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def joined(parts: list[str]) -> str:
    """The parts of a folder as the one script they make: each part in its own
    function, given the one object the parts share."""
    # A last line without its line break would take the closing bracket into a comment.
    wrapped = "".join(
        "(function (training) {\n" + part.rstrip("\n") + "\n})(training);\n" for part in parts
    )
    return '(function () {\n"use strict";\nvar training = {};\n' + wrapped + "})();\n"


def strip_comments(config: MkDocsConfig, files: Files) -> None:
    """Replace our scripts in `files` by their stripped copies, under the same
    names, and each folder of parts by one stripped script."""
    folders: dict[str, list[File]] = {}
    for file in sorted(files, key=lambda f: f.src_uri):
        if (
            not (file.src_uri.startswith(FOLDER) and file.src_uri.endswith(".js"))
            or file.generated_by
        ):
            continue
        if file.abs_src_path is None or not file.abs_src_path.startswith(str(config.docs_dir)):
            continue  # The theme's, already minified.
        name = file.src_uri[len(FOLDER) :]
        if "/" in name:
            folders.setdefault(FOLDER + name.split("/")[0] + ".js", []).append(file)
            continue
        source = file.content_string
        found = problems(source, file.src_uri)
        for problem in found:
            log.warning(problem)
        if found:
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=stripped(source)))
    for target, parts in folders.items():
        found = [p for part in parts for p in problems(part.content_string, part.src_uri)]
        if files.get_file_from_path(target) is not None:
            found.append(
                f"docs/{target} and the folder docs/{target[:-3]}/ would both be published as "
                f"{target}: keep one of them."
            )
        for problem in found:
            log.warning(problem)
        if found:
            continue
        script = joined([part.content_string for part in parts])
        for part in parts:
            files.remove(part)
        files.append(File.generated(config, target, content=stripped(script)))
