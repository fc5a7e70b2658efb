#!/usr/bin/env bash
# 满意率 with satisfaction.basic_weight (SPEC §5, §7): 基本满意 counts with
# the config's weight, in the monthly report and the scorecard. Figures by
# hand below.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db"
config() {  # config BASIC_WEIGHT: the example city, with that weight
  sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/city.toml"
  printf '\n[satisfaction]\nbasic_weight = %s\n' "$1" >>"$T/city.toml"
}
config 1.0
export DUBAN_CONFIG="$T/city.toml"
q() { "$DUBAN" -q --now "$1" "${@:2}"; }
# Three November cases of cgj, crossed off and followed up: one satisfied,
# one basically satisfied, one not (kept closed with --no-reopen).
for t in 路灯不亮 井盖破损 垃圾清运; do q "2026-11-02 09:00" intake --title "$t" --class C; done
q "2026-11-02 10:00" assign 1 2 3 --lead cgj
q "2026-11-02 11:00" ack 1 2 3
q "2026-11-03 09:00" resolve 1 2 3 --outcome solved --note 已处理
q "2026-11-03 10:00" close 1 2 3
q "2026-11-04 09:00" followup 1 --rating satisfied
q "2026-11-04 09:00" followup 2 --rating basic
q "2026-11-04 09:00" followup 3 --rating unsatisfied --no-reopen

rate() {  # rate: the total 满意率 of November, exact, from JSON
  run --now "2026-12-01 09:00" --format json report monthly --month 2026-11
  expect_rc 0
  python3 -c 'import json,sys; print(round(json.load(sys.stdin)["total"]["satisfaction_rate"], 6))' <<<"$out"
}
# Weight 1: (1 + 1) / 3.
expect_eq "$(rate)" "0.666667" "基本满意 counts whole by default"
# Weight 0.9, Beijing-style: (1 + 0.9) / 3 = 0.633333.
config 0.9
expect_eq "$(rate)" "0.633333" "基本满意 counts 0.9"
run --now "2026-12-01 09:00" report monthly --month 2026-11
expect_out_has "63.3%"
# Weight 0: only 满意 counts, 1 / 3.
config 0
expect_eq "$(rate)" "0.333333" "基本满意 does not count"
# The scorecard takes the same rate: with weight 0.9 its satisfaction_rate
# for cgj is 0.633333, and its score 100 × (0.2 × 1 + 0.4 × 1 + 0.4 × 0.633333)
# = 85.3 (acknowledged and crossed off on time: both rates 1).
config 0.9
run --now "2026-12-01 09:00" --format json report scorecard --month 2026-11
expect_rc 0
py_expect "$out" '
cgj = [u for u in json.loads(data)["units"] if u["unit"] == "cgj"][0]
print(round(cgj["satisfaction_rate"], 6), round(cgj["score"], 1))' "0.633333 85.3" "the scorecard's 满意率 with weight 0.9, and its score"

# Weights that do not sum to 1 are refused (78), naming the key and the sum.
printf 'lang = "en"\n[scorecard]\nweights = { ack_rate = 0.5, closure_rate = 0.4, satisfaction_rate = 0.4 }\n' \
  >"$T/bad.toml"
run --config "$T/bad.toml" --store "$T/other.db" list
expect_rc 78
expect_err_has "bad.toml:3:11: scorecard.weights: the weights sum to 1.3, not 1"
sed 's/^lang = "en"/lang = "zh"/' "$T/bad.toml" >"$T/bad-zh.toml"
run --config "$T/bad-zh.toml" --store "$T/other.db" list
expect_rc 78
expect_err_has "scorecard.weights: 三项权重之和为 1.3，应为 1"
finish
