#!/usr/bin/env bash
# As of the clock (SPEC §4, §7): a bulletin published for October at a
# clock T is run again, with the same --month and --now, after November's
# acts (a reopen and re-close, a late follow-up that reopens, a resolve of
# an overdue case, a reassignment, new cases, automatic escalation) and
# comes out byte for byte the same, in every format; list, show and remind
# at T too. The figures at T are checked by hand where today's code went
# wrong: overdue_open ignored a later resolve while closure_rate did not.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml" DUBAN_RECEIPT_SEED=replay
at() { local when=$1; shift; "$DUBAN" -q --now "$when" "$@"; }

# October 2026 (local times). Four class-C cases of cgj (5wd).
at "2026-10-12 09:00" intake --title "路灯不亮" --class C                 # 1
at "2026-10-12 09:00" intake --title "井盖缺失" --class C                 # 2
at "2026-10-12 09:00" intake --title "垃圾清运不及时" --class C           # 3
at "2026-10-12 09:00" intake --title "占道经营" --class C                 # 4
at "2026-10-12 10:00" assign 1 2 3 4 --lead cgj --co cjl
at "2026-10-12 11:00" ack 1 2 3 4
at "2026-10-14 10:00" resolve 1 2 --outcome solved --note 已修复
at "2026-10-15 10:00" close 1 2
at "2026-10-16 10:00" followup 1 --rating satisfied
# 3 and 4 stay open past their due (end of Mon 19 Oct): overdue at T.
T="2026-11-01 07:00"
report() { "$DUBAN" --now "$T" --format "$1" report monthly --month 2026-10 "${@:2}"; }
for f in json md csv html table; do report "$f" >"before.$f"; done
"$DUBAN" --now "$T" --format json report scorecard --month 2026-10 >before.scorecard
"$DUBAN" --now "$T" --format json list >before.list
"$DUBAN" --now "$T" show 1 >before.show1
"$DUBAN" --now "$T" --format json show 3 >before.show3
"$DUBAN" --now "$T" --format json remind >before.remind

py_expect "$(cat before.json)" 'j = json.loads(data)["total"]; print(j["received"], j["closed"], j["closure_rate"], j["overdue_open"], j["satisfaction_rate"], j["reopened"])' \
  "4 2 0.5 2 1.0 0" "October at T, by hand: 4 received, 2 closed, 2 overdue"

# November: later acts on the same cases.
at "2026-11-02 09:00" intake --title "十一月的新问题" --class C            # 5
at "2026-11-02 10:00" resolve 3 --outcome solved --note 已清运
at "2026-11-03 10:00" followup 2 --rating unsatisfied                     # reopens 2
at "2026-11-04 10:00" reopen 1 --reason 复查发现仍未修好
at "2026-11-04 11:00" assign 4 --lead zjj --reason 改由住建局牵头
at "2026-11-10 10:00" resolve 1 --outcome solved --note 二次修复
at "2026-11-11 10:00" close 1 3
at "2026-11-20 10:00" escalate --auto
expect_eq "$(sqlite3 "$DUBAN_STORE" "SELECT count(*) FROM journal WHERE at > '2026-10-31T23:00:00Z' AND action <> 'escalate'")" "9" \
  "November wrote nine events besides escalations (fixture check)"
expect_eq "$(sqlite3 "$DUBAN_STORE" "SELECT count(*) > 0 FROM journal WHERE action = 'escalate'")" "1" \
  "and the ladder escalated (fixture check)"

for f in json md csv html table; do
  report "$f" >"after.$f"
  checks=$((checks + 1))
  cmp -s "before.$f" "after.$f" || fail "report monthly --format $f at T differs after later acts: $(diff "before.$f" "after.$f" | head -5)"
done
"$DUBAN" --now "$T" --format json report scorecard --month 2026-10 >after.scorecard
"$DUBAN" --now "$T" --format json list >after.list
"$DUBAN" --now "$T" show 1 >after.show1
"$DUBAN" --now "$T" --format json show 3 >after.show3
"$DUBAN" --now "$T" --format json remind >after.remind
for x in scorecard list show1 show3 remind; do
  checks=$((checks + 1))
  cmp -s "before.$x" "after.$x" || fail "$x at T differs after later acts: $(diff "before.$x" "after.$x" | head -5)"
done
# The store itself moved on: at the current clock, the later acts show.
run --now "2026-11-21 09:00" --format json list
py_expect "$out" 'print(len(json.loads(data)), [c["status"] for c in json.loads(data)])' \
  "5 ['closed', 'in_progress', 'closed', 'listed', 'received']" "the cases now"
run --now "2026-11-21 09:00" --format json report monthly --month 2026-10
# Seen now, October has no close left (1 was re-closed in November, 2 is
# open again) and two overdue cases: 2 (due 19 Oct) and 4 (its new lead's
# due, end of 11 Nov).
py_expect "$out" 'j = json.loads(data)["total"]; print(j["closed"], j["overdue_open"], j["reopened"])' \
  "0 2 0" "October seen now"
# A case received after the clock does not exist at the clock.
run --now "$T" show 5
expect_rc 69
finish
