"""Drift tests: every tie to upstream internals still holds in the installed packages, and each
check fails, naming its tie, when the upstream text it relies on is altered in a scratch copy.

The ties, their fingerprints and what to do when one changes: tests/drift.py. Their register,
one row each: ARCHITECTURE.md, "Ties to upstream internals".
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.drift import ROOT, TIES, Tie, package_root

IDS = [tie.name for tie in TIES]


@pytest.mark.parametrize("tie", TIES, ids=IDS)
def test_the_upstream_text_is_as_recorded(tie: Tie):
    assert tie.check() is None


def scratch_copy(tie: Tie, tmp_path: Path) -> Path:
    """The upstream package, copied (without Material's thousands of icons)."""
    copy = tmp_path / tie.package
    shutil.copytree(
        package_root(tie.package), copy, ignore=shutil.ignore_patterns("__pycache__", ".icons")
    )
    return copy


def files_read(tie: Tie, copy: Path, monkeypatch) -> list[Path]:
    """The files of the copy that the tie's check reads."""
    read = []
    original = Path.read_text

    def recording(self, *args, **kwargs):
        if self.is_relative_to(copy) and self not in read:
            read.append(self)
        return original(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_text", recording)
        tie.what(copy)
    return read


def alter(tie: Tie, copy: Path, monkeypatch) -> str:
    """Change the copy as an upgrade might: one space inserted in the middle of the text the tie
    relies on (before a '(' or '=', which keeps Python, JavaScript and HTML valid); what changed."""
    relied_on = tie.what(copy)
    files = {path: path.read_text(encoding="utf-8") for path in files_read(tie, copy, monkeypatch)}
    middle = len(relied_on) // 2
    spots = sorted(
        (m.start() for m in re.finditer(r"[(=]", relied_on)), key=lambda at: abs(at - middle)
    )
    for at in spots:
        snippet = relied_on[max(0, at - 40) : at + 1].rpartition("\n")[2]
        holders = [path for path, text in files.items() if text.count(snippet) == 1]
        if len(snippet) > 1 and len(holders) == 1:
            path = holders[0]
            path.write_text(
                files[path].replace(snippet, snippet[:-1] + " " + snippet[-1]), encoding="utf-8"
            )
            return f"{path.relative_to(copy)}: {snippet!r}"
    raise AssertionError(f"{tie.name}: no place to alter in {list(files)}")


@pytest.mark.parametrize(
    "tie",
    [t for t in TIES if t.name != "Bundle and search file hashes in the overrides"],
    ids=[i for i in IDS if i != "Bundle and search file hashes in the overrides"],
)
def test_the_check_fails_naming_its_tie_when_the_upstream_text_changes(
    tie: Tie, tmp_path, monkeypatch
):
    copy = scratch_copy(tie, tmp_path)
    assert tie.check(copy) is None  # The copy itself passes...
    changed = alter(tie, copy, monkeypatch)
    problem = tie.check(copy)  # ...and fails once altered.
    assert problem is not None, changed
    assert problem.startswith(f"{tie.name}: the upstream text changed"), problem


def test_the_asset_check_fails_when_material_renames_its_bundle(tmp_path):
    """An upgrade ships a bundle with another hash in its name: the overrides link one that is gone."""
    tie = next(t for t in TIES if t.name == "Bundle and search file hashes in the overrides")
    copy = scratch_copy(tie, tmp_path)
    assert tie.check(copy) is None
    bundle = next((copy / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    bundle.rename(bundle.with_name("bundle.0123abcd.min.js"))
    problem = tie.check(copy)
    assert problem is not None and problem.startswith(f"{tie.name}: the upstream text changed"), (
        problem
    )


def test_the_register_in_architecture_md_has_one_row_per_tie():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = text.split("## Ties to upstream internals", 1)[1]
    rows = re.findall(r"^\| ([^|]+?) \|", section, re.MULTILINE)
    names = [row for row in rows if row not in ("Tie", "---")]
    assert names == IDS
