"""The training library's MkDocs plugin (`training` in mkdocs.yml): one module per feature, wired by plugin.py."""

# First, before any module imports the plugin API as `mkdocs.*`: in a process of
# our own (python -m mkdocs_training, pytest) those names must be the engine's.
from mkdocs_training.core import engine  # noqa: F401
