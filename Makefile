# Byline: `make run` opens the editor, `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test bench lint screenshot package clean

$(VENV)/.stamp-run: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.stamp-test: pyproject.toml $(VENV)/.stamp-run
	$(PY) -m pip install -q -e '.[test]'
	touch $@

$(VENV)/.stamp-dev: pyproject.toml $(VENV)/.stamp-test
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $@

$(VENV)/.stamp-package: pyproject.toml $(VENV)/.stamp-run
	$(PY) -m pip install -q -e '.[package]'
	touch $@

run: $(VENV)/.stamp-run
	$(VENV)/bin/byline $(ARGS)

test: $(VENV)/.stamp-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: $(VENV)/.stamp-test
	QT_QPA_PLATFORM=offscreen $(PY) tests/perf/run_all.py

lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check editor tests
	$(VENV)/bin/ruff format --check editor tests
	$(VENV)/bin/mypy editor/core

# dist/: the bundle, .tar.gz and .deb (and the installers on Windows/macOS); see packaging/
package: $(VENV)/.stamp-package
	$(PY) packaging/build.py

clean:
	rm -rf $(VENV) build dist
