"""The plugin package's shape: no import cycles, no module too long to read at once, clear config errors."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, make_site

from mkdocs_training.core import engine

PACKAGE = ROOT / "mkdocs_training"
FIXTURE_PACKAGES = Path(__file__).parent / "fixtures" / "packages"
# What can be read at once. It was 300 in the dense style of before ruff format; the formatter
# writes long calls one argument per line, which made the same code about 40% longer
# (the format commit b3aa302: 3,900 more lines, no new code).
MAX_LINES = 450


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(node: ast.AST) -> list[ast.AST]:
    """Import statements that run, at any depth: those under `if TYPE_CHECKING:` are for type checkers only."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [node]
    found = []
    for field, child in ast.iter_fields(node):
        if (
            isinstance(node, ast.If)
            and field == "body"
            and getattr(node.test, "id", None) == "TYPE_CHECKING"
        ):
            continue
        for item in child if isinstance(child, list) else [child]:
            if isinstance(item, ast.AST):
                found += runtime_imports(item)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (anywhere in the file)."""
    modules = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    package = root.name
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                if node.level:  # Relative: from . import x
                    base = name.split(".")[: -node.level + (path.name == "__init__.py") or None]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module
                # `from p import m` imports the module p.m when there is one, else a name of p.
                targets = [
                    f"{prefix}.{alias.name}" if f"{prefix}.{alias.name}" in modules else prefix
                    for alias in node.names
                ]
            for target in targets:
                if (
                    target
                    and target.split(".")[0] == package
                    and target in modules
                    and target != name
                ):
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the path that closes it (a -> b -> a)."""
    found, state = [], {}  # state: 1 = on the current path, 2 = done.

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                found.append(
                    path[path.index(target) :] + [node, target]
                    if target in path
                    else [node, target]
                )
            elif target not in state:
                visit(target, path + [node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def oversized(root: Path, limit: int = MAX_LINES) -> list[str]:
    return [
        f"{path.relative_to(root.parent)}: {n} lines"
        for path in sorted(root.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > limit
    ]


def test_the_plugin_package_has_no_import_cycles():
    graph = import_graph(PACKAGE)
    assert graph.get("mkdocs_training.plugin"), "the graph is empty"
    assert cycles(graph) == []


def test_the_cycle_check_catches_a_cycle():
    graph = import_graph(FIXTURE_PACKAGES / "cycle")
    assert graph["cycle.b"] == {"cycle.a"}  # An import inside a function counts.
    assert graph["cycle.a"] == {"cycle.b"}  # One under TYPE_CHECKING does not.
    assert cycles(graph) == [["cycle.a", "cycle.b", "cycle.a"]]


def test_no_module_of_the_plugin_is_too_long_to_read_at_once():
    assert oversized(PACKAGE) == []


def test_the_length_check_catches_a_long_module(tmp_path):
    package = tmp_path / "long"
    package.mkdir()
    (package / "__init__.py").write_text('"""Short."""\n', encoding="utf-8")
    (package / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert oversized(package) == [f"long/long.py: {MAX_LINES + 1} lines"]


@pytest.mark.build
def test_a_bad_plugin_option_says_what_to_set(tmp_path):
    project = make_site(tmp_path, "control")
    env = engine.environment(TRAINING_PREVIEW="maybe")
    result = subprocess.run(
        engine.command("build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")),
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode != 0
    assert (
        "expected on or off, got 'maybe'. Write 'on' or 'off' in mkdocs.yml, "
        "or set TRAINING_PREVIEW=on or TRAINING_PREVIEW=off in the environment."
    ) in result.stderr
