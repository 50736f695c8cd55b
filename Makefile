# The README's commands:
#   make site    build the whole site and its PDFs into site/
#   make test    run the whole test suite
#   make serve   preview with live reload on http://127.0.0.1:8000/
# Each creates .venv and installs the pinned dependencies the first time, by itself.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check benchmark clean help new-guide new-campaign translated bytecode

site: bytecode
	scripts/system-deps build
	$(BIN)/polesocial build

test: $(VENV)/.test-deps bytecode
	scripts/system-deps test
	$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# PDFs off while previewing: a Markdown edit rebuilds in about a second. Ctrl+C stops it; the
# preview never outlives this command (exec: make is the preview's parent, which it watches).
#   make serve PORT=8001   another port
serve: bytecode
	@exec $(BIN)/polesocial serve $(if $(PORT),--address 127.0.0.1:$(PORT))

check: bytecode
	@$(BIN)/polesocial check $(if $(STRICT),--strict)

# Editors' tasks, typed from the project's folder as the messages print them (the site's
# "Guide des éditeurs" explains each one):
#   make new-guide NAME=protection-enfance    a guide to write, in both languages
#   make new-campaign NAME=droits-enfants     a campaign to fill in
#   make translated DOC=guides/benevolat      record that the Arabic follows the French
#   make help                                 every command, in French (POLESOCIAL_LANG=ar: Arabic)
new-guide: bytecode
	@$(BIN)/polesocial new-guide $(NAME)

new-campaign: bytecode
	@$(BIN)/polesocial new-campaign $(NAME)

translated: bytecode
	@$(BIN)/polesocial translated $(DOC) $(ITEMS)

help: bytecode
	@$(BIN)/polesocial --help

# Build times, PDF figures and page weights on this machine (a command, not a test). Page
# weights need Chromium, nginx and Playwright, as the tests do.
#   make benchmark ARGS="--scale --write BENCHMARKS.md"   the figures the repository keeps
benchmark: $(VENV)/.test-deps bytecode
	scripts/system-deps benchmark
	$(BIN)/python scripts/benchmark.py $(ARGS)

clean:
	rm -rf site .site.* .pytest_cache .cache

# The Nu Html Checker, pinned in package-lock.json. Its install script (which would download a
# Java) is not run: the machine's Java runs it.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(BIN)/python:
	PYTHON=$(PYTHON) scripts/system-deps python
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The project's own modules compiled before each command: where PYTHONDONTWRITEBYTECODE is set
# (this machine and CI do), Python otherwise compiled them again at every run, a quarter of a
# second of CPU each time (0.05 s when nothing changed). An editor's copy without the package
# compiles its hooks only.
bytecode: $(VENV)/.site-deps
	@$(BIN)/python -m compileall -q $(wildcard polesocial hooks)

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@
