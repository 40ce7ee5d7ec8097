# Entry points of the training library. `make serve` and `make test` each set
# up everything they need on a fresh machine, so they are the only two
# commands a new contributor has to know.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life banner on every build; it is known.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lock clean

## serve: preview the site at http://127.0.0.1:8000, rebuilt on every save
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the publishable site, both languages, into site/
build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

## test: every check: content structure, the built site, failing fixtures
test: $(VENV)/.installed
	$(BIN)/python -m pytest

## lock: re-pin requirements.txt (with hashes) after editing requirements.in
lock: $(VENV)/.installed
	$(BIN)/pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	sed -i 's/^#    pip-compile .*/#    make lock/' requirements.txt

# The environment is rebuilt whenever the pinned requirements change.
$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) site .pytest_cache
