"""Load on the nginx configuration: requests per second and latency, zero errors.

    make bench-load          (or: .venv/bin/python -m benchmarks.load [SITE])

Serves the built site (site/, or the folder given) with deploy/nginx/ in
Debian's nginx on 127.0.0.1, and runs Debian's wrk against three kinds of
URL for 8 seconds each (24 s in all, on loopback only). Prints the figures;
exits 1 on any socket error or non-2xx/3xx response. Figures depend on the
machine: compare runs on the same one.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser import webcheck

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 8
CONNECTIONS = 32
URLS = {
    "module page (HTML, brotli)": "modules/customer-service/",
    "Italian page (HTML, brotli)": "it/modules/supplier-guidelines/",
    "theme bundle (JS, immutable)": "assets/javascripts/bundle.a5f9d56c.min.js",
}


def wrk(url: str) -> dict:
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{SECONDS}s",
            "--timeout",
            "5s",
            "--latency",
            "--header",
            "Accept-Encoding: br, gzip",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 30,
        check=False,
    )
    out = result.stdout
    figures = {"rps": float(found(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for percentile in ("50", "75", "90", "99"):
        value, unit = found(rf"(?m)^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", out).groups()
        figures[f"p{percentile}"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    figures["socket_errors"] = sum(int(n) for n in errors.groups()) if errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    figures["bad_responses"] = int(non_2xx.group(1)) if non_2xx else 0
    figures["requests"] = int(found(r"(\d+) requests in", out).group(1))
    return figures


def found(pattern: str, out: str) -> re.Match[str]:
    match = re.search(pattern, out)
    if match is None:
        raise RuntimeError(f"wrk printed no match for {pattern!r}:\n{out}")
    return match


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "index.html").exists():
        print(f"{site} has no built site: run `make build` first.", file=sys.stderr)
        return 2
    failed = False
    with tempfile.TemporaryDirectory() as work, webcheck.nginx(site.resolve(), Path(work)) as base:
        print(f"wrk, {CONNECTIONS} connections, 2 threads, {SECONDS} s per URL, nginx on {base}")
        print(
            f"{'URL':<32} {'req/s':>9} {'p50 ms':>8} {'p75 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>7}"
        )
        for name, path in URLS.items():
            f = wrk(base + path)
            errors = f["socket_errors"] + f["bad_responses"]
            failed |= errors > 0 or f["requests"] == 0
            print(
                f"{name:<32} {f['rps']:>9.0f} {f['p50']:>8.2f} {f['p75']:>8.2f} {f['p90']:>8.2f} {f['p99']:>8.2f} {errors:>7}"
            )
    print("FAILED: errors under load" if failed else "OK: no errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
