# Kumppani: `make run` sets everything up and serves; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run install migrate demo serve test test-fast check lint format messages translations bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Kumppani needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
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

serve:
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Fresh clone → running service on http://127.0.0.1:$(PORT) with demo data (idempotent).
run: export DEBUG=true
run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install translations
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-fast: install translations
	$(PY) -m pytest -n 2 -m "not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: lint translations
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py checktranslations
	$(PY) manage.py check

# Developers (with GNU gettext) refresh the catalogues of every app after changing strings.
messages: install
	for app in kumppani/*/; do \
	  if [ -d "$$app/locale" ]; then (cd $$app && ../../$(PY) ../../manage.py makemessages -l fi -l sv -l en --no-obsolete); fi; \
	done

bench: install
	$(PY) -m bench

clean:
	rm -rf $(VENV) var staticfiles
