# Cổng thông tin điện tử HĐND tỉnh — developer commands.
#
#   make run     venv + pinned deps, migrate, demo content, admin password, dev server
#   make test    the whole pytest suite (honours DATABASE_URL)
#   make lint    ruff check + ruff format --check
#   make lock    regenerate requirements.lock and requirements-dev.lock (UPGRADE=1 to bump)
#   make bench   run the benchmarks in bench/
#   make es-start|es-stop|es-status   the local Elasticsearch 9 node (scripts/elasticsearch.sh)
#
# Needs Python 3.11 with venv (Debian/Ubuntu: apt-get install -y python3-venv make).

PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
# The one site address (canonical links, sitemap, feeds, API); `migrate` copies it into
# the default Wagtail Site. An address set in the environment wins.
BASE_URL ?= http://$(HOST):$(PORT)
export BASE_URL
PYTEST_ARGS ?=
# uv only compiles the lock files (`make lock`); installing uses plain pip.
UV_VERSION ?= 0.13.9

PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
STAMP := $(VENV)/.installed-dev

export PYTHONUNBUFFERED := 1

.DEFAULT_GOAL := help
.PHONY: help install run test lint lock bench es-start es-stop es-status

help:
	@sed -n 's/^#   make /make /p' $(firstword $(MAKEFILE_LIST))

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { \
	  echo "Python 3.11 is required: '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." \
	       "Use 'make PYTHON=python3.11 ...'."; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "'$(PYTHON) -m venv' is unavailable: apt-get install -y python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# One environment for running and testing: the dev lock is the runtime lock plus test tools.
# The stamp makes a second `make run`/`make test` skip pip; a newer lock file reinstalls.
$(STAMP): requirements-dev.lock | $(PY)
	@$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --upgrade  # a venv made by uv
	$(PIP) install --quiet --require-hashes -r requirements-dev.lock
	@touch $@

install: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@$(PY) manage.py ensure_admin
	$(PY) manage.py runserver $(HOST):$(PORT)

# pytest exits 5 when it collected no tests: that is a failure here too.
test: $(STAMP)
	@$(VENV)/bin/pytest $(PYTEST_ARGS) || { rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests"; fi; exit $$rc; }

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

$(VENV)/bin/uv: | $(PY)
	$(PIP) install --quiet uv==$(UV_VERSION)

# The commands in the headers of the lock files (uv leaves --quiet and --upgrade out of them).
lock: $(VENV)/bin/uv
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --python-version 3.11 --generate-hashes \
	  $(if $(UPGRADE),--upgrade) -o requirements.lock
	$(VENV)/bin/uv pip compile --quiet pyproject.toml --extra dev --python-version 3.11 --generate-hashes \
	  $(if $(UPGRADE),--upgrade) -o requirements-dev.lock

# Each bench/*.py is a standalone script run from the repository root; BENCH=pages runs one,
# BENCH_ARGS="--articles 2000" passes options (see bench/README.md).
bench: $(STAMP)
	@set -e; scripts="$(if $(BENCH),bench/$(BENCH).py,$(filter-out bench/_%,$(wildcard bench/*.py)))"; \
	if [ -z "$$scripts" ]; then echo "make bench: no bench/*.py yet"; exit 0; fi; \
	for script in $$scripts; do echo "== $$script $(BENCH_ARGS)"; $(PY) $$script $(BENCH_ARGS); done

# A local Elasticsearch 9 node for the search tests; prints ELASTICSEARCH_URL=... (see README).
es-start:
	@bash scripts/elasticsearch.sh start

es-stop:
	@bash scripts/elasticsearch.sh stop

es-status:
	@bash scripts/elasticsearch.sh status

# --- dependency audit (issue 11) ---
# `make audit`: the runtime lock against PyPI's advisories (the PyPA advisory database), for
# the office's operator on a machine with internet access. Not a CI phase: CI's machines reach
# PyPI's downloads but not the per-version JSON API nor api.osv.dev, and no maintained
# vulnerability database is shipped as a package (see README, "Dependency audit").
# --strict: a package that could not be looked up fails the audit instead of passing silently.
AUDIT_SERVICE ?= pypi
.PHONY: audit
audit: $(STAMP)
	$(VENV)/bin/pip-audit -r requirements.lock --require-hashes --disable-pip --strict \
	  --vulnerability-service $(AUDIT_SERVICE)
