#!/usr/bin/env bash
# Runs `refrain diff` through the real binary: the golden text, Markdown and
# JSON reports of the pinned sample-corpus records, the same report from a
# claim store, filters, the HTML file, and bad arguments.
# Usage (from Bazel): diff_cli_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
golden=tests/testdata/golden
records="$golden/sample_corpus.jsonl"

# Golden reports (regenerate with tools/update_golden.sh; review the diff).
for format in text md json; do
  expect 0 diff --mentions="$records" --format="$format"
  if ! cmp -s "$out" "$golden/sample_corpus.report.$format"; then
    echo "FAIL: the $format report differs from $golden/sample_corpus.report.$format:"
    diff "$out" "$golden/sample_corpus.report.$format" | head -20
    failures=$((failures + 1))
  fi
done

# What the report must show on the sample corpus.
expect 0 diff --mentions="$records" --claim=largest_trading_partner
contains "$out" '3. [-china-]{+vietnam+} is [-vietnam'"'"'s largest-]{+china'"'"'s biggest+} trading partner {+within asean+}'
contains "$out" "      superlative changed, qualifier added, term changed"
contains "$out" "    Global Times         in asean"
contains "$out" "    People's Daily       within asean"
contains "$out" "    China Daily          among the association of southeast asian nations"
expect 0 diff --mentions="$records" --claim=community_shared_future
contains "$out" "    Xinhua               that carries strategic significance"
contains "$out" "    Global Times         of strategic importance ×2"
contains "$out" "building a {+strategically important+} china-vietnam community with a shared future"
expect 0 diff --mentions="$records" --claim=agreements_signed
contains "$out" "  number"
contains "$out" "    Al Diplomasy         45"
contains "$out" "    China Daily          40"
contains "$out" "    Global Times         30"
contains "$out" "    Xinhua               30"

# Filters.
expect 0 diff --mentions="$records" --source=Xinhua --format=json
contains "$out" '"claim_id": "maritime_differences"'
if grep -q '"source": "Global Times"' "$out"; then
  echo "FAIL: --source=Xinhua report mentions Global Times"; failures=$((failures + 1))
fi
expect 0 diff --mentions="$records" --since=2025 --claim=largest_trading_partner --format=json
contains "$out" '"mentions": 2,'

# The same report from a claim store holding the same records.
expect 0 import --db="$TEST_TMPDIR/c.db" "$records"
expect 0 diff --db="$TEST_TMPDIR/c.db" --format=md
cmp -s "$out" "$golden/sample_corpus.report.md" ||
  { echo "FAIL: the report from the store differs"; failures=$((failures + 1)); }

# HTML: one self-contained file.
expect 0 diff --mentions="$records" --format=html --out="$TEST_TMPDIR/report.html"
contains "$err" "refrain: wrote the html report of 52 mentions to $TEST_TMPDIR/report.html"
contains "$TEST_TMPDIR/report.html" '<section class="claim" id="largest_trading_partner"'
contains "$TEST_TMPDIR/report.html" '<del>vietnam&#39;s largest</del><ins>china&#39;s biggest</ins>'
if grep -qE '(src|href)="(https?:)?//' "$TEST_TMPDIR/report.html"; then
  echo "FAIL: the HTML report refers to the network"; failures=$((failures + 1))
fi

# Bad arguments.
expect 2 diff --format=text
contains "$err" "refrain: diff reads either --db=FILE (a claim store) or --mentions=FILE"
expect 2 diff --mentions="$records" --format=pdf
contains "$err" "refrain: --format: unknown format 'pdf' (choose text, md, json or html)"
expect 2 diff --mentions="$TEST_TMPDIR/none.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/none.jsonl: cannot read: No such file or directory"
printf 'not json\n' > "$TEST_TMPDIR/bad.jsonl"
expect 1 diff --mentions="$TEST_TMPDIR/bad.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/bad.jsonl:1: not a Mention record:"

finish
