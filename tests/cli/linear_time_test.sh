#!/usr/bin/env bash
# Work grows linearly with the input: each adversarial article below is
# scanned at size n and 4n with the shipped rules, and the instructions the
# scan executes (counted by valgrind's callgrind, from reading the input to
# writing the records; start-up and rule compilation excluded) may grow at
# most 4.5 times. Instruction counts do not depend on the machine's load,
# so this is not a timing test. The shapes are the family of inputs that
# made a stage quadratic or worse:
# - a match that starts inside a very long word (the word-boundary search
#   restarted one character later: 156 s for one 65,000-digit word);
# - a match that ends inside a word after many words (the cut back to a
#   word boundary tried every boundary);
# - a sentence without spaces or stops (pieces were cut by searching back
#   to the start of the text for a space);
# - one sentence of nothing but the same claim (mentions, each with the
#   whole sentence, grew with the square of the sentence);
# - runs of stops, abbreviations and line breaks (the sentence splitter);
# - runs of combining marks and diacritics, folded, and a run of
#   characters that compose with each other (the normaliser).
# Usage (from Bazel): linear_time_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
if ! command -v valgrind >/dev/null; then
  echo "FAIL: valgrind is missing (tools/setup.sh installs it)" >&2
  exit 1
fi
dir="$TEST_TMPDIR/linear"
mkdir -p "$dir"

# Writes the article of shape $1 with about $2 bytes to stdout.
shape() {
  python3 - "$1" "$2" <<'EOF'
import sys
shape, n = sys.argv[1], int(sys.argv[2])
def rep(s):
    return s * (n // len(s) + 1)
text = {
    "long-word-start": "x" + "1" * n + " agreements were signed.",
    "long-match-end": "properly manage " + rep("the ") + "differencesx and maritime issues.",
    "no-spaces": "China " + "a" * n + " China is Vietnam's largest trading partner.",
    "same-claim": rep("China is Vietnam's largest trading partner, ") + ".",
    "stops": rep("Mr. A. U.S. No. 1... ?! ") + rep("a.b.c.d "),
    "lines": rep("China and\nvietnam, the\n\n"),
    "marks": "Vi" + "\u0301\u0316" * (n // 4) + "t Nam " + rep("\u1ec7\u0300 "),
    "composing-run": "China " + "\u0b47" + "\u0b3e" * (n // 3) + " China is Vietnam's largest trading partner.",
    # Patterns with gaps ({then N}, {near N}): a hit every few words, and
    # words joined by no-break spaces, which gaps count as spaces.
    "gap-hits": rep("China and Vietnam have disputes at sea, and trade rose 5% to $9 billion; "),
    "gap-spaces": rep("disputes\u00a0over\u2009the\u00a0") + " East Sea.",
}[shape]
sys.stdout.write(text + "\n")
EOF
}

# Instructions executed by one scan of $1 in pieces of at most $2 bytes;
# empty (a failure) when refrain did not scan it.
instructions() {
  local log="$dir/callgrind.log"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='refrain::ScanRun::Run*' \
    "$refrain" scan --rules=rules --fold-diacritics --max-sentence-bytes="$2" \
    --out=/dev/null "$1" >"$log" 2>&1
  local code=$?
  if [ "$code" -gt 1 ] || ! grep -q "1 documents scanned, 0 skipped" "$log"; then
    echo "refrain exited $code on $1:" >&2; tail -5 "$log" >&2
    return
  fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log"
}

# Long sentences are cut into pieces of 4 KiB here (256 bytes, the least,
# for the sentence without spaces), so that n spans many of them.
n=40000
for s in ${SHAPES:-long-word-start long-match-end no-spaces same-claim stops lines marks composing-run gap-hits gap-spaces}; do
  shape "$s" "$n" > "$dir/$s-1.txt"
  shape "$s" "$((4 * n))" > "$dir/$s-4.txt"
  piece=4096
  [ "$s" = no-spaces ] && piece=256
  small=$(instructions "$dir/$s-1.txt" "$piece")
  large=$(instructions "$dir/$s-4.txt" "$piece")
  # Any scan of 40 KB executes millions of instructions: fewer means the
  # count missed the scan (a renamed ScanRun::Run, say).
  if [ "${small:-0}" -lt 1000000 ] || [ "${large:-0}" -lt 1000000 ]; then
    fail "$s: callgrind counted '${small}' and '${large}' instructions"
    continue
  fi
  ratio=$(awk -v a="$small" -v b="$large" 'BEGIN { printf "%.2f", b / a }')
  echo "$s: $small -> $large instructions (x$ratio for 4x the input)"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 4.5) }' ||
    fail "$s: work grew $ratio times for 4 times the input (at most 4.5)"
done
finish
