# Kumppani: `make run` sets everything up and serves; `make test` runs the whole suite.
# Needs only Python >= 3.11 and make. No gettext, no database server (SQLite by default;
# DATABASE_URL=postgres://... switches to PostgreSQL).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# pytest options, e.g. `make test PYTEST_ARGS="-k directory"`.
PYTEST_ARGS ?=

export DJANGO_SETTINGS_MODULE := config.settings

# Test settings come from config/testenv.py (loaded by pytest itself).

.PHONY: run install migrate demo serve test test-fast test-browser check lint format messages \
	translations bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Kumppani needs Python 3.11 or newer (set PYTHON=python3.x).") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

.env:
	cp .env.example .env

install: $(STAMP) .env

translations: install
	$(PY) manage.py compiletranslations

migrate: install translations
	mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=true $(PY) manage.py load_demo

serve: install
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Fresh clone → running service on http://127.0.0.1:$(PORT) with demo data (idempotent).
# DEBUG=true serves the static files straight from the apps, so nothing is collected.
run: export DEBUG=true
run: demo
	@echo "Kumppani: http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite: the fast tests on two processes, then the browser tests (Playwright with
# Debian's Chromium and axe-core; skipped with a reason when /usr/bin/chromium is missing)
# in one process, so that one browser serves them all. Both passes run even if the first
# fails. Exit status 5 means "nothing selected" (e.g. PYTEST_ARGS="-k" matching one pass only).
FAST_TESTS = $(PY) -m pytest -n 2 --dist loadfile -m 'not browser' $(PYTEST_ARGS)
BROWSER_TESTS = $(PY) -m pytest -m browser $(PYTEST_ARGS)

test: install translations
	@status=0; \
	echo "pytest: everything but the browser tests, on two processes"; $(FAST_TESTS) || [ $$? -eq 5 ] || status=1; \
	echo "pytest: the browser tests"; $(BROWSER_TESTS) || [ $$? -eq 5 ] || status=1; \
	exit $$status

test-fast: install translations
	$(FAST_TESTS) || [ $$? -eq 5 ]

test-browser: install translations
	$(BROWSER_TESTS) || [ $$? -eq 5 ]

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: lint translations
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py checktranslations
	$(PY) manage.py check

# Developers (with GNU gettext) refresh the catalogues of every app after changing strings,
# then translate the new entries; `make translations` compiles them without gettext.
messages: install
	for app in kumppani/*/; do \
	  if [ -d "$$app/locale" ]; then (cd $$app && ../../$(PY) ../../manage.py makemessages -l fi -l sv --no-obsolete); fi; \
	done

bench: install
	$(PY) -m bench $(BENCH)

clean:
	rm -rf $(VENV) var staticfiles
