#!/usr/bin/env bash
# As of the clock (SPEC §4), a case that had only its intake by it and
# was acted on after it stands as its intake made it: received, led by no
# one, with its title, category, class, town, channel and requester as
# told. The as-of reading keeps such a case by its id, receipt, class and
# instant alone and takes the rest from the case and from one folded
# fresh row: this checks every field it shows, every grouping that reads
# it, and that a case with more by the clock is not taken for one.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_RECEIPT_SEED=fresh
at() { local when=$1; shift; "$DUBAN" -q --now "$when" "$@"; }

at "2026-10-12 09:00" intake --title "拖欠工资" --category wages --class C \
  --town 城东街道 --channel hotline --requester 张三                                 # 1
at "2026-10-12 09:30" intake --title "加班费争议" --category overtime --class B \
  --town 城西街道 --channel grid --requester 李四                                    # 2
at "2026-10-12 10:00" intake --title "工龄工资未算" --category seniority --class C     # 3
at "2026-10-12 11:00" assign 3 --lead cgj
CLOCK="2026-10-20 09:00"
groups() { "$DUBAN" --now "$CLOCK" --format json report monthly --month 2026-10 --by "$1"; }
for by in unit category channel class town; do groups "$by" >"before.$by"; done
"$DUBAN" --now "$CLOCK" --format json list >before.list

# After the clock: 1 and 2 handed to units (1 with another class), 3 acknowledged.
at "2026-10-21 10:00" assign 1 --lead zjj --class A
at "2026-10-21 10:30" assign 2 --lead cgj
at "2026-10-21 11:00" ack 3
expect_eq "$(sql "SELECT class || ' ' || status FROM \"case\" WHERE id = 1")" "A listed" \
  "case 1 is of class A and listed now (fixture check)"

for by in unit category channel class town; do
  run --now "$CLOCK" --format json report monthly --month 2026-10 --by "$by"
  checks=$((checks + 1))
  [[ "$out" == "$(cat "before.$by")" ]] || fail "report --by $by at the clock differs after later acts"
done
run --now "$CLOCK" --format json list
checks=$((checks + 1))
[[ "$out" == "$(cat before.list)" ]] || fail "list at the clock differs after later acts"

fields='for c in json.loads(data): print(c["id"], c["title"], c["category"], c["class"], c["town"], c["channel"], c["status"], c["lead_unit"], c["received_at"], c["receipt"] is not None)'
py_expect "$out" "$fields" "1 拖欠工资 wages C 城东街道 hotline received None 2026-10-12T01:00:00Z True
2 加班费争议 overtime B 城西街道 grid received None 2026-10-12T01:30:00Z True
3 工龄工资未算 seniority C None None listed cgj 2026-10-12T02:00:00Z True" \
  "at the clock: 1 and 2 as their intakes told, unassigned; 3 assigned to cgj"
py_expect "$(cat before.class)" 'print(sorted((g["key"], g["received"]) for g in json.loads(data)["groups"]))' \
  "[('B', 1), ('C', 2)]" "at the clock 1 is still of class C"
py_expect "$(cat before.unit)" 'print(sorted((str(g["key"]), g["received"]) for g in json.loads(data)["groups"]))' \
  "[('None', 2), ('cgj', 1)]" "at the clock 1 and 2 are led by no unit, 3 by cgj"
py_expect "$(cat before.town)" 'print(sorted((str(g["key"]), g["received"]) for g in json.loads(data)["groups"]))' \
  "[('None', 1), ('城东街道', 1), ('城西街道', 1)]" "at the clock one case in each town, one in none"
# The receipts and the requesters, as the cases hold them now.
run --now "$CLOCK" --format json list
now_receipts=$(sql "SELECT group_concat(receipt, ' ') FROM (SELECT receipt FROM \"case\" ORDER BY id)")
py_expect "$out" 'print(" ".join(c["receipt"] for c in json.loads(data)))' "$now_receipts" \
  "at the clock each case has the receipt its intake gave"
py_expect "$out" 'print([c["requester"] for c in json.loads(data)])' "['张三', '李四', None]" \
  "at the clock each case has the requester its intake told"
finish
