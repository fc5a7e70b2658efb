#!/usr/bin/env bash
# As of the clock (SPEC §4), what intake recorded: a case corrected
# (amend) after the clock, or handed on with another class after it, is
# reported and shown at the clock with its title, category and class as
# they stood then, while a case only moved on in its status keeps what it
# holds now. The as-of reading leaves unread the intake of a case nothing
# corrected since, and takes its fields from the case: this checks both.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_RECEIPT_SEED=asof
at() { local when=$1; shift; "$DUBAN" -q --now "$when" "$@"; }

at "2026-10-12 09:00" intake --title "拖欠工资" --category wages --class C      # 1
at "2026-10-12 09:00" intake --title "工龄工资未算" --category seniority --class C # 2
at "2026-10-12 09:00" intake --title "加班费争议" --category overtime --class C  # 3
at "2026-10-12 10:00" assign 1 2 3 --lead cgj
CLOCK="2026-10-20 09:00"
for by in class category; do
  "$DUBAN" --now "$CLOCK" --format json report monthly --month 2026-10 --by "$by" >"before.$by"
done
for id in 1 2 3; do "$DUBAN" --now "$CLOCK" --format json show "$id" >"before.show$id"; done

# After the clock: 1 handed on with class A, 2 corrected, 3 only acknowledged.
at "2026-10-21 10:00" assign 1 --lead zjj --class A --reason 改由住建局牵头
at "2026-10-21 11:00" amend 2 --title "工龄工资计算错误" --category wages --reason 登记有误
at "2026-10-21 12:00" ack 3
expect_eq "$(sqlite3 "$DUBAN_STORE" "SELECT class FROM \"case\" WHERE id = 1")" "A" \
  "case 1 is class A now (fixture check)"
expect_eq "$(sqlite3 "$DUBAN_STORE" "SELECT category FROM \"case\" WHERE id = 2")" "wages" \
  "case 2 is of wages now (fixture check)"

for by in class category; do
  run --now "$CLOCK" --format json report monthly --month 2026-10 --by "$by"
  checks=$((checks + 1))
  [[ "$out" == "$(cat "before.$by")" ]] || fail "report --by $by at the clock differs after later acts"
done
py_expect "$(cat before.class)" 'print([(g["key"], g["received"]) for g in json.loads(data)["groups"]])' \
  "[('C', 3)]" "at the clock all three are of class C"
py_expect "$(cat before.category)" 'print(sorted((g["key"], g["received"]) for g in json.loads(data)["groups"]))' \
  "[('overtime', 1), ('seniority', 1), ('wages', 1)]" "at the clock one case of each category"
for id in 1 2 3; do
  run --now "$CLOCK" --format json show "$id"
  checks=$((checks + 1))
  [[ "$out" == "$(cat "before.show$id")" ]] || fail "show $id at the clock differs after later acts"
done
run --now "$CLOCK" --format json show 2
py_expect "$out" 'c = json.loads(data); c = c.get("case", c); print(c["title"], c["category"])' \
  "工龄工资未算 seniority" "case 2 at the clock: its title and category before the correction"
run --now "$CLOCK" --format json show 1
py_expect "$out" 'c = json.loads(data); c = c.get("case", c); print(c["class"], c["lead_unit"])' \
  "C cgj" "case 1 at the clock: class C, led by cgj"
finish
