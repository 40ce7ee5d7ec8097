"""The supplier scorecard: its criteria (scorecard/<code>.yml, same ids and levels in each language), the
criteria list in the guidelines (<!-- training:criteria -->) and the form on the scorecard page
(<!-- training:scorecard -->).

The criteria are written once per language and every page that shows them
reads them from here, so the guidelines, the form, their PDFs and the
knowledge checks cannot drift apart. The form is plain HTML from the
sanitiser's allowlist: radio buttons, one group per criterion, that work and
print without script (a blank form to fill in by hand). The script
(docs/assets/javascripts/training/65-scorecard.js) adds the note fields, the
total, the weakest criteria, storage in this browser and CSV export and
import, reading its strings from the form's data- attributes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.structure.pages import Page

from mkdocs_training.core import fragments, typography, yamlfile
from mkdocs_training.core.context import Build, Site
from mkdocs_training.core.log import log

FOLDER = "scorecard"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = ("name", "look_for", "before", "during")
LEVELS = 4  # Scores 0, 1, 2 and 3.


@dataclass
class Criterion:
    id: str
    name: str
    look_for: str
    before: str
    during: str
    levels: list[str]


@dataclass
class Criteria:
    by_language: dict[str, list[Criterion]]
    problems: list[str] = field(default_factory=list)


def line_of(text: str, key: str) -> str:
    """':<line>' of a top-level key in a data file, for the messages."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return f":{text.count(chr(10), 0, match.start()) + 1}" if match else ""


def read(root: Path, code: str) -> tuple[list[Criterion], list[str]]:
    """One language's criteria and the problems of its file."""
    name = f"{FOLDER}/{code}.yml"
    try:
        text = (root / name).read_text(encoding="utf-8")
        data = yamlfile.load(text) or {}
    except FileNotFoundError:
        return [], [
            f"{name} is missing: copy {FOLDER}/en.yml and translate it (same ids, four levels each)."
        ]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [
            f"{name}{f':{mark.line + 1}' if mark else ''}: not valid YAML ({getattr(error, 'problem', error)})."
        ]
    if not isinstance(data, dict) or not data:
        return [], [
            f"{name}: write one '<id>:' entry per criterion (a YAML mapping); see {FOLDER}/en.yml."
        ]
    criteria, problems = [], []
    for key, entry in data.items():
        where = f"{name}{line_of(text, str(key))}"
        if not ID.match(str(key)):
            problems.append(f"{where}: id '{key}' must be lowercase words joined by '-'.")
            continue
        missing = [
            f
            for f in FIELDS
            if not isinstance((entry or {}).get(f) if isinstance(entry, dict) else None, str)
        ]
        if missing:
            problems.append(f"{where}: '{key}' needs {', '.join(m + ':' for m in missing)} (text).")
            continue
        levels = entry.get("levels")
        if (
            not isinstance(levels, list)
            or len(levels) != LEVELS
            or not all(isinstance(v, str) and v for v in levels)
        ):
            count = len(levels) if isinstance(levels, list) else 0
            problems.append(
                f"{where}: '{key}' has {count} levels; write exactly {LEVELS} under 'levels:', "
                "one descriptor each for scores 0, 1, 2 and 3."
            )
            continue
        unknown = set(entry) - set(FIELDS) - {"levels"}
        if unknown:
            problems.append(
                f"{where}: '{key}': unknown key(s) {', '.join(sorted(unknown))}; "
                f"a criterion has {', '.join(FIELDS)}, levels."
            )
            continue
        fields = {f: typography.smarten(entry[f].strip()) for f in FIELDS}
        criteria.append(
            Criterion(
                key,
                fields["name"],
                fields["look_for"],
                fields["before"],
                fields["during"],
                [typography.smarten(v.strip()) for v in levels],
            )
        )
    return criteria, problems


def load(root: Path, codes: list[str]) -> Criteria:
    """Every language's criteria, checked against the first language's: the same ids, in the same order.

    A site without a scorecard/ folder has no scorecard, and nothing to report
    (a page that asks for one is reported where it does).
    """
    result = Criteria({})
    if not (root / FOLDER).is_dir():
        return result
    for code in codes:
        result.by_language[code], problems = read(root, code)
        result.problems += problems
    source = [c.id for c in result.by_language.get(codes[0], [])]
    for code in codes[1:]:
        ids = [c.id for c in result.by_language[code]]
        if ids != source and source and ids:
            missing = [i for i in source if i not in ids]
            extra = [i for i in ids if i not in source]
            detail = (f"missing {', '.join(missing)}; " if missing else "") + (
                f"not in {FOLDER}/{codes[0]}.yml: {', '.join(extra)}; " if extra else ""
            ) or "in another order; "
            result.problems.append(
                f"{FOLDER}/{code}.yml: its criteria differ from {FOLDER}/{codes[0]}.yml "
                f"({detail}use the same ids, in the same order)."
            )
    return result


def for_build(build: Build, page: Page) -> list[Criterion]:
    """This language's criteria; a page that asks for them where there are none is an error."""
    root = Path(build.config.config_file_path).parent
    criteria = load(root, [build.language]).by_language.get(build.language) or []
    if not criteria:
        log.warning(
            f"docs/{page.file.src_uri}: it shows the supplier scorecard, but {FOLDER}/"
            f"{build.language}.yml has no criteria. Add them (see {FOLDER}/en.yml)."
        )
    return criteria


def text(value: str) -> str:
    return html.escape(value, quote=False)


# -----------------------------------------------------------------------------
# <!-- training:criteria -->: the criteria as a list, in the guidelines
# -----------------------------------------------------------------------------


def after_colon(sentence: str) -> str:
    """A sentence as it continues after a colon: its first letter in lower case, unless it is an acronym."""
    first = sentence.split(" ", 1)[0]
    return sentence if first.isupper() and len(first) > 1 else sentence[:1].lower() + sentence[1:]


def criteria_list(page: Page, build: Build, site: Site) -> str:
    ui = build.ui["scorecard"]
    items = []
    for criterion in for_build(build, page):
        # After a label and a colon, in a run: lower case, and no full stop before each ';'.
        levels = "; ".join(
            f"**{score}** {text(after_colon(level).rstrip('.'))}"
            for score, level in enumerate(criterion.levels)
        )
        items.append(
            f"- **{text(criterion.name)}.** {text(criterion.look_for)}\n"
            f"    - {text(ui['before'])}: {text(after_colon(criterion.before))}\n"
            f"    - {text(ui['during'])}: {text(after_colon(criterion.during))}\n"
            f"    - {text(ui['levels'])}: {levels}.\n"
        )
    return "\n" + "".join(items) + "\n"


# -----------------------------------------------------------------------------
# <!-- training:scorecard -->: the form
# -----------------------------------------------------------------------------


def attribute(value: str) -> str:
    return html.escape(value, quote=True)


def form(page: Page, build: Build, site: Site) -> str:
    """The scorecard form, as a fragment: Markdown never sees it."""
    ui = build.ui["scorecard"]
    criteria = for_build(build, page)
    maximum = (LEVELS - 1) * len(criteria)
    strings = " ".join(
        f'data-{key.replace("_", "-")}="{attribute(value)}"'
        for key, value in ui.items()
        if isinstance(value, str)
    )
    rows = []
    for number, c in enumerate(criteria, start=1):
        levels = "".join(
            f'<div class="training-scorecard__level">'
            f'<input type="radio" name="scorecard-{c.id}" id="scorecard-{c.id}-{score}" value="{score}">'
            f'<label for="scorecard-{c.id}-{score}"><strong>{score}</strong> {text(level)}</label></div>'
            for score, level in enumerate(c.levels)
        )
        rows.append(
            f'<fieldset class="training-scorecard__criterion" data-criterion="{c.id}" '
            f'data-name="{attribute(c.name)}" aria-describedby="scorecard-{c.id}-look">'
            f"<legend>{number}. {text(c.name)}</legend>"
            f'<p class="training-scorecard__look" id="scorecard-{c.id}-look">{text(c.look_for)}</p>'
            f'<div class="training-scorecard__levels">{levels}</div>'
            f'<p class="training-scorecard__notes" data-training-notes>'
            f"<span data-training-fallback>{text(ui['notes_paper'])}</span></p>"
            f"</fieldset>"
        )
    details = "".join(
        f'<p class="training-scorecard__detail"><label for="scorecard-{key}">{text(ui[key])}</label> '
        f'<input type="text" id="scorecard-{key}" name="{key}"></p>'
        for key in ("supplier", "date", "scorer")
    )
    summary = (
        f'<div class="training-scorecard__summary">'
        f"<p data-training-fallback>{text(ui['total_paper'].format(max=maximum))}</p>"
        f'<div data-training-script hidden><p role="status" data-training-scorecard-total></p>'
        f"<p data-training-scorecard-weakest></p></div></div>"
    )
    actions = (
        '<p class="training-scorecard__actions" data-training-script hidden>'
        + "".join(
            f'<button type="button" class="md-button" data-training-scorecard-action="{action}">'
            f"{text(ui[action])}</button> "
            for action in ("print", "export", "import", "clear")
        )
        + '<span role="status" data-training-scorecard-status></span></p>'
    )
    html_form = (
        f'<form class="training-scorecard" data-training-scorecard data-max="{maximum}" {strings} '
        f'method="dialog" novalidate>'
        f'<div class="training-scorecard__details">{details}</div>{"".join(rows)}{summary}{actions}'
        f'<noscript><p class="training-noscript" data-training-noscript>{text(ui["no_script"])}</p></noscript>'
        f'<p class="training-complete__note training-scorecard__stored">{text(ui["stored"])}</p>'
        f"</form>"
    )
    return fragments.add(build, page, html_form)
