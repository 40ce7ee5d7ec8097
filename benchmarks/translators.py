"""What the translators' commands cost as the library grows.

    .venv/bin/python -m benchmarks.translators 20 100

For each N, a copy of the project grown to N module pairs (benchmarks/library.py),
then, on this machine:

- `translations` with every page current, and again after one sentence of every
  English module changed (every module outdated, each with its diff);
- `export-xliff --lang it`: time, file size, units;
- `import-xliff` of that file untouched (nothing written), and after every unit
  was changed by a script (every file written).

Wall times of one run each, through the command line as `make` runs them.
Figures, not a test: the machine is shared and timings are noisy.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import library
from benchmarks.scale import copy_project, environment


def timed(project: Path, *args: str) -> tuple[float, str]:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_training", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )
    return time.monotonic() - start, result.stdout + result.stderr


def measure(pairs: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        library.make(project, pairs, python=sys.executable)
        row: dict[str, str] = {}
        seconds, _ = timed(project, "translations")
        row["translations, all current (s)"] = f"{seconds:.2f}"
        for page in sorted((project / "docs" / "modules").glob("*.md")):
            if page.name.count(".") == 1:  # English: page.md
                text = page.read_text(encoding="utf-8")
                page.write_text(
                    re.sub(r"(?m)^(## .*\n\n)(.)", r"\1Changed. \2", text, count=1),
                    encoding="utf-8",
                )
        seconds, out = timed(project, "translations")
        row["translations, every module outdated, with diffs (s)"] = f"{seconds:.2f}"
        row["  diff lines printed"] = str(
            sum(1 for line in out.splitlines() if re.match(r"\s+[-+] ", line))
        )
        seconds, _ = timed(project, "export-xliff", "--lang", "it")
        xlf = project / "dist" / "xliff" / "it.xlf"
        row["export-xliff (s)"] = f"{seconds:.2f}"
        row["  XLIFF size (KB)"] = str(xlf.stat().st_size // 1024)
        row["  units"] = str(xlf.read_text(encoding="utf-8").count("<trans-unit"))
        seconds, _ = timed(project, "import-xliff", str(xlf))
        row["import-xliff, untouched (s)"] = f"{seconds:.2f}"
        xlf.write_text(
            re.sub(r"<target>", "<target>» ", xlf.read_text(encoding="utf-8")), encoding="utf-8"
        )
        seconds, out = timed(project, "import-xliff", str(xlf))
        row["import-xliff, every unit changed (s)"] = f"{seconds:.2f}"
        row["  files written"] = str(out.count(": updated"))
        return row


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [20, 100]
    results = {n: measure(n) for n in sizes}
    names = list(next(iter(results.values())))
    width = max(map(len, names))
    print(f"{'module pairs':<{width}}  " + "  ".join(f"{n:>8}" for n in sizes))
    for name in names:
        print(f"{name:<{width}}  " + "  ".join(f"{results[n][name]:>8}" for n in sizes))


if __name__ == "__main__":
    main()
