#!/usr/bin/env bash
# End-to-end benchmark: one table comparing `refrain scan` with the raw
# RE2::Set scan of the same patterns (refrain's ceiling), ripgrep with the
# same patterns, and `cat` (the I/O floor), on generated corpora; then the
# rule-count sweep, threads, memory as the input grows, and store ingest.
# Medians of RUNS runs. Needs ../shared/corpus/seeds (or REFRAIN_SHARED).
#
#   tools/bench.sh                 # 100 MB corpora, 3 runs
#   BENCH_MB=20 RUNS=5 tools/bench.sh
#   BASELINE=221a618 tools/bench.sh   # also scan with that commit's binary
#                                     # and rules, in the same rounds
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/setup.sh --bench
shared="${REFRAIN_SHARED:-../shared}"
mb="${BENCH_MB:-100}"
runs="${RUNS:-3}"
dir="${BENCH_DIR:-/tmp/refrain-bench}"
mkdir -p "$dir"

bazel build -c opt --ui_event_filters=-info,-stderr --noshow_progress \
  //:refrain //tools/bench:corpus_gen //tools/bench:rules_gen //tools/bench:re2set_scan
bin=bazel-bin
refrain="$bin/engine/cli/refrain"

# BASELINE=REV: that commit's refrain and shipped rules, built from a copy of
# its tree (git archive), to compare scan throughput in the same run.
baseline="${BASELINE:-}"
if [ -n "$baseline" ]; then
  src="$dir/baseline-src"
  rm -rf "$src" && mkdir -p "$src"
  git archive "$baseline" | tar -x -C "$src"
  (cd "$src" && bazel build -c opt --ui_event_filters=-info,-stderr --noshow_progress //:refrain)
  cp "$src/bazel-bin/engine/cli/refrain" "$dir/refrain-baseline"
  rm -rf "$dir/rules-baseline" && cp -r "$src/rules" "$dir/rules-baseline"
fi

for density in sparse dense; do
  corpus="$dir/$density-$mb.jsonl"
  [ -s "$corpus" ] || "$bin/tools/bench/corpus_gen" --seeds="$shared/corpus/seeds" \
    --megabytes="$mb" --density="$density" --seed=1 --out="$corpus"
done
for n in 10 100 1000; do
  mkdir -p "$dir/rules$n"
  "$bin/tools/bench/rules_gen" --claims="$n" > "$dir/rules$n/generated.textproto"
done
"$bin/tools/bench/re2set_scan" --rules=rules --print-patterns > "$dir/patterns.txt"

# Cases to compare are run round-robin ($runs rounds of every case, not
# $runs runs of one case then the next), so that the machine's swings fall
# on all of them alike and the ratios between them stay fair.
# case_add NAME LABEL COPIES COMMAND: COPIES is how many times the shell
# COMMAND reads the corpus (2 for two scans at once). run_cases runs the
# cases added since the last `names=()...` reset.
declare -A results
case_add() {
  names+=("$1"); labels+=("$2"); copies+=("$3"); commands+=("$4")
}
# scan_cases SUFFIX FILE COPIES: the cases that the main table and the large
# input both compare, over FILE (COPIES copies of a corpus), named with
# SUFFIX: refrain on one and two threads, two one-thread scans at once (what
# two cores of this machine give this work: the ceiling for --threads=2),
# the raw set and rg --json.
scan_cases() {
  local scan="'$refrain' scan --rules=rules --format=jsonl"
  case_add "scan$1" "refrain scan --format=jsonl" "$3" "$scan '$2'"
  case_add "threads$1" "refrain scan --threads=2" "$3" "$scan --threads=2 '$2'"
  case_add "pair$1" "2 one-thread scans at once (sum)" $((2 * $3)) \
    "$scan '$2' > '$dir/out2' 2>/dev/null & $scan '$2'; wait"
  case_add "set$1" "raw RE2::Set, same patterns" "$3" "'$bin/tools/bench/re2set_scan' --rules=rules '$2'"
  case_add "rgjson$1" "rg --json -i -f PATTERNS" "$3" "rg --json -i -f '$dir/patterns.txt' '$2'"
}
run_cases() {
  local i k t m
  for k in "${!names[@]}"; do results[${names[k]}]=""; done
  for ((i = 0; i < runs; i++)); do
    for k in "${!names[@]}"; do
      /usr/bin/time -f "%e %M" -o "$dir/time" sh -c "${commands[k]}" > "$dir/out" 2>/dev/null || true
      read -r t m < "$dir/time"
      results[${names[k]}]+="$t $m"$'\n'
    done
  done
}
# median NAME: sets SECONDS_MEDIAN and RSS_MB (of the median run) of a case.
median() {
  read -r SECONDS_MEDIAN RSS_KB < <(printf '%s' "${results[$1]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.0f", k / 1024 }')
}

# best NAME: sets SECONDS_BEST, the fastest run of a case (on a shared
# machine the least disturbed one; medians swing with the neighbours).
best() {
  SECONDS_BEST=$(printf '%s' "${results[$1]}" | sort -n | head -1 | cut -d' ' -f1)
}

row() {  # row CASE CORPUS SECONDS BYTES DOCS RSS_MB REFERENCE_SECONDS
  awk -v c="$1" -v corpus="$2" -v s="$3" -v b="$4" -v d="$5" -v rss="$6" -v ref="$7" 'BEGIN {
    printf "| %-34s | %-7s | %8.1f | %9.0f | %6s | %7.2f |\n", c, corpus, b / 1e6 / s, d / s, rss, ref / s }'
}

echo
echo "refrain benchmark: ${mb} MB corpora, median of $runs runs, $(nproc) cores ($(date -u +%F))"
echo
echo "| case                               | corpus  |     MB/s |    docs/s | RSS MB | refrain/x |"
echo "|------------------------------------|---------|----------|-----------|--------|-----------|"
summary=()
for density in sparse dense; do
  corpus="$dir/$density-$mb.jsonl"
  bytes=$(stat -c %s "$corpus")
  docs=$(wc -l < "$corpus")
  names=(); labels=(); copies=(); commands=()
  ingest="rm -f '$dir/ingest.db'*; '$refrain' ingest --db='$dir/ingest.db' --rules=rules"
  scan_cases "" "$corpus" 1
  case_add rgcount "rg -c -i -f PATTERNS" 1 "rg -c -i -f '$dir/patterns.txt' '$corpus'"
  case_add cat "cat" 1 "cat '$corpus'"
  case_add ingest "refrain ingest (new store)" 1 "$ingest '$corpus'"
  case_add ingest2 "refrain ingest --threads=2" 1 "$ingest --threads=2 '$corpus'"
  [ -z "$baseline" ] || case_add base "refrain scan at $baseline" 1 \
    "'$dir/refrain-baseline' scan --rules='$dir/rules-baseline' --format=jsonl '$corpus'"
  run_cases
  median scan; ref=$SECONDS_MEDIAN
  for k in "${!names[@]}"; do
    median "${names[k]}"
    n=${copies[k]}
    row "${labels[k]}" "$density" "$SECONDS_MEDIAN" $((n * bytes)) $((n * docs)) "$RSS_MB" \
      "$(awk -v r="$ref" -v n="$n" 'BEGIN { print n * r }')"
  done
  median threads; t2=$SECONDS_MEDIAN
  median pair; pair=$SECONDS_MEDIAN
  median ingest; ingest1=$SECONDS_MEDIAN
  median ingest2; ingest2=$SECONDS_MEDIAN
  summary+=("$(awk -v d="$density" -v r="$ref" -v t="$t2" -v p="$pair" -v i1="$ingest1" -v i2="$ingest2" 'BEGIN {
    printf "%-6s: --threads=2 speedup %.2fx (two cores of this machine: %.2fx); ingest/scan time %.2fx on 1 thread, %.2fx on 2",
      d, r / t, 2 * r / p, i1 / r, i2 / t }')")
  if [ -n "$baseline" ]; then
    median base
    best scan; best_scan=$SECONDS_BEST
    best base
    summary+=("$(awk -v d="$density" -v r="$ref" -v b="$SECONDS_MEDIAN" -v rev="$baseline" \
      -v rb="$best_scan" -v bb="$SECONDS_BEST" 'BEGIN {
      printf "%-6s: scan throughput %.1f%% of %s'"'"'s (medians %.2f s vs %.2f s; fastest runs %.1f%%, %.2f s vs %.2f s)",
        d, 100 * b / r, rev, r, b, 100 * bb / rb, rb, bb }')")
  fi
done
echo
printf '%s\n' "${summary[@]}"

echo
echo "rule-count sweep (sparse corpus): compile time, and the cost per byte of the"
echo "scan alone (from the corpus scanned once and three times), relative to 10 claims"
echo
echo "| claims | patterns | compile s | scan MB/s | cost/byte vs 10 |"
echo "|--------|----------|-----------|-----------|-----------------|"
corpus="$dir/sparse-$mb.jsonl"
bytes=$(stat -c %s "$corpus")
names=(); labels=(); copies=(); commands=()
for n in 10 100 1000; do
  scan="'$refrain' scan --rules='$dir/rules$n' --format=jsonl"
  case_add "once$n" "" 1 "$scan '$corpus'"
  case_add "thrice$n" "" 3 "$scan '$corpus' '$corpus' '$corpus'"
done
run_cases
for n in 10 100 1000; do
  median "once$n"; once=$SECONDS_MEDIAN
  median "thrice$n"
  per_byte=$(awk -v a="$once" -v b="$SECONDS_MEDIAN" -v n="$bytes" 'BEGIN { printf "%.6g", (b - a) / (2 * n) }')
  [ "$n" = 10 ] && base=$per_byte
  awk -v n="$n" -v once="$once" -v p="$per_byte" -v b="$bytes" -v base="$base" 'BEGIN {
    printf "| %6d | %8d | %9.2f | %9.1f | %15.2f |\n", n, 2 * n, once - p * b, 1 / p / 1e6, p / base }'
done

echo
echo "memory as the input grows (the sparse corpus, and ten copies of it in one"
echo "file); threads, the raw set and rg over the larger input, where start-up (rule"
echo "compilation, on one thread) is a small part of the run"
echo
echo "| input   | case                             | seconds | peak RSS MB |"
echo "|---------|----------------------------------|---------|-------------|"
large="$dir/sparse-$((mb * 10)).jsonl"
[ -s "$large" ] || for ((i = 0; i < 10; i++)); do cat "$corpus"; done > "$large"
names=(); labels=(); copies=(); commands=()
case_add memory1 "refrain scan --format=jsonl" 1 "'$refrain' scan --rules=rules --format=jsonl '$corpus'"
scan_cases 10 "$large" 10
run_cases
for k in "${!names[@]}"; do
  median "${names[k]}"
  printf "| %4d MB | %-32s | %7.1f | %11s |\n" $((mb * ${copies[k]})) "${labels[k]}" \
    "$SECONDS_MEDIAN" "$RSS_MB"
done
median scan10; one=$SECONDS_MEDIAN
median threads10; two=$SECONDS_MEDIAN
median pair10; pair=$SECONDS_MEDIAN
median set10; set=$SECONDS_MEDIAN
median rgjson10; rgjson=$SECONDS_MEDIAN
echo
awk -v m=$((mb * 10)) -v a="$one" -v b="$two" -v p="$pair" -v s="$set" -v r="$rgjson" 'BEGIN {
  printf "%d MB sparse: --threads=2 speedup %.2fx (two cores of this machine: %.2fx); scan %.2fx the raw set, %.2fx rg --json\n",
    m, a / b, 2 * a / p, s / a, r / a }'
