"""The plugin's logger: every message shows as 'training: ...', and a warning fails the strict build."""

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("training")
