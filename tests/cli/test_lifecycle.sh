#!/usr/bin/env bash
# The lifecycle of SPEC §3: assign, ack, note, resolve, close, reopen,
# return, followup; deadlines of SPEC §4-5 computed by hand; one journal
# event per change; multi-id commands all-or-nothing; ids through pipes.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
# Monday 9 November 2026, 09:00 in Sanming (01:00 UTC).
export DUBAN_NOW=2026-11-09T09:00:00+08:00
jcount() { sql "SELECT count(*) FROM journal${1:+ WHERE $1}"; }
state() { sql "SELECT status FROM \"case\" WHERE id = $1"; }
field() { sql "SELECT $2 FROM \"case\" WHERE id = $1"; }

"$DUBAN" -q intake --title "环卫工人工资偏低" --class A --category wages                       # 1
"$DUBAN" -q intake --title "无等级的问题"                                                      # 2
"$DUBAN" -q intake --title "新华社区路灯不亮" --channel hotline --category streetlight         # 3
# Case 5 came in before National Day, to be assigned then (acts go in time order).
for i in 4 5 6 7 8 9 10; do
  received=()
  [ "$i" = 5 ] && received=(--received "2026-09-29 09:00")
  "$DUBAN" -q intake --title "C类问题$i" --class C "${received[@]}"
done                                                                                           # 4..10
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "10" "setup: 10 cases"

# --- assign -----------------------------------------------------------------------
j=$(jcount)
run assign 1 --lead cgi
expect_rc 69
expect_err_has "duban: 错误:"
expect_err_has "--lead: 没有单位“cgi”（代码或名称）"
expect_err_has "（是不是 “cgj”？）"
expect_eq "$(state 1)" "received" "an unknown lead unit changes nothing"
run assign 1 --lead rsj --co cgj,mzl
expect_rc 69
expect_err_has "--co: 没有单位“mzl”"
expect_err_has "（是不是 “mzj”？）"
expect_eq "$(jcount)" "$j" "refused assigns write no event"

# A class-A case: ack 1wd, resolve 20wd from Monday 9 November 2026.
run --format ids assign 1 --lead rsj --co cgj,mzj --leader "林志强"
expect_rc 0
expect_out "1"
expect_eq "$(field 1 'status, lead_unit, leader, assigned_at')" \
  "listed|rsj|林志强|2026-11-09T01:00:00Z" "assigned"
expect_eq "$(field 1 ack_due)" "2026-11-10T15:59:59Z" "ack due: end of Tue 10 Nov (1wd)"
expect_eq "$(field 1 due_at)" "2026-12-07T15:59:59Z" "due: end of Mon 7 Dec (20wd)"
expect_eq "$(sql 'SELECT group_concat(unit, ",") FROM (SELECT unit FROM co_unit WHERE case_id = 1 ORDER BY position)')" \
  "cgj,mzj" "co-units in the order given"
expect_eq "$(jcount "case_id = 1 AND action = 'assign'")" "1" "one assign event"
expect_eq "$(sql "SELECT unit FROM journal WHERE case_id = 1 AND action = 'assign'")" "rsj" \
  "the assign event names the lead unit"
expect_eq "$(jcount)" "$((j + 1))" "assign wrote exactly one event"

# The table a clerk sees shows the local due.
run assign 4 --lead cgj
expect_rc 0
expect_out_has "2026-11-16 23:59"
expect_eq "$(field 4 due_at)" "2026-11-16T15:59:59Z" "class C: 5wd, end of Mon 16 Nov"

# No class and no --due: usage.
j=$(jcount)
run assign 2 --lead cgj
expect_rc 64
expect_err_has "class"
run assign 2 --lead cgj --due 2026-11-30
expect_rc 64
expect_err_has "--reason"
expect_eq "$(state 2)" "received" "refused: still received"
expect_eq "$(jcount)" "$j" "no event for a refused assign"
run --format ids assign 2 --lead cgj --due 2026-11-30 --reason "市领导批示限期"
expect_rc 0
expect_eq "$(field 2 due_at)" "2026-11-30T15:59:59Z" "--due DATE means 23:59:59 that day"
expect_eq "$(field 2 ack_due)" "2026-11-10T15:59:59Z" "ack due still from the rules"
expect_eq "$(sql "SELECT json_extract(detail, '\$.reason') FROM journal WHERE case_id = 2 AND action = 'assign'")" \
  "市领导批示限期" "the --due reason is journaled"

# A hotline case: the rule gives ack 2h and resolve 5wd whatever the class.
run --format ids assign 3 --lead cgj
expect_rc 0
expect_eq "$(field 3 ack_due)" "2026-11-09T03:00:00Z" "hotline: ack within 2 hours"
expect_eq "$(field 3 due_at)" "2026-11-16T15:59:59Z" "hotline: resolve within 5wd"

# Holidays: assigned Wed 30 Sep 2026, before 国庆 (1-7 Oct) and the make-up
# working Saturday 10 Oct: working days are 8, 9, 10, 12, 13 Oct.
run --now "2026-09-30T10:00:00+08:00" --format ids assign 5 --lead cgj
expect_rc 0
expect_eq "$(field 5 ack_due)" "2026-10-08T15:59:59Z" "1wd after 30 Sep skips the holiday"
expect_eq "$(field 5 due_at)" "2026-10-13T15:59:59Z" "5wd after 30 Sep counts Sat 10 Oct"

# Days are local days: 00:30 on Tue 10 Nov in Sanming is still 9 Nov in UTC.
run --now "2026-11-10T00:30:00+08:00" intake --title "午夜之后" --class C
expect_rc 0
late=$out
run --now "2026-11-10T00:30:00+08:00" --format ids assign "$late" --lead cgj
expect_rc 0
expect_eq "$(field "$late" 'assigned_at, ack_due, due_at')" \
  "2026-11-09T16:30:00Z|2026-11-11T15:59:59Z|2026-11-17T15:59:59Z" "working days from the local date"
# Assigned on a holiday (Sat 3 Oct 2026): the first working day is Thu 8 Oct.
run --now "2026-10-03T10:00:00+08:00" intake --title "国庆期间" --class C
holiday=$out
run --now "2026-10-03T10:00:00+08:00" --format ids assign "$holiday" --lead cgj --due 3wd --reason "节后三个工作日内"
expect_rc 0
expect_eq "$(field "$holiday" 'ack_due, due_at')" "2026-10-08T15:59:59Z|2026-10-10T15:59:59Z" \
  "a --due DURATION in working days, counting the make-up Saturday"

# Reassign: needs --reason; then the new lead must acknowledge afresh.
j=$(jcount)
run assign 1 --lead cgj
expect_rc 64
expect_err_has "--reason"
expect_eq "$(field 1 lead_unit)" "rsj" "a reassign without reason changes nothing"
run --now "2026-11-10T10:00:00+08:00" --format ids assign 1 --lead cgj --co rsj --reason "属城管职责"
expect_rc 0
expect_eq "$(field 1 'status, lead_unit, assigned_at')" "listed|cgj|2026-11-10T02:00:00Z" "reassigned"
expect_eq "$(field 1 ack_due)" "2026-11-11T15:59:59Z" "new lead: new ack due"
expect_eq "$(field 1 due_at)" "2026-12-08T15:59:59Z" "20wd from Tue 10 Nov"
expect_eq "$(sql 'SELECT group_concat(unit) FROM co_unit WHERE case_id = 1')" "rsj" "co-units replaced"
expect_eq "$(jcount)" "$((j + 1))" "reassign wrote one event"
run assign 1 --lead cgj --co cgj --reason x
expect_rc 64
run assign 1 --lead cgj --class D --reason x
expect_rc 64
expect_err_has "--class: “D” 不是 A、B、C 之一"

# --- ack ----------------------------------------------------------------------------
j=$(jcount)
run ack 6
expect_rc 65
expect_err_has "案件 6 当前为“已受理”，此操作要求它为“已交办”"
expect_eq "$(state 6)" "received" "ack of a received case changes nothing"
export DUBAN_NOW=2026-11-11T08:30:00+08:00
run --format ids ack 1
expect_rc 0
expect_out "1"
expect_eq "$(field 1 'status, acked_at')" "in_progress|2026-11-11T00:30:00Z" "acknowledged"
run ack 1
expect_rc 65
expect_err_has "案件 1 当前为“办理中”"
expect_eq "$(jcount)" "$((j + 1))" "one ack event"
# A co-unit reports in: journaled, state unchanged.
run --format ids ack 1 --unit rsj
expect_rc 0
expect_eq "$(sql "SELECT unit FROM journal WHERE case_id = 1 AND action = 'ack' ORDER BY id DESC LIMIT 1")" \
  "rsj" "the co-unit's ack names it"
expect_eq "$(state 1)" "in_progress" "a co-unit's ack does not change the state"
# Same lead, new due (with a reason): still in progress, still acknowledged.
j=$(jcount)
run --format ids assign 1 --lead cgj --co rsj --due 5wd --reason "需协调资金，调整期限"
expect_rc 0
expect_eq "$(field 1 'status, acked_at, due_at')" "in_progress|2026-11-11T00:30:00Z|2026-11-18T15:59:59Z" \
  "a new due from Wed 11 Nov: 5wd is end of Wed 18 Nov"
expect_eq "$(jcount)" "$((j + 1))" "one assign event"
run ack 1 --unit ybj
expect_rc_not 0
run ack 1 --unit ybx
expect_rc 69
expect_err_has "是不是"

# --- note, with a milestone due ----------------------------------------------------
j=$(jcount)
run --format ids note 1 "第一阶段：摸底调查完成" --due 2026-11-20
expect_rc 0
expect_eq "$(field 1 due_at)" "2026-11-20T15:59:59Z" "a milestone due replaces the due"
expect_eq "$(sql "SELECT json_extract(detail, '\$.text') FROM journal WHERE case_id = 1 AND action = 'note'")" \
  "第一阶段：摸底调查完成" "the note text is journaled"
run --format ids note 1 "进展顺利"
expect_rc 0
expect_eq "$(field 1 due_at)" "2026-11-20T15:59:59Z" "a plain note leaves the due"
expect_eq "$(jcount)" "$((j + 2))" "one event per note"
run note 1 ""
expect_rc 64
run note 1 "坏期限" --due "next week"
expect_rc 64
expect_eq "$(jcount)" "$((j + 2))" "refused notes write nothing"

# --- resolve --------------------------------------------------------------------------
j=$(jcount)
run resolve 4 --outcome solved --note "已处理"
expect_rc 65
expect_err_has "案件 4 已交办但牵头单位尚未签收"
expect_eq "$(state 4)" "listed" "resolve of a listed case is refused"
run resolve 1 --outcome explained
expect_rc 64
expect_err_has "--note"
expect_eq "$(state 1)" "in_progress" "explained without text is refused"
run resolve 1 --outcome maybe
expect_rc 64
expect_eq "$(jcount)" "$j" "refused resolves write nothing"
export DUBAN_NOW=2026-11-18T16:00:00+08:00
run --format ids resolve 1 --outcome explained --note "工资标准由市场决定，已向本人解释政策"
expect_rc 0
expect_eq "$(field 1 'status, outcome, outcome_text, resolved_at')" \
  "resolved|explained|工资标准由市场决定，已向本人解释政策|2026-11-18T08:00:00Z" "resolved, explained"
expect_eq "$(jcount)" "$((j + 1))" "one resolve event"

# --- close ------------------------------------------------------------------------------
"$DUBAN" -q ack 4
j=$(jcount)
run close 4
expect_rc 65
expect_err_has "案件 4 当前为“办理中”，销号需要它已办结（或用 --force --reason 强制销号）"
expect_eq "$(state 4)" "in_progress" "close of an unresolved case is refused"
run close 4 --force
expect_rc 64
expect_err_has "--reason"
expect_eq "$(state 4)" "in_progress" "--force without --reason is refused"
expect_eq "$(jcount)" "$j" "refused closes write nothing"
run --format ids close 4 --force --reason "与3号重复，合并办理"
expect_rc 0
expect_eq "$(field 4 'status, closed_at')" "closed|2026-11-18T08:00:00Z" "forced close"
expect_eq "$(sql "SELECT json_extract(detail, '\$.forced') || '|' || json_extract(detail, '\$.reason') FROM journal WHERE case_id = 4 AND action = 'close'")" \
  "1|与3号重复，合并办理" "a forced close is journaled with forced and the reason"
run close 4
expect_rc 65
expect_err_has "案件 4 当前为“已销号”，此操作要求它为“已办结”"

export DUBAN_NOW=2026-11-19T10:00:00+08:00
j=$(jcount)
run --format ids close 1
expect_rc 0
expect_eq "$(field 1 'status, closed_at')" "closed|2026-11-19T02:00:00Z" "closed"
expect_eq "$(sql "SELECT detail FROM journal WHERE case_id = 1 AND action = 'close'")" "{}" \
  "a normal close is not marked forced"
expect_eq "$(jcount)" "$((j + 1))" "one close event"

# --- reopen ------------------------------------------------------------------------------
run reopen 1
expect_rc 64
expect_eq "$(state 1)" "closed" "reopen needs --reason"
run reopen 6 --reason x
expect_rc 65
expect_eq "$(state 6)" "received" "reopen of a received case is refused"
run --format ids reopen 1 --reason "群众反映问题仍存在"
expect_rc 0
expect_eq "$(field 1 'status, closed_at IS NULL, resolved_at IS NULL, outcome IS NULL')" \
  "in_progress|1|1|1" "reopened: back in progress"
expect_eq "$(sql "SELECT json_extract(detail, '\$.reason') FROM journal WHERE case_id = 1 AND action = 'reopen'")" \
  "群众反映问题仍存在" "the reopen reason is journaled"
expect_eq "$(jcount)" "$((j + 2))" "one reopen event"

# --- followup ----------------------------------------------------------------------------
j=$(jcount)
run followup 1 --rating satisfied
expect_rc 65
expect_eq "$(jcount)" "$j" "no followup of an open case"
"$DUBAN" -q resolve 1 --outcome solved --note "已调整工资"
"$DUBAN" -q close 1
j=$(jcount)
run followup 1 --rating satisfied --score 6
expect_rc 64
expect_err_has "6"
run followup 1 --rating happy
expect_rc 64
expect_eq "$(jcount)" "$j" "a bad followup writes nothing"
expect_eq "$(field 1 'satisfaction IS NULL')" "1" "and sets no satisfaction"
export DUBAN_NOW=2026-11-25T15:00:00+08:00
run --format ids followup 1 --rating unsatisfied --score 2 --note "工资仍未调整"
expect_rc 0
expect_eq "$(field 1 'status, satisfaction, closed_at IS NULL')" "in_progress|unsatisfied|1" \
  "unsatisfied reopens"
expect_eq "$(jcount "case_id = 1 AND id > (SELECT max(id) - 2 FROM journal)")" "2" "followup and reopen events"
expect_eq "$(sql "SELECT json_extract(detail, '\$.rating') || '|' || json_extract(detail, '\$.score') FROM journal WHERE case_id = 1 AND action = 'followup'")" \
  "unsatisfied|2" "rating and score journaled"
"$DUBAN" -q resolve 1 --outcome solved --note "已补发"
"$DUBAN" -q --now "2026-11-26T10:00:00+08:00" close 1
expect_eq "$(field 1 closed_at)" "2026-11-26T02:00:00Z" "a later close sets a new closed_at"
export DUBAN_NOW=2026-11-26T11:00:00+08:00  # acts go in time order: after the close
j=$(jcount)
run --format ids followup 1 --rating unsatisfied --no-reopen
expect_rc 0
expect_eq "$(field 1 'status, satisfaction')" "closed|unsatisfied" "--no-reopen keeps it closed"
expect_eq "$(jcount)" "$((j + 1))" "--no-reopen: just the followup event"
run --format ids followup 1 --rating basic --score 4
expect_rc 0
expect_eq "$(field 1 'status, satisfaction')" "closed|basic" "basically satisfied"

# --- return (退单) --------------------------------------------------------------------------
"$DUBAN" -q assign 6 --lead sy-cd --co cgj --leader "刘建华"
j=$(jcount)
run return 6
expect_rc 64
expect_eq "$(state 6)" "listed" "return needs --reason"
run --format ids return 6 --reason "属区级事权，不属本街道职责"
expect_rc 0
expect_eq "$(field 6 'status, lead_unit IS NULL, due_at IS NULL, ack_due IS NULL')" "received|1|1|1" \
  "back to received, lead and deadlines cleared"
expect_eq "$(sql 'SELECT count(*) FROM co_unit WHERE case_id = 6')" "0" "co-units cleared"
expect_eq "$(sql "SELECT unit || '|' || json_extract(detail, '\$.reason') FROM journal WHERE case_id = 6 AND action = 'return'")" \
  "sy-cd|属区级事权，不属本街道职责" "the return names the unit and the reason"
expect_eq "$(jcount)" "$((j + 1))" "one return event"
run return 6 --reason again
expect_rc 65
# In progress can be returned too.
"$DUBAN" -q assign 6 --lead sy --class B
"$DUBAN" -q ack 6
run --format ids return 6 --reason "需市级协调"
expect_rc 0
expect_eq "$(state 6)" "received" "return from in progress"

# --- multi-id commands are all-or-nothing -------------------------------------------------
"$DUBAN" -q assign 7 8 --lead cgj
j=$(jcount)
run ack 7 8 99
expect_rc 69
expect_err_has "没有案件 99"
expect_eq "$(state 7)$(state 8)" "listedlisted" "one missing id: nothing acknowledged"
expect_eq "$(jcount)" "$j" "one missing id: no events"
"$DUBAN" -q ack 7
j=$(jcount)
run resolve 7 8 --outcome solved
expect_rc 65
expect_eq "$(state 7)" "in_progress" "one unacknowledged id: nothing resolved"
run assign 9 10 4 --lead rsj --reason "统一调整"
expect_rc_not 0
expect_eq "$(state 9)$(state 10)" "receivedreceived" "a closed case in the batch: nothing assigned"
run ack 8 abc
expect_rc 64
expect_eq "$(state 8)" "listed" "a malformed id: nothing acknowledged"
expect_eq "$(jcount)" "$j" "failed batches write no events"

# --- ids through pipes ------------------------------------------------------------------------
"$DUBAN" -q meeting add --kind breakfast --title "环卫工人早餐会" --date 2021-10-23 --group "环卫工人"
first=$(( $(sql 'SELECT max(id) FROM "case"') + 1 ))
last=$((first + 10))
"$DUBAN" -q --now 2021-10-23T11:00:00+08:00 intake --file "$EXAMPLES/breakfast-2021-10-23.csv" --meeting 1
out=$("$DUBAN" list --meeting 1 --format ids | "$DUBAN" --format ids assign - --lead rsj --leader "林志强" 2>"$T/.err")
rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out "$(seq "$first" "$last")"
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE meeting = 1 AND status = 'listed' AND lead_unit = 'rsj'")" \
  "11" "all 11 assigned through the pipe"
expect_eq "$(jcount "action = 'assign' AND case_id BETWEEN $first AND $last")" "11" "one assign event each"
out=$(printf '%s\n' "$first" " $((first + 1)) " "" | "$DUBAN" --format ids ack - 2>"$T/.err"); rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out "$first
$((first + 1))"
expect_eq "$(state "$first")$(state $((first + 1)))" "in_progressin_progress" "acknowledged from stdin"
# No ids on stdin: nothing to do, like `xargs -r` (SPEC §6); none at all is bad usage.
j=$(jcount)
out=$(printf '' | "$DUBAN" ack - 2>"$T/.err"); rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out ""
expect_err ""
expect_eq "$(jcount)" "$j" "an empty stdin changes nothing"

finish
