"""Lighthouse's mobile performance score, page by page, over several runs.

    make bench-lighthouse RUNS=3   (or: .venv/bin/python -m benchmarks.lighthouse [SITE] [RUNS])

Performance is a timing figure: on a busy 2-core machine the same page
scores 95 to 100 from one run to the next. So the test suite only keeps a
coarse floor (tests/test_browser.py, PERFORMANCE_FLOOR), and this script
prints the figure itself: each page's lowest, median and highest score.
Accessibility, best practices and SEO do not depend on timing; they stay
hard gates at 100 in the tests.

The site is served as the tests serve it (tests/browser/webcheck.serve:
gzip, each language's 404 page) from a build made for that address.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser import webcheck

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "",
    "modules/customer-service/",
    "modules/supplier-guidelines/",
    "supplier-scorecard/",
    "glossary/",
    "it/",
    "it/modules/customer-service/",
    "it/supplier-scorecard/",
]


def build(site: Path, url: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs_training", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SITE_URL": url},
        capture_output=True,
    )


def main(argv: list[str]) -> None:
    runs = int(argv[1]) if len(argv) > 1 else 3
    port = webcheck.free_port()
    with tempfile.TemporaryDirectory() as work:
        site = Path(argv[0]) if argv and argv[0] != "-" else Path(work) / "site"
        if not (argv and argv[0] != "-"):
            build(site, f"http://127.0.0.1:{port}/")
        scores: dict[str, list[dict]] = {p: [] for p in PAGES}
        with webcheck.serve(site, port) as base:
            for _ in range(runs):
                result = subprocess.run(
                    [
                        "node",
                        str(ROOT / "tests" / "browser" / "lighthouse.mjs"),
                        str(Path(work) / "reports"),
                        *(base + p for p in PAGES),
                    ],
                    capture_output=True,
                    text=True,
                    cwd=ROOT,
                    check=True,
                )
                for url, found in json.loads(result.stdout).items():
                    scores[url.removeprefix(base)].append(found)
    print(
        f"Lighthouse mobile performance, {runs} runs per page (floor in the tests: "
        f"{floor()}; accessibility, best practices, SEO gated at 100)"
    )
    print(f"{'page':34} {'min':>4} {'median':>6} {'max':>4}  {'a11y/bp/seo':>11}")
    for page, found in scores.items():
        performance = sorted(f["scores"]["performance"] for f in found)
        others = "/".join(
            str(min(f["scores"][c] for f in found))
            for c in ("accessibility", "best-practices", "seo")
        )
        print(
            f"/{page:33} {performance[0]:>4} {statistics.median(performance):>6} {performance[-1]:>4}  {others:>11}"
        )


def floor() -> int:
    text = (ROOT / "tests" / "test_browser.py").read_text(encoding="utf-8")
    return int(text.split("PERFORMANCE_FLOOR = ")[1].split()[0])


if __name__ == "__main__":
    main(sys.argv[1:])
