"""What the PDFs cost: bytes per PDF, and the CPU seconds the build spends making them.

    .venv/bin/python -m benchmarks.pdf [RUNS]

Copies the project to a temporary folder and builds it as `make build` does
(`python -m mkdocs_training build`), RUNS times (3 by default) each way:
with the PDF cache off (every PDF made afresh) and with a warm cache (every
PDF reused). The difference in CPU time (user + system of every process;
steadier than wall time on a shared machine) is what making the PDFs costs;
the median is printed, in total and per PDF, with each PDF's size. Figures,
not a test.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.scale import build, copy_project


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        site = Path(folder) / "site"
        cold, warm = [], []
        for _ in range(runs):
            cold.append(build(project, site, parallel=True, cache=False)["cpu"])
        build(project, site, parallel=True)  # Fills the cache.
        for _ in range(runs):
            warm.append(build(project, site, parallel=True)["cpu"])
        pdfs = sorted(site.rglob("*.pdf"))
        made = statistics.median(cold) - statistics.median(warm)
        print(f"{'PDF':<58} {'bytes':>9}")
        for pdf in pdfs:
            print(f"{str(pdf.relative_to(site)):<58} {pdf.stat().st_size:>9}")
        print(f"{'all ' + str(len(pdfs)) + ' PDFs':<58} {sum(p.stat().st_size for p in pdfs):>9}")
        print(f"build CPU, PDF cache off (median of {runs}): {statistics.median(cold):.2f} s")
        print(f"build CPU, PDFs from the cache (median of {runs}): {statistics.median(warm):.2f} s")
        print(f"making the PDFs: {made:.2f} s CPU, {made / len(pdfs):.2f} s per PDF")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
