# Shared by the end-to-end tests: each test_*.sh sources this, runs the built
# binary ($DUBAN, set by ctest) in a fresh temporary folder with its own
# store, and checks what a user sees: stdout, stderr, exit codes, the store.
set -u
: "${DUBAN:?set DUBAN to the built duban binary}"
: "${DUBAN_SOURCE:?set DUBAN_SOURCE to the source tree}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
# Nothing from the developer's own environment leaks in.
unset DUBAN_CONFIG DUBAN_STORE DUBAN_NOW NO_COLOR
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export DUBAN_ACTOR=tester
EXAMPLES="$DUBAN_SOURCE/examples"
failures=0
checks=0

# run ARGS...: runs duban, leaving $out, $err and $rc.
run() {
  out=$("$DUBAN" "$@" 2>"$T/.err")
  rc=$?
  err=$(cat "$T/.err")
}
# run_in INPUT ARGS...: the same with INPUT on standard input.
run_in() {
  local input=$1
  shift
  out=$(printf '%s' "$input" | "$DUBAN" "$@" 2>"$T/.err")
  rc=$?
  err=$(cat "$T/.err")
}
fail() {
  failures=$((failures + 1))
  # Name the test file's line, not this library's.
  local i=1
  while [ "$i" -lt "${#BASH_SOURCE[@]}" ] && [ "${BASH_SOURCE[$i]##*/}" = lib.sh ]; do i=$((i + 1)); done
  printf 'FAIL %s: %s\n' "${BASH_SOURCE[$i]##*/}:${BASH_LINENO[$((i - 1))]}" "$1" >&2
  printf '  stdout: %s\n  stderr: %s\n  exit: %s\n' "${out:-}" "${err:-}" "${rc:-}" >&2
}
expect_rc() { checks=$((checks + 1)); [ "$rc" = "$1" ] || fail "exit code $rc, expected $1"; }
expect_out() { checks=$((checks + 1)); [ "$out" = "$1" ] || fail "stdout is not: $1"; }
expect_out_has() { checks=$((checks + 1)); [[ "$out" == *"$1"* ]] || fail "stdout lacks: $1"; }
expect_out_lacks() { checks=$((checks + 1)); [[ "$out" != *"$1"* ]] || fail "stdout has: $1"; }
expect_err_has() { checks=$((checks + 1)); [[ "$err" == *"$1"* ]] || fail "stderr lacks: $1"; }
expect_eq() { checks=$((checks + 1)); [ "$1" = "$2" ] || fail "'$1' is not '$2' ($3)"; }
# sql QUERY: what the store holds (read with the sqlite3 shell, as a user would).
sql() { sqlite3 "${STORE:-$T/duban.db}" "$1"; }
# finish: the last line of every test; reports and sets the exit status.
finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" = 0 ]
}
# Added for the end-to-end suites.
expect_rc_not() { checks=$((checks + 1)); [ "$rc" != "$1" ] || fail "exit code is $1"; }
expect_err_lacks() { checks=$((checks + 1)); [[ "$err" != *"$1"* ]] || fail "stderr has: $1"; }
expect_err() { checks=$((checks + 1)); [ "$err" = "$1" ] || fail "stderr is not: $1"; }
