# The README's commands:
#   make site    build the whole site (and, as they land, its PDFs) into site/
#   make test    run the whole test suite
#   make serve   preview with live reload on http://127.0.0.1:8000/
# Each creates .venv and installs the pinned dependencies the first time, by itself.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check clean

site: $(VENV)/.site-deps
	scripts/system-deps build
	$(BIN)/polesocial build

test: $(VENV)/.test-deps
	scripts/system-deps test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

serve: $(VENV)/.site-deps
	$(BIN)/polesocial check
	$(BIN)/mkdocs serve --livereload

check: $(VENV)/.site-deps
	$(BIN)/polesocial check

clean:
	rm -rf site .site.* .pytest_cache

$(BIN)/python:
	PYTHON=$(PYTHON) scripts/system-deps python
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@
