# Hub — build, run and test.
#
#   make run     install what is missing, build, seed the demo tenant, start the hub
#   make test    install what tests need, check the demo data, build, run every test
#
# Variables: DATA_DIR (default var), HOST (default 127.0.0.1), PORT (default 8080),
# PLUGINS_DIR (default plugins.d), SWIFT_BUILD_FLAGS (extra flags for every swift build).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# The toolchain lives at /opt/swift on the project's machines and may not be on PATH. Recipes get
# it through PATH; $(shell) in make 4.3 does not see exported PATH, hence the absolute SWIFT below.
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := /opt/swift/usr/bin:$(PATH)
endif

SWIFT ?= $(or $(shell command -v swift 2>/dev/null),$(wildcard /opt/swift/usr/bin/swift),swift)
PYTHON ?= python3
DATA_DIR ?= var
HOST ?= 127.0.0.1
PORT ?= 8080
PLUGINS_DIR ?= plugins.d
DEMO_TENANT ?= samples/demo/tenant.json
SWIFT_BUILD_FLAGS ?=
# Test phases run one after another by `make test` (target:all, target:light = without HEAVY_TESTS, target:heavy).
TEST_PHASES ?= CoreTests:all PluginsTests:light HubTests:light PluginsTests:heavy HubTests:heavy
# Suites that start real peers or hub processes; the heavy phases run them one at a time.
HEAVY_TESTS ?= OutboxCrashTests|ScenarioReplayTests|AccessControlEndToEndTests|KannelLiveTests|HTTPGatewayLiveTests|CalDAVRadicaleTests|SMPPLiveFlowTests|SMPPLiveSubmitTests|MailPluginLiveTests|AccessControlPTYTests

# An import across the module walls in docs/DESIGN (e.g. a plugin importing Hub) fails the build.
IMPORT_CHECK := --explicit-target-dependency-import-check error

# The debug binary; asked of SwiftPM only when a recipe uses it.
HUB = $(shell $(SWIFT) build --show-bin-path)/hub
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path)

.PHONY: help deps deps-test deps-bench build release run test check-demo bench check-config clean scenario

help:
	@echo "make run           build, seed the demo tenant into $(DATA_DIR)/, serve on http://$(HOST):$(PORT)"
	@echo "make test          install test tools, check the demo tenant, build, run all tests"
	@echo "make build         debug build with the import check"
	@echo "make release       release build of the hub"
	@echo "make bench         release build and run of the benchmarks (figures printed)"
	@echo "make check-config  validate $(PLUGINS_DIR)/*.toml"
	@echo "make deps          install missing Debian packages for building and running"
	@echo "make clean         remove .build (the data in $(DATA_DIR)/ stays)"
	@echo "make scenario      replay samples/scenarios/$(SCENARIO)*.json on a throwaway hub (SCENARIO=02, SCENARIO=all, ...)"

deps:
	@bash scripts/install-deps.sh run

deps-test:
	@bash scripts/install-deps.sh test

deps-bench:
	@bash scripts/install-deps.sh bench

build: deps
	$(SWIFT) build -c debug $(IMPORT_CHECK) $(SWIFT_BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release --product hub $(SWIFT_BUILD_FLAGS)

run: build
	@mkdir -p "$(DATA_DIR)"
	hub="$(HUB)"; \
	"$$hub" seed --data-dir "$(DATA_DIR)" "$(DEMO_TENANT)"; \
	exec "$$hub" serve --data-dir "$(DATA_DIR)" --host "$(HOST)" --port "$(PORT)" --plugins "$(PLUGINS_DIR)"

check-demo:
	$(PYTHON) scripts/check_demo_tenant.py "$(DEMO_TENANT)"

test: deps-test
	$(PYTHON) scripts/check_demo_tenant.py "$(DEMO_TENANT)"
	$(SWIFT) build -c debug --build-tests $(IMPORT_CHECK) $(SWIFT_BUILD_FLAGS)
	@# In phases: the live plugin tests (Kannel, Radicale, SMSC, SMTP, PTYs) and the hub's real-process tests
	@# (1,000-message crash test, scenario replays) all at once overload two cores and make timed checks flaky,
	@# so they run last and one at a time.
	@failed=""; for phase in $(TEST_PHASES); do \
	    target=$${phase%%:*}; heavy=$${phase#*:}; \
	    if [ "$$heavy" = "light" ]; then args="--filter ^$$target\\. --skip $(HEAVY_TESTS)"; \
	    elif [ "$$heavy" = "heavy" ]; then args="--no-parallel --filter ^$$target\\.($(HEAVY_TESTS))"; \
	    else args="--filter ^$$target\\."; fi; \
	    echo "== $$phase"; \
	    $(SWIFT) test --skip-build $$args || failed="$$failed $$phase"; \
	 done; \
	if [ -n "$$failed" ]; then echo "failed test phases:$$failed"; exit 1; fi

bench: deps-bench
	$(SWIFT) build -c release --product hub $(SWIFT_BUILD_FLAGS)
	$(SWIFT) build -c release --product HubBench $(SWIFT_BUILD_FLAGS)
	"$(RELEASE_BIN)/HubBench"

check-config: build
	"$(HUB)" check-config --plugins "$(PLUGINS_DIR)"

clean:
	rm -rf .build

# Replays call scenarios on a throwaway hub seeded with the demo tenant and checks the decisions
# (scripts/replay_scenario.py). SCENARIO: a number prefix (02), a file name, a path, or all.
SCENARIO ?= 01
scenario: build
	@case "$(SCENARIO)" in \
	  all) files=(samples/scenarios/*.json) ;; \
	  *.json) files=("$(SCENARIO)") ;; \
	  *) files=(samples/scenarios/$(SCENARIO)*.json) ;; \
	esac; \
	$(PYTHON) scripts/replay_scenario.py --hub "$(HUB)" "$${files[@]}"
