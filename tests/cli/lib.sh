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
unset DUBAN_CONFIG DUBAN_STORE DUBAN_NOW NO_COLOR LC_ALL LC_MESSAGES
# With no config duban speaks the locale's language (SPEC §10): English here,
# unless a test asks for another.
export LANG=C.UTF-8
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export DUBAN_ACTOR=tester
EXAMPLES="$DUBAN_SOURCE/examples"
failures=0
checks=0

# run ARGS...: runs duban, leaving $out, $err and $rc.
run() {
  out=$("$DUBAN" "$@" 2>"$T/.err")
  rc=$?
  err=$(<"$T/.err")  # no fork: bash reads the file itself
}
# run_in INPUT ARGS...: the same with INPUT on standard input.
run_in() {
  local input=$1
  shift
  out=$(printf '%s' "$input" | "$DUBAN" "$@" 2>"$T/.err")
  rc=$?
  err=$(<"$T/.err")  # no fork: bash reads the file itself
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
  py_run
  echo "$checks checks, $failures failed"
  [ "$failures" = 0 ]
}
# Added for the end-to-end suites.
expect_rc_not() { checks=$((checks + 1)); [ "$rc" != "$1" ] || fail "exit code is $1"; }
expect_err_lacks() { checks=$((checks + 1)); [[ "$err" != *"$1"* ]] || fail "stderr has: $1"; }
expect_err() { checks=$((checks + 1)); [ "$err" = "$1" ] || fail "stderr is not: $1"; }
# py_expect INPUT CODE EXPECTED DESCRIPTION: queues a Python check. CODE
# runs with INPUT as the string `data` (json, csv, io, re, unicodedata are
# imported; so is $T/.py_prelude.py if present) and prints what is compared
# with EXPECTED. py_run (and finish) runs the queue in one python3, because
# python3 is slow to start.
py_n=0
py_expect() {
  py_n=$((py_n + 1))
  mkdir -p "$T/.py"
  printf '%s' "$1" >"$T/.py/$py_n.in"
  printf '%s' "$2" >"$T/.py/$py_n.code"
  printf '%s' "$3" >"$T/.py/$py_n.want"
  printf '%s (line %s)' "$4" "${BASH_LINENO[0]}" >"$T/.py/$py_n.desc"
}
py_run() {
  [ "$py_n" -gt 0 ] || return 0
  python3 - "$T/.py" "$py_n" "$T/.py_prelude.py" <<'EOF'
import contextlib, csv, io, json, os, re, sys, unicodedata
folder, n, prelude = sys.argv[1], int(sys.argv[2]), sys.argv[3]
for i in range(1, n + 1):
    data = open(f"{folder}/{i}.in", encoding="utf-8", newline="").read()
    code = open(f"{folder}/{i}.code", encoding="utf-8").read()
    scope = {"data": data, "json": json, "csv": csv, "io": io, "re": re,
             "unicodedata": unicodedata}
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            if os.path.exists(prelude):
                exec(open(prelude, encoding="utf-8").read(), scope)
            exec(code, scope)
    except Exception as e:
        buf.write(f"python: {type(e).__name__}: {e}")
    with open(f"{folder}/{i}.got", "w", encoding="utf-8") as f:
        f.write(buf.getvalue())
EOF
  local i
  for ((i = 1; i <= py_n; i++)); do
    expect_eq "$(cat "$T/.py/$i.got")" "$(cat "$T/.py/$i.want")" "$(cat "$T/.py/$i.desc")"
  done
  py_n=0
  rm -rf "$T/.py"
}
