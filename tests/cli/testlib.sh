# Helpers for the CLI tests; source it after setting `refrain` to the binary.
# Each check counts its failure in `failures`; call `finish` at the end.
failures=0
out="$TEST_TMPDIR/out" err="$TEST_TMPDIR/err"

# expect CODE ARGS...: runs refrain with ARGS (output in $out and $err) and
# checks its exit code. A run that takes more than $expect_seconds (600)
# is stopped and exits 124, so that a hang fails its check.
expect_seconds=600
expect() {
  local want=$1; shift
  timeout "$expect_seconds" "$refrain" "$@" >"$out" 2>"$err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: refrain $* exited $got, want $want"; cat "$out" "$err"
    failures=$((failures + 1))
  fi
}

# contains FILE TEXT: checks that FILE holds TEXT.
contains() {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAIL: $(basename "$1") lacks: $2"; head -c 2000 "$1"
    failures=$((failures + 1))
  fi
}

# lines FILE N: checks that FILE has N lines.
lines() {
  local n; n=$(wc -l < "$1")
  if [ "$n" != "$2" ]; then
    echo "FAIL: $(basename "$1") has $n lines, want $2"; cat "$1"
    failures=$((failures + 1))
  fi
}

# fail TEXT: counts a failure described by TEXT.
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# not_tested WHAT: says that WHAT went untested here (no ../shared, no
# browser); under CI (CI=true), where everything must run, that is a failure.
not_tested() {
  if [ "${CI:-}" = true ]; then
    fail "not tested under CI: $1"
  else
    echo "note: not tested: $1"
  fi
}

# finish: exits 1 when any check failed.
finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}
