#!/usr/bin/env bash
# The distributed recipes (issue 9): builds the wheel with maturin, installs it into a fresh
# virtualenv with dask[distributed], pyspark and pyarrow, and runs python/tests/test_warc.py and
# python/tests/test_scale.py (Dask LocalCluster with 2 workers; Spark in local[2] mode), then
# mypy on the examples. Spark needs Java: when `java` is missing, Debian's
# openjdk-17-jre-headless is installed with apt (needs root). Needs a Rust toolchain and
# python3 (>= 3.9) with venv; PyPI for the Python packages (pip's cache makes later runs fast).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}
tools=$root/target/python/tools
venv=$root/target/python/scale-venv
wheels=$root/target/python/scale-wheels

if ! command -v java >/dev/null 2>&1; then
    echo "== scale: no java; installing openjdk-17-jre-headless"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
fi
java -version 2>&1 | head -1

if [ ! -x "$tools/bin/maturin" ]; then
    "$py" -m venv "$tools"
    "$tools/bin/pip" install --quiet --disable-pip-version-check 'maturin>=1.9.4,<2'
fi

rm -rf "$wheels"
echo "== scale: building the wheel"
"$tools/bin/maturin" build --quiet --release --out "$wheels"

echo "== scale: fresh virtualenv with dask[distributed], pyspark, pyarrow"
rm -rf "$venv"
"$py" -m venv "$venv"
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
"${pip[@]}" pytest mypy pandas pyarrow 'dask[distributed]' pyspark
"${pip[@]}" "$wheels"/byline-*.whl

# Run from an empty directory so that python/byline (the sources) cannot shadow the wheel.
work=$root/target/python/scale-run
rm -rf "$work" && mkdir -p "$work" && cd "$work"

echo "== scale: mypy on the examples"
"$venv/bin/python" -m mypy --strict --ignore-missing-imports --no-warn-unused-ignores \
    --cache-dir "$work/.mypy_cache" "$root/examples/python/dask_warc.py" \
    "$root/examples/python/spark_warc.py" "$root/python/tests/test_scale.py"

echo "== scale: pytest (WARC input, Dask and Spark recipes)"
# -rs: a skipped recipe test must say why.
BYLINE_SCALE_REQUIRED=1 "$venv/bin/python" -m pytest -q -rs -p no:cacheprovider -c "$root/pyproject.toml" \
    --rootdir "$root" "$root/python/tests/test_warc.py" "$root/python/tests/test_scale.py"
