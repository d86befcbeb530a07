# The two set-up commands are `make demo` (the main job) and `make test` (the tests).
PYTHON ?= python3
PIP = $(PYTHON) -m pip
DB ?= demo.db

.PHONY: install install-test demo test lint typecheck check bench eval

install:
	$(PIP) install -q -e .

install-test:
	$(PIP) install -q -e ".[test]"

## the main job: install, ingest the bundled sample corpus into SQLite, serve the web UI
demo: install
	wiretag ingest --sample --db $(DB)
	wiretag serve --db $(DB)

## install and run the tests (what CI runs)
test: install-test
	$(PYTHON) -m ruff check src tests
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest -q

lint:
	$(PYTHON) -m ruff check src tests

typecheck:
	$(PYTHON) -m mypy

bench:
	$(PYTHON) benchmarks/backbone_speed.py

eval:
	wiretag evaluate
