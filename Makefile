# The whole test suite is `make test` (README); `.ci/run` adds formatting, lints and docs.
.PHONY: test test-rust quality

test: test-rust quality

# Unit, integration, golden and doc tests of every default crate.
test-rust:
	cargo test --workspace

# Accuracy gate: scores the CLI over ../shared/corpus (when present) against tests/floors.json.
quality:
	cargo build --release -p byline-cli
	python3 .ci/quality-gate.py
