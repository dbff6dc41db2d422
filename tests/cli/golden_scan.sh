#!/usr/bin/env bash
# Prints the pinned form of `refrain scan` over the sample corpus: the JSONL
# records, with document ids relative to the corpus folder, without the
# `sentence` field (whole sentences of the articles stay in ../shared; the
# scanner test checks them against the original text) and without
# `rule_set_fingerprint`, which every rule edit changes (scan_cli_test
# checks it, in one place, against `refrain rules check`).
# Usage: golden_scan.sh REFRAIN_BINARY RULES_DIR SHARED_DIR
set -euo pipefail
refrain="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
rules="$(cd "$2" && pwd)"
cd "$3/corpus"
"$refrain" scan --rules="$rules" seeds 2>/dev/null |
  sed -E 's/"sentence":"(\\.|[^"\\])*",//; s/"rule_set_fingerprint":"[0-9a-f]*",//'
