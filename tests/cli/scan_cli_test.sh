#!/usr/bin/env bash
# Runs `refrain scan` through the real binary: output formats, the golden
# output over the sample corpus, and every kind of bad input, checking the
# message (file and line) and the exit code, and that good documents in the
# same run are still scanned.
# Usage (from Bazel): scan_cli_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
in="$TEST_TMPDIR/in"
mkdir -p "$in"

good="$in/good.txt"
printf -- '---\nid: good-1\nsource: Lotus Wire\ndate: 2025-04\n---\nChina is Vietnam'"'"'s largest trading partner.\n' > "$good"

# Formats.
expect 0 scan --rules=rules "$good"
lines "$out" 1
contains "$out" '{"claim_id":"largest_trading_partner","doc_id":"good-1","source":"Lotus Wire","date":"2025-04","begin":0,"end":42,"text":"China is Vietnam'"'"'s largest trading partner"'
contains "$err" "refrain: 1 documents scanned, 0 skipped, 1 mentions"
contains "$err" "largest_trading_partner      1"
expect 0 scan --rules=rules --format=text "$good"
contains "$out" "Lotus Wire  2025-04  largest_trading_partner  \"China is Vietnam's largest trading partner\""
expect 0 scan --rules=rules --format=textproto "$good"
contains "$out" 'mention {'
contains "$out" '  claim_id: "largest_trading_partner"'
expect 0 scan --rules=rules --format=binpb --out="$TEST_TMPDIR/m.binpb" "$good"
[ -s "$TEST_TMPDIR/m.binpb" ] || { echo "FAIL: empty binpb"; failures=$((failures + 1)); }

# JSON Lines from standard input, with --source for articles without one.
printf '%s\n' '{"text": "Vietnam is China'"'"'s biggest trade partner in ASEAN."}' |
  "$refrain" scan --rules=rules --source=Feed - >"$out" 2>"$err"
contains "$out" '"doc_id":"stdin:1","source":"Feed"'
contains "$out" '"scope":"in ASEAN"'

# The rule-set fingerprint, checked here rather than pinned in the golden
# (where every rule edit would rewrite every line): each record carries the
# one `rules check` prints for the rules that found it.
expect 0 rules check rules
fingerprint=$(sed -n 's/.*, fingerprint \([0-9a-f]\{16\}\)$/\1/p' "$out" | head -1)
[ -n "$fingerprint" ] || fail "rules check printed no fingerprint"
expect 0 scan --rules=rules tests/testdata/corpus
if [ "$(grep -c '"rule_set_fingerprint":"'"$fingerprint"'"' "$out")" != "$(wc -l < "$out")" ] ||
   [ ! -s "$out" ]; then
  fail "records without the fingerprint $fingerprint of rules check"; head -3 "$out"
fi

# Golden output over the real sample corpus.
if [ -n "${REFRAIN_SHARED:-}" ]; then
  if ! diff <(tests/cli/golden_scan.sh "$refrain" rules "$REFRAIN_SHARED") \
      tests/testdata/golden/sample_corpus.jsonl > "$TEST_TMPDIR/golden.diff"; then
    echo "FAIL: scan output differs from tests/testdata/golden/sample_corpus.jsonl"
    echo "(regenerate with tools/update_golden.sh and review the diff)"
    head -40 "$TEST_TMPDIR/golden.diff"
    failures=$((failures + 1))
  fi
else
  not_tested "the golden scan of the sample corpus (REFRAIN_SHARED is not set)"
fi

# Threads: the same bytes, in the same order, on 1 and on 3 threads; bad
# lines are reported in order too.
for i in $(seq 1 400); do
  if [ $((i % 97)) = 0 ]; then echo "not json $i"; continue; fi
  printf '{"id": "t%d", "source": "S%d", "text": "Intro %d. China is Vietnam'"'"'s largest trading partner. Comrades and brothers."}\n' "$i" $((i % 3)) "$i"
done > "$in/many.jsonl"
expect 1 scan --rules=rules --threads=1 "$in/many.jsonl"
cp "$out" "$TEST_TMPDIR/one.jsonl"; cp "$err" "$TEST_TMPDIR/one.err"
lines "$TEST_TMPDIR/one.jsonl" 792
expect 1 scan --rules=rules --threads=3 "$in/many.jsonl"
cmp -s "$out" "$TEST_TMPDIR/one.jsonl" || { echo "FAIL: --threads=3 output differs"; failures=$((failures + 1)); }
cmp -s "$err" "$TEST_TMPDIR/one.err" || { echo "FAIL: --threads=3 messages differ"; diff "$err" "$TEST_TMPDIR/one.err"; failures=$((failures + 1)); }
contains "$err" "refrain: skipped: $in/many.jsonl:97: not a JSON object (each line must be {...})"
expect 1 scan --rules=rules --threads=2 --strict "$in/many.jsonl"
contains "$err" "refrain: error: $in/many.jsonl:97: not a JSON object"
contains "$err" "refrain: 96 documents scanned, 1 skipped, 192 mentions"
expect 2 scan --rules=rules --threads=0 "$good"
contains "$err" "refrain: --threads wants a number from 1 to 256 or auto, got '0'"

# Bad inputs: each is reported with its file (and line), skipped, and the
# good document of the same run is still scanned; the exit code is 1.
bad="$in/bad"
mkdir -p "$bad"
: > "$bad/01-empty.txt"
printf -- '---\nsource: X\n---\n' > "$bad/02-only-front-matter.txt"
printf -- '---\nsource: X\nChina is Vietnam'"'"'s largest trading partner.\n' > "$bad/03-unterminated.txt"
printf 'Fine line.\nBad \xc3\x28 byte.\n' > "$bad/04-invalid-utf8-body.txt"
printf -- '---\ntitle: \xff\n---\nText.\n' > "$bad/05-invalid-utf8-front-matter.txt"
printf 'PNG\0\1\2binary' > "$bad/06-nul.txt"
printf '%s\n' '{"text": "ok."}' '[1, 2]' '{"text": "unterminated' '{"id": "x"}' \
  '{"text": 7}' '{"date": 20250101, "text": "China is Vietnam'"'"'s largest trading partner."}' \
  > "$bad/07-feed.jsonl"
printf '\xef\xbb\xbf---\r\nsource: CRLF Wire\r\n---\r\nChina is Vietnam'"'"'s top trading partner.\r\n' > "$bad/08-bom-crlf.txt"
cp "$good" "$bad/09-good.txt"
printf -- '---\nid: bad-date\nsource: X\ndate: yesterday <b>\n---\nText.\n' > "$bad/10-bad-date.txt"

expect 1 scan --rules=rules --format=text "$bad"
contains "$err" "refrain: skipped: $bad/01-empty.txt: empty file"
contains "$err" "refrain: skipped: $bad/02-only-front-matter.txt:3: no article text after the front matter"
contains "$err" "refrain: skipped: $bad/03-unterminated.txt:1: front matter opened with \`---\` is never closed"
contains "$err" "refrain: skipped: $bad/04-invalid-utf8-body.txt:2: invalid UTF-8 in the file (byte 0xc3)"
contains "$err" "refrain: skipped: $bad/05-invalid-utf8-front-matter.txt:2: invalid UTF-8 in the file (byte 0xff)"
contains "$err" "refrain: skipped: $bad/06-nul.txt:1: binary data (NUL byte) in the file; not a text article"
contains "$err" "refrain: skipped: $bad/07-feed.jsonl:2: not a JSON object (each line must be {...})"
contains "$err" "refrain: skipped: $bad/07-feed.jsonl:3: malformed JSON:"
contains "$err" "refrain: skipped: $bad/07-feed.jsonl:4: no \"text\" field"
contains "$err" "refrain: skipped: $bad/07-feed.jsonl:5: \"text\" must be a string"
contains "$err" "refrain: skipped: $bad/07-feed.jsonl:6: date \"20250101\" is not YYYY, YYYY-MM or YYYY-MM-DD"
contains "$err" "refrain: skipped: $bad/10-bad-date.txt:4: date \"yesterday <b>\" is not YYYY, YYYY-MM or YYYY-MM-DD"
contains "$err" "refrain: 3 documents scanned, 12 skipped, 2 mentions"
contains "$out" "CRLF Wire  -  largest_trading_partner  \"China is Vietnam's top trading partner\""
contains "$out" "Lotus Wire  2025-04  largest_trading_partner"

# --strict stops at the first bad input.
expect 1 scan --rules=rules --strict "$bad"
contains "$err" "refrain: error: $bad/01-empty.txt: empty file"
contains "$err" "refrain: stopped at the first bad input (--strict)"

# Inputs, rules and outputs that cannot be used.
expect 1 scan --rules=rules "$in/missing.txt" "$good"
contains "$err" "refrain: skipped: $in/missing.txt: no such file or directory"
lines "$out" 1
expect 2 scan --rules=no/such/rules "$good"
contains "$err" "refrain: no/such/rules: no such file or directory"
expect 1 scan --rules=tests/testdata/rules/broken/semantic_errors.textproto "$good"
contains "$err" "refrain: 14 errors in rule files"
expect 2 scan --rules=rules --out="$in/no/such/dir/out.jsonl" "$good"
contains "$err" "refrain: cannot write $in/no/such/dir/out.jsonl: No such file or directory"
expect 1 scan --rules=rules --out=/dev/full "$good"
contains "$err" "refrain: cannot write output: No space left on device"
expect 2 scan --rules=rules --format=xml "$good"
contains "$err" "refrain: --format: unknown format 'xml' (choose jsonl, textproto, binpb or text)"
expect 2 scan "$good"
contains "$err" "refrain: scan needs --rules=PATH"
expect 2 scan --rules=rules
contains "$err" "refrain: scan needs at least one INPUT"

finish
