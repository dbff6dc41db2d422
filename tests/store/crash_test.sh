#!/usr/bin/env bash
# Kills `refrain ingest` with SIGKILL at random moments, many times, and
# checks after every kill that the store passes SQLite's integrity check and
# that each stored document has exactly the mentions an uninterrupted ingest
# gives it; then resumes to the end and compares the whole store with the
# uninterrupted one.
# Usage: crash_test.sh path/to/refrain [DOCUMENTS] [KILLS]
set -u
refrain="$PWD/$1"
documents="${2:-3000}"
kills="${3:-30}"
work="${TEST_TMPDIR:-$(mktemp -d)}/crash"
rm -rf "$work" && mkdir -p "$work"
rules="$PWD/rules"
fail() { echo "FAIL: $*"; exit 1; }
sqlite() { sqlite3 -cmd ".timeout 5000" "$@"; }

# A few thousand articles: sentences of our own, recombined per document.
sentences=(
  "China is Vietnam's largest trading partner, officials said."
  "Vietnam is China's biggest trade partner within ASEAN."
  "The two sides agreed to properly manage differences at sea."
  "Over 30 cooperation agreements were signed during the visit."
  "Leaders hailed the friendship of comrades and brothers."
  "Rain is expected across the northern provinces this weekend."
  "The central bank left interest rates unchanged on Tuesday."
  "No external force can sow discord between the two parties."
)
awk -v n="$documents" -v count="${#sentences[@]}" -v list="$(printf '%s\t' "${sentences[@]}")" '
  BEGIN {
    split(list, s, "\t")
    for (i = 1; i <= n; i++) {
      text = ""
      for (k = 0; k < 1 + i % 5; k++) text = text s[1 + (i * 7 + k * 3) % count] " "
      printf "{\"id\": \"doc-%05d\", \"source\": \"Outlet %d\", \"date\": \"2025-%02d-%02d\", \"text\": \"%s\"}\n",
             i, i % 4, 1 + i % 12, 1 + i % 28, text
    }
  }' > "$work/feed.jsonl"

ingest() { "$refrain" ingest --db="$1" --rules="$rules" "$work/feed.jsonl" "${@:2}"; }

# The reference: one uninterrupted run, one document per transaction, timed.
# Kills come within a quarter of that time, and the killed runs commit
# batches of 1 to 200 documents, so kills land while the store is created,
# while documents and batches are written, and while known documents are
# re-read, over many resumed runs.
start=$(date +%s%N)
ingest "$work/ref.db" --batch=1 2>/dev/null || fail "reference ingest failed"
run_ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))

# Documents in the store (none while it is still being created).
documents_in() {
  if [ "$(sqlite "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'documents';")" = 1 ]; then
    sqlite "$1" "SELECT count(*) FROM documents;"
  else
    echo 0
  fi
}

# Documents whose mentions differ in number from the reference.
mismatches() {
  [ "$(documents_in "$1")" = 0 ] && { echo 0; return; }
  sqlite "$1" "ATTACH '$work/ref.db' AS ref;
    SELECT count(*) FROM documents d WHERE
      (SELECT count(*) FROM mentions m WHERE m.document = d.id) !=
      (SELECT count(*) FROM ref.mentions rm JOIN ref.documents rd ON rd.id = rm.document
       WHERE rd.doc_id = d.doc_id);"
}

db="$work/crash.db"
stored=()
for ((i = 1; i <= kills; i++)); do
  # refrain itself, not a subshell around it, is what gets killed.
  "$refrain" ingest --db="$db" --rules="$rules" --batch=$((1 + RANDOM % 200)) \
    "$work/feed.jsonl" >/dev/null 2>&1 &
  pid=$!
  ms=$(( RANDOM * RANDOM % (run_ms / 4 + 1) ))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [ -f "$db" ] || continue
  check=$(sqlite "$db" "PRAGMA integrity_check;" 2>&1)
  [ "$check" = "ok" ] || fail "integrity check after kill $i: $check"
  bad=$(mismatches "$db" 2>&1)
  [ "$bad" = "0" ] || fail "after kill $i, $bad documents have the wrong number of mentions"
  stored+=("$(documents_in "$db")")
done
echo "a run takes ${run_ms} ms; documents stored after each kill: ${stored[*]}"

# Resume to the end: every document exactly once, with all its mentions.
ingest "$db" 2>"$work/resume.err" || fail "resumed ingest failed: $(cat "$work/resume.err")"
[ "$(sqlite "$db" "SELECT count(*), count(DISTINCT doc_id) FROM documents;")" = "$documents|$documents" ] ||
  fail "expected $documents distinct documents"
[ "$(mismatches "$db")" = "0" ] || fail "mentions differ from the reference after resuming"
cmp <("$refrain" export --db="$db" 2>/dev/null) <("$refrain" export --db="$work/ref.db" 2>/dev/null) ||
  fail "the resumed store's export differs from the reference"
ingest "$db" 2>"$work/again.err"
grep -q "0 added, 0 replaced, $documents unchanged" "$work/again.err" ||
  fail "a third run was not a no-op: $(tail -1 "$work/again.err")"
partial=0
for n in "${stored[@]}"; do
  [ "$n" -gt 0 ] && [ "$n" -lt "$documents" ] && partial=1
done
[ "$partial" = 1 ] || fail "no kill landed in the middle of an ingest (stored: ${stored[*]})"
echo "crash test passed: $kills kills, $documents documents"
