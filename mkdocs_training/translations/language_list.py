"""`<!-- training:languages -->`: the site's languages, named and listed as the reader's language does it.

"English and Italian" on an English page, "inglese e italiano" on an Italian
one, from CLDR (Babel), for every language configured in mkdocs.yml: a
language added with `make new-language` joins the home page's sentence with
no page edited. Plain text, to sit inside a sentence.
"""

from __future__ import annotations

import re

from babel import Locale
from babel.lists import format_list
from mkdocs.structure.pages import Page

from mkdocs_training.core import escaping
from mkdocs_training.core.context import Build, Site


def language_list(page: Page, build: Build, site: Site) -> str:
    reader = Locale.parse(build.language.replace("-", "_"))  # pt-BR as Babel writes it: pt_BR.
    names = [
        reader.languages.get(re.split(r"[-_]", code)[0], build.languages.names.get(code, code))
        for code in build.languages.codes
    ]
    return escaping.text(format_list(names, locale=reader))
