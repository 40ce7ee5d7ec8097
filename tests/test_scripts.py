"""Our scripts as readers get them (mkdocs_training/publish/scripts.py): comment lines and indentation gone, code intact."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT, make_site, mkdocs_build

from mkdocs_training.publish.scripts import joined, problems, stripped

SOURCE = ROOT / "docs" / "assets" / "javascripts"


def test_comment_lines_blank_lines_and_indentation_go_and_code_stays():
    source = "// Why.\n(function () {\n  // More why.\n\n  var a = 1; // kept: code before it\n  var url = 'http://x';\n})();\n"
    assert (
        stripped(source)
        == "(function () {\nvar a = 1; // kept: code before it\nvar url = 'http://x';\n})();\n"
    )


def test_a_string_that_may_span_lines_is_named_with_its_line():
    found = problems(
        "var a = 1;\n// `fine` in a comment\nvar b = `x\n  y`;\n", "assets/javascripts/x.js"
    )
    assert [problem.split(":")[1] for problem in found] == ["3", "4"]
    assert found[0] == (
        "docs/assets/javascripts/x.js:3: a template literal (`) or a line ending in a backslash. The build drops "
        "the indentation of our scripts (mkdocs_training/publish/scripts.py), which would change a string that spans "
        "lines: join strings with + instead."
    )
    assert problems("var b = 'x\\\n  y';\n", "assets/javascripts/x.js")[0].startswith(
        "docs/assets/javascripts/x.js:1:"
    )


def run_node(script: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "-e", script], check=False, capture_output=True, text=True)


def test_each_part_keeps_its_names_and_exports_what_the_others_use():
    parts = [
        (
            "var name = 'core';\nfunction shout(text) { return text.toUpperCase(); }\n"
            "training.core = { shout: shout };\n"
        ),
        # The same name in another part is that part's own; what it uses it takes from `training`.
        "var name = 'quiz';\nconsole.log(training.core.shout(name), typeof shout);\n",
        "console.log(typeof name, typeof globalThis.training, Object.keys(training).join());\n",
    ]
    result = run_node(joined(parts))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["QUIZ undefined", "undefined undefined core"]


def test_a_name_one_part_did_not_export_is_an_error_in_the_others():
    result = run_node(joined(["var secret = 1;\n", "console.log(secret);\n"]))
    assert result.returncode == 1 and "ReferenceError: secret is not defined" in result.stderr


def test_a_part_may_not_return_from_the_whole_script():
    # The parts share one function no more: a `return` ends its own part only,
    # which is why 30-language.js says `training.language.leaving` instead.
    result = run_node(joined(["return;\n", "console.log('the next part runs');\n"]))
    assert result.stdout == "the next part runs\n", result.stderr


def test_a_part_that_ends_in_a_comment_without_a_line_break_still_closes():
    result = run_node(stripped(joined(["var a = 1; // why", "console.log('closed');"])))
    assert result.returncode == 0 and result.stdout == "closed\n", result.stderr


@pytest.mark.build
def test_the_published_scripts_are_the_sources_stripped_and_still_parse(tmp_path):
    project = make_site(tmp_path, "control")
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert build.returncode == 0, build.output
    for source in sorted(SOURCE.glob("*.js")):
        assert problems(source.read_text(encoding="utf-8"), source.name) == []
        published = build.site / "assets" / "javascripts" / source.name
        assert published.read_text(encoding="utf-8") == stripped(source.read_text(encoding="utf-8"))
        assert len(published.read_bytes()) < len(source.read_bytes())
        check = subprocess.run(
            ["node", "--check", str(published)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stderr
    folders = sorted(folder for folder in SOURCE.iterdir() if folder.is_dir())
    assert [folder.name for folder in folders] == ["training"]
    for folder in folders:
        parts = [part.read_text(encoding="utf-8") for part in sorted(folder.glob("*.js"))]
        assert len(parts) > 1 and all(problems(part, folder.name) == [] for part in parts)
        published = build.site / "assets" / "javascripts" / f"{folder.name}.js"
        assert published.read_text(encoding="utf-8") == stripped(joined(parts))
        assert not (build.site / "assets" / "javascripts" / folder.name).exists()
        check = subprocess.run(
            ["node", "--check", str(published)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stderr


@pytest.mark.build
def test_a_script_with_a_template_literal_fails_the_build(tmp_path):
    project = make_site(tmp_path, "control")
    (project / "docs" / "assets" / "javascripts" / "extra.js").write_text(
        "var a = `x`;\n", encoding="utf-8"
    )
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert build.returncode == 1
    assert "training: docs/assets/javascripts/extra.js:1: a template literal (`)" in build.output


@pytest.mark.build
def test_a_part_is_named_in_its_own_file_and_a_folder_may_not_shadow_a_script(tmp_path):
    project = make_site(tmp_path, "control")
    scripts = project / "docs" / "assets" / "javascripts"
    (scripts / "training" / "55-extra.js").write_text(
        "// A part.\nvar a = `x`;\n", encoding="utf-8"
    )
    (scripts / "training.js").write_text("var b = 1;\n", encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", tmp_path / "site", preview=True)
    assert build.returncode == 1
    assert (
        "training: docs/assets/javascripts/training/55-extra.js:2: a template literal (`)"
        in build.output
    )
    assert (
        "training: docs/assets/javascripts/training.js and the folder docs/assets/javascripts/training/ "
        "would both be published as assets/javascripts/training.js: keep one of them."
    ) in build.output
