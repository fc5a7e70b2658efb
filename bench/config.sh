#!/usr/bin/env bash
# Config loading at city scale (issue 10: linear in its size): generates
# configs of N units in a random tree and of N categories each tenth with a
# deadline rule, and prints the median wall time and peak RSS of loading
# each (`unit list`, which loads the whole config) over RUNS runs. Doubling N
# should about double the time.
#
#   bench/config.sh [RUNS]        (uses build/duban; the files go to $BENCH_DIR or /tmp)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
duban=${DUBAN:-$top/build/duban}
runs=${1:-5}
dir=${BENCH_DIR:-/tmp/duban-bench-config}
mkdir -p "$dir"
export DUBAN_STORE=$dir/none.db
echo "| config | load s (median of $runs) | peak RSS MB |"
echo "|---|---:|---:|"
for n in 25000 50000 100000; do
  python3 - "$n" "$dir" <<'PY'
import random, sys
n, d = int(sys.argv[1]), sys.argv[2]
random.seed(n)
with open(f"{d}/units-{n}.toml", "w") as f:
    for i in range(n):
        f.write(f'[[unit]]\ncode = "u{i}"\nname = "单位{i}"\n')
        if i: f.write(f'parent = "u{random.randrange(i)}"\n')
with open(f"{d}/categories-{n}.toml", "w") as f:
    f.write('channels = ["hotline"]\n')
    for i in range(n): f.write(f'[[category]]\ncode = "c{i}"\nname = "类别{i}"\n')
    for i in range(0, n, 10): f.write(f'[[deadlines.rule]]\ncategory = "c{i}"\nresolve = "5wd"\n')
PY
  for kind in units categories; do
    times=() rss=0
    for ((i = 0; i < runs; i++)); do
      /usr/bin/time -f "%e %M" -o "$dir/time" env DUBAN_CONFIG="$dir/$kind-$n.toml" \
        "$duban" unit list >/dev/null
      read -r t m <"$dir/time"
      times+=("$t")
      ((m > rss)) && rss=$m
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')
    echo "| $n $kind | $median | $((rss / 1024)) |"
  done
done
