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
# The README's picture: the real window on a fresh copy of the sample blog, on a virtual X
# screen (Xvfb); falls back to Qt's offscreen platform where xvfb-run is missing.
screenshot: $(VENV)/.stamp-run
	# a first start in a fresh home outside this checkout (inside it, the sample blog
	# would be part of Byline's own git repository, its posts all "not pushed")
	home=$$(mktemp -d) && mkdir -p docs && \
	export XDG_CONFIG_HOME=$$home/config XDG_DATA_HOME=$$home/data XDG_CACHE_HOME=$$home/cache && \
	if command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1440x900x24" $(VENV)/bin/byline --screenshot docs/screenshot.png; \
	else \
	  QT_QPA_PLATFORM=offscreen $(VENV)/bin/byline --screenshot docs/screenshot.png; \
	fi; status=$$?; rm -rf "$$home"; exit $$status

clean:
	rm -rf $(VENV) build dist
