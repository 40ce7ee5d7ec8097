"""A new module's scaffold: `make new-module NAME=complaints-handling`.

Writes docs/modules/<name>.md in the shape every module has (README: add a
module): front matter, a summary, the key points box, a first section,
"Reflect on your work" and "Check your understanding" with a knowledge-check
stub, each heading with its pinned anchor; and adds the page to the end of
`Modules` in mkdocs.yml's nav. The site builds with it at once. Its
translations are written by translators (docs/modules/<name>.<lang>.md):
until then readers of other languages get the English under a notice.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

from mkdocs_training.core.i18n import Languages

NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAV_MODULES = re.compile(r"(?m)^(\s*)- Modules:\n((?:\1 +- .*\n)*)")

PAGE = """---
title: {title}
description: >-
  One or two sentences on what this module teaches and for whom: they show
  on the home page and in search results.
owner: {owner}
last_reviewed: {today}
---

# {title}

A summary in one to three sentences: what the reader will be able to do.

!!! abstract "Key points"

    - The first thing to remember.
    - The second thing to remember.

## The first part {{ #the-first-part }}

The module's text, in short paragraphs under sentence-case headings.

## Reflect on your work {{ #reflect-on-your-work }}

- A question that relates the module to the reader's own work.
- A second question of that kind.

## Check your understanding {{ #check-your-understanding }}

```quiz
- question: A question on the module's main point.
  answers:
    - text: A plausible answer that the module shows to be wrong.
      feedback: The reason this answer falls short, from the module.
    - text: The answer the module supports, as long as the others.
      correct: true
      feedback: The reason this answer holds, from the module.
```
"""


def create(
    root: Path, docs: Path, name: str, owner: str, today: datetime.date | None = None
) -> list[str]:
    """Write the page and the nav entry; the paths written, or ValueError saying why not."""
    if not NAME.match(name):
        raise ValueError(
            f"'{name}' is not a module name. Use lowercase words joined by '-', "
            "e.g. make new-module NAME=complaints-handling."
        )
    page = docs / "modules" / f"{name}.md"
    if page.exists():
        raise ValueError(
            f"{page.relative_to(root)} exists already. Pick another name, or edit that page."
        )
    config_path = root / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    modules = NAV_MODULES.search(config)
    if modules is None or not modules.group(2):
        raise ValueError(
            "mkdocs.yml: found no 'Modules:' list of pages under nav. Add the page to nav by hand."
        )
    entries = modules.group(2).splitlines()
    if any(not line.strip().startswith("- modules/") for line in entries):
        raise ValueError(
            "mkdocs.yml: the modules are grouped in sections under nav > Modules. Add "
            f"modules/{name}.md to its section by hand."
        )
    indent = entries[-1][: len(entries[-1]) - len(entries[-1].lstrip())]
    config = config[: modules.end()] + f"{indent}- modules/{name}.md\n" + config[modules.end() :]
    title = name.replace("-", " ").capitalize()
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        PAGE.format(title=title, owner=owner, today=(today or datetime.date.today()).isoformat()),
        encoding="utf-8",
    )
    config_path.write_text(config, encoding="utf-8")
    return [str(page.relative_to(root)), "mkdocs.yml"]


def command(root: Path, docs: Path, languages: Languages, name: str, owner: str) -> int:
    """`python -m mkdocs_training new-module NAME`: what was written and what to do next, or why not."""
    try:
        written = create(root, docs, name, owner)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    others = ", ".join(f"docs/modules/{name}.{code}.md" for code in languages.translations)
    print(
        f"Written: {', '.join(written)}. Replace its text, keep its shape and anchors; then translate it "
        f"({others}) and record each translation with make translated."
    )
    return 0
