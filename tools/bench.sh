#!/usr/bin/env bash
# End-to-end benchmark: one table comparing `refrain scan` with the raw
# RE2::Set scan of the same patterns (refrain's ceiling), ripgrep with the
# same patterns, and `cat` (the I/O floor), on generated corpora; then the
# rule-count sweep, threads, memory as the input grows, and store ingest.
# Medians of RUNS runs. Needs ../shared/corpus/seeds (or REFRAIN_SHARED).
#
#   tools/bench.sh                 # 100 MB corpora, 3 runs
#   BENCH_MB=20 RUNS=5 tools/bench.sh
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

# measure LABEL COMMAND...: runs COMMAND $runs times (output to a file,
# then discarded); sets SECONDS_MEDIAN and RSS_MB (of the median run).
measure() {
  local times=() rss=() i
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$dir/time" "${@:2}" > "$dir/out" 2>/dev/null || true
    read -r t m < "$dir/time"
    times+=("$t $m")
  done
  read -r SECONDS_MEDIAN RSS_KB < <(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.0f", k / 1024 }')
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
  measure refrain "$refrain" scan --rules=rules --format=jsonl "$corpus"; ref=$SECONDS_MEDIAN
  row "refrain scan --format=jsonl" "$density" "$ref" "$bytes" "$docs" "$RSS_MB" "$ref"
  measure threads "$refrain" scan --rules=rules --format=jsonl --threads=2 "$corpus"; t2=$SECONDS_MEDIAN
  row "refrain scan --threads=2" "$density" "$t2" "$bytes" "$docs" "$RSS_MB" "$ref"
  # Two independent one-thread scans at once: what two cores of this
  # machine give this work (the ceiling for --threads=2).
  measure pair sh -c "'$refrain' scan --rules=rules --format=jsonl '$corpus' > '$dir/out2' 2>/dev/null &
    '$refrain' scan --rules=rules --format=jsonl '$corpus' 2>/dev/null; wait"
  pair=$SECONDS_MEDIAN
  row "2 one-thread scans at once (sum)" "$density" "$pair" $((2 * bytes)) $((2 * docs)) "$RSS_MB" \
    "$(awk -v r="$ref" 'BEGIN { print 2 * r }')"
  measure set "$bin/tools/bench/re2set_scan" --rules=rules "$corpus"
  row "raw RE2::Set, same patterns" "$density" "$SECONDS_MEDIAN" "$bytes" "$docs" "$RSS_MB" "$ref"
  measure rgjson rg --json -i -f "$dir/patterns.txt" "$corpus"
  row "rg --json -i -f PATTERNS" "$density" "$SECONDS_MEDIAN" "$bytes" "$docs" "$RSS_MB" "$ref"
  measure rgcount rg -c -i -f "$dir/patterns.txt" "$corpus"
  row "rg -c -i -f PATTERNS" "$density" "$SECONDS_MEDIAN" "$bytes" "$docs" "$RSS_MB" "$ref"
  measure cat cat "$corpus"
  row "cat" "$density" "$SECONDS_MEDIAN" "$bytes" "$docs" "$RSS_MB" "$ref"
  measure ingest sh -c "rm -f '$dir/ingest.db'*; '$refrain' ingest --db='$dir/ingest.db' --rules=rules '$corpus'"
  ingest1=$SECONDS_MEDIAN
  row "refrain ingest (new store)" "$density" "$ingest1" "$bytes" "$docs" "$RSS_MB" "$ref"
  measure ingest2 sh -c "rm -f '$dir/ingest.db'*; '$refrain' ingest --db='$dir/ingest.db' --rules=rules --threads=2 '$corpus'"
  ingest2=$SECONDS_MEDIAN
  row "refrain ingest --threads=2" "$density" "$ingest2" "$bytes" "$docs" "$RSS_MB" "$ref"
  summary+=("$(awk -v d="$density" -v r="$ref" -v t="$t2" -v p="$pair" -v i1="$ingest1" -v i2="$ingest2" 'BEGIN {
    printf "%-6s: --threads=2 speedup %.2fx (two cores of this machine: %.2fx); ingest/scan time %.2fx on 1 thread, %.2fx on 2",
      d, r / t, 2 * r / p, i1 / r, i2 / t }')")
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
for n in 10 100 1000; do
  measure sweep1 "$refrain" scan --rules="$dir/rules$n" --format=jsonl "$corpus"; once=$SECONDS_MEDIAN
  measure sweep3 "$refrain" scan --rules="$dir/rules$n" --format=jsonl "$corpus" "$corpus" "$corpus"
  per_byte=$(awk -v a="$once" -v b="$SECONDS_MEDIAN" -v n="$bytes" 'BEGIN { printf "%.6g", (b - a) / (2 * n) }')
  [ "$n" = 10 ] && base=$per_byte
  awk -v n="$n" -v once="$once" -v p="$per_byte" -v b="$bytes" -v base="$base" 'BEGIN {
    printf "| %6d | %8d | %9.2f | %9.1f | %15.2f |\n", n, 2 * n, once - p * b, 1 / p / 1e6, p / base }'
done

echo
echo "memory as the input grows (sparse corpus listed 1 and 10 times)"
echo
echo "| input  | seconds | peak RSS MB |"
echo "|--------|---------|-------------|"
for times in 1 10; do
  inputs=()
  for ((i = 0; i < times; i++)); do inputs+=("$corpus"); done
  measure memory "$refrain" scan --rules=rules --format=jsonl "${inputs[@]}"
  printf "| %4d MB | %7.1f | %11s |\n" $((mb * times)) "$SECONDS_MEDIAN" "$RSS_MB"
done
