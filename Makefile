# The two commands of the README: `make run` (build the warehouse from raw/) and `make test`.
# Everything runs through uv in the project's own virtual environment (.venv), from uv.lock.

SHELL := /bin/bash
# uv on PATH, else the copy `setup` installs with pip (run as a module, so PATH does not matter)
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
RUN := $(UV) run --frozen
SHARED ?= ../shared
GOLD ?= tests/gold/raw
SEEDS_OUT ?= /tmp/cooperation-seeds

BENCH_DOCS ?= 10000
BENCH_FLAGS ?=

.PHONY: setup run test ui evaluate seeds realset bench pictures

# --compile-bytecode: the packages' .pyc files written once here. Python would write them on the first import, but not
# where PYTHONDONTWRITEBYTECODE is set (as in some CI and container images): every run then compiled Dagster, pandas
# and spaCy from source again, about 5 CPU s before its first step (issue 16, BENCHMARKS.md, thirteenth session).
setup:  ## install uv if missing, then the locked dependencies
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen --compile-bytecode

run: setup  ## build warehouse/cooperation.duckdb from raw/ and print the JSON summary
	$(RUN) python -m pipeline run --json

test: setup  ## lint (ruff) and the test suite (also what .ci/run calls)
	$(RUN) ruff check .
	$(RUN) pytest -q

ui: setup  ## the Dagster UI on http://127.0.0.1:3000 (schedule and sensor run while it is up)
	$(RUN) python -m pipeline ui

evaluate: setup  ## score the published warehouse against the gold files of raw/
	$(RUN) python -m pipeline evaluate --gold $(GOLD)

seeds: setup  ## build a warehouse from ../shared/seeds in $(SEEDS_OUT) and score it with ../shared/gold/score.py
	$(RUN) python -m pipeline run --raw-dir $(SHARED)/seeds --warehouse $(SEEDS_OUT)/cooperation.duckdb --json
	$(RUN) python $(SHARED)/gold/score.py --db $(SEEDS_OUT)/cooperation.duckdb --gold $(SHARED)/gold/seeds

realset: setup  ## build and score the real development set (texts fetched into tests/realset/raw, see its README)
	$(RUN) python tests/realset/run.py $(REALSET_FLAGS)

pictures: setup  ## rebuild the README's pictures from real runs: docs/img/report.png (raw/) and docs/img/asset-graph.png (the UI test); needs Chromium
	$(RUN) python -m pipeline run --json > /dev/null
	$(RUN) python -m pipeline report --out /tmp/cooperation-report.html
	$(RUN) python -m tests.support.chromium file:///tmp/cooperation-report.html docs/img/report.png 2400
	REFRESH_PICTURES=1 $(RUN) pytest -q tests/test_ui_e2e.py

bench: setup  ## benchmark a generated corpus of $(BENCH_DOCS) documents against spaCy en_core_web_sm (bench group); BENCH_FLAGS e.g. --baseline-docs 1000
	$(UV) run --frozen --group bench python -m pipeline bench --docs $(BENCH_DOCS) --json $(BENCH_FLAGS)
