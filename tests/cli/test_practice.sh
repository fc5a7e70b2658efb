#!/usr/bin/env bash
# How offices really work (SPEC §3): suspension (挂账), extension (延期),
# merged repeats (并单), appeals (申诉/核减) and corrections (更正). Each is
# an event under the hash chain, and doctor recomputes every case from them.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db"
sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/city.toml"
export DUBAN_CONFIG="$T/city.toml"
q() { "$DUBAN" -q --now "$1" "${@:2}"; }
field() {  # field ID KEY [NOW]: a key of show's JSON
  "$DUBAN" --now "${3:-2027-01-01 00:00}" --format json show "$1" |
    python3 -c "import json,sys; v=json.load(sys.stdin)['$2']; print('-' if v is None else v)"
}

# --- suspension across the National Day week ----------------------------------------
q "2026-09-28 09:00" intake --title 小区停水
q "2026-09-28 09:30" assign 1 --lead cgj --due "2026-09-30" --reason 急
expect_eq "$(field 1 due_at)" "2026-09-30T15:59:59Z" "due 2026-09-30 23:59:59 local"
run --now "2026-09-28 10:00" suspend 1 --reason 等待供水公司 --until 2026-10-08
expect_rc 0
expect_eq "$(field 1 suspended_at)" "2026-09-28T02:00:00Z" "suspended since"
run --now "2026-09-28 10:00" list --suspended --format ids
expect_out "1"
run --now "2026-09-29 10:00" suspend 1 --reason again
expect_rc 65
expect_err_has "suspended"
# Not overdue, not reminded, not escalated while suspended.
run --now "2026-10-05 12:00" list --overdue --format ids
expect_out ""
run --now "2026-10-05 12:00" remind
expect_out_lacks "小区停水"
run --now "2026-10-05 12:00" escalate --auto --format json
expect_out "[]"
# Its expected end passed: remind says so to the lead unit.
run --now "2026-10-09 09:00" remind
expect_out_has "suspension ended"
expect_out_has "小区停水"
# Resumed 11 days later to the second: the due moves by exactly that.
run --now "2026-10-09 10:00" resume 1 --reason 已恢复供水
expect_rc 0
expect_eq "$(field 1 due_at)" "2026-10-11T15:59:59Z" "due 2026-09-30 23:59:59 + 11 days"
expect_eq "$(field 1 suspended_at)" "-" "no longer suspended"
run --now "2026-10-09 10:00" resume 1
expect_rc 65
# As of a clock inside the suspension, the case stood suspended with its old due.
expect_eq "$(field 1 due_at "2026-10-01 00:00")" "2026-09-30T15:59:59Z" "as of the clock: the old due"
expect_eq "$(field 1 suspended_at "2026-10-01 00:00")" "2026-09-28T02:00:00Z" "as of the clock: suspended"

# --- extension -----------------------------------------------------------------------
run --now "2026-10-10 09:00" extend 1 --due 2026-10-20 --reason 管网改造
expect_rc 0
expect_eq "$(field 1 due_at)" "2026-10-11T15:59:59Z" "the old due holds until approved"
expect_eq "$(field 1 extension_due)" "2026-10-20T15:59:59Z" "asked for"
run --now "2026-10-10 09:00" remind --unit dcs
expect_out_has "extension to decide"
run --now "2026-10-10 09:30" extend 1 --due 2026-10-25 --reason 再延
expect_rc 65
run --now "2026-10-10 10:00" extend 1 --approve --reason 同意
expect_rc 0
expect_eq "$(field 1 due_at)" "2026-10-20T15:59:59Z" "approved: the due asked for"
run --now "2026-10-10 10:00" extend 1 --reject
expect_rc 65
run --now "2026-10-10 10:00" extend 1 --approve --reject
expect_rc 64

# --- a merge of three requests, then a reopen of the master --------------------------
for t in 路灯不亮 路灯还是不亮 又是路灯; do q "2026-10-12 09:00" intake --title "$t" --phone 13800000001; done
q "2026-10-12 10:00" assign 2 --lead cgj --class C
run --now "2026-10-12 11:00" merge 3 4 --into 2 --reason 同一路灯
expect_rc 0
expect_eq "$(field 3 merged_into)" "2" "3 follows 2"
run --now "2026-10-12 11:00" --format json show 2
py_expect "$out" 'print(json.loads(data)["merged"])' "[3, 4]" "show of the master names its repeats"
run --now "2026-10-12 11:30" merge 2 --into 3 --reason x
expect_rc 65
run --now "2026-10-12 11:30" resolve 3 --outcome solved
expect_rc 65
expect_err_has "merged into case 2"
for how in "--level 2" "--to cgj" "--whistle cgj,rsj"; do
  run --now "2026-10-12 11:30" escalate 3 $how --reason 催办
  expect_rc 65
  expect_err_has "already merged into case 2"
done
expect_eq "$(field 3 level)" "0" "a merged request is not escalated by hand"
q "2026-10-12 12:00" ack 2
q "2026-10-13 09:00" resolve 2 --outcome solved --note 已修复
expect_eq "$(field 3 status) $(field 4 status)" "resolved resolved" "the repeats are resolved with their master"
expect_eq "$(field 3 lead_unit)" "cgj" "and take its lead unit"
q "2026-10-13 10:00" close 2
expect_eq "$(field 3 status) $(field 4 status)" "closed closed" "closed with it"
run --now "2026-10-13 10:00" --format json show 4
py_expect "$out" 'print([(e["action"], e.get("with")) for e in json.loads(data)["journal"]][-3:])' \
  "[('merge', None), ('resolve', 2), ('close', 2)]" "each repeat journals its own event, with #2"
# Each requester is asked: an unsatisfied caller of a repeat reopens the master and all.
q "2026-10-14 09:00" followup 2 --rating satisfied
q "2026-10-14 09:00" followup 3 --rating satisfied
q "2026-10-14 09:10" followup 4 --rating unsatisfied
expect_eq "$(field 2 status) $(field 3 status) $(field 4 status)" "in_progress in_progress in_progress" \
  "a reopen of the master takes its repeats along"
q "2026-10-15 09:00" resolve 2 --outcome solved
q "2026-10-15 10:00" close 2
run --now "2026-10-31 12:00" --format json report monthly --month 2026-10
py_expect "$out" 't = json.loads(data)["total"]; print(t["received"], t["problems"], t["extensions"], t["reopened"])' \
  "3 1 1 3" "received counts requests (2, 3, 4), problems the master only (case 1 came in September)"
run --now "2026-10-16 09:00" unmerge 4 --reason 不是同一处
expect_rc 0
expect_eq "$(field 4 merged_into)" "-" "unmerged"
run --now "2026-10-16 09:00" unmerge 4 --reason again
expect_rc 65

# --- an appeal granted: the unit's rates before and after, by hand ---------------------
# November, cgj: case 5 closed on time, case 6 open and overdue, both received in November.
q "2026-11-02 09:00" intake --title 噪音扰民
q "2026-11-02 09:00" intake --title 恶意重复来电
q "2026-11-02 10:00" assign 5 6 --lead cgj --due 2026-11-06 --reason 约定
q "2026-11-02 11:00" ack 5 6
q "2026-11-03 09:00" resolve 5 --outcome solved
q "2026-11-03 10:00" close 5
cgj() {  # cgj: closure_rate, excluded and received of cgj in November at the month's end
  run --now "2026-11-30 12:00" --format json report monthly --month 2026-11
  py_expect "$out" 'g = [g for g in json.loads(data)["groups"] if g["key"] == "cgj"][0]; print(g["closure_rate"], g["excluded"], g["received"])' "$1" "$2"
}
cgj "0.5 0 2" "before: 1 of 2 closed"
run --now "2026-11-10 09:00" appeal 6 --reason 同一人恶意重复来电
expect_rc 0
run --now "2026-11-10 09:00" appeal 6 --reason again
expect_rc 65
cgj "0.5 0 2" "a pending appeal changes nothing"
run --now "2026-11-11 09:00" appeal 6 --grant --reason 核实属实
expect_rc 0
cgj "1.0 1 2" "after: case 6 leaves both parts (1 of 1), stays in received, counted in excluded"
run --now "2026-11-11 09:00" appeal 6 --deny --reason x
expect_rc 65
# The bulletin as of a clock before the grant still says 0.5.
run --now "2026-11-10 12:00" --format json report monthly --month 2026-11
py_expect "$out" 'g = [g for g in json.loads(data)["groups"] if g["key"] == "cgj"][0]; print(g["closure_rate"], g["excluded"])' \
  "0.5 0" "as of the clock before the grant"

# The bulletin says which cases were excluded and why.
run --now "2026-11-30 12:00" --format json report monthly --month 2026-11
py_expect "$out" 'print([(e["id"], e["unit"], e["reason"]) for e in json.loads(data)["excluded_cases"]])' \
  "[(6, 'cgj', '核实属实')]" "the excluded case, its unit and the office's reason"
run --config "$EXAMPLES/duban.toml" --now "2026-11-30 12:00" --format md report monthly --month 2026-11
expect_out_has "核减事项（1 件"
expect_out_has "恶意重复来电"
run --now "2026-11-30 12:00" --format html report monthly --month 2026-11
expect_out_has "核实属实"

# --- a correction --------------------------------------------------------------------
run --now "2026-11-12 09:00" amend 5 --title 夜间噪音扰民 --town 城关镇 --reason 标题笔误
expect_rc 0
expect_eq "$(field 5 title)" "夜间噪音扰民" "corrected"
expect_eq "$(field 5 status)" "closed" "the acts are kept: still closed"
run --now "2026-11-12 09:00" --format json show 5
py_expect "$out" 'e = json.loads(data)["journal"][-1]; print(e["action"], e["old"]["title"], e["new"]["title"], e["reason"])' \
  "amend 噪音扰民 夜间噪音扰民 标题笔误" "the journal keeps old and new"
run --now "2026-11-12 09:00" list --search 夜间噪音 --format ids
expect_out "5"
run --now "2026-11-12 09:05" amend 5 --title 夜间噪音扰民 --reason again
expect_rc 64
run --now "2026-11-12 09:05" amend 5 --reason nothing
expect_rc 64
run --now "2026-11-12 09:05" amend 5 --channel nosuch --reason x
expect_rc 69

# Zh words for the new acts, and doctor over it all.
run --config "$EXAMPLES/duban.toml" --now "2026-12-01 00:00" show 1
expect_out_has "挂账"
expect_out_has "批准延期"
run doctor
expect_rc 0
expect_eq "$(sql "SELECT group_concat(action, ' ') FROM (SELECT DISTINCT action FROM journal WHERE action IN ('suspend','resume','extend','extend_approve','merge','unmerge','appeal','appeal_grant','amend') ORDER BY action)")" \
  "amend appeal appeal_grant extend extend_approve merge resume suspend unmerge" "journaled"
# A row changed behind duban's back is named against its events.
sqlite3 "$DUBAN_STORE" "DROP TRIGGER case_no_update; UPDATE \"case\" SET appeal = NULL WHERE id = 6"
run doctor
expect_rc 1
expect_out_has "appeal"
finish
