#!/usr/bin/env bash
# Installs libbyline for C and C++ under PREFIX:
#   PREFIX/include/byline.h
#   PREFIX/lib/libbyline.so, PREFIX/lib/libbyline.a
#   PREFIX/lib/pkgconfig/byline.pc                       (pkg-config byline)
#   PREFIX/lib/cmake/byline/bylineConfig*.cmake          (find_package(byline))
#
# usage: bindings/c/install.sh PREFIX [PROFILE]
# Builds byline-c with that cargo profile first (PROFILE defaults to release).
# Set DESTDIR to stage the files elsewhere while the .pc/.cmake files still name PREFIX.
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 PREFIX [PROFILE]" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$1
profile=${2:-release}
case "$prefix" in
    /*) ;;
    *) prefix="$PWD/$prefix" ;;
esac
dest="${DESTDIR:-}$prefix"
cd "$root"

outdir=target/$profile
[[ $profile == dev ]] && outdir=target/debug

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
major=${version%%.*}
minor=${version#*.}
minor=${minor%%.*}
# Build, and read the system libraries a Rust static library needs as rustc reports them for
# this target (e.g. "-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc" on Linux with glibc). Cargo
# replays the note when the build is fresh.
if ! log=$(cargo rustc --quiet --profile "$profile" -p byline-c -- --print native-static-libs 2>&1); then
    printf '%s\n' "$log" >&2
    exit 1
fi
native=$(printf '%s\n' "$log" | sed -n 's/.*native-static-libs: //p' | tail -n1)
if [[ -z $native ]]; then
    echo "install.sh: could not read native-static-libs from rustc" >&2
    exit 1
fi
native_cmake=$(printf '%s\n' $native | sed 's/^-l//' | paste -sd';' -)

install -d "$dest/include" "$dest/lib/pkgconfig" "$dest/lib/cmake/byline"
install -m 644 include/byline.h "$dest/include/byline.h"
install -m 755 "$outdir/libbyline.so" "$dest/lib/libbyline.so"
install -m 644 "$outdir/libbyline.a" "$dest/lib/libbyline.a"

subst() {
    sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" \
        -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" \
        -e "s|@NATIVE_LIBS@|$native|g" -e "s|@NATIVE_LIBS_CMAKE@|$native_cmake|g" "$1"
}
subst bindings/c/pkg/byline.pc.in >"$dest/lib/pkgconfig/byline.pc"
subst bindings/c/pkg/bylineConfig.cmake.in >"$dest/lib/cmake/byline/bylineConfig.cmake"
subst bindings/c/pkg/bylineConfigVersion.cmake.in \
    >"$dest/lib/cmake/byline/bylineConfigVersion.cmake"
echo "installed libbyline $version under $dest"
