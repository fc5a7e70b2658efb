#!/usr/bin/env bash
# What is shown (SPEC §8): user text reaches no terminal as control
# characters, spreadsheet formulas are made inert, Markdown escapes HTML, a
# requester's phone is masked but for JSON and --show-contact, and an intake
# file with a NUL byte is refused.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00
ESC=$'\x1b'
RLO=$(printf '\xe2\x80\xae')  # U+202E RIGHT-TO-LEFT OVERRIDE
journal_lines() { printf '%s\n' "$out" | sed -n '/^办理日志$/,$p' | tail -n +2 | wc -l; }

# Case 1 from JSON Lines: ESC[31m, an OSC 8 hyperlink, U+202E and a newline.
cat >"$T/evil.jsonl" <<'JSON'
{"title": "\u001b[31m红色\u001b[0m \u001b]8;;http://evil.example\u0007点我\u001b]8;;\u0007 \u202e倒序 第一行\n第二行", "requester": "张女士", "phone": "13800000001"}
JSON
run intake --file "$T/evil.jsonl"
expect_rc 0
expect_out "1"
# Case 2 from CSV, the same bytes raw in a quoted cell.
printf 'title,phone\n"%s[31mred%s[0m %s]8;;http://x%s\\link%s]8;;%s\\ %sabc\nsecond line",0591-1234567\n' \
  "$ESC" "$ESC" "$ESC" "$ESC" "$ESC" "$ESC" "$RLO" >"$T/evil.csv"
run intake --file "$T/evil.csv"
expect_rc 0
expect_out "2"
expect_eq "$(sql 'SELECT instr(title, char(27)) > 0 FROM "case" WHERE id = 2')" "1" \
  "the store keeps the raw title"

# --- list: no raw ESC or U+202E, one line per case ---------------------------------
run list
expect_rc 0
expect_out_lacks "$ESC"
expect_out_lacks "$RLO"
expect_out_has '\x1b[31m红色\x1b[0m \x1b]8;;http://evil.example\x07点我\x1b]8;;\x07 \u202e倒序 第一行\n第二行'
expect_out_has '\x1b[31mred\x1b[0m \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \u202eabc\nsecond line'
expect_eq "$(printf '%s\n' "$out" | wc -l)" "3" "list: a header and one line per case"

# --- show: field lines and journal one line per event -------------------------------
"$DUBAN" -q note 1 $'第一行\n第二行\x1b[2J'
run show 1
expect_rc 0
expect_out_lacks "$ESC"
expect_out_lacks "$RLO"
expect_out_has '\x1b[31m红色\x1b[0m'
expect_eq "$(printf '%s\n' "$out" | grep '第二行' | grep -vc '第一行\\n第二行')" "0" \
  "show: a line break in the title or a note is shown as \\n"
expect_out_has '内容=第一行\n第二行\x1b[2J'
expect_eq "$(journal_lines)" "2" "show: the journal has one line per event (intake, note)"
run --as $'evil\x1b[8m' note 2 "hidden actor"
run show 2
expect_out_lacks "$ESC"
expect_out_has 'evil\x1b[8m  进展'

# JSON keeps the raw values (escaped by JSON itself).
run --format json show 1
expect_rc 0
py_expect "$out" 'j = json.loads(data); print(j["title"].startswith("\x1b[31m"), "\u202e" in j["title"], j["journal"][1]["text"] == "第一行\n第二行\x1b[2J")' \
  "True True True" "show --format json: raw values"

# remind's text lists the title escaped too.
"$DUBAN" -q assign 1 --lead cgj --class C
run remind --within 30d
expect_rc 0
expect_out_lacks "$ESC"
expect_out_lacks "$RLO"
expect_out_has '#1'
expect_out_has '\x1b[31m红色'

# --- csv and tsv: formulas made inert, numbers as they are --------------------------
"$DUBAN" -q intake --title '=HYPERLINK("http://evil.example","点我")'
"$DUBAN" -q intake --title '+1' --address '@SUM(A1)'
run --format csv list
expect_rc 0
py_expect "$out" 'r = list(csv.DictReader(io.StringIO(data, newline=""))); print(r[2]["title"][:2], r[3]["title"], r[3]["address"], r[0]["level"])' \
  "'= '+1 '@SUM(A1) 0" "csv: a formula cell starts with '"
expect_out_has "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\""
run --format tsv list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' 'NR == 4 {print $3}')" "'=HYPERLINK(\"http://evil.example\",\"点我\")" \
  "tsv: a formula cell starts with '"
expect_eq "$(printf '%s\n' "$out" | wc -l)" "5" "tsv: no line breaks inside a row"

# --- md escapes HTML -------------------------------------------------------------------
"$DUBAN" -q meeting add --kind breakfast --title '<b>早餐会</b>' --date 2026-11-09
"$DUBAN" -q intake --title '<script>alert(1)</script> & 路灯' --meeting 1
run --format md report meeting 1
expect_rc 0
expect_out_lacks "<script>"
expect_out_lacks "<b>"
expect_out_has "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 路灯"
expect_out_has "&lt;b&gt;早餐会&lt;/b&gt;"
run report meeting 1
expect_out_has "<script>alert(1)</script> & 路灯"

# --- a requester's phone ---------------------------------------------------------------
run show 1
expect_out_has "138****0001"
expect_out_lacks "13800000001"
run show 2
expect_out_has "059*****4567"
run --format csv list
py_expect "$out" 'r = list(csv.DictReader(io.StringIO(data, newline=""))); print(r[0]["phone"], r[1]["phone"])' \
  "138****0001 059*****4567" "csv: phones masked"
run --format tsv list
expect_out_has "138****0001"
expect_out_lacks "13800000001"
run --format json list
py_expect "$out" 'print(json.loads(data)[0]["phone"])' "13800000001" "json: the full phone"
run --format jsonl list
expect_out_has '"phone":"13800000001"'
run --format json show 1
expect_out_has '"phone": "13800000001"'
run --show-contact show 1
expect_rc 0
expect_out_has "13800000001"
run --show-contact --format csv list
expect_out_has "13800000001"
expect_out_has "0591-1234567"

# --- a NUL byte in an intake file -------------------------------------------------------
printf 'title\n路灯\nx\0y\n' >"$T/nul.csv"
run intake --file "$T/nul.csv"
expect_rc 65
expect_err_has "nul.csv:3: 含 NUL 字节"
printf '{"title": "a"}\n{"title": "b\0"}\n' >"$T/nul.jsonl"
run intake --file "$T/nul.jsonl"
expect_rc 65
expect_err_has "nul.jsonl:2: 含 NUL 字节"
printf '{"title": "a\\u0000b"}\n' >"$T/nul2.jsonl"
run intake --file "$T/nul2.jsonl"
expect_rc 65
expect_err_has "nul2.jsonl:1: title: 含 NUL"
run_in $'title\nx\ny\n' intake --file - 
expect_rc 0
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "7" "nothing added from the refused files"

# --- a confidential case (保密) masks its requester too ---------------------------------
run --format ids intake --title "举报违建" --requester 张三丰 --phone 13900000002 --confidential
id=$out
run --format csv list
expect_out_has "张**"
expect_out_lacks "张三丰"
run show "$id"
expect_out_has "张**"
expect_out_lacks "张三丰"
expect_out_lacks "13900000002"
run --format json show "$id"
expect_out_has '"requester": "张三丰"'
run --show-contact show "$id"
expect_out_has "张三丰"

# --- an error quoting what a user typed shows it escaped too ----------------------------
run assign 1 --lead $'cg\x1b[31mj\u202e'
expect_rc 69
expect_err_has 'cg\x1b[31mj\u202e'
checks=$((checks + 1)); [[ "$err" != *$'\x1b'* ]] || fail "a raw ESC reached stderr"

finish
