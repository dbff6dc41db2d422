#!/usr/bin/env bash
# refrain suggest through the real binary: near misses of invented articles
# (tests/testdata/suggest) as text and JSON Lines, grouping, counts per
# source, ranking, anchors highlighted, usage errors; and, when ../shared
# is there (REFRAIN_SHARED), that suggest lists on the dev corpus exactly
# the near misses refrain eval counts.
# Usage (from Bazel): suggest_cli_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
data=tests/testdata/suggest
rules="$data/rules.textproto"

expect 0 suggest --rules="$rules" "$data/articles"
contains "$out" "== top_partner  (4 near-miss sentences, 3 phrasings)"
# Three anchors rank first; then the phrasing two sources share.
contains "$out" "  1. \"biggest trading partner within asean\""
contains "$out" "     1 sentence, 3 anchors; by source: Harbour Ledger 1"
contains "$out" "       Sylvania ranks as Freedonia's [[biggest]] [[trading partner]] within [[ASEAN]]."
contains "$out" "  2. \"largest trading partner\""
contains "$out" "     2 sentences, 2 anchors; by source: Harbour Ledger 1; Lotus Wire 1"
contains "$out" "     - $data/articles/two.txt (Lotus Wire, 2025-04-02)"
contains "$out" "       In 2019 the [[Largest]] [[trading partner]] of the duchy was Freedonia."
contains "$out" "  3. \"top trade partner\""
# A hit is no near miss, and one anchor alone is not enough.
grep -q "officials said" "$out" && fail "a sentence with a hit was listed"
grep -q "crowd" "$out" && fail "a sentence with one anchor was listed"
contains "$err" "refrain: note: claim 'no_anchors' has no anchors; near-miss discovery skips it"
contains "$err" "refrain: 2 documents read, 0 skipped; 4 near-miss sentences of 1 claims, 3 phrasings"

# With one anchor enough, the crowd sentence is listed too.
expect 0 suggest --rules="$rules" --min-anchors=1 "$data/articles"
contains "$out" "The [[largest]] crowd in years gathered at the port."

# JSON Lines: one NearMissGroup per line, anchors with document offsets.
expect 0 suggest --rules="$rules" --format=jsonl "$data/articles"
lines "$out" 3
python3 - "$out" "$data/articles/one.txt" <<'PY' || fail "suggest --format=jsonl is not the expected NearMissGroup records"
import json, sys
groups = [json.loads(line) for line in open(sys.argv[1])]
assert [g["rank"] for g in groups] == [1, 2, 3], groups
g = groups[0]
assert g["claim_id"] == "top_partner" and g["distinct_anchors"] == 3, g
assert g["source"] == [{"source": "Harbour Ledger", "sentences": 1}], g["source"]
n = g["near_miss"][0]
text = open(sys.argv[2], encoding="utf-8").read().split("---\n", 2)[2]
sentence = "Sylvania ranks as Freedonia's biggest trading partner within ASEAN."
assert n["sentence"] == sentence and n["sentence_begin"] == text.index(sentence), n
assert [(a["index"], a["text"]) for a in n["anchor"]] == [
    (0, "biggest"), (1, "trading partner"), (2, "ASEAN")], n["anchor"]
for a in n["anchor"]:
    assert text.encode()[a["begin"]:a["end"]].decode() == a["text"], a
assert groups[1]["phrasing"] == "largest trading partner"
assert [s["source"] for s in groups[1]["source"]] == ["Harbour Ledger", "Lotus Wire"]
PY

# --claim keeps one claim; --out writes a file.
expect 0 suggest --rules="$rules" --claim=top_partner --out="$TEST_TMPDIR/nm.txt" "$data/articles"
contains "$TEST_TMPDIR/nm.txt" "== top_partner"
lines "$out" 0

# Untrusted text is escaped on the terminal.
printf 'Freedonia, \033[2J the top trading partner.\n' > "$TEST_TMPDIR/esc.txt"
expect 0 suggest --rules="$rules" "$TEST_TMPDIR/esc.txt"
contains "$out" 'Freedonia, \x1b[2J the [[top]] [[trading partner]].'

# Usage errors (exit 2) and bad input (exit 1).
expect 2 suggest --rules="$rules" --format=csv "$data/articles"
contains "$err" "refrain: --format: choose text or jsonl, got 'csv'"
expect 2 suggest --rules="$rules" --min-anchors=0 "$data/articles"
contains "$err" "refrain: --min-anchors wants a number from 1 to 1000, got '0'"
expect 2 suggest --rules="$rules" --claim=nope "$data/articles"
contains "$err" "refrain: --claim: no claim 'nope' in the rules"
expect 2 suggest --rules="$rules"
contains "$err" "refrain: suggest needs at least one INPUT"
expect 2 suggest "$data/articles"
contains "$err" "refrain: suggest needs --rules=PATH"
expect 2 suggest --rules="$rules" --bogus "$data/articles"
contains "$err" "refrain: unknown flag --bogus"
printf 'name: "x"\nclaim { id: "c" pattern: "a b" anchor: "{NOPE}" }\n' > "$TEST_TMPDIR/bad.textproto"
expect 1 suggest --rules="$TEST_TMPDIR/bad.textproto" "$data/articles"
contains "$err" "bad.textproto:2:41: error: claim 'c': undefined lexicon {NOPE}"
: > "$TEST_TMPDIR/empty.txt"
expect 1 suggest --rules="$rules" "$data/articles" "$TEST_TMPDIR/empty.txt"
contains "$err" "refrain: skipped: $TEST_TMPDIR/empty.txt"

# The dev corpus: suggest lists exactly the near misses eval counts.
if [ -n "${REFRAIN_SHARED:-}" ]; then
  dev="$REFRAIN_SHARED/corpus/dev"
  expect 0 suggest --rules=rules --format=jsonl "$dev/articles"
  listed=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["near_miss"]) for l in open(sys.argv[1])))' "$out")
  expect 0 eval --rules=rules --gold="$dev/gold.tsv" "$dev/articles"
  contains "$out" "; $listed near-miss sentences listed"
else
  not_tested "near-miss discovery on the dev corpus (REFRAIN_SHARED is not set)"
fi
finish
