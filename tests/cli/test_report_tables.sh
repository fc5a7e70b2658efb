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

# --- report meeting: as of 10-20, item 2 done (3.0 days: 10-09 09:00 to
# 10-12 09:00), 3 explained (5.0), 4 overdue (due 10-15; 11.0 days so far),
# 5 in progress (due moved to 10-31).
run --now "2026-10-20 09:00" report meeting 1
expect_rc 0
expect_out_has "环卫工人早餐会落实情况表（2026-10-09，截至 2026-10-20 09:00）"
expect_out_has "共 4 项：已办结 1，办理中 1，已讲清 1，超期 1"
expect_out_has "市城市管理局"
run --now "2026-10-20 09:00" --format json report meeting 1
py_expect "$out" 'd = json.loads(data); print([(i["id"], i["state"], round(i["days"], 3)) for i in d["items"]], d["summary"])' \
  "[(2, 'done', 3.0), (3, 'explained', 5.0), (4, 'overdue', 11.0), (5, 'in_progress', 11.0)] {'total': 4, 'done': 1, 'in_progress': 1, 'explained': 1, 'overdue': 1}" \
  "meeting items and summary"
py_expect "$out" 'd = json.loads(data); i = d["items"][0]; print(i["leader"], i["lead_unit"], i["due_at"], i["outcome"])' \
  "李副市长 cgj 2026-10-15T15:59:59Z 已补发" "an item's leader, unit, due and outcome"
run report meeting 9
expect_rc 69

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
