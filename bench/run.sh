#!/usr/bin/env bash
# Benchmarks duban side by side with the sqlite3 shell doing the same work on
# the same data, on a synthetic city of N cases (default 1,000,000; issue 10).
# Prints the machine, the versions and a Markdown table to stdout (operation |
# duban s | sqlite3 s | ratio | target | duban peak MiB); progress to stderr.
#
#   bench/run.sh [N] [RUNS]
#
#   DUBAN=PATH              the binary (default build/duban)
#   BENCH_DIR=DIR           where data and stores go (default /tmp/duban-bench-N)
#   BENCH_CONFIG_SIZES=...  unit counts of the config-loading rows (default 1000 10000 100000)
#
# Restartable: the generated data, the intake and the lifecycle that follows
# are kept in BENCH_DIR with a marker each, and reused (with their recorded
# times) by the next run; delete BENCH_DIR to start again. Times are medians of
# RUNS runs, wall clock from bash's EPOCHREALTIME around /usr/bin/time (which
# gives the peak RSS); the bulk loads, doctor and the config loads run once.
# Read-only operations on the sqlite3 side run against duban's own store, so
# both sides read the same pages through the same indexes: the ratio is what
# duban adds on top of the database.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
duban=${DUBAN:-$top/build/duban}
n=${1:-1000000}
runs=${2:-5}
dir=${BENCH_DIR:-/tmp/duban-bench-$n}
config_sizes=${BENCH_CONFIG_SIZES:-1000 10000 100000}
mkdir -p "$dir/times"
store=$dir/duban.db
# The bench clock, and the same instants in UTC for the hand-written SQL.
now=2026-01-05T09:00:00+08:00
now_utc=2026-01-05T01:00:00Z
soon_utc=2026-01-06T01:00:00Z      # remind's default window, 1 working day
past=2025-12-20T09:00:00+08:00     # a past clock: closes, follow-ups and December's assigns come after it
past_utc=2025-12-20T01:00:00Z
month=2025-11                      # the reported month
month_from=2025-10-31T16:00:00Z    # its bounds as local days, in UTC
month_to=2025-11-30T16:00:00Z
export DUBAN_CONFIG=$dir/duban.toml DUBAN_STORE=$store DUBAN_NOW=$now DUBAN_ACTOR=bench
export LC_ALL=C.UTF-8

log() { echo "bench: $*" >&2; }
die() {
  log "$*"
  exit 1
}
[ -x "$duban" ] || die "no duban binary at $duban (build first, or set DUBAN)"
command -v sqlite3 >/dev/null || die "sqlite3 is needed (apt-get install sqlite3)"
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"

# median X...: the median of numbers.
median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {
    if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# sample RUNS PREP CMD...: runs PREP (a function, untimed) then CMD (timed),
# RUNS times, stdout discarded. Sets $med (median wall seconds) and $peak (the
# largest peak RSS, KiB). A failing command stops the benchmark: a time of
# an error would be a lie.
sample() {
  local count=$1 prep=$2
  shift 2
  local times=() i t0 t1 kb
  peak=0
  for ((i = 0; i < count; i++)); do
    "$prep"
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -f %M -o "$dir/rss" "$@" >/dev/null 2>"$dir/stderr"; then
      cat "$dir/stderr" >&2
      die "failed: $*"
    fi
    t1=$EPOCHREALTIME
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')")
    kb=$(tail -n 1 "$dir/rss")
    if ((kb > peak)); then peak=$kb; fi
  done
  med=$(median "${times[@]}")
}
nothing() { :; }

# sample_once KEY CMD...: one timed run, recorded in times/KEY so that a later
# run of the script reuses it instead of rebuilding what CMD built.
sample_once() {
  local key=$1
  shift
  if [ -f "$dir/times/$key" ]; then
    read -r med peak <"$dir/times/$key"
    log "$key: reusing the recorded ${med}s"
    return
  fi
  sample 1 nothing "$@"
  echo "$med $peak" >"$dir/times/$key"
}

# row NAME DUBAN_S SQLITE_S TARGET PEAK_KIB: a line of the table, the ratio
# duban/sqlite3 worked out here.
rows=()
row() {
  local ratio
  ratio=$(awk -v d="$2" -v s="$3" 'BEGIN {if (s + 0 > 0) printf "%.2f×", d / s; else print "—"}')
  rows+=("| $1 | $2 | $3 | $ratio | $4 | $(($5 / 1024)) |")
  log "$1: duban $2 s, sqlite3 $3 s ($ratio, target $4), peak $(($5 / 1024)) MiB"
}

# pair NAME TARGET RUNS DUBAN_PREP SQLITE_PREP SQL -- DUBAN_ARGS...: the same
# work by duban (the args) and by the sqlite3 shell (SQL, on $sq_db, default
# duban's store), RUNS times each, then a row.
pair() {
  local name=$1 target=$2 count=$3 dprep=$4 sprep=$5 sql=$6
  shift 7
  sample "$count" "$dprep" "$duban" "$@"
  local d=$med dpeak=$peak
  sample "$count" "$sprep" sqlite3 "${sq_db:-$store}" "$sql"
  row "$name" "$d" "$med" "$target" "$dpeak"
}

# --- the data ---------------------------------------------------------------
if [ ! -f "$dir/.generated" ]; then
  log "generating $n cases in $dir"
  BENCH_CONFIG_SIZES=$config_sizes python3 "$top/bench/gen.py" "$n" "$dir"
  touch "$dir/.generated"
fi

# --- bulk intake: duban, then sqlite3's .import with the same table ----------
if [ ! -f "$dir/.intake" ]; then
  rm -f "$store" "$store"-* "$dir/times/intake"
  log "intake of $n cases"
  sample_once intake "$duban" -q intake --file "$dir/cases.csv"
  stat -c %s "$store" >"$dir/times/intake-size"
  touch "$dir/.intake"
fi
read -r intake_s intake_peak <"$dir/times/intake"
intake_size=$(<"$dir/times/intake-size")

# The sqlite3 side: duban's own CREATE statements for the case table, its
# indexes and the trigram table (triggers left out: they are duban's checks),
# the CSV imported into a scratch table, copied in one INSERT, the indexes
# built after the load (what is cheapest for SQLite) and the text index
# filled once. The journal variant also writes one intake row per case with
# its fields as JSON and a 64-digit hash, as duban does.
schema_of() {  # schema_of table|index TABLE...: the CREATE statements of that type
  local type=$1 names
  shift
  names=$(printf "'%s'," "$@")
  sqlite3 "$store" "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND type = '$type'
    AND tbl_name IN (${names%,}) ORDER BY rowid"
}
import_script() {  # import_script WITH_JOURNAL
  local cols="title, description, channel, category, class, requester, phone, town, village, address, received_at"
  schema_of table "case" case_text
  [ "$1" = 0 ] || schema_of table journal
  cat <<SQL
CREATE TEMP TABLE csv ($cols);
.import --csv --skip 1 $dir/cases.csv csv
BEGIN;
INSERT INTO "case" (id, receipt, $cols)
  SELECT rowid, printf('R%08d', rowid), title, description, channel, category, class, requester,
         phone, town, village, address, strftime('%Y-%m-%dT%H:%M:%SZ', received_at, '-8 hours')
  FROM csv ORDER BY rowid;
SQL
  if [ "$1" = 1 ]; then
    cat <<'SQL'
INSERT INTO journal (case_id, at, actor, action, detail, hash)
  SELECT id, received_at, 'bench', 'intake',
         json_object('title', title, 'description', description, 'channel', channel,
                     'category', category, 'class', class, 'requester', requester, 'phone', phone,
                     'town', town, 'village', village, 'address', address, 'receipt', receipt),
         lower(hex(randomblob(32)))
  FROM "case" ORDER BY id;
SQL
  fi
  schema_of index "case"
  [ "$1" = 0 ] || schema_of index journal
  echo "INSERT INTO case_text (case_text) VALUES ('rebuild');"
  echo "COMMIT;"
}
import_s=()
for variant in 0 1; do
  db=$dir/sqlite-import-$variant.db
  if [ ! -f "$dir/times/import-$variant" ]; then
    rm -f "$db"
    import_script "$variant" >"$dir/import-$variant.sql"
    log "sqlite3 .import of $n cases (journal: $variant)"
  fi
  sample_once "import-$variant" sqlite3 "$db" ".read $dir/import-$variant.sql"
  import_s[variant]=$med
done
rows+=("| **bulk** | | | | | |")
row "intake $n cases from CSV, one transaction (vs .import + same indexes + FTS5 rebuild)" \
  "$intake_s" "${import_s[0]}" "≤ 1.3×" "$intake_peak"
row "intake, the same (vs .import + indexes + FTS5 + one journal row per case with its JSON)" \
  "$intake_s" "${import_s[1]}" "≤ 1.3×" "$intake_peak"

# --- the lifecycle ----------------------------------------------------------
# Realistic states for remind, escalate and the reports, driven by duban in
# time order (SPEC §4): November's and December's cases are assigned at each
# month's end to their category's lead unit; most of November's are
# acknowledged, resolved and closed in December (a hundred followed up); December's stay
# open (some acknowledged), overdue at the bench clock. Ids are chosen by
# their state, so a run cut short can be run again. Earlier months stay
# received: driving a million cases through every step would take far longer
# than the measurements.
ids() { sqlite3 "$store" "$1" >"$dir/ids"; }
feed() {  # feed WHEN ARGS...: duban ARGS with the ids of $dir/ids on stdin
  local when=$1
  shift
  [ -s "$dir/ids" ] || return 0
  "$duban" -q --now "$when" "$@" - <"$dir/ids"
}
lifecycle() {
  local m from to at code lead
  for m in 11 12; do
    if [ "$m" = 11 ]; then from=2025-10-31T16:00:00Z to=2025-11-30T16:00:00Z at=2025-11-30T23:00:00+08:00; fi
    if [ "$m" = 12 ]; then from=2025-11-30T16:00:00Z to=2025-12-31T16:00:00Z at=2025-12-31T23:00:00+08:00; fi
    while IFS=$'\t' read -r code lead; do
      ids "SELECT id FROM \"case\" WHERE status = 'received' AND category = '$code'
           AND received_at >= '$from' AND received_at < '$to' ORDER BY id"
      feed "$at" assign --lead "$lead"
    done <"$dir/category-lead.tsv"
  done
  # November: half acknowledged within the half hour, four tenths days later (late for the hotline).
  # The assigns come at 23:00 on the month's last day, after its last receipt (22:00 at latest).
  local nov="received_at >= '2025-10-31T16:00:00Z' AND received_at < '2025-11-30T16:00:00Z'"
  ids "SELECT id FROM \"case\" WHERE status = 'listed' AND $nov AND id % 10 < 5"
  feed 2025-11-30T23:30:00+08:00 ack
  ids "SELECT id FROM \"case\" WHERE status = 'listed' AND $nov AND id % 10 < 9"
  feed 2025-12-02T10:00:00+08:00 ack
  ids "SELECT id FROM \"case\" WHERE status = 'in_progress' AND $nov AND id % 10 < 7"
  feed 2025-12-05T16:00:00+08:00 resolve --outcome solved
  ids "SELECT id FROM \"case\" WHERE status = 'resolved' AND $nov AND id % 10 < 6"
  feed 2025-12-22T10:00:00+08:00 close
  # followup takes one case a command: a hundred of them, enough for the satisfaction figures.
  local id
  for id in $(sqlite3 "$store" "SELECT id FROM \"case\" WHERE status = 'closed' AND satisfaction IS NULL
                               AND $nov ORDER BY id LIMIT 100"); do
    "$duban" -q --now 2025-12-23T10:00:00+08:00 followup "$id" \
      --rating "$(if ((id % 3)); then echo satisfied; else echo basic; fi)" --no-reopen
  done
  # December: three tenths acknowledged on the make-up working day; the rest wait.
  ids "SELECT id FROM \"case\" WHERE status = 'listed' AND received_at >= '2025-11-30T16:00:00Z' AND id % 10 < 3"
  feed 2026-01-04T10:00:00+08:00 ack
}
if [ ! -f "$dir/.lifecycle" ]; then
  log "driving November's and December's cases through their lifecycle"
  t0=$EPOCHREALTIME
  lifecycle
  awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.3f 0\n", b - a}' >"$dir/times/lifecycle"
  touch "$dir/.lifecycle"
fi
read -r lifecycle_s _ <"$dir/times/lifecycle"
events=$(sqlite3 "$store" "SELECT count(*) FROM journal WHERE action <> 'intake'")
open=$(sqlite3 "$store" "SELECT count(*) FROM \"case\" WHERE status IN ('listed', 'in_progress')")
overdue=$(sqlite3 "$store" "SELECT count(*) FROM \"case\" WHERE status IN ('listed', 'in_progress') AND due_at < '$now_utc'")
rows+=("| setup: $events lifecycle events by duban, in time order (not compared) | $lifecycle_s | — | — | — | — |")

# --- reading ----------------------------------------------------------------
rows+=("| **reading** ($open open cases, $overdue overdue) | | | | | |")
pair "list --format ids, every case" "≤ 1.5×" "$runs" nothing nothing \
  "SELECT id FROM \"case\" ORDER BY id" -- list --format ids
show_id=$((n / 2))
pair "show $show_id as a whole process (vs two point queries)" "≤ 1.5×" "$runs" nothing nothing \
  "SELECT * FROM \"case\" WHERE id = $show_id; SELECT * FROM co_unit WHERE case_id = $show_id;
   SELECT * FROM journal WHERE case_id = $show_id ORDER BY id" -- show "$show_id"
unit_cases="(lead_unit = 'rsj' OR id IN (SELECT case_id FROM co_unit WHERE unit = 'rsj'))"
pair "list --unit rsj --status listed --received-from 2025-12-01 --received-to 2025-12-31" "—" "$runs" \
  nothing nothing \
  "SELECT id, status, class, lead_unit, due_at, title FROM \"case\" WHERE $unit_cases AND status = 'listed'
   AND received_at >= '2025-11-30T16:00:00Z' AND received_at < '2025-12-31T16:00:00Z' ORDER BY id" \
  -- list --unit rsj --status listed --received-from 2025-12-01 --received-to 2025-12-31
pair "list --search 积水 --limit 20 (2 characters: a scan)" "≤ 2×" "$runs" nothing nothing \
  "SELECT id, status, class, lead_unit, due_at, title FROM \"case\" WHERE instr(title, '积水')
   OR instr(description, '积水') OR instr(address, '积水') ORDER BY id LIMIT 20" \
  -- list --search 积水 --limit 20
pair "list --search 垃圾清运 --limit 20 (4 characters: the trigram index)" "≤ 2×" "$runs" nothing nothing \
  "SELECT id, status, class, lead_unit, due_at, title FROM \"case\" WHERE id IN
   (SELECT rowid FROM case_text WHERE case_text MATCH '\"垃圾清运\"') ORDER BY id LIMIT 20" \
  -- list --search 垃圾清运 --limit 20
pair "remind (overdue, due within 1wd, unacknowledged)" "≤ 2×" "$runs" nothing nothing \
  "SELECT id, lead_unit, due_at, title FROM \"case\" WHERE status IN ('listed', 'in_progress')
   AND due_at < '$soon_utc' ORDER BY lead_unit, due_at;
   SELECT id, lead_unit, ack_due, title FROM \"case\" WHERE status = 'listed' AND ack_due < '$soon_utc'
   ORDER BY lead_unit, ack_due;
   SELECT case_id, unit, due_at FROM summons WHERE answered_at IS NULL AND due_at < '$soon_utc'" \
  -- remind

# --- reports ----------------------------------------------------------------
# The monthly figures by unit as GROUP BY queries over the same indexes:
# received and their closures, closed in the month and on time, acknowledged
# on time, open and overdue now, satisfaction.
monthly_sql="SELECT lead_unit, count(*), count(closed_at) FROM \"case\"
   WHERE received_at >= '$month_from' AND received_at < '$month_to' GROUP BY lead_unit;
 SELECT lead_unit, count(*), sum(closed_at <= due_at), avg(julianday(closed_at) - julianday(received_at))
   FROM \"case\" WHERE closed_at >= '$month_from' AND closed_at < '$month_to' GROUP BY lead_unit;
 SELECT lead_unit, count(*), sum(acked_at <= ack_due) FROM \"case\"
   WHERE first_assigned_at >= '$month_from' AND first_assigned_at < '$month_to' GROUP BY lead_unit;
 SELECT lead_unit, count(*) FROM \"case\" WHERE status IN ('listed', 'in_progress') AND due_at < '$now_utc'
   GROUP BY lead_unit;
 SELECT lead_unit, satisfaction, count(*) FROM \"case\" WHERE satisfaction IS NOT NULL
   AND closed_at >= '$month_from' AND closed_at < '$month_to' GROUP BY lead_unit, satisfaction"
rows+=("| **reports** (month $month) | | | | | |")
pair "report monthly --month $month, current clock (vs GROUP BY)" "≤ 2×" "$runs" nothing nothing \
  "$monthly_sql" -- report monthly --month "$month" --format json
# As of the past clock: each case's lead unit from its last assign event up
# to the clock, its close from its close events up to it, each read through
# the journal's (case_id, id) index (the unary + keeps SQLite from the
# (action, at) one, which would read every such event for every case).
lead_asof="(SELECT j.unit FROM journal j WHERE j.case_id = c.id AND +j.action = 'assign'
  AND +j.at <= '$past_utc' ORDER BY j.id DESC LIMIT 1)"
pair "report monthly --month $month at a past clock ($past, the as-of path)" "≤ 2×" "$runs" nothing nothing \
  "SELECT unit, count(*), count(closed) FROM (SELECT $lead_asof AS unit,
     (SELECT max(j.at) FROM journal j WHERE j.case_id = c.id AND +j.action = 'close'
      AND +j.at <= '$past_utc') AS closed
     FROM \"case\" c WHERE c.received_at >= '$month_from' AND c.received_at < '$month_to') GROUP BY unit;
   SELECT unit, count(*) FROM (SELECT $lead_asof AS unit FROM journal k JOIN \"case\" c ON c.id = k.case_id
     WHERE k.action = 'close' AND k.at >= '$month_from' AND k.at < '$month_to' AND k.at <= '$past_utc')
   GROUP BY unit" \
  -- --now "$past" report monthly --month "$month" --format json
# The same report at the past clock against SQL that computes, as of the
# clock, the figures the current-clock row's SQL computes: received and
# closed by then, closed in the month, acknowledged on time, open and
# overdue at the clock (the last assign's deadline passed, nothing resolved
# or closed by then), the month's follow-ups, each by the lead unit at the
# clock. Its figures are checked against duban's JSON before the timing.
asof_unit="(SELECT j.unit FROM journal j WHERE j.case_id = X AND +j.action = 'assign'
  AND +j.at <= '$past_utc' ORDER BY j.id DESC LIMIT 1)"
past_full_sql="SELECT unit, count(*), count(closed) FROM (SELECT ${asof_unit//X/c.id} AS unit,
     (SELECT max(j.at) FROM journal j WHERE j.case_id = c.id AND +j.action = 'close'
      AND +j.at <= '$past_utc') AS closed
     FROM \"case\" c WHERE c.received_at >= '$month_from' AND c.received_at < '$month_to') GROUP BY unit;
 SELECT unit, count(*) FROM (SELECT ${asof_unit//X/c.id} AS unit FROM journal k JOIN \"case\" c ON c.id = k.case_id
     WHERE k.action = 'close' AND k.at >= '$month_from' AND k.at < '$month_to' AND k.at <= '$past_utc')
   GROUP BY unit;
 SELECT unit, count(*), sum(acked <= ack_due) FROM (
   SELECT a.unit, json_extract(a.detail, '\$.ack_due') AS ack_due,
     (SELECT min(k.at) FROM journal k WHERE k.case_id = a.case_id AND +k.action = 'ack'
      AND +k.at <= '$past_utc') AS acked
   FROM journal a WHERE a.action = 'assign' AND a.at >= '$month_from' AND a.at < '$month_to'
     AND a.at <= '$past_utc' AND NOT EXISTS (SELECT 1 FROM journal b WHERE b.case_id = a.case_id
       AND +b.action = 'assign' AND b.id < a.id))
   WHERE ack_due < '$past_utc' OR acked IS NOT NULL GROUP BY unit;
 SELECT unit, count(*) FROM (
   SELECT a.unit, json_extract(a.detail, '\$.due_at') AS due FROM journal a
   WHERE a.action = 'assign' AND a.at <= '$past_utc'
     AND NOT EXISTS (SELECT 1 FROM journal b WHERE b.case_id = a.case_id AND +b.action = 'assign'
       AND b.id > a.id AND +b.at <= '$past_utc')
     AND NOT EXISTS (SELECT 1 FROM journal r WHERE r.case_id = a.case_id
       AND +r.action IN ('resolve', 'close') AND +r.at <= '$past_utc'))
   WHERE due < '$past_utc' GROUP BY unit;
 SELECT ${asof_unit//X/k.case_id}, json_extract(k.detail, '\$.rating'), count(*) FROM journal k
   WHERE k.action = 'followup' AND k.at >= '$month_from' AND k.at < '$month_to'
     AND k.at <= '$past_utc' GROUP BY 1, 2"
# check_past_full: duban's figures by unit at the past clock are the SQL's.
check_past_full() {
  "$duban" --now "$past" report monthly --month "$month" --format json >"$dir/past-full.json"
  python3 - "$store" "$dir/past-full.json" "$past_full_sql" <<'PY' ||
import json, subprocess, sys
store, report, sql = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3]
sets = []
for statement in (s.strip() for s in sql.split(";")):
    out = subprocess.run(["sqlite3", store, statement], capture_output=True, text=True, check=True)
    sets.append({r.split("|")[0] or None: r.split("|")[1:] for r in out.stdout.splitlines()})
received, closed, acked, overdue, followups = sets
wrong = 0
for g in report["groups"]:
    k = g["key"]
    due, on_time = (int(v) for v in acked.get(k, [0, 0]))
    want = (int(received.get(k, [0])[0]), int(closed.get(k, [0])[0]), int(overdue.get(k, [0])[0]),
            on_time / due if due else None)
    got = (g["received"], g["closed"], g["overdue_open"], g["ack_rate"])
    same = want[:3] == got[:3] and (want[3] == got[3] or (want[3] is not None and got[3] is not None
                                                           and abs(want[3] - got[3]) < 1e-12))
    if not same:
        wrong += 1
        print(f"unit {k}: duban {got}, sql {want}", file=sys.stderr)
    if k not in followups and g["satisfaction_rate"] is not None:
        wrong += 1
        print(f"unit {k}: duban rates follow-ups the SQL does not find", file=sys.stderr)
sys.exit(1 if wrong else 0)
PY
    die "the past-clock SQL's figures are not duban's"
}
check_past_full
pair "report monthly --month $month at the past clock (vs SQL of the current-clock row's figures as of the clock, checked equal to duban's)" \
  "≤ 2×" "$runs" nothing nothing "$past_full_sql" -- --now "$past" report monthly --month "$month" --format json
pair "report scorecard --month $month (vs GROUP BY)" "—" "$runs" nothing nothing \
  "SELECT lead_unit, avg(acked_at <= ack_due), avg(closed_at IS NOT NULL), avg(satisfaction = 'satisfied')
   FROM \"case\" WHERE first_assigned_at >= '$month_from' AND first_assigned_at < '$month_to'
   GROUP BY lead_unit" -- report scorecard --month "$month" --format json

# --- writing: escalate on a fresh copy each run -------------------------------
# escalate --auto writes, so each run starts from a copy made outside the timed
# part. The sqlite3 copy loses the triggers (duban's checks, which need
# duban's functions) and applies the same ladder in one transaction: each
# step an event with its JSON and a hash-sized value, then the level.
esc=$dir/escalate.db
fresh_copy() { rm -f "$esc" "$esc"-*; cp "$store" "$esc"; }
fresh_sqlite_copy() {
  fresh_copy
  sqlite3 "$esc" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_master WHERE type = 'trigger'" |
    sqlite3 "$esc"
}
ladder_step() {  # ladder_step LEVEL CONDITION
  echo "INSERT INTO journal (case_id, at, actor, action, unit, detail, hash)
    SELECT id, '$now_utc', 'bench', 'escalate', lead_unit, json_object('level', $1, 'auto', 1),
           lower(hex(randomblob(32))) FROM \"case\" WHERE ($2) AND level < $1 ORDER BY id;
  UPDATE \"case\" SET level = $1 WHERE ($2) AND level < $1;"
}
open_cond="status IN ('listed', 'in_progress')"
escalate_sql="BEGIN;
$(ladder_step 1 "status = 'listed' AND ack_due < '$now_utc'")
$(ladder_step 2 "$open_cond AND due_at < '$now_utc'")
$(ladder_step 3 "$open_cond AND due_at < '$(date -u -d "$now_utc - 7 days" +%Y-%m-%dT%H:%M:%SZ)'")
COMMIT;"
sq_db=$esc pair "escalate --auto, each run on a fresh copy" "—" "$runs" fresh_copy fresh_sqlite_copy \
  "$escalate_sql" -- --store "$esc" -q escalate --auto
rm -f "$esc" "$esc"-*

# --- the whole store ----------------------------------------------------------
rows+=("| **the whole store** | | | | | |")
pair "doctor --quick (vs PRAGMA quick_check), one run" "—" 1 nothing nothing \
  "PRAGMA quick_check" -- doctor --quick
pair "doctor (vs PRAGMA integrity_check), one run" "—" 1 nothing nothing \
  "PRAGMA integrity_check" -- doctor
backup=$dir/backup.db
no_backup() { rm -f "$backup"; }
pair "backup (vs .backup)" "—" "$runs" no_backup no_backup ".backup '$backup'" -- backup "$backup"
rm -f "$backup"
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
import_size=$(stat -c %s "$dir/sqlite-import-1.db")
rows+=("| store after intake, MiB (vs the .import with its journal) | $(mib "$intake_size") | \
$(mib "$import_size") | $(awk -v d="$intake_size" -v s="$import_size" 'BEGIN {printf "%.2f×", d / s}') | ≤ 1.3× | — |")

# --- config loading -----------------------------------------------------------
# The ratio column here is the microseconds each unit adds to the bench
# config's load (its ~40 units, the same command): flat when loading is linear.
sample "$runs" nothing "$duban" unit list
base=$med
rows+=("| **config loading** (\`unit list\`; ratio column: µs each unit adds) | | | | | |")
rows+=("| bench config, ~40 units | $base | — | — | — | $((peak / 1024)) |")
for k in $config_sizes; do
  sample 1 nothing "$duban" --config "$dir/units-$k.toml" unit list
  per=$(awk -v s="$med" -v b="$base" -v k="$k" 'BEGIN {printf "%.1f µs/unit", (s - b) * 1e6 / k}')
  rows+=("| config of $k units, one run | $med | — | $per | linear | $((peak / 1024)) |")
  log "config of $k units: $med s ($per)"
done

# --- the table ----------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
echo "## $(date -u +%Y-%m-%d), N = $n, RUNS = $runs"
echo
echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $ram, Linux $(uname -r)"
echo "- versions: $("$duban" --version) ($(git -C "$(dirname "$duban")" describe --always --dirty 2>/dev/null || echo unknown)), \
$(g++ --version 2>/dev/null | head -n 1 || echo "g++ unknown"), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "- clock $now; $open open cases, $overdue overdue"
echo
echo "| operation on $n cases | duban s | sqlite3 s | ratio | target | duban peak MiB |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
