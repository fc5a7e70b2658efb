#!/usr/bin/env bash
# A real workflow on the examples: the sanitation workers' breakfast meeting
# of 2021-10-23 taken from intake to cross-off (销号), reminded, escalated
# and reported, with ids piped from
# one command to the next as a clerk's script would. Every step gives --now,
# so the deadlines printed are the ones the calendar yields for those days.
#
# It uses the example city's config and the default store, kept in a demo
# data folder (build/demo) so that your own store is never touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
duban=${DUBAN:-$top/build/duban}
export DUBAN_CONFIG=$here/duban.toml
export XDG_DATA_HOME=${DEMO_DATA_HOME:-$top/build/demo}
export DUBAN_ACTOR=督查室-张敏
rm -rf "$XDG_DATA_HOME/duban"
step() { printf '\n$ %s\n' "$*"; }

step "duban meeting add --kind breakfast --date 2021-10-23 ..."
meeting=$("$duban" --now "2021-10-23 09:30" meeting add --kind breakfast --date 2021-10-23 \
  --title "环卫工人周末早餐会" --group "环卫工人")
echo "$meeting"

step "duban intake --file breakfast-2021-10-23.csv --meeting $meeting --receipt"
"$duban" --now "2021-10-23 10:00" intake --file "$here/breakfast-2021-10-23.csv" \
  --meeting "$meeting" --receipt

step "duban intake --file hotline.jsonl"
"$duban" --now "2026-11-07 12:00" intake --file "$here/hotline.jsonl" >/dev/null  # the week's calls, entered on Saturday
"$duban" --now "2026-11-07 12:00" list --channel hotline

# A village proxy desk (便民代办) takes a request in for an old man and prints the
# two-part slip: the stub it keeps, the receipt he takes home (phone masked).
step "duban intake --channel proxy-desk --proxy 李代办 ...; duban slip"
desk=$("$duban" --now "2026-11-07 14:00" intake --title "低保申请进度" --requester 张大爷 \
  --phone 13800000001 --town 列东街道 --village 列东社区 --channel proxy-desk --proxy 李代办)
"$duban" --now "2026-11-07 14:05" slip "$desk"

# The list must exist within 3 days of the meeting: wages, overtime and the
# like to the human resources bureau, housing to the housing bureau.
step "duban list --meeting $meeting --category wages,... --format ids | duban assign - --lead rsj ..."
for category in wages seniority overtime allowance heat; do
  "$duban" list --meeting "$meeting" --category "$category" --format ids
done | "$duban" --now "2021-10-25 15:00" assign - --lead rsj --co cgj,cjl --leader "李副市长"
"$duban" --now "2021-10-25 15:00" assign 9 --lead zjj --co rsj --leader "陈副市长" -q
"$duban" --now "2021-10-25 15:00" assign 6 7 8 10 11 --lead cgj --leader "李副市长" -q

# Reviewed by the leader in charge and issued by the supervision office
# (审定、印发), once every case is assigned: list_within is met here.
step "duban meeting issue $meeting --approved-by 李副市长"
"$duban" --now "2021-10-25 16:00" meeting issue "$meeting" --approved-by 李副市长

step "duban ack (each lead unit responds)"
"$duban" list --status listed --format ids | "$duban" --now "2021-10-26 09:00" ack - -q
"$duban" list --status in_progress --format ids | wc -l

# Case 10 waits on a policy the district has not yet issued: its clocks stop
# (挂账) and start again, the due moved later by the time suspended. A caller
# on the hotline repeats case 6: the request is merged into it (并单), keeps
# its receipt and will follow case 6 to its cross-off.
step "duban suspend / resume; duban merge"
"$duban" --now "2021-10-27 09:00" suspend 10 --reason "等待区里出台环卫作业补贴政策" --until 2021-11-08 -q
"$duban" --now "2021-10-27 09:00" list --suspended
"$duban" --now "2021-11-08 14:00" resume 10 --reason "补贴政策已印发" -q
repeat=$("$duban" --now "2021-10-28 10:00" intake --title "环卫工人再次反映同一问题" --channel hotline)
"$duban" --now "2021-10-28 10:30" merge "$repeat" --into 6 --reason "同一问题的重复来电" -q

step "duban resolve / close / followup"
"$duban" --now "2021-11-10 17:00" resolve 1 3 5 --outcome solved --note "已纳入2022年环卫作业经费预算，工资标准上调10%"
"$duban" --now "2021-11-12 11:00" resolve 9 --outcome explained \
  --note "外地户籍暂不符合公租房申请条件，已讲清政策并纳入人才公寓保障范围"
"$duban" list --status resolved --format ids | "$duban" --now "2021-11-15 10:00" close - -q
"$duban" --now "2021-11-20 10:00" followup 1 --rating satisfied --score 5 -q
"$duban" --now "2021-11-20 10:30" followup 3 --rating unsatisfied --note "春节加班费仍按两倍发放" -q

# The sanitation bureau asks that case 11 not count against it: the problem
# lies with a contractor the city dismissed; the office grants it (核减), and
# the bulletin counts it in 核减数, out of the bureau's rates.
step "duban appeal 11; duban appeal 11 --grant"
"$duban" --now "2021-11-16 09:00" --as cgj appeal 11 --reason "外包公司已被解约，非本单位职责" -q
"$duban" --now "2021-11-18 09:00" --as dcs appeal 11 --grant --reason "经核实属实，予以核减" -q

step "duban remind (what cron mails the supervision office on 2021-11-23)"
"$duban" --now "2021-11-23 08:30" remind

step "duban escalate --auto (the hourly cron job)"
"$duban" --now "2021-11-23 09:00" escalate --auto

step "duban list --meeting $meeting"
"$duban" --now "2021-11-25 09:00" list --meeting "$meeting"

step "duban show 3"
"$duban" show 3

step "duban report meeting $meeting (落实情况表, two months after the meeting)"
"$duban" --now "2021-12-23 09:00" report meeting "$meeting"

step "duban report monthly --month 2021-11"
"$duban" --now "2021-12-01 09:00" report monthly --month 2021-11
"$duban" --now "2021-12-01 09:00" report monthly --month 2021-11 --format html >"$XDG_DATA_HOME/bulletin-2021-11.html"
echo "(and the HTML bulletin: $XDG_DATA_HOME/bulletin-2021-11.html)"

step "duban topic (每月一题: the wages problem chosen for 2021-10, followed month by month)"
topic=$("$duban" --now "2021-12-23 10:00" topic add --month 2021-10 --title 环卫工人工资 --category wages)
"$duban" --now "2021-12-23 10:00" --format ids list --meeting "$meeting" --category wages | "$duban" --now "2021-12-23 10:00" -q topic link "$topic" -
"$duban" --now "2021-12-23 10:00" topic report "$topic" --months 3

step "duban doctor; duban backup (the record as evidence)"
"$duban" doctor
"$duban" backup "$XDG_DATA_HOME/duban-backup.db" >/dev/null
"$duban" --store "$XDG_DATA_HOME/duban-backup.db" doctor --quick >/dev/null && echo "backup: $XDG_DATA_HOME/duban-backup.db passes doctor"

echo
echo "store: $XDG_DATA_HOME/duban/duban.db (read it with: sqlite3 \"\$_\" 'SELECT status, count(*) FROM \"case\" GROUP BY 1')"
