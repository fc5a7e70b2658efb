#!/usr/bin/env bash
# The record as evidence (SPEC §4, §8): instants in range, acts in order,
# reassignment that changes only what is given, the hash chain, doctor
# naming what was changed behind duban's back, backup, a foreign SQLite file
# never written, two commands creating one store at once.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_RECEIPT_SEED=evidence
export DUBAN_NOW=2026-11-09T09:00:00+08:00
field() { sql "SELECT $2 FROM \"case\" WHERE id = $1"; }
jcount() { sql "SELECT count(*) FROM journal${1:+ WHERE $1}"; }

"$DUBAN" -q intake --title "环卫工人工资偏低" --class A --category wages --phone 13800000001  # 1
"$DUBAN" -q intake --title "路灯不亮" --class C                                             # 2

# --- time bounds: refused before the store is touched --------------------------
j=$(jcount)
for due in 99999mo "9999-12-31T23:59:59-10:00" "0000-01-01"; do
  run assign 1 --lead rsj --due "$due" --reason "试"
  expect_rc 64
  expect_err_has "--due: "
  expect_err_has "不在 1970-01-01T00:00:00Z..9999-12-31T23:59:59Z 之内"
done
expect_eq "$(jcount)" "$j" "an out-of-range due writes nothing"
printf 'title,received_at\n古老的问题,0000-01-01\n' >old.csv
run intake --file old.csv
expect_rc 65
expect_err_has "old.csv:2: received_at: 0000-01-01 不在"
run --now 0000-01-01T00:00:00Z list
expect_rc 64
expect_err_has "--now"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "2" "nothing added"
# The triggers refuse an out-of-range instant from any client.
run_sql() { out=$(sqlite3 "$DUBAN_STORE" "$1" 2>&1); rc=$?; }
run_sql "INSERT INTO meeting (kind, title, held_on, created_at) VALUES ('x', 'y', '2026-01-01', '0000-01-01T00:00:00Z')"
expect_rc_not 0
expect_eq "$out" "Error: stepping, instant out of range: meeting (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z) (19)" "the trigger names the table"

# --- acts in order --------------------------------------------------------------
"$DUBAN" -q assign 1 --lead rsj --co cgj,mzj --leader 林志强
run --now 2026-11-09T08:59:59+08:00 ack 1
expect_rc 65
expect_err_has "2026-11-09T00:59:59Z"
expect_err_has "2026-11-09T01:00:00Z"
printf 'title,received_at\n明天的问题,2026-11-10 09:00\n' >future.csv
run intake --file future.csv
expect_rc 65
expect_err_has "future.csv:2: received_at"
expect_err_has "晚于当前时钟（2026-11-09T01:00:00Z）"
run assign 2 --lead cgj --due 2026-11-08 --reason "试"
expect_rc 65
expect_err_has "早于交办时间 2026-11-09T01:00:00Z"
# A backfilled case: its intake counts at received_at.
"$DUBAN" -q intake --title "补录的问题" --class C --received 2026-11-01T09:00:00+08:00      # 3
run --now 2026-10-31T09:00:00+08:00 assign 3 --lead cgj
expect_rc 65
expect_err_has "案件 3: 本次操作时间 2026-10-31T01:00:00Z 早于它最近一次操作的时间 2026-11-01T01:00:00Z"

# --- reassignment changes only what is given ------------------------------------
export DUBAN_NOW=2026-11-10T09:00:00+08:00
"$DUBAN" -q ack 1
before_due=$(field 1 due_at)
run assign 1 --lead rsj --co cgj --reason "民政局不再参与"
expect_rc 0
expect_eq "$(field 1 'status, leader, class, due_at, ack_due')" \
  "in_progress|林志强|A|$before_due|2026-11-10T15:59:59Z" "the same lead: nothing moves, ack kept"
expect_eq "$(sql 'SELECT group_concat(unit) FROM co_unit WHERE case_id = 1')" "cgj" "the co-units given"
expect_eq "$(sql "SELECT json_extract(detail, '\$.was') FROM journal WHERE case_id = 1 AND action = 'assign' ORDER BY id DESC LIMIT 1")" \
  '{"co":["cgj","mzj"]}' "the journal says exactly what changed"
export DUBAN_NOW=2026-11-16T09:00:00+08:00
run assign 1 --lead mzj --reason "改由民政局牵头"
expect_rc 0
expect_eq "$(field 1 'status, leader, class, assigned_at, ack_due, due_at')" \
  "listed|林志强|A|2026-11-16T01:00:00Z|2026-11-17T15:59:59Z|2026-12-14T15:59:59Z" \
  "a new lead restarts both clocks from the reassignment and keeps leader and class"
expect_eq "$(sql 'SELECT group_concat(unit) FROM co_unit WHERE case_id = 1')" "cgj" "co-units kept"
expect_eq "$(field 1 first_assigned_at)" "2026-11-09T01:00:00Z" "the first assignment is kept"

# --- the chain and doctor -------------------------------------------------------
"$DUBAN" -q ack 1
"$DUBAN" -q assign 2 --lead cgj
run doctor
expect_rc 0
expect_out_has "哈希链       正常"
expect_out_has "案件与日志   正常"
run --format json doctor --quick
expect_rc 0
py_expect "$out" 'j = json.loads(data); print(j["ok"], [c["check"] for c in j["checks"] if not c["ran"]], len(j["head"]["hash"]))' \
  "True ['cases'] 64" "doctor --quick skips the recomputation"
expect_eq "$(sql 'SELECT count(*) FROM journal WHERE hash IS NULL')" "0" "every event is chained"

cp "$DUBAN_STORE" clean.db
attack() {  # attack NAME SQL: on a fresh copy of the clean store
  cp clean.db "$DUBAN_STORE"
  rm -f "$DUBAN_STORE-wal" "$DUBAN_STORE-shm"
  out=$(sqlite3 "$DUBAN_STORE" "$1" 2>&1)
  rc=$?
}
# The triggers refuse, whoever asks.
attack "UPDATE journal SET actor = 'nobody' WHERE id = 2"
expect_rc_not 0
expect_eq "$out" "Error: stepping, the journal is append-only (19)" "UPDATE of the journal"
attack "DELETE FROM journal WHERE id = 2"
expect_rc_not 0
attack "REPLACE INTO journal (id, case_id, at, actor, action, detail, hash) SELECT id, case_id, at, 'nobody', action, detail, hash FROM journal WHERE id = 2"
expect_rc_not 0
expect_eq "$out" "Error: stepping, the journal is append-only: each event comes after the last, with its hash (19)" "REPLACE INTO journal"
attack "UPDATE \"case\" SET due_at = '2027-01-01T00:00:00Z' WHERE id = 1"
expect_rc_not 0
expect_eq "$(field 1 due_at)" "2026-12-14T15:59:59Z" "UPDATE of a case from sqlite3 is refused"
attack "REPLACE INTO \"case\" (id, receipt, title, received_at) VALUES (1, 'X', 'x', '2026-01-01T00:00:00Z')"
expect_rc_not 0
attack "DELETE FROM \"case\" WHERE id = 2"
expect_rc_not 0
# Without the triggers, doctor names what was changed.
attack "DROP TRIGGER case_no_update; UPDATE \"case\" SET due_at = '2027-01-01T00:00:00Z' WHERE id = 1"
expect_rc 0
run doctor
expect_rc 1
expect_out_has "结构版本     故障 trigger = case_no_update"
expect_out_has "案件与日志   故障 案件 1: due_at"
attack "DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'nobody' WHERE id = 4"
run doctor
expect_rc 1
expect_out_has "哈希链       故障 事件 4、案件 3: hash"
attack "DROP TRIGGER journal_no_update; UPDATE journal SET detail = json_set(detail, '\$.due_at', '2027-01-01T00:00:00Z') WHERE id = 3"
run --format json doctor
expect_rc 1
py_expect "$out" 'j = json.loads(data); print([(c["check"], c["fault"]["event"], c["fault"]["field"]) for c in j["checks"] if not c["ok"]])' \
  "[('schema', None, 'trigger'), ('chain', 3, 'hash')]" "a rewritten event breaks the chain at that event"
attack "DROP TRIGGER journal_append_only; DROP TRIGGER journal_no_delete; REPLACE INTO journal (id, case_id, at, actor, action, unit, detail, hash) SELECT id, case_id, at, 'nobody', action, unit, detail, hash FROM journal WHERE id = 5"
run doctor
expect_rc 1
expect_out_has "哈希链       故障 事件 5"
attack "DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE id = (SELECT max(id) FROM journal WHERE case_id = 1)"
run doctor
expect_rc 1
expect_out_has "案件与日志   故障 案件 1"
attack "UPDATE \"case\" SET title = '改过的标题' WHERE id = 2"
expect_rc_not 0
attack "DROP TRIGGER case_no_update; UPDATE \"case\" SET title = '改过的标题' WHERE id = 2"
run doctor
expect_rc 1
expect_out_has "案件与日志   故障 案件 2: title"
attack "DROP TRIGGER case_instants_update; DROP TRIGGER case_no_update; UPDATE \"case\" SET due_at = '10303-01-01T00:00:00Z' WHERE id = 2"
run doctor --quick
expect_rc 1
expect_out_has "时间值       故障 案件 2: due_at = 10303-01-01T00:00:00Z"
# A store holding such a value still opens, shows it, and a new due repairs it.
run list
expect_rc 0
run show 2
expect_rc 0
expect_out_has "10303-01-01"
run remind
expect_rc 0
run assign 2 --lead cgj --due 2026-11-30 --reason "修复超范围的期限"
expect_rc 0
expect_eq "$(field 2 due_at)" "2026-11-30T15:59:59Z" "repaired"
cp clean.db "$DUBAN_STORE"; rm -f "$DUBAN_STORE-wal" "$DUBAN_STORE-shm"

# --- backup ---------------------------------------------------------------------
run backup "$T/copy.db"
expect_rc 0
expect_out "$T/copy.db"
expect_eq "$(sqlite3 "$T/copy.db" 'PRAGMA journal_mode')" "delete" "the copy stands alone"
run --store "$T/copy.db" doctor
expect_rc 0
expect_eq "$(stat -c %a "$T/copy.db")" "600" "the copy is owner-only"
expect_eq "$(ls "$T" | grep -c 'copy.db.tmp')" "0" "no temporary left"
# While another process writes: the copy is consistent and passes doctor.
( for i in $(seq 1 30); do "$DUBAN" -q --now 2026-11-20T09:00:00+08:00 intake --title "并发$i"; done ) &
writer=$!
for i in 1 2 3; do
  run backup "$T/live$i.db"
  expect_rc 0
  run --store "$T/live$i.db" doctor
  expect_rc 0
done
wait $writer

# --- never write to a file that is not ours -------------------------------------
for v in 0 1 3; do
  rm -f other.db
  sqlite3 other.db "CREATE TABLE notes (x); PRAGMA user_version = $v;"
  sum=$(sha256sum other.db)
  for cmd in list "intake --title x" doctor; do
    run --store other.db $cmd
    expect_rc 65
    expect_err_has "不是 duban 存储"
  done
  expect_eq "$(sha256sum other.db)" "$sum" "another program's file (user_version $v) is untouched"
  expect_eq "$(sqlite3 other.db 'PRAGMA journal_mode')" "delete" "not even switched to WAL"
done
: >empty.db
run --store empty.db list
expect_rc 66
expect_eq "$(stat -c %s empty.db)" "0" "list leaves a 0-byte file as it was"

# --- two commands on a store that does not exist yet ----------------------------
for i in 1 2 3 4 5; do
  rm -f race.db*
  "$DUBAN" -q --store race.db intake --title "一" 2>race1.err & a=$!
  "$DUBAN" -q --store race.db meeting add --kind breakfast --title 早餐会 --date 2026-11-09 2>race2.err & b=$!
  wait $a; ra=$?; wait $b; rb=$?
  expect_eq "$ra/$rb" "0/0" "both succeed (try $i): $(cat race1.err race2.err)"
done

# --- a group-writable store is used with a word ---------------------------------
chmod 664 "$DUBAN_STORE"
run list
expect_rc 0
expect_err_has "duban: 警告: "
expect_err_has "chmod 600"
chmod 600 "$DUBAN_STORE"

# --- intake > /dev/full leaves nothing to duplicate -----------------------------
n=$(sql 'SELECT count(*) FROM "case"')
"$DUBAN" intake --title "写不出编号" >/dev/full 2>full.err
rc=$?
expect_eq "$rc" "74" "a full stdout is an I/O error"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "$n" "nothing committed when the ids could not be written"

# --- a refusal at write time names the file and line it came from -----------------
sqlite3 "$DUBAN_STORE" "CREATE TRIGGER refuse_bad BEFORE INSERT ON \"case\" WHEN NEW.title = '坏标题' BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END"
n=$(sql 'SELECT count(*) FROM "case"')
printf 'title\n好标题\n坏标题\n' >write.csv
run intake --file write.csv
expect_rc 65
expect_err_has "write.csv:3: "
expect_err_has "refused by a trigger"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "$n" "all or nothing at write time too"

# --- escalate --auto says what it committed, even when a later batch fails -----------
# It works in transactions of 200 cases; a trigger refuses the journal of the
# 201st, so the second batch fails after the first has committed.
export DUBAN_STORE="$T/ladder.db"
STORE=$DUBAN_STORE
{ echo title; for i in $(seq 1 201); do echo "巡查问题$i"; done; } >ladder.csv
"$DUBAN" -q --now "2026-11-09 09:00" intake --file ladder.csv --class C
"$DUBAN" --now "2026-11-09 09:00" --format ids list | "$DUBAN" -q --now "2026-11-09 10:00" assign - --lead cgj
sqlite3 "$STORE" "CREATE TRIGGER refuse_201 BEFORE INSERT ON journal WHEN NEW.case_id = 201 AND NEW.action = 'escalate' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
run --now "2026-11-20 09:00" --format ids escalate --auto
expect_rc 65
expect_err_has "refused for the test"
expect_eq "$(printf '%s\n' "$out" | sort -un | wc -l)" "200" "the 200 committed cases are said"
expect_eq "$(sql "SELECT count(DISTINCT case_id) FROM journal WHERE action = 'escalate'")" "200" "and they are what was committed"

finish
