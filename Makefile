# Spoor: build, test, run and install.
# `make test` and `make run` install what is missing on Debian (as root) or say what to install.

SWIFT       ?= swift
PREFIX      ?= /usr/local
DESTDIR     ?=
CONFIG      ?= debug
# Extra flags for swift build; `make deb` links the Swift runtime statically, so that the package
# runs without the toolchain.
SWIFT_FLAGS ?=
# The build folder of `build`, `man`, `completions`, `install` and `deb` (the package test uses its own).
SCRATCH     ?= .build
# Expanded when used, so that a target's own CONFIG, SWIFT_FLAGS and SCRATCH (deb's) apply.
SPM_BUILD    = $(SWIFT) build --scratch-path $(SCRATCH) -c $(CONFIG) $(SWIFT_FLAGS)
# The benchmark package, planned afresh: SwiftPM keeps its plan of this package's sources, and a
# file added or renamed here since leaves it asking for one that is gone ("missing inputs").
BENCH_SPM    = touch Benchmarks/Package.swift && $(SWIFT)
VERSION     := $(shell sed -n 's/.*softwareVersion = "\(.*\)"/\1/p' Sources/SpoorProtocol/WireProtocol.swift)
BINDIR      := $(PREFIX)/bin
UNITDIR     ?= $(PREFIX)/lib/systemd/system
DEV_FOLDER  ?= $(CURDIR)/.spoor
# Building needs LMDB; the tests also run systemd's tools (socket activation, unit checks),
# Graphviz (the protocol graph), Prometheus's promtool (the metrics lint), chromium (the report
# pages), dpkg-dev and lintian (the package), PostgreSQL 15 and openssl (the national hub's store
# and its test certificates), Go's sumdb note and tlog (a verifier of checkpoints and proofs nobody
# at Spoor wrote), Python's jsonschema (the schema tests),
# hypothesis-jsonschema (requests drawn from the schemas), scipy (the statistics' attacker, a
# linear program) and cryptography (a cosignature verifier written from the C2SP spec alone).
BUILD_DEPS  := liblmdb-dev lmdb-utils pkg-config
TEST_DEPS   := systemd graphviz prometheus chromium dpkg-dev lintian golang-go golang-golang-x-mod-dev postgresql-15 openssl mandoc groff-base


.PHONY: daemon install-national install-national-units
.PHONY: all deps test-deps build test run deb bench bench-socket bench-compare bench-peer bench-queries fuzz reliability schemas install install-units man completions clean format lint

all: build

## deps: install Debian's packages when they are missing, or say which to install
deps:
	@$(call ensure,$(BUILD_DEPS),pkg-config --exists lmdb && command -v mdb_stat)

test-deps: deps
	@$(call ensure,$(TEST_DEPS),command -v systemd-analyze && command -v systemd-socket-activate && command -v dot && command -v promtool && command -v chromium && command -v dpkg-deb && command -v lintian && command -v go && test -d /usr/share/gocode/src/golang.org/x/mod/sumdb/tlog && test -x /usr/lib/postgresql/15/bin/postgres && command -v psql && command -v openssl && command -v mandoc && command -v groff)
	@python3 -c 'import jsonschema, referencing, scipy, hypothesis_jsonschema, cryptography' 2>/dev/null \
	  || python3 -m pip install --quiet 'jsonschema>=4.18' 'scipy>=1.10' 'hypothesis-jsonschema>=0.23' 'cryptography>=38' \
	  || { echo "the schema, statistics and cosignature tests need Python's jsonschema, scipy, hypothesis-jsonschema and cryptography: pip install 'jsonschema>=4.18' 'scipy>=1.10' 'hypothesis-jsonschema>=0.23' 'cryptography>=38'" >&2; exit 1; }

## format: lay the code out as .swift-format says (150 characters a line); lint: what FormatTests
## checks, swift-format's findings (the layout, and doc comments on the public symbols of
## SpoorJSON, SpoorProof and SpoorProtocol). A string literal over the limit is split by hand.
SWIFT_FORMAT_PATHS := Sources Tests Benchmarks/Sources Package.swift Benchmarks/Package.swift
format:
	swift-format format --in-place --recursive --parallel $(SWIFT_FORMAT_PATHS)

lint:
	swift-format lint --strict --recursive --parallel $(SWIFT_FORMAT_PATHS)

## schemas: derive Schemas/protocol/commands.json and case.command's parameters from the event catalogue and Schemas/events
schemas:
	$(SWIFT) build --build-tests
	SPOOR_WRITE_SCHEMAS=1 $(SWIFT) test --skip-build --filter commandSchemasFollowTheCatalogue

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
	$(SPM_BUILD)

# daemon: the institution's binaries alone (the package's), without the national side's libraries
daemon: deps
	$(SPM_BUILD) --product spoord && $(SPM_BUILD) --product spoorctl

## test: the whole suite (Swift Testing), unit and integration tests with the real binaries
test: test-deps
	$(SWIFT) build --build-tests
	@# The benchmarks are their own package: built here so that a change cannot leave them broken.
	$(BENCH_SPM) build --package-path Benchmarks
	@# PackageTests installs this package (as root): built first, so that its build does not starve the
	@# tests that time their fsyncs.
	if [ "$$(id -u)" = 0 ]; then $(MAKE) -s deb CONFIG=debug SCRATCH=.build-deb-test; fi
	@# The national suites run PostgreSQL pairs whose synchronous commits load the disk: after the
	@# rest, so that they do not slow the suites that time their own fsyncs and hangs.
	$(SWIFT) test --skip-build --skip "National"
	$(SWIFT) test --skip-build --filter "National"

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
	$(BENCH_SPM) run -c release --package-path Benchmarks spoor-bench $(BENCH_ARGS)

bench-socket: deps
	$(SWIFT) build -c release --product spoord
	$(BENCH_SPM) run -c release --package-path Benchmarks spoor-bench socket --spoord $$($(SWIFT) build -c release --show-bin-path)/spoord $(BENCH_ARGS)

## bench-peer: Spoor against PostgreSQL 15 with full durability, side by side in one sitting
## (Benchmarks/peer/compare-postgres.py: 3 rounds of 10 s, alternating; 13 minutes of runs alone:
## 8 scenarios, 3 sides, 4 at one client, then the replays).
## bench-compare: the short guard to run before a change lands (3 rounds of 3 s, about 5 minutes here);
## with BEFORE=REV, the release spoord of that revision (built in a worktree under /var/tmp) takes
## its turn too, over 5 rounds of 8 s (3 s cannot tell 5 % here), and a second table sets this
## build against it. At one client the same spoord runs under eatmydata too: its commit without
## LMDB's two syncs, to show what they alone cost (not durable; a measurement only).
PEER_DEPS := postgresql-15 postgresql-client-15 gcc
BEFORE ?=
BEFORE_TREE = /var/tmp/spoor-before-$(BEFORE)
bench-peer bench-compare: deps
	@$(call ensure,$(PEER_DEPS) eatmydata,test -x /usr/lib/postgresql/15/bin/postgres && command -v pgbench && command -v gcc && command -v eatmydata)
	$(SWIFT) build -c release --product spoord
	$(if $(BEFORE),test -d $(BEFORE_TREE) || (git worktree prune && git worktree add --detach $(BEFORE_TREE) $(BEFORE)))
	$(if $(BEFORE),cd $(BEFORE_TREE) && $(SWIFT) build -c release --product spoord)
	python3 Benchmarks/peer/compare-postgres.py --spoord $$($(SWIFT) build -c release --show-bin-path)/spoord \
	  $(if $(BEFORE),--before $(BEFORE_TREE)/.build/release/spoord) \
	  $(if $(filter bench-compare,$@),$(if $(BEFORE),--rounds 5 --seconds 8,--rounds 3 --seconds 3) --replays 1,--rounds 3 --seconds 10) $(BENCH_ARGS)

## bench-queries: what the worklist and the statistics cost on a store of 1,000 cases with items and
## on one of 100,000 cases (Benchmarks/queries/scaling.py); with BEFORE=REV, the build before too
bench-queries: deps
	@$(call ensure,gcc,command -v gcc)
	$(SWIFT) build -c release --product spoord
	$(if $(BEFORE),test -d $(BEFORE_TREE) || (git worktree prune && git worktree add --detach $(BEFORE_TREE) $(BEFORE)))
	$(if $(BEFORE),cd $(BEFORE_TREE) && $(SWIFT) build -c release --product spoord)
	python3 Benchmarks/queries/scaling.py --spoord $$($(SWIFT) build -c release --show-bin-path)/spoord \
	  $(if $(BEFORE),--before $(BEFORE_TREE)/.build/release/spoord) $(BENCH_ARGS)

## hub: the national hub on loopback: PostgreSQL 15 with a synchronous standby in a folder of its
## own, test certificates, CoMensha's key pair; prints how to point a relay and spoor-comensha at it
hub: deps
	@$(call ensure,$(PEER_DEPS) openssl,test -x /usr/lib/postgresql/15/bin/postgres && command -v openssl)
	$(SPM_BUILD) --product spoor-hub
	Examples/national/run-hub.sh $$($(SPM_BUILD) --show-bin-path)/spoor-hub

## simulate: the national simulation at full size: 200 institutions with their own keys,
## certificates and logs against the hub on a synchronous pair, a failover under load, every
## misbehaviour, and three real spoord and spoor-relay pairs with 1,000 marked cases through a
## failover to CoMensha; `make test` runs it with 20 institutions and 300 cases
# The simulation alone first, so that its timings are its own, then the rest of the national suites.
simulate: test-deps
	$(SWIFT) build --build-tests
	SPOOR_SIMULATE_INSTITUTIONS=$${SPOOR_SIMULATE_INSTITUTIONS:-200} SPOOR_SIMULATE_ROUNDS=$${SPOOR_SIMULATE_ROUNDS:-10} \
	  $(SWIFT) test --skip-build --filter "NationalSimulation"
	SPOOR_SIMULATE_CASES=$${SPOOR_SIMULATE_CASES:-1000} $(SWIFT) test --skip-build --filter "National" --skip "NationalSimulation"

## bench-hub: the national hub's statistics against 2 million registration records, on a primary
## with a synchronous standby (SPOOR_HUB_BENCH_RECORDS to change the number); figures in BENCHMARKS.md
bench-hub: test-deps
	$(SWIFT) build --build-tests
	SPOOR_HUB_BENCH=1 $(SWIFT) test --skip-build --filter HubStatisticsBenchmark

## man: the manual pages, written as a manual and kept in man/ (ManPageTests lints them with
## mandoc and groff); completions: generated from the argument parser
man:
	mkdir -p $(SCRATCH)/man && cp man/spoord.8 man/spoorctl.1 man/spoord.json.5 man/spoor-protocol.json.5 $(SCRATCH)/man/

completions: daemon
	mkdir -p $(SCRATCH)/completions
	for shell in bash zsh fish; do \
	  $$($(SPM_BUILD) --show-bin-path)/spoorctl --generate-completion-script $$shell > $(SCRATCH)/completions/spoorctl.$$shell; \
	done

## install: binaries, units, sysusers and tmpfiles entries, man pages and completions, under
## $(DESTDIR)$(PREFIX); then `systemd-sysusers && systemd-tmpfiles --create` and see README.md.
install: CONFIG = release
install: daemon man completions install-units
	bin=$$($(SPM_BUILD) --show-bin-path); \
	install -D -m 0755 $$bin/spoord $(DESTDIR)$(BINDIR)/spoord; \
	install -D -m 0755 $$bin/spoorctl $(DESTDIR)$(BINDIR)/spoorctl
	install -D -m 0644 systemd/spoord.json.example $(DESTDIR)$(PREFIX)/share/doc/spoor/spoord.json.example
	install -D -m 0644 systemd/protocol.json.example $(DESTDIR)$(PREFIX)/share/doc/spoor/protocol.json.example
	install -D -m 0644 $(SCRATCH)/man/spoord.8 $(DESTDIR)$(PREFIX)/share/man/man8/spoord.8
	install -D -m 0644 $(SCRATCH)/man/spoorctl.1 $(DESTDIR)$(PREFIX)/share/man/man1/spoorctl.1
	install -D -m 0644 $(SCRATCH)/man/spoord.json.5 $(DESTDIR)$(PREFIX)/share/man/man5/spoord.json.5
	install -D -m 0644 $(SCRATCH)/man/spoor-protocol.json.5 $(DESTDIR)$(PREFIX)/share/man/man5/spoor-protocol.json.5
	install -D -m 0644 $(SCRATCH)/completions/spoorctl.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/spoorctl
	install -D -m 0644 $(SCRATCH)/completions/spoorctl.zsh $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_spoorctl
	install -D -m 0644 $(SCRATCH)/completions/spoorctl.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/spoorctl.fish

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

## install-national: the relay (at an institution), the hub (at the hub's operator) and
## spoor-comensha (at CoMensha), their units, OS users and example configurations; not in the package yet.
install-national: CONFIG = release
install-national: deps install-national-units
	$(SPM_BUILD) --product spoor-relay && $(SPM_BUILD) --product spoor-hub && $(SPM_BUILD) --product spoor-comensha
	bin=$$($(SPM_BUILD) --show-bin-path); \
	for tool in spoor-relay spoor-hub spoor-comensha; do install -D -m 0755 $$bin/$$tool $(DESTDIR)$(BINDIR)/$$tool; done
	for example in systemd/national/*.json.example; do \
	  install -D -m 0644 $$example $(DESTDIR)$(PREFIX)/share/doc/spoor/national/$$(basename $$example); \
	done

install-national-units:
	mkdir -p $(DESTDIR)$(UNITDIR)
	for unit in systemd/national/*.service.in; do \
	  sed -e 's|@BINDIR@|$(BINDIR)|g' $$unit > $(DESTDIR)$(UNITDIR)/$$(basename $$unit .in); \
	done
	install -D -m 0644 systemd/national/spoor-national.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/spoor-national.conf

## deb: spoor_$(VERSION)_amd64.deb: the binaries (Swift runtime linked in), units and timers,
## sysusers.d and tmpfiles.d entries, man pages, completions, the example configuration, and
## maintainer scripts (packaging/deb/); lintian must report no errors.
DEB_ROOT = $(CURDIR)/$(SCRATCH)/deb/root
deb: CONFIG = release
deb: SWIFT_FLAGS = --static-swift-stdlib
# A build folder of its own: SwiftPM does not relink a binary when only --static-swift-stdlib changed.
deb: SCRATCH = .build-deb
deb:
	@$(call ensure,dpkg-dev lintian,command -v dpkg-deb && command -v lintian)
	rm -rf $(DEB_ROOT) && mkdir -p $(DEB_ROOT)/DEBIAN
	$(MAKE) -s install DESTDIR=$(DEB_ROOT) PREFIX=/usr BINDIR=/usr/bin UNITDIR=/usr/lib/systemd/system CONFIG=$(CONFIG) SWIFT_FLAGS="$(SWIFT_FLAGS)" SCRATCH=$(SCRATCH)
	strip --remove-section=.comment --remove-section=.note --strip-unneeded $(DEB_ROOT)/usr/bin/spoord $(DEB_ROOT)/usr/bin/spoorctl
	gzip -9n $(DEB_ROOT)/usr/share/man/man*/*
	sed -i '1{/^#!/d}' $(DEB_ROOT)/usr/share/bash-completion/completions/spoorctl
	install -m 0644 packaging/deb/copyright $(DEB_ROOT)/usr/share/doc/spoor/copyright
	sed 's/@VERSION@/$(VERSION)/' packaging/deb/changelog | gzip -9n > $(DEB_ROOT)/usr/share/doc/spoor/changelog.gz
	install -m 0755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm $(DEB_ROOT)/DEBIAN/
	sed 's/@VERSION@/$(VERSION)/' packaging/deb/control.in > $(DEB_ROOT)/DEBIAN/control
	echo "Installed-Size: $$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1)" >> $(DEB_ROOT)/DEBIAN/control
	cd $(DEB_ROOT) && find usr -type f -exec md5sum {} + > DEBIAN/md5sums
	dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) spoor_$(VERSION)_amd64.deb
	lintian --fail-on error spoor_$(VERSION)_amd64.deb

clean:
	$(SWIFT) package clean
	rm -rf Benchmarks/.build .spoor
