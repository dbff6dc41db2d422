#!/usr/bin/env bash
# Text from articles and record files reaches the terminal through the real
# binary, on every path that writes for people: `scan --format=text`,
# `query` (table), `stats`, `diff` (text and Markdown), and the error
# messages of `scan`, `import` and `diff --mentions`. None may pass an
# escape sequence (ESC, BEL, C1 CSI) or a bidi override through raw.
# Usage (from Bazel): hostile_output_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
in="$TEST_TMPDIR/in"
db="$TEST_TMPDIR/claims.db"
mkdir -p "$in"

# An OSC that retitles the terminal and a CSI that clears it, in 7-bit and
# 8-bit (C1) form, and a right-to-left override.
esc=$'\e]0;pwned\a\e[2J\xc2\x9b2J\xe2\x80\xae'

# no_controls FILE: checks that FILE holds none of the above raw.
no_controls() {
  local what
  for what in $'\e' $'\a' $'\xc2\x9b' $'\xe2\x80\xae'; do
    if LC_ALL=C grep -qF -- "$what" "$1"; then
      echo "FAIL: $(basename "$1") of refrain ${last[*]} holds a raw control:"
      od -c "$1" | head -20
      failures=$((failures + 1))
      return
    fi
  done
}
# run CODE ARGS...: expect, then no raw control in its output or errors.
run() {
  last=("${@:2}")
  expect "$@"
  no_controls "$out"
  no_controls "$err"
}

printf -- '---\nid: hostile%s\nsource: Wire%s\ndate: 2025-04\ntitle: T%s\nurl: http://x/%s\n---\nChina is Vietnam'"'"'s largest trading partner.\n' \
  "$esc" "$esc" "$esc" "$esc" > "$in/article.txt"

run 0 scan --rules=rules --format=text "$in/article.txt"
contains "$out" 'Wire\x1b]0;pwned\x07\x1b[2J\u009b2J\u202e  2025-04  largest_trading_partner'
run 0 ingest --db="$db" --rules=rules "$in/article.txt"
run 0 query --db="$db"
contains "$out" 'Wire\x1b]0;pwned\x07\x1b[2J\u009b2J\u202e  largest_trading_partner'
run 0 stats --db="$db"
run 0 diff --db="$db"
run 0 diff --db="$db" --format=md

# Records whose every free-text field is hostile, read by diff (claim ids
# and dates are checked as records are read).
json_esc='\u001b]0;pwned\u0007\u001b[2J\u009b2J\u202e'
text="china is vietnam$esc"
printf '{"claim_id":"c","doc_id":"d%s","source":"s%s","date":"2025","end":%d,"text":"china is vietnam%s","slots":{"k%s":"v%s"}}\n' \
  "$json_esc" "$json_esc" "$(LC_ALL=C; echo ${#text})" "$json_esc" "$json_esc" "$json_esc" > "$in/hostile.jsonl"
run 0 diff --mentions="$in/hostile.jsonl" --title="report$esc"
contains "$out" '"china is vietnam\x1b]0;pwned\x07\x1b[2j\u009b2j\u202e"  (base)'

# Error messages that quote what they read, the command line included.
run 2 "scan$esc"
contains "$err" 'unknown command '"'"'scan\x1b]0;pwned\x07\x1b[2J\u009b2J\u202e'"'"
run 2 rules "check$esc"
contains "$err" 'unknown command '"'"'rules check\x1b]0;pwned'
printf 'garbage%s\n' "$esc" > "$in/garbage.jsonl"
run 1 diff --mentions="$in/garbage.jsonl"
contains "$err" "refrain: $in/garbage.jsonl:1: not a Mention record:"
run 1 import --db="$TEST_TMPDIR/other.db" "$in/garbage.jsonl"
contains "$err" "refrain: $in/garbage.jsonl:1: not a Mention record:"
printf '{"claim_id":"x","doc_id":"d","bogus%s":1}\n' "$esc" > "$in/field.jsonl"
run 1 import --db="$TEST_TMPDIR/other.db" "$in/field.jsonl"
mkdir -p "$in/dir"
: > "$in/dir/empty$esc.txt"
printf -- '---\nnot a pair%s\n---\nText.\n' "$esc" > "$in/dir/front-matter.txt"
run 1 scan --rules=rules --format=text "$in/dir"
contains "$err" 'empty\x1b]0;pwned\x07\x1b[2J\u009b2J\u202e.txt: empty file'
contains "$err" 'front matter line is not `key: value`: "not a pair\x1b]0;pwned'

# Warnings that name a document: hits beyond the mention limits, and an id
# read twice.
printf -- '---\nid: limited%s\n---\nChina is Vietnam'"'"'s largest trading partner, and Vietnam is China'"'"'s largest trading partner.\n' \
  "$esc" > "$in/limited.txt"
run 1 scan --rules=rules --max-mentions-per-sentence=1 "$in/limited.txt" "$in/limited.txt"
contains "$err" 'limited\x1b]0;pwned\x07\x1b[2J\u009b2J\u202e: 1 hits not recorded: beyond 1 mentions per sentence'
contains "$err" "refrain: warning: $in/limited.txt: document id 'limited\x1b]0;pwned"

# Rule files are untrusted too: a version and an example that quote escapes.
printf 'name: "hostile"\nversion: "1\\033]0;pwned\\007"\nclaim {\n  id: "c"\n  pattern: "china"\n  example { text: "nothing here \\033[2J" }\n}\n' \
  > "$in/hostile.textproto"
run 0 rules check "$in/hostile.textproto"
contains "$out" "rule set 'hostile' version 1\x1b]0;pwned\x07, 1 claims"
run 1 rules test "$in/hostile.textproto"
contains "$err" 'example does not match: "nothing here \x1b[2J"'

finish
