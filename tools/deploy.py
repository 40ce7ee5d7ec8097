"""What serving the built site needs: security headers, precompressed files, the offline zip.

The security headers have one source of truth, HEADERS below. The build
writes them to site/_headers (the format of Netlify, Cloudflare Pages and
similar hosts), and `python -m tools headers` writes the nginx snippet in
deploy/nginx/. The Content-Security-Policy allows scripts from the site
itself and, by hash, the few small inline scripts Material's templates
write into every page: no 'unsafe-inline', no 'unsafe-eval'.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import zipfile
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
TEXT_TYPES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def inline_script_hashes(site: Path) -> list[str]:
    """CSP sources for every inline script in the built pages (JSON data blocks are not scripts)."""
    hashes = set()
    for page in site.rglob("*.html"):
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attributes:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(site: Path) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site)),
        # Material's search runs in a worker from the site itself.
        "worker-src 'self'",
        # Material sets styles from scripts and in a few style attributes;
        # styles cannot run code, so they are not held to hashes.
        "style-src 'self' 'unsafe-inline'",
        # Material's icons are SVG data URLs in its stylesheets.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers(site: Path) -> dict[str, str]:
    """Security headers for every response."""
    return {
        "Content-Security-Policy": content_security_policy(site),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def netlify_headers(site: Path) -> str:
    lines = ["# Security headers for static hosts that read _headers (Netlify, Cloudflare Pages).",
             "# Written by the build (tools/deploy.py); nginx: deploy/nginx/.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers(site).items()]
    return "\n".join(lines) + "\n"


def nginx_headers(site: Path) -> str:
    lines = [
        "# Security headers for every response. Generated from the built site by",
        "# `make headers` (tools/deploy.py): do not edit; regenerate after a theme",
        "# change. Included in every location of training.conf, because nginx drops",
        "# the server's add_header lines in a location that adds its own.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers(site).items()]
    return "\n".join(lines) + "\n"


def precompress(site: Path) -> int:
    """Write .gz and .br beside every text file worth it, for nginx's *_static modules."""
    import brotli

    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT_TYPES or not path.is_file() or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        # mtime=0: the same input gives the same bytes (reproducible builds).
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
        count += 1
    return count


# Files that serve no purpose when the site is opened from a folder.
NOT_OFFLINE = (".gz", ".br", "_headers")


def offline_zip(site: Path, archive: Path, folder: str, date: tuple[int, ...]) -> int:
    """Zip the offline site with fixed dates and order, so the same site gives the same zip."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and not p.name.endswith(NOT_OFFLINE)]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, path.read_bytes())
    return len(files)
