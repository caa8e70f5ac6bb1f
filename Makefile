# kgdebate — the two commands a newcomer needs are `make run` and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA_DIR ?= var/store
# Where `make run` and `make serve` listen: `make run PORT=5001` (or KGDEBATE_PORT, as the CLI reads).
PORT ?= $(or $(KGDEBATE_PORT),5000)
# Full texts are not redistributed; where a folder of them exists, every quote is checked.
TEXTS  ?= $(firstword $(wildcard ../shared/corpus))
TEXTS_OPT := $(if $(TEXTS),--texts $(TEXTS),)

# YASGUI (the query UI of /sparql) comes from npm at build time and is served by the app; the
# folder is git-ignored. Without npm the app offers a plain HTML form instead.
YASGUI_VERSION := 4.6.2
YASGUI_DIR := src/kgdebate/web/static/vendor/yasgui
# Natural Earth country shapes (TopoJSON, ISO 3166 numeric ids) for the stance map, from npm at
# build time like YASGUI; without them the stance matrix has no map, only its tables.
WORLD_ATLAS_VERSION := 2.0.2
WORLD_ATLAS_DIR := src/kgdebate/web/static/vendor/world-atlas
# The Argdown parser that the tests check the Argdown export with (build/ is git-ignored).
ARGDOWN_VERSION := 2.0.1
ARGDOWN_CORE := build/argdown/node_modules/@argdown/core
# axe-core, the accessibility engine the browser tests run in each page (build/ is git-ignored).
AXE_VERSION := 4.14.1
AXE := build/axe/axe.min.js

.PHONY: run build stats serve test lint bench clean vendor argdown axe

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: vendor build stats serve

build: $(VENV)/.installed
	$(BIN)/kgdebate --data-dir $(DATA_DIR) build data $(TEXTS_OPT)

stats: $(VENV)/.installed
	$(BIN)/kgdebate --data-dir $(DATA_DIR) stats

serve: $(VENV)/.installed
	@echo "serving at http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(if $(TEXTS),KGDEBATE_TEXTS_DIR=$(TEXTS) )$(BIN)/kgdebate --data-dir $(DATA_DIR) serve --port $(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src bench
	$(BIN)/mypy

test: vendor argdown axe lint
	$(BIN)/pytest -q

bench: $(VENV)/.installed-test
	$(BIN)/python bench/ingest_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/extract_eval_bench.py
	$(BIN)/python bench/web_bench.py
	$(BIN)/python bench/export_bench.py
	$(BIN)/python bench/guard_fuzz.py
	$(BIN)/python bench/live_update_bench.py
	$(BIN)/python bench/replica_bench.py
	$(BIN)/python bench/stance_bench.py
	$(BIN)/python bench/curate_bench.py
	$(BIN)/python bench/curate_browser_bench.py
	$(BIN)/python bench/virtuoso_bench.py

vendor: $(YASGUI_DIR)/VERSION $(WORLD_ATLAS_DIR)/VERSION

$(WORLD_ATLAS_DIR)/VERSION:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm not found: world-atlas not installed; /motions/… shows no map."; \
	elif mkdir -p build/npm $(WORLD_ATLAS_DIR) \
	  && (cd build/npm && npm pack --silent world-atlas@$(WORLD_ATLAS_VERSION) >/dev/null) \
	  && tar -xzf build/npm/world-atlas-$(WORLD_ATLAS_VERSION).tgz -C build/npm \
	       package/countries-110m.json package/LICENSE \
	  && cp build/npm/package/countries-110m.json build/npm/package/LICENSE $(WORLD_ATLAS_DIR)/; then \
	  echo "world-atlas $(WORLD_ATLAS_VERSION)" > $@; \
	  echo "world-atlas $(WORLD_ATLAS_VERSION) installed in $(WORLD_ATLAS_DIR)"; \
	else \
	  echo "could not fetch world-atlas from npm: /motions/… shows no map."; \
	fi

$(YASGUI_DIR)/VERSION:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm not found: YASGUI not installed; /sparql offers a plain HTML form instead."; \
	elif mkdir -p build/npm $(YASGUI_DIR) \
	  && (cd build/npm && npm pack --silent @zazuko/yasgui@$(YASGUI_VERSION) >/dev/null) \
	  && tar -xzf build/npm/zazuko-yasgui-$(YASGUI_VERSION).tgz -C build/npm \
	       package/build/yasgui.min.js package/build/yasgui.min.css \
	  && cp build/npm/package/build/yasgui.min.js build/npm/package/build/yasgui.min.css \
	       $(YASGUI_DIR)/; then \
	  echo "@zazuko/yasgui $(YASGUI_VERSION)" > $@; \
	  echo "YASGUI $(YASGUI_VERSION) installed in $(YASGUI_DIR)"; \
	else \
	  echo "could not fetch @zazuko/yasgui from npm: /sparql offers a plain HTML form instead."; \
	fi

argdown: $(ARGDOWN_CORE)/package.json

axe: $(AXE)

$(AXE):
	mkdir -p build/axe
	cd build/axe && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null
	tar -xzf build/axe/axe-core-$(AXE_VERSION).tgz -C build/axe package/axe.min.js
	mv build/axe/package/axe.min.js $@

$(ARGDOWN_CORE)/package.json:
	mkdir -p build/argdown
	npm install --silent --no-audit --no-fund --prefix build/argdown @argdown/core@$(ARGDOWN_VERSION)

clean:
	rm -rf var build
