#!/usr/bin/env bash
# The sanitation workers' weekend breakfast meeting of 23 October 2021, end
# to end, as a new user would run it: the example config copied into a
# working folder, the meeting, its 11 problems, the responsibility list,
# handling, cross-off and follow-up calls.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A new user copies the example config here; the store is then the default
# one, $XDG_DATA_HOME/duban/duban.db (the example has no `store`).
cp "$EXAMPLES/duban.toml" "$T/duban.toml"
cp "$EXAMPLES/breakfast-2021-10-23.csv" "$T/"
export STORE="$XDG_DATA_HOME/duban/duban.db"
count_status() { "$DUBAN" list --meeting 1 --status "$1" --format ids | wc -l; }

# --- Saturday 23 Oct 2021: the meeting and its problems ------------------------------------
export DUBAN_NOW="2021-10-23 11:30"
run --as "督查室 邓立新" meeting add --kind breakfast --title "环卫工人周末早餐会" --date 2021-10-23 --group "环卫工人"
expect_rc 0
expect_out "1"
run meeting list
expect_rc 0
expect_out_has "2021-10-23"
expect_out_has "环卫工人周末早餐会"
run --as "督查室 邓立新" intake --file breakfast-2021-10-23.csv --meeting 1 --dry-run
expect_rc 0
expect_out ""
run --as "督查室 邓立新" intake --file breakfast-2021-10-23.csv --meeting 1 --receipt
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "1 2 3 4 5 6 7 8 9 10 11 " "11 cases, in file order"
expect_eq "$(printf '%s\n' "$out" | cut -f2 | sort -u | wc -l)" "11" "11 distinct receipts"
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE meeting = 1 AND channel = 'breakfast' AND received_at = '2021-10-23T03:30:00Z'")" \
  "11" "all from the meeting, received at the clock"
expect_eq "$(count_status received)" "11" "all received"

# --- Monday 25 Oct: the responsibility list (within 3 days of the meeting) -------------------
export DUBAN_NOW="2021-10-25 09:00"
out=$("$DUBAN" list --meeting 1 --format ids | "$DUBAN" --as "督查室 邓立新" --format ids assign - --lead rsj --co cgj --leader "林志强" 2>"$T/.err")
rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out "$(seq 1 11)"
expect_eq "$(count_status listed)" "11" "all listed"
# Then the items that belong to other bureaus, each with its reason.
"$DUBAN" --as "督查室 邓立新" -q assign 6 --lead cgj --co cjl --reason "爱心驿站由城管局牵头、总工会配合"
"$DUBAN" --as "督查室 邓立新" -q assign 7 --lead gaj --reason "户籍登记属公安"
"$DUBAN" --as "督查室 邓立新" -q assign 8 --lead jyj --reason "子女入学属教育局"
"$DUBAN" --as "督查室 邓立新" -q assign 9 --lead zjj --reason "公租房属住建局"
"$DUBAN" --as "督查室 邓立新" -q assign 10 --lead mzj --co cjl --reason "困难慰问属民政局"
"$DUBAN" --as "督查室 邓立新" -q assign 11 --lead cgj --reason "劳保用品由城管局督促作业公司"
expect_eq "$(sql 'SELECT group_concat(lead_unit, " ") FROM (SELECT lead_unit FROM "case" ORDER BY id)')" \
  "rsj rsj rsj rsj rsj cgj gaj jyj zjj mzj cgj" "the lead units"
# Deadlines from Monday 25 Oct 2021 09:00 (no 2021 holidays in the config:
# weekends only): ack 1wd = end of Tue 26 Oct; A 20wd = end of Mon 22 Nov;
# B 60wd = end of Mon 17 Jan 2022; C 5wd = end of Mon 1 Nov; heat pay
# (rule: 10wd whatever the class) = end of Mon 8 Nov.
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE ack_due = '2021-10-26T15:59:59Z'")" "11" "ack due"
expect_eq "$(sql "SELECT group_concat(id || ':' || due_at, ' ') FROM (SELECT id, due_at FROM \"case\" WHERE id IN (1, 2, 5, 6) ORDER BY id)")" \
  "1:2021-11-22T15:59:59Z 2:2022-01-17T15:59:59Z 5:2021-11-08T15:59:59Z 6:2021-11-01T15:59:59Z" \
  "due by class and the heat-pay rule"
run --format ids list --meeting 1 --unit cjl
expect_out $'6\n10'
# A reassignment keeps the co-units it is not given (SPEC §3): 7, 8 and 9
# still have cgj beside their new lead.
run --format ids list --meeting 1 --unit cgj
expect_out "$(printf '%s\n' 1 2 3 4 5 6 7 8 9 11)"
run --format ids list --due-within 5wd
expect_out $'6\n10\n11'

# --- Tuesday 26 Oct: the units respond ----------------------------------------------------------
export DUBAN_NOW="2021-10-26 10:00"
out=$("$DUBAN" list --meeting 1 --status listed --format ids | "$DUBAN" --as "林志强" -q ack - 2>"$T/.err")
rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out ""
expect_eq "$(count_status in_progress)" "11" "all in progress"
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE acked_at = '2021-10-26T02:00:00Z'")" "11" "acknowledged on time"
run --as "李淑芳" ack 6 10 --unit cjl
expect_rc 0
expect_eq "$(sql "SELECT count(*) FROM journal WHERE action = 'ack' AND unit = 'cjl'")" "2" "the co-unit reports in"

# --- Friday 29 Oct: outcomes ------------------------------------------------------------------
export DUBAN_NOW="2021-10-29 16:00"
run --as "何光桂" note 11 "已约谈作业公司，第一批劳保用品11月5日前到位" --due 2021-11-05
expect_rc 0
expect_eq "$(sql 'SELECT due_at FROM "case" WHERE id = 11')" "2021-11-05T15:59:59Z" "a phase with its own date"
run --as "林志强" resolve 5 --outcome solved --note "已督促作业公司补发6—9月高温补贴"
expect_rc 0
run --as "何光桂" resolve 6 11 --outcome solved --note "已办"
expect_rc 0
run --as "郑秀英" resolve 10 --outcome solved --note "慰问金2000元已发放到本人"
expect_rc 0
run --as "吴海峰" resolve 7 --outcome explained
expect_rc 64
run --as "吴海峰" resolve 7 --outcome explained --note "落户须有合法稳定住所；已讲清政策，并指导先办理居住证"
expect_rc 0
expect_eq "$(count_status resolved)" "5" "five resolved"

# --- Monday 1 Nov: one more resolved; the office crosses off ----------------------------------------
export DUBAN_NOW="2021-11-01 15:00"
"$DUBAN" --as "林志强" -q resolve 3 --outcome solved --note "已按三倍工资补发节假日加班费"
export DUBAN_NOW="2021-11-02 09:00"
run --as "督查室 邓立新" close 1
expect_rc_not 0
expect_eq "$(sql 'SELECT status FROM "case" WHERE id = 1')" "in_progress" "an open item cannot be crossed off"
out=$(printf '5\n6\n7\n10\n11\n' | "$DUBAN" --as "督查室 邓立新" --format ids close - 2>"$T/.err")
rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out $'5\n6\n7\n10\n11'
expect_eq "$(count_status closed)" "5" "five crossed off"

# --- follow-up calls ------------------------------------------------------------------------------
export DUBAN_NOW="2021-11-03 14:00"
"$DUBAN" --as "回访员" -q followup 5 --rating satisfied --score 5
"$DUBAN" --as "回访员" -q followup 6 --rating basic --score 4
"$DUBAN" --as "回访员" -q followup 7 --rating satisfied --note "理解政策"
"$DUBAN" --as "回访员" -q followup 10 --rating satisfied --score 5
run --as "回访员" followup 11 --rating unsatisfied --score 2 --note "反光背心还是没有发"
expect_rc 0
expect_eq "$(sql 'SELECT status, satisfaction FROM "case" WHERE id = 11')" "in_progress|unsatisfied" \
  "an unsatisfied requester reopens the item"

# --- where the list stands ------------------------------------------------------------------------
expect_eq "$(count_status received)" "0" "received"
expect_eq "$(count_status listed)" "0" "listed"
expect_eq "$(count_status in_progress)" "6" "in progress: 1 2 4 8 9, and 11 reopened"
expect_eq "$(count_status resolved)" "1" "resolved, not yet crossed off: 3"
expect_eq "$(count_status closed)" "4" "closed: 5 6 7 10"
expect_eq "$("$DUBAN" list --meeting 1 --format ids | wc -l)" "11" "all eleven"
run --format ids list --meeting 1 --status in_progress
expect_out "$(printf '%s\n' 1 2 4 8 9 11)"
# Overdue: item 11's phase date is 5 Nov; class A items are due 22 Nov.
run --format ids list --meeting 1 --overdue
expect_rc 0
expect_out ""
run --now "2021-11-06 09:00" --format ids list --meeting 1 --overdue
expect_out "11"
run --now "2021-11-23 09:00" --format ids list --meeting 1 --overdue
expect_out "$(printf '%s\n' 1 8 11)"
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE satisfaction IN ('satisfied', 'basic')")" "4" "four satisfied"

# --- one item's whole story ---------------------------------------------------------------------------
run show 11
expect_rc 0
expect_out_has "工作服和劳保用品不足"
# Journal lines: "  when  actor  action[ unit]  key=value ..."; actors may hold a space.
expect_eq "$(printf '%s\n' "$out" | sed -n '/^办理日志$/,$p' | awk -F'  ' 'NR > 1 {split($4, w, " "); print w[1]}' | tr '\n' ' ')" \
  "受理 交办 交办 签收 进展 办结 销号 回访 重新办理 " "every event, oldest first"
expect_out_has "2021-10-23 11:30"
expect_out_has "反光背心还是没有发"
run --format json show 11
expect_rc 0
py_expect "$out" 'c = json.loads(data); j = c["journal"]
print(" ".join(e["action"] for e in j))
print(all(a["at"] <= b["at"] for a, b in zip(j, j[1:])), j[0]["actor"], j[3]["actor"], j[-2]["actor"])
print(c["status"], c["lead_unit"], c["meeting"], c["satisfaction"], c["closed_at"])' \
  "intake assign assign ack note resolve close followup reopen
True 督查室 邓立新 林志强 回访员
in_progress cgj 1 unsatisfied None" "show --format json of the reopened item"
run show 7
expect_out_has "落户须有合法稳定住所"
expect_out_has "已解释说明"
receipt=$(sql 'SELECT receipt FROM "case" WHERE id = 10')
run show --receipt "$receipt"
expect_rc 0
expect_out_has "因病困难慰问金未到位"
expect_out_has "已销号"

# Every change wrote one event: 11 intakes, 11 + 6 assigns, 11 + 2 acks,
# 1 note, 6 resolves, 5 closes, 5 follow-ups, 1 reopen.
expect_eq "$(sql "SELECT group_concat(action || '=' || n, ' ') FROM (SELECT action, count(*) n FROM journal GROUP BY action ORDER BY action)")" \
  "ack=13 assign=17 close=5 followup=5 intake=11 note=1 reopen=1 resolve=6" "the journal"

finish
