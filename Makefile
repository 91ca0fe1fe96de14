# Spoor: build, test, run and install.
# `make test` and `make run` install what is missing on Debian (as root) or say what to install.

SWIFT       ?= swift
PREFIX      ?= /usr/local
DESTDIR     ?=
CONFIG      ?= debug
BINDIR      := $(PREFIX)/bin
UNITDIR     ?= $(PREFIX)/lib/systemd/system
DEV_FOLDER  ?= $(CURDIR)/.spoor
# Building needs LMDB; the tests also run systemd's tools (socket activation, unit checks) and
# Python's jsonschema (the schema tests).
BUILD_DEPS  := liblmdb-dev lmdb-utils pkg-config
TEST_DEPS   := systemd graphviz

.PHONY: all deps test-deps build test run bench bench-socket bench-compare bench-peer fuzz reliability install install-units man completions clean

all: build

## deps: install Debian's packages when they are missing, or say which to install
deps:
	@$(call ensure,$(BUILD_DEPS),pkg-config --exists lmdb && command -v mdb_stat)

test-deps: deps
	@$(call ensure,$(TEST_DEPS),command -v systemd-analyze && command -v systemd-socket-activate && command -v dot)
	@python3 -c 'import jsonschema, referencing' 2>/dev/null || python3 -m pip install --quiet 'jsonschema>=4.18' \
	  || { echo "the schema tests need Python's jsonschema: pip install 'jsonschema>=4.18'" >&2; exit 1; }

# ensure(packages, check): run `check`; when it fails, apt-get the packages as root, or explain.
define ensure
	if ! ( $(2) ) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing: $(1)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	  else \
	    echo "missing packages. Install them with: sudo apt-get install $(1)" >&2; exit 1; \
	  fi; \
	fi
endef

build: deps
	$(SWIFT) build -c $(CONFIG)

## test: the whole suite (Swift Testing), unit and integration tests with the real binaries
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## fuzz: the request path (decoder, parameters, commands) on 1,000,000 seeded hostile inputs; `make test` runs 20,000
fuzz: test-deps
	$(SWIFT) build --build-tests
	SPOOR_FUZZ_INPUTS=$${SPOOR_FUZZ_INPUTS:-1000000} $(SWIFT) test --skip-build --filter RequestFuzzTests

## reliability: the long reliability runs: 200 power cuts under 32 clients, 1,000,000 fuzzed
## requests, hostile clients and a full disk (RELIABILITY.md); `make test` runs short versions
reliability: fuzz
	SPOOR_POWERCUT_POINTS=$${SPOOR_POWERCUT_POINTS:-200} SPOOR_POWERCUT_CLIENTS=32 $(SWIFT) test --skip-build --filter "PowerCutTests|HostileClientsTests|DiskFullTests"

## run: the daemon in the foreground on the embedded development default: store and socket in
## ./.spoor, you in every role. Talk to it from a second terminal (see README.md).
run: build
	@echo "spoord: development mode in $(DEV_FOLDER). In another terminal:"
	@echo "  export SPOOR_SOCKET=$(DEV_FOLDER)/spoor.sock; $$($(SWIFT) build -c $(CONFIG) --show-bin-path)/spoorctl status"
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/spoord --development $(DEV_FOLDER)

## bench, bench-socket: the ledger and the socket benchmarks (release build, their own package under Benchmarks/)
bench: deps
	$(SWIFT) run -c release --package-path Benchmarks spoor-bench $(BENCH_ARGS)

bench-socket: deps
	$(SWIFT) build -c release --product spoord
	$(SWIFT) run -c release --package-path Benchmarks spoor-bench socket --spoord $$($(SWIFT) build -c release --show-bin-path)/spoord $(BENCH_ARGS)

## bench-peer: Spoor against PostgreSQL 15 with full durability, side by side in one sitting
## (Benchmarks/peer/compare-postgres.py: 3 rounds of 10 s, alternating; about 6 minutes).
## bench-compare: the short guard to run before a change lands (3 rounds of 3 s, under 3 minutes).
PEER_DEPS := postgresql-15 postgresql-client-15 gcc
bench-peer bench-compare: deps
	@$(call ensure,$(PEER_DEPS),test -x /usr/lib/postgresql/15/bin/postgres && command -v pgbench && command -v gcc)
	$(SWIFT) build -c release --product spoord
	python3 Benchmarks/peer/compare-postgres.py --spoord $$($(SWIFT) build -c release --show-bin-path)/spoord \
	  $(if $(filter bench-compare,$@),--rounds 3 --seconds 3,--rounds 3 --seconds 10) $(BENCH_ARGS)

## man, completions: generated from the argument parsers
man: deps
	$(SWIFT) package plugin generate-manual --configuration $(CONFIG)

completions: build
	mkdir -p .build/completions
	for shell in bash zsh fish; do \
	  $$($(SWIFT) build -c $(CONFIG) --show-bin-path)/spoorctl --generate-completion-script $$shell > .build/completions/spoorctl.$$shell; \
	done

## install: binaries, units, sysusers and tmpfiles entries, man pages and completions, under
## $(DESTDIR)$(PREFIX); then `systemd-sysusers && systemd-tmpfiles --create` and see README.md.
install: CONFIG = release
install: build man completions install-units
	bin=$$($(SWIFT) build -c $(CONFIG) --show-bin-path); \
	install -D -m 0755 $$bin/spoord $(DESTDIR)$(BINDIR)/spoord; \
	install -D -m 0755 $$bin/spoorctl $(DESTDIR)$(BINDIR)/spoorctl
	install -D -m 0644 systemd/spoord.json.example $(DESTDIR)$(PREFIX)/share/doc/spoor/spoord.json.example
	install -D -m 0644 systemd/protocol.json.example $(DESTDIR)$(PREFIX)/share/doc/spoor/protocol.json.example
	install -D -m 0644 .build/plugins/GenerateManual/outputs/spoord/spoord.1 $(DESTDIR)$(PREFIX)/share/man/man1/spoord.1
	install -D -m 0644 .build/plugins/GenerateManual/outputs/spoorctl/spoorctl.1 $(DESTDIR)$(PREFIX)/share/man/man1/spoorctl.1
	install -D -m 0644 .build/completions/spoorctl.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/spoorctl
	install -D -m 0644 .build/completions/spoorctl.zsh $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_spoorctl
	install -D -m 0644 .build/completions/spoorctl.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/spoorctl.fish

## install-units: the systemd units, sysusers.d and tmpfiles.d entries alone
install-units:
	mkdir -p $(DESTDIR)$(UNITDIR)
	for unit in systemd/*.service.in; do \
	  sed -e 's|@BINDIR@|$(BINDIR)|g' -e '/@HARDENING@/{r systemd/hardening.conf' -e 'd}' $$unit \
	    > $(DESTDIR)$(UNITDIR)/$$(basename $$unit .in); \
	done
	install -m 0644 systemd/spoord.socket systemd/*.timer $(DESTDIR)$(UNITDIR)/
	install -D -m 0644 systemd/spoor.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/spoor.conf
	install -D -m 0644 systemd/spoor.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/spoor.conf

clean:
	$(SWIFT) package clean
	rm -rf Benchmarks/.build .spoor
