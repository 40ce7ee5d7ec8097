"""Agencies' XLIFF files: export, translate every unit by a script, import; untouched round trips change nothing.

On the 'control' fixture site with the project's own glossary and interface
strings (plural forms included), and a knowledge check added to its module.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_site, mkdocs_build, run_cli
from lxml import etree
from test_translations import QUIZ

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def run(project: Path, *args: str, in_process: bool = True) -> subprocess.CompletedProcess:
    """`python -m mkdocs_training <args>` in `project`: in this process unless `in_process` is False."""
    if in_process:
        return run_cli(project, *args)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_training", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def site_with_quiz(tmp_path: Path) -> Path:
    project = make_site(tmp_path, "control")
    for name, (question, answer) in {
        "m.md": ("Which?", "This"),
        "m.it.md": ("Quale?", "Questa"),
    }.items():
        path = project / "docs" / "modules" / name
        path.write_text(
            path.read_text(encoding="utf-8") + QUIZ.format(question=question, answer=answer),
            encoding="utf-8",
        )
    return project


def files(project: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(project)): p.read_bytes()
        for part in ("docs", "glossary", "locales")
        for p in sorted((project / part).rglob("*"))
        if p.is_file()
    }


def test_an_untouched_round_trip_changes_no_byte(tmp_path):
    project = site_with_quiz(tmp_path)
    before = files(project)
    exported = run(project, "export-xliff", "--lang", "it")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("dist/xliff/it.xlf: written.")
    imported = run(project, "import-xliff", "dist/xliff/it.xlf")
    assert imported.returncode == 0, imported.stderr
    assert (
        imported.stdout
        == "dist/xliff/it.xlf: every translation in it is already in place; nothing changed.\n"
    )
    assert files(project) == before


def translate_every_unit(path: Path) -> int:
    """What an agency does: a target for every unit, its text changed, each placeholder kept."""
    tree = etree.parse(str(path))
    units = tree.findall(f".//{XLIFF}trans-unit")
    for unit in units:
        if unit.get("id") == "pdf.file":
            continue  # A file name: translated as one ("formazione.pdf"); the build checks its form.
        source = unit.find(f"{XLIFF}source")
        target = unit.find(f"{XLIFF}target")
        if target is None:
            target = etree.SubElement(unit, f"{XLIFF}target")
        target.clear()
        target.text = "«" + (source.text or "")
        for child in source:
            copy = etree.SubElement(target, child.tag, dict(child.attrib))
            copy.tail = child.tail
        last = target[-1] if len(target) else None
        if last is not None:
            last.tail = (last.tail or "") + "»"
        else:
            target.text += "»"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return len(units)


@pytest.mark.build
def test_every_unit_translated_by_a_script_builds_with_the_same_structure(tmp_path):
    project = site_with_quiz(tmp_path)
    assert run(project, "export-xliff", "--lang", "it").returncode == 0
    xlf = project / "dist" / "xliff" / "it.xlf"
    assert translate_every_unit(xlf) > 50
    imported = run(project, "import-xliff", str(xlf))
    assert imported.returncode == 0, imported.stderr
    page = (project / "docs" / "modules" / "m.it.md").read_text(encoding="utf-8")
    # Text translated, Markdown, anchors, links and the quiz's YAML kept.
    assert "## «The part» { #the-part }" in page
    assert "«Back to the [home page](../index.md).»" in page
    assert '!!! abstract "«Key points»"' in page
    assert "- question: «Which?»" in page and "      feedback: «Not so.»" in page
    assert "title: «Fixture module»" in page
    locale = (project / "locales" / "it.yml").read_text(encoding="utf-8")
    assert (
        "    many: «" in locale and "    one: «" in locale
    )  # Each plural form of Italian, one by one.
    glossary = (project / "glossary" / "it.yml").read_text(encoding="utf-8")
    assert "term: «Customer»" in glossary
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert result.returncode == 0, result.output
    # Same skeleton as the English: the status check finds no mismatch (the module was never marked).
    status = run(project, "translations")
    assert "structure mismatch" not in status.stdout and "Problems" not in status.stdout, (
        status.stdout
    )


def test_a_lost_placeholder_is_refused_with_the_unit_and_line_and_nothing_is_written(tmp_path):
    project = site_with_quiz(tmp_path)
    assert run(project, "export-xliff", "--lang", "it").returncode == 0
    xlf = project / "dist" / "xliff" / "it.xlf"
    text = xlf.read_text(encoding="utf-8")
    broken = text.replace(
        '<target>Torna alla <x id="1"/>pagina iniziale<x id="2"/>.</target>',
        '<target>Torna alla pagina iniziale<x id="2"/>.</target>',
    )
    broken = broken.replace(
        "<target>Modulo di prova</target>", "<target>Il modulo di prova</target>"
    )
    assert broken.count("Il modulo di prova") == 2 and "Torna alla pagina" in broken
    xlf.write_text(broken, encoding="utf-8")
    line = broken[: broken.index('id="the-part:p1"')].count("\n") + 1
    before = files(project)
    result = run(project, "import-xliff", "dist/xliff/it.xlf")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        (
            f"dist/xliff/it.xlf:{line}: unit 'the-part:p1' of docs/modules/m.it.md: placeholder 1 ([) is in the "
            "target 0 time(s); keep it exactly once, where its Markdown belongs."
        ),
        "dist/xliff/it.xlf: nothing imported.",
    ]
    assert files(project) == before


def test_xliff_2_is_read_too(tmp_path):
    project = make_site(tmp_path, "control")
    xlf = tmp_path / "it-2.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="it">\n'
        ' <file id="f1" original="docs/modules/m.it.md">\n'
        '  <unit id="the-part:p1"><segment><source>Back to the <ph id="1"/>home page<ph id="2"/>.</source>'
        '<target>Torna alla <ph id="1"/>pagina principale<ph id="2"/>.</target></segment></unit>\n'
        " </file>\n</xliff>\n",
        encoding="utf-8",
    )
    result = run(project, "import-xliff", str(xlf))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "docs/modules/m.it.md: updated"
    page = (project / "docs" / "modules" / "m.it.md").read_text(encoding="utf-8")
    assert page.endswith(
        "## La parte { #the-part }\n\nTorna alla [pagina principale](../index.md).\n"
    )


def test_a_table_row_is_a_unit_with_its_cell_borders_kept():
    from mkdocs_training.translations.exchange import segments

    text = (
        "# T\n\n## Part { #part }\n\n| Who | What |\n| --- | --- |\n| Staff | [Help](help.md) |\n"
    )
    rows = [u for u in segments.page(text).units if ":row" in u.key]
    assert [(u.key, u.parts, u.codes) for u in rows] == [
        ("part:row1", [1, "Who", 2, "What", 3], ["| ", " | ", " |"]),
        ("part:row2", [1, "Staff", 2, 3, "Help", 4, 5], ["| ", " | ", "[", "](help.md)", " |"]),
    ]
    # Written back over its own line only.
    unit = rows[1]
    assert text[: unit.start] + "| Personale | [Aiuto](help.md) |" + text[
        unit.end :
    ] == text.replace("| Staff | [Help](help.md) |", "| Personale | [Aiuto](help.md) |")


def test_markup_with_no_text_is_no_unit():
    from mkdocs_training.translations.exchange import segments

    text = "# T\n\n<!-- A note for authors -->\n\n![](x.png)\n\nText.\n"
    assert [(u.key, u.text) for u in segments.page(text).units] == [
        ("_intro:heading", "T"),
        ("_intro:p3", "Text."),
    ]
