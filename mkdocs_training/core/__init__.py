"""The core every feature builds on: the engine seam, configuration, problems, YAML and the page model."""
