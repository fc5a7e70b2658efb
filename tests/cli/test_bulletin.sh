#!/usr/bin/env bash
# report monthly as the office publishes it (月度督查通报): the issuing office,
# the units ranked by the scorecard with its red and black lists (红黑榜), and
# the overdue cases behind 超期未办结 with their working days overdue; in md,
# html and json. Every expected value was computed by hand. With chromium and
# pdfinfo, a bulletin of 40 units and 60 overdue cases prints on A4.
#
# ---- The fixture (Asia/Shanghai; C = 5wd; 2026 holidays: Mid-Autumn
#      09-25..27, National Day 10-01..10-07; Sat 10-10 a make-up working day)
# The score weighs the closure rate only, so a unit's score is its closure
# rate (of cases received in October, the share closed by T) times 100.
#  #1 e  received Mon 09-28 (September); assigned 09-28 10:00 --due 09-29:
#        due Tue 09-29 23:59:59; open at T.
#  #2 a  received 10-08, closed 10-09.      #3 a  received 10-12, closed 10-13.
#  #4 b  received 10-08, closed 10-09.      #5 b  received 10-12, closed 10-14.
#  #6 c  received Thu 10-08 09:00, assigned 10:00: due 10-09, Sat 10-10, 10-12,
#        10-13, 10-14 -> 10-14 23:59:59; open at T.
#  #7 c  received 10-12, closed 10-13.
#  #8 d  received Tue 10-20, assigned: due 10-21,22,23,26,27 -> Tue 10-27
#        23:59:59; open at T. Its title holds HTML.
#  #9 d  received Fri 10-23, assigned: due 10-26..30 -> Fri 10-30 23:59:59;
#        open at T, resolved 11-03 09:00 (after T).
#
# ---- By hand: October, T = Mon 2026-11-02 10:00 local --------------------------
# Scores: a 2/2 = 100.0, b 2/2 = 100.0, c 1/2 = 50.0, d 0/2 = 0.0; e received
# nothing in October: no score, unranked (—), last.  Ranks: a 1, b 1, c 3, d 4.
# --top 3 (default): red a, b, c (the third place is c); black: the third from
# the bottom is b (rank 1), so every ranked unit, less the red ones: d.
# --top 1: red a, b (tied first); black d.  --top 2: red a, b; black d, c.
# Working days overdue at T (the days after the due's date, up to and with
# T's date, on the calendar):
#  #1 due 09-29: 09-30; 10-08, 10-09; Sat 10-10; 10-12..16; 10-19..23;
#     10-26..30; 11-02 = 1+2+1+5+5+5+1 = 20 (the National Day holiday not counted)
#  #6 due 10-14: 10-15, 16; 19..23; 26..30; 11-02 = 2+5+5+1 = 13
#  #8 due 10-27: 10-28, 29, 30; (Sat, Sun) 11-02 = 4
#  #9 due Fri 10-30: (Sat 10-31, Sun 11-01 not counted) Mon 11-02 = 1
# Most overdue first: 1, 6, 8, 9; overdue_open in total = 4.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db"
cat >"$T/duban.toml" <<'TOML'
timezone = "Asia/Shanghai"
lang     = "zh"
office   = "dcs"
channels = ["hotline"]

[calendar]
weekend  = ["sat", "sun"]
holidays = ["2026-09-25..2026-09-27", "2026-10-01..2026-10-07"]
workdays = ["2026-09-20", "2026-10-10"]

[[unit]]
code = "city"
name = "三明市"
[[unit]]
code   = "dcs"
name   = "三明市效能督查办"
parent = "city"
[[unit]]
code   = "a"
name   = "甲局"
parent = "city"
[[unit]]
code   = "b"
name   = "乙局"
parent = "city"
[[unit]]
code   = "c"
name   = "丙局"
parent = "city"
[[unit]]
code   = "d"
name   = "丁局"
parent = "city"
[[unit]]
code   = "e"
name   = "戊局<i>&"
parent = "city"

[deadlines]
ack     = "1wd"
resolve = { A = "20wd", B = "10wd", C = "5wd" }

[scorecard]
weights = { ack_rate = 0.0, closure_rate = 1.0, satisfaction_rate = 0.0 }
TOML
export DUBAN_CONFIG="$T/duban.toml"
at() { local now=$1; shift; "$DUBAN" -q --now "$now" "$@" || fail "fixture: $now $*"; }
# case DAY LEAD TITLE [CLOSED_DAY]: received DAY 09:00, assigned 10:00, acked
# 10:30; resolved and closed CLOSED_DAY when given.
next_id=2  # #1 is taken in by hand below
case_of() {
  at "$1 09:00" intake --class C --title "$3"
  local id=$next_id
  next_id=$((next_id + 1))
  at "$1 10:00" assign "$id" --lead "$2"
  at "$1 10:30" ack "$id"
  if [ -n "${4:-}" ]; then
    at "$4 09:00" resolve "$id" --outcome solved
    at "$4 15:00" close "$id"
  fi
}
at "2026-09-28 09:00" intake --class C --title 老旧小区改造进度滞后
at "2026-09-28 10:00" assign 1 --lead e --due 2026-09-29 --reason 领导批示急办
case_of 2026-10-08 a 甲一 2026-10-09
case_of 2026-10-12 a 甲二 2026-10-13
case_of 2026-10-08 b 乙一 2026-10-09
case_of 2026-10-12 b 乙二 2026-10-14
case_of 2026-10-08 c 丙一未办结
case_of 2026-10-12 c 丙二 2026-10-13
case_of 2026-10-20 d '路灯<script>x</script> & 积水'
case_of 2026-10-23 d 丁二周五到期
at "2026-11-03 09:00" resolve 9 --outcome solved
NOW="2026-11-02 10:00"

# ---- json: the new keys, and the old ones as they were ---------------------------
run report monthly --month 2026-10 --format json --now "$NOW"
expect_rc 0
py_expect "$out" 'd = json.loads(data)
print(list(d.keys()))
print(d["office"])
print([(r["unit"], r["name"], r["score"], r["rank"]) for r in d["ranking"]])
print([(o["id"], o["lead_unit"], o["due_at"], o["working_days_overdue"]) for o in d["overdue"]])
print(d["total"]["overdue_open"], len(d["overdue"]), d["overdue"][2]["title"])' \
"['period', 'as_of', 'by', 'rollup', 'groups', 'total', 'office', 'ranking', 'overdue', 'excluded_cases']
{'unit': 'dcs', 'name': '三明市效能督查办'}
[('a', '甲局', 100.0, 1), ('b', '乙局', 100.0, 1), ('c', '丙局', 50.0, 3), ('d', '丁局', 0.0, 4), ('e', '戊局<i>&', None, None)]
[(1, 'e', '2026-09-29T15:59:59Z', 20), (6, 'c', '2026-10-14T15:59:59Z', 13), (8, 'd', '2026-10-27T15:59:59Z', 4), (9, 'd', '2026-10-30T15:59:59Z', 1)]
4 4 路灯<script>x</script> & 积水" "json: office, ranking with a tie, overdue most overdue first"

# Written as a JSON document pretty-printed with two spaces, byte for byte
# (the overdue cases are written one by one, the rest dumped).
py_expect "$out" 'print(json.dumps(json.loads(data), indent=2, ensure_ascii=False) == data)' \
  "True" "json: the bulletin is one document, two-space indented, byte for byte"
# The same ranking as report scorecard.
run report scorecard --month 2026-10 --format json --now "$NOW"
py_expect "$out" 'print([(u["unit"], u["rank"]) for u in json.loads(data)["units"]])' \
  "[('a', 1), ('b', 1), ('c', 3), ('d', 4), ('e', None)]" "scorecard ranks as the bulletin does"

# The same clock gives the same list whatever was done later: #9 was resolved
# on 11-03, after T; read at 11-03 12:00 it has left the list.
run report monthly --month 2026-10 --format json --now "2026-11-03 12:00"
py_expect "$out" 'print([(o["id"], o["working_days_overdue"]) for o in json.loads(data)["overdue"]])' \
  "[(1, 21), (6, 14), (8, 5)]" "a later clock: #9 resolved, one more working day each"
run report monthly --month 2026-10 --format json --now "$NOW" --by category
py_expect "$out" 'd = json.loads(data); print(d["by"], [r["unit"] for r in d["ranking"]], len(d["overdue"]))' \
  "category ['a', 'b', 'c', 'd', 'e'] 4" "by category: the ranking is still by unit"

# ---- md ----------------------------------------------------------------------------
run report monthly --month 2026-10 --format md --now "$NOW"
expect_rc 0
md=$out
expect_out_has "# 月度督查通报"
expect_out_has "**三明市效能督查办 印发**"
expect_out_has "统计期间 2026-10-01 至 2026-10-31，截至 2026-11-02 10:00 (Asia/Shanghai)"
expect_out_has "## 综合排名"
expect_out_has "| 1 | 甲局 | a | 100.0 |"
expect_out_has "| 1 | 乙局 | b | 100.0 |"
expect_out_has "| 3 | 丙局 | c | 50.0 |"
expect_out_has "| 4 | 丁局 | d | 0.0 |"
expect_out_has "| — | 戊局&lt;i&gt;&amp; | e | — |"
expect_out_has "## 超期未办结事项（4 件）"
expect_out_has "| 编号 | 事项 | 牵头单位 | 办理时限 | 超期工作日 |"
expect_out_has "路灯&lt;script&gt;x&lt;/script&gt; &amp; 积水"
expect_out_lacks "<script>"
expect_out_lacks "<i>"
py_expect "$out" 'rows = [l for l in data.splitlines() if re.match(r"^\| \d+ \| ", l) and l.count("|") == 6]
print([tuple(c.strip() for c in l.strip("|").split("|")) for l in rows])' \
"[('1', '老旧小区改造进度滞后', '戊局&lt;i&gt;&amp;', '2026-09-29 23:59', '20'), ('6', '丙一未办结', '丙局', '2026-10-14 23:59', '13'), ('8', '路灯&lt;script&gt;x&lt;/script&gt; &amp; 积水', '丁局', '2026-10-27 23:59', '4'), ('9', '丁二周五到期', '丁局', '2026-10-30 23:59', '1')]" \
  "md: the overdue cases, most overdue first, across a weekend and National Day"
# section NAME: the unit codes of the md table under the heading NAME.
section() {
  printf '%s\n' "$md" | awk -v h="## $1" '$0 ~ /^## / {on = index($0, h) == 1; next} on && /^\| [0-9—]/ {print $6}' | paste -sd' '
}
expect_eq "$(section 红榜)" "a b c" "md: the red list of the best 3"
expect_eq "$(section 黑榜)" "d" "md: the black list without the red ones"
run report monthly --month 2026-10 --format md --now "$NOW" --top 1
md=$out
expect_out_has "## 红榜（前 1 名）"
expect_out_has "## 黑榜（后 1 名）"
expect_eq "$(section 红榜)" "a b" "--top 1: both units tied first are on the red list"
expect_eq "$(section 黑榜)" "d" "--top 1: the worst"
run report monthly --month 2026-10 --format md --now "$NOW" --top 2
md=$out
expect_eq "$(section 红榜)" "a b" "--top 2: the two tied first"
expect_eq "$(section 黑榜)" "d c" "--top 2: the worst two, worst first"
run report monthly --month 2026-10 --format md --now "$NOW" --top 0
expect_rc 64
run report monthly --month 2026-10 --now "$NOW" --top 2
expect_rc 0
expect_out_lacks "红榜"  # the table keeps to its figures
run report monthly --month 2026-10 --format csv --now "$NOW"
expect_out_lacks "ranking"
expect_out_lacks "三明市效能督查办"

# ---- html --------------------------------------------------------------------------
run report monthly --month 2026-10 --format html --now "$NOW"
expect_rc 0
html=$out
expect_out_has '<p class="issuer">三明市效能督查办 印发</p>'
expect_out_has "截至 2026-11-02 10:00"
expect_out_has "@page{size:A4;margin:15mm}"
expect_out_has "tr,figure,svg,.kpis li{break-inside:avoid"
expect_out_has "thead{display:table-header-group}"
expect_out_has "红榜（前 3 名）"
expect_out_has "超期未办结事项（4 件）"
expect_out_has "戊局&lt;i&gt;&amp;"
expect_out_has "路灯&lt;script&gt;x&lt;/script&gt; &amp; 积水"
expect_out_lacks "<script"
py_expect "$html" 'from html.parser import HTMLParser
void = {"meta", "br", "img", "hr", "input", "link", "rect", "line", "circle", "polyline"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = []; self.rows = []; self.cell = None; self.row = None
    def handle_starttag(self, t, a):
        if t not in void: self.stack.append(t)
        if t == "tr": self.row = []
        if t in ("td", "th"): self.cell = ""
    def handle_startendtag(self, t, a): pass
    def handle_endtag(self, t):
        if t in void: return
        if not self.stack or self.stack[-1] != t: self.bad.append(t); return
        self.stack.pop()
        if t in ("td", "th") and self.row is not None: self.row.append(self.cell); self.cell = None
        if t == "tr": self.rows.append(self.row); self.row = None
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
p = P(); p.feed(data); p.close()
print(p.bad, p.stack)
print([r for r in p.rows if len(r) == 5 and r[0].isdigit()])' \
"[] []
[['1', '老旧小区改造进度滞后', '戊局<i>&', '2026-09-29 23:59', '20'], ['6', '丙一未办结', '丙局', '2026-10-14 23:59', '13'], ['8', '路灯<script>x</script> & 积水', '丁局', '2026-10-27 23:59', '4'], ['9', '丁二周五到期', '丁局', '2026-10-30 23:59', '1']]" \
  "html: well-formed, the overdue rows"

sed 's/^lang     = "zh"/lang     = "en"/' "$T/duban.toml" >"$T/en.toml"
run --config "$T/en.toml" report monthly --month 2026-10 --format md --now "$NOW"
expect_out_has "**Issued by 三明市效能督查办**"
expect_out_has "## Red list (best 3)"
expect_out_has "working days overdue"
expect_out_lacks "红榜"

# ---- on A4 paper: 40 units, 60 overdue cases ---------------------------------------
CHROMIUM=$(command -v chromium || command -v chromium-browser)
if [ -z "$CHROMIUM" ] || ! command -v pdfinfo >/dev/null; then
  echo "skip: the PDF check needs chromium and pdfinfo (apt-get install chromium poppler-utils)"
else
  export DUBAN_STORE="$T/big.db"
  {
    sed -n '1,/^\[\[unit\]\]/p' "$T/duban.toml" | sed '$d'
    printf '[[unit]]\ncode = "city"\nname = "三明市"\n[[unit]]\ncode = "dcs"\nname = "三明市效能督查办"\nparent = "city"\n'
    for u in $(seq -w 1 40); do
      printf '[[unit]]\ncode = "u%s"\nname = "第%s局（城市管理和综合执法）"\nparent = "city"\n' "$u" "$u"
    done
    printf '[deadlines]\nack = "1wd"\nresolve = { A = "20wd", B = "10wd", C = "5wd" }\n'
  } >"$T/big.toml"
  export DUBAN_CONFIG="$T/big.toml"
  {
    echo "title,received_at,class"
    for i in $(seq 1 100); do echo "第${i}号事项：小区路灯不亮、道路积水需要疏通，群众多次反映,2026-10-09 09:00,C"; done
  } >"$T/big.csv"
  at "2026-10-09 12:00" intake --file "$T/big.csv"
  for u in $(seq 1 40); do
    ids=$(seq "$u" 40 100 | paste -sd' ')
    # shellcheck disable=SC2086
    at "2026-10-09 13:00" assign $ids --lead "u$(printf %02d "$u")"
  done
  at "2026-10-09 14:00" ack $(seq 1 100)
  closed=$(seq 1 100 | awk '$1 % 5 == 0 || $1 % 5 == 2' | paste -sd' ')
  # shellcheck disable=SC2086
  at "2026-10-12 09:00" resolve $closed --outcome solved
  # shellcheck disable=SC2086
  at "2026-10-12 10:00" close $closed
  "$DUBAN" report monthly --month 2026-10 --format html --now "$NOW" >"$T/big.html"
  expect_eq "$(grep -c '<td class="days">' "$T/big.html")" "60" "60 overdue cases listed"
  mkdir -p "$HOME"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$T/chrome" --no-pdf-header-footer --print-to-pdf="$T/big.pdf" \
    "file://$T/big.html" >/dev/null 2>"$T/chrome.log"
  expect_eq "$?" "0" "chromium prints the bulletin to PDF"
  pages=$(pdfinfo "$T/big.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$T/big.pdf" 2>/dev/null | awk '/^Page size:/ {print ($3 < $5 ? "portrait" : "landscape"), $NF}')
  checks=$((checks + 1))
  [ -n "$pages" ] && [ "$pages" -ge 4 ] && [ "$pages" -le 9 ] ||
    fail "the bulletin of 40 units and 60 cases prints on ${pages:-no} pages, expected 4..9"
  expect_eq "$size" "portrait (A4)" "A4 portrait"
  if [ -n "${KEEP_PDF:-}" ]; then cp "$T/big.pdf" "$T/big.html" "$KEEP_PDF"/; fi
fi

finish
