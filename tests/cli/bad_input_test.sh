#!/usr/bin/env bash
# The large and hostile inputs of the bad-input suite, through the real
# binary (the small ones are in scan_cli_test.sh and the unit tests): a
# 200 MB single-line article, a million tiny articles in one JSON Lines
# stream, deeply nested and huge JSON values, and a rule set of 10,000
# claims. Each must end with a clear message or a correct result, never a
# crash, a hang or a blow-up.
# Usage (from Bazel): bad_input_test.sh path/to/refrain path/to/rules_gen
set -u
refrain="$PWD/$1"
rules_gen="$PWD/$2"
source tests/cli/testlib.sh
in="$TEST_TMPDIR/in"
mkdir -p "$in"

# A 200 MB article on one line: refused by default, before being read...
{ yes "lorem ipsum dolor sit amet" | head -c 200000000 | tr '\n' ' '
  printf ' China is Vietnam'"'"'s largest trading partner.'; } > "$in/huge.txt"
expect 1 scan --rules=rules "$in/huge.txt"
contains "$err" "refrain: skipped: $in/huge.txt: article of 200000044 bytes exceeds the limit of 67108864 bytes (--max-document-bytes)"
# ...and scanned when the limit allows, in pieces of --max-sentence-bytes.
expect 0 scan --rules=rules --max-document-bytes=300000000 --format=text "$in/huge.txt"
contains "$out" "largest_trading_partner  \"China is Vietnam's largest trading partner\""
lines "$out" 1
expect 2 scan --rules=rules --max-sentence-bytes=lots "$in/huge.txt"
contains "$err" "refrain: --max-sentence-bytes wants a positive number of bytes, got 'lots'"

# A million tiny articles in one stream.
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"id\":\"t%d\",\"text\":\"x%d\"}\n", i, i }' \
  > "$in/million.jsonl"
printf '{"id":"last","text":"Comrades and brothers."}\n' >> "$in/million.jsonl"
expect 0 scan --rules=rules --threads=2 "$in/million.jsonl"
contains "$err" "refrain: 1000001 documents scanned, 0 skipped, 1 mentions"
contains "$out" '"doc_id":"last"'

# Deeply nested and huge JSON values.
{ printf '{"text":"Comrades and brothers.","deep":'
  for i in $(seq 5000); do printf '['; done
  for i in $(seq 5000); do printf ']'; done
  printf '}\n'
  printf '{"text":"Comrades and brothers.","big":"%s"}\n' "$(head -c 10000000 /dev/zero | tr '\0' 'b')"
} > "$in/json.jsonl"
expect 1 scan --rules=rules --format=text "$in/json.jsonl"
contains "$err" "refrain: skipped: $in/json.jsonl:1: malformed JSON: The JSON document was too deep"
contains "$err" "refrain: 1 documents scanned, 1 skipped, 1 mentions"

# A rule set of 10,000 claims compiles, and scans.
mkdir -p "$in/rules10k"
"$rules_gen" --claims=10000 > "$in/rules10k/generated.textproto"
printf '{"text":"Officials welcomed a %s."}\n' \
  "$(grep -m1 -o 'approved a [a-z]* [a-z]*' "$in/rules10k/generated.textproto" | cut -d' ' -f3-)" \
  > "$in/one.jsonl"
expect 0 scan --rules="$in/rules10k" --format=text "$in/one.jsonl"
contains "$out" "generated_0  \"Officials welcomed a"

finish
