# Two commands: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARCHIVE ?= demo-archive

.PHONY: run test setup demo clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

setup: $(STAMP)

$(ARCHIVE)/catalogue.sqlite: | $(STAMP)
	$(BIN)/coprod-meet demo --archive $(ARCHIVE)

demo: $(ARCHIVE)/catalogue.sqlite

# Bytecode is compiled as pip does for an installed copy (quick when nothing changed), so the
# app starts fast even where PYTHONDONTWRITEBYTECODE is set.
run: setup demo
	$(BIN)/python -m compileall -q coprod_meet >/dev/null
	$(BIN)/coprod-meet --archive $(ARCHIVE)

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then exit 0; fi; exit $$rc

bench: setup
	$(BIN)/python -m compileall -q coprod_meet >/dev/null
	for b in archive startup keys minutes search; do $(BIN)/python bench/$$b.py || exit 1; done

clean:
	rm -rf $(VENV) $(ARCHIVE)
