# Two commands for people: `make demo` and `make test`, and two optional ones, `make bench` and `make faults`.
# All install what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/.ci/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

STATIC_RESOURCE := lwc-wrapper/force-app/main/default/staticresources/alcmeonWidget

.PHONY: demo test bench faults tools widget servers clean

## Runs the product on its embedded defaults: emulator with demo data, backend on SQLite, host page.
demo: widget servers
	node tests/support/demo.mjs

## Runs every test suite and prints the totals of each.
test: tools
	.ci/test-suites

## Optional, not part of `make test`: the widget's speed side by side with @chatscope/chat-ui-kit-react
## and plain React (bench/run.mjs), release servers; prints one table and writes bench/results/latest.md.
## BENCH_ROUNDS (12 by default, at least 10 for the table) shortens it. Then the backend under load
## (bench/backend-load.mjs: thread open, replies, webhooks, 10,000 live streams; on SQLite, and on
## PostgreSQL: BENCH_POSTGRES_URL's server, or a throwaway one; results in bench/results/backend-load.md).
## Each live stream is an open file: the recipe raises the open-files limit to the hard limit.
bench: widget servers
	cargo build --release -p backend -p alcmeon-emulator
	cargo build -p test-postgres --bin test-postgres-serve
	if [ ! -d bench/chatscope/node_modules ] || [ bench/chatscope/package-lock.json -nt bench/chatscope/node_modules/.package-lock.json ]; then \
	  (cd bench/chatscope && npm ci --no-audit --no-fund --loglevel=error); fi
	node bench/run.mjs
	ulimit -n "$$(ulimit -Hn)" && node bench/backend-load.mjs

## Optional: the fault suite (crates/backend/tests/faults) at full scale, printing its figures; `make test` runs it bounded.
faults: tools
	FAULTS=full cargo test -p backend --test faults -- --nocapture

tools:
	.ci/bootstrap

## The release widget (Trunk → dist/) and the Salesforce static resource made from it.
widget: tools
	trunk build --release
	node lwc-wrapper/scripts/build-static-resource.mjs dist

## The backend, the Alcméon emulator and the Salesforce stand-in.
servers:
	cargo build -p backend -p alcmeon-emulator -p salesforce-emulator

clean:
	cargo clean
	rm -rf dist data $(STATIC_RESOURCE)/*
