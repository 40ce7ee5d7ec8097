"""The glossary: terms per language, its page, and term tooltips in pages."""
