# Two commands on a fresh machine: `make run` opens the app, `make test` runs every check.
# Each makes .venv and installs what it needs on its own.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test check lint typecheck layers test-package package clean self-test translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamps record that the install for that purpose matches the current pyproject.toml.
$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@ $(VENV)/.run-installed

$(VENV)/.package-installed: pyproject.toml $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet -e '.[test,dev,package]'
	touch $@

run: $(VENV)/.run-installed
	$(BIN)/ashore

self-test: $(VENV)/.run-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/ashore self-test

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

layers: $(VENV)/.test-installed
	$(BIN)/lint-imports

check: lint typecheck layers

test: check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not package"

# The first test waits for the PyInstaller build (minutes on a loaded machine): a longer limit.
test-package: $(VENV)/.package-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m package --timeout=1800

package: $(VENV)/.package-installed
	$(BIN)/python packaging/build.py

# Re-extract the interface's strings into the .ts (kept: translations; dropped: vanished ones) and
# compile the .qm the app loads. `_tr` is the module-level helper several ui modules use.
# English is the source language; its catalogue holds only the plural forms of counted texts
# ("%n day(s)": "1 day", "2 days"), which lupdate keeps with -pluralonly.
TS := resources/translations/ashore_zh_CN.ts
TS_EN := resources/translations/ashore_en.ts
UI_SOURCES = $(sort $(wildcard src/ashore/ui/*.py src/ashore/ui/*/*.py))
translations: $(VENV)/.run-installed
	$(BIN)/pyside6-lupdate -tr-function-alias tr+=_tr -no-obsolete -locations relative \
		$(UI_SOURCES) -ts $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)
	$(BIN)/pyside6-lupdate -tr-function-alias tr+=_tr -no-obsolete -pluralonly \
		-locations relative $(UI_SOURCES) -ts $(TS_EN)
	$(BIN)/pyside6-lrelease $(TS_EN) -qm $(TS_EN:.ts=.qm)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
