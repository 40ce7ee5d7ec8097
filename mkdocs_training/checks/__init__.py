"""Content checks: the docs folder, markup declarations, built HTML, readability."""
