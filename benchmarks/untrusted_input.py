"""What reading untrusted input costs: the YAML alias bomb, and the sanitiser on real and hostile pages.

    .venv/bin/python -m benchmarks.untrusted_input [SITE]

Prints figures, asserts nothing (tests/test_yaml_input.py and
tests/test_xss_corpus.py check the behaviour):
- the 21 KB alias-bomb quiz (tests/fixtures/sites/yaml-alias-bomb): how
  long yamlfile takes to refuse it;
- sanitise.check() on the content of every page of a built site (default:
  site/, from `make build`), per page and in all;
- sanitise.check() on each vector of tests/fixtures/xss/ alone.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup

from mkdocs_training.core import yamlfile
from mkdocs_training.publish import sanitise

ROOT = Path(__file__).resolve().parent.parent
BOMB = ROOT / "tests" / "fixtures" / "sites" / "yaml-alias-bomb" / "docs" / "modules" / "m.md"
CORPUS = ROOT / "tests" / "fixtures" / "xss"


def timed(function, *args, repeat: int = 5) -> float:
    """The best of `repeat` runs, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(yamlfile.NotPlainData):
            function(*args)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(site: Path) -> None:
    block = BOMB.read_text(encoding="utf-8").split("```quiz\n")[1].split("```")[0]
    print(
        f"alias bomb ({len(block.encode()) / 1024:.1f} KB of quiz YAML): refused in {timed(yamlfile.load, block):.2f} ms"
    )

    pages = sorted(site.rglob("*.html")) if site.is_dir() else []
    contents = []
    for page in pages:
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            "article"
        )
        if article:
            contents.append("".join(str(child) for child in article.children))
    if contents:
        times = [timed(sanitise.check, content) for content in contents]
        size = sum(len(c.encode()) for c in contents) / len(contents) / 1024
        print(
            f"sanitiser on {len(contents)} pages of {site} (mean {size:.0f} KB of content): "
            f"median {statistics.median(times):.2f} ms, max {max(times):.2f} ms, total {sum(times):.0f} ms"
        )
    else:
        print(f"no built site at {site}: run `make build` for the per-page figures")

    vectors = [
        line
        for path in sorted(CORPUS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    times = [timed(sanitise.check, vector, repeat=3) for vector in vectors]
    print(
        f"sanitiser on {len(vectors)} corpus vectors alone: median {statistics.median(times):.3f} ms, "
        f"max {max(times):.3f} ms"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
