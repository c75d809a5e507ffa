# Two commands for people: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/.ci/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

STATIC_RESOURCE := lwc-wrapper/force-app/main/default/staticresources/alcmeonWidget

.PHONY: demo test tools widget servers clean

## Runs the product on its embedded defaults: emulator with demo data, backend on SQLite, host page.
demo: widget servers
	node tests/support/demo.mjs

## Runs every test suite and prints the totals of each.
test: tools
	.ci/test-suites

tools:
	.ci/bootstrap

## The release widget (Trunk → dist/) and the Salesforce static resource made from it.
widget: tools
	trunk build --release
	node lwc-wrapper/scripts/build-static-resource.mjs dist

## The backend and the Alcméon emulator.
servers:
	cargo build -p backend -p alcmeon-emulator

clean:
	cargo clean
	rm -rf dist data $(STATIC_RESOURCE)/*
