#!/usr/bin/env bash
# Names, not codes (SPEC §9): units, categories, channels and meetings by
# code or exact name in options and files; a WPS sheet with Chinese headers,
# Excel times and GB18030; the encoding hints; JSON Lines faults; receipts as
# read out; the store's faults as kinds. In zh and en.
source "$(dirname "$0")/lib.sh"

city() { # city LANG: the config, in that language
  cat <<EOF
lang = "$1"
store = "duban.db"
channels = ["breakfast", { code = "hotline", name = "12345热线" }, "grid"]
[[unit]]
code = "city"
name = "三明市"
[[unit]]
code = "cgj"
name = "市城市管理局"
parent = "city"
[[unit]]
code = "rsj"
name = "市人社局"
parent = "city"
[[unit]]
code = "t1"
name = "综合办"
parent = "city"
[[unit]]
code = "t2"
name = "综合办"
parent = "city"
[[category]]
code = "wages"
name = "工资待遇"
[[category]]
code = "streetlight"
name = "路灯照明"
EOF
}
city zh >"$T/zh.toml"
city en >"$T/en.toml"
export DUBAN_CONFIG="$T/zh.toml" DUBAN_NOW="2025-09-29T09:00:00+08:00"
count() { sql 'SELECT count(*) FROM "case"'; }

# --- options by name ------------------------------------------------------------------------------
run intake --title "路灯不亮" --channel 12345热线 --category 路灯照明 --class b
expect_rc 0
expect_out "1"
expect_eq "$(sql 'SELECT channel, category, class FROM "case" WHERE id = 1')" "hotline|streetlight|B" \
  "a channel and a category by name are stored by code, the class in upper case"
run assign 1 --lead 市城市管理局 --co 市人社局 --class a
expect_rc 0
expect_eq "$(sql 'SELECT lead_unit, class FROM "case" WHERE id = 1')" "cgj|A" "the lead by its name"
expect_eq "$(sql 'SELECT unit FROM co_unit WHERE case_id = 1')" "rsj" "a co-unit by its name"
run --format ids list --unit 市人社局
expect_out "1"
run --format ids list --category 路灯照明 --channel 12345热线 --class a
expect_out "1"
run ack 1 --unit 市城市管理局
expect_rc 0
expect_eq "$(sql 'SELECT status FROM "case" WHERE id = 1')" "in_progress" "ack --unit by name"
run escalate 1 --whistle 市人社局,综合办 --reason "会商"
expect_rc 64
expect_err_has "duban: 错误: --whistle: “综合办” 是多个的名称（t1、t2），请用代码"
run escalate 1 --whistle 市人社局,t1 --reason "会商"
expect_rc 0
expect_eq "$(sql "SELECT group_concat(unit, ',') FROM (SELECT unit FROM summons ORDER BY unit)")" "rsj,t1" \
  "summoned by name and by code"
run escalate 1 --to 三明市 --reason "上移"
expect_rc 0
expect_eq "$(sql 'SELECT lead_unit FROM "case" WHERE id = 1')" "city" "escalate --to by name"
run remind --unit 三明市
expect_rc 0

# A name two units share is refused with both codes; their codes still serve.
run intake --title "综合问题"
run assign 2 --lead 综合办
expect_rc 64
expect_err_has "duban: 错误: --lead: “综合办” 是多个的名称（t1、t2），请用代码"
run --config "$T/en.toml" assign 2 --lead 综合办
expect_rc 64
expect_err_has "duban: error: --lead: '综合办' is the name of several (t1, t2); give the code"
run assign 2 --lead t2 --class C
expect_rc 0

# What names nothing: 69, with the nearest of codes and names.
run assign 2 --lead 市城市管里局 --reason x
expect_rc 69
expect_err "duban: 错误: --lead: 没有单位“市城市管里局”（代码或名称）（是不是 “市城市管理局”？）"
run --config "$T/en.toml" assign 2 --lead cgk --reason x
expect_rc 69
expect_err "duban: error: --lead: unknown unit 'cgk' (neither a code nor a name) (did you mean 'cgj'?)"
# list --category bogus was an empty list with 0.
run list --category 工资代遇
expect_rc 69
expect_err "duban: 错误: --category: 没有类别“工资代遇”（代码或名称）（是不是 “工资待遇”？）"
run --config "$T/en.toml" list --category wagez
expect_rc 69
expect_err "duban: error: --category: unknown category 'wagez' (neither a code nor a name) (did you mean 'wages'?)"
run --config "$T/en.toml" list --channel 12345热
expect_rc 69
expect_err_has "(did you mean '12345热线'?)"
run --config "$T/en.toml" ack 1 --unit nobody
expect_rc 69
expect_err_has "duban: error: --unit: unknown unit 'nobody'"

# A channel's name in the config is the name its report group shows.
run --format json report monthly --by channel --month 2025-09
expect_rc 0
expect_out_has '"key": "hotline",'$'\n''      "name": "12345热线",'

# --- meetings by id or title; a missing one is 69 like assign's ---------------------------------
run meeting add --kind breakfast --title "环卫工人早餐会" --date 2025-09-27
expect_rc 0
run intake --title "早餐会上的问题" --meeting 环卫工人早餐会
expect_rc 0
id=$out
expect_eq "$(sql "SELECT meeting, channel FROM \"case\" WHERE id = $id")" "1|breakfast" "a meeting by its title"
run --format ids list --meeting 环卫工人早餐会
expect_out "$id"
run report meeting 环卫工人早餐会
expect_rc 0
expect_out_has "环卫工人早餐会"
run report meeting 环卫工人早饭会
expect_rc 69
expect_err_has "（是不是 “环卫工人早餐会”？）"
run intake --title "无此会议" --meeting 9
expect_rc 69
expect_err "duban: 错误: --meeting: 没有会议“9”（编号或名称）"
run --config "$T/en.toml" intake --title "无此会议" --meeting 环卫工人早饭会
expect_rc 69
expect_err "duban: error: --meeting: no meeting '环卫工人早饭会' (neither an id nor a title) (did you mean '环卫工人早餐会'?)"
printf '标题,会议\n会上另一件事,环卫工人早餐会\n' >"$T/meeting.csv"
run intake --file "$T/meeting.csv"
expect_rc 0
expect_eq "$(sql "SELECT meeting FROM \"case\" WHERE id = $out")" "1" "a file's 会议 by the meeting's title"
printf '标题,会议\n会上另一件事,早饭会\n' >"$T/nomeeting.csv"
run intake --file "$T/nomeeting.csv"
expect_rc 65
expect_err "duban: 错误: $T/nomeeting.csv:2: meeting: 没有会议“早饭会”（编号或名称）"
run meeting add --kind 12345热线 --title "热线分析会" --date 2025-09-28
expect_rc 0
expect_eq "$(sql 'SELECT kind FROM meeting WHERE id = 2')" "hotline" "meeting add --kind by the channel's name"

# --- a WPS sheet: Chinese headers, Excel times, names, GB18030 ----------------------------------
before=$(count)
cat >"$T/wps.csv" <<'EOF'
标题,内容,来源,类别,分类,反映人,联系电话,街道,社区,受理时间
新华路路灯不亮,三盏路灯,12345热线,路灯照明,b,王某,13800000001,城东街道,新华社区,2025/9/27 9:00
环卫工人工资偏低,,breakfast,工资待遇,a,李某,,城东街道,,2025年9月27日 9时5分
欠薪,,grid,wages,C,,,,,2025-9-28 10:30:05
EOF
iconv -f utf-8 -t gb18030 "$T/wps.csv" >"$T/wps-gb.csv"
run intake --file "$T/wps-gb.csv"
expect_rc 65
expect_err "duban: 错误: $T/wps-gb.csv:1: 不是有效的 UTF-8，但可按 GB18030 读出：请加 --encoding gb18030"
run --config "$T/en.toml" intake --file "$T/wps-gb.csv"
expect_rc 65
expect_err "duban: error: $T/wps-gb.csv:1: invalid UTF-8, but it reads as GB18030: give --encoding gb18030"
expect_eq "$(count)" "$before" "a GB18030 sheet read as UTF-8 adds nothing"
run intake --file "$T/wps-gb.csv" --encoding gb18030
expect_rc 0
expect_eq "$(count)" "$((before + 3))" "the sheet is taken in"
first=$((before + 1))
expect_eq "$(sql "SELECT title, description, channel, category, class, requester, town, village, received_at FROM \"case\" WHERE id = $first")" \
  "新华路路灯不亮|三盏路灯|hotline|streetlight|B|王某|城东街道|新华社区|2025-09-27T01:00:00Z" \
  "Chinese headers, names and an Excel time read as their fields"
expect_eq "$(sql "SELECT received_at, class FROM \"case\" WHERE id = $((first + 1))")" "2025-09-27T01:05:00Z|A" \
  "2025年9月27日 9时5分"
expect_eq "$(sql "SELECT received_at, category FROM \"case\" WHERE id = $((first + 2))")" "2025-09-28T02:30:05Z|wages" \
  "2025-9-28 10:30:05"

# --encoding gb18030 on a UTF-8 sheet is refused: 路灯 would become 璺伅 for ever.
before=$(count)
run intake --file "$T/wps.csv" --encoding gb18030
expect_rc 65
expect_err "duban: 错误: $T/wps.csv:1: 给了 --encoding gb18030，但文件是含中文的有效 UTF-8：去掉 --encoding 再试"
run --config "$T/en.toml" intake --file "$T/wps.csv" --encoding GB18030
expect_rc 65
expect_err_has "wps.csv:1: --encoding gb18030 given, but the file is valid UTF-8 with non-ASCII text"
expect_eq "$(count)" "$before" "nothing added"
expect_eq "$(sql "SELECT count(*) FROM \"case\" WHERE title LIKE '%璺伅%'")" "0" "no mojibake stored"

# A sheet that names what does not exist: 65 (bad data), with its line.
printf '标题,类别\n甲,路灯照明\n乙,路等照明\n' >"$T/badcat.csv"
run --config "$T/en.toml" intake --file "$T/badcat.csv"
expect_rc 65
expect_err "duban: error: $T/badcat.csv:3: category: unknown category '路等照明' (neither a code nor a name) (did you mean '路灯照明'?)"
printf 'title,标题\n甲,乙\n' >"$T/twice.csv"
run intake --file "$T/twice.csv"
expect_rc 65
expect_err "duban: 错误: $T/twice.csv:1: 列“标题”重复"

# --- JSON Lines: every bad row; a .json file of JSON Lines ----------------------------------------
before=$(count)
printf '{"title": "好"}\n{"title": }\n[1]\n{"title": "a", "title": "b"}\n{"title": {"x": 1}}\n' >"$T/bad.jsonl"
run --config "$T/en.toml" intake --file "$T/bad.jsonl"
expect_rc 65
expect_err_has "bad.jsonl:2: invalid JSON: "
expect_err_has $'\n'"$T/bad.jsonl:3: expected a JSON object, not array"
expect_err_has $'\n'"$T/bad.jsonl:4: title: duplicate key"
expect_err_has $'\n'"$T/bad.jsonl:5: title: must be a string, a number or an array of strings"
run intake --file "$T/bad.jsonl"
expect_err_has "bad.jsonl:3: 应是 JSON 对象，而不是 array"
expect_err_has "bad.jsonl:4: title: 键重复"
expect_eq "$(count)" "$before" "a JSON Lines file with bad rows adds nothing"
printf '{"title": "来自 .json", "channel": "12345热线"}\n{"title": "第二行"}\n' >"$T/rows.json"
run intake --file "$T/rows.json"
expect_rc 0
expect_out "$((before + 1))"$'\n'"$((before + 2))"
expect_eq "$(sql "SELECT channel FROM \"case\" WHERE id = $((before + 1))")" "hotline" ".json read as JSON Lines"

# --- receipts as a requester reads them out -------------------------------------------------------
receipt=$(sql 'SELECT receipt FROM "case" WHERE id = 1')
spoken=$(printf '%s' "$receipt" | tr -d '-' | tr 'A-Z' 'a-z' | sed 's/./& /g')
run --format json show --receipt "$spoken"
expect_rc 0
expect_out_has '"id": 1,'
run show --receipt "zzzz-zzzz"
expect_rc 69

# --- the store's faults, from reads too -----------------------------------------------------------
cp duban.db damaged.db
sqlite3 damaged.db "DROP TABLE summons"
run --store damaged.db remind
expect_rc 65
expect_out ""
expect_err "duban: 错误: 存储 damaged.db 不是 duban 存储或已损坏（no such table: summons）：运行 “duban doctor”"
run --config "$T/en.toml" --store damaged.db remind
expect_rc 65
expect_err "duban: error: the store damaged.db is not a duban store or is damaged (no such table: summons); run 'duban doctor'"
run --config "$T/en.toml" --store damaged.db ack 1 --unit rsj
expect_rc 65
expect_err_has "duban: error: the store damaged.db is not a duban store or is damaged (no such table: "
# With no config at all: English from the locale.
unset DUBAN_CONFIG
run --store "$T/none.db" list
expect_rc 66
expect_err "duban: error: no store at $T/none.db (run 'duban init' to create one)"
: >"$T/empty.db"
run --store "$T/empty.db" list
expect_rc 66
expect_err "duban: error: $T/empty.db is empty, not a duban store (run 'duban init' to create one)"

finish
