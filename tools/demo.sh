#!/usr/bin/env bash
# The quick start's main job: installs what the build needs, builds refrain,
# scans the sample articles in examples/articles/ (invented, for
# illustration) with the shipped rules, and prints the claim-diff report:
# how each source phrases each claim. It also writes the report as HTML.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
bazel build --ui_event_filters=-info,-stderr --noshow_progress //:refrain
refrain=bazel-bin/engine/cli/refrain
out=demo-output
mkdir -p "$out"
"$refrain" scan --rules=rules/ --out="$out/mentions.jsonl" examples/articles/
"$refrain" diff --mentions="$out/mentions.jsonl" --format=html --out="$out/report.html" \
  --title="refrain claim-diff report: sample articles (illustrations)"
"$refrain" diff --mentions="$out/mentions.jsonl" \
  --title="refrain claim-diff report: sample articles (illustrations)"
echo
echo "The records are in $out/mentions.jsonl; the HTML report is $PWD/$out/report.html"
