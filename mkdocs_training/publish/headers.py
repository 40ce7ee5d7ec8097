"""The security headers: site/_headers for static hosts, and the nginx snippet in deploy/nginx/.

They have one source of truth, headers() below. The build writes them to
site/_headers (the format of Netlify, Cloudflare Pages and similar hosts);
`make headers` (`python -m mkdocs_training headers`) writes the nginx
snippet. The Content-Security-Policy allows scripts and styles from the
site itself and, by hash, the few small inline scripts Material's templates
write into every page (inline_code.py tells them from a page's own): no
'unsafe-inline', no 'unsafe-eval'.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from mkdocs_training.publish.inline_code import INLINE_SCRIPT, is_theme_script


def inline_script_hashes(site: Path) -> list[str]:
    """CSP sources for the theme's inline scripts in the built pages; no other
    inline script is allowed (see inline_code.inline_code_problems)."""
    hashes = set()
    for page in site.rglob("*.html"):
        # A quick scan, not the parser: it runs in every build. Missing a
        # theme script here would show as a violation in the browser tests.
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attributes or not is_theme_script(body):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return sorted(hashes)


def content_security_policy(site: Path) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(inline_script_hashes(site)),
            # Material's search runs in a worker from the site itself.
            "worker-src 'self'",
            # Stylesheets from the site only: a page's <style> or style= would
            # restyle it (hide text, fake a notice), so it is blocked too.
            # Scripts setting element.style are not affected.
            "style-src 'self'",
            # Material's icons are SVG data URLs in its stylesheets.
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


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


# The comment lines below are part of the published _headers and of
# deploy/nginx/security-headers.conf: change them here, then `make headers`.
def netlify_headers(site: Path) -> str:
    lines = [
        "# Security headers for static hosts that read _headers (Netlify, Cloudflare Pages).",
        "# Written by the build (mkdocs_training/publish/headers.py); nginx: deploy/nginx/.",
        "/*",
    ]
    lines += [f"  {name}: {value}" for name, value in headers(site).items()]
    return "\n".join(lines) + "\n"


def nginx_headers(site: Path) -> str:
    lines = [
        "# Security headers for every response. Generated from the built site by",
        "# `make headers` (mkdocs_training/publish/headers.py): do not edit; regenerate after a theme",
        "# change. Included in every location of training.conf, because nginx drops",
        "# the server's add_header lines in a location that adds its own.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers(site).items()]
    return "\n".join(lines) + "\n"
