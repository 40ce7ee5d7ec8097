"""`make serve`: the preview server, which shows an edited page again in well under a second.

`properdocs serve` rebuilds both languages on every save (20 s at 100 modules).
This server does one full build first, as MkDocs does, and records for each
language what rendering one page again needs: the config as static-i18n set
it for that language, the files, the navigation, the template environment
and the plugins' language state. Then, on each save:

- fast path: one Markdown page changed and its title and front matter did
  not. That page alone is rendered again, with every plugin's page events
  (in each language whose site shows it), and the browser reloads. A full
  build then runs in the background, in another process, into a separate
  folder, so that what derives from many pages (search index, the other
  language's translation notice, home page list, sitemap) catches up; its
  output replaces the served site and the browser reloads again. A newer
  save stops it and starts it afresh.
- full path, as `properdocs serve` does: anything else (mkdocs.yml, locales,
  glossary, scorecard, a new or deleted file, a title change) and a page whose
  re-render raises or warns. Errors show as they do under `properdocs serve`:
  logged, and the server waits (requests hang) until a save fixes them.

The log says which path each save took, and why a save took the full one.
"""

from __future__ import annotations

import logging
import signal

from mkdocs_training.core import engine

log = engine.logger("training.serve")


def console_handler() -> logging.Handler:
    """The engine's own console output (as `properdocs serve` prints it)."""
    return engine.console()


def serve(config_file: str, dev_addr: str) -> int:
    host, _, port = dev_addr.rpartition(":")
    from mkdocs_training.serve.server import Server

    server = Server(config_file, host, int(port), [console_handler()])

    # Stopped as by Ctrl+C, so that the background build and temporary folders go too.
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.start()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
    return 0
