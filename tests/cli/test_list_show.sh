#!/usr/bin/env bash
# duban list and show: every filter of SPEC §9, Chinese text search of any
# length, the journal in show, JSON for programs, missing cases and stores.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00
ids() { out=$("$DUBAN" --format ids list "$@" 2>"$T/.err"); rc=$?; err=$(<"$T/.err"); out=${out//$'\n'/ }; }

# 1-6 hotline cases; 7-17 the breakfast meeting; 18 from a grid inspector,
# received at 07:00 on 4 Nov local time, which is still 3 Nov in UTC.
"$DUBAN" -q intake --file "$EXAMPLES/hotline.jsonl"
"$DUBAN" -q meeting add --kind breakfast --title "环卫工人早餐会" --date 2021-10-23 --group "环卫工人"
"$DUBAN" -q --now 2021-10-23T11:00:00+08:00 intake --file "$EXAMPLES/breakfast-2021-10-23.csv" --meeting 1
"$DUBAN" -q intake --title "网格员上报：楼道堆放杂物" --channel grid --category other \
  --received "2026-11-04T07:00:00+08:00"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "18" "setup: 18 cases"

# Assigned Monday 9 Nov 09:00: 1 (hotline, due end of 16 Nov), 2 (due end of
# 12 Nov), 3 (due end of 10 Nov but resolved), 7 (class A, 20wd: 7 Dec),
# 8 (class B, co-unit cgj); 1 and 3 acknowledged.
"$DUBAN" -q assign 1 --lead cgj --co sy-cd --class C
"$DUBAN" -q assign 2 --lead ml-ld --co cgj --due 2026-11-12 --reason "井盖隐患，限期三天"
"$DUBAN" -q assign 3 --lead cgj --due 2026-11-10 --reason "垃圾外溢，从快"
"$DUBAN" -q assign 7 --lead rsj
"$DUBAN" -q assign 8 --lead rsj --co cgj
"$DUBAN" -q ack 1 3
"$DUBAN" -q resolve 3 --outcome solved --note "已清运"

# --- list without filters ----------------------------------------------------------
ids
expect_rc 0
expect_out "$(echo $(seq 1 18))"
run list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | wc -l)" "19" "a header and every case"
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "编号 状态 分类 牵头单位 办理时限 标题" "the table header (the example config is in zh)"
expect_out_has "新华社区路灯不亮"

# --- status ----------------------------------------------------------------------
ids --status listed
expect_out "2 7 8"
ids --status listed,in_progress
expect_out "1 2 7 8"
ids --status resolved
expect_out "3"
ids --status received --channel hotline
expect_out "4 5 6"
run list --status done
expect_rc 64
expect_err_has "--status: “done” 不是 received、listed、in_progress、resolved、closed 之一"

# --- unit: lead or co-unit ----------------------------------------------------------
ids --unit cgj
expect_out "1 2 3 8"
ids --unit sy-cd
expect_out "1"
ids --unit rsj
expect_out "7 8"
ids --unit mzj
expect_out ""
expect_rc 0
run list --unit cgi
expect_rc 69
expect_err_has "--unit: 没有单位“cgi”（代码或名称）（是不是 “cgj”？）"

# --- class, channel, category, meeting ------------------------------------------
ids --class A
expect_out "7 9 14"
ids --class C --meeting 1
expect_out "11 12 16 17"
run list --class D
expect_rc 64
ids --channel hotline
expect_out "1 2 3 4 5 6"
ids --channel grid
expect_out "18"
ids --category streetlight
expect_out "1 6"
ids --category wages
expect_out "4 7"
ids --meeting 1
expect_out "$(echo $(seq 7 17))"
run list --meeting 5
expect_rc 69
expect_err_has "--meeting: 没有会议“5”"

# --- overdue and due within, against --now -----------------------------------------
ids --overdue
expect_out ""
ids --overdue --now 2026-11-11T09:00:00+08:00
expect_out ""
ids --overdue --now 2026-11-13T00:00:00+08:00
expect_out "2"
ids --overdue --now 2026-11-12T23:59:59+08:00
expect_out ""
ids --overdue --now 2026-11-17T09:00:00+08:00
expect_out "1 2"
ids --overdue --unit cgj --now 2026-11-17T09:00:00+08:00
expect_out "1 2"
ids --due-within 3wd
expect_out "2"
ids --due-within 5wd
expect_out "1 2"
ids --due-within 5wd --now 2026-11-13T09:00:00+08:00
expect_out "1"
ids --due-within 2mo
expect_out "1 2 7"
run list --due-within soon
expect_rc 64
expect_err_has "soon"

# --- received between dates, inclusive, in local days -------------------------------
ids --received-from 2026-11-04 --received-to 2026-11-05
expect_out "4 5 18"
ids --received-from 2026-11-03 --received-to 2026-11-03
expect_out "3"
ids --received-to 2026-11-03 --channel hotline
expect_out "1 2 3"
ids --received-from 2026-11-07
expect_out "6"
ids --received-to 2021-10-23
expect_out "$(echo $(seq 7 17))"
ids --received-from 2026-11-08
expect_out ""
run list --received-from yesterday
expect_rc 64

# --- limit -----------------------------------------------------------------------------
ids --limit 2
expect_out "1 2"
ids --limit 3 --channel breakfast
expect_out "7 8 9"
ids --limit 0
expect_out ""
run list --limit -1
expect_rc 64

# --- text search, in Chinese ----------------------------------------------------------
ids --search 路灯
expect_rc 0
expect_out "1 6"
ids --search 灯
expect_out "1 6"
ids --search 路灯不亮
expect_out "1"
ids --search 公交站
expect_out "2"
ids --search 电动车
expect_out "2"
ids --search 乾龙新村
expect_out "3 15"
ids --search 路灯 --status in_progress
expect_out "1"
ids --search 工资
expect_out "4 7 8 9"
ids --search 没有这样的内容
expect_out ""
expect_rc 0
ids --search '"引号'
expect_rc 0
expect_out ""
run list --search 路灯
expect_out_has "新华社区路灯不亮"
expect_out_has "村口路灯损坏"
expect_out_lacks "井盖"

# --- show ----------------------------------------------------------------------------
run show 1
expect_rc 0
expect_out_has "新华社区路灯不亮"
expect_out_has "138****1234"
expect_out_has "cgj"
expect_out_has "sy-cd"
expect_out_has "办理日志"
expect_eq "$(printf '%s\n' "$out" | sed -n '/^办理日志$/,$p' | awk 'NR > 1 {print $4}' | tr '\n' ' ')" \
  "受理 交办 签收 " "the journal, oldest first"
expect_eq "$(printf '%s\n' "$out" | grep -c ' tester ')" "3" "each event names its actor"
expect_out_has "2026-11-16 23:59"
run show 3
expect_out_has "已清运"
expect_eq "$(printf '%s\n' "$out" | sed -n '/^办理日志$/,$p' | awk 'NR > 1 {print $4}' | tr '\n' ' ')" \
  "受理 交办 签收 办结 " "show 3's journal"

run show 2 --format json
expect_rc 0
py_expect "$out" 'case = json.loads(data)
fields = ["id", "receipt", "title", "description", "channel", "category", "class", "requester",
          "phone", "town", "village", "address", "meeting", "status", "lead_unit", "co_units",
          "leader", "received_at", "assigned_at", "ack_due", "acked_at", "due_at", "resolved_at",
          "outcome", "closed_at", "level", "satisfaction"]
missing = [f for f in fields if f not in case]
assert not missing, f"missing {missing}"
assert case["id"] == 2 and case["status"] == "listed", case
assert case["lead_unit"] == "ml-ld" and case["co_units"] == ["cgj"], case
assert case["due_at"] == "2026-11-12T15:59:59Z", case["due_at"]
assert case["received_at"] == "2026-11-02T09:40:00Z", case["received_at"]
assert case["level"] == 0 and case["class"] is None
j = case["journal"]
assert [e["action"] for e in j] == ["intake", "assign"], j
assert all({"at", "actor", "action"} <= e.keys() for e in j), j
assert all(e["actor"] == "tester" for e in j)
assert j[0]["at"] <= j[1]["at"]
assert j[1]["reason"] == "井盖隐患，限期三天", j[1]
print("ok")
' "ok" "show --format json: the case fields and its journal"

receipt=$(sql 'SELECT receipt FROM "case" WHERE id = 6')
run --format json show --receipt "$receipt"
expect_rc 0
py_expect "$out" 'c = json.loads(data); print(c["id"], c["title"])' \
  "6 村口路灯损坏" "show --receipt finds the case"
run show --receipt "ZZZZ-ZZZZ"
expect_rc 69
expect_err_has "ZZZZ-ZZZZ"
run show 99
expect_rc 69
expect_err_has "没有案件 99"
run show
expect_rc 64
run show 1 --receipt "$receipt"
expect_rc 64
run show abc
expect_rc 64

# --- a store that does not exist --------------------------------------------------------
run --store "$T/nowhere.db" list
expect_rc 66
expect_err_has "nowhere.db"
expect_eq "$(ls "$T/nowhere.db" 2>/dev/null)" "" "list does not create a store"
run --store "$T/nowhere.db" show 1
expect_rc 66
expect_eq "$(ls "$T/nowhere.db" 2>/dev/null)" "" "show does not create a store"

finish
