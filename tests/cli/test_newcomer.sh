#!/usr/bin/env bash
# A clerk who reads no English (issue 8): on a fresh folder with the starter
# config (lang = "zh"), from `duban init` to a monthly report, every screen
# is Chinese. The only Latin letters shown are what the clerk typed (ids,
# codes, options), file paths, receipt codes and duban's own name.
source "$(dirname "$0")/lib.sh"
# A clerk's desktop speaks Chinese; cron's empty locale is the config's business.
export LANG=zh_CN.UTF-8 DUBAN_ACTOR=王小明
mkdir -p "$T/office" && cd "$T/office" || exit 1
export DUBAN_RECEIPT_SEED=newcomer
screens="$T/screens"
: >"$screens"
# say ARGS...: runs duban as the clerk would and keeps what the screen shows.
say() {
  run "$@"
  printf '$ duban %s\n%s\n%s\n' "$*" "$out" "$err" >>"$screens"
}

say init
expect_rc 0
expect_out_has "duban.toml"
# The clerk adds the units and a category, in Chinese, as the starter config shows.
cat >>duban.toml <<'TOML'

[[unit]]
code   = "cgj"
name   = "市城市管理局"
parent = "city"
head   = "何光桂"
email  = "cgj@example.gov.cn"

[[category]]
code = "streetlight"
name = "路灯照明"
TOML
say unit list
expect_rc 0
expect_out_has "市城市管理局"
say --help
expect_rc 0
say intake --help
expect_rc 0
say intake --title "新华路路灯不亮" --channel hotline --category 路灯照明 --requester 张女士 \
  --phone 13800001234 --received "2026/11/2 9:15" --receipt --now 2026-11-02T09:20+08:00
expect_rc 0
say intake --title "井盖破损" --channel hotline --received "2026年11月3日 10时5分" \
  --now 2026-11-03T10:10+08:00
expect_rc 0
say assign 1 2 --lead 市城市管理局 --class C --now 2026-11-03T11:00+08:00
expect_rc 0
say list --now 2026-11-03T12:00+08:00
expect_rc 0
expect_out_has "已交办"
say ack 1 --now 2026-11-03T14:00+08:00
expect_rc 0
say resolve 1 --outcome solved --note "已更换灯具" --now 2026-11-05T10:00+08:00
expect_rc 0
say close 1 --now 2026-11-05T11:00+08:00
expect_rc 0
say followup 1 --rating satisfied --now 2026-11-06T09:00+08:00
expect_rc 0
say show 1 --now 2026-11-06T10:00+08:00
expect_rc 0
expect_out_has "已销号"
say remind --now 2026-11-12T09:00+08:00
expect_rc 0
say escalate --auto --now 2026-11-12T09:00+08:00
expect_rc 0
say report monthly --month 2026-11 --now 2026-12-01T09:00+08:00
expect_rc 0
say report scorecard --month 2026-11 --now 2026-12-01T09:00+08:00
expect_rc 0
say doctor
expect_rc 0
# Mistakes a newcomer makes, answered in Chinese.
say assign 2 --lead 城管局 --now 2026-11-12T10:00+08:00
expect_rc 69
say report monthy
expect_rc 64
say list --stauts received
expect_rc 64
say close 2 --now 2026-11-12T10:00+08:00
expect_rc 65
say followup 2 --rating meh
expect_rc 64

# What the clerk saw: no English word but duban's name and what is typed:
# commands, codes, the values options take, config keys, formats' names.
cat >"$T/check.py" <<'PY'
import re, sys
allowed = set("""duban cgj city dcs hotline streetlight store A B C monthy stauts meh
  init intake assign ack return note resolve close reopen followup escalate remind report
  list show slip meeting unit doctor backup monthly scorecard topics add issue link
  suspend resume extend merge unmerge appeal amend topic
  table json jsonl csv tsv ids md html received listed in_progress resolved closed solved
  explained satisfied basic unsatisfied category channel class town zh en
  CSV TSV JSON Lines UTF BOM Excel WPS""".split())
bad = []
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    if line.startswith("$ duban"): continue
    text = re.sub(r"[\w.\-]+@[\w.\-]+", " ", line)                       # mail
    text = re.sub(r"[\w.\-]*/[\w.\-/]+|\b[\w\-]+\.(?:toml|db|csv|jsonl|json|html)\b", " ", text)  # paths
    text = re.sub(r"--[a-z][a-z\-]*|-[a-z]\b|[$][A-Z_]+", " ", text)        # options, variables
    text = re.sub(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}\b|\b\w*\d\w*\b", " ", text)    # receipts, 5wd, gb18030
    words = [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in allowed]
    if words: bad.append(f"{words}: {line}")
print("\n".join(bad[:15]) or "none")
PY
expect_eq "$(python3 "$T/check.py" "$screens")" "none" "English on a Chinese clerk's screen"
finish
