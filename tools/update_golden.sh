#!/usr/bin/env bash
# Regenerates the golden files of tests/testdata/golden/: sample_corpus.jsonl,
# the pinned output of `refrain scan` over ../shared/corpus, and the text,
# Markdown and JSON claim-diff reports made from it. Review the change before
# committing:
#   tools/update_golden.sh && git diff tests/testdata/golden/
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${REFRAIN_SHARED:-../shared}"
bazel build //:refrain
tests/cli/golden_scan.sh bazel-bin/engine/cli/refrain rules "$shared" \
  > tests/testdata/golden/sample_corpus.jsonl
echo "wrote tests/testdata/golden/sample_corpus.jsonl ($(wc -l < tests/testdata/golden/sample_corpus.jsonl) records)"
for format in text md json; do
  bazel-bin/engine/cli/refrain diff --mentions=tests/testdata/golden/sample_corpus.jsonl \
    --format="$format" > "tests/testdata/golden/sample_corpus.report.$format"
  echo "wrote tests/testdata/golden/sample_corpus.report.$format"
done
