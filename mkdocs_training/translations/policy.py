"""How complete each translated language must be, from mkdocs.yml (`plugins: - training: translations:`).

    - training:
        translations:
          it: required   # `translations --check` (make test) fails on a missing, outdated or unreviewed page
          fr: partial    # it only warns; missing pages are published in English under the notice

A language not listed is required. Orphans and structure mismatches are
mistakes in a file, not progress: they fail under either policy.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_training.core.i18n import Languages

REQUIRED = "required"
PARTIAL = "partial"


def policies(config: MkDocsConfig, languages: Languages) -> dict[str, str]:
    """Each translated language's policy; a language that is not the site's is an error naming the fix."""
    plugin = config.plugins.get("training")
    given = dict(plugin.config.translations) if plugin is not None else {}
    unknown = [code for code in given if code not in languages.translations]
    if unknown:
        raise SystemExit(
            f"mkdocs.yml: plugins > training > translations names {', '.join(unknown)}, not a translated "
            f"language of this site ({', '.join(languages.translations)}). Remove it, or add the language "
            "under plugins > i18n > languages."
        )
    return {code: given.get(code, REQUIRED) for code in languages.translations}
