# Two commands set up everything on a fresh Debian machine (run as root):
#   make site   installs what is needed and builds the example portfolio into site/
#   make test   installs what is needed and runs ruff, mypy and the whole pytest suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSPKGS := graphviz fonts-noto-cjk chromium

.PHONY: site test lint bench system clean serve workflows

system:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

site: system $(STAMP)
	$(BIN)/mkdocs build --strict

serve: system $(STAMP)
	$(BIN)/mkdocs serve

lint: $(STAMP)
	$(BIN)/ruff check kamsite tests $(wildcard bench)
	$(BIN)/ruff format --check kamsite tests $(wildcard bench)
	$(BIN)/mypy

test: system $(STAMP) lint
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/pytest -n 2 --dist loadgroup

bench: system $(STAMP)
	$(BIN)/python bench/score_bench.py
	$(BIN)/python bench/graph_bench.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/history_bench.py

# .github/ is kamsite init's workflows, rendered to install kamsite from this checkout.
workflows: $(STAMP)
	$(BIN)/python -c 'from pathlib import Path; from kamsite.scaffold import workflows; \
	  [Path(p).write_text(t) for p, t in workflows("checkout").items() if not Path(p).is_symlink()]'

clean:
	rm -rf site .cache $(VENV)
