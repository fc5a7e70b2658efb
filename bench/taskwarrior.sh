#!/usr/bin/env bash
# duban against Taskwarrior 2.6, a CLI user's alternative (issue 10), on the
# same 10,000 cases from bench/gen.py: a bulk import, showing one item, and
# adding one. Prints a Markdown table of medians to stdout, progress to stderr.
# Not run in CI (Taskwarrior is not a dependency): apt-get install taskwarrior.
#
#   bench/taskwarrior.sh [N] [RUNS]      (default 10000 cases, 5 runs; DUBAN=PATH)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
duban=${DUBAN:-$top/build/duban}
n=${1:-10000}
runs=${2:-5}
command -v task >/dev/null || { echo "bench: Taskwarrior is needed (apt-get install taskwarrior)" >&2; exit 1; }
dir=$(mktemp -d /tmp/duban-taskwarrior.XXXXXX)
trap 'rm -rf "$dir"' EXIT
# A throwaway Taskwarrior: its own data and rc, nothing asked, nothing printed.
export TASKDATA=$dir/task TASKRC=$dir/taskrc
printf '%s\n' "data.location=$TASKDATA" confirmation=off verbose=nothing hooks=off >"$TASKRC"
export DUBAN_CONFIG=$dir/duban.toml DUBAN_STORE=$dir/duban.db DUBAN_NOW=2026-01-05T09:00:00+08:00 DUBAN_ACTOR=bench

log() { echo "bench: $*" >&2; }
BENCH_CONFIG_SIZES="" python3 "$top/bench/gen.py" "$n" "$dir"
# The same cases as Taskwarrior tasks: the title as description, the category
# as project, the receipt time as entry.
python3 - "$dir/cases.csv" "$dir/tasks.json" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in csv.DictReader(f):
        day, hm = r["received_at"].split(" ")
        entry = day.replace("-", "") + "T" + hm.replace(":", "") + "00Z"
        out.write(json.dumps({"description": r["title"], "project": r["category"], "entry": entry,
                              "status": "pending"}, ensure_ascii=False) + "\n")
PY

# sample PREP CMD...: median wall seconds of RUNS runs of CMD, PREP untimed before each.
sample() {
  local prep=$1 times=() i t0
  shift
  for ((i = 0; i < runs; i++)); do
    "$prep"
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>"$dir/stderr" || { cat "$dir/stderr" >&2; log "failed: $*"; exit 1; }
    times+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.3f", b - a}')")
  done
  med=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {
    if (NR % 2) printf "%.3f", a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
}
rows=()
row() {  # row NAME DUBAN_S TASK_S
  rows+=("| $1 | $2 | $3 | $(awk -v d="$2" -v t="$3" 'BEGIN {printf "%.2f×", d / t}') |")
  log "$1: duban $2 s, task $3 s"
}
nothing() { :; }
fresh_task() { rm -rf "$TASKDATA"; mkdir -p "$TASKDATA"; }
fresh_store() { rm -f "$DUBAN_STORE" "$DUBAN_STORE"-*; }

log "import of $n cases, $runs runs each"
sample fresh_store "$duban" -q intake --file "$dir/cases.csv"
d=$med
sample fresh_task task import "$dir/tasks.json"
row "import $n (duban intake --file vs task import)" "$d" "$med"
id=$((n / 2))
sample nothing "$duban" show "$id"
d=$med
sample nothing task "$id" info
row "show one (duban show $id vs task $id info)" "$d" "$med"
sample nothing "$duban" -q intake --title "城东街道新华社区路灯不亮" --category streetlight
d=$med
sample nothing task add "城东街道新华社区路灯不亮" project:streetlight
row "add one (duban intake --title vs task add)" "$d" "$med"

echo "## $(date -u +%Y-%m-%d), Taskwarrior $(task --version) vs duban, $n cases, RUNS = $runs"
echo
echo "| operation | duban s | task s | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
