"""The security headers: site/_headers for static hosts, and the nginx snippet in deploy/nginx/.

They have one source of truth, headers() below. The build writes them to
site/_headers (the format of Netlify, Cloudflare Pages and similar hosts);
`make headers` (`python -m mkdocs_training headers`) writes the nginx
snippet. The Content-Security-Policy allows scripts from the site itself
and, by hash, the few small inline scripts Material's templates write into
every page: no 'unsafe-inline', no 'unsafe-eval'.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


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


# The comment lines below still name tools/deploy.py, this module's old home:
# they are part of the published _headers and of deploy/nginx/, which must stay
# byte-identical through the move. Update both texts together, then `make headers`.
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
