#!/usr/bin/env bash
# report monthly at its boundaries (SPEC §3, §4, §7): acts EXACTLY at their
# deadlines, a due equal to the report's clock, a reassignment across a month
# edge, closes at and after the clock. Every figure below is computed by hand
# from SPEC §7, not from the code. Each boundary is met from both sides (one
# second early or late), so `<` for `<=` (or the reverse) in any rule moves a
# figure.
#
# ---- The config (below): Asia/Shanghai, units cgj, rsj, zjj; ack = 2h from the
# assignment (so an ack due is an exact instant, not 23:59:59); every resolve
# due is given with `assign --due ... --reason`. All times are local (+08:00).
#
# ---- The fixture; acts on each case in time order, each with its own --now ----
#  #1 cgj  received 10-12 09:00; assigned 10-12 10:00, due 10-20 10:00:00;
#          ack due 10-12 12:00:00, acked 10-12 12:00:00 (AT the ack due: on
#          time); resolved 10-20 10:00:00 (AT the due: on time); closed
#          10-21 09:00 (9 days).
#  #2 cgj  as #1, but acked 10-12 12:00:01 and resolved 10-20 10:00:01 (one
#          second late each); closed 10-21 09:00 (9 days).
#  #3 rsj  received 10-26 09:00; assigned 10-26 10:00, due 11-02 10:00:00 =
#          the clock T; acked 10-26 11:00 (on time); in progress at T: NOT
#          overdue at T (due is not before T), overdue at T + 1s.
#  #4 rsj  received 10-27 09:00; assigned 10-27 10:00, due 11-02 09:59:59
#          (one second before T); ack due 10-27 12:00, never acked: listed and
#          overdue at T.
#  #5 cgj->zjj received 09-28 09:00 (September); assigned cgj 09-28 10:00
#          (first_assigned_at, in September), due 10-16 18:00; acked by cgj
#          09-28 11:00; reassigned to zjj 10-09 10:00 (October), due 10-23
#          18:00:00: a new lead restarts the clocks, ack due 10-09 12:00, and
#          zjj must ack afresh: acked 10-09 14:00 (late); resolved 10-23
#          18:00:00 (AT the due: on time); closed 10-23 21:00 (25.5 days).
#          First assigned in September: in September's ack rate (zjj, its
#          current lead, late: 0/1), not in October's.
#  #6 zjj  received 10-12 09:00; assigned 10-12 10:00, due 10-30 18:00; acked
#          10-12 11:00; resolved 10-30 17:00; closed 11-02 10:00:01 = T + 1s:
#          received in October, NOT closed by T, closed by T + 1s.
#  #7 zjj  received 10-13 09:00; assigned 10-13 10:00, due 10-30 18:00; ack due
#          10-13 12:00:00, acked 10-13 12:00:00 (AT the ack due: on time);
#          resolved 10-29 10:00; closed 11-02 10:00:00 = T: closed by T.
#
# ---- Hand computation: October, P = [10-01 00:00, 11-01 00:00) local,
#      T = 2026-11-02 10:00:00 local = 2026-11-02T02:00:00Z -----------------------
# cgj (1, 2): received 2; closed 2 (1, 2 on 10-21); closure 2/2 (both by T);
#   on_time 1/2 (1 at its due; 2 one second late); overdue 0; ack 1/2 (1 at its
#   ack due; 2 one second late); mean (9 + 9) / 2 = 9.
# rsj (3, 4): received 2; closed 0; closure 0/2; on_time null; overdue 1 (4;
#   3's due equals T, not before it); ack 1/2 (3 on time; 4 never, its ack due
#   passed); mean null.
# zjj (5, 6, 7): received 2 (6, 7; 5 came in September); closed 1 (5; 6 and 7
#   closed in November); closure 1/2 (of 6, 7 only 7 is closed by T: 7 at T
#   exactly, 6 one second after); on_time 1/1 (5 at its due); overdue 0; ack
#   2/2 (6, 7 first assigned in October, 7 at its ack due; 5 was first
#   assigned in September, though reassigned in October); mean 25.5.
# total: received 6; closed 3 (1, 2, 5); closure 3/6 (1, 2, 7); on_time 2/3
#   (1, 5); overdue 1 (4); ack 4/6 (1, 3, 6, 7 of 1, 2, 3, 4, 6, 7); mean
#   (9 + 9 + 25.5) / 3 = 14.5.
#
#   unit   rcv cls closure on_time overdue ack  mean
#   cgj     2   2  2/2     1/2     0       1/2  9
#   rsj     2   0  0/2     —       1       1/2  —
#   zjj     2   1  1/2     1/1     0       2/2  25.5
#   total   6   3  3/6     2/3     1       4/6  14.5
#
# ---- October at T + 1s = 2026-11-02 10:00:01 local --------------------------------
# Only two things move: 3 is now overdue (rsj 2, total 2) and 6 is closed by
# the clock (zjj closure 2/2, total 4/6). Everything else is as at T.
#
# ---- September, P = [09-01, 10-01) local, at T --------------------------------------
# zjj (5, its current lead): received 1; closed 0 (closed 10-23); closure 1/1;
#   on_time null; overdue 0; ack 0/1 (5 first assigned 09-28; acked late by
#   zjj against its ack due 10-09 12:00); mean null.
# rsj: only overdue 1 (4; overdue_open does not depend on the period).
# cgj: nothing (5's lead is zjj): no group. Groups: rsj zjj.
# total: received 1, closed 0, closure 1/1, on_time null, overdue 1, ack 0/1,
#   mean null.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cat >"$T/duban.toml" <<'EOF'
timezone = "Asia/Shanghai"
lang = "zh"
channels = ["grid"]

[calendar]
weekend  = ["sat", "sun"]
holidays = ["2026-09-25..2026-09-27", "2026-10-01..2026-10-07"]
workdays = ["2026-09-20", "2026-10-10"]

[[unit]]
code = "city"
name = "三明市"
[[unit]]
code   = "cgj"
name   = "市城市管理局"
parent = "city"
[[unit]]
code   = "rsj"
name   = "市人力资源和社会保障局"
parent = "city"
[[unit]]
code   = "zjj"
name   = "市住房和城乡建设局"
parent = "city"

[deadlines]
ack     = "2h"
resolve = { A = "20wd", B = "60wd", C = "5wd" }
EOF
export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$T/duban.toml"
at() { local now=$1; shift; "$DUBAN" -q --now "$now" "$@" || fail "fixture: $now $*"; }
new() { at "$1" intake --class C --channel grid --title "$2"; }
due() {  # due WHEN ID UNIT DUE [--reason ...]: an assignment with an exact due
  local when=$1 id=$2 unit=$3 d=$4
  shift 4
  at "$when" assign "$id" --lead "$unit" --due "$d" --reason "限期办结" "$@"
}

# ---- the fixture, case by case, each case's acts in time order -------------------
new "2026-10-12T09:00:00+08:00" 按时办结                      # 1
new "2026-10-12T09:00:00+08:00" 迟一秒办结                    # 2
new "2026-10-26T09:00:00+08:00" 期限等于统计时点              # 3
new "2026-10-27T09:00:00+08:00" 期限在统计时点前一秒          # 4
new "2026-09-28T09:00:00+08:00" 跨月改派                      # 5
new "2026-10-12T09:00:00+08:00" 统计时点后一秒办结            # 6
new "2026-10-13T09:00:00+08:00" 统计时点办结                  # 7

due "2026-10-12T10:00:00+08:00" 1 cgj "2026-10-20T10:00:00+08:00"
at "2026-10-12T12:00:00+08:00" ack 1
at "2026-10-20T10:00:00+08:00" resolve 1 --outcome solved
at "2026-10-21T09:00:00+08:00" close 1

due "2026-10-12T10:00:00+08:00" 2 cgj "2026-10-20T10:00:00+08:00"
at "2026-10-12T12:00:01+08:00" ack 2
at "2026-10-20T10:00:01+08:00" resolve 2 --outcome solved
at "2026-10-21T09:00:00+08:00" close 2

due "2026-10-26T10:00:00+08:00" 3 rsj "2026-11-02T10:00:00+08:00"
at "2026-10-26T11:00:00+08:00" ack 3

due "2026-10-27T10:00:00+08:00" 4 rsj "2026-11-02T09:59:59+08:00"

due "2026-09-28T10:00:00+08:00" 5 cgj "2026-10-16T18:00:00+08:00"
at "2026-09-28T11:00:00+08:00" ack 5
due "2026-10-09T10:00:00+08:00" 5 zjj "2026-10-23T18:00:00+08:00"
at "2026-10-09T14:00:00+08:00" ack 5
at "2026-10-23T18:00:00+08:00" resolve 5 --outcome solved
at "2026-10-23T21:00:00+08:00" close 5

due "2026-10-12T10:00:00+08:00" 6 zjj "2026-10-30T18:00:00+08:00"
at "2026-10-12T11:00:00+08:00" ack 6
at "2026-10-30T17:00:00+08:00" resolve 6 --outcome solved
at "2026-11-02T10:00:01+08:00" close 6

due "2026-10-13T10:00:00+08:00" 7 zjj "2026-10-30T18:00:00+08:00"
at "2026-10-13T12:00:00+08:00" ack 7
at "2026-10-29T10:00:00+08:00" resolve 7 --outcome solved
at "2026-11-02T10:00:00+08:00" close 7

# ---- the fixture is what the hand computation assumes ---------------------------
expect_eq "$(sql 'SELECT group_concat(id || " " || status || " " || coalesce(lead_unit, "-") || " " || received_at || " " || first_assigned_at || " " || assigned_at, char(10)) FROM (SELECT * FROM "case" ORDER BY id)')" \
"1 closed cgj 2026-10-12T01:00:00Z 2026-10-12T02:00:00Z 2026-10-12T02:00:00Z
2 closed cgj 2026-10-12T01:00:00Z 2026-10-12T02:00:00Z 2026-10-12T02:00:00Z
3 in_progress rsj 2026-10-26T01:00:00Z 2026-10-26T02:00:00Z 2026-10-26T02:00:00Z
4 listed rsj 2026-10-27T01:00:00Z 2026-10-27T02:00:00Z 2026-10-27T02:00:00Z
5 closed zjj 2026-09-28T01:00:00Z 2026-09-28T02:00:00Z 2026-10-09T02:00:00Z
6 closed zjj 2026-10-12T01:00:00Z 2026-10-12T02:00:00Z 2026-10-12T02:00:00Z
7 closed zjj 2026-10-13T01:00:00Z 2026-10-13T02:00:00Z 2026-10-13T02:00:00Z" \
  "fixture: states, leads, received, first and latest assignment"
expect_eq "$(sql 'SELECT group_concat(id || " " || ack_due || " " || coalesce(acked_at, "-") || " " || due_at || " " || coalesce(resolved_at, "-") || " " || coalesce(closed_at, "-"), char(10)) FROM (SELECT * FROM "case" ORDER BY id)')" \
"1 2026-10-12T04:00:00Z 2026-10-12T04:00:00Z 2026-10-20T02:00:00Z 2026-10-20T02:00:00Z 2026-10-21T01:00:00Z
2 2026-10-12T04:00:00Z 2026-10-12T04:00:01Z 2026-10-20T02:00:00Z 2026-10-20T02:00:01Z 2026-10-21T01:00:00Z
3 2026-10-26T04:00:00Z 2026-10-26T03:00:00Z 2026-11-02T02:00:00Z - -
4 2026-10-27T04:00:00Z - 2026-11-02T01:59:59Z - -
5 2026-10-09T04:00:00Z 2026-10-09T06:00:00Z 2026-10-23T10:00:00Z 2026-10-23T10:00:00Z 2026-10-23T13:00:00Z
6 2026-10-12T04:00:00Z 2026-10-12T03:00:00Z 2026-10-30T10:00:00Z 2026-10-30T09:00:00Z 2026-11-02T02:00:01Z
7 2026-10-13T04:00:00Z 2026-10-13T04:00:00Z 2026-10-30T10:00:00Z 2026-10-29T02:00:00Z 2026-11-02T02:00:00Z" \
  "fixture: the instants the hand computation relies on"

# ---- checking helpers -------------------------------------------------------------
cp "$DUBAN_SOURCE/tests/cli/report_figures.py" "$T/.py_prelude.py"
FIGS=(received closed closure_rate on_time_rate overdue_open ack_rate mean_days_to_close)
# figures LABEL KEY V1..V7: the figures of FIGS for group KEY (or total) in $out;
# "-" is null; rates and means are Python expressions.
figures() {
  local label=$1 key=$2 line=${BASH_LINENO[0]}
  shift 2
  [ $# = ${#FIGS[@]} ] || fail "figures $label $key: $# values"
  local i=0 v
  for v in "$@"; do
    [ "$v" = - ] && v=None
    py_expect "$out" "fig('$key', '${FIGS[$i]}', $v)" ok "$label: $key.${FIGS[$i]}, figures at line $line"
    i=$((i + 1))
  done
}

# ---- October at T -----------------------------------------------------------------
T0="2026-11-02T10:00:00+08:00"
run --now "$T0" --format json report monthly --month 2026-10
expect_rc 0
expect_eq "$err" "" "a report writes nothing on stderr"
py_expect "$out" 'd = json.loads(data); print(d["period"]["from"], d["period"]["to"], d["as_of"])' \
  "2026-10-01 2026-11-01 2026-11-02T02:00:00Z" "October at T: period and as_of"
py_expect "$out" 'keys()' "cgj rsj zjj" "October at T: groups"
#                      rcv cls closure on_time overdue ack  mean
figures T cgj          2   2   2/2     1/2     0       1/2  9
figures T rsj          2   0   0/2     -       1       1/2  -
figures T zjj          2   1   1/2     1/1     0       2/2  25.5
figures T total        6   3   3/6     2/3     1       4/6  14.5

# ---- October at T + 1s ------------------------------------------------------------
run --now "2026-11-02T10:00:01+08:00" --format json report monthly --month 2026-10
expect_rc 0
#                      rcv cls closure on_time overdue ack  mean
figures T+1s cgj       2   2   2/2     1/2     0       1/2  9
figures T+1s rsj       2   0   0/2     -       2       1/2  -
figures T+1s zjj       2   1   2/2     1/1     0       2/2  25.5
figures T+1s total     6   3   4/6     2/3     2       4/6  14.5

# ---- September at T: the reassigned case counts where it was first assigned -------
run --now "$T0" --format json report monthly --month 2026-09
expect_rc 0
py_expect "$out" 'keys()' "rsj zjj" "September at T: groups"
#                      rcv cls closure on_time overdue ack  mean
figures sep rsj        0   0   -       -       1       -    -
figures sep zjj        1   0   1/1     -       0       0/1  -
figures sep total      1   0   1/1     -       1       0/1  -

finish
