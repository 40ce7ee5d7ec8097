"""The plugin package's rooms hold: no import circle, core imports no feature, a feature only core and itself.

Read from the source (ast), with no build: fast. Every import counts, those
under `if TYPE_CHECKING:` and inside functions too, since a reader follows
them all. The rooms are the subpackages (core/, checks/, quiz/, glossary/,
...); the wiring (plugin.py, cli.py, authoring.py, __main__.py) may import
anything. ARCHITECTURE.md describes each room.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# The same circle search and module names as the package's other structure checks (which do
# not count imports under TYPE_CHECKING; these do).
from tests.test_package import cycles, module_name

PACKAGE = ROOT / "mkdocs_training"
# The modules that wire the rooms together: they may import any of them.
WIRING = {"plugin", "cli", "authoring", "__main__", ""}
# The shortcuts that bypass the engine or a library for speed (fast/, see
# ARCHITECTURE.md) are one room, "fast".
# A room that imports another, with the reason each is allowed. Nothing else
# crosses between features: what one needs of another goes through core.
ALLOWED = {
    (
        "checks",
        "fast",
    ): "the fast reader of plain HTML (fast/plain_html.py), checked against html.parser",
    (
        "publish",
        "fast",
    ): "the fast reader of plain HTML (fast/plain_html.py), checked against html.parser",
    (
        "glossary",
        "fast",
    ): "term links in a plain page in one pass (fast/glossary_links.py), checked against BeautifulSoup",
    (
        "serve",
        "fast",
    ): "the preview server renders a saved page again alone (fast/one_page.py) when it can",
    (
        "fast",
        "checks",
    ): "the parallel build (fast/parallel.py) checks docs/ quietly in each language's process",
    (
        "fast",
        "publish",
    ): "the parallel build writes the sitemap and publishes once the languages are merged",
    (
        "fast",
        "lms",
    ): "serve's fast path reads an edited page again as on_files does (mastery scores)",
    ("fast", "quiz"): "serve's fast path reads an edited page again as on_files does (quiz checks)",
    (
        "fast",
        "translations",
    ): "serve's fast path reads an edited page again as on_files does (translation status)",
}


def imports(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in the file."""
    modules = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # from . import x
                    package = (
                        name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    )
                    base = package[: len(package) - node.level + 1]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                # `from p import m` imports the module p.m when there is one, else a name of p.
                targets = [
                    f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in modules else prefix
                    for a in node.names
                ]
            else:
                continue
            graph[name] |= {target for target in targets if target in modules and target != name}
    return graph


def room(module: str) -> str:
    """The room a module is in: its subpackage, "fast" for the shortcuts, "wiring" for the top."""
    inner = module.partition(".")[2]  # "" for the package itself.
    if inner.split(".")[0] == "fast":
        return "fast"
    if "." not in inner and inner in WIRING:
        return "wiring"
    return inner.split(".")[0]


def crossings(graph: dict[str, set[str]], allowed: dict) -> list[str]:
    """Each import from one room into another that the rules do not allow."""
    found = []
    for module, targets in sorted(graph.items()):
        here = room(module)
        for target in sorted(targets):
            there = room(target)
            if here == "wiring" or there == here or (here, there) in allowed:
                continue
            if here == "core":
                found.append(f"{module} imports {target}: core/ imports no feature")
            elif there == "wiring":
                found.append(f"{module} imports {target}: only the wiring imports the wiring")
            elif there != "core":
                found.append(
                    f"{module} imports {target}: a feature reaches another only through core/ "
                    f"(or add ({here!r}, {there!r}) to ALLOWED with the reason)"
                )
    return found


def test_the_package_has_no_import_circle():
    graph = imports(PACKAGE)
    assert graph["mkdocs_training.plugin"], "the graph is empty"
    assert cycles(graph) == []


def test_core_imports_no_feature_and_a_feature_only_core_and_itself():
    assert crossings(imports(PACKAGE), ALLOWED) == []


def test_each_allowed_crossing_is_still_there():
    """An exception nobody uses any more is a rule left loose: remove it."""
    used = {(room(m), room(t)) for m, targets in imports(PACKAGE).items() for t in targets}
    assert [pair for pair in ALLOWED if pair not in used] == []


def test_every_module_is_in_a_room():
    """No new module slips in beside the wiring at the top: it goes into a room."""
    loose = [
        path.name
        for path in sorted(PACKAGE.glob("*.py"))
        if room(module_name(path, PACKAGE)) not in ("wiring", "fast")
    ]
    assert loose == []


# The checks themselves, on small packages made for them.


def write_package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_the_checks_catch_a_circle_a_core_import_and_a_crossing(tmp_path):
    package = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "plugin.py": "from pkg.quiz import blocks\nfrom pkg.glossary import terms\n",
            "core/__init__.py": "",
            "core/context.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.glossary.terms import Term\n",
            "quiz/__init__.py": "",
            "quiz/blocks.py": "from pkg.core import context\n\ndef f():\n    from pkg.glossary import terms\n",
            "glossary/__init__.py": "",
            "glossary/terms.py": "from pkg.core.context import Build\n",
        },
    )
    graph = imports(package)
    assert graph["pkg.core.context"] == {"pkg.glossary.terms"}  # Under TYPE_CHECKING: it counts.
    assert graph["pkg.quiz.blocks"] == {
        "pkg.core.context",
        "pkg.glossary.terms",
    }  # In a function too.
    assert cycles(graph) == [["pkg.core.context", "pkg.glossary.terms", "pkg.core.context"]]
    assert crossings(graph, {}) == [
        "pkg.core.context imports pkg.glossary.terms: core/ imports no feature",
        (
            "pkg.quiz.blocks imports pkg.glossary.terms: a feature reaches another only through core/ "
            "(or add ('quiz', 'glossary') to ALLOWED with the reason)"
        ),
    ]
    assert crossings(graph, {("quiz", "glossary"): "a reason"}) == [
        "pkg.core.context imports pkg.glossary.terms: core/ imports no feature",
    ]
