"""Translations: their status against the English pages (status.py) and the notices readers see (notices.py)."""
