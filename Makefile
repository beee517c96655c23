# The two commands of the README: `make serve` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/interparl
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install serve test test-sqlite test-postgres lint bench clean chromium redis

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

serve: install
	$(BIN)/interparl serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

# The browser tests drive Debian's chromium (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test-sqlite: install chromium
	env -u DATABASE_URL INTERPARL_DATA_DIR=$$(mktemp -d -t interparl-test-XXXXXX) $(BIN)/pytest

# The deployment test (tests/deployment) runs two servers sharing Redis: start one if none answers.
redis:
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || { command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; }; redis-server --port 6379 --save '' --daemonize yes; sleep 1; }

test-postgres: install chromium redis
	DATABASE_URL=$(POSTGRES_URL) INTERPARL_DATA_DIR=$$(mktemp -d -t interparl-test-XXXXXX) $(BIN)/pytest

# The tests keep their data (secret key, command-line registries) in a temporary folder, not in the working tree.
test: lint test-sqlite test-postgres

clean:
	rm -rf $(VENV) data test-artifacts
