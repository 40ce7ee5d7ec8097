"""The training plugin: wires MkDocs' events to the feature modules, and does nothing else.

static-i18n builds the site once per language, default language first, and
runs every event again for each build; see ARCHITECTURE.md for the path of
a page pair through these events.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_training import fast, pdf, publish
from mkdocs_training.checks import declarations, docs_folder, html_checks
from mkdocs_training.core import engine, escaping, fragments, i18n, locales, markers, page_roles
from mkdocs_training.core.config import TrainingConfig
from mkdocs_training.core.context import Build, Site, template_values
from mkdocs_training.core.log import log
from mkdocs_training.fast import parallel
from mkdocs_training.glossary import terms as glossary
from mkdocs_training.lms.modules import site_problems as lms_problems
from mkdocs_training.progress import modules
from mkdocs_training.publish import (
    inline_code,
    notfound,
    offline,
    sanitise,
    scripts,
    search,
    site_address,
    sitemap,
    stylesheet,
    theme,
)
from mkdocs_training.quiz import blocks as quiz
from mkdocs_training.scorecard import criteria as scorecard
from mkdocs_training.translations import (
    alternates,
    language_list,
    notices,
    policy,
    status,
    status_page,
)

# Which feature fills which marker (`<!-- training:modules -->`); core/markers.py runs the pass.
MARKERS: dict[str, markers.Filler] = {
    "training:modules": modules.module_list,
    "training:glossary": glossary.glossary_list,
    "training:criteria": scorecard.criteria_list,
    "training:scorecard": scorecard.form,
    "training:translations": status_page.status_list,
    "training:languages": language_list.language_list,
}


class TrainingPlugin(BasePlugin[TrainingConfig]):
    def __init__(self) -> None:
        self.site = Site()  # Kept across the language builds of one site build.
        self._build: Build | None = None  # The language build running now: see `build`.

    @property
    def build(self) -> Build:
        """The language build running now, made by on_config; every later event has one."""
        if self._build is None:
            raise RuntimeError(
                "the training plugin's build is made in on_config; an event ran before it"
            )
        return self._build

    @build.setter
    def build(
        self, build: Build
    ) -> None:  # on_config, and serve's one-page shortcut (fast/one_page.py).
        self._build = build

    # Before the search plugin (priority 0) sets up this build's index. static-i18n
    # has already chosen the language of the build (it sets it before each build).
    @event_priority(10)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        engine.require_engine()  # Under the old `mkdocs` command: stop, naming the one to use.
        engine.follow_legacy_log_filters()
        languages = i18n.Languages.from_config(config)
        policy.policies(
            config, languages
        )  # A policy for a language the site lacks stops the build.
        fast.configure(
            self.config.fast
        )  # Which shortcuts run (TRAINING_FAST, mkdocs_training/fast/).
        if self.config.language:  # One language of a parallel build (fast/parallel.py).
            parallel.build_only(config, languages, self.config.language)
        language = languages.building(config)
        search.one_index_per_language(config, language)
        root = Path(config.config_file_path).parent
        strings = locales.load_strings(root, languages.codes)
        terms = glossary.load(root, languages.codes)
        if language == languages.default:  # Once per site, not once per language.
            # The scorecard's criteria: each language's file, and the same ids in each.
            for problem in (
                strings.problems + terms.problems + scorecard.load(root, languages.codes).problems
            ):
                log.warning(problem)
            site_address.check(config, publish=self.config.publish, preview=self.config.preview)
        ui = strings.by_language[language]
        build = self.build = Build(
            config,
            languages,
            language,
            ui,
            preview=self.config.preview,
            offline=self.config.offline,
            cache=self.config.cache,
            whole_pdf_max_modules=self.config.whole_pdf_max_modules,
            only_language=self.config.language,
        )
        glossary.start(build, terms.by_language.get(language, []))
        locales.localize_theme(config, language, ui)
        if self.config.offline:
            offline.configure(config)
        return config

    # Before MkDocs cleans site/ and walks docs/ (which a symlink loop would send round).
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.build.is_default:
            docs_folder.check(Path(config.docs_dir), Path(config.config_file_path).parent)
        elif self.build.is_part:  # The default language's process reports the links.
            parallel.check_docs_quietly(Path(config.docs_dir), Path(config.config_file_path).parent)

    # Every page read and checked once, before static-i18n narrows them to one language.
    @event_priority(10)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # In a parallel build each language's process reads them too, and the
        # default language's one reports them (once, not once per process).
        if self.build.is_default or self.build.is_part:
            self.site = Site(docs=Path(config.docs_dir), root=Path(config.config_file_path).parent)
            pages = [self.site.docs / f.src_path for f in files.documentation_pages()]
            report = status.scan(
                pages,
                self.build.languages,
                self.site.root,
                self.site.docs,
                checks=[quiz.content_problems],
            )
            self.site.sources = report.sources
            status.keep(report, self.site)
            if self.build.is_default:
                read = [checked.source for checked in report.sources.values()]
                mastery = lms_problems(read, self.build.languages)
                for problem in report.problems + mastery:
                    log.warning(problem)
            # A page that is not UTF-8 is reported above; MkDocs would only add a
            # traceback for it, so it is left out of the build (which fails anyway).
            self.site.unreadable = {str(path) for path in report.undecodable}
        for file in list(files.documentation_pages()):
            if str(self.site.shown(Path(config.docs_dir) / file.src_path)) in self.site.unreadable:
                files.remove(file)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.build.set_nav(nav)
        return nav

    # After static-i18n (on_files) has chosen this build's files, before they are copied.
    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.globals["training_stylesheet"] = stylesheet.join(config, files)
        scripts.strip_comments(config, files)
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        search.exclude_fallback(page, self.build)
        escaping.front_matter(page)
        markdown = declarations.made_readable(markdown, page, self.build, self.site)
        markdown = markers.fill(markdown, page, self.build, self.site, MARKERS)
        return quiz.render_all(markdown, page, self.build, self.site)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        html = fragments.put(html, page, self.build)
        if page_roles.is_module(page):
            html = modules.module_extras(html, page, self.build, self.site, pdf.module_href(page))
        if glossary.links_terms(page, self.build):
            html = glossary.link_terms(html, page, self.build)
        html = notices.with_notice(html, page, self.build, self.site)
        html = html_checks.check(html, page, self.build, self.site)
        return sanitise.page_content(html, page, self.build, self.site)

    # After static-i18n (priority 50) has pointed config.extra.alternate at this page.
    @event_priority(40)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        build = self.build
        values = template_values(context)  # The same dict, for our templates' own keys.
        build.add_language_context(values)
        modules.page_context(values, page)
        alternates.language_links(values, page, config, build, self.site)
        pdf.keep(
            page, build
        )  # Every page goes into this language's PDF, an untranslated one with its notice.
        if not build.is_fallback(page):  # The sitemap lists the pairs the page's <head> announces.
            sitemap.add(page, values["hreflang"], build, self.site)
        return context

    # Templates outside pages (404.html) see the same strings and language root.
    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        values = template_values(context)
        self.build.add_language_context(values)
        if template_name == "404.html":
            notfound.template_context(values, config, self.build)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = theme.valid_html(output)
        inline_code.report_page(output, f"docs/{page.file.src_uri}", page.url)
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        output_content = theme.valid_html(output_content)
        if template_name == "404.html":
            notfound.keep(output_content, self.build, self.site)
        return output_content

    # After the search plugin has written this build's index, and before
    # static-i18n starts the next build. Each build writes the shared files
    # from what the builds so far have made, so the last one leaves them right.
    # In a parallel build, what spans the languages is done after the merge.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        build = self.build
        notfound.write(config, build, self.site)
        search.write(config, build, self.site)
        if not build.is_part:
            sitemap.write(config, build.languages, self.site)
        theme.disable_sitemap_lookup(config)
        pdf.write(config, build)
        if build.is_part:
            parallel.hand_over(config, build, self.site)
        elif build.is_last:
            publish.finish(config, build)
