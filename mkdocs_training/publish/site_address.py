"""The site's public address (site_url): said loudly when it is the local default.

Canonical links, hreflang and the sitemap are absolute URLs built from
site_url. Built without SITE_URL, they point at 127.0.0.1:8000, which is
right for `make serve` and the tests and wrong on any server.
"""

from __future__ import annotations

import ipaddress
import sys
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.log import log


def is_local(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def message(url: str) -> str:
    return (
        f"mkdocs.yml: site_url is {url}, a local address, so the canonical links, hreflang "
        "and the sitemap of this build point at this machine. To publish, set the public "
        "address: SITE_URL=https://training.example.com/ make publish"
    )


# Once per site build. Publishing (`make publish`, TRAINING_PUBLISH=on) fails
# on a local address; any other full build says so on stderr, in a box, but
# goes on: the tests and `make build` for a look on this machine need it.
def check(config: MkDocsConfig, *, publish: bool, preview: bool) -> None:
    url = config.site_url or ""
    if not is_local(url):
        return
    if publish:
        log.warning(message(url))
    elif not preview:
        text = message(url)
        rule = "!" * 78
        print(f"{rule}\n! NOT FOR PUBLISHING: {text}\n{rule}", file=sys.stderr)
