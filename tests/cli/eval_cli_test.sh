#!/usr/bin/env bash
# refrain eval through the real binary: scores, misses, trap hits and
# unannotated mentions on invented articles (tests/testdata/eval), the
# exit codes of --min-recall and --max-trap-hits, every kind of bad gold row
# by file:line, and, when ../shared is there (REFRAIN_SHARED), the shipped
# rules on the annotated dev corpus, guarded at today's recall; and whether
# near-miss discovery surfaces each miss, with its targets on the dev corpus.
# Usage (from Bazel): eval_cli_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
data=tests/testdata/eval
gold="$data/gold.tsv"

expect 0 eval --rules=rules --gold="$gold" "$data/articles"
contains "$out" "all                             2/3     0.67     1/1        1"
contains "$out" "  b.txt:6  no_external_discord  \"no outsider would ever be allowed to pry them apart\""
contains "$out" "      in: Both sides vowed that no outsider would ever be allowed to pry them apart."
contains "$out" "  a.txt:8  comrades_and_brothers (pattern 0)  \"Comrades and\\nbrothers\""
contains "$out" "  b.txt:8  largest_trading_partner (pattern 0)  \"Vietnam is China's biggest trading partner in ASEAN\""
# Near-miss discovery: the miss's sentence holds two anchors of its claim
# (an outsider, prying apart), so it is surfaced; the trade figure of b.txt
# is the other near miss listed. Needing three anchors (the trade figure's
# claim has two, and needs both), the miss is not surfaced.
contains "$out" "all                             2/3     0.67     1/1        1           1/1         2"
contains "$out" "near misses: surfaced 1 of 1 misses; 2 near-miss sentences listed (2.0 per miss)"
contains "$out" "      near miss: surfaced"
expect 0 eval --rules=rules --gold="$gold" --min-anchors=3 "$data/articles"
contains "$out" "near misses: surfaced 0 of 1 misses; 1 near-miss sentences listed (1.0 per miss)"
contains "$out" "      near miss: not surfaced"
expect 2 eval --rules=rules --gold="$gold" --min-anchors=two "$data/articles"
contains "$err" "refrain: --min-anchors wants a number from 1 to 1000, got 'two'"

# The same report as JSON (an EvalReport message).
expect 0 eval --rules=rules --gold="$gold" --format=json "$data/articles"
python3 - "$out" <<'PY' || fail "eval --format=json is not the expected EvalReport"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["overall"]["found"] == 2 and r["overall"]["total"] == 3, r["overall"]
assert r["overall"]["trap_hits"] == 1 and r["overall"]["unannotated"] == 1
assert [m["claim_id"] for m in r["miss"]] == ["no_external_discord"]
assert r["miss"][0]["place"] == {"file": "b.txt", "line": 6, "sentence":
    "Both sides vowed that no outsider would ever be allowed to pry them apart."}, r["miss"]
assert r["miss"][0]["surfaced"] is True, r["miss"]
assert r["overall"]["surfaced"] == 1 and r["overall"]["near_misses"] == 2, r["overall"]
scores = {s["claim_id"]: s for s in r["claim"]}
assert scores["no_external_discord"]["surfaced"] == 1, scores
assert scores["bilateral_trade_figure"]["near_misses"] == 1, scores
PY

# Thresholds, for CI to guard a rule edit.
expect 1 eval --rules=rules --gold="$gold" --min-recall=0.7 "$data/articles"
contains "$err" "refrain: recall 0.667 (2 of 3) is below --min-recall=0.7"
expect 1 eval --rules=rules --gold="$gold" --max-trap-hits=0 "$data/articles"
contains "$err" "refrain: 1 traps reported as claims, more than --max-trap-hits=0"
expect 0 eval --rules=rules --gold="$gold" --min-recall=0.6 --max-trap-hits=1 "$data/articles"
expect 2 eval --rules=rules --gold="$gold" --min-recall=lots "$data/articles"
contains "$err" "refrain: --min-recall wants a number from 0 to 1, got 'lots'"
# Flags of scan that eval has no use for are refused, not ignored.
expect 2 eval --rules=rules --gold="$gold" --threads=2 "$data/articles"
contains "$err" "unknown flag --threads"
expect 2 eval --rules=rules --gold="$gold" --strict "$data/articles"
contains "$err" "unknown flag --strict"
expect 2 eval --rules=rules --gold="$gold"
contains "$err" "refrain: eval needs --gold=FILE and the annotated articles (INPUT...)"

# Bad gold rows: each an error naming the gold file and line.
bad="$TEST_TMPDIR/bad.tsv"
bad_row() {  # bad_row ROW MESSAGE
  { head -2 "$gold"; printf '%s\n' "$1"; } > "$bad"
  expect 1 eval --rules=rules --gold="$bad" "$data/articles"
  contains "$err" "refrain: $bad:3: $2"
}
bad_row $'a.txt\tno_such_claim\tyes\tChina' "no claim 'no_such_claim' in the rules"
bad_row $'c.txt\tanniversary_75\tyes\tChina' "'c.txt' is not one of the articles read (or names more than one)"
bad_row $'a.txt\tanniversary_75\tyes\tnot in the article' "the fragment is not in a.txt: 'not in the article'"
bad_row $'a.txt\tanniversary_75\tmaybe\tChina' "kind must be yes or trap, got 'maybe'"
bad_row $'a.txt\tanniversary_75 China' "want 4 tab-separated fields (file, claim_id, kind, fragment), got 2"
expect 1 eval --rules=rules --gold="$TEST_TMPDIR/none.tsv" "$data/articles"
contains "$err" "none.tsv"

# The shipped rules on the project's own annotated corpus, in every clone
# (tests/testdata/corpus/README.md says what its two misses and two trap
# hits are). A rule edit that changes these figures says why.
corpus=tests/testdata/corpus
expect 0 eval --rules=rules --gold="$corpus/gold.tsv" --min-recall=0.90 \
  --max-trap-hits=2 "$corpus"
contains "$out" "all                            22/24    0.92     2/10       0"

# The shipped rules on the annotated dev corpus: recall may not fall below
# 0.90 (issue 14's bar), nor trap hits rise above 3.
if [ -n "${REFRAIN_SHARED:-}" ]; then
  expect 0 eval --rules=rules --gold="$REFRAIN_SHARED/corpus/dev/gold.tsv" \
    --min-recall=0.90 --max-trap-hits=3 "$REFRAIN_SHARED/corpus/dev/articles"
  contains "$out" "all                           112/117   0.96     3/79       2"
  # Near-miss discovery (issue 14): on the misses of the rules as they were
  # before the rewrite (2026.12.2, with today's anchors; 41 misses) it
  # surfaces at least 80% and lists fewer than 5 sentences per miss.
  expect 0 eval --rules="$data/baseline_rules" \
    --gold="$REFRAIN_SHARED/corpus/dev/gold.tsv" --format=json \
    "$REFRAIN_SHARED/corpus/dev/articles"
  python3 - "$out" <<'PY' || fail "near-miss discovery misses its targets on the dev corpus"
import json, sys
o = json.load(open(sys.argv[1]))["overall"]
misses = o["total"] - o["found"]
print(f"dev corpus: surfaced {o['surfaced']} of {misses} misses; "
      f"{o['near_misses']} near-miss sentences listed")
assert misses > 0 and o["surfaced"] >= 0.8 * misses, o
assert o["near_misses"] < 5 * misses, o
PY
else
  not_tested "the shipped rules on the dev corpus (REFRAIN_SHARED is not set)"
fi
finish
