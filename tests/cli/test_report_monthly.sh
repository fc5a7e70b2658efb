#!/usr/bin/env bash
# report monthly (SPEC §7, §9): an independent oracle. Every figure below was
# computed by hand from the definitions, not from the code. The fixture is one
# October 2026 (the National Day holiday 10-01..10-07; Sun 09-20 and Sat 10-10
# are make-up working days) in Asia/Shanghai, built with the lifecycle commands.
#
# ---- The fixture (local times; ack = 1wd, resolve C = 5wd, A = 20wd) ----------
# Working days: 09-14..18, Sun 09-20, 09-21..24, 09-28..30, 10-08, 10-09,
# Sat 10-10, 10-12..16, 10-19..23, 10-26..30, 11-02..06, 11-09.
#  #1 cgj  C grid    received Mon 09-14 09:00; assigned 09-14 10:00 -> ack due
#         Tue 09-15 23:59:59, due 5wd = 09-15,16,17,18,Sun 20 -> 09-20 23:59:59;
#         acked 09-14 11:00, resolved 09-18, closed 09-18 15:00 (September);
#         reopened 10-12 09:00, resolved 10-13 10:00 (late), closed 10-13 15:00.
#  #2 cgj  C grid    received 09-30 23:30 (before P); assigned Thu 10-08 09:00 ->
#         ack due Fri 10-09 23:59:59, due 10-09,10,12,13,14 -> 10-14 23:59:59;
#         acked 10-08 10:00, resolved 10-12 10:00 (on time), closed 10-12 16:00;
#         followup satisfied 10-13.
#  #3 cgj  C grid    received 10-01 00:10 (in P); assigned 10-08 09:00 (dues as
#         #2); acked 10-09 20:00 (on time); escalate --auto 10-15 09:00 (overdue,
#         level 0 -> 2); resolved 10-16 10:00 (late), closed 10-16 11:00;
#         followup satisfied 11-03 (November: not in October's satisfaction).
#  #4 cgj  C night-talk received 10-08 09:00; assigned 10-08 10:00 (ack due
#         10-09 23:59:59, due 10-14 23:59:59); acked 10-08 11:00, resolved 10-09
#         15:00, closed 10-09 16:00; followup unsatisfied 10-10 10:00 -> reopen
#         event; in progress ever since (no closed_at); escalate --auto 10-15.
#  #5 sy-cd-xh C grid received 10-08 09:00; assigned 10-08 10:00 (ack due 10-09
#         23:59:59, due 10-14 23:59:59); acked 10-09 09:00; resolved 10-12 10:00,
#         closed 10-12 15:00; followup basic 10-14.
#  #6 zjj  A petition received 10-09 09:00; assigned Fri 10-09 10:00 -> ack due
#         Sat 10-10 23:59:59 (make-up working day), due 20wd -> Thu 11-05
#         23:59:59; acked Sat 10-10 09:00; closed --force 10-20 15:00, unresolved.
#  #7 rsj->cgj C breakfast received 10-09 09:00; assigned rsj 10-09 10:00
#         (first_assigned_at stays this); returned by rsj Mon 10-12 09:00;
#         assigned cgj 10-12 10:00 -> ack due Tue 10-13 23:59:59, due 10-13,14,
#         15,16,19 -> 10-19 23:59:59; acked 10-13 09:00; in progress at T.
#  #8 rsj  A petition received 10-12 09:00; assigned 10-12 10:00 -> ack due
#         10-13 23:59:59, due 20wd -> 11-09 23:59:59; acked 10-14 09:00 (late);
#         escalate --level 1 by hand 10-22 10:00; in progress at T.
#  #9 rsj  C grid    received 10-20 09:00; assigned 10-20 10:00 -> ack due
#         10-21 23:59:59, due 10-27 23:59:59; never acknowledged (listed at T).
# #10 sy-cd C grid   received 10-20 09:00; assigned 10-20 10:00 (dues as #9);
#         acked 10-21 09:00; resolved 10-27 10:00; closed 11-02 10:00 (after P).
# #11 zjj  C breakfast received 10-22 09:00; assigned 10-22 10:00 -> ack due
#         10-23 23:59:59, due 10-23,26,27,28,29 -> 10-29 23:59:59; acked
#         10-22 11:00; resolved 10-30 10:00 (late); resolved, not closed, at T.
# #12 sy-cd-xh C grid received 10-26 09:00; assigned 10-26 10:00 -> ack due
#         10-27 23:59:59, due 10-27,28,29,30,11-02 -> 11-02 23:59:59; acked
#         10-28 09:00 (late); resolved 11-02 09:00, closed 11-03 09:00.
# #13 cgj  C breakfast received 10-31 23:59 (in P); assigned 11-02 09:00 -> ack
#         due 11-03 23:59:59, due 11-09 23:59:59; listed at T.
# #14 zjj  C breakfast received 11-01 00:00 (not in P); assigned 11-02 09:00;
#         listed at T (due 11-09).
# escalate --auto at 10-15 09:00 finds exactly #3 and #4 (in progress, due
# 10-14 passed; level 3 waits till 5wd past due = 10-21 23:59:59); every other
# case then is closed or not yet due.
#
# ---- Hand computation: October, P = [10-01 00:00, 11-01 00:00) local,
#      T = 2026-11-05 12:00 local = 2026-11-05T04:00:00Z ----------------------
# cgj (current lead of 1,2,3,4,7,13):
#   received 4 (3,4,7,13; not 2: 09-30 23:30; not 1); closed 3 (1,2,3);
#   closure_rate 1/4 (of 3,4,7,13 only 3 is closed); on_time_rate 1/3 (2 on
#   time; 1 resolved 10-13 > due 09-20; 3 resolved 10-16 > 10-14);
#   overdue_open 2 (4 due 10-14, 7 due 10-19; 13 due 11-09 is not yet);
#   ack_rate 4/4 (2,3,4,7: first assigned in P, all acked by their current ack
#   due; 7 against cgj's 10-13 due); satisfaction_rate 1/2 (2 satisfied, 4
#   unsatisfied); mean_days_to_close (#1 29d6h = 42120 min, #2 11d16h30m =
#   16830 min, #3 15d10h50m = 22250 min) = 81200/3 min = 81200/4320 d =
#   18.7963; escalations 2 (3, 4 auto); reopened 2 (1 by hand, 4 by the
#   followup); returned 0.
# rsj (8, 9; and the return of 7): received 2; closed 0; closure 0/2 = 0;
#   on_time null; overdue_open 1 (9); ack_rate 0/2 (8 late, 9 never and due
#   passed); satisfaction null; mean null; escalations 1 (8 by hand);
#   reopened 0; returned 1.
# zjj (6, 11, 14): received 2 (6, 11; not 14); closed 1 (6); closure 1/2;
#   on_time 0/1 (6 forced, never resolved); overdue_open 0 (11 is resolved,
#   14 due 11-09); ack_rate 2/2 (6, 11; 14 first assigned in November);
#   satisfaction null; mean 11.25 (10-09 09:00 -> 10-20 15:00); 0, 0, 0.
# sy-cd (10): received 1; closed 0 (closed 11-02); closure 1/1; on_time null;
#   overdue 0; ack 1/1; satisfaction null; mean null; 0, 0, 0.
# sy-cd-xh (5, 12): received 2; closed 1 (5; 12 closed 11-03); closure 2/2;
#   on_time 1/1; overdue 0; ack 1/2 (12 late); satisfaction 1/1 (basic);
#   mean 4.25 (10-08 09:00 -> 10-12 15:00); 0, 0, 0.
# total: received 11 (3..13); closed 5 (1,2,3,5,6); closure 5/11 (3,5,6,10,12);
#   on_time 2/5 (2, 5); overdue_open 3 (4, 7, 9); ack_rate 8/11 (2..12 first
#   assigned in P; late 8, 12; never 9); satisfaction 2/3; mean (42120 + 16830
#   + 22250 + 6120 + 16200) / 5 = 20704 min = 20704/1440 d = 14.3778;
#   escalations 3; reopened 2; returned 1.
#
#   unit      rcv cls closure on_time overdue ack  satisf mean     esc reop ret
#   cgj        4   3  1/4     1/3     2       4/4  1/2    18.7963  2   2    0
#   rsj        2   0  0/2     —       1       0/2  —      —        1   0    1
#   zjj        2   1  1/2     0/1     0       2/2  —      11.25    0   0    0
#   sy-cd      1   0  1/1     —       0       1/1  —      —        0   0    0
#   sy-cd-xh   2   1  2/2     1/1     0       1/2  1/1    4.25     0   0    0
#   total     11   5  5/11    2/5     3       8/11 2/3    14.3778  3   2    1
#
# --rollup: city = total; sy = sy-cd = cases 5, 10, 12: received 3, closed 1,
#   closure 3/3, on_time 1/1, overdue 0, ack 2/3, satisfaction 1/1, mean 4.25,
#   0, 0, 0; cgj, rsj, zjj, sy-cd-xh as above. Order: city cgj rsj zjj sy sy-cd
#   sy-cd-xh.
# --by class: A = 6, 8: received 2, closed 1, closure 1/2, on_time 0/1,
#   overdue 0, ack 1/2, satisfaction null, mean 11.25, escalations 1, 0, 0.
#   C = the rest: received 9, closed 4 (1,2,3,5), closure 4/9 (3,5,10,12),
#   on_time 2/4, overdue 3, ack 7/9, satisfaction 2/3, mean 87320/4 min =
#   21830/1440 d, escalations 2, reopened 2, returned 1 (7 is class C).
# --by channel (received, closed, escalations, reopened, returned):
#   breakfast (7,11,13,14) 3 0 0 0 1; grid (1,2,3,5,9,10,12) 5 4 1 1 0;
#   night-talk (4) 1 0 1 1 0, satisfaction 0/1; petition (6,8) 2 1 1 0 0.
# --by town (received, closed): 城东街道 (2,4,5,7,8,10,12,13) 7 2;
#   莘口镇 (1,3,6,9,11,14) 4 3.
# --from 10-01 --to 10-16 (P = [10-01, 10-16), same T): total received 6
#   (3..8), closed 3 (1,2,5; 3 closed 10-16 11:00 is outside), closure 3/6
#   (3,5,6 closed by T), on_time 2/3, overdue 3, ack 6/7 (2..8; 8 late),
#   satisfaction 2/3, mean (42120+16830+6120)/3 min = 21690/1440 = 15.0625,
#   escalations 2 (auto 10-15; the hand one 10-22 is outside), reopened 2,
#   returned 1. cgj 3 2 1/3 1/2 2 4/4 1/2 29475/1440 2 2 0; rsj 1 0 0/1 — 1
#   0/1 — — 0 0 1; zjj 1 0 1/1 — 0 1/1 — — 0 0 0; sy-cd has nothing (omitted);
#   sy-cd-xh 1 1 1/1 1/1 0 1/1 1/1 4.25 0 0 0.
# --month 2026-08 at T: only overdue_open (cgj 2, rsj 1; total 3); at
#   T = 2026-09-01 00:00 nothing at all: no groups, counts 0, rates null.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
at() { local now=$1; shift; "$DUBAN" -q --config "$EXAMPLES/duban.toml" --now "$now" "$@" || fail "fixture: $now $*"; }
new() {  # new WHEN CLASS CHANNEL TOWN TITLE
  at "$1" intake --class "$2" --channel "$3" --town "$4" --title "$5"
}
D=城东街道 X=莘口镇

# ---- the fixture, in the order it happened --------------------------------------
new "2026-09-14 09:00" C grid "$X" 莘口路段井盖缺失          # 1
at "2026-09-14 10:00" assign 1 --lead cgj
at "2026-09-14 11:00" ack 1
at "2026-09-18 10:00" resolve 1 --outcome solved
at "2026-09-18 15:00" close 1
new "2026-09-30 23:30" C grid "$D" 城东路灯不亮              # 2
new "2026-10-01 00:10" C grid "$X" 莘口街道垃圾堆积          # 3
new "2026-10-08 09:00" C night-talk "$D" 夜市噪音扰民        # 4
new "2026-10-08 09:00" C grid "$D" 新华社区健身器材损坏      # 5
at "2026-10-08 09:00" assign 2 3 --lead cgj
at "2026-10-08 10:00" assign 4 --lead cgj
at "2026-10-08 10:00" assign 5 --lead sy-cd-xh
at "2026-10-08 10:00" ack 2
at "2026-10-08 11:00" ack 4
new "2026-10-09 09:00" A petition "$X" 公租房分配不公        # 6
new "2026-10-09 09:00" C breakfast "$D" 环卫工人休息点缺少饮水  # 7
at "2026-10-09 09:00" ack 5
at "2026-10-09 10:00" assign 6 --lead zjj
at "2026-10-09 10:00" assign 7 --lead rsj
at "2026-10-09 15:00" resolve 4 --outcome solved
at "2026-10-09 16:00" close 4
at "2026-10-09 20:00" ack 3
at "2026-10-10 09:00" ack 6
at "2026-10-10 10:00" followup 4 --rating unsatisfied
new "2026-10-12 09:00" A petition "$D" 拖欠农民工工资        # 8
at "2026-10-12 09:00" --as rsj-clerk return 7 --reason 属城管职责
at "2026-10-12 09:00" reopen 1 --reason 井盖再次丢失
at "2026-10-12 10:00" assign 7 --lead cgj
at "2026-10-12 10:00" assign 8 --lead rsj
at "2026-10-12 10:00" resolve 2 5 --outcome solved
at "2026-10-12 15:00" close 5
at "2026-10-12 16:00" close 2
at "2026-10-13 09:00" ack 7
at "2026-10-13 09:00" followup 2 --rating satisfied
at "2026-10-13 10:00" resolve 1 --outcome solved
at "2026-10-13 15:00" close 1
at "2026-10-14 09:00" ack 8
at "2026-10-14 09:00" followup 5 --rating basic
at "2026-10-15 09:00" escalate --auto
at "2026-10-16 10:00" resolve 3 --outcome solved
at "2026-10-16 11:00" close 3
new "2026-10-20 09:00" C grid "$X" 莘口村道路破损            # 9
new "2026-10-20 09:00" C grid "$D" 城东街道积水             # 10
at "2026-10-20 10:00" assign 9 --lead rsj
at "2026-10-20 10:00" assign 10 --lead sy-cd
at "2026-10-20 15:00" close 6 --force --reason 政策不允许，已说明
at "2026-10-21 09:00" ack 10
new "2026-10-22 09:00" C breakfast "$X" 保障房维修不及时      # 11
at "2026-10-22 10:00" assign 11 --lead zjj
at "2026-10-22 10:00" escalate 8 --level 1 --reason 领导督办
at "2026-10-22 11:00" ack 11
new "2026-10-26 09:00" C grid "$D" 社区路灯闪烁              # 12
at "2026-10-26 10:00" assign 12 --lead sy-cd-xh
at "2026-10-27 10:00" resolve 10 --outcome solved
at "2026-10-28 09:00" ack 12
at "2026-10-30 10:00" resolve 11 --outcome solved
new "2026-10-31 23:59" C breakfast "$D" 月末最后一件           # 13
new "2026-11-01 00:00" C breakfast "$X" 十一月第一件           # 14
at "2026-11-02 09:00" assign 13 --lead cgj
at "2026-11-02 09:00" assign 14 --lead zjj
at "2026-11-02 09:00" resolve 12 --outcome solved
at "2026-11-02 10:00" close 10
at "2026-11-03 09:00" close 12
at "2026-11-03 09:00" followup 3 --rating satisfied

# ---- the fixture is what the hand computation assumes ---------------------------
expect_eq "$(sql 'SELECT group_concat(id || " " || status || " " || coalesce(lead_unit, "-") || " " || received_at, char(10)) FROM (SELECT * FROM "case" ORDER BY id)')" \
"1 closed cgj 2026-09-14T01:00:00Z
2 closed cgj 2026-09-30T15:30:00Z
3 closed cgj 2026-09-30T16:10:00Z
4 in_progress cgj 2026-10-08T01:00:00Z
5 closed sy-cd-xh 2026-10-08T01:00:00Z
6 closed zjj 2026-10-09T01:00:00Z
7 in_progress cgj 2026-10-09T01:00:00Z
8 in_progress rsj 2026-10-12T01:00:00Z
9 listed rsj 2026-10-20T01:00:00Z
10 closed sy-cd 2026-10-20T01:00:00Z
11 resolved zjj 2026-10-22T01:00:00Z
12 closed sy-cd-xh 2026-10-26T01:00:00Z
13 listed cgj 2026-10-31T15:59:00Z
14 listed zjj 2026-10-31T16:00:00Z" "fixture: states, leads, received_at"
expect_eq "$(sql 'SELECT group_concat(id || " " || first_assigned_at || " " || ack_due || " " || coalesce(acked_at, "-") || " " || due_at || " " || coalesce(resolved_at, "-") || " " || coalesce(closed_at, "-"), char(10)) FROM (SELECT * FROM "case" ORDER BY id)')" \
"1 2026-09-14T02:00:00Z 2026-09-15T15:59:59Z 2026-09-14T03:00:00Z 2026-09-20T15:59:59Z 2026-10-13T02:00:00Z 2026-10-13T07:00:00Z
2 2026-10-08T01:00:00Z 2026-10-09T15:59:59Z 2026-10-08T02:00:00Z 2026-10-14T15:59:59Z 2026-10-12T02:00:00Z 2026-10-12T08:00:00Z
3 2026-10-08T01:00:00Z 2026-10-09T15:59:59Z 2026-10-09T12:00:00Z 2026-10-14T15:59:59Z 2026-10-16T02:00:00Z 2026-10-16T03:00:00Z
4 2026-10-08T02:00:00Z 2026-10-09T15:59:59Z 2026-10-08T03:00:00Z 2026-10-14T15:59:59Z - -
5 2026-10-08T02:00:00Z 2026-10-09T15:59:59Z 2026-10-09T01:00:00Z 2026-10-14T15:59:59Z 2026-10-12T02:00:00Z 2026-10-12T07:00:00Z
6 2026-10-09T02:00:00Z 2026-10-10T15:59:59Z 2026-10-10T01:00:00Z 2026-11-05T15:59:59Z - 2026-10-20T07:00:00Z
7 2026-10-09T02:00:00Z 2026-10-13T15:59:59Z 2026-10-13T01:00:00Z 2026-10-19T15:59:59Z - -
8 2026-10-12T02:00:00Z 2026-10-13T15:59:59Z 2026-10-14T01:00:00Z 2026-11-09T15:59:59Z - -
9 2026-10-20T02:00:00Z 2026-10-21T15:59:59Z - 2026-10-27T15:59:59Z - -
10 2026-10-20T02:00:00Z 2026-10-21T15:59:59Z 2026-10-21T01:00:00Z 2026-10-27T15:59:59Z 2026-10-27T02:00:00Z 2026-11-02T02:00:00Z
11 2026-10-22T02:00:00Z 2026-10-23T15:59:59Z 2026-10-22T03:00:00Z 2026-10-29T15:59:59Z 2026-10-30T02:00:00Z -
12 2026-10-26T02:00:00Z 2026-10-27T15:59:59Z 2026-10-28T01:00:00Z 2026-11-02T15:59:59Z 2026-11-02T01:00:00Z 2026-11-03T01:00:00Z
13 2026-11-02T01:00:00Z 2026-11-03T15:59:59Z - 2026-11-09T15:59:59Z - -
14 2026-11-02T01:00:00Z 2026-11-03T15:59:59Z - 2026-11-09T15:59:59Z - -" "fixture: the clocks the hand computation relies on"
expect_eq "$(sql "SELECT group_concat(case_id || ' ' || action || ' ' || coalesce(unit, '-') || ' ' || at, char(10)) FROM (SELECT * FROM journal WHERE action IN ('escalate', 'reopen', 'return', 'followup') ORDER BY id)")" \
"4 followup cgj 2026-10-10T02:00:00Z
4 reopen cgj 2026-10-10T02:00:00Z
7 return rsj 2026-10-12T01:00:00Z
1 reopen cgj 2026-10-12T01:00:00Z
2 followup cgj 2026-10-13T01:00:00Z
5 followup sy-cd-xh 2026-10-14T01:00:00Z
3 escalate cgj 2026-10-15T01:00:00Z
4 escalate cgj 2026-10-15T01:00:00Z
8 escalate rsj 2026-10-22T02:00:00Z
3 followup cgj 2026-11-03T01:00:00Z" "fixture: the journal events the figures count"

# ---- checking helpers -------------------------------------------------------------
cp "$DUBAN_SOURCE/tests/cli/report_figures.py" "$T/.py_prelude.py"
cat >>"$T/.py_prelude.py" <<'EOF'
FIGURES = ["received", "closed", "closure_rate", "on_time_rate", "overdue_open", "ack_rate",
           "satisfaction_rate", "mean_days_to_close", "escalations", "reopened", "returned"]
def counts(names, rows=None):
    if rows is None:
        rows = json.loads(data)["groups"]
    print(" ".join(str(g["key"]) + ":" + ",".join(str(g[n]) for n in names) for g in rows))
def csv_rows():
    return list(csv.DictReader(io.StringIO(data)))
EOF

FIGS=(received closed closure_rate on_time_rate overdue_open ack_rate satisfaction_rate mean_days_to_close escalations reopened returned)
# figures LABEL KEY V1..V11: the 11 figures of group KEY (or total) in $out, in
# the order of FIGS; "-" is null; rates and means are Python expressions.
figures() {
  local label=$1 key=$2
  shift 2
  [ $# = 11 ] || fail "figures $label $key: $# values"
  local i=0 v
  for v in "$@"; do
    [ "$v" = - ] && v=None
    py_expect "$out" "fig('$key', '${FIGS[$i]}', $v)" ok "$label: $key.${FIGS[$i]}"
    i=$((i + 1))
  done
}

# ---- October by unit --------------------------------------------------------------
NOW="2026-11-05 12:00"
run --now "$NOW" --format json report monthly --month 2026-10
expect_rc 0
expect_eq "$err" "" "a report writes nothing on stderr"
py_expect "$out" 'd = json.loads(data); print(d["period"]["from"], d["period"]["to"], d["as_of"], d["by"])' \
  "2026-10-01 2026-11-01 2026-11-05T04:00:00Z unit" "period (local dates, to exclusive), as_of, by"
py_expect "$out" 'keys()' "cgj rsj zjj sy-cd sy-cd-xh" "October groups, in config order"
py_expect "$out" 'print(" ".join(g["name"] for g in json.loads(data)["groups"]))' \
  "市城市管理局 市人力资源和社会保障局 市住房和城乡建设局 城东街道 新华社区" "group names from the config"
py_expect "$out" 'd = json.loads(data); print(all(set(FIGURES) <= set(g) for g in d["groups"] + [d["total"]]))' \
  "True" "every group and the total carry every figure"
#                      rcv cls closure on_time overdue ack   satisf mean        esc reop ret
figures oct cgj        4   3   1/4     1/3     2       4/4   1/2    81200/4320  2   2    0
figures oct rsj        2   0   0/2     -       1       0/2   -      -           1   0    1
figures oct zjj        2   1   1/2     0/1     0       2/2   -      11.25       0   0    0
figures oct sy-cd      1   0   1/1     -       0       1/1   -      -           0   0    0
figures oct sy-cd-xh   2   1   2/2     1/1     0       1/2   1/1    4.25        0   0    0
figures oct total      11  5   5/11    2/5     3       8/11  2/3    20704/1440  3   2    1
# --by unit is the default; saying it changes nothing.
oct_json=$out
run --now "$NOW" --format json report monthly --month 2026-10 --by unit
expect_rc 0
expect_eq "$out" "$oct_json" "--by unit is the default"
# Without --month or --from/--to the period is a calendar month (which one is
# not fixed by SPEC: only that it is whole).
run --now "$NOW" --format json report monthly
expect_rc 0
py_expect "$out" 'd = json.loads(data); f, t = d["period"]["from"], d["period"]["to"]; print(f.endswith("-01") and t.endswith("-01") and f < t)' \
  "True" "default period: a whole calendar month"

# ---- --rollup ---------------------------------------------------------------------
run --now "$NOW" --format json report monthly --month 2026-10 --by unit --rollup
expect_rc 0
py_expect "$out" 'keys()' "city cgj rsj zjj sy sy-cd sy-cd-xh" "rollup groups: ancestors appear, in config order"
#                      rcv cls closure on_time overdue ack   satisf mean        esc reop ret
figures rollup city    11  5   5/11    2/5     3       8/11  2/3    20704/1440  3   2    1
figures rollup cgj     4   3   1/4     1/3     2       4/4   1/2    81200/4320  2   2    0
figures rollup rsj     2   0   0/2     -       1       0/2   -      -           1   0    1
figures rollup zjj     2   1   1/2     0/1     0       2/2   -      11.25       0   0    0
figures rollup sy      3   1   3/3     1/1     0       2/3   1/1    4.25        0   0    0
figures rollup sy-cd   3   1   3/3     1/1     0       2/3   1/1    4.25        0   0    0
figures rollup sy-cd-xh 2  1   2/2     1/1     0       1/2   1/1    4.25        0   0    0
figures rollup total   11  5   5/11    2/5     3       8/11  2/3    20704/1440  3   2    1

# ---- --by class -------------------------------------------------------------------
run --now "$NOW" --format json report monthly --month 2026-10 --by class
expect_rc 0
py_expect "$out" 'd = json.loads(data); print(d["by"]); keys()' $'class\nA C' "by class: A and C (no B case)"
#                      rcv cls closure on_time overdue ack   satisf mean        esc reop ret
figures class A        2   1   1/2     0/1     0       1/2   -      11.25       1   0    0
figures class C        9   4   4/9     2/4     3       7/9   2/3    21830/1440  2   2    1
figures class total    11  5   5/11    2/5     3       8/11  2/3    20704/1440  3   2    1

# ---- --by channel and --by town (counts) ------------------------------------------
run --now "$NOW" --format json report monthly --month 2026-10 --by channel
expect_rc 0
py_expect "$out" 'keys()' "breakfast grid night-talk petition" "by channel, by key text"
py_expect "$out" 'counts(["received", "closed", "escalations", "reopened", "returned"])' \
  "breakfast:3,0,0,0,1 grid:5,4,1,1,0 night-talk:1,0,1,1,0 petition:2,1,1,0,0" "by channel: counts"
py_expect "$out" "fig('night-talk', 'satisfaction_rate', 0/1)" ok "by channel: night-talk's one follow-up was unsatisfied"
py_expect "$out" "fig('total', 'received', 11)" ok "by channel: total received"
run --now "$NOW" --format json report monthly --month 2026-10 --by town
expect_rc 0
py_expect "$out" 'counts(["received", "closed"])' \
  "城东街道:7,2 莘口镇:4,3" "by town: the case's town field"

# ---- half a month: --from 2026-10-01 --to 2026-10-16 ------------------------------
run --now "$NOW" --format json report monthly --from 2026-10-01 --to 2026-10-16
expect_rc 0
py_expect "$out" 'd = json.loads(data); print(d["period"]["from"], d["period"]["to"])' \
  "2026-10-01 2026-10-16" "half month: the period as given (to exclusive)"
py_expect "$out" 'keys()' "cgj rsj zjj sy-cd-xh" "half month: sy-cd has nothing before 10-16"
#                      rcv cls closure on_time overdue ack   satisf mean        esc reop ret
figures half cgj       3   2   1/3     1/2     2       4/4   1/2    29475/1440  2   2    0
figures half rsj       1   0   0/1     -       1       0/1   -      -           0   0    1
figures half zjj       1   0   1/1     -       0       1/1   -      -           0   0    0
figures half sy-cd-xh  1   1   1/1     1/1     0       1/1   1/1    4.25        0   0    0
figures half total     6   3   3/6     2/3     3       6/7   2/3    21690/1440  2   2    1

# ---- months with nothing ----------------------------------------------------------
# At T, overdue_open does not depend on the period: only it is non-zero.
run --now "$NOW" --format json report monthly --month 2026-08
expect_rc 0
py_expect "$out" 'keys()' "cgj rsj" "August at T: only the units with overdue cases"
figures aug cgj        0   0   -       -       2       -     -      -           0   0    0
figures aug rsj        0   0   -       -       1       -     -      -           0   0    0
figures aug total      0   0   -       -       3       -     -      -           0   0    0
# Before anything was due, nothing at all.
run --now "2026-09-01 00:00" --format json report monthly --month 2026-08
expect_rc 0
py_expect "$out" 'd = json.loads(data); print(d["groups"], d["period"]["from"], d["period"]["to"], d["as_of"])' \
  "[] 2026-08-01 2026-09-01 2026-08-31T16:00:00Z" "August at 09-01: no groups"
figures empty total    0   0   -       -       0       -     -      -           0   0    0
run --now "2026-09-01 00:00" report monthly --month 2026-08
expect_rc 0
expect_out_has "—"
expect_out_lacks "0.0%"
run --now "2026-09-01 00:00" --format csv report monthly --month 2026-08
expect_rc 0
py_expect "$out" 'h = next(csv.reader(io.StringIO(data))); print(all(f in h for f in FIGURES))' \
  "True" "csv of an empty month still has its header"

# ---- table, md and csv ------------------------------------------------------------
run --now "$NOW" report monthly --month 2026-10
expect_rc 0
# cgj: closure 25.0%, on time 33.3%, ack 100.0%, satisfaction 50.0%.
py_expect "$out" 'print(any(("cgj" in l or "市城市管理局" in l) and all(p in l for p in ("25.0%", "33.3%", "100.0%", "50.0%")) for l in data.splitlines()))' \
  "True" "table: cgj's rates on its line, one decimal"
# rsj: on time, satisfaction and mean are null.
py_expect "$out" 'print(any(("rsj" in l or "市人力资源和社会保障局" in l) and l.count("—") >= 3 and "0.0%" in l for l in data.splitlines()))' \
  "True" "table: rsj's empty rates are —, its zero rates 0.0%"
# total: closure 5/11 = 45.45% -> 45.5%, ack 8/11 = 72.73% -> 72.7%, satisfaction 66.7%, on time 40.0%.
expect_out_has "45.5%"
expect_out_has "72.7%"
expect_out_has "66.7%"
expect_out_has "40.0%"
expect_out_lacks "45.45"
expect_out_lacks "0.4545"
expect_out_lacks "null"
expect_out_lacks "nan"
run --now "$NOW" --format md report monthly --month 2026-10
expect_rc 0
expect_out_has "45.5%"
expect_out_has "—"
py_expect "$out" 'print(sum(1 for l in data.splitlines() if l.startswith("|")) >= 7)' "True" "md: a table with a header, a rule and the rows"
run --now "$NOW" --format csv report monthly --month 2026-10
expect_rc 0
py_expect "$out" 'h = next(csv.reader(io.StringIO(data))); print(all(f in h for f in ["key", "name"] + FIGURES))' \
  "True" "csv header: key, name and the figures' names"
py_expect "$out" 'counts(["received", "closed", "overdue_open", "returned"], [r for r in csv_rows() if r["key"] in ("cgj", "rsj", "zjj", "sy-cd", "sy-cd-xh")])' \
  "cgj:4,3,2,0 rsj:2,0,1,1 zjj:2,1,0,0 sy-cd:1,0,0,0 sy-cd-xh:2,1,0,0" "csv: the counts per unit"

# ---- bad usage --------------------------------------------------------------------
run --now "$NOW" report monthly --month 2026-13
expect_rc 64
run --now "$NOW" report monthly --month 2026-10 --by colour
expect_rc 64

finish
