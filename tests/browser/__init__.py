"""Browser and Lighthouse tooling of the tests (webcheck.py, lighthouse.mjs); it never ships."""
