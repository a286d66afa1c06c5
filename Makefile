# The whole test suite is `make test` (README); `.ci/run` adds formatting, lints and docs.
.PHONY: test test-rust test-hostile quality

test: test-rust test-hostile quality

# Unit, integration, golden and doc tests of every default crate.
test-rust:
	cargo test --workspace

# Generated hostile pages through the Rust API, in release mode (bounds are about the algorithm).
test-hostile:
	cargo test --release -p byline --test hostile

# Accuracy gate: scores the CLI over ../shared/corpus (when present) against tests/floors.json.
quality:
	cargo build --release -p byline-cli
	python3 .ci/quality-gate.py
