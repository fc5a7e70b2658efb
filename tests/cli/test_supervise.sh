#!/usr/bin/env bash
# Supervision from the command line and from cron (SPEC §4-6): remind groups
# what is due by unit and says nothing when nothing is due; escalate by hand
# and --auto (idempotent); whistles; the crontab's lines under env -i; and
# remind-by-unit.sh mailing each unit through a stub sendmail.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/en.toml"
jcount() { sql "SELECT count(*) FROM journal${1:+ WHERE $1}"; }

# Wednesday 2026-09-30, the eve of the National Day holiday (10-01..10-07;
# Saturday 10-10 is a make-up working day). Three class C cases: ack due
# 1wd = Thu 10-08 23:59:59; resolve due 5wd = 10-08, 09, 10, 12, 13.
export DUBAN_NOW="2026-09-30 10:00"
for t in 新华社区路灯不亮 环卫工人工资偏低 小区垃圾清运不及时; do "$DUBAN" -q intake --title "$t" --class C; done
"$DUBAN" -q assign 1 --lead cgj
"$DUBAN" -q assign 2 --lead rsj
"$DUBAN" -q assign 3 --lead sy-cd-xh
expect_eq "$(sql 'SELECT DISTINCT ack_due FROM "case"')" "2026-10-08T15:59:59Z" "ack due after the holiday"
expect_eq "$(sql 'SELECT DISTINCT due_at FROM "case"')" "2026-10-13T15:59:59Z" "5wd counts the make-up Saturday"

# --- remind -----------------------------------------------------------------------
# Just after assigning, with a short window, nothing is due.
run --now "2026-09-30 10:00" remind --within 1h
expect_rc 0
expect_out ""
expect_eq "$err" "" "nothing due: not a byte on stderr either"
run --now "2026-09-30 10:00" remind --within 1h --exit-code
expect_rc 0
run --now "2026-09-30 10:00" --format json remind --within 1h
expect_rc 0
py_expect "$out" 'd = json.loads(data); print(d["as_of"], d["groups"])' "2026-09-30T02:00:00Z []" \
  "nothing due in JSON: the empty object, not nothing"
# An ack due later today (23:59:59) is reminded in the morning, whatever the window.
run --now "2026-10-08 09:00" remind --within 1h --exit-code
expect_rc 1
expect_out_has "  响应即将到期  #1      期限 2026-10-08 23:59  新华社区路灯不亮"
run --now "2026-10-08 09:00" --format json remind --within 1h
py_expect "$out" 'd = json.loads(data); print([(g["unit"], i["kind"], i["role"], i["case"]) for g in d["groups"] for i in g["items"]])' \
  "[('cgj', 'ack_due_soon', 'lead', 1), ('rsj', 'ack_due_soon', 'lead', 2), ('sy-cd-xh', 'ack_due_soon', 'lead', 3)]" \
  "acks due later today, each to its lead unit"

run --now "2026-10-09 09:00" remind --exit-code
expect_rc 1
expect_out_has "市城市管理局 (cgj)  何光桂 <cgj@example.gov.cn>"
expect_out_has "  超时未响应  #1      期限 2026-10-08 23:59  新华社区路灯不亮"
expect_out_has "市人力资源和社会保障局 (rsj)"
expect_out_has "新华社区 (sy-cd-xh)"
run --now "2026-10-09 09:00" remind --unit rsj
expect_rc 0
expect_out_has "环卫工人工资偏低"
expect_out_lacks "新华社区路灯不亮"
run --now "2026-10-09 09:00" remind --unit cgk
expect_rc 69
run --now "2026-10-09 09:00" remind --within soon
expect_rc 64
run --now "2026-10-09 09:00" --format json remind
py_expect "$out" 'd = json.loads(data); print(len(d["groups"]), d["groups"][0]["unit"], d["groups"][0]["items"][0]["kind"], d["groups"][0]["items"][0]["due"])' \
  "3 cgj unacknowledged 2026-10-08T15:59:59Z" "remind json"
run --now "2026-10-09 09:00" --format csv remind
expect_eq "$(printf '%s\n' "$out" | head -1)" "unit,kind,role,case,meeting,title,due,level,unassigned,cases" "remind csv header"
expect_eq "$(printf '%s\n' "$out" | wc -l)" "4" "one csv row per item"
# Due soon: within 2wd of Mon 10-12 09:00 the 10-13 deadline falls.
"$DUBAN" -q --now "2026-10-09 10:00" ack 1 2 3
run --now "2026-10-12 09:00" remind --within 2wd
expect_out_has "即将到期"
run --now "2026-10-12 09:00" remind --within 1h
expect_out ""

# --working-days: quiet on Sunday 10-11, speaks on the make-up Saturday 10-10.
run --now "2026-10-14 09:00" remind --working-days
expect_out_has "超期未办结"
run --now "2026-10-11 09:00" remind --within 3wd
expect_out_has "即将到期"
run --now "2026-10-11 09:00" remind --within 3wd --working-days
expect_out ""
run --now "2026-10-10 09:00" remind --within 3wd --working-days
expect_out_has "即将到期"

# --- escalate --auto --------------------------------------------------------------
# On 10-14 every case is past due (10-13); the ladder's overdue step (level 2,
# after 0m) applies; level 3 waits 5wd past due.
j=$(jcount)
run --now "2026-10-14 09:00" escalate --auto
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "3" "three cases raised"
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "编号 牵头单位 规则 期限 原级别 升至 通知 标题" "the header in Chinese"
expect_out_has "   1  市城市管理局            超期未办结  2026-10-13 23:59       0     2  领办领导（未指定）  新华社区路灯不亮"
expect_out_lacks "overdue"
expect_eq "$(sql 'SELECT group_concat(level) FROM "case"')" "2,2,2" "all at level 2"
expect_eq "$(jcount "action = 'escalate'")" "3" "one event per case"
run --now "2026-10-14 09:00" escalate --auto
expect_rc 0
expect_out ""
expect_eq "$err" "" "a second run says nothing"
expect_eq "$(jcount)" "$((j + 3))" "a second run writes nothing"
run --now "2026-10-20 23:59:59" escalate --auto  # 5wd after 10-13 ends 10-20 23:59:59
expect_out ""
run --now "2026-10-21 00:00" --format json escalate --auto
py_expect "$out" 'd = json.loads(data); print(len(d), d[0]["from_level"], d[0]["level"], d[0]["when"], d[0]["after"], d[0]["notify"], d[0]["notify_name"], d[0]["notify_email"])' \
  "3 2 3 overdue 5wd supervision office 邓立新 dcs@example.gov.cn" "level 3 after 5wd, to the office's head"

# --- escalate by hand -------------------------------------------------------------
export DUBAN_NOW="2026-10-21 09:00"
run escalate 3 --to cgj --reason x
expect_rc 64
expect_err_has "duban: 错误: “cgj” 不是 “sy-cd-xh” 的上级单位：--to 只能把案件移交上级"
run --config "$T/en.toml" escalate 3 --to cgj --reason x
expect_rc 64
expect_err_has "duban: error: 'cgj' is not above 'sy-cd-xh' in the unit tree; --to moves a case up only"
run escalate 3 --to sy
expect_rc 64
expect_err_has "--reason"
run escalate 3 --to sy --reason "超出社区职权，提级到区"
expect_rc 0
expect_eq "$(sql 'SELECT lead_unit, status, level FROM "case" WHERE id = 3')" "sy|listed|4" "moved up, re-listed, level 4"
run escalate 1 --level 3 --reason x
expect_rc 64
expect_err_has "duban: 错误: 案件 1 已在第 3 级，--level 3 不是升级"
run --config "$T/en.toml" escalate 1 --level 3 --reason x
expect_rc 64
expect_err_has "duban: error: case 1 is at level 3; --level 3 does not raise it"
run escalate 1 --level 5 --auto
expect_rc 64
expect_err_has "duban: 错误: 须给出且只给出 --level N、--to UNIT、--whistle UNITS、--auto 之一"
run escalate 1 --auto
expect_rc 64
expect_err_has "duban: 错误: --auto 作用于所有案件，不要给出案件编号"
run --config "$T/en.toml" escalate 1 --whistle , --reason x
expect_rc 64
expect_err_has "duban: error: --whistle needs at least one unit"

# A whistle: two units must report within 30 minutes.
run escalate 2 --whistle jyj,mzj --within 30m --reason "吹哨报到：环卫工人工资"
expect_rc 0
expect_eq "$(sql "SELECT group_concat(unit || '@' || due_at) FROM summons WHERE case_id = 2")" \
  "jyj@2026-10-21T01:30:00Z,mzj@2026-10-21T01:30:00Z" "each unit's window"
"$DUBAN" -q --now "2026-10-21 09:20" ack 2 --unit jyj
run --now "2026-10-21 09:31" remind --unit mzj
expect_out_has "吹哨未报到"
run --now "2026-10-21 09:31" remind --unit jyj
expect_out ""
"$DUBAN" -q --now "2026-10-21 09:45" ack 2 --unit mzj
expect_eq "$(sql "SELECT group_concat(json_extract(detail, '$.late')) FROM journal WHERE case_id = 2 AND action = 'ack' AND unit IN ('jyj', 'mzj')")" \
  "0,1" "the late answer is recorded as late"
run --now "2026-10-21 09:50" ack 2 --unit zjj
expect_rc 64

# --- cron: the crontab's own line under env -i ------------------------------------
line=$(sed -n 's/^30 8 \* \* \* *flock -n [^ ]* //p' "$EXAMPLES/crontab")
expect_eq "$line" "duban remind --working-days --within 1wd" "the crontab's remind line"
bindir=$(dirname "$DUBAN")
cron_run() {  # as cron runs it: no TZ, no LANG, no HOME
  env -i PATH="$bindir:/usr/bin:/bin" DUBAN_CONFIG="$DUBAN_CONFIG" DUBAN_STORE="$DUBAN_STORE" \
    DUBAN_NOW="$1" sh -c "$line"
}
expected=$(TZ=America/New_York LANG=zh_CN.UTF-8 "$DUBAN" --now "2026-10-22 08:30" remind --working-days --within 1wd)
got=$(cron_run "2026-10-22 08:30")
expect_eq "$got" "$expected" "env -i gives what a terminal in another zone gives"
[[ "$got" == *"超期未办结"* ]] || fail "cron output lacks the overdue cases"
# Deadlines set under env -i are the config zone's.
env -i PATH="$bindir:/usr/bin:/bin" DUBAN_CONFIG="$DUBAN_CONFIG" DUBAN_STORE="$DUBAN_STORE" \
  sh -c 'duban -q --now "2026-11-02 10:00" intake --title 井盖破损 --class C &&
         duban -q --now "2026-11-02 10:00" assign 4 --lead cgj'
expect_eq "$(sql 'SELECT ack_due, due_at FROM "case" WHERE id = 4')" \
  "2026-11-03T15:59:59Z|2026-11-09T15:59:59Z" "env -i deadlines in Asia/Shanghai"
# Silent when nothing is due: a store where everything is closed.
for id in 1 2 3 4; do
  "$DUBAN" -q --now "2026-11-02 11:00" ack "$id" 2>/dev/null
  "$DUBAN" -q --now "2026-11-02 11:00" resolve "$id" --outcome solved
done
expect_eq "$(cron_run "2026-11-03 08:30")" "" "nothing due: cron gets nothing to mail"

# --- remind-by-unit.sh with a stub sendmail ---------------------------------------
"$DUBAN" -q --now "2026-11-03 09:00" reopen 1 2 3 --reason 回访不满意
cat >"$T/sendmail" <<'STUB'
#!/bin/sh
n=$(ls "$MAILDIR" | wc -l)
{ echo "ARGS: $*"; cat; } >"$MAILDIR/mail.$n"
STUB
chmod +x "$T/sendmail"
mkdir "$T/mail"
MAILDIR="$T/mail" SENDMAIL="$T/sendmail" DUBAN="$DUBAN" DUBAN_NOW="2026-11-04 08:35" \
  bash "$EXAMPLES/remind-by-unit.sh" 2>"$T/mailed"
expect_eq "$?" "0" "remind-by-unit.sh succeeds"
expect_eq "$(ls "$T/mail" | wc -l)" "3" "one mail per unit with something due (cgj, rsj, sy)"
expect_eq "$(grep -h '^To: ' "$T"/mail/* | sort | tr '\n' ' ')" \
  "To: cgj@example.gov.cn To: rsj@example.gov.cn To: sy@example.gov.cn " "each to its unit's address"
expect_eq "$(grep -h '^ARGS: ' "$T/mail/mail.0")" "ARGS: -t -oi" "sendmail reads the recipients from the headers"
cgj_mail=$(grep -l '^To: cgj@' "$T"/mail/*)
subject=$(sed -n 's/^Subject: =?UTF-8?B?\(.*\)?=$/\1/p' "$cgj_mail" | base64 -d)
expect_eq "$subject" "督办提醒：市城市管理局" "the subject, RFC 2047-encoded"
expect_eq "$(grep -c '新华社区路灯不亮' "$cgj_mail")" "1" "cgj's mail lists its case"
expect_eq "$(grep -c '环卫工人工资偏低' "$cgj_mail")" "0" "and not rsj's"
expect_eq "$(grep -c '^mailed ' "$T/mailed")" "3" "the script says whom it mailed on stderr"

# --- the whistles are in the journal too: doctor checks the summons against it --
run --now "2026-12-01 09:00" doctor
expect_rc 0
sqlite3 "$DUBAN_STORE" "UPDATE summons SET answered_at = NULL WHERE case_id = 2 AND unit = 'mzj'"
run --now "2026-12-01 09:00" doctor
expect_rc 1
expect_out_has "案件与日志   故障 案件 2: summons = mzj"

finish
