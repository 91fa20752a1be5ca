# Everything runs from a project-local virtual environment that the targets create themselves.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
PG_URL ?= $(COUNTER_TEST_PG_URL)
# Test processes side by side: most tests wait on a service, a subprocess or the screen.
TEST_JOBS ?= 3

.PHONY: run kiosk display test test-fast bench bundle bundle-check lint format typecheck translations i18n-update \
        prereqs clean

run: $(STAMP) translations          ## install; start the embedded service and the teller window
	$(VENV)/bin/counter-app

kiosk: $(STAMP) translations        ## the ticket kiosk, full screen (embedded demo)
	$(VENV)/bin/counter-app --mode kiosk

display: $(STAMP) translations      ## the hall display, full screen (embedded demo)
	$(VENV)/bin/counter-app --mode display

test: $(STAMP) translations         ## install and run the whole test suite
	QT_QPA_PLATFORM=offscreen COUNTER_TEST_PG_URL="$(PG_URL)" $(PY) -m pytest -n $(TEST_JOBS) $(PYTEST_ARGS)

test-fast: $(STAMP) translations    ## unit tests only
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/unit -q

bench: $(STAMP) translations        ## run every benchmark; results land in benchmarks/results/
	@for script in benchmarks/bench_*.py; do \
	  echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; done

bundle: $(STAMP) translations       ## the PyInstaller folder in dist/counter-app/
	$(VENV)/bin/pyinstaller installer/counter-app.spec --noconfirm

bundle-check: bundle                ## build, then check the embedded service starts and stops from the bundle
	QT_QPA_PLATFORM=offscreen $(PY) installer/bundle_check.py dist/counter-app

lint: $(STAMP)
	$(VENV)/bin/ruff check counter_app counter_central tests benchmarks migrations
	$(VENV)/bin/ruff format --check counter_app counter_central tests benchmarks migrations

format: $(STAMP)
	$(VENV)/bin/ruff format counter_app counter_central tests benchmarks migrations
	$(VENV)/bin/ruff check --fix counter_app counter_central tests benchmarks migrations

typecheck: $(STAMP)
	$(VENV)/bin/mypy

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

i18n-update: $(STAMP)               ## re-extract tr() strings into the .ts files
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find counter_app/ui -name '*.py' | sort) -ts $(TS)

prereqs:
	@$(PYTHON) installer/check_prereqs.py --before-install

$(STAMP): pyproject.toml
	@$(PYTHON) installer/check_prereqs.py --before-install
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[central,test,dev]'
	@$(PY) installer/check_prereqs.py --after-install
	@touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM)
