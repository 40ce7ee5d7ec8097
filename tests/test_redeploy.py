"""Redeploying while readers read: deploy/nginx/release.sh under load.

Debian's nginx serves deploy/nginx/training.conf on 127.0.0.1 while wrk
(8 s, 16 connections, loopback only) asks for pages and a script in every
encoding, and release.sh switches between two releases that differ, over
and over. Every response must be a 200 whose body is, byte for byte, the old
release's file or the new one's; afterwards a page deleted in the new release
is gone. The same load on a site copied over in place, as the README used
to say, shows what the test catches.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import time
from pathlib import Path

import brotli
import pytest
from conftest import ROOT

from tests.browser import webcheck

RELEASE = ROOT / "deploy" / "nginx" / "release.sh"
WRK = shutil.which("wrk")
SECONDS = 8
CONNECTIONS = 16
# Present in both releases, different in each.
CHANGED = [
    "index.html",
    "it/index.html",
    "modules/customer-service/index.html",
    "it/modules/customer-service/index.html",
    "assets/javascripts/training.js",
]
# In the old release only.
DELETED = "modules/supplier-guidelines/index.html"
ENCODINGS = {"": "", "gzip": ".gz"} | ({"br": ".br"} if webcheck.BROTLI_MODULE.exists() else {})

# Every response: status 200 and a body that is one of the expected files,
# whole. Counters are per wrk thread; done() adds them up.
CHECK_LUA = r"""
local requests, expected, threads = {}, {}, {}
checked, old, new, bad_status, bad_body, example = 0, 0, 0, 0, 0, ""

local function read(path)
  local file = assert(io.open(path, "rb"))
  local data = file:read("*a")
  file:close()
  return data
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local path, encoding, old_file, new_file = line:match("^([^\t]*)\t([^\t]*)\t([^\t]+)\t([^\t]+)$")
    local headers = {}
    if encoding ~= "" then headers["Accept-Encoding"] = encoding end
    table.insert(requests, wrk.format("GET", path, headers))
    expected[read(old_file)] = "old"
    expected[read(new_file)] = "new"
  end
end

local last = 0
function request()
  last = last % #requests + 1
  return requests[last]
end

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 then
    bad_status = bad_status + 1
    if example == "" then example = "status " .. status end
  elseif expected[body] == "old" then
    old = old + 1
  elseif expected[body] == "new" then
    new = new + 1
  else
    bad_body = bad_body + 1
    if example == "" then example = "a body of " .. #body .. " bytes that is neither release's file" end
  end
end

function done(summary, latency, requests)
  local total, first = {checked = 0, old = 0, new = 0, bad_status = 0, bad_body = 0}, ""
  for _, thread in ipairs(threads) do
    for key in pairs(total) do total[key] = total[key] + thread:get(key) end
    if first == "" then first = thread:get("example") end
  end
  io.write(string.format("CHECKED %d OLD %d NEW %d BAD_STATUS %d BAD_BODY %d EXAMPLE %s\n",
    total.checked, total.old, total.new, total.bad_status, total.bad_body, first))
end
"""


def write_with_copies(path: Path, data: bytes) -> None:
    """A changed file and its .gz and .br, as the build writes them."""
    path.write_bytes(data)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=5))


@pytest.fixture(scope="module")
def releases(site, tmp_path_factory) -> tuple[Path, Path]:
    """Two builds that differ: every CHANGED file, and DELETED only in the old one."""
    folder = tmp_path_factory.mktemp("releases")
    old, new = folder / "old", folder / "new"
    for name, release in (("old", old), ("new", new)):
        shutil.copytree(site, release)
        for changed in CHANGED:
            path = release / changed
            marker = f"<!-- release {name} -->" if path.suffix == ".html" else f"// release {name}"
            write_with_copies(path, path.read_bytes() + f"\n{marker}\n".encode())
    shutil.rmtree((new / DELETED).parent)
    return old, new


def release(site: Path, base: Path) -> None:
    subprocess.run(
        [str(RELEASE), str(site), str(base)], check=True, capture_output=True, timeout=60
    )


def copy_over(site: Path, base: Path) -> None:
    """What the README said before: copy site/ over the live folder."""
    subprocess.run(["cp", "-R", f"{site}/.", str(base / "current")], check=True, timeout=60)


def under_load(name: str, url: str, old: Path, new: Path, deploy, seconds: int, work: Path) -> dict:
    """wrk for `seconds` while `deploy` alternates new and old; the figures."""
    if WRK is None:
        pytest.fail("wrk is missing: `make test` installs it (Debian package wrk)")
    (work / "check.lua").write_text(CHECK_LUA, encoding="utf-8")
    manifest = [
        f"/{path.removesuffix('index.html')}\t{encoding}\t{old / path}{suffix}\t{new / path}{suffix}"
        for path in CHANGED
        for encoding, suffix in ENCODINGS.items()
    ]
    (work / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    command = [
        WRK,
        "--threads",
        "2",
        "--connections",
        str(CONNECTIONS),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "5s",
        "--script",
        str(work / "check.lua"),
        url,
        "--",
        str(work / "manifest.tsv"),
    ]
    started = time.monotonic()
    load = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    switches = 0
    try:
        # The pace of the experiment, not a wait for a condition: wrk's connections are
        # under way before the first deploy, then a release every 0.1 s for the run.
        time.sleep(0.5)
        while load.poll() is None and time.monotonic() - started < seconds - 0.5:
            deploy(new if switches % 2 == 0 else old)
            switches += 1
            time.sleep(0.1)
        output = load.communicate(timeout=seconds + 30)[0]
    finally:
        if load.poll() is None:
            load.kill()
    if switches % 2 == 0:  # End on the new release.
        deploy(new)
        switches += 1
    counts = re.search(
        r"CHECKED (\d+) OLD (\d+) NEW (\d+) BAD_STATUS (\d+) BAD_BODY (\d+) EXAMPLE (.*)", output
    )
    assert counts, output
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    figures = dict(
        zip(
            ["checked", "old", "new", "bad_status", "bad_body"],
            map(int, counts.groups()[:5]),
            strict=True,
        )
    )
    figures |= {
        "example": counts.group(6),
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
        "switches": switches,
        "seconds": round(time.monotonic() - started, 1),
    }
    print(f"\n{name}: {figures}")
    return figures


def test_redeploying_under_load_serves_each_release_whole(releases, tmp_path):
    old, new = releases
    base = tmp_path / "srv"
    release(old, base)
    with webcheck.nginx(base / "current", tmp_path / "nginx") as url:
        figures = under_load(
            "release.sh", url, old, new, lambda site: release(site, base), SECONDS, tmp_path
        )
        assert figures["checked"] > 1000 and figures["switches"] >= 5, figures
        assert (figures["bad_status"], figures["bad_body"], figures["socket_errors"]) == (
            0,
            0,
            0,
        ), figures
        assert figures["old"] > 0 and figures["new"] > 0, figures  # Both releases were served.
        # After the switch to the new release: its pages, and the deleted page is gone.
        status, _, body = get(url, "modules/customer-service/")
        assert (status, body) == (200, (new / "modules/customer-service/index.html").read_bytes())
        assert get(url, DELETED.removesuffix("index.html"))[0] == 404
    assert len(list((base / "releases").iterdir())) == 3  # The older ones are removed.


def test_copying_over_the_live_site_is_caught(releases, tmp_path):
    old, new = releases
    base = tmp_path / "srv"
    shutil.copytree(old, base / "current")
    with webcheck.nginx(base / "current", tmp_path / "nginx") as url:
        figures = under_load(
            "cp over the live site", url, old, new, lambda site: copy_over(site, base), 4, tmp_path
        )
        assert figures["bad_status"] + figures["bad_body"] > 0, figures
        assert get(url, DELETED.removesuffix("index.html"))[0] == 200  # Left online.


def get(base: str, path: str) -> tuple[int, dict, bytes]:
    import http.client

    connection = http.client.HTTPConnection(base.split("//")[1].rstrip("/"), timeout=10)
    connection.request("GET", "/" + path)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_previous_theme_files_stay_for_one_release(releases, tmp_path):
    old, new = releases
    bundle = "assets/javascripts/bundle.a5f9d56c.min.js"
    upgraded = tmp_path / "upgraded"  # A theme upgrade: the bundle has a new name.
    shutil.copytree(new, upgraded)
    for suffix in ("", ".gz", ".br"):
        (upgraded / (bundle + suffix)).rename(
            upgraded / (bundle.replace("a5f9d56c", "0badcafe") + suffix)
        )
    base = tmp_path / "srv"
    release(old, base)
    release(upgraded, base)
    current = base / "current"
    assert all((current / (bundle + suffix)).is_file() for suffix in ("", ".gz", ".br"))
    carried = (current / ".carried").read_text(encoding="utf-8").split()
    assert sorted(carried) == sorted(bundle + suffix for suffix in ("", ".gz", ".br"))
    release(upgraded, base)
    assert not (base / "current" / bundle).exists()


def test_release_refuses_a_folder_that_is_not_a_build(tmp_path):
    result = subprocess.run(
        [str(RELEASE), str(tmp_path / "empty"), str(tmp_path / "srv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "index.html is missing: give the folder `make build` wrote (site/)" in result.stderr
    assert not (tmp_path / "srv").exists()
