# kgdebate — the two commands a newcomer needs are `make run` and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA_DIR ?= var/store
# Full texts are not redistributed; where a folder of them exists, every quote is checked.
TEXTS  ?= $(firstword $(wildcard ../shared/corpus))
TEXTS_OPT := $(if $(TEXTS),--texts $(TEXTS),)

.PHONY: run build stats test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: build stats

build: $(VENV)/.installed
	$(BIN)/kgdebate --data-dir $(DATA_DIR) build data $(TEXTS_OPT)

stats: $(VENV)/.installed
	$(BIN)/kgdebate --data-dir $(DATA_DIR) stats

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(VENV)/.installed-test
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf var build
