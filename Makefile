# Two commands do everything from a fresh clone (see README):
#   make          create .venv, install the pinned environment, re-run every notebook, write reports/
#   make test     lint, unit tests and strict nbval re-execution of every notebook
# Analyse your own articles:  make ARTICLES=path/to/folder [OUT=output]

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# ARTICLES and OUT reach Python through the environment exactly as typed: make never expands them
# (no $(...) is evaluated) and no shell parses them (quotes, `...` and $(...) stay characters of a
# folder name). Their origins tell Python whether they were given at all, so ARTICLES= is an error
# rather than a silent run on the seeds.
ANALYSIS_MAKE_ARTICLES_ORIGIN := $(origin ARTICLES)
ANALYSIS_MAKE_OUT_ORIGIN := $(origin OUT)
unexport ARTICLES OUT
run: export ANALYSIS_MAKE_ARTICLES = $(value ARTICLES)
run: export ANALYSIS_MAKE_OUT = $(value OUT)
run: export ANALYSIS_MAKE_ARTICLES_ORIGIN := $(ANALYSIS_MAKE_ARTICLES_ORIGIN)
run: export ANALYSIS_MAKE_OUT_ORIGIN := $(ANALYSIS_MAKE_OUT_ORIGIN)
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: all run test lint unit nbval lab bench bench-terms lock clean

all: run

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev,dask]"
	@touch $@

run: $(STAMP)
	$(BIN)/python -m analysis run --from-make

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest tests notebooks $(NBVAL)

lint: $(STAMP)
	$(BIN)/ruff check .

unit: $(STAMP)
	$(BIN)/python -m pytest tests

nbval: $(STAMP)
	$(BIN)/python -m pytest notebooks $(NBVAL)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_notebooks.py

# scattertext lives in its own venv: its dependencies clash with the project's pins.
.venv-scattertext/.installed: benchmarks/requirements-scattertext.txt
	@test -x .venv-scattertext/bin/python || $(PYTHON) -m venv .venv-scattertext
	.venv-scattertext/bin/python -m pip install --quiet --disable-pip-version-check -r benchmarks/requirements-scattertext.txt
	@touch $@

bench-terms: $(STAMP) .venv-scattertext/.installed
	$(BIN)/python benchmarks/bench_terms.py --peer-python .venv-scattertext/bin/python

# Re-resolve the pins in requirements.lock from pyproject.toml in a throwaway venv.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev,dask]"
	.lock-venv/bin/python -m pip freeze --exclude-editable --exclude analysis | LC_ALL=C sort > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .venv-scattertext reports output
