# Two commands for a newcomer: `make lab` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8888
# nbgrader runs `alembic` through PATH, so every command sees the venv's bin first.
export PATH := $(abspath $(BIN)):$(PATH)

# No display (a server, CI, SSH): don't try to open a browser.
ifeq ($(strip $(DISPLAY)$(WAYLAND_DISPLAY)$(filter Darwin,$(shell uname -s))),)
LAB_BROWSER := --no-browser
endif
ifeq ($(shell id -u),0)
LAB_ROOT := --allow-root
endif

.DEFAULT_GOAL := help
.PHONY: help setup lab instructor test test-fast lint format release screenshots bench lock clean check-venv extension grade-demo

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

check-venv:
	@$(BIN)/python -c "" 2>/dev/null || { [ ! -e $(VENV) ] || echo "Recreating $(VENV): its Python no longer runs."; rm -rf $(VENV); }

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { echo "Python 3.10 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	@echo "Installing the course and its pinned dependencies into $(VENV) (first time: about a minute)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	@# An editable install skips data-files: link the prebuilt answer-form extension instead.
	@mkdir -p $(VENV)/share/jupyter/labextensions
	@ln -sfn "$(CURDIR)/bonemets/labextension" $(VENV)/share/jupyter/labextensions/bonemets-answer-forms
	@touch $(STAMP)

gradebook.db: $(STAMP) course_data/modules.yaml
	@$(BIN)/bonemets register

setup: check-venv $(STAMP) gradebook.db ## Create .venv, install the course, register assignments (only when missing or changed)

# Students and self-learners see only student tools: jupyter/self-learner/ turns off
# nbgrader's instructor parts (jupyter/README.md). Instructors use `make instructor`.
SELF_LEARNER_CONFIG := $(CURDIR)/jupyter/self-learner
LAB_ARGS = --ServerApp.root_dir="$(CURDIR)" --port=$(PORT) $(LAB_BROWSER) $(LAB_ROOT)

lab: setup ## Set up, then open JupyterLab on the start notebook (PORT=8888)
	@mkdir -p .exchange
	@echo "To check your answers to an assignment on this computer: copy a notebook from"
	@echo "release/ (for example release/a1_diagnosis/a1_diagnosis.ipynb), answer it, save it,"
	@echo "then in a terminal here run:  .venv/bin/bonemets check path/to/your-copy.ipynb"
	JUPYTER_CONFIG_PATH="$(SELF_LEARNER_CONFIG)$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	    $(BIN)/jupyter lab $(LAB_ARGS) --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

instructor: setup ## Set up, then open JupyterLab with nbgrader's formgrader (PORT=8888)
	@mkdir -p .exchange
	$(BIN)/jupyter lab $(LAB_ARGS) --LabApp.default_url=/formgrader

test: setup ## Set up, then run every test (unit, notebooks, nbgrader, browser)
	$(BIN)/python -m pytest

# Naming tests/ replaces testpaths, so nbval collects no lesson from notebooks/.
test-fast: setup ## Unit tests only (no notebook execution, no browser, no nbgrader runs)
	$(BIN)/python -m pytest tests -m "not browser and not slow"

LINTED := bonemets tests benchmarks tools nbgrader_config.py
lint: setup ## Check the code: ruff (mistakes, formatting) and mypy (types, strict)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

format: setup ## Format the code with ruff
	$(BIN)/ruff format $(LINTED)

release: setup ## Regenerate release/ from source/ with nbgrader
	$(BIN)/python -m bonemets.cli release

screenshots: setup ## README gallery in docs/gallery/, and a tour of every lesson in test-artifacts/tour/ (needs chromium)
	$(BIN)/python tools/gallery.py --tour

extension: setup ## Rebuild the answer-form extension into bonemets/labextension/ (needs Node 20, npm)
	cd extension && npm ci --no-audit --no-fund --loglevel=error && npm run build

bench: setup ## Run the benchmarks and print their figures
	$(BIN)/python benchmarks/run_all.py

# Issue 16: simulate -> grade -> feedback (-> report -> export) on a temporary course copy.
grade-demo: setup ## Grade a simulated class of 40 end to end in a temp folder; prints where
	$(BIN)/python -m bonemets.instructor.demo

lock: setup ## Re-pin constraints.txt to what is installed now
	@{ echo "# Exact versions installed by 'make' (pip constraints). Regenerate with 'make lock'."; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > constraints.txt

clean: ## Remove the venv, caches and nbgrader's student work (keeps source/ and release/)
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .exchange gradebook.db submitted autograded feedback
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
