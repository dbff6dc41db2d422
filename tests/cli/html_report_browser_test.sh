#!/usr/bin/env bash
# Loads the HTML claim-diff report of the sample records in a real browser
# (headless Chromium, Debian's `chromium`), and checks what it renders: the
# DOM after loading holds one section per claim with the expected variant
# rows, and a screenshot is produced. Skips, with a message, where Chromium
# is not installed (`tools/setup.sh --browser` installs it), except under
# CI (CI=true), where that fails.
# Usage (from Bazel): html_report_browser_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  not_tested "the HTML report in a browser ($chromium is not installed; run tools/setup.sh --browser)"
  finish; exit 0
fi

html="$TEST_TMPDIR/report.html"
expect 0 diff --mentions=tests/testdata/golden/sample_corpus.jsonl --format=html --out="$html"

browse() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$TEST_TMPDIR/profile" --window-size=1280,900 \
    "$@" "file://$html" 2>>"$TEST_TMPDIR/chromium.log"
}
browse --dump-dom > "$TEST_TMPDIR/dom.html" ||
  { echo "FAIL: chromium --dump-dom failed"; tail -5 "$TEST_TMPDIR/chromium.log"; exit 1; }

sections=$(grep -o '<section class="claim"' "$TEST_TMPDIR/dom.html" | wc -l)
[ "$sections" = 12 ] || { echo "FAIL: $sections claim sections rendered, want 12"; failures=$((failures + 1)); }
# The variant rows of one claim, as the browser parsed them.
rows=$(awk '/<section class="claim" id="largest_trading_partner"/,/<\/section>/' "$TEST_TMPDIR/dom.html" |
  grep -o '<tr class="variant[^"]*" id="largest_trading_partner-[0-9]*"' | wc -l)
[ "$rows" = 5 ] || { echo "FAIL: $rows variant rows for largest_trading_partner, want 5"; failures=$((failures + 1)); }
contains "$TEST_TMPDIR/dom.html" '<del>vietnam'"'"'s largest</del><ins>china'"'"'s biggest</ins>'
contains "$TEST_TMPDIR/dom.html" '<svg class="timeline"'

(cd "$TEST_TMPDIR" && browse --screenshot="$TEST_TMPDIR/report.png") ||
  { echo "FAIL: chromium --screenshot failed"; failures=$((failures + 1)); }
if [ "$(head -c 8 "$TEST_TMPDIR/report.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
  echo "FAIL: no PNG screenshot"; failures=$((failures + 1))
elif [ "$(stat -c %s "$TEST_TMPDIR/report.png")" -lt 20000 ]; then
  echo "FAIL: the screenshot is suspiciously small (a blank page?)"; failures=$((failures + 1))
fi
cp "$TEST_TMPDIR/report.png" "${TEST_UNDECLARED_OUTPUTS_DIR:-$TEST_TMPDIR}/" 2>/dev/null

finish
