# Entry points of the training library. `make serve` and `make test` each set
# up everything they need on a fresh machine, so they are the only two
# commands a new contributor has to know.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life banner on every build; it is known.
export NO_MKDOCS_2_WARNING := 1
# Puppeteer drives Debian's Firefox ESR; it must never download a browser.
export PUPPETEER_SKIP_DOWNLOAD := 1

# Debian packages: Pango and fonts for the PDFs (the published build), and
# for the tests Chromium, Firefox ESR and WebKitGTK (with Xvfb, its display),
# nginx, and Java for the W3C Nu Html Checker. Installed when missing (as
# root, as in CI); otherwise the command to run is printed.
BUILD_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PACKAGES := $(BUILD_PACKAGES) chromium nginx libnginx-mod-http-brotli-static wrk \
  firefox-esr webkit2gtk-driver xvfb xauth default-jre-headless

.PHONY: serve build publish check test eslint translations translated export-xliff import-xliff new-language new-module headers offline lms bench-load bench-transfer bench-scale bench-lighthouse lock clean system-packages

## serve: preview the site at http://127.0.0.1:8000 (another port: make serve
## PORT=8001), rebuilt on every save (without the PDFs and precompressed
## files, which `make build` makes); an edited page is rendered alone at
## once, the rest rebuilt behind it
PORT ?= 8000
serve: $(VENV)/.installed
	TRAINING_PREVIEW=on $(BIN)/python -m mkdocs_training serve --dev-addr 127.0.0.1:$(PORT)

## build: the whole site, both languages, into site/ (for a look on this
## machine unless SITE_URL is set; the build says so in a box). Each language
## builds in its own process, at once; the result is that of `properdocs build --strict`.
build: $(VENV)/.installed
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(BUILD_PACKAGES)"
	$(BIN)/python -m mkdocs_training build --strict

## publish: the site for the server; needs SITE_URL=https://<public address>/
publish: $(VENV)/.installed
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(BUILD_PACKAGES)"
	TRAINING_PUBLISH=on $(BIN)/python -m mkdocs_training build --strict

## check: the inner loop, in under 30 s: lint (ruff, eslint), types (mypy)
## and the unit tests (no build, no browser; the slow ones wait for make test),
## on every core
check: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@$(MAKE) --no-print-directory eslint
	$(BIN)/python -m pytest -m "unit and not slow" -n auto -q

## test: every check: make check, then the content, the built site, the site
## in Chromium, Firefox and WebKit, failing fixtures (under Xvfb: WebKitGTK
## needs a display), TEST_WORKERS at once (browser tests wait on pages, so
## more workers than cores pay)
TEST_WORKERS ?= 3
test: check
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(TEST_PACKAGES)"
	$(BIN)/python -m mkdocs_training translations --check
	xvfb-run --auto-servernum $(BIN)/python -m pytest -m "not unit or slow" -n $(TEST_WORKERS) --dist loadgroup

## eslint: lint every script (eslint.config.mjs: the recommended rules, no warnings allowed)
eslint: node_modules/.installed
	node_modules/.bin/eslint --max-warnings 0 .

## translations: status of every translation (up to date, outdated, missing...)
translations: $(VENV)/.installed
	$(BIN)/python -m mkdocs_training translations

## translated: record a reviewed translation as current: make translated FILE=docs/x.it.md
translated: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Name the translation: make translated FILE=docs/<page>.<lang>.md"; exit 2; }
	$(BIN)/python -m mkdocs_training translations mark $(FILE)

## export-xliff: every translatable text of one language as XLIFF 1.2, for an
## agency: make export-xliff LANG=it (writes dist/xliff/it.xlf)
export-xliff: $(VENV)/.installed
	env LANG=C.UTF-8 $(BIN)/python -m mkdocs_training export-xliff --lang "$(LANG)"

## import-xliff: write an agency's translations back: make import-xliff FILE=it.xlf
import-xliff: $(VENV)/.installed
	@test -n "$(FILE)" || { echo "Name the XLIFF file: make import-xliff FILE=<file>.xlf"; exit 2; }
	$(BIN)/python -m mkdocs_training import-xliff "$(FILE)"

## new-module: a module page in the shape of the others, added to the nav:
## make new-module NAME=complaints-handling
new-module: $(VENV)/.installed
	@test -n "$(NAME)" || { echo "Name the module: make new-module NAME=<lowercase-words-joined-by-dashes>"; exit 2; }
	$(BIN)/python -m mkdocs_training new-module "$(NAME)"

## new-language: add a language by configuration: make new-language LANG=fr
## (locales/fr.yml, glossary/fr.yml and its mkdocs.yml entries, as 'partial';
## nginx's language negotiation in deploy/nginx/training.conf)
new-language: $(VENV)/.installed
	env LANG=C.UTF-8 $(BIN)/python -m mkdocs_training new-language "$(LANG)"
	$(BIN)/python -m mkdocs_training nginx-languages

## headers: rewrite deploy/nginx/security-headers.conf from a fresh build
headers: build
	$(BIN)/python -m mkdocs_training headers site

## offline: the site as a zip that staff unzip and open from a folder (file://)
offline: $(VENV)/.installed node_modules/.installed
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(BUILD_PACKAGES)"
	TRAINING_OFFLINE=on $(BIN)/python -m mkdocs_training engine build --strict --site-dir build/staff-training
	$(BIN)/python -m mkdocs_training offline-zip build/staff-training dist/staff-training.zip

## lms: SCORM 1.2 and 2004 packages of every module and of the whole training, into dist/lms/
lms: $(VENV)/.installed node_modules/.installed
	rm -rf build/lms dist/lms
	TRAINING_OFFLINE=on TRAINING_PREVIEW=on $(BIN)/python -m mkdocs_training engine build --strict --site-dir build/lms
	$(BIN)/python -m mkdocs_training lms build/lms dist/lms

## bench-load: requests per second and latency of nginx serving site/ (wrk, 24 s)
bench-load: build
	@$(MAKE) --no-print-directory system-packages PACKAGES="nginx libnginx-mod-http-brotli-static wrk"
	$(BIN)/python -m benchmarks.load site

## bench-transfer: requests and KB of a first visit to a few pages (nginx, Chromium)
bench-transfer: build
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(TEST_PACKAGES)"
	$(BIN)/python -m benchmarks.first_visit site

## bench-lighthouse: Lighthouse mobile performance per page, lowest/median/highest
## of RUNS runs (a timing figure: the tests keep only a coarse floor)
RUNS ?= 3
bench-lighthouse: $(VENV)/.installed node_modules/.installed
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(TEST_PACKAGES)"
	$(BIN)/python -m benchmarks.lighthouse - $(RUNS)

## bench-scale: build, serve and first-visit figures for a library of N module
## pairs (generated in a temporary copy), against baselines: make bench-scale N=500
N ?= 20
bench-scale: $(VENV)/.installed node_modules/.installed
	@$(MAKE) --no-print-directory system-packages PACKAGES="$(TEST_PACKAGES)"
	$(BIN)/python -m benchmarks.scale $(N)

## lock: re-pin requirements.txt (with hashes) after editing requirements.in
lock: $(VENV)/.installed
	$(BIN)/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	sed -i 's/^#    pip-compile .*/#    make lock/' requirements.txt

# The environment is rebuilt whenever the pinned requirements or the plugin's
# package definition change. The plugin (mkdocs_training/) is installed
# editable, so edits to its code need no reinstall; its dependencies are the
# hashed requirements, so it is installed without resolving any (--no-deps).
$(VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# axe-core, Lighthouse, html-validate, vnu-jar and Puppeteer, exactly as
# package-lock.json pins them. No install scripts: Puppeteer's would
# download a browser and vnu-jar's a Java runtime; Debian provides both.
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

system-packages:
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null; \
	  else \
	    echo "This needs Debian packages:$$missing. Run: sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) node_modules site build dist test-output .pytest_cache .cache
