#!/usr/bin/env bash
# Hostile input through the real binary (issue 15): inputs that never end,
# outputs that are inputs, empty rule lists, unreadable subdirectories,
# flags checked before anything is created, and the messages for rule files
# that end early, empty inputs and limits below their minimum. Each check
# failed before its fix.
# Usage (from Bazel): hostile_input_test.sh path/to/refrain
set -u
case "$1" in /*) refrain="$1" ;; *) refrain="$PWD/$1" ;; esac
source tests/cli/testlib.sh
expect_seconds=20  # before the fixes, some of these read forever
t="$TEST_TMPDIR/hostile"
rm -rf "$t"; mkdir -p "$t"
good='{"id":"g1","source":"Lotus Wire","text":"China is Vietnam'"'"'s largest trading partner."}'
printf '%s\n' "$good" > "$t/in.jsonl"
cp "$t/in.jsonl" "$t/keep.jsonl"

# same FILE1 FILE2: checks that both files hold the same bytes.
same() {
  cmp -s "$1" "$2" || { echo "FAIL: $1 changed"; failures=$((failures + 1)); }
}
# absent FILE: checks that FILE was not created.
absent() {
  [ ! -e "$1" ] || { echo "FAIL: $1 was created"; failures=$((failures + 1)); }
}

# 1. Inputs that never end are refused, or read only up to their limit.
expect 1 scan --rules=rules /dev/zero "$t/in.jsonl"
contains "$err" "refrain: skipped: /dev/zero: not a regular file (a character device)"
contains "$err" "refrain: 1 documents scanned, 1 skipped, 1 mentions"
timeout 20 "$refrain" scan --rules=rules - < /dev/zero >"$out" 2>"$err"
contains "$err" "refrain: skipped: stdin: not a regular file (a character device)"
expect 2 rules check /dev/zero
contains "$err" "refrain: /dev/zero: not a regular file (a character device)"
expect 1 import --db="$t/i.db" /dev/zero
contains "$err" "refrain: /dev/zero: not a regular file (a character device)"
expect 2 diff --mentions=/dev/zero
contains "$err" "refrain: /dev/zero: not a regular file (a character device)"
# Endless pipes stop at the limit: an article, a rule file.
mkfifo "$t/endless.txt" "$t/endless.textproto"
{ yes 'lorem ipsum' > "$t/endless.txt" & } 2>/dev/null
expect 1 scan --rules=rules --max-document-bytes=100000 "$t/endless.txt"
contains "$err" "refrain: skipped: $t/endless.txt: article of more than 100000 bytes exceeds the limit of 100000 bytes (--max-document-bytes)"
{ yes '# comment' > "$t/endless.textproto" & } 2>/dev/null
expect 2 rules check "$t/endless.textproto"
contains "$err" "refrain: $t/endless.textproto: rule file of more than 16777216 bytes exceeds the limit of 16777216 bytes"
# A JSON line over the limit is skipped as it is read; the next is scanned.
{ printf '{"text":"%s"}\n' "$(head -c 5000 /dev/zero | tr '\0' a)"; printf '%s\n' "$good"; } > "$t/long.jsonl"
expect 1 scan --rules=rules --max-document-bytes=1000 "$t/long.jsonl"
contains "$err" "refrain: skipped: $t/long.jsonl:1: line exceeds the limit of 1000 bytes (--max-document-bytes)"
contains "$err" "refrain: 1 documents scanned, 1 skipped, 1 mentions"
# ...reported in input order on any number of threads.
{ printf 'not json\n'; cat "$t/long.jsonl"; } > "$t/order.jsonl"
expect 1 scan --rules=rules --threads=3 --max-document-bytes=1000 "$t/order.jsonl"
if ! grep skipped "$err" | head -1 | grep -qF "$t/order.jsonl:1: not a JSON object"; then
  echo "FAIL: messages out of input order:"; cat "$err"; failures=$((failures + 1))
fi
# A mention stream's line is limited too (256 MiB): an endless line from a
# pipe ends with an error, in memory of about that size.
mkfifo "$t/endless-mentions.jsonl"
{ head -c 300000000 /dev/zero | tr '\0' ' ' > "$t/endless-mentions.jsonl" & } 2>/dev/null
expect 1 diff --mentions="$t/endless-mentions.jsonl"
contains "$err" "refrain: $t/endless-mentions.jsonl:1: line exceeds the limit of 268435456 bytes"
{ head -c 300000000 /dev/zero | tr '\0' ' '; } | "$refrain" import --db="$t/i2.db" - >"$out" 2>"$err"
contains "$err" "refrain: stdin:1: line exceeds the limit of 268435456 bytes"
# An output inside an input directory would be read back as input.
mkdir -p "$t/dir"; cp "$t/in.jsonl" "$t/dir/a.jsonl"
expect 2 scan --rules=rules --out="$t/dir/out.jsonl" "$t/dir"
contains "$err" "refrain: the output $t/dir/out.jsonl lies inside the input directory $t/dir, where it would be read as input"
absent "$t/dir/out.jsonl"

# 2. An output that is an input is refused, through links too.
expect 2 scan --rules=rules --out="$t/in.jsonl" "$t/in.jsonl"
contains "$err" "refrain: the output $t/in.jsonl is the input $t/in.jsonl; refusing to overwrite it"
same "$t/in.jsonl" "$t/keep.jsonl"
ln -s in.jsonl "$t/symlink.jsonl"; ln "$t/in.jsonl" "$t/hardlink.jsonl"
expect 2 scan --rules=rules --out="$t/symlink.jsonl" "$t/in.jsonl"
contains "$err" "is the input $t/in.jsonl"
expect 2 scan --rules=rules --out="$t/hardlink.jsonl" "$t/in.jsonl"
contains "$err" "refrain: the output $t/hardlink.jsonl is the input $t/in.jsonl"
same "$t/in.jsonl" "$t/keep.jsonl"
expect 0 scan --rules=rules --out="$t/m.jsonl" "$t/in.jsonl"
cp "$t/m.jsonl" "$t/m.keep"
expect 2 diff --mentions="$t/m.jsonl" --out="$t/m.jsonl"
contains "$err" "refrain: the output $t/m.jsonl is the input $t/m.jsonl; refusing to overwrite it"
same "$t/m.jsonl" "$t/m.keep"
expect 0 import --db="$t/v.db" "$t/m.jsonl"
cp "$t/v.db" "$t/v.keep"
expect 2 diff --db="$t/v.db" --out="$t/v.db"
contains "$err" "refrain: the output $t/v.db is the input $t/v.db; refusing to overwrite it"
same "$t/v.db" "$t/v.keep"
# A rule file is an input too.
cp rules/china_vietnam.textproto "$t/r.textproto"; cp "$t/r.textproto" "$t/r.keep"
expect 2 scan --rules="$t/r.textproto" --out="$t/r.textproto" "$t/in.jsonl"
contains "$err" "refrain: the output $t/r.textproto is the input $t/r.textproto; refusing to overwrite it"
same "$t/r.textproto" "$t/r.keep"
# A run that --strict stops part way leaves the old output as it was.
printf 'old\n' > "$t/strict.jsonl"
printf '%s\n{"id": "bad", "text": 1}\n' "$good" > "$t/bad-second.jsonl"
expect 1 scan --rules=rules --strict --out="$t/strict.jsonl" "$t/bad-second.jsonl"
contains "$err" "refrain: stopped at the first bad input (--strict)"
lines "$t/strict.jsonl" 1
contains "$t/strict.jsonl" "old"
# The old output stays whole until the new one is complete.
printf 'old\n' > "$t/old.jsonl"
mkfifo "$t/slow.jsonl"
timeout 20 "$refrain" scan --rules=rules --out="$t/old.jsonl" "$t/slow.jsonl" 2>"$err" &
scan=$!
sleep 1
contains "$t/old.jsonl" "old"
printf '%s\n' "$good" > "$t/slow.jsonl"
wait "$scan" || { echo "FAIL: the scan through a FIFO exited $?"; failures=$((failures + 1)); }
contains "$t/old.jsonl" '"doc_id":"g1"'
lines "$t/old.jsonl" 1
if ls -A "$t" | grep -q '\.tmp-'; then echo "FAIL: a temporary file was left"; failures=$((failures + 1)); fi

# 3. An empty rule list is a usage error; a rescan that would remove most
# mentions needs --force.
for rules in "" "," " , "; do
  expect 2 scan --rules="$rules" "$t/in.jsonl"
  contains "$err" "refrain: --rules is empty; scan needs a rule file or directory"
done
articles="$t/articles"; cp -r examples/articles "$articles"
expect 0 ingest --db="$t/s.db" --rules=rules "$articles"
expect 2 ingest --db="$t/s.db" --rules= --rescan
contains "$err" "refrain: --rules is empty; ingest needs a rule file or directory"
mkdir -p "$t/tiny"
printf 'name: "tiny"\nclaim {\n  id: "never"\n  pattern: "zzz never zzz"\n}\n' > "$t/tiny/tiny.textproto"
expect 2 ingest --db="$t/s.db" --rules="$t/tiny" --rescan
contains "$err" "refrain: the rescan would remove 23 of the 23 mentions of 5 documents (more than half); nothing was changed. Check --rules, or run again with --force"
contains "$err" "  largest_trading_partner      +0 -5"
expect 0 stats --db="$t/s.db"
contains "$out" "5 documents, 23 mentions"
expect 0 ingest --db="$t/s.db" --rules="$t/tiny" --rescan --force
contains "$out" "  largest_trading_partner      +0 -5"
expect 0 stats --db="$t/s.db"
contains "$out" "5 documents, 0 mentions"
expect 2 ingest --db="$t/s.db" --rules=rules --force "$articles"
contains "$err" "refrain: --force only applies to --rescan"
# A rescan under mention limits says what it did not record (exit 1).
expect 1 ingest --db="$t/s.db" --rules=rules --rescan --max-mentions-per-document=1
contains "$out" "hits not recorded: beyond 100 mentions per sentence or 1 per document"
expect 0 stats --db="$t/s.db"
contains "$out" "5 documents, 5 mentions"

# 4. An unreadable subdirectory is skipped by its own path; the walk goes on.
# The tests run as root, which reads everything: the binary runs as nobody.
w=$(mktemp -d /tmp/refrain-hostile.XXXXXX)
cp "$refrain" "$w/refrain"; cp -rL rules "$w/rules"
mkdir -p "$w/in/a" "$w/in/b/locked" "$w/in/c"
for f in a/1.txt b/locked/2.txt c/3.txt; do
  printf "China is Vietnam's largest trading partner.\n" > "$w/in/$f"
done
chmod -R a+rX "$w"; chmod 700 "$w/in/b/locked"
as_other=()
if [ "$(id -u)" = 0 ]; then as_other=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi
(cd "$w" && "${as_other[@]}" ./refrain scan --rules=rules --format=text in) >"$out" 2>"$err"
code=$?
[ "$code" = 1 ] || { echo "FAIL: the walk exited $code, want 1"; failures=$((failures + 1)); }
contains "$err" "refrain: skipped: in/b/locked: cannot list directory: Permission denied"
contains "$err" "refrain: 2 documents scanned, 1 skipped, 2 mentions"
rm -rf "$w"

# 5. Flags are checked before any file is created.
expect 2 ingest --db="$t/new.db" --rules=rules --batch=0 "$t/in.jsonl"
contains "$err" "refrain: --batch wants a positive number of documents, got '0'"
absent "$t/new.db"
expect 2 import --db="$t/new2.db" --format=xml "$t/m.jsonl"
absent "$t/new2.db"
expect 2 ingest --db="$t/new3.db" --rules=rules --threads=0 "$t/in.jsonl"
absent "$t/new3.db"
expect 2 scan --rules=rules --out="$t/new.jsonl" --max-document-bytes=0 "$t/in.jsonl"
absent "$t/new.jsonl"
expect 2 diff --mentions="$t/m.jsonl" --out="$t/new.html" --since=soon
absent "$t/new.html"

# 6. Messages.
printf 'name: "x"\nclaim {\n  id: "a"\n  pattern: "x"\n' > "$t/eof.textproto"
expect 1 rules check "$t/eof.textproto"
contains "$err" "$t/eof.textproto:5:1: error: unexpected end of file; expected identifier"
mkdir -p "$t/loop"; ln -s loop "$t/loop/loop"
expect 2 rules check "$t/loop"
contains "$err" "refrain: $t/loop/loop: cannot read: Too many levels of symbolic links"
: > "$t/empty.jsonl"; printf '\n \n' > "$t/blank.jsonl"
expect 1 scan --rules=rules "$t/empty.jsonl" "$t/blank.jsonl" "$t/in.jsonl"
contains "$err" "refrain: skipped: $t/empty.jsonl: empty file"
contains "$err" "refrain: skipped: $t/blank.jsonl: empty file"
contains "$err" "refrain: 1 documents scanned, 2 skipped, 1 mentions"
for input in pipe null; do
  if [ $input = pipe ]; then
    : | "$refrain" scan --rules=rules - >"$out" 2>"$err"
  else
    "$refrain" scan --rules=rules - </dev/null >"$out" 2>"$err"
  fi
  code=$?
  [ "$code" = 1 ] || { echo "FAIL: empty stdin ($input) exited $code, want 1"; failures=$((failures + 1)); }
  contains "$err" "refrain: skipped: stdin: no documents on standard input"
done
expect 1 scan --rules=rules /dev/null
contains "$err" "refrain: skipped: /dev/null: empty file"
# A document id read twice is a warning naming both places; both are scanned.
printf -- '---\nid: g1\n---\nComrades and brothers.\n' > "$t/g1.txt"
printf '%s\n' "$good" '{"text":"Other."}' "$good" > "$t/twice.jsonl"
expect 0 scan --rules=rules --threads=2 "$t/twice.jsonl" "$t/g1.txt"
contains "$err" "refrain: warning: $t/twice.jsonl:3: document id 'g1' was already read at $t/twice.jsonl:1 (in a store, the later replaces the earlier)"
contains "$err" "refrain: warning: $t/g1.txt: document id 'g1' was already read at $t/twice.jsonl:1"
contains "$err" "refrain: 4 documents scanned, 0 skipped, 3 mentions"
expect 2 scan --rules=rules --max-sentence-bytes=1 "$t/in.jsonl"
contains "$err" "refrain: --max-sentence-bytes must be at least 256 bytes, got '1'"

# The endless writers end when their reader closes; any that never had one
# are stopped here.
for job in $(jobs -p); do kill "$job" 2>/dev/null; done
finish
