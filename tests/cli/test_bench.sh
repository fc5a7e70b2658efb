#!/usr/bin/env bash
# The benchmark (bench/run.sh, issue 10) at a small N, so that it cannot rot:
# every row of its table is there with numeric times and ratios, and the
# generator is deterministic. Times are never asserted: speed is measured by
# the benchmark itself, on a quiet machine.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bench="$DUBAN_SOURCE/bench"

# --- the generator: the same N gives the same bytes --------------------------
BENCH_CONFIG_SIZES=100 python3 "$bench/gen.py" 300 "$T/g1"
BENCH_CONFIG_SIZES=100 python3 "$bench/gen.py" 300 "$T/g2"
for f in cases.csv duban.toml category-lead.tsv units-100.toml; do
  checks=$((checks + 1))
  cmp -s "$T/g1/$f" "$T/g2/$f" || fail "gen.py wrote two different $f for the same N"
done
py_expect "$(cat "$T/g1/cases.csv")" '
rows = list(csv.DictReader(io.StringIO(data)))
print(len(rows), len({r["channel"] for r in rows}), len({r["class"] for r in rows}),
      len({r["category"] for r in rows}) >= 25,
      all(r["received_at"].startswith("2025-") for r in rows),
      all(10 <= len(r["description"]) <= 80 for r in rows),
      all(re.search("[\u4e00-\u9fff]", r["title"]) for r in rows))' \
  "300 7 3 True True True True" "300 cases over every channel and class, ~30 categories, 2025, Chinese text"
# The bench config and the big one load: duban lists their units.
run --config "$T/g1/duban.toml" unit list
expect_rc 0
expect_out_has "dcs"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | wc -l)" -ge 40 ] || fail "the bench config has fewer than 40 units"
run --config "$T/g1/units-100.toml" unit list
expect_rc 0
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | wc -l)" -ge 100 ] || fail "units-100.toml has fewer than 100 units"

# --- the whole run, at N = 400, one run each -----------------------------------
out=$(DUBAN="$DUBAN" BENCH_DIR="$T/run" BENCH_CONFIG_SIZES="100 200" bash "$bench/run.sh" 400 1 2>"$T/.err")
rc=$?
err=$(<"$T/.err")
expect_rc 0
expect_out_has "| operation on 400 cases | duban s | sqlite3 s | ratio | target | duban peak MiB |"
expect_out_has "- machine: "
expect_out_has "- versions: duban "
# Each measured row: a name, duban's seconds, sqlite3's, their ratio, a target, a peak.
num='[0-9]+(\.[0-9]+)?'
for name in "intake 400 cases from CSV" "intake, the same (vs .import + indexes + FTS5 + one journal row" \
  "list --format ids, every case" "show 200 as a whole process" "list --unit rsj --status listed" \
  "list --search 积水" "list --search 垃圾清运" "remind" "report monthly --month 2025-11, current clock" \
  "report monthly --month 2025-11 at a past clock" "report monthly --month 2025-11 at the past clock (vs SQL" \
  "report scorecard --month 2025-11" \
  "escalate --auto, each run on a fresh copy" "doctor --quick" "doctor (vs PRAGMA integrity_check)" \
  "backup (vs .backup)" "store after intake, MiB"; do
  line=$(grep -F "| $name" <<<"$out" | head -n 1)
  checks=$((checks + 1))
  [[ "$line" =~ ^\|\ [^|]+\ \|\ $num\ \|\ $num\ \|\ $num×\ \|\ [^|]+\ \|\ ([0-9]+|—)\ \|$ ]] ||
    fail "no row with numbers for: $name (got: $line)"
done
for k in 100 200; do
  line=$(grep -F "| config of $k units" <<<"$out")
  checks=$((checks + 1))
  [[ "$line" =~ ^\|\ [^|]+\ \|\ $num\ \|\ —\ \|\ -?$num\ µs/unit\ \|\ linear\ \|\ [0-9]+\ \|$ ]] ||
    fail "no config-loading row for $k units (got: $line)"
done
# The lifecycle left open and overdue cases for remind and escalate.
py_expect "$out" '
m = re.search(r"(\d+) open cases, (\d+) overdue", data)
print(int(m.group(1)) > 0 and int(m.group(2)) > 0)' "True" "the bench store has open and overdue cases"
# A second run reuses the data and the stores (restartable) and prints the same rows.
out2=$(DUBAN="$DUBAN" BENCH_DIR="$T/run" BENCH_CONFIG_SIZES="100 200" bash "$bench/run.sh" 400 1 2>"$T/.err")
rc=$?
err=$(<"$T/.err")
expect_rc 0
expect_err_has "reusing the recorded"
expect_eq "$(grep -c '^| ' <<<"$out2")" "$(grep -c '^| ' <<<"$out")" "the second run prints as many rows"

finish
