"""The ties to upstream internals (ARCHITECTURE.md, "Ties to upstream internals"), as checks.

Each tie is something of ours that copies or relies on an upstream text or
signature that is not a public API: a copied template, a file name with a
hash in it, a private function. Each has a fingerprint of exactly what it
relies on, read from the installed package's source files (not by
importing them, so that a check can be pointed at a modified copy:
tests/test_drift.py does that for every tie). When an upgrade changes
what a tie relies on, its check fails with the tie's name and what to do.

After reviewing an upgrade's change and bringing it over:

    .venv/bin/python -m tests.drift      # prints every tie's current fingerprint

and record the new value below.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"


def package_root(name: str) -> Path:
    """The installed package's folder, found without importing it."""
    return Path(importlib.util.find_spec(name).origin).parent


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def source_of(path: Path, qualname: str, signature_only: bool = False) -> str:
    """The source text of a class, function or method ('Class.method') in a Python file; its
    signature (arguments and return annotation) alone with `signature_only`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    node: ast.AST = tree
    for part in qualname.split("."):
        found = [
            child
            for child in ast.iter_child_nodes(node)
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and child.name == part
        ]
        if not found:
            raise LookupError(f"{path.name} has no {qualname}")
        node = found[0]
    if signature_only:
        returns = f" -> {ast.unparse(node.returns)}" if getattr(node, "returns", None) else ""
        return f"{qualname}({ast.unparse(node.args)}){returns}"
    # With its decorators: an event's priority is part of what we rely on.
    decorators = "".join(f"@{ast.unparse(d)}\n" for d in getattr(node, "decorator_list", []))
    return decorators + ast.get_source_segment(path.read_text(encoding="utf-8"), node)


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)


def inline_scripts(templates: Path) -> str:
    """Every inline script of the theme's templates, in file order (the CSP allows them by hash)."""
    found = []
    for template in sorted(templates.rglob("*.html")):
        for attributes, body in INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
            if 'type="application/json"' not in attributes:
                found.append(f"{template.relative_to(templates).as_posix()}: {body}")
    return "\n".join(found)


def referenced_assets(templates: Path) -> str:
    """The hashed Material asset names our overrides link, each with whether the theme ships it."""
    names = sorted(
        set(
            re.findall(
                r"assets/javascripts/(?:workers/)?[\w-]+\.[0-9a-f]{8}\.min\.js",
                "".join(p.read_text(encoding="utf-8") for p in sorted(OVERRIDES.rglob("*.html"))),
            )
        )
    )
    return "\n".join(
        f"{name}: {'shipped' if (templates / name).is_file() else 'MISSING'}" for name in names
    )


SITEMAP_LOOKUP_CALL = "ui({document$:ct});"  # As in mkdocs_training/publish/theme.py.


def sitemap_lookup(templates: Path) -> str:
    """The bundle's one call that starts the sitemap lookup, with the code around it."""
    bundles = sorted((templates / "assets" / "javascripts").glob("bundle.*.min.js"))
    code = "".join(p.read_text(encoding="utf-8") for p in bundles)
    if code.count(SITEMAP_LOOKUP_CALL) != 1:
        return f"{SITEMAP_LOOKUP_CALL} found {code.count(SITEMAP_LOOKUP_CALL)} times"
    at = code.index(SITEMAP_LOOKUP_CALL)
    return code[at - 300 : at + 300]


@dataclass(frozen=True)
class Tie:
    name: str  # Its row in ARCHITECTURE.md.
    package: str  # The upstream package whose source it reads.
    what: Callable[[Path], str]  # package folder -> the text it relies on
    fingerprint: str  # digest() of that text when it was last reviewed
    action: str  # What to do when it changes

    def check(self, root: Path | None = None) -> str | None:
        """None when the upstream text is as recorded; otherwise what failed, naming the tie."""
        action = self.action[0].upper() + self.action[1:] + "."
        try:
            now = digest(self.what(root or package_root(self.package)))
        except (LookupError, OSError, SyntaxError) as error:
            return f"{self.name}: {error}. {action}"
        if now != self.fingerprint:
            return f"{self.name}: the upstream text changed (fingerprint {self.fingerprint}, now {now}). {action}"
        return None


def template(name: str) -> Callable[[Path], str]:
    return lambda root: (root / "templates" / name).read_text(encoding="utf-8")


def python(file: str, *qualnames: str, signature_only: bool = False) -> Callable[[Path], str]:
    return lambda root: "\n".join(
        source_of(root / file, name, signature_only) for name in qualnames
    )


COPIED = "compare the new upstream file with our copy in overrides/, bring the change over, record the fingerprint"
TIES = [
    *[
        Tie(f"Copied template {name}", "material", template(name), fingerprint, COPIED)
        for name, fingerprint in (
            ("base.html", "a919e32d2225e09e"),
            ("partials/header.html", "8cf3fb15bcf969ff"),
            ("partials/alternate.html", "572b1d4dae611aa5"),
            ("partials/content.html", "ce33929c85af129f"),
            ("partials/palette.html", "fb935107ae7d3d74"),
            ("partials/search.html", "bfd556535abcddb9"),
        )
    ],
    Tie(
        "Bundle and search file hashes in the overrides",
        "material",
        lambda root: referenced_assets(root / "templates"),
        "ed80f77a7d6815c7",
        "update the file names in overrides/base.html and overrides/main.html to the new "
        "bundle.*.min.js and workers/search.*.min.js",
    ),
    Tie(
        "CSP hashes of Material's inline scripts",
        "material",
        lambda root: inline_scripts(root / "templates"),
        "4a2da9927845185f",
        "rebuild and run `make headers` so deploy/nginx/security-headers.conf allows the new scripts",
    ),
    Tie(
        "theme.py's edit of the minified bundle",
        "material",
        lambda root: sitemap_lookup(root / "templates"),
        "e85bc2ae93d5257a",
        "find the call that fetches sitemap.xml for link[rel=alternate] in the new bundle and "
        "update SITEMAP_LOOKUP_CALL in mkdocs_training/publish/theme.py and here",
    ),
    Tie(
        "search.py's patch of static-i18n",
        "mkdocs_static_i18n",
        python("reconfigure.py", "ExtendedPlugin.reconfigure_search_index"),
        "a022c6155c3bc4a7",
        "check that one_index_per_language() in mkdocs_training/publish/search.py still stops the merged index",
    ),
    Tie(
        "static-i18n internals used by fast/parallel.py and fast/one_page.py",
        "mkdocs_static_i18n",
        python("plugin.py", "I18n.on_post_build"),
        "756f7e2da6c7f6ee",
        "check how static-i18n now uses building and current_language: fast/parallel.build_only() and fast/one_page.restore()",
    ),
    Tie(
        "static-i18n's build log filter",
        "mkdocs_static_i18n",
        lambda root: "\n".join(
            line.strip()
            for line in (root / "plugin.py").read_text(encoding="utf-8").splitlines()
            if "getLogger" in line or "filtered_prefixes" in line
        ),
        "a76f0b342e7799fe",
        "check engine.follow_legacy_log_filters() still hides the nested builds' lines",
    ),
    Tie(
        "The engine's mkdocs.* redirection and logger",
        "properdocs",
        lambda root: (
            (root / "replacement.py").read_text(encoding="utf-8")
            + source_of(root / "__main__.py", "State")
            + source_of(root / "__main__.py", "ColorFormatter")
        ),
        "a5cd0a1ecdaa3a66",
        "check mkdocs_training/core/engine.py: _activate(), LOGGER, console()",
    ),
    Tie(
        "The private live-reload server used by serve/",
        "properdocs",
        python("livereload/__init__.py", "LiveReloadServer", "_timestamp"),
        "73e5023b04f65d97",
        "check mkdocs_training/serve/server.py, which subclasses it and uses its private attributes",
    ),
    Tie(
        "_build_page and _populate_page used by fast/one_page.py",
        "properdocs",
        python("commands/build.py", "_populate_page", "_build_page"),
        "c779da55ce7df033",
        "check fast/one_page.rerender(), which calls them as build() does",
    ),
    # Test tooling, not the site: make test's --dist loadgroup keeps a module's costly fixture on one worker.
    Tie(
        "xdist's loadgroup naming of test ids",
        "xdist",
        python("remote.py", "WorkerInteractor.pytest_collection_modifyitems"),
        "fd655f0c7f8d2977",
        "check tests/conftest.py's _name_group(), which does what this does for pytest 9.2",
    ),
    Tie(
        "pytest's structured test id (NodeId, Node.nodeid)",
        "_pytest",
        lambda root: (
            source_of(root / "nodeid.py", "NodeId") + source_of(root / "nodes.py", "Node.nodeid")
        ),
        "bcb7a0ae123961e7",
        "check tests/conftest.py's _name_group(), which renames a test by replacing its _id's _str_cache",
    ),
]


if __name__ == "__main__":
    for tie in TIES:
        print(f"{digest(tie.what(package_root(tie.package)))}  {tie.name}")
