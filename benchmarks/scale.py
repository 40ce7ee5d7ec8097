"""How the build and the site scale with the size of the library.

    make bench-scale N=500          (or: .venv/bin/python -m benchmarks.scale 2 20 100)

For each N, copies the project to a temporary folder and grows it into a
library of N module pairs (benchmarks/library.py: varied text, nav entries,
glossary terms, translations recorded as current), then measures, on this
machine, in the same run:

- the preview build (`make serve`'s mode) and the full build (PDFs,
  precompressed files), as `make build` runs them (each language in its own
  process, `python -m mkdocs_training build`): wall time, CPU time (user +
  system, of every process; steadier than wall time on a shared machine) and
  peak memory (the largest of the processes: Linux reports the maximum over a
  process and those it waited for), and the full build's CPU time per page;
- the same two builds as plain `mkdocs build` runs them (the languages one
  after the other, in one process), for comparison;
- the full build again after editing one page;
- two baselines on the same pages: plain Material + static-i18n (the
  project's hooks and overrides removed) and the project's build in
  English only;
- `mkdocs serve` (as `make serve` runs it): from saving a page to the
  server returning it changed;
- a module page's HTML, gzip -9, and a first visit to a module page in
  each language (requests and bytes over the wire, empty cache), in
  Chromium through deploy/nginx/.

Prints one table, a column per N, with the budgets of issue 10. Figures,
not a test: the machine is shared and timings are noisy.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks import library
from benchmarks.scale_table import table
from mkdocs_training.core import engine

ROOT = Path(__file__).resolve().parent.parent
# Not part of the project's sources; the environments are linked, not copied.
SKIP = {
    ".git",
    ".venv",
    "node_modules",
    "site",
    "build",
    "dist",
    "test-output",
    ".cache",
    ".pytest_cache",
    "__pycache__",
}
LINKED = [".venv", "node_modules"]


def copy_project(target: Path) -> Path:
    shutil.copytree(ROOT, target, ignore=lambda folder, names: [n for n in names if n in SKIP])
    for name in LINKED:
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    return target


def environment(**extra: str) -> dict:
    env = engine.environment()
    for name in (
        "SITE_URL",
        "TRAINING_PREVIEW",
        "TRAINING_OFFLINE",
        "TRAINING_CACHE",
        "TRAINING_LANGUAGE",
    ):
        env.pop(name, None)
    env.update(extra)
    return env


def run(command: list[str], cwd: Path, env: dict) -> dict:
    """Wall time (s) and peak resident memory (MiB) of a command and the processes it waited for."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
        if process.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{output[-4000:]}")
        return {
            "seconds": seconds,
            "cpu": usage.ru_utime + usage.ru_stime,
            "mib": usage.ru_maxrss / 1024,
            "output": output,
        }


def build(
    project: Path,
    site: Path,
    config: str = "mkdocs.yml",
    preview: bool = False,
    strict: bool = True,
    parallel: bool = False,
    cache: bool = True,
) -> dict:
    """The engine's build (engine.py), or with `parallel` what `make build` runs: `python -m mkdocs_training build`."""
    if parallel:
        command = [sys.executable, "-m", "mkdocs_training", "-f", config, "build", "-d", str(site)]
    else:
        command = engine.command("build", "-f", config, "-d", str(site))
    if strict:
        command.append("--strict")
    extra = {"TRAINING_PREVIEW": "on"} if preview else {}
    if not cache:
        extra["TRAINING_CACHE"] = "off"
    env = environment(**extra)
    result = run(command, project, env)
    result["pages"] = sum(1 for p in site.rglob("*.html") if p.name != "404.html")
    if parallel:
        # Each language's process reports its CPU time. The longest of them plus
        # what the command did besides (start, merge, sitemap, headers) is the
        # wall time on two cores with nothing else running: steadier than the
        # wall time measured on a shared machine.
        reported = re.findall(r"'\w+' built in its own process: ([\d.]+) s CPU", result["output"])
        languages = [float(seconds) for seconds in reported]
        result["critical_cpu"] = result["cpu"] - sum(languages) + max(languages)
    return result


# -----------------------------------------------------------------------------
# Baselines: the same pages without the project's code, and in English only
# -----------------------------------------------------------------------------


def plain_config(project: Path) -> str:
    """mkdocs.yml without the project's hooks, plugin and template overrides."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", config)
    config = re.sub(r"(?m)^[ \t]+custom_dir:.*\n", "", config)
    # The project's own plugin (after the move out of tools/), if listed.
    config = re.sub(r"(?m)^  - training(?::\n(?:    .*\n)*|\n)", "", config)
    (project / "mkdocs-plain.yml").write_text(config, encoding="utf-8")
    return "mkdocs-plain.yml"


def english_only(project: Path, target: Path) -> Path:
    """A copy of the library with the other languages' pages and entries removed."""
    shutil.copytree(project, target, symlinks=True)
    for page in (target / "docs").rglob("*.it.md"):
        page.unlink()
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    # The entry and its more-indented lines (and blank lines among them).
    config, count = re.subn(r"(?m)^( *)- locale: it\n(?:\1  .*\n|[ \t]*\n)*", "", config)
    if count != 1:
        raise RuntimeError("mkdocs.yml: could not find the Italian entry under languages:")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


# -----------------------------------------------------------------------------
# mkdocs serve: from saving a page to being served the new version
# -----------------------------------------------------------------------------


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def save_to_served(project: Path, source: str, edits: int = 3) -> list[float]:
    from tests.browser import webcheck

    port = webcheck.free_port()
    # As `make serve` runs it, on a free port.
    command = [sys.executable, "-m", "mkdocs_training", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            cwd=project,
            env=environment(TRAINING_PREVIEW="on"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}/{source[:-3]}/"
        page = project / "docs" / source
        original = page.read_text(encoding="utf-8")
        times = []
        try:
            deadline = time.time() + 1200
            while fetch(url) is None:
                if process.poll() is not None or time.time() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"make serve did not start:\n{log.read().decode()[-3000:]}")
                time.sleep(0.2)
            time.sleep(2)  # Let the watcher settle after the first build.
            for edit in range(1, edits + 1):
                marker = f"Scaleprobe{edit}x{port}"
                start = time.perf_counter()
                page.write_text(original + f"\n{marker} was added.\n", encoding="utf-8")
                while marker not in (fetch(url) or ""):
                    if time.perf_counter() - start > 600:
                        raise RuntimeError("make serve did not show the edited page within 600 s")
                    time.sleep(0.02)
                times.append(time.perf_counter() - start)
                time.sleep(1)
        finally:
            page.write_text(original, encoding="utf-8")
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        # Which path each save took (fast: the page alone, then the rest in the background).
        log.seek(0)
        for line in log.read().decode("utf-8", "replace").splitlines():
            if "Fast path:" in line or "Full rebuild" in line or "Background rebuild" in line:
                print(f"  serve: {line.strip()}", file=sys.stderr)
        return times


# -----------------------------------------------------------------------------
# Pages as readers get them
# -----------------------------------------------------------------------------


def gzip_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)) / 1024


def furniture_kb(path: Path) -> float:
    """The page without its article (the module's own text, quiz and tooltips):
    navigation, header, footer and head, the part that could grow with N."""
    html = path.read_text(encoding="utf-8")
    start, end = html.index("<article"), html.index("</article>")
    return (
        len(gzip.compress(html[:start].encode() + html[end:].encode(), compresslevel=9, mtime=0))
        / 1024
    )


def first_visits(site: Path, paths: list[str]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    from benchmarks.first_visit import visit
    from tests.browser import webcheck

    results = {}
    with (
        tempfile.TemporaryDirectory() as work,
        webcheck.nginx(site.resolve(), Path(work)) as base,
        sync_playwright() as playwright,
    ):
        browser = webcheck.launch(playwright)
        for path in paths:
            results[path] = visit(browser, base, path)
        browser.close()
    return results


# -----------------------------------------------------------------------------
# One library size
# -----------------------------------------------------------------------------


def measure(pairs: int, work: Path, serve: bool, browser: bool) -> dict:
    project = copy_project(work / "project")
    made = library.make(project, pairs)
    module = made[len(made) // 2] if made else "modules/customer-service.md"
    figures: dict[str, object] = {"pairs": pairs}
    say = lambda text: print(f"  N={pairs}: {text}", file=sys.stderr, flush=True)  # noqa: E731

    say("preview build (languages in parallel)")
    preview = build(project, work / "preview", preview=True, parallel=True)
    figures.update(
        preview_s=preview["seconds"],
        preview_cpu=preview["cpu"],
        preview_mib=preview["mib"],
        pages=preview["pages"],
        preview_critical=preview["critical_cpu"],
    )

    say("preview build, mkdocs build (languages one after the other)")
    sequential = build(project, work / "preview-sequential", preview=True)
    figures.update(
        seq_preview_s=sequential["seconds"],
        seq_preview_cpu=sequential["cpu"],
        seq_preview_mib=sequential["mib"],
    )

    say("plain Material + static-i18n, preview")
    plain = build(project, work / "plain", config=plain_config(project), preview=True, strict=False)
    figures.update(plain_s=plain["seconds"], plain_cpu=plain["cpu"])

    say("English only, preview")
    english = english_only(project, work / "english")
    only = build(english, work / "english-site", preview=True)
    figures.update(english_s=only["seconds"], english_cpu=only["cpu"])

    say("full build (languages in parallel)")
    site = work / "site"
    full = build(project, site, parallel=True)
    figures.update(
        full_s=full["seconds"], full_cpu=full["cpu"], full_mib=full["mib"], full_pages=full["pages"]
    )

    # Without the cache, as the one above found it empty: the same work.
    say("full build, mkdocs build (languages one after the other)")
    sequential = build(project, work / "site-sequential", cache=False)
    figures.update(
        seq_full_s=sequential["seconds"],
        seq_full_cpu=sequential["cpu"],
        seq_full_mib=sequential["mib"],
    )
    shutil.rmtree(work / "site-sequential")

    say("full build after editing one page")
    # Another module than the one measured below, whose page stays as generated.
    edited = project / "docs" / (made[0] if len(made) > 1 else "modules/supplier-guidelines.md")
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\nOne more sentence.\n", encoding="utf-8")
    again = build(project, site, parallel=True)
    figures.update(rebuild_s=again["seconds"], rebuild_cpu=again["cpu"])
    edited.write_text(original, encoding="utf-8")

    stem = module[:-3]
    figures["html_kb_en"] = gzip_kb(site / stem / "index.html")
    figures["html_kb_it"] = gzip_kb(site / "it" / stem / "index.html")
    figures["furniture_kb_en"] = furniture_kb(site / stem / "index.html")
    figures["furniture_kb_it"] = furniture_kb(site / "it" / stem / "index.html")
    if browser:
        say("first visits (nginx, Chromium)")
        visits = first_visits(site, [f"{stem}/", f"it/{stem}/"])
        for lang, path in (("en", f"{stem}/"), ("it", f"it/{stem}/")):
            v = visits[path]
            figures[f"visit_{lang}"] = (v["requests"], v["bytes"] / 1024)
            figures[f"visit_{lang}_search"] = any("search" in url for url in v["urls"])
    if serve:
        say("mkdocs serve, save to served")
        figures["serve_s"] = statistics.median(save_to_served(project, module))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="+", type=int, help="library sizes: module pairs (N >= 2)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    parser.add_argument(
        "--no-browser", action="store_true", help="skip the first visits in Chromium"
    )
    parser.add_argument(
        "--keep", type=Path, help="keep the generated libraries and sites in this folder"
    )
    args = parser.parse_args()
    if min(args.pairs) < 2:
        parser.error("N counts module pairs including the two real ones: 2 or more.")
    results = []
    for pairs in args.pairs:
        if args.keep:
            work = args.keep / f"n{pairs}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            results.append(measure(pairs, work, not args.no_serve, not args.no_browser))
        else:
            with tempfile.TemporaryDirectory(prefix=f"bench-scale-{pairs}-") as work:
                results.append(measure(pairs, Path(work), not args.no_serve, not args.no_browser))
    print(
        f"\nScale of the library, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
