#!/usr/bin/env bash
# A store's first load (intake --file into a store with no case yet) runs
# with a rollback journal instead of the WAL, for speed (issue 10). What a
# user sees must not change: all or nothing, the store back in WAL mode
# after it, whether it succeeded or failed, no journal file left behind,
# and a store someone else has open is loaded in the WAL as before.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
mode() { sqlite3 "$DUBAN_STORE" "PRAGMA journal_mode"; }
left() { ls "$T" | grep -c -e '-journal$' -e '-wal$' -e '-shm$'; }
count() { sql 'SELECT count(*) FROM "case"'; }

# --- a failing first load adds nothing and leaves the WAL ---------------------
{
  head -n 1 "$EXAMPLES/breakfast-2021-10-23.csv"
  for i in $(seq 1 200); do echo "第${i}件,描述,wages,C,张三,城东街道,新华社区,地址"; done
  echo "坏的一行,描述,wages,Z,张三,城东街道,新华社区,地址"
} >"$T/bad.csv"
run init
run intake --file "$T/bad.csv"
expect_rc_not 0
expect_eq "$(count)" "0" "a first load with a bad row adds no case"
expect_eq "$(sql 'SELECT count(*) FROM journal')" "0" "nor any event"
expect_eq "$(mode)" "wal" "the store is in WAL mode after a failed first load"
expect_eq "$(left)" "0" "no journal file is left"

# --- a good first load, then a second batch into the store that now has cases -
run intake --file "$EXAMPLES/breakfast-2021-10-23.csv"
expect_rc 0
first=$(count)
expect_eq "$((first > 0))" "1" "the first load added cases"
expect_eq "$(mode)" "wal" "the store is in WAL mode after the first load"
expect_eq "$(left)" "0" "no journal file is left"
# Its text index is made merging eight segments at a time; later writes
# merge by FTS5's four again, and the text is found.
expect_eq "$(sql "SELECT v FROM case_text_config WHERE k = 'automerge'")" "4" \
  "the text index merges by four after the first load"
run list --search "$(sql 'SELECT substr(title, 1, 3) FROM "case" WHERE id = 1')" --format ids
expect_rc 0
expect_eq "$(grep -cx 1 <<<"$out")" "1" "a search finds the first case"
run doctor
expect_rc 0
run intake --file "$EXAMPLES/breakfast-2021-10-23.csv"
expect_rc 0
expect_eq "$(count)" "$((first * 2))" "a second batch adds as many"
expect_eq "$(mode)" "wal" "the store is in WAL mode after it"

# --- a first load while another program has the store open --------------------
# A reader holds a read transaction on an empty store until told to stop;
# the load goes on in the WAL, at once, and the reader still sees no case.
export DUBAN_STORE="$T/held.db" STORE="$T/held.db"
run init
mkfifo "$T/hold" "$T/ready"
cat >"$T/reader.py" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN")
print("ready", db.execute('SELECT count(*) FROM "case"').fetchone()[0], flush=True)
sys.stdin.read()  # until the test closes the pipe
print("then", db.execute('SELECT count(*) FROM "case"').fetchone()[0], flush=True)
PY
python3 "$T/reader.py" "$DUBAN_STORE" <"$T/hold" >"$T/ready" &
reader=$!
exec 3>"$T/hold" 4<"$T/ready"
read -r -t 30 said <&4
expect_eq "$said" "ready 0" "the reader holds the empty store open"
run intake --file "$EXAMPLES/breakfast-2021-10-23.csv"
expect_rc 0
exec 3>&-
read -r -t 30 said <&4
exec 4<&-
wait "$reader"
expect_eq "$said" "then 0" "the reader's snapshot stayed as it was (the WAL)"
expect_eq "$(count)" "$first" "the load went on while it was open"
expect_eq "$(mode)" "wal" "the store stayed in WAL mode"

# --- a first load killed half-way ---------------------------------------------
# The file comes through a pipe held open: duban takes what it is given,
# inside its transaction, with its rollback journal, and waits for more.
# Killed there, it leaves the journal; the next duban to open the store
# rolls it back (nothing added) and is in the WAL again.
export DUBAN_STORE="$T/killed.db" STORE="$T/killed.db"
run init
mkfifo "$T/feed"
"$DUBAN" -q intake --file "$T/feed" 2>/dev/null &
loader=$!
exec 5>"$T/feed"
{
  head -n 1 "$EXAMPLES/breakfast-2021-10-23.csv"
  for i in $(seq 1 5000); do echo "第${i}件,描述,wages,C,张三,城东街道,新华社区,地址"; done
} >&5  # more than the 64 KiB duban reads first, to know the file's kind
# Until the journal is there (at most 30 s): the load has begun writing.
for _ in $(seq 1 600); do
  [ -e "$T/killed.db-journal" ] && break
  sleep 0.05
done
expect_eq "$([ -e "$T/killed.db-journal" ] && echo yes)" "yes" "the load writes with a rollback journal"
kill -9 "$loader"
wait "$loader" 2>/dev/null
exec 5>&-
run list --format ids
expect_rc 0
expect_eq "$out" "" "a killed first load added no case"
expect_eq "$(count)" "0" "the store holds no case"
expect_eq "$(mode)" "wal" "the next open is in WAL mode again"
expect_eq "$([ -e "$T/killed.db-journal" ] || echo gone)" "gone" "its journal was rolled back"
run doctor
expect_rc 0
finish
