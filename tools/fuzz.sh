#!/usr/bin/env bash
# Runs one fuzz target with libFuzzer for a while, from its seed corpus.
#
#   tools/fuzz.sh TARGET [SECONDS]      e.g. tools/fuzz.sh jsonl_fuzzer 600
#   tools/fuzz.sh all [SECONDS]         every target, one after the other
#
# Targets: rule_file_fuzzer, text_document_fuzzer, jsonl_fuzzer,
# text_handling_fuzzer, mention_stream_fuzzer (tests/fuzzing/). The growing
# corpus is kept in fuzz/corpus/TARGET, crashes in fuzz/artifacts/ (both
# ignored by git); a crash is fixed with a regression input added to the
# target's seed corpus. Builds with clang, ASan and UBSan (--config=fuzz) in
# a separate Bazel output base.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/setup.sh --fuzz
target="${1:?usage: tools/fuzz.sh TARGET|all [SECONDS]}"
seconds="${2:-60}"
shared="${REFRAIN_SHARED:-../shared}"
targets=(rule_file_fuzzer text_document_fuzzer jsonl_fuzzer text_handling_fuzzer
         mention_stream_fuzzer)
[ "$target" = all ] || targets=("$target")

output_base="${HOME}/.cache/refrain-fuzz-output"
# --symlink_prefix keeps this build's bazel-* links inside fuzz/ (which
# .bazelignore hides), away from the ordinary build's.
bazel --output_base="$output_base" build --config=fuzz -c opt --symlink_prefix=fuzz/bazel- \
  --ui_event_filters=-info,-stderr --noshow_progress \
  $(printf ' //tests/fuzzing:%s' "${targets[@]}")
bin="$(bazel --output_base="$output_base" info --config=fuzz -c opt bazel-bin 2>/dev/null)"

seeds_of() {
  case "$1" in
    rule_file_fuzzer) echo rules examples/rules tests/testdata/rules/broken ;;
    text_document_fuzzer|text_handling_fuzzer)
      echo examples/articles tests/fuzzing/corpus/text; [ -d "$shared/corpus/seeds" ] && echo "$shared/corpus/seeds" ;;
    jsonl_fuzzer) echo tests/fuzzing/corpus/jsonl ;;
    mention_stream_fuzzer) echo tests/fuzzing/corpus/mentions tests/testdata/golden ;;
  esac
}

mkdir -p fuzz/artifacts
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== $t: ${seconds} s"
  # shellcheck disable=SC2046
  "$bin/tests/fuzzing/$t" "fuzz/corpus/$t" $(seeds_of "$t") \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
    -artifact_prefix="fuzz/artifacts/$t-" -print_final_stats=1 2>&1 |
    grep -E "^(#[0-9]+.*(DONE|pulse)|stat::|==[0-9]+==|SUMMARY|.*FUZZ_CHECK|Done)" | tail -12
done
