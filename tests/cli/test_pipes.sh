#!/usr/bin/env bash
# Pipes and scripts (SPEC §6, §9): no ids on stdin is a no-op, a one-id
# command refuses several, show takes several, list's closing dates, leader,
# town and BOM, empty JSON is [] — and the lifecycle's errors in zh and en,
# each with the exit code of SPEC §6.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/en.toml"
grep -q '^lang = "en"' "$T/en.toml" || echo "FAIL setup: no lang line in examples/duban.toml" >&2
export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00
en() { DUBAN_CONFIG="$T/en.toml" "$@"; }
jcount() { sql "SELECT count(*) FROM journal"; }
# run_in with the English config.
en_in() { local input=$1; shift; DUBAN_CONFIG="$T/en.toml" run_in "$input" "$@"; }

# 1 路灯 (town 新华镇), 2 工资 (town 城东街道), 3 井盖 (新华镇), 4 扬尘
"$DUBAN" -q intake --title "新华社区路灯不亮" --class C --town 新华镇
"$DUBAN" -q intake --title "环卫工人工资偏低" --class A --town 城东街道
"$DUBAN" -q intake --title "井盖缺失" --class C --town 新华镇
"$DUBAN" -q intake --title "工地扬尘" --class B
"$DUBAN" -q assign 1 3 --lead cgj --leader 林志强
"$DUBAN" -q assign 2 --lead rsj --leader 王海
"$DUBAN" -q ack 1 2 3

# --- no ids on stdin: nothing done, exit 0 (like xargs -r) ----------------------
j=$(jcount)
for cmd in "ack -" "close - --force --reason x" "note - 记一笔" "followup - --rating basic" "show -" \
  "resolve - --outcome solved" "reopen - --reason x" "return - --reason x" "escalate - --level 2 --reason x"; do
  # shellcheck disable=SC2086
  run_in "" $cmd
  expect_rc 0
  expect_out ""
  expect_err ""
done
run_in $'\n  \n' ack -
expect_rc 0
expect_out ""
expect_eq "$(jcount)" "$j" "blank stdin journals nothing"
# But no ids at all is bad usage.
run show
expect_rc 64
expect_err_has "show 需要案件编号或 --receipt 回执号"
en run show
expect_rc 64
expect_err_has "show takes case ids or --receipt CODE"
en run show 1 --receipt ABCD-EFGH
expect_rc 64
run ack
expect_rc 64

# --- a one-id command given several refuses, and drops nothing ------------------
run_in $'1\n2\n' note - "两件一起记"
expect_rc 64
expect_err_has "此命令一次只处理一个案件，却给了 2 个编号"
en_in $'1\n2\n' note - "two at once"
expect_rc 64
expect_err_has "this command takes one case id, not 2"
en_in $'1\n2\n3\n' followup - --rating basic
expect_rc 64
expect_err_has "not 3"
run_in $'7\n8\n' report meeting -
expect_rc 64
expect_eq "$(jcount)" "$j" "a refused one-id command journals nothing"
run_in $'1\n' note - "从标准输入"
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM journal WHERE case_id = 1 AND action = 'note'")" "1" \
  "one id on stdin is noted"

# --- show takes several ids ----------------------------------------------------
run_in $'1\n2\n' show -
expect_rc 0
expect_out_has "新华社区路灯不亮"
expect_out_has "环卫工人工资偏低"
expect_eq "$(printf '%s\n' "$out" | grep -c '^办理日志$')" "2" "two journals, one after the other"
run show 2 1
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | grep '^编号 ' | tr -s ' ' | tr '\n' '|')" "编号 2|编号 1|" \
  "in the order given"
run --format json show 1 2
expect_rc 0
py_expect "$out" 'j = json.loads(data); print(type(j).__name__, [c["id"] for c in j], [len(c["journal"]) > 0 for c in j])' \
  "list [1, 2] [True, True]" "several ids: a JSON array of cases with their journals"
run --format json show 1
py_expect "$out" 'j = json.loads(data); print(type(j).__name__, j["id"], j["journal"][0]["action"])' \
  "dict 1 intake" "one id: the case object (SPEC §9)"
run_in $'3\n' --format json show -
py_expect "$out" 'j = json.loads(data); print(type(j).__name__, [c["id"] for c in j])' \
  "list [3]" "ids from stdin: an array, however many lines came"
run show 1 99
expect_rc 69
expect_out ""
expect_err_has "没有案件 99"
en run show 1 99
expect_rc 69
expect_err_has "no case 99"
run show 1 x1
expect_rc 64
expect_err_has "“x1” 不是案件编号"
en run show 1 x1
expect_err_has "'x1' is not a case id"

# --- list: closing dates, leader, town ------------------------------------------
"$DUBAN" -q --now "2026-11-10 10:00" resolve 1 --outcome solved
"$DUBAN" -q --now "2026-11-10 11:00" close 1
"$DUBAN" -q --now "2026-11-12 10:00" close 2 --force --reason "重复件"
export DUBAN_NOW=2026-11-13T09:00:00+08:00
ids() { out=$("$DUBAN" --format ids list "$@" 2>"$T/.err"); rc=$?; err=$(<"$T/.err"); out=${out//$'\n'/ }; }
ids --closed-from 2026-11-10 --closed-to 2026-11-10
expect_rc 0
expect_out "1"
ids --closed-from 2026-11-11
expect_out "2"
ids --closed-to 2026-11-12
expect_out "1 2"
ids --closed-from "2026-11-12 09:00" --closed-to "2026-11-12 11:00"
expect_out "2"
ids --leader 林志强
expect_out "1 3"
ids --leader 林
expect_out ""
ids --town 新华镇
expect_out "1 3"
ids --town 新华镇 --leader 王海
expect_out ""
ids --town 城东街道 --closed-from 2026-11-01
expect_out "2"
run list --closed-from "上周"
expect_rc 64
expect_err_has "--closed-from: “上周” 不是时间"
en run list --closed-to "last week"
expect_rc 64
expect_err_has "--closed-to 'last week' is not a time"

# --- empty JSON is [], empty JSON Lines nothing ---------------------------------
run --format json list --town 无此镇
expect_rc 0
expect_out "[]"
run --format jsonl list --town 无此镇
expect_rc 0
expect_out ""
run --format json meeting list
expect_rc 0
expect_out "[]"
printf 'lang = "en"\n' >"$T/nounits.toml"
DUBAN_CONFIG="$T/nounits.toml" run --format json unit list
expect_rc 0
expect_out "[]"

# --- list --bom: for Excel and WPS ---------------------------------------------
run --format csv list --bom --town 新华镇
expect_rc 0
expect_eq "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" "efbbbf" "a CSV starts with the BOM"
expect_eq "$(printf '%s\n' "$out" | sed -n 1p | cut -d, -f1)" $'\xef\xbb\xbfid' "then the header"
expect_eq "$(printf '%s\n' "$out" | wc -l)" "3" "a header and two cases"
run --format tsv list --bom
expect_eq "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" "efbbbf" "a TSV too"
run --format csv list
expect_eq "$(printf '%s' "$out" | head -c 2)" "id" "no BOM unless asked"
run --format json list --bom --town 新华镇
py_expect "$out" 'print(len(json.loads(data)))' "2" "JSON never gets a BOM"
en run list --help
expect_out_has "Excel"
expect_out_has "--closed-from"
run list --help
expect_out_has "销号日期不早于"

# --- the lifecycle's errors, in zh and en, with SPEC §6's exit codes -------------
j=$(jcount)
run assign 4 --lead cgj --due "下周" --reason 试
expect_rc 64
expect_err_has "--due: “下周” 既不是时间"
en run assign 4 --lead cgj --due "next week" --reason x
expect_rc 64
expect_err_has "--due 'next week' is neither a time"
run assign 4 --lead cgj --due 3d
expect_rc 64
expect_err_has "--reason: 必须给出（期限为什么与规则不同）"
en run assign 4 --lead cgj --due 3d
expect_err_has "--reason is required (why the deadline differs from the rules)"
run assign 4 --lead cgj --co cgj
expect_rc 64
expect_err_has "单位 “cgj” 不能既是牵头单位又是责任单位"
en run assign 4 --lead cgj --co rsj,rsj
expect_rc 64
expect_err_has "co-unit 'rsj' is listed twice"
en run assign 3 --lead rsj
expect_rc 64
expect_err_has "case 3 is already assigned to 'cgj'; reassigning needs --reason"
run assign 3 --lead rsj
expect_err_has "案件 3 已交办给 “cgj”；改派需要给出 --reason"
"$DUBAN" -q intake --title "没有分类"  # 5
j=$((j + 1))
run assign 5 --lead cgj
expect_rc 64
expect_err_has "案件 5 没有分类"
en run assign 5 --lead cgj
expect_err_has "case 5 has no class, and its resolve deadline depends on it; give --class A|B|C or --due"
en run assign 4 --lead cgj --class E
expect_rc 64
expect_err_has "--class 'E' is not one of A, B, C"
en run ack 4
expect_rc 65
expect_err_has "case 4 is received; this needs it assigned"
en run assign 1 --lead cgj
expect_rc 65
expect_err_has "case 1 is closed; this needs it received, assigned or in progress"
run assign 1 --lead cgj
expect_err_has "案件 1 当前为“已销号”，此操作要求它为“已受理、已交办或办理中”"
en run ack 3 --unit rsj
expect_rc 64
expect_err_has "unit 'rsj' is neither the lead, a co-unit nor summoned on case 3"
run ack 3 --unit rsj
expect_err_has "单位 “rsj” 既不是案件 3 的牵头单位、责任单位，也没有被吹哨"
en run note 4 "x" --due 3d
expect_rc 64
expect_err_has "case 4 is not assigned; a due date comes with assign"
run note 4 "x" --due 3d
expect_err_has "案件 4 尚未交办"
en run note 4 "  "
expect_rc 64
expect_err_has "the note's text is required"
run note 4 "  "
expect_err_has "备注内容不能为空"
en run close 3
expect_rc 65
expect_err_has "case 3 is in progress; close needs it resolved (or --force --reason)"
en run close 3 --force
expect_rc 64
expect_err_has "--reason is required (why it is closed unresolved)"
run close 3 --force
expect_err_has "--reason: 必须给出（为什么未办结就销号）"
en run resolve 3 --outcome explained
expect_rc 64
expect_err_has "--note is required (the explanation of why it cannot be done)"
en run followup 1 --rating basic --score 6
expect_rc 64
expect_err_has "--score 6 is outside 1..5"
run followup 1 --rating basic --score 0
expect_err_has "--score: 0 不在 1..5 之内"
en run list --limit -1
expect_rc 64
expect_err_has "--limit must not be negative"
en run list --status clsoed
expect_rc 64
expect_err_has "--status 'clsoed' is not one of received, listed, in_progress, resolved, closed (did you mean 'closed'?)"
run list --due-within soon
expect_rc 64
expect_err_has "--due-within: “soon” 不是时长"
en run meeting add --kind breakfast --title "x" --date 2021-13-01
expect_rc 64
expect_err_has "--date '2021-13-01' is not a date"
en run meeting add --kind breakfast --title "  " --date 2021-10-01
expect_rc 64
expect_err_has "--title is required"
en run --format nonsense list
expect_rc 64
expect_err_has "--format 'nonsense' is not one of table, json, jsonl, csv, tsv, ids"
en run --format jsn list
expect_err_has "(did you mean 'json'?)"
DUBAN_NOW=bogus en run list
expect_rc 64
expect_err_has "\$DUBAN_NOW 'bogus' is not a time"
en run --now 0000-01-01T00:00:00Z list
expect_rc 64
expect_err_has "--now 0000-01-01T00:00:00Z is outside 1970-01-01T00:00:00Z..9999-12-31T23:59:59Z"
run --now 9999-12-30T00:00:00Z assign 4 --lead cgj
expect_rc 64
expect_err_has "按规则算出的期限 10000-"
en run --now 9999-12-30T00:00:00Z assign 4 --lead cgj
expect_rc 64
expect_err_has "the deadline 10000-"
expect_err_has "from the rules is outside 1970-01-01T00:00:00Z..9999-12-31T23:59:59Z"
DUBAN_NOW=bogus run list
expect_rc 64
expect_err_has "\$DUBAN_NOW: “bogus” 不是时间"
en run --now "2026-11-08 09:00" ack 4
expect_rc 65
expect_err_has "before its latest act at"
en run intake --title x --received "2030-01-01"
expect_rc 64
expect_err_has "--received '2030-01-01' (2029-12-31T16:00:00Z) is after the clock (2026-11-13T01:00:00Z)"
en run intake --title "   " --class D
expect_rc 64
expect_err_has "--title is required"
expect_err_has "--class 'D' is not one of A, B, C"
expect_err_has "2 faults, nothing was added"
expect_eq "$(jcount)" "$j" "no refused command journals anything"

# A batch: every bad row with its line, zh and en, 65.
printf 'title,class,received_at\n好,A,\n,A,\n坏,D,\n晚,C,2030-01-01\n' >bad.csv
run intake --file bad.csv
expect_rc 65
expect_err_has "bad.csv:3: title: 必须给出"
expect_err_has "bad.csv:4: class: “D” 不是 A、B、C 之一"
expect_err_has "bad.csv:5: received_at: “2030-01-01”"
expect_err_has "共 3 处错误，一件也没有添加"
en run intake --file bad.csv
expect_rc 65
expect_err_has "bad.csv:3: title is required"
expect_err_has "bad.csv:4: class 'D' is not one of A, B, C"
expect_err_has "bad.csv:5: received_at '2030-01-01' (2029-12-31T16:00:00Z) is after the clock"
expect_err_has "3 faults, nothing was added"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "5" "a bad batch adds nothing"

finish
