"""What the PDFs cost: bytes per PDF, and the CPU seconds the build spends making them.

    .venv/bin/python -m benchmarks.pdf [RUNS]

Copies the project to a temporary folder and builds it as `make build` does
(`python -m mkdocs_training build`), RUNS times (3 by default) each way:
with the PDF cache off (every PDF made afresh) and with a warm cache (every
PDF reused). The difference in CPU time (user + system of every process;
steadier than wall time on a shared machine) is what making the PDFs costs;
the median is printed, in total and per PDF, with each PDF's size. Then
each module PDF is made again in this process from its built page, untagged
(no `pdf_variant`, as before issue 23) and tagged (document.OPTIONS), for
what tagging alone costs in bytes and CPU seconds. Figures, not a test.
"""

from __future__ import annotations

import datetime
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from benchmarks.scale import ROOT, build, copy_project


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
            print(f"{pdf.relative_to(site)!s:<58} {pdf.stat().st_size:>9}")
        print(f"{'all ' + str(len(pdfs)) + ' PDFs':<58} {sum(p.stat().st_size for p in pdfs):>9}")
        print(f"build CPU, PDF cache off (median of {runs}): {statistics.median(cold):.2f} s")
        print(f"build CPU, PDFs from the cache (median of {runs}): {statistics.median(warm):.2f} s")
        print(f"making the PDFs: {made:.2f} s CPU, {made / len(pdfs):.2f} s per PDF")
        tagging(site, [pdf for pdf in pdfs if "modules" in pdf.parts], runs)


def tagging(site: Path, pdfs: list[Path], runs: int) -> None:
    """Each module PDF from its built page's content, untagged and tagged: bytes and CPU seconds (median)."""
    from mkdocs_training.pdf import document

    tagged_options = document.OPTIONS
    print(f"\n{'module PDF, made again from its page':<58} {'untagged':>17} {'tagged':>17}")
    for pdf in pdfs:
        page = BeautifulSoup((pdf.parent / "index.html").read_text(encoding="utf-8"), "html.parser")
        language = page.html["lang"] if page.html else ""
        article = page.select_one("article")
        assert isinstance(language, str) and article is not None, f"{pdf}: not a built page"
        strings = yaml.safe_load((ROOT / "locales" / f"{language}.yml").read_text(encoding="utf-8"))
        url = str((pdf.parent / "index.html").relative_to(site))
        chapter = document.Chapter(pdf.stem, pdf.stem, article.decode_contents(), "", url)
        html = document.document(
            language,
            pdf.stem,
            "",
            "",
            strings["pdf"],
            strings["quiz"],
            [chapter],
            None,
            contents=False,
        )
        cells = []
        for options in ({}, tagged_options):
            document.OPTIONS = options
            seconds = []
            for _ in range(runs):
                start = time.process_time()
                document.write(
                    Path(site.parent / "again.pdf"),
                    html,
                    "",
                    datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
                    site,
                )
                seconds.append(time.process_time() - start)
            cells.append(
                f"{(site.parent / 'again.pdf').stat().st_size:>7} B {statistics.median(seconds):5.2f} s"
            )
        document.OPTIONS = tagged_options
        print(f"{pdf.relative_to(site)!s:<58} {cells[0]:>17} {cells[1]:>17}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
