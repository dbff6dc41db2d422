#!/bin/sh
echo "coverage is not available in refrain's offline Bazel build" >&2
exit 1
