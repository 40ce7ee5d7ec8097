"""The training library's MkDocs plugin (`training` in mkdocs.yml): one module per feature, wired by plugin.py."""
