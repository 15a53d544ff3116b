# Three commands matter: `make serve`, `make test` and `make lint`. Each builds .venv on first use:
# serve installs the package alone; test, lint and bench add the `test` and `lint` extras.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Stamps: when .venv was last brought in line with pyproject.toml, for serving / for development.
RUNTIME := $(VENV)/.installed-runtime
DEV     := $(VENV)/.installed-dev

.PHONY: serve test test-fast lint bench clean soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,lint]'
	touch $@

serve: $(RUNTIME)
	$(BIN)/exgraph serve --host $(HOST) --port $(PORT)

test: $(DEV)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# The unit layer alone (tests/unit: no loaded graph, no server), for a quick check while editing.
test-fast: $(DEV)
	$(BIN)/python -m pytest -n 2 tests/unit $(PYTEST_ARGS)

# ruff and mypy as in .pre-commit-config.yaml (flags in pyproject.toml), mypy --strict on the
# tests too (no `type: ignore` there: tests/typed.py narrows what rdflib returns), then the size
# gates.
lint: $(DEV)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/mypy --strict tests
	$(BIN)/python scripts/lint_sizes.py src

# Issue 21's mixed soak (bench/soak.py): every attack, ordinary clients, token writers, slow and
# idle connections against one server for SOAK_SECONDS (600); fails on a lost ordinary request,
# a missed health probe, a 500, an audit replay mismatch or the state directory over its bound.
SOAK_SECONDS ?= 600
soak: $(DEV)
	SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/python bench/soak.py

# QUICK=1: the per-change check (1k exercises, under 3 minutes); without it the full run.
bench: $(DEV)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

clean:
	rm -rf $(VENV) build src/*.egg-info
