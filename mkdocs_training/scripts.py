"""Our scripts as readers get them: without the comment lines and indentation.

docs/assets/javascripts/*.js are written to be read, and a third of
training.js is comments saying why; every reader downloaded them on a first
visit (6.7 KB gzip of training.js, 4.3 KB without). The build keeps every
line of code as written, in place and with its line break (so automatic
semicolon insertion is unchanged), and drops only lines that are whole
`//` comments, blank lines and leading spaces. That is safe for code in
which no string or template literal spans lines; a backtick or a line
ending in a backslash stops the build (see `problems`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_training.log import log

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
                "drops the indentation of our scripts (mkdocs_training/scripts.py), which would change a "
                "string that spans lines: join strings with + instead."
            )
    return found


def stripped(source: str) -> str:
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


def strip_comments(config: MkDocsConfig, files: Files) -> None:
    """Replace our scripts in `files` by their stripped copies, under the same names."""
    for file in list(files):
        if not (file.src_uri.startswith(FOLDER) and file.src_uri.endswith(".js")) or file.generated_by:
            continue
        if file.abs_src_path is None or not file.abs_src_path.startswith(str(config.docs_dir)):
            continue  # The theme's, already minified.
        source = file.content_string
        found = problems(source, file.src_uri)
        for problem in found:
            log.warning(problem)
        if found:
            continue
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=stripped(source)))
