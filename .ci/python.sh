#!/usr/bin/env bash
# The Python suite (issue 6, issue 8): builds the wheel with maturin, installs it into a fresh
# virtualenv, runs python/tests with pytest, and checks the stubs against the compiled module
# with mypy.stubtest; then installs the test-only `inject-panic` build and runs the panic
# tests against it. Needs a Rust toolchain and python3 (>= 3.9) with venv; PyPI for maturin,
# pytest, mypy and pandas (pip's cache makes later runs fast).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}
tools=$root/target/python/tools
venv=$root/target/python/venv
wheels=$root/target/python/wheels

if [ ! -x "$tools/bin/maturin" ]; then
    "$py" -m venv "$tools"
    "$tools/bin/pip" install --quiet --disable-pip-version-check 'maturin>=1.9.4,<2'
fi

rm -rf "$wheels"
echo "== python: building the wheel"
"$tools/bin/maturin" build --quiet --release --out "$wheels/release"
echo "== python: building the inject-panic test wheel"
"$tools/bin/maturin" build --quiet --release --features inject-panic --out "$wheels/panic"

echo "== python: fresh virtualenv"
rm -rf "$venv"
"$py" -m venv "$venv"
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
"${pip[@]}" pytest mypy pandas
"${pip[@]}" "$wheels"/release/byline-*.whl

# Run from an empty directory so that python/byline (the sources) cannot shadow the wheel.
work=$root/target/python/run
rm -rf "$work" && mkdir -p "$work" && cd "$work"

echo "== python: stubtest"
"$venv/bin/python" -m mypy.stubtest byline --allowlist "$root/python/stubtest-allowlist.txt"
echo "== python: mypy on the example and the tests"
"$venv/bin/python" -m mypy --strict --ignore-missing-imports --no-warn-unused-ignores \
    --cache-dir "$work/.mypy_cache" "$root/examples/python" "$root/python/tests"

echo "== python: pytest"
"$venv/bin/python" -m pytest -q -p no:cacheprovider -c "$root/pyproject.toml" \
    --rootdir "$root" "$root/python/tests"

echo "== python: panic injection"
"${pip[@]}" --force-reinstall --no-deps "$wheels"/panic/byline-*.whl
"$venv/bin/python" -m pytest -q -p no:cacheprovider -c "$root/pyproject.toml" \
    --rootdir "$root" "$root/python/tests/test_panic.py"
"${pip[@]}" --force-reinstall --no-deps "$wheels"/release/byline-*.whl
