#!/usr/bin/env bash
# Runs the real `refrain` binary: `rules check` and `rules test` on the
# shipped rules and on broken ones, checking exit codes and messages.
# Usage (from Bazel): rules_cli_test.sh path/to/refrain path/to/scan_text path/to/pipeline
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh

expect 0 rules check rules
contains "$out" "rules/china_vietnam.textproto: rule set 'china_vietnam' version"
contains "$out" "ok: 1 rule file(s), 12 claims, no errors"

expect 0 rules test rules
contains "$out" "ok    largest_trading_partner"
contains "$out" "12 claims,"
contains "$out" " examples, 0 failed"

# What a pattern expands to: word forms, and each order of {near N}.
expect 0 rules check --expand=maritime_differences rules
contains "$out" "  = (?P<sea>{AT_SEA}) {then 6} (?P<noun>{SEA_STRIFE})"
contains "$out" "(?:questioning|questioners|questioned|questioner|questions|question)"
expect 2 rules check --expand=no_such_claim rules
contains "$err" "refrain: --expand: no claim 'no_such_claim' in the rules"
expect 2 rules test --expand=maritime_differences rules
contains "$err" "refrain: unknown flag --expand"

# Malformed built-in references, each at its place.
cat > "$TEST_TMPDIR/constructs.textproto" <<'EOF'
name: "c"
claim { id: "a" pattern: "x {near 3} (y {near 3} z)" }
claim { id: "b" pattern: "{~Sow} discord {then 99} y" }
claim { id: "d" pattern: "x {nera 2} y" }
EOF
expect 1 rules check "$TEST_TMPDIR/constructs.textproto"
contains "$err" "constructs.textproto:2:41: error: claim 'a': {near N} separates the parts of a whole pattern"
contains "$err" "constructs.textproto:3:27: error: claim 'b': {~word} wants one English word in lower-case letters"
contains "$err" "constructs.textproto:3:42: error: claim 'b': {then N} wants a number of words from 0 to 30, got '{then 99}'"
contains "$err" "constructs.textproto:4:29: error: claim 'd': unknown reference '{nera 2}'"

expect 1 rules check tests/testdata/rules/broken
contains "$err" "tests/testdata/rules/broken/syntax_error.textproto:5:36: error: String literals cannot cross line boundaries."
contains "$err" "tests/testdata/rules/broken/semantic_errors.textproto:10:52: error: claim 'undefined_lexicon': undefined lexicon {VIETAM}"
contains "$err" "refrain: 17 errors in rule files"
# A pattern RE2 rejects, one over RE2's memory budget, a lexicon that refers
# to itself: each named with its place.
contains "$err" "tests/testdata/rules/broken/semantic_errors.textproto:9:37: error: claim 'invalid_re2': invalid RE2 pattern: missing ): largest (trading partner"
contains "$err" "tests/testdata/rules/broken/semantic_errors.textproto:13:25: error: claim 'too_large': pattern is too large"
contains "$err" "tests/testdata/rules/broken/semantic_errors.textproto:6:33: error: lexicon {LOOP} refers to itself: {LOOP} -> {LOOP}"

expect 1 rules test tests/testdata/rules/broken/semantic_errors.textproto
contains "$err" "refrain: 14 errors in rule files"

expect 2 rules check no/such/dir
contains "$err" "refrain: no/such/dir: no such file or directory"
expect 2 rules check
contains "$err" "refrain: no rule files given"
expect 2 rules check --max-pattern-memory=lots rules
contains "$err" "--max-pattern-memory wants a positive number of bytes, got 'lots'"
expect 2 rules check --frobnicate rules
contains "$err" "refrain: unknown flag --frobnicate"
expect 2 rules lint rules
contains "$err" "refrain: unknown command 'rules lint'"
expect 2
contains "$err" "usage:"
expect 0 help
contains "$out" "refrain rules check"

# The worked example of docs/rules.md is examples/rules/trade_claims.textproto
# and runs as the docs say.
if ! diff <(awk '/^```textproto$/{f=1;next} /^```$/{if(f){exit}} f' docs/rules.md) \
    examples/rules/trade_claims.textproto; then
  echo "FAIL: docs/rules.md's worked example differs from examples/rules/trade_claims.textproto"
  failures=$((failures + 1))
fi
expect 0 rules test examples/rules/trade_claims.textproto
contains "$out" "ok    largest_trading_partner  5/5 examples"

# The README's embedding example runs as shown.
embed="$PWD/$2"
"$embed" rules "China is Vietnam's top trade partner." >"$out" 2>"$err" ||
  { echo "FAIL: scan_text exited $?"; failures=$((failures + 1)); }
contains "$out" "largest_trading_partner [0, 36) \"China is Vietnam's top trade partner\" noun=trade partner partner=Vietnam rank=top subject=China"

# The pipeline example: articles in, a binpb stream out, in input order on
# any number of threads; refrain reads the stream.
pipeline="$PWD/$3"
for threads in 1 3; do
  "$pipeline" rules "$threads" examples/articles/*.txt > "$TEST_TMPDIR/p$threads.binpb" 2>"$err" ||
    { echo "FAIL: pipeline exited $?"; cat "$err"; failures=$((failures + 1)); }
  contains "$err" "pipeline: wrote 21 mentions"
done
cmp -s "$TEST_TMPDIR/p1.binpb" "$TEST_TMPDIR/p3.binpb" ||
  { echo "FAIL: pipeline output differs between 1 and 3 threads"; failures=$((failures + 1)); }
expect 0 diff --mentions="$TEST_TMPDIR/p3.binpb" --claim=largest_trading_partner
contains "$out" "== largest_trading_partner  (4 mentions, 1 source)"

# A failing example fails `rules test` with its place.
mkdir -p "$TEST_TMPDIR/work"
cat >"$TEST_TMPDIR/work/mine.textproto" <<'RULES'
name: "mine"
claim {
  id: "top"
  pattern: "top partner"
  example { text: "a top partner" }
  example { text: "a leading partner" }
  counterexample { text: "a top partnership" }
}
RULES
# Relative paths resolve against BUILD_WORKING_DIRECTORY, as under `bazel run`.
BUILD_WORKING_DIRECTORY="$TEST_TMPDIR/work" expect 1 rules test mine.textproto
contains "$err" "mine.textproto:6:3: error: claim 'top': example does not match: \"a leading partner\""
contains "$out" "FAIL  top  2/3 examples"
contains "$out" "1 claims, 3 examples, 1 failed"

finish
