#!/usr/bin/env bash
# Runs refrain's whole test suite: installs what the build needs, then
# `bazel test //...`. Tests that read the sample corpus get its location
# from REFRAIN_SHARED (default: ../shared beside the checkout, when present).
# Extra arguments go to `bazel test`.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
# Only the HTML report's browser test needs Chromium; it skips without it.
tools/setup.sh --browser ||
  echo "test.sh: Chromium could not be installed; the browser test will skip" >&2

shared="${REFRAIN_SHARED:-}"
if [ -z "$shared" ] && [ -d ../shared ]; then
  shared="$(cd ../shared && pwd)"
fi
# CI=true reaches the tests: there, what would skip for want of ../shared
# or a browser fails instead.
args=(--test_env=CI)
if [ -n "$shared" ]; then
  args+=("--test_env=REFRAIN_SHARED=$shared")
else
  echo "test.sh: no ../shared: tests of the sample corpus will be skipped" >&2
fi
exec bazel test //... "${args[@]}" "$@"
