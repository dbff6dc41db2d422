#!/usr/bin/env bash
# Runs the claim-store commands (ingest, query, stats, export, import)
# through the real binary, on the sample articles of examples/articles.
# Usage (from Bazel): store_cli_test.sh path/to/refrain
set -u
refrain="$PWD/$1"
source tests/cli/testlib.sh
db="$TEST_TMPDIR/claims.db"
articles="$TEST_TMPDIR/articles"
cp -r examples/articles "$articles"

expect 0 ingest --db="$db" --rules=rules "$articles"
contains "$err" "refrain: 5 documents scanned, 0 skipped, 23 mentions"
contains "$err" "refrain: $db: 5 added, 0 replaced, 0 unchanged"
expect 0 ingest --db="$db" --rules=rules "$articles"
contains "$err" "refrain: $db: 0 added, 0 replaced, 5 unchanged"

# A changed article replaces its mentions.
sed -i 's/biggest trading partner, yet/top trading partner, yet/' "$articles/harbour-ledger-2025-04.txt"
expect 0 ingest --db="$db" --rules=rules "$articles"
contains "$err" "refrain: $db: 0 added, 1 replaced, 4 unchanged"

expect 0 query --db="$db" --claim=largest_trading_partner --source="Harbour Ledger"
contains "$out" "2025-04  Harbour Ledger  largest_trading_partner  \"Beijing is Hanoi's top trading partner\""
contains "$err" "refrain: 1 mentions"
expect 0 query --db="$db" --since=2025-04-15 --until=2025-04-15 --format=jsonl
lines "$out" 9
contains "$out" '"title":"Leaders pledge closer ties as visit wraps up"'
expect 0 query --db="$db" --format=binpb --claim=anniversary_75
[ -s "$out" ] || { echo "FAIL: empty binpb query"; failures=$((failures + 1)); }

expect 0 stats --db="$db"
contains "$out" "$db: 5 documents, 23 mentions"
contains "$out" "claim                    Harbour Ledger  Lotus Wire  Meridian Post  Red River Dispatch"
contains "$out" "largest_trading_partner               1           2              1                   1"
contains "$out" "largest_trading_partner  2025-04  5"

# Export, import into a new store, export again: the same records.
expect 0 export --db="$db" --format=binpb
cp "$out" "$TEST_TMPDIR/all.binpb"
expect 0 import --db="$TEST_TMPDIR/copy.db" "$TEST_TMPDIR/all.binpb"
contains "$out" "imported 23 mentions into $TEST_TMPDIR/copy.db"
expect 0 import --db="$TEST_TMPDIR/copy.db" "$TEST_TMPDIR/all.binpb"
expect 0 export --db="$TEST_TMPDIR/copy.db"
cp "$out" "$TEST_TMPDIR/copy.jsonl"
expect 0 export --db="$db"
cmp -s "$out" "$TEST_TMPDIR/copy.jsonl" || { echo "FAIL: import/export round trip differs"; failures=$((failures + 1)); }
lines "$out" 23

# After a rule edit, --rescan reports what appeared and disappeared.
mkdir -p "$TEST_TMPDIR/rules"
sed 's/ (?P<link>and|plus|as well as|&|\\\\+) / (?P<link>plus|as well as|\&|\\\\+) /' \
  rules/china_vietnam.textproto > "$TEST_TMPDIR/rules/edited.textproto"
expect 0 ingest --db="$db" --rules="$TEST_TMPDIR/rules" --rescan
contains "$out" "rescan: 5 documents, 1 with changed mentions"
contains "$out" "  comrades_and_brothers        +0 -2"
contains "$out" "  - comrades_and_brothers  red-river-dispatch-2025-04-16  \"comrades and brothers\""

# Bad stores and arguments.
expect 2 query --db="$TEST_TMPDIR/none.db"
contains "$err" "refrain: $TEST_TMPDIR/none.db: no such store"
expect 2 stats --db=rules/china_vietnam.textproto
contains "$err" "refrain: rules/china_vietnam.textproto: not a refrain store (not an SQLite database)"
expect 2 query --db="$db" --since=last-week
contains "$err" "refrain: --since wants YYYY, YYYY-MM or YYYY-MM-DD, got 'last-week'"
expect 2 query --db="$db" --until=2025-13
contains "$err" "refrain: --until wants YYYY, YYYY-MM or YYYY-MM-DD, got '2025-13'"
expect 2 diff --db="$db" --since=2025-02-30
contains "$err" "refrain: --since wants YYYY, YYYY-MM or YYYY-MM-DD, got '2025-02-30'"
expect 2 ingest --db="$db" "$articles"
contains "$err" "refrain: ingest needs --rules=PATH"
expect 2 stats
contains "$err" "refrain: needs --db=FILE (the claim store)"
printf '{"claim_id": "x", "doc_id": "d", "bogus": 1}\n' > "$TEST_TMPDIR/bad.jsonl"
expect 1 import --db="$TEST_TMPDIR/copy.db" "$TEST_TMPDIR/bad.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/bad.jsonl:1: not a Mention record:"

# import checks every record, names the bad one and says what it committed
# before it: each document's run of records is committed whole.
rec() { printf '{"claim_id":"%s","doc_id":"%s","date":"%s","begin":0,"end":5,"text":"%s"}\n' "$@"; }
{ rec c1 a 2025 China; rec c2 a 2025 China; rec c1 b 2025 China; rec c1 b 2025 Chin; } \
  > "$TEST_TMPDIR/offsets.jsonl"
rec c1 z 2025 China > "$TEST_TMPDIR/one.jsonl"
expect 1 import --db="$TEST_TMPDIR/partial.db" "$TEST_TMPDIR/one.jsonl" "$TEST_TMPDIR/offsets.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/offsets.jsonl:4: bad Mention record: text has 4 bytes, but end - begin is 5"
contains "$err" "refrain: 3 mentions were imported into $TEST_TMPDIR/partial.db before the error; nothing after it"
expect 0 stats --db="$TEST_TMPDIR/partial.db"
contains "$out" "$TEST_TMPDIR/partial.db: 2 documents, 3 mentions"
rec c1 a 2025-02-30 China > "$TEST_TMPDIR/date.jsonl"
rec 'Bad<b>' a 2025 China >> "$TEST_TMPDIR/date.jsonl"
expect 1 import --db="$TEST_TMPDIR/partial.db" "$TEST_TMPDIR/date.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/date.jsonl:1: bad Mention record: date \"2025-02-30\" is not YYYY, YYYY-MM or YYYY-MM-DD"
contains "$err" "refrain: 0 mentions were imported into $TEST_TMPDIR/partial.db before the error; nothing after it"
sed -i 1d "$TEST_TMPDIR/date.jsonl"
expect 1 import --db="$TEST_TMPDIR/partial.db" "$TEST_TMPDIR/date.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/date.jsonl:1: bad Mention record: claim_id \"Bad<b>\" is not [a-z][a-z0-9_]*"
printf '{"claim_id":"c1","begin":0,"end":0}\n' > "$TEST_TMPDIR/nodoc.jsonl"
expect 1 import --db="$TEST_TMPDIR/partial.db" "$TEST_TMPDIR/nodoc.jsonl"
contains "$err" "refrain: $TEST_TMPDIR/nodoc.jsonl:1: bad Mention record: no doc_id"

# A damaged store: query prints nothing on standard output (no header, no
# "0 mentions") and exits 1. Here the mentions table's root page is hit.
cp "$db" "$TEST_TMPDIR/damaged.db"
page=$(sqlite3 "$TEST_TMPDIR/damaged.db" 'PRAGMA page_size')
root=$(sqlite3 "$TEST_TMPDIR/damaged.db" "SELECT rootpage FROM sqlite_master WHERE name = 'mentions'")
head -c 1000 /dev/zero | tr '\0' '\377' |
  dd of="$TEST_TMPDIR/damaged.db" bs=1 seek=$((root * page - 1000)) conv=notrunc 2>/dev/null
expect 1 query --db="$TEST_TMPDIR/damaged.db"
contains "$err" "refrain: $TEST_TMPDIR/damaged.db: the store is damaged"
[ -s "$out" ] && { echo "FAIL: query printed on a damaged store:"; cat "$out"; failures=$((failures + 1)); }
grep -q "mentions" "$err" && { echo "FAIL: query counted mentions of a damaged store"; failures=$((failures + 1)); }

# A store owned by root, in root's directory, read by another user: the
# reading commands open it read-only. (The binary is copied where that
# user can run it.)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  shared=$(mktemp -d /tmp/refrain-store-test.XXXXXX)
  chmod 755 "$shared"
  cp "$refrain" "$shared/refrain"
  cp "$db" "$shared/claims.db"
  chmod 644 "$shared/claims.db"
  as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$shared/refrain" "$@"; }
  for command in query stats export diff; do
    as_nobody "$command" --db="$shared/claims.db" > "$out" 2> "$err"
    code=$?
    if [ "$code" != 0 ] || grep -q "readonly" "$err"; then
      echo "FAIL: $command of another user's store exited $code:"; cat "$err"
      failures=$((failures + 1))
    fi
  done
  as_nobody query --db="$shared/claims.db" --claim=anniversary_75 > "$out" 2> "$err"
  contains "$err" "refrain: 1 mentions"
  as_nobody stats --db="$shared/claims.db" > "$out" 2> "$err"
  contains "$out" "$shared/claims.db: 5 documents, 21 mentions"  # after the rescan above
  # Writing is refused with a message that says why.
  cp "$TEST_TMPDIR/one.jsonl" "$shared/"
  as_nobody import --db="$shared/claims.db" "$shared/one.jsonl" > "$out" 2> "$err"
  contains "$err" "refrain: $shared/claims.db: cannot read: the store, its directory or its -wal and -shm files are not writable by this user"
  [ -e "$shared/claims.db-shm" ] && { echo "FAIL: a reader left claims.db-shm"; failures=$((failures + 1)); }
  rm -rf "$shared"
else
  echo "note: not root, or no setpriv: the other-user store test is skipped"
fi

finish
