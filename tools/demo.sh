#!/usr/bin/env bash
# The quick start's main job: installs what the build needs, builds refrain,
# checks the shipped rule set and runs every claim's examples.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
exec bazel run --ui_event_filters=-info,-stderr --noshow_progress //:refrain -- \
  rules test rules/
