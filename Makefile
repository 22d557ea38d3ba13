# The Makefile is the documentation of how to work on Stratus.
#   make run    - set up and serve the API on the embedded local stack
#   make test   - set up and run every check (lint, types, templates, tests)
#   make bench  - benchmarks (cold start, bundle import, KMS requests, ...)
#   make load   - a bounded load run against the local stack (docs/reliability.md)
#   make package - the Lambda bundle + CloudFormation template in build/package
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
export PORT

.PHONY: run test lint fmt typecheck cfn-lint pytest bench load package clean openapi

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'pip==26.2'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip check
	touch $(STAMP)

run: $(STAMP)
	exec $(BIN)/python -m devstack

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy

package: $(STAMP)
	$(BIN)/python -m infra.package --out build/package

cfn-lint: package
	$(BIN)/cfn-lint infra/template.yaml build/package/sam.json

openapi: $(STAMP)
	$(BIN)/python -m infra.openapi > docs/openapi.json

# The browser tests (tests/browser) drive Debian's Chromium: installed once, never downloaded.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

pytest: package $(CHROMIUM)
	$(BIN)/python -m pytest

test: lint typecheck cfn-lint pytest

bench: package
	$(BIN)/python -m bench

load: $(STAMP)
	$(BIN)/python -m bench.load

clean:
	rm -rf build .chalice/deployments
