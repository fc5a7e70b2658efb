#!/usr/bin/env bash
# The store is a public interface (SPEC §8): owner-only, WAL, versioned,
# STRICT tables with foreign keys and checks, an append-only journal; other
# files are refused untouched; a busy store gives 75 after the timeout.
# The busy check waits out duban's ~5 s busy timeout; the rest is quick.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00
STORE="$T/duban.db"
# sqlite_fails SQL: the sqlite3 shell refuses SQL (rc and message kept).
sqlite_fails() { out=$(sqlite3 "$STORE" "$1" 2>&1); rc=$?; err=$out; }

run intake --file "$EXAMPLES/hotline.jsonl"
expect_rc 0
"$DUBAN" -q assign 1 --lead cgj --co sy-cd,rsj --class C
"$DUBAN" -q meeting add --kind breakfast --title "环卫工人早餐会" --date 2021-10-23

# --- the file -------------------------------------------------------------------------
expect_eq "$(stat -c %a "$STORE")" "600" "the store is owner-only"
(umask 000 && "$DUBAN" --store "$T/umask.db" -q intake --title "宽松的umask")
expect_eq "$(stat -c %a "$T/umask.db")" "600" "owner-only whatever the umask"
mkdir -p "$T/deep"
"$DUBAN" --store "$T/deep/a/b/c.db" -q intake --title "深层目录"
expect_eq "$(stat -c %a "$T/deep/a/b/c.db")" "600" "a store in new folders is owner-only too"

# --- the schema -------------------------------------------------------------------------
expect_eq "$(sql 'PRAGMA journal_mode')" "wal" "WAL"
# One migration per schemas/NNN_*.sql; a new store has them all.
migrations=$(ls "$DUBAN_SOURCE"/schemas/[0-9]*.sql | wc -l)
expect_eq "$(sql 'PRAGMA user_version')" "$migrations" "schema version = the migrations in schemas/"
expect_eq "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('case', 'co_unit', 'journal', 'meeting') AND sql LIKE '%) STRICT%'")" \
  "4" "case, co_unit, journal and meeting are STRICT"
expect_eq "$(sql "SELECT group_concat(name, ' ') FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'case_text%' AND sql NOT LIKE '%STRICT%'")" \
  "" "every table of duban's own is STRICT"
expect_eq "$(sql "SELECT \"table\" FROM pragma_foreign_key_list('journal')")" "case" "journal -> case"
expect_eq "$(sql "SELECT \"table\" FROM pragma_foreign_key_list('co_unit')")" "case" "co_unit -> case"
expect_eq "$(sql "SELECT group_concat(\"table\", ' ') FROM (SELECT \"table\" FROM pragma_foreign_key_list('case') ORDER BY 1)")" "case meeting" \
  "case -> meeting, and a merged request -> its master case"
expect_eq "$(sql 'PRAGMA integrity_check')" "ok" "integrity"
expect_eq "$(sql 'PRAGMA foreign_key_check')" "" "no dangling references"
expect_eq "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'case' AND name IN ('case_status', 'case_lead_unit', 'case_received_report', 'case_closed_report', 'case_due_at', 'case_meeting')")" \
  "6" "the indexes for list and reports"
expect_eq "$(sql "EXPLAIN QUERY PLAN SELECT id FROM \"case\" WHERE status = 'listed'" | grep -c 'USING .*INDEX')" "1" \
  "a status filter uses an index"
expect_eq "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ('journal_no_update', 'journal_no_delete', 'case_no_delete')")" \
  "3" "the append-only triggers"
# Instants are UTC ISO-8601 text.
expect_eq "$(sql "SELECT count(*) FROM journal WHERE at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")" \
  "0" "journal instants are UTC"
expect_eq "$(sql 'SELECT received_at, assigned_at, ack_due, due_at FROM "case" WHERE id = 1')" \
  "2026-11-02T01:15:00Z|2026-11-09T01:00:00Z|2026-11-09T03:00:00Z|2026-11-16T15:59:59Z" "case instants are UTC"
expect_eq "$(sql 'SELECT held_on FROM meeting WHERE id = 1')" "2021-10-23" "a meeting date is a local date"
expect_eq "$(sql "SELECT json_valid(detail) FROM journal WHERE action = 'assign'")" "1" "journal detail is JSON"
expect_eq "$(sql "SELECT json_extract(detail, '\$.lead') FROM journal WHERE action = 'assign'")" "cgj" \
  "journal detail is readable with json_extract"

# --- what the database itself refuses ------------------------------------------------------
journal_rows=$(sql 'SELECT count(*) FROM journal')
sqlite_fails "UPDATE journal SET actor = 'someone else'"
expect_rc_not 0
expect_out_has "append-only"
sqlite_fails "DELETE FROM journal WHERE id = 1"
expect_rc_not 0
expect_out_has "append-only"
sqlite_fails "DELETE FROM journal"
expect_rc_not 0
expect_eq "$(sql 'SELECT count(*) FROM journal')" "$journal_rows" "the journal is untouched"
expect_eq "$(sql "SELECT count(*) FROM journal WHERE actor = 'someone else'")" "0" "no event rewritten"
sqlite_fails 'DELETE FROM "case" WHERE id = 6'
expect_rc_not 0
expect_out_has "never deleted"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "6" "no case deleted"
# Cases are changed only by duban (SPEC §8): the update trigger needs
# duban's own duban_writer(), which no other client has.
sqlite_fails "UPDATE \"case\" SET status = 'done' WHERE id = 2"
expect_rc_not 0
expect_out_has "duban_writer"
sqlite_fails "UPDATE \"case\" SET class = 'D' WHERE id = 2"
expect_rc_not 0
sqlite_fails "UPDATE \"case\" SET status = 'listed' WHERE id = 2"
expect_rc_not 0
expect_eq "$(sql 'SELECT status FROM "case" WHERE id = 2')" "received" "a listed case needs a lead unit"
sqlite_fails "UPDATE \"case\" SET level = 'high' WHERE id = 2"
expect_rc_not 0
sqlite_fails "PRAGMA foreign_keys = ON; INSERT INTO journal (case_id, at, actor, action) VALUES (99, '2026-11-09T01:00:00Z', 'x', 'note')"
expect_rc_not 0
sqlite_fails "INSERT INTO journal (case_id, at, actor, action) VALUES (1, '2026-11-09 09:00', 'x', 'note')"
expect_rc_not 0
sqlite_fails "INSERT INTO journal (case_id, at, actor, action) VALUES (1, '2026-11-09T01:00:00Z', 'x', 'delete')"
expect_rc_not 0
expect_eq "$(sql 'SELECT count(*) FROM journal')" "$journal_rows" "nothing slipped in"
# duban reads the store back as it was.
run --format ids list
expect_rc 0
expect_out "$(seq 1 6)"

# --- files that are not duban stores -------------------------------------------------------------
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
cp "$T/other.db" "$T/other.orig"
run --store "$T/other.db" intake --title "不该写进去"
expect_rc 65
expect_err_has "other.db"
expect_err_has "不是 duban 存储"
cmp -s "$T/other.db" "$T/other.orig"
expect_eq "$?" "0" "someone else's SQLite file is left byte for byte unchanged"
expect_eq "$(sqlite3 "$T/other.db" 'PRAGMA journal_mode')" "delete" "and not switched to WAL"
cp "$T/other.orig" "$T/other.db"
run --store "$T/other.db" list
expect_rc 65
cmp -s "$T/other.db" "$T/other.orig"
expect_eq "$?" "0" "list leaves it unchanged too"
expect_eq "$(ls "$T" | grep -c '^other.db-')" "0" "no -wal or -shm left beside it"

printf 'title,class\n这不是数据库,A\n' >"$T/text.db"
cp "$T/text.db" "$T/text.orig"
run --store "$T/text.db" intake --title x
expect_rc 65
expect_err_has "text.db"
cmp -s "$T/text.db" "$T/text.orig"
expect_eq "$?" "0" "a text file is left unchanged"

cp "$STORE" "$T/future.db"
sqlite3 "$T/future.db" 'PRAGMA user_version = 9'
run --store "$T/future.db" list
expect_rc 65
expect_err_has "结构版本 9"
expect_err_has "请升级 duban"

printf 'x' >"$T/plainfile"
run --store "$T/plainfile/sub/s.db" intake --title x
expect_rc 73
expect_err_has "plainfile/sub/s.db"

# --- a busy store: 75 after the busy timeout; readers carry on ----------------------------------
# A sqlite3 shell holds the write lock until told to commit (no sleeping:
# it reads its commands from a fifo held open here).
count=$(sql 'SELECT count(*) FROM "case"')
mkfifo "$T/to-holder" "$T/from-holder"
sqlite3 "$STORE" <"$T/to-holder" >"$T/from-holder" 2>/dev/null &
holder=$!
exec 3>"$T/to-holder"
printf "BEGIN IMMEDIATE;\nSELECT 'locked';\n" >&3
read -r -t 20 line <"$T/from-holder"
expect_eq "$line" "locked" "another writer holds the store"
for f in "$STORE-wal" "$STORE-shm"; do
  [ -e "$f" ] && expect_eq "$(stat -c %a "$f")" "600" "${f##*/} is owner-only"
done
started=$SECONDS
run intake --title "忙的时候"
elapsed=$((SECONDS - started))
expect_rc 75
expect_out ""
expect_err_has "存储正忙"
expect_eq "$((elapsed >= 4 && elapsed <= 8))" "1" "gave up after the ~5 s busy timeout (took ${elapsed} s)"
run --format ids list --limit 1
expect_rc 0
expect_out "1"
printf 'COMMIT;\n' >&3
exec 3>&-
wait "$holder"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "$count" "the busy intake added nothing"
run intake --title "不忙了"
expect_rc 0
expect_out "$((count + 1))"

finish
