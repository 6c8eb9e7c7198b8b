# The README's two commands: `make lab` (set up + launch the lessons) and
# `make test` (set up + run every test). Both build .venv from nothing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check
# Learner work written by the tests goes to a temp folder, never into the repo.
TEST_LEARNER_DIR ?= $(shell mktemp -d 2>/dev/null || echo /tmp/kit-learner-test)

.PHONY: lab dist test check lint bench setup setup-test clean fresh-check screenshots

setup: $(VENV)/.runtime-installed
setup-test: $(VENV)/.test-installed

$(VENV)/.runtime-installed: requirements.txt pyproject.toml binder-settings/overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	$(PIP) install -q --no-deps -e .
	@# the same JupyterLab settings Binder gets (postBuild): widget outputs stay on scroll, no news pop-up
	@mkdir -p $(VENV)/share/jupyter/lab/settings && cp binder-settings/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

$(VENV)/.test-installed: $(VENV)/.runtime-installed requirements-test.txt
	$(PIP) install -q -r requirements-test.txt
	@touch $@

# `python -m kit lab` (kit/launch.py, the same command a laptop without make runs):
# JupyterLab on lesson 00, its file browser at the repository so learners find their
# work in notebooks/kit-learner-work/ beside the lessons (git ignores it; set
# KIT_LEARNER_DIR to use another folder), --allow-root when run as root, matplotlib's
# font cache built before the first lesson.
lab: setup
	$(BIN)/python -m kit lab "$(CURDIR)"

# A release zip for teachers: the lessons, the kit (source + wheel), the pinned
# requirements and START_HERE.txt, in dist/ (scripts/make_dist.py).
dist: setup
	$(BIN)/python scripts/make_dist.py

test: setup-test lint
	@$(BIN)/python -c "import matplotlib.pyplot" # pre-warm the font cache (nbval waits 5 s per message)
	KIT_LEARNER_DIR=$(TEST_LEARNER_DIR) MPLBACKEND=Agg $(BIN)/python -m pytest -rs tests kit notebooks --nbval-lax --nbval-current-env

# Lint, format check and type check (configured in pyproject.toml); part of `make test`.
lint: setup-test
	$(BIN)/ruff check kit tests benchmarks scripts
	$(BIN)/ruff format --check kit tests benchmarks scripts
	$(BIN)/mypy

# The developers' fast loop (under a minute): unit tests and doctests without the
# notebooks, the browser and the slow tests, then lint. `make test` runs everything, as CI does.
check: setup-test
	KIT_LEARNER_DIR=$(TEST_LEARNER_DIR) MPLBACKEND=Agg $(BIN)/python -m pytest -q -x -m "not slow and not browser" tests kit
	$(MAKE) --no-print-directory lint

# What learners should see, for the teacher guide: runs the browser suite's lesson
# checks and writes each figure's and explorer's picture to docs/screenshots/
# (full-lesson pictures stay in the temp folder the suite prints).
screenshots: setup-test
	rm -f docs/screenshots/*.png
	KIT_SCREENSHOTS_DIR="$(CURDIR)/docs/screenshots" $(BIN)/python -m pytest -q -s tests/e2e/test_what_learners_see.py -k what_learners_see
	KIT_SCREENSHOTS_DIR="$(CURDIR)/docs/screenshots" $(BIN)/python -m pytest -q -s tests/e2e/test_case_builder_browser.py

# One table of measured figures on stdout (nothing written into the repo);
# `$(BIN)/python benchmarks/run.py --markdown` gives the table for docs/performance.md.
# Quote attribution runs on PolNeAR's train split when KIT_POLNEAR_DIR names the
# folder holding train/ and metadata.tsv (not in the repo); otherwise its row says skipped.
# Persons and organisations per genre run on CoNLL-2003 eng.train (KIT_CONLL_DIR) and GUM
# without its news documents (KIT_GUM_DIR, the folder holding dep/); likewise skipped without.
bench: setup-test
	$(BIN)/python benchmarks/run.py

# Clone the checkout (COMMITTED work only) into a temp dir and run `make test`
# there with its own .venv and HOME. Slow; not part of `make test`.
fresh-check:
	scripts/fresh_check.sh

clean:
	rm -rf $(VENV) build dist *.egg-info kit.egg-info
