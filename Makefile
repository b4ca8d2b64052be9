# Two commands for a fresh machine: `make dashboard` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# uv installs exactly what requirements.lock pins (every runtime and dev dependency, with
# hashes); uv itself is pinned here and kept in a folder of its own, so a fresh machine needs
# nothing but Python and make. pyproject.toml keeps the ranges the code supports.
# Installed packages are compiled to bytecode once, at install (uv's --compile-bytecode): where
# Python may not write its caches (PYTHONDONTWRITEBYTECODE, set on this machine), every process
# that imports pandas, plotly and streamlit otherwise compiles them again, about 1.2 s of CPU
# each; a seed build drops from 2.5 to 1.3 s of CPU, the test run's CPU by about 15%.
UV_VERSION := 0.13.9
UV := .uv/bin/uv
LOCK := requirements.lock
export UV_PYTHON_DOWNLOADS := never

.PHONY: dashboard studio test data release browser lint bench upgrade lock translations screenshots

$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml $(LOCK) $(UV)
	[ -x $(PY) ] || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --require-hashes --compile-bytecode --python $(PY) $(LOCK)
	$(UV) pip install --quiet --no-deps --python $(PY) -e .
	touch $(STAMP)

## Write requirements.lock again from pyproject.toml, keeping every version that still fits.
lock: $(UV)
	$(UV) pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 --no-header --quiet -o $(LOCK)

## Refresh requirements.lock to the newest versions pyproject.toml allows, install, run the tests.
upgrade: $(UV)
	$(UV) pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 --no-header --quiet --upgrade -o $(LOCK)
	$(MAKE) test

## Run the dashboard on http://localhost:8501 (builds the database first if it is missing or outdated).
dashboard: $(STAMP)
	$(PY) -m streamlit run serve.py

## Run the curation studio on http://127.0.0.1:8502 (localhost only), a process apart from the dashboard.
studio: $(STAMP)
	$(PY) -m streamlit run studio/app.py --server.address 127.0.0.1 --server.port 8502

## Lint, then every test, the real-browser ones included.
test: $(STAMP) browser
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	@# The project's own bytecode, written once: where Python may not write its caches
	@# (PYTHONDONTWRITEBYTECODE), each of the run's ~45 processes compiled it again.
	$(PY) -m compileall -q -x '/\.' .
	$(PY) -m pytest

## Refresh the catalogues from the code: new strings join locales/*/LC_MESSAGES/messages.po
## (to be translated: tests/test_i18n.py fails until each has a msgstr, none fuzzy or obsolete).
translations: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg --sort-output --no-location \
		--add-comments=TRANSLATORS: -o locales/messages.pot .
	$(VENV)/bin/pybabel update -i locales/messages.pot -d locales -D messages

## Rebuild data/monitor.duckdb from seeds/.
data: $(STAMP)
	$(PY) -m etl build

## A citable release in release/: the versioned package, CITATION.cff, notes, checksums. Its
## dates are the last commit's (SOURCE_DATE_EPOCH), so a fresh clone makes the same bytes.
release: $(STAMP)
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null)} \
		$(PY) -m etl release --out release --no-images

## Screenshots of every page at 1400 and 390 px, in English and Khmer, in screenshots/ (to look
## at before a screen change lands; PAGES=trends,data for some pages only).
screenshots: $(STAMP) browser
	$(PY) scripts/screenshots.py $(if $(PAGES),--pages $(PAGES))

## Chromium from Debian's packages, for the browser tests and PNG export.
browser:
	@bash scripts/ensure-chromium.sh

## Benchmarks (print figures; several minutes): the ETL and suggest, then page loads.
bench: $(STAMP) browser
	$(PY) bench/etl_build.py
	$(PY) bench/draft_quality.py
	$(PY) bench/page_load.py
