# Two commands matter: `make serve` and `make test`. Both build .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: serve test bench clean

$(BIN)/exgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

serve: $(BIN)/exgraph
	$(BIN)/exgraph serve --host $(HOST) --port $(PORT)

test: $(BIN)/exgraph
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

bench: $(BIN)/exgraph
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build src/*.egg-info
