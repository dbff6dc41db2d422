#!/usr/bin/env bash
# Installs the Debian packages refrain needs to build and test. Does nothing
# when they are all present.
# Usage: tools/setup.sh            the build and its tests
#        tools/setup.sh --browser  Chromium, for the HTML report's browser test
#        tools/setup.sh --bench    ripgrep and GNU time, for tools/bench.sh
#        tools/setup.sh --fuzz     clang with libFuzzer, for tools/fuzz.sh
set -euo pipefail

packages=(
  bazel-bootstrap     # Bazel 4.2.3, the build system
  g++                 # the C++17 compiler Bazel auto-configures
  libabsl-dev         # Abseil: Status, StatusOr, strings, flat_hash_map
  libre2-dev          # RE2: the pattern language and RE2::Set matcher
  libprotobuf-dev     # Protocol Buffers runtime: rule sets and records
  protobuf-compiler   # protoc, for proto/*.proto
  libgtest-dev        # GoogleTest, the unit tests
  libbenchmark-dev    # Google Benchmark, tests/benchmarks
  libicu-dev          # ICU: Unicode normalisation of article text
  libsqlite3-dev      # SQLite: the claim store
  libsimdjson-dev     # simdjson: fast parsing of JSON Lines articles
  libjemalloc-dev     # jemalloc: the CLI's allocator (scales across threads)
  libxxhash-dev       # xxHash: the store's content hashes
  pybind11-dev        # the Python bindings (python/)
  python3-dev         # Python.h for the bindings
  python3-dask        # Dask, for the distributed-run helper and its test
  python3-distributed # the Dask cluster (LocalCluster) in that test
  sqlite3             # the sqlite3 shell, used by the store's crash test
  valgrind            # callgrind counts the work in the linear-time test
)

case "${1:-}" in
  --browser) packages=(chromium) ;;   # headless Chromium for the browser test
  --bench) packages=(ripgrep time) ;; # the comparison and peak memory in bench.sh
  --fuzz) packages=(clang libclang-rt-14-dev) ;;  # libFuzzer, ASan, UBSan
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "${missing[@]}" >&2
