# Spoor: build, test, run and install.
# `make test` and `make run` install what is missing on Debian (as root) or say what to install.

SWIFT       ?= swift
PREFIX      ?= /usr/local
DESTDIR     ?=
CONFIG      ?= debug
DEBIAN_DEPS := liblmdb-dev lmdb-utils pkg-config

.PHONY: all deps build test run bench clean

all: build

## deps: install Debian's LMDB library and tools when they are missing
deps:
	@missing=""; \
	pkg-config --exists lmdb 2>/dev/null || missing="$$missing liblmdb-dev pkg-config"; \
	command -v mdb_stat >/dev/null 2>&1 || missing="$$missing lmdb-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_DEPS) >/dev/null; \
	  else \
	    echo "missing:$$missing. Install them with: sudo apt-get install $(DEBIAN_DEPS)" >&2; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

## test: the whole suite (Swift Testing)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## run: the daemon lands with the daemon issue; until then this builds the libraries
run: build
	@echo "spoord, the daemon, is not built yet: the ledger libraries are. See README.md."

## bench: the ledger benchmark (release build, its own package under Benchmarks/)
bench: deps
	$(SWIFT) run -c release --package-path Benchmarks spoor-bench $(BENCH_ARGS)

clean:
	$(SWIFT) package clean
	rm -rf Benchmarks/.build
