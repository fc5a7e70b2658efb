#!/usr/bin/env bash
# report meeting (落实情况表), report scorecard, report topics, --bom, and
# examples/monthly-report.sh, on a small store whose figures are worked out
# by hand below.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
q() { "$DUBAN" -q --now "$1" "${@:2}"; }

# A September wages case at 新华社区, for the topics' previous month.
q "2026-09-15 09:00" intake --title 工资拖欠 --category wages --village 新华社区 --class C
# The meeting of Fri 2026-10-09 and its four items, class C, assigned at
# 10:00: ack due 1wd = Sat 10-10 23:59:59 (a make-up working day); due 5wd =
# 10-10, 12, 13, 14, 15 -> Thu 10-15 23:59:59.
m=$("$DUBAN" --now "2026-10-09 08:00" meeting add --kind breakfast --title 环卫工人早餐会 --date 2026-10-09)
expect_eq "$m" "1" "the meeting's id"
q "2026-10-09 09:00" intake --meeting "$m" --class C --category wages --village 新华社区 --title 工资偏低     # 2
q "2026-10-09 09:00" intake --meeting "$m" --class C --category wages --village 新华社区 --title 加班费未发   # 3
q "2026-10-09 09:00" intake --meeting "$m" --class C --category wages --village 新华社区 --title 工龄工资     # 4
q "2026-10-09 09:00" intake --meeting "$m" --class C --category housing --title 公租房难                    # 5
q "2026-10-09 10:00" assign 2 3 --lead cgj --leader 李副市长
q "2026-10-09 10:00" assign 4 5 --lead rsj --leader 陈副市长
q "2026-10-10 09:00" ack 2 3 4 5
q "2026-10-12 09:00" resolve 2 --outcome solved --note 已补发
q "2026-10-13 09:00" close 2
q "2026-10-14 09:00" resolve 3 --outcome explained --note 不符合政策，已讲清
q "2026-10-14 09:00" note 5 "分阶段落实" --due 2026-10-31
q "2026-10-20 09:00" followup 2 --rating satisfied

# --- report meeting: as of 10-20, item 2 crossed off (已办结; 3.0 days: 10-09
# 09:00 to its resolution 10-12 09:00), 3 resolved with an explanation and not
# yet crossed off (已办理待销号, 5.0), 4 overdue (due 10-15; 11.0 days so far),
# 5 in progress (due moved to 10-31). 序号 runs 1..4 beside the case ids 2..5.
run --now "2026-10-20 09:00" report meeting 1
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | head -1)" "环卫工人早餐会落实情况表（2026-10-09，截至 2026-10-20 09:00）" "the title"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | tr -s ' ')" "序号 编号 问题 领办领导 牵头单位 责任单位 完成时限 落实情况 办理结果 用时（天）" "the header"
expect_eq "$(printf '%s\n' "$out" | sed -n '3,6p' | tr -s ' ' | sed 's/^ //')" "1 2 工资偏低 李副市长 市城市管理局 2026-10-15 已办结 已解决：已补发 3.0
2 3 加班费未发 李副市长 市城市管理局 2026-10-15 已办理待销号 已解释说明：不符合政策，已讲清 5.0
3 4 工龄工资 陈副市长 市人力资源和社会保障局 2026-10-15 超期未办结 11.0
4 5 公租房难 陈副市长 市人力资源和社会保障局 2026-10-31 办理中 11.0" "each item's state and outcome in words"
expect_out_has "共 4 项：已办结 1，已办理待销号 1，办理中 1，超期未办结 1"
run --now "2026-10-20 09:00" --format json report meeting 1
py_expect "$out" 'd = json.loads(data); print([(i["seq"], i["id"], i["status"], i["state"], round(i["days"], 3)) for i in d["items"]], d["summary"])' \
  "[(1, 2, 'closed', 'closed', 3.0), (2, 3, 'resolved', 'resolved', 5.0), (3, 4, 'in_progress', 'overdue', 11.0), (4, 5, 'in_progress', 'in_progress', 11.0)] {'total': 4, 'closed': 1, 'forced': 0, 'resolved': 1, 'in_progress': 1, 'listed': 0, 'overdue': 1, 'unassigned': 0}" \
  "meeting items and summary"
py_expect "$out" 'd = json.loads(data); i = d["items"][0]; print(i["leader"], i["lead_unit"], i["due_at"], i["outcome"], i["outcome_text"], i["forced"])' \
  "李副市长 cgj 2026-10-15T15:59:59Z solved 已补发 False" "an item's leader, unit, due and outcome"
sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/en.toml"
run --config "$T/en.toml" --now "2026-10-20 09:00" report meeting 1
expect_eq "$(printf '%s\n' "$out" | head -1)" "Implementation of 环卫工人早餐会 (2026-10-09, as of 2026-10-20 09:00)" "the title in English"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | tr -s ' ')" "no. case problem leader lead unit co-units due state outcome days" "the header in English"
expect_out_has "closed              solved: 已补发"
expect_out_has "awaiting cross-off  explained: 不符合政策，已讲清"
expect_out_has "4 items: 1 closed, 1 awaiting cross-off, 1 in progress, 1 overdue"
run report meeting 9
expect_rc 69
expect_err "duban: 错误: 没有会议 9"
run --config "$T/en.toml" report meeting 9
expect_err "duban: error: no meeting 9"

# A December meeting with one item in every other state, as of 12-03 09:00:
# 6 never assigned (未交办); 7 assigned, not acknowledged (已交办); 8 solved and
# crossed off (已办结); 9 closed by force with its reason (强制销号); 10
# resolved as explained, not crossed off (已办理待销号); 11 acknowledged and
# in progress (办理中). Class C from 12-01 10:00: due 5wd = 12-08.
m2=$("$DUBAN" --now "2026-12-01 08:00" meeting add --kind night-talk --title 莘口村居民夜谈会 --date 2026-12-01)
for t in 路灯不亮 垃圾清运 井盖缺失 噪音扰民 占道经营 排水不畅; do
  q "2026-12-01 09:00" intake --meeting "$m2" --class C --title "$t"
done
q "2026-12-01 10:00" assign 7 8 9 10 11 --lead sy-xk
q "2026-12-01 11:00" ack 8 9 10 11
q "2026-12-02 09:00" resolve 8 --outcome solved --note 已修复
q "2026-12-02 10:00" close 8
q "2026-12-02 11:00" close 9 --force --reason 群众撤回诉求
q "2026-12-02 12:00" resolve 10 --outcome explained --note 属市场监管职责，已解释
run --now "2026-12-03 09:00" report meeting "$m2"
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | sed -n '3,8p' | grep -oE '未交办|已交办|已办结|强制销号|已办理待销号|办理中' | tr '\n' ' ')" \
  "未交办 已交办 已办结 强制销号 已办理待销号 办理中 " "each state's word, in id order"
expect_eq "$(printf '%s\n' "$out" | sed -n 3p | tr -s ' ' | sed 's/^ //')" "1 6 路灯不亮 未交办 2.0" "a case nobody was given is 未交办, never 办理中"
expect_out_has "强制销号      销号理由：群众撤回诉求"
expect_out_has "已办理待销号  已解释说明：属市场监管职责，已解释"
expect_out_has "共 6 项：已办结 1，强制销号 1，已办理待销号 1，办理中 1，已交办 1，未交办 1"
expect_out_lacks "⟦"
run --now "2026-12-03 09:00" --format csv report meeting "$m2"
expect_eq "$(printf '%s\n' "$out" | head -1)" "seq,id,title,leader,lead_unit,co_units,due_at,status,state,outcome,outcome_text,forced,reason,days" "csv: the codes"
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,2,8,9,12 | tr '\n' ' ')" \
  "1,6,received,unassigned,false 2,7,listed,listed,false 3,8,closed,closed,false 4,9,closed,forced,true 5,10,resolved,resolved,false 6,11,in_progress,in_progress,false " \
  "csv: status, state and forced by case"
run --now "2026-12-03 09:00" --format md report meeting "$m2"
expect_out_has "| 序号 | 编号 | 问题 |"
expect_out_has "| 强制销号 |"
run --config "$T/en.toml" --now "2026-12-03 09:00" report meeting "$m2"
expect_out_has "6 items: 1 closed, 1 closed by force, 1 awaiting cross-off, 1 in progress, 1 assigned, 1 not assigned"
expect_out_has "closed by force     reason: 群众撤回诉求"
expect_out_lacks "⟦"
# A meeting with no cases yet: its title, no rows, and says so.
m3=$("$DUBAN" --now "2026-12-03 08:00" meeting add --kind breakfast --title 空会 --date 2026-12-03)
run --now "2026-12-03 09:00" report meeting "$m3"
expect_out "空会落实情况表（2026-12-03，截至 2026-12-03 09:00）

共 0 项
清单尚未审定印发"
run --now "2026-12-03 09:00" --format json report meeting "$m3"
py_expect "$out" 'd = json.loads(data); print(d["items"], d["summary"]["total"])' "[] 0" "an empty table is its empty object"
# A forced close that is reopened and then crossed off properly is 已办结.
q "2026-12-03 10:00" reopen 9 --reason 群众再次反映
q "2026-12-03 11:00" resolve 9 --outcome solved --note 已处理
q "2026-12-03 12:00" close 9
run --now "2026-12-03 13:00" --format json report meeting "$m2"
py_expect "$out" 'd = json.loads(data); i = [i for i in d["items"] if i["id"] == 9][0]; print(i["state"], i["forced"], i["reason"])' \
  "closed False None" "the latest close decides"
run --now "2026-12-02 11:30" --format json report meeting "$m2"
py_expect "$out" 'd = json.loads(data); i = [i for i in d["items"] if i["id"] == 9][0]; print(i["state"], i["forced"], i["reason"])' \
  "forced True 群众撤回诉求" "as of the clock, the forced close it was"

# --- report scorecard, October as of 11-05 (weights 0.2 / 0.4 / 0.4):
# cgj: ack 2/2, closure 1/2 (case 2 closed; 3 only resolved), satisfaction 1/1
#      -> 0.2*1 + 0.4*0.5 + 0.4*1 = 0.8 -> 80.0
# rsj: ack 2/2, closure 0/2, no follow-up: (0.2*1 + 0.4*0) / 0.6 -> 33.3
run --now "2026-11-05 12:00" --format json report scorecard --month 2026-10
py_expect "$out" 'd = json.loads(data); print([(u["rank"], u["unit"], round(u["score"], 6)) for u in d["units"]], d["units"][1]["satisfaction_rate"])' \
  "[(1, 'cgj', 80.0), (2, 'rsj', 33.333333)] None" "scorecard ranks and scores"
run --now "2026-11-05 12:00" report scorecard --month 2026-10
expect_out_has "综合得分"
expect_out_has "80.0"
expect_out_has "33.3"

# --- report topics: October has wages 3 (September 1) and housing 1 (0);
# wages at 新华社区 recurs 3 times (once in September).
run --now "2026-11-05 12:00" --format json report topics --month 2026-10
py_expect "$out" 'd = json.loads(data); print([(t["kind"], t["category"], t["place"], t["cases"], t["previous"], t["change"]) for t in d["topics"]])' \
  "[('category', 'wages', None, 3, 1, 2), ('category', 'housing', None, 1, 0, 1), ('recurring', 'wages', '新华社区', 3, 1, 2)]" \
  "topics with the change from September"
run --now "2026-11-05 12:00" report topics --month 2026-10 --top 1
expect_out_has "+2"
expect_out_lacks "公租房"
expect_out_lacks "住房保障"
run report topics --top 0
expect_rc 64

# --- the texts in zh and en ---------------------------------------------------------
run --now "2026-11-05 12:00" report monthly --month 2026-10
expect_eq "$(printf '%s\n' "$out" | head -1)" "督查通报 2026-10-01 至 2026-10-31（截至 2026-11-05 12:00）" "the bulletin's title"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | tr -s ' ')" "单位 名称 受理数 办结数 办结率 按期办结率 超期未办结 响应率 满意率 平均办结天数 督办升级次数 重新办理 退单数 延期数 核减数 问题数" "its header"
expect_eq "$(printf '%s\n' "$out" | tail -1 | awk '{print $1, $2}')" "合计 4" "its total"
run --config "$T/en.toml" --now "2026-11-05 12:00" report monthly --month 2026-10
expect_eq "$(printf '%s\n' "$out" | head -1)" "Supervision bulletin 2026-10-01 .. 2026-10-31 (as of 2026-11-05 12:00)" "the bulletin's title in English"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | tr -s ' ')" "unit name received closed closure rate on-time rate overdue open ack rate satisfaction mean days to close escalations reopened returned extensions excluded problems" "its header in English"
run --config "$T/en.toml" --now "2026-11-05 12:00" report scorecard --month 2026-10
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "rank unit name score ack rate closure rate satisfaction" "the scorecard's header in English"
run --now "2026-11-05 12:00" report scorecard --month 2026-10
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "名次 代码 单位 综合得分 响应率 办结率 满意率" "the scorecard's header"
run --now "2026-11-05 12:00" report topics --month 2026-10
expect_eq "$(printf '%s\n' "$out" | tr -s ' ' | cut -d' ' -f1,3 | tr '\n' '|')" "类型 类别|高频类别 工资待遇|高频类别 住房保障|反复问题 工资待遇|" "topics in words"
run --config "$T/en.toml" --now "2026-11-05 12:00" report topics --month 2026-10
expect_out_has "frequent category"
expect_out_has "recurring problem"
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "kind category name place cases previous change" "topics' header in English"
run --config "$T/en.toml" --now "2026-11-05 12:00" --format json report topics --month 2026-10
en_json=$out
run --now "2026-11-05 12:00" --format json report topics --month 2026-10
expect_eq "$out" "$en_json" "JSON does not change with the language"
# No key without its words, in any report, in either language.
for config in "$EXAMPLES/duban.toml" "$T/en.toml"; do
  for fmt in table md csv json; do
    for r in "monthly --month 2026-10" "monthly --month 2026-10 --by category" "scorecard --month 2026-10" \
             "topics --month 2026-10" "meeting 1"; do
      # shellcheck disable=SC2086
      run --config "$config" --now "2026-11-05 12:00" --format "$fmt" report $r
      [[ "$out$err" != *"⟦"* ]] || fail "a missing word in report $r --format $fmt ($config)"
      [ "$rc" = 0 ] || fail "report $r --format $fmt ($config) exits $rc"
    done
  done
done
run --config "$T/en.toml" --now "2026-11-05 12:00" report monthly --month 2026-10 --format html
[[ "$out" != *"⟦"* ]] || fail "a missing word in the HTML bulletin"

# --- report's usage faults, in words ---------------------------------------------------
run report monthly --by unti
expect_rc 64
expect_err_has "duban: 错误: --by: “unti” 不是 unit、category、channel、class、town 之一（是不是 “unit”？）"
run --config "$T/en.toml" report monthly --by unti
expect_err_has "duban: error: --by 'unti' is not one of unit, category, channel, class, town (did you mean 'unit'?)"
run report monthly --month 2026-13
expect_rc 64
expect_err_has "“2026-13” 不是月份"
run --config "$T/en.toml" report monthly --from 2026-11-01 --to 2026-10-01
expect_rc 64
expect_err_has "duban: error: --from 2026-11-01 must come before --to 2026-10-01: the period is [from, to)"
run report monthly --month 2026-10 --from 2026-10-01
expect_rc 64
expect_err_has "duban: 错误: --month 与 --from/--to 不能同时给出"
run --config "$T/en.toml" report monthly --by class --rollup
expect_rc 64
expect_err_has "duban: error: --rollup goes with --by unit"

# --- --bom for Excel --------------------------------------------------------------
run --now "2026-11-05 12:00" --format csv report scorecard --month 2026-10 --bom
expect_eq "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" "efbbbf" "csv starts with a BOM"
run --now "2026-11-05 12:00" report scorecard --month 2026-10 --bom
expect_rc 64

# --- examples/monthly-report.sh on the 1st ----------------------------------------
# 07:00 on 11-01 in Beijing is still 10-31 in UTC: the month is October all the same.
DUBAN="$DUBAN" DUBAN_NOW="2026-10-31T23:00:00Z" TZ=UTC \
  bash "$EXAMPLES/monthly-report.sh" "$T/reports" >"$T/script.out" 2>&1
expect_eq "$?" "0" "monthly-report.sh succeeds"
expect_eq "$(cat "$T/script.out")" "$T/reports/2026-10" "it names the folder it wrote"
expect_eq "$(cd "$T/reports/2026-10" && ls | tr '\n' ' ')" \
  "bulletin.html monthly-rollup.csv monthly.csv monthly.json scorecard.csv topics.csv " "the files"
expect_eq "$(head -c 3 "$T/reports/2026-10/monthly.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "CSV for Excel"
py_expect "$(cat "$T/reports/2026-10/monthly.json")" 'd = json.loads(data); print(d["period"]["from"], d["total"]["received"])' \
  "2026-10-01 4" "the JSON is October's"
expect_eq "$(grep -c '<svg' "$T/reports/2026-10/bulletin.html")" "2" "the bulletin has its two charts"
expect_eq "$(ls -a "$T/reports" | grep -c '^\.2026')" "0" "no half-written folder left behind"

finish
