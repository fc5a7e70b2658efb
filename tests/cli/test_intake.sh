#!/usr/bin/env bash
# duban intake: one case from options, batches from CSV and JSON Lines
# (file or stdin), defaults from options, encodings, all-or-nothing batches,
# and the messages a clerk sees when a file is wrong.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00
count() { sql 'SELECT count(*) FROM "case"'; }

# --- one case from options --------------------------------------------------
run intake --title "新华社区路灯不亮" --channel hotline --category streetlight --class C \
  --requester "张女士" --phone "138****1234" --town "城东街道" --village "新华社区" \
  --address "三元区城东街道新华路12号" --description "路灯已连续一周不亮"
expect_rc 0
expect_out "1"
expect_eq "$err" "" "intake prints nothing on stderr"
expect_eq "$(sql 'SELECT title, channel, category, class, requester, phone, town, village, address, status FROM "case" WHERE id = 1')" \
  "新华社区路灯不亮|hotline|streetlight|C|张女士|138****1234|城东街道|新华社区|三元区城东街道新华路12号|received" \
  "every option is stored"
expect_eq "$(sql 'SELECT received_at FROM "case" WHERE id = 1')" "2026-11-09T01:00:00Z" \
  "received_at defaults to the clock, in UTC"
expect_eq "$(sql "SELECT count(*) FROM journal WHERE case_id = 1 AND action = 'intake'")" "1" \
  "one intake event"
expect_eq "$(sql "SELECT actor FROM journal WHERE case_id = 1")" "tester" "actor from DUBAN_ACTOR"

# --receipt: id TAB receipt, and the receipt is the one stored.
run intake --title "东新二路井盖破损" --receipt
expect_rc 0
receipt=$(sql 'SELECT receipt FROM "case" WHERE id = 2')
expect_out "2	$receipt"
[[ "$receipt" =~ ^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$ ]]
expect_eq "$?" "0" "receipt '$receipt' is 8 unambiguous characters in two groups"
expect_eq "$(sql 'SELECT count(DISTINCT receipt) FROM "case"')" "2" "receipts differ"

# --as overrides DUBAN_ACTOR.
run --as "督查室 邓立新" intake --title "小区垃圾清运不及时"
expect_rc 0
expect_out "3"
expect_eq "$(sql "SELECT actor FROM journal WHERE case_id = 3")" "督查室 邓立新" "actor from --as"

# Without --title or --file: usage.
run intake --channel hotline
expect_rc 64
expect_err_has "duban: 错误:"
expect_err_has "--title"
# An empty title is no title: bad usage, as any bad option value (SPEC §6).
run intake --title "   "
expect_rc 64
expect_err_has "--title: 必须给出"
expect_eq "$(count)" "3" "nothing added by failed intakes"

# --- received_at ---------------------------------------------------------------
run intake --title "带时区" --received "2025-10-25T11:00:00+08:00"
expect_rc 0
expect_eq "$(sql "SELECT received_at FROM \"case\" WHERE id = $out")" "2025-10-25T03:00:00Z" \
  "an offset is stored as UTC Z"
run intake --title "本地时间" --received "2026-11-05 14:30"
expect_rc 0
expect_eq "$(sql "SELECT received_at FROM \"case\" WHERE id = $out")" "2026-11-05T06:30:00Z" \
  "a local date-time is read in Asia/Shanghai"
run intake --title "坏日期" --received "2026-11-31"
expect_rc 64
expect_err_has "--received: “2026-11-31” 不是时间"
run --now bogus intake --title "坏时钟"
expect_rc 64
expect_err_has "--now: “bogus” 不是时间"

# --- a CSV batch ---------------------------------------------------------------
rm -f "$T"/duban.db*
run intake --file "$EXAMPLES/breakfast-2021-10-23.csv"
expect_rc 0
expect_out "$(seq 1 11)"
expect_eq "$(count)" "11" "11 cases from the breakfast CSV"
expect_eq "$(sql 'SELECT title FROM "case" WHERE id = 1')" "环卫工人工资偏低" "first row is id 1"
expect_eq "$(sql 'SELECT title FROM "case" WHERE id = 11')" "工作服和劳保用品不足" "last row is id 11"
expect_eq "$(sql 'SELECT description FROM "case" WHERE id = 1')" \
  "一线环卫工人月工资到手约2,100元，仅略高于当地最低工资标准，希望建立工资正常增长机制。" \
  "a quoted cell with a comma"
expect_eq "$(sql 'SELECT group_concat(class, "") FROM (SELECT class FROM "case" ORDER BY id)')" \
  "ABABCCBABCC" "classes in row order"
expect_eq "$(sql "SELECT count(*) FROM journal WHERE action = 'intake'")" "11" "one intake event per row"

# --- JSON Lines, from a file and from stdin ----------------------------------
run intake --file "$EXAMPLES/hotline.jsonl" --receipt
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "12 13 14 15 16 17 " "ids in input order"
expect_eq "$(printf '%s\n' "$out" | cut -f2 | head -1)" "$(sql 'SELECT receipt FROM "case" WHERE id = 12')" \
  "--receipt with --file"
expect_eq "$(sql 'SELECT received_at FROM "case" WHERE id = 12')" "2026-11-02T01:15:00Z" \
  "received_at +08:00 stored as UTC"
expect_eq "$(sql 'SELECT received_at FROM "case" WHERE id = 15')" "2026-11-04T03:03:00Z" \
  "received_at +08:00 stored as UTC"
expect_eq "$(sql 'SELECT channel, category, phone FROM "case" WHERE id = 17')" \
  "hotline|streetlight|136****9015" "fields from JSON"

out=$("$DUBAN" intake --file - <"$EXAMPLES/hotline.jsonl" 2>"$T/.err"); rc=$?; err=$(<"$T/.err")
expect_rc 0
expect_out "$(seq 18 23)"
expect_eq "$(sql 'SELECT title FROM "case" WHERE id = 23')" "村口路灯损坏" "JSONL from stdin"

# CSV from stdin too.
run_in $'title,class\n从标准输入,C\n' intake --file -
expect_rc 0
expect_out "24"
expect_eq "$(sql 'SELECT class FROM "case" WHERE id = 24')" "C" "CSV from stdin"

# --- options are defaults for fields a row leaves empty ------------------------
cat >"$T/partial.csv" <<'EOF'
title,channel,class,town
甲,,,城东街道
乙,grid,A,
EOF
run intake --file "$T/partial.csv" --channel hotline --class C --town "莘口镇"
expect_rc 0
expect_out $'25\n26'
expect_eq "$(sql 'SELECT channel, class, town FROM "case" WHERE id = 25')" "hotline|C|城东街道" \
  "empty cells take the options"
expect_eq "$(sql 'SELECT channel, class, town FROM "case" WHERE id = 26')" "grid|A|莘口镇" \
  "given cells win over the options"
printf '{"title": "丙"}\n{"title": "丁", "category": "road"}\n' >"$T/partial.jsonl"
run intake --file "$T/partial.jsonl" --category streetlight --received "2026-11-01 08:00"
expect_rc 0
expect_eq "$(sql 'SELECT category, received_at FROM "case" WHERE id = 27')" \
  "streetlight|2026-11-01T00:00:00Z" "JSON rows take the options as defaults"
expect_eq "$(sql 'SELECT category FROM "case" WHERE id = 28')" "road" "a JSON key wins"

# --- --dry-run ------------------------------------------------------------------
before=$(count)
run intake --file "$EXAMPLES/breakfast-2021-10-23.csv" --dry-run
expect_rc 0
expect_out ""
expect_err_has "11"
expect_eq "$(count)" "$before" "--dry-run adds nothing"
run intake --title "试一下" --dry-run
expect_rc 0
expect_eq "$(count)" "$before" "--dry-run of one case adds nothing"
printf 'title,class\nok,A\nbad,Q\n' >"$T/dry-bad.csv"
run intake --file "$T/dry-bad.csv" --dry-run
expect_rc 65
expect_err_has "dry-bad.csv:3"

# --- encodings and line ends -----------------------------------------------------
rm -f "$T"/duban.db*
printf '\xef\xbb\xbftitle,class\n带BOM的文件,A\n' >"$T/bom.csv"
run intake --file "$T/bom.csv"
expect_rc 0
expect_out "1"
expect_eq "$(sql 'SELECT title, class FROM "case" WHERE id = 1')" "带BOM的文件|A" \
  "a BOM does not spoil the first column"
expect_eq "$(sql 'SELECT hex(title) FROM "case" WHERE id = 1' | cut -c1-6)" "E5B8A6" "no BOM in the title"

printf 'title,class,town\r\nWindows文件,B,城东街道\r\n第二行,C,徐碧街道\r\n' >"$T/crlf.csv"
run intake --file "$T/crlf.csv"
expect_rc 0
expect_out $'2\n3'
expect_eq "$(sql 'SELECT town FROM "case" WHERE id = 2')" "城东街道" "no CR at the end of the last cell"
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE town LIKE '%' || char(13) || '%' OR class LIKE '%' || char(13)")" \
  "0" "no CR stored anywhere"

iconv -f utf-8 -t gb18030 "$EXAMPLES/breakfast-2021-10-23.csv" >"$T/gb.csv"
run intake --file "$T/gb.csv"
expect_rc 65
expect_err_has "gb.csv:2: 不是有效的 UTF-8，但可按 GB18030 读出：请加 --encoding gb18030"
expect_eq "$(count)" "3" "a GB18030 file read as UTF-8 adds nothing"
run intake --file "$T/gb.csv" --encoding gb18030
expect_rc 0
expect_out "$(seq 4 14)"
expect_eq "$(sql 'SELECT title, requester FROM "case" WHERE id = 4')" "环卫工人工资偏低|环卫工人 王某某" \
  "GB18030 decoded"
run intake --file "$T/gb.csv" --encoding klingon
expect_rc 64
expect_err_has "klingon"
expect_eq "$(count)" "14" "an unknown encoding adds nothing"

# --- bad input ----------------------------------------------------------------
before=$(count)
printf 'title,clas\n甲,A\n' >"$T/unknown-col.csv"
run intake --file "$T/unknown-col.csv"
expect_rc 65
expect_err_has "unknown-col.csv:1: 未知的列 “clas”（是不是 “class”？）"
expect_err_has "可用的字段: title、description、"
LANG=en_US.UTF-8 DUBAN_CONFIG= run intake --file "$T/unknown-col.csv"
expect_rc 65
expect_err_has "unknown-col.csv:1: unknown column 'clas' (did you mean 'class'?)"
expect_err_has "the fields are: title, description, "
expect_eq "$(count)" "$before" "nothing added"
printf '{"title": "甲", "phne": "1"}\n' >"$T/unknown-key.jsonl"
run intake --file "$T/unknown-key.jsonl"
expect_rc 65
expect_err_has "unknown-key.jsonl:1: 未知的字段 “phne”（是不是 “phone”？）"

cat >"$T/two-bad.csv" <<'EOF'
title,class,channel
好的一行,A,hotline
坏的等级,D,hotline
坏的渠道,B,hotlin
EOF
run intake --file "$T/two-bad.csv"
expect_rc 65
expect_err_has "two-bad.csv:3: class: “D” 不是 A、B、C 之一"
expect_err_has "two-bad.csv:4"
expect_err_has "two-bad.csv:4: channel: 没有渠道“hotlin”（代码或名称）（是不是 “hotline”？）"
expect_out ""
expect_eq "$(count)" "$before" "a batch with bad rows adds nothing"

printf '{"title": "好"}\n{"title": ""}\n{"title": "好", "class": "Z"}\n' >"$T/bad.jsonl"
run intake --file "$T/bad.jsonl"
expect_rc 65
expect_err_has "bad.jsonl:2"
expect_err_has "title"
expect_err_has "bad.jsonl:3"
expect_eq "$(count)" "$before" "a JSONL batch with bad rows adds nothing"

printf 'title,class\n,A\n' >"$T/no-title.csv"
run intake --file "$T/no-title.csv"
expect_rc 65
expect_err_has "no-title.csv:2"
expect_err_has "title"
printf 'class,town\nA,城东街道\n' >"$T/no-title-col.csv"
run intake --file "$T/no-title-col.csv"
expect_rc 65
expect_err_has "title"
printf '{"title": "a"}\nnot json\n' >"$T/broken.jsonl"
run intake --file "$T/broken.jsonl"
expect_rc 65
expect_err_has "broken.jsonl:2"
printf 'title,class\n甲,A,多余\n' >"$T/ragged.csv"
run intake --file "$T/ragged.csv"
expect_rc 65
expect_err_has "ragged.csv:2"
expect_eq "$(count)" "$before" "bad files add nothing"

# Regression: a header of 200,000 unknown columns printed every one (a 55 MB
# message for a million); ten are named and the rest counted.
{
  printf 'title'
  seq -f ',junk%.0f' 1 200000 | tr -d '\n'
  printf '\n甲'
  head -c 200000 /dev/zero | tr '\0' ','
  printf '\n'
} >"$T/wide.csv"
run intake --file "$T/wide.csv"
expect_rc 65
expect_err_has "wide.csv:1: 未知的列 “junk1”"
expect_err_has "wide.csv: …另有 199990 个未知的列"
expect_err_lacks "junk11"
LANG=en_US.UTF-8 DUBAN_CONFIG= run intake --file "$T/wide.csv"
expect_err_has "wide.csv:1: unknown column 'junk1'"
expect_err_has "wide.csv: … and 199990 more unknown columns"
expect_eq "$((${#err} < 4000))" "1" "the message is short (${#err} characters)"
expect_eq "$(count)" "$before" "a wide file adds nothing"

run intake --file "$T/does-not-exist.csv"
expect_rc 66
expect_err_has "does-not-exist.csv"

# Regression: a folder and a failed read were taken as an empty batch (exit 0).
printf 'lang = "en"\nstore = "%s"\n' "${STORE:-$T/duban.db}" >"$T/en.toml"
mkdir -p "$T/a-folder.csv"
run intake --file "$T/a-folder.csv"
expect_rc 66
expect_err_has "无法读取 $T/a-folder.csv：这是文件夹"
run --config "$T/en.toml" intake --file "$T/a-folder.csv"
expect_err_has "cannot read $T/a-folder.csv: it is a folder"
if [ -r /proc/self/mem ]; then
  run intake --file /proc/self/mem
  expect_rc 74
  expect_err_has "读取 /proc/self/mem 出错：读写出错"
  run --config "$T/en.toml" intake --file /proc/self/mem
  expect_rc 74
  expect_err_has "cannot read /proc/self/mem: Input/output error"
fi
expect_eq "$(count)" "$before" "unreadable files add nothing"

# What does not exist is 69 from the command line, as assign's unknown unit is.
run intake --title "无此会议" --meeting 99
expect_rc 69
expect_err "duban: 错误: --meeting: 没有会议“99”（编号或名称）"
run intake --title "坏渠道" --channel hotlne
expect_rc 69
expect_err_lacks "--title:"
expect_err "duban: 错误: --channel: 没有渠道“hotlne”（代码或名称）（是不是 “hotline”？）"
run intake --title "坏类别" --category streetlite
expect_rc 69
expect_err_has "（是不是 “streetlight”？）"
expect_eq "$(count)" "$before" "failed single intakes add nothing"

run meeting add --kind breakfst --title "早餐会" --date 2021-10-23
expect_rc 69
expect_err_has "--kind: 没有渠道“breakfst”（代码或名称）（是不是 “breakfast”？）"
run meeting add --kind breakfast --title "早餐会" --date 2021-10-32
expect_rc 64
expect_err_has "2021-10-32"
expect_eq "$(sql 'SELECT count(*) FROM meeting')" "0" "no meeting from bad options"

# --meeting to a real meeting: the channel follows the meeting's kind.
run meeting add --kind breakfast --title "环卫工人早餐会" --date 2021-10-23 --group "环卫工人"
expect_rc 0
expect_out "1"
run intake --title "会上提出" --meeting 1
expect_rc 0
expect_eq "$(sql "SELECT meeting, channel FROM \"case\" WHERE id = $out")" "1|breakfast" \
  "a meeting's case takes the meeting's channel"

# A big file is streamed in its one transaction: memory stays bounded
# whatever the size, and a bad row at the very end still adds nothing.
python3 - "$T/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("title,description,town,received_at\n")
    for i in range(60000):
        f.write(f"城东街道路灯不亮{i},市民反映路灯不亮，夜间出行不便，请尽快处理{i},城东街道,2025-10-{1 + i % 28:02d} 09:00\n")
PY
cp "$T/big.csv" "$T/big-bad.csv"
echo "最后一行,,城东街道,2025-13-01" >>"$T/big-bad.csv"
before=$(count)
/usr/bin/time -f "%M" -o "$T/rss" "$DUBAN" intake --file "$T/big-bad.csv" >"$T/out" 2>"$T/.err"
expect_eq "$?" "65" "a bad last row refuses the whole streamed file"
expect_eq "$(grep -c "big-bad.csv:60002" "$T/.err")" "1" "the bad row is named by its line"
expect_eq "$(wc -c <"$T/out")" "0" "no ids are printed for a refused file"
expect_eq "$(count)" "$before" "nothing of the refused file is added"
/usr/bin/time -f "%M" -o "$T/rss" "$DUBAN" intake --file "$T/big.csv" >"$T/out" 2>"$T/.err"
expect_eq "$?" "0" "a big file is taken in"
expect_eq "$(wc -l <"$T/out")" "60000" "an id per case"
expect_eq "$(head -1 "$T/out"),$(tail -1 "$T/out")" "$((before + 1)),$((before + 60000))" \
  "the ids are consecutive"
expect_eq "$(count)" "$((before + 60000))" "every row is added"
# Held whole before it was streamed, 100,000 such rows peaked at 248 MB.
expect_eq "$(($(cat "$T/rss") < 64 * 1024))" "1" "intake peaks under 64 MiB ($(cat "$T/rss") KB)"
run list --search 夜间出行不便 --limit 1 --format ids
expect_out "$((before + 1))"

# --quiet prints no ids, but adds the case.
before=$(count)
run --quiet intake --title "安静"
expect_rc 0
expect_out ""
expect_eq "$(count)" "$((before + 1))" "--quiet still adds"

finish
