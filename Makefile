# The whole test suite is `make test` (README); `.ci/run` adds formatting, lints and docs.
.PHONY: test test-rust test-hostile test-fuzz-regressions test-c test-python test-scale quality

test: test-rust test-hostile test-fuzz-regressions test-c test-python test-scale quality

# Unit, integration, golden and doc tests of the default crates (core, CLI, benchmarks); the C
# and Python layers have their own targets below.
test-rust:
	cargo test

# Generated hostile pages through the Rust API, in release mode (bounds are about the algorithm).
test-hostile:
	cargo test --release -p byline --test hostile
	cargo test --release -p byline-cli --test hostile_cli

# The fuzz corpus and every crash input the fuzzers found, replayed (see fuzz/README.md).
test-fuzz-regressions:
	cargo test --release -p byline --features internals --test fuzz_regressions

# The C and C++ API: header freshness, examples, error paths, hostile inputs, ASan and valgrind.
test-c:
	.ci/c-api.sh

# The Python package: wheel by maturin, fresh virtualenv, pytest, stubtest, panic injection.
test-python:
	.ci/python.sh

# WARC input from Python and the Dask (LocalCluster, 2 workers) and Spark (local[2]) recipes.
test-scale:
	.ci/scale.sh

# Accuracy gate: scores the CLI over ../shared/corpus (when present) against tests/floors.json.
quality:
	cargo build --release -p byline-cli
	python3 .ci/quality-gate.py
