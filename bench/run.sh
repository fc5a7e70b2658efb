#!/usr/bin/env bash
# Benchmarks duban on a synthetic city of N cases (default 1,000,000): bulk
# intake, show, search, and the monthly reports. Prints a Markdown table of
# medians over RUNS runs (wall seconds, peak RSS); record it in
# bench/RESULTS.md with the date and the machine. The data is generated with a
# fixed seed, so runs are comparable.
#
#   bench/run.sh [N] [RUNS]        (uses build/duban; the data goes to $BENCH_DIR or /tmp)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
duban=${DUBAN:-$top/build/duban}
n=${1:-1000000}
runs=${2:-5}
dir=${BENCH_DIR:-/tmp/duban-bench-$n}
mkdir -p "$dir"
export DUBAN_CONFIG=$top/examples/duban.toml DUBAN_STORE=$dir/duban.db DUBAN_NOW=2026-01-05T09:00:00+08:00

if [ ! -f "$dir/cases.csv" ]; then
  python3 - "$n" "$dir/cases.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(2026)
cats = ["wages", "streetlight", "road", "sanitation", "housing", "schooling", "heat", "other"]
towns = ["城东街道", "徐碧街道", "列东街道", "莘口镇", "陈大镇"]
words = ["路灯不亮", "井盖破损", "垃圾清运不及时", "拖欠工资", "噪音扰民", "占道经营", "积水", "绿化带损毁"]
with open(path, "w", encoding="utf-8") as f:
    f.write("title,description,channel,category,class,town,received_at\n")
    for i in range(n):
        w = random.choice(words)
        when = f"2025-{random.randint(1, 12):02d}-{random.randint(1, 28):02d} {random.randint(8, 20):02d}:{random.randint(0, 59):02d}"
        f.write(f"{random.choice(towns)}{w}{i},市民反映{w}，请尽快处理,hotline,{random.choice(cats)},"
                f"{random.choice('ABC')},{random.choice(towns)},{when}\n")
PY
fi

# measure NAME RUNS COMMAND...: median wall seconds and peak RSS over RUNS runs.
results=()
measure() {
  local name=$1 count=$2
  shift 2
  local times=() rss=0
  for ((i = 0; i < count; i++)); do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null
    read -r t m <"$dir/time"
    times+=("$t")
    ((m > rss)) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
  results+=("| $name | $median | $((rss / 1024)) |")
  echo "$name: median ${median}s over $count, peak ${rss} KB" >&2
}

if [ ! -f "$dir/duban.db" ]; then
  measure "intake $n cases from CSV (one transaction)" 1 "$duban" intake --file "$dir/cases.csv"
fi
# A month's cases assigned after the clock of a past-clock report: the as-of
# path then refolds each of them from its events.
if [ "$(sqlite3 "$dir/duban.db" "SELECT count(*) FROM journal WHERE action = 'assign'")" = 0 ]; then
  "$duban" list --received-from 2025-12-01 --received-to 2025-12-31 --format ids >"$dir/december.ids"
  measure "assign $(wc -l <"$dir/december.ids") cases (December's) in one transaction" 1 \
    "$duban" assign - --lead cgj --co cjl <"$dir/december.ids"
fi
measure "show one case with its journal" "$runs" "$duban" show $((n / 2))
measure "list --search 积水 (2 characters: scan) --limit 20" "$runs" "$duban" list --search 积水 --limit 20
measure "list --search 垃圾清运 (trigram index) --limit 20" "$runs" "$duban" list --search 垃圾清运 --limit 20
measure "report monthly --month 2025-06 (by unit)" "$runs" "$duban" report monthly --month 2025-06 --format json
measure "report monthly --month 2025-06 --by category" "$runs" "$duban" report monthly --month 2025-06 --by category
measure "report monthly --format html (with the 12-month trend)" "$runs" "$duban" report monthly --month 2025-06 --format html
measure "report topics --month 2025-06" "$runs" "$duban" report topics --month 2025-06
measure "remind" "$runs" "$duban" remind
measure "report monthly --month 2025-12 at a past clock (as of 2026-01-04: refolds every assigned case)" "$runs" \
  "$duban" --now 2026-01-04T09:00:00+08:00 report monthly --month 2025-12 --format json
measure "report monthly --month 2025-12 at the current clock" "$runs" \
  "$duban" report monthly --month 2025-12 --format json
measure "doctor --quick (integrity, instants, the hash chain)" 1 "$duban" doctor --quick
measure "doctor (and every case refolded from its events)" 1 "$duban" doctor
rm -f "$dir/backup.db"
measure "backup (SQLite backup API, then rename)" 1 "$duban" backup "$dir/backup.db"

echo "| operation on $n cases | median s | peak MiB |"
echo "|---|---|---|"
printf '%s\n' "${results[@]}"
