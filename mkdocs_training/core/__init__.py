"""The core every feature builds on: the engine, config, problems, languages, strings, YAML, the page model."""
