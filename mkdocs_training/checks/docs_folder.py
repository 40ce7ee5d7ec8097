"""The docs/ folder as a whole, checked before anything is read or written: no symbolic link out of it, no loop, none dangling.

A link out of docs/ would publish a file of the machine (MkDocs copies
what it points to); a loop sends MkDocs' folder walk round until the path
is too long; a dangling link ends the build with a traceback. Each is
reported with the file and what to do, and the build stops before site/
is touched.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from mkdocs_training.core.log import log


def link_problems(docs: Path, root: Path) -> list[str]:
    docs_real = docs.resolve()
    problems = []

    def shown(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return str(path)

    for folder, dirnames, filenames in os.walk(docs, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            where = shown(path)
            points_to = os.readlink(path)
            try:
                target = path.resolve(strict=True)
            except FileNotFoundError:
                problems.append(
                    f"{where}: symbolic link to '{points_to}', which does not exist. "
                    "Remove the link, or put the file itself in its place."
                )
                continue
            except (RuntimeError, OSError):  # ELOOP: the link leads back to itself.
                problems.append(
                    f"{where}: symbolic link loop ('{points_to}' leads back to it). Remove the link."
                )
                continue
            if not target.is_relative_to(docs_real):
                problems.append(
                    f"{where}: symbolic link to '{points_to}', outside docs/: its content would be "
                    "published. Copy what you need into docs/ and remove the link."
                )
            elif target.is_dir() and path.parent.resolve().is_relative_to(target):
                problems.append(
                    f"{where}: symbolic link to a folder that holds it ('{points_to}'): a loop. "
                    "Remove the link."
                )
    return problems


def check(docs: Path, root: Path) -> None:
    """Stop the build, before site/ is cleaned or written, if docs/ holds a bad link."""
    problems = link_problems(docs, root)
    for problem in problems:
        log.warning(problem)
    if problems:
        raise PluginError(
            f"docs/ holds {len(problems)} symbolic link(s) the build cannot follow safely "
            "(listed above); nothing was built."
        )
