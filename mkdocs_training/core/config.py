"""The plugin's options in mkdocs.yml (`plugins: - training: ...`), typed and checked."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

# The shortcuts of mkdocs_training/fast/, by the names the `fast` option takes
# (fast/__init__.py says what each does). Here, so that the config depends on no room.
SHORTCUTS = ("plain-html", "glossary-links", "one-page", "parallel")


class Switch(c.BaseConfigOption[bool]):
    """On or off; the environment sets it through `!ENV [TRAINING_X, off]` in mkdocs.yml."""

    def __init__(self, variable: str) -> None:
        super().__init__()
        self.variable = variable
        self.default = False

    def run_validation(self, value: object) -> bool:
        # YAML reads on/off (and true/false) as booleans, in mkdocs.yml and in !ENV values alike.
        if isinstance(value, bool):
            return value
        raise base.ValidationError(
            f"expected on or off, got {value!r}. Write 'on' or 'off' in mkdocs.yml, "
            f"or set {self.variable}=on or {self.variable}=off in the environment."
        )


class Shortcuts(c.BaseConfigOption[frozenset]):
    """Which shortcuts of mkdocs_training/fast/ run: on (all), off (none), or the names of those to keep on."""

    def __init__(self, variable: str) -> None:
        super().__init__()
        self.variable = variable
        self.default = True

    def run_validation(self, value: object) -> frozenset:
        if isinstance(value, bool):  # on/off, as YAML reads them.
            return frozenset(SHORTCUTS) if value else frozenset()
        names = [name.strip() for name in value.split(",")] if isinstance(value, str) else []
        unknown = [name for name in names if name not in SHORTCUTS]
        if not names or unknown:
            raise base.ValidationError(
                f"expected on, off or some of {', '.join(SHORTCUTS)} (comma-separated), got {value!r}. "
                f"Set {self.variable}=off to turn every shortcut off (mkdocs_training/fast/)."
            )
        return frozenset(names)


POLICIES = ("required", "partial")


class Policies(c.BaseConfigOption[dict]):
    """Per translated language, how complete it must be: `required` or `partial` (README: keep translations current)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict:
        if not isinstance(value, dict):
            raise base.ValidationError(
                f"expected one line per language, e.g. 'it: required', got {value!r}."
            )
        for code, policy in value.items():
            if policy not in POLICIES:
                raise base.ValidationError(
                    f"'{code}: {policy}' is not a policy. Write '{code}: required' (checks fail on a missing "
                    f"or outdated page) or '{code}: partial' (they only warn)."
                )
        return {str(code): str(policy) for code, policy in value.items()}


class TrainingConfig(base.Config):
    # `make serve`: no PDFs, no precompressed files. The published build
    # (`mkdocs build`, `make build`) always makes them.
    preview = Switch("TRAINING_PREVIEW")
    # `make offline`: a site opened from a folder (file://), with no server.
    offline = Switch("TRAINING_OFFLINE")
    # `make publish`: the site for the server. The public address must be set
    # (SITE_URL); a local one fails the build instead of being published.
    publish = Switch("TRAINING_PUBLISH")
    # Reuse compressed files and PDFs made before from the same content
    # (.cache/training/). Off: everything is made afresh (the reproducibility test).
    cache = Switch("TRAINING_CACHE")
    # Each module has its own PDF; the PDF of the whole training is made (and
    # the home page links to it) only while the library has at most this many
    # modules: past that it is too long to print and its build too costly.
    whole_pdf_max_modules = c.Type(int, default=30)
    # Per translated language: `required` (`translations --check`, run by
    # `make test`, fails on a missing, outdated or unreviewed page) or
    # `partial` (it only warns; a missing page is published in English under
    # the localized notice). A language not listed is required.
    translations = Policies()
    # One language only, into its own folder (TRAINING_LANGUAGE=it): set by
    # `python -m mkdocs_training build`, which builds each language in its own
    # process and merges them (fast/parallel.py). Empty: every language, one after
    # the other (plain `mkdocs build`).
    language = c.Type(str, default="")
    # The shortcuts that do faster what the engine does (mkdocs_training/fast/):
    # on, off (TRAINING_FAST=off: the engine's own path everywhere), or the
    # names of those to keep on (TRAINING_FAST=plain-html,parallel).
    fast = Shortcuts("TRAINING_FAST")
