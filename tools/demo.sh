#!/usr/bin/env bash
# The quick start's main job: installs what the build needs, builds refrain,
# and scans the sample articles in examples/articles/ (invented, for
# illustration) with the shipped rules, printing one line per claim found
# and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
exec bazel run --ui_event_filters=-info,-stderr --noshow_progress //:refrain -- \
  scan --rules=rules/ --format=text examples/articles/
