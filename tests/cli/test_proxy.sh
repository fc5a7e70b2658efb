#!/usr/bin/env bash
# A proxy acting for the requester (issue 9, SPEC §9): a village desk's
# 代办员 takes a case in for an old man; `intake --proxy`, the CSV headers
# 代办员 and 代理人, the `proxy` column and key, `list --proxy`, `show`, and a
# store of schema 4 migrated with its cases intact.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_NOW=2026-11-03T09:00+08:00
run intake --title "低保申请进度" --requester 张大爷 --proxy 李代办 --channel proxy-desk \
  --received "2026-11-03 08:30"
expect_rc 0
expect_out "1"
printf '标题,诉求人,代办员\n门前路灯不亮,王奶奶,李代办\n' >"$T/desk.csv"
printf '标题,诉求人,代理人\n征地补偿,赵某,周律师\n' >"$T/petition.csv"
run intake --file "$T/desk.csv"
expect_rc 0
run intake --file "$T/petition.csv" --channel petition
expect_rc 0
run intake --title "没有代办员的案件"
expect_rc 0
expect_eq "$(sql 'SELECT id, proxy FROM "case" ORDER BY id')" "1|李代办
2|李代办
3|周律师
4|" "the proxy column, as taken in"
# The intake event records it, so the case is the fold of its journal.
expect_eq "$(sql "SELECT json_extract(detail, '\$.proxy') FROM journal WHERE case_id = 3")" "周律师" \
  "journaled at intake"
run doctor
expect_rc 0

run --format ids list --proxy 李代办
expect_rc 0
expect_out "1
2"
run --format json list --proxy 周律师
py_expect "$out" 'r = json.loads(data); print(len(r), r[0]["proxy"], r[0]["requester"])' "1 周律师 赵某" \
  "the proxy key in JSON"
run --format json list --proxy 无此人
expect_out "[]"
run show 1
expect_rc 0
expect_out_has "代办员"
expect_out_has "李代办"
expect_out_has "张大爷"

# A store of an older duban (schema 3, before the column) opens, migrates
# through every schema and keeps its cases.
STORE="$T/v3.db"
sqlite3 "$STORE" <"$DUBAN_SOURCE/tests/data/store-v3.sql"
expect_eq "$(sql 'PRAGMA user_version')" "3" "fixture: schema 3"
old=$(sql 'SELECT count(*) FROM "case"')
run --store "$STORE" intake --title "新案件" --proxy 李代办
expect_rc 0
expect_eq "$(sql 'SELECT count(*) FROM "case" WHERE proxy IS NULL')" "$old" "the old cases kept, without a proxy"
expect_eq "$(sql 'SELECT title || "|" || proxy FROM "case" WHERE proxy IS NOT NULL')" "新案件|李代办" \
  "the new one with its proxy"
expect_eq "$(sql 'PRAGMA user_version')" "$(ls "$DUBAN_SOURCE"/schemas/[0-9]*.sql | wc -l)" "the latest schema"
run --store "$STORE" doctor
expect_rc 0
finish
