#!/usr/bin/env bash
# Configuration (SPEC §5): where it is found, where the store goes, what a
# bad config says (file:line:column, the key, exit 78), duban init, and the
# example city.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_NOW=2026-11-09T09:00:00+08:00
# A config whose one unit names where it was read from.
config_named() { printf 'store = "%s.db"\n\n[[unit]]\ncode = "%s"\nname = "%s"\n' "$1" "$1" "$1"; }
codes() { out=$("$DUBAN" "$@" --format csv unit list 2>"$T/.err"); rc=$?; err=$(<"$T/.err"); out=$(printf '%s\n' "$out" | cut -d, -f1 | tail -n +2); }

mkdir -p "$T/flag" "$T/env" "$T/work" "$XDG_CONFIG_HOME/duban"
config_named flag >"$T/flag/duban.toml"
config_named env >"$T/env/duban.toml"
config_named cwd >"$T/work/duban.toml"
config_named xdg >"$XDG_CONFIG_HOME/duban/config.toml"

# --- discovery order --------------------------------------------------------------------
cd "$T/work"
codes --config "$T/flag/duban.toml"
expect_rc 0
expect_out "flag"
export DUBAN_CONFIG="$T/env/duban.toml"
codes --config "$T/flag/duban.toml"
expect_out "flag"
codes
expect_rc 0
expect_out "env"
unset DUBAN_CONFIG
codes
expect_out "cwd"
cd "$T"
codes
expect_out "xdg"
rm "$XDG_CONFIG_HOME/duban/config.toml"
# XDG_CONFIG_HOME unset: the XDG default, ~/.config.
mkdir -p "$T/home2/.config/duban"
config_named homecfg >"$T/home2/.config/duban/config.toml"
out=$(HOME="$T/home2" XDG_CONFIG_HOME= "$DUBAN" --format csv unit list | tail -1 | cut -d, -f1)
expect_eq "$out" "homecfg" "without XDG_CONFIG_HOME: ~/.config/duban/config.toml"
# None: the built-in defaults; the store in $XDG_DATA_HOME.
codes
expect_rc 0
expect_out ""
run intake --title "没有配置文件"
expect_rc 0
expect_out "1"
expect_eq "$(STORE="$XDG_DATA_HOME/duban/duban.db" sql 'SELECT title FROM "case"')" "没有配置文件" \
  "with no config the store is \$XDG_DATA_HOME/duban/duban.db"
run intake --title "热线" --channel hotline --category anything
expect_rc 0
expect_eq "$(STORE="$XDG_DATA_HOME/duban/duban.db" sql 'SELECT channel FROM "case" WHERE id = 2')" "hotline" \
  "the default channels"

# A config named but missing: 66, not the defaults.
run --config "$T/nope.toml" unit list
expect_rc 66
expect_err_has "nope.toml"
# A folder is not a config file.
run --config "$T/flag" unit list
expect_rc 66
expect_err_has "$T/flag"
run_env() { out=$(env "$@" 2>"$T/.err"); rc=$?; err=$(<"$T/.err"); }
run_env DUBAN_CONFIG="$T/nope.toml" "$DUBAN" unit list
expect_rc 66
expect_err_has "nope.toml"

# --- the store path ------------------------------------------------------------------------
# Relative to the config file, not to the working directory.
cd "$T/work"
run --config "$T/flag/duban.toml" intake --title "存到配置旁边"
expect_rc 0
expect_eq "$(ls "$T/flag")" $'duban.toml\nflag.db' "relative store next to its config"
expect_eq "$(ls "$T/work")" "duban.toml" "nothing in the working directory"
cd "$T"
run --config flag/duban.toml intake --title "相对的配置路径"
expect_rc 0
expect_eq "$(STORE="$T/flag/flag.db" sql 'SELECT count(*) FROM "case"')" "2" "a relative --config too"
printf 'store = "data/sub/deep.db"\n' >"$T/flag/deep.toml"
run --config "$T/flag/deep.toml" intake --title "子目录"
expect_rc 0
expect_eq "$(STORE="$T/flag/data/sub/deep.db" sql 'SELECT count(*) FROM "case"')" "1" "the store's folders are made"
printf 'store = "%s"\n' "$T/abs.db" >"$T/flag/abs.toml"
run --config "$T/flag/abs.toml" intake --title "绝对路径"
expect_rc 0
expect_eq "$(STORE="$T/abs.db" sql 'SELECT count(*) FROM "case"')" "1" "an absolute store path"
# --store and DUBAN_STORE override the config; --store wins.
run --config "$T/flag/duban.toml" --store "$T/opt.db" intake --title "--store"
expect_rc 0
expect_eq "$(STORE="$T/opt.db" sql 'SELECT title FROM "case"')" "--store" "--store overrides the config"
run_env DUBAN_STORE="$T/envstore.db" "$DUBAN" --config "$T/flag/duban.toml" intake --title "DUBAN_STORE"
expect_rc 0
expect_eq "$(STORE="$T/envstore.db" sql 'SELECT title FROM "case"')" "DUBAN_STORE" "DUBAN_STORE overrides the config"
run_env DUBAN_STORE="$T/envstore.db" "$DUBAN" --config "$T/flag/duban.toml" --store "$T/opt.db" intake --title "both"
expect_rc 0
expect_eq "$(STORE="$T/opt.db" sql 'SELECT count(*) FROM "case"')|$(STORE="$T/envstore.db" sql 'SELECT count(*) FROM "case"')" \
  "2|1" "--store beats DUBAN_STORE"
expect_eq "$(STORE="$T/flag/flag.db" sql 'SELECT count(*) FROM "case"')" "2" "the config's store untouched"

# --- bad configs: 78, file:line:column, the key ------------------------------------------------
bad() { # bad NAME TOML: writes $T/bad/NAME.toml and runs unit list with it
  mkdir -p "$T/bad"
  printf '%s' "$2" >"$T/bad/$1.toml"
  run --config "$T/bad/$1.toml" unit list
}
bad typo $'timezone = "Asia/Shanghai"\n\n[deadlines]\nack = "1wd"\nreslove = { A = "20wd", B = "60wd", C = "5wd" }\n'
expect_rc 78
expect_out ""
expect_err_has "typo.toml:5:1"
expect_err_has "deadlines.reslove"
expect_err_has "deadlines.reslove: 未知的键（是不是 “resolve”？）"
# The same fault in English, as a config with lang = "en" says it.
bad typo_en $'lang = "en"\n[deadlines]\nreslove = "5wd"\n'
expect_rc 78
expect_err "duban: error: $T/bad/typo_en.toml:3:1: deadlines.reslove: unknown key (did you mean 'resolve'?)"
bad topkey $'storre = "x.db"\n'
expect_rc 78
expect_err_has "topkey.toml:1:1"
expect_err_has "storre"
expect_err_has "（是不是 “store”？）"
bad unitkey $'[[unit]]\ncode = "city"\nname = "三明市"\nemial = "a@b.cn"\n'
expect_rc 78
expect_err_has "unitkey.toml:4"
expect_err_has "unit.emial"
bad duration $'[deadlines]\nack = "1 wd"\n'
expect_rc 78
expect_err_has "duration.toml:2:7"
expect_err_has "deadlines.ack"
expect_err_has "“1 wd” 不是时长"
bad duration_en $'lang = "en"\n[deadlines]\nack = "1 wd"\n'
expect_err_has "duration_en.toml:3:7: deadlines.ack: '1 wd' is not a duration"
bad classdur $'[deadlines]\nresolve = { A = "20wd", B = "sixty days", C = "5wd" }\n'
expect_rc 78
expect_err_has "classdur.toml:2"
expect_err_has "sixty days"
bad zone $'timezone = "Asia/Shanghia"\n'
expect_rc 78
expect_err_has "zone.toml:1:12"
expect_err_has "timezone"
expect_err_has "Asia/Shanghia"
bad range $'[calendar]\nholidays = [\n  "2025-10-01..2025-10-08",\n  "2025-10-08..2025-10-01",\n]\n'
expect_rc 78
expect_err_has "range.toml:4:3"
expect_err_has "calendar.holidays"
expect_err_has "2025-10-08..2025-10-01"
bad baddate $'[calendar]\nworkdays = ["2025-02-30"]\n'
expect_rc 78
expect_err_has "baddate.toml:2"
expect_err_has "calendar.workdays"
bad weekday $'[calendar]\nweekend = ["sat", "sunday"]\n'
expect_rc 78
expect_err_has "weekday.toml:2"
expect_err_has "sunday"
# Regression: a weekend of all seven days loaded, and "5wd" then never ends.
bad allweekend $'lang = "en"\n[calendar]\nweekend = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
expect_rc 78
expect_err_has "allweekend.toml:3:11: calendar.weekend: lists all seven days"
# Regression: codes that --co a,b cannot name were accepted.
bad commacode $'[[unit]]\ncode = "cgj,rsj"\n'
expect_rc 78
expect_err_has "commacode.toml:2:8: unit.code: “cgj,rsj” 不是代码"
bad spacecode $'lang = "en"\n[[category]]\ncode = "street light"\n'
expect_rc 78
expect_err_has "spacecode.toml:3:8: category.code: 'street light' is not a code"
bad parent $'[[unit]]\ncode = "city"\nname = "三明市"\n\n[[unit]]\ncode = "cgj"\nname = "市城市管理局"\nparent = "citi"\n'
expect_rc 78
expect_err_has "parent.toml:8:10"
expect_err_has "unit.parent"
expect_err_has "没有“citi”（是不是 “city”？）"
bad twice $'[[unit]]\ncode = "city"\n[[unit]]\ncode = "city"\n'
expect_rc 78
expect_err_has "twice.toml:4"
expect_err_has "city"
bad syntax $'timezone = "Asia/Shanghai\nlang = "zh"\n'
expect_rc 78
expect_err_has "syntax.toml:1"
bad syntax2 $'[deadlines\nack = "1wd"\n'
expect_rc 78
expect_err_has "syntax2.toml:1"
bad lang $'lang = "fr"\n'
expect_rc 78
expect_err_has "lang.toml:1:8"
expect_err_has "lang"
bad type $'timezone = 8\n'
expect_rc 78
expect_err_has "type.toml:1"
expect_err_has "timezone"
bad rulechan $'[[deadlines.rule]]\nchannel = "hotlin"\nack = "2h"\n'
expect_rc 78
expect_err_has "rulechan.toml:2:11: deadlines.rule.channel: 没有“hotlin”（是不是 “hotline”？）"
bad rulechan_en $'lang = "en"\n[[deadlines.rule]]\nchannel = "hotlin"\nack = "2h"\n'
expect_rc 78
expect_err_has "rulechan_en.toml:3:11: deadlines.rule.channel: unknown 'hotlin' (did you mean 'hotline'?)"
# A channel with a name; a rule may match it by that name.
bad channames $'lang = "en"\nchannels = [{ code = "hotline", nam = "12345热线" }]\n'
expect_rc 78
expect_err_has "channames.toml:2:33: channels.nam: unknown key (did you mean 'name'?)"
bad chantype $'channels = [8]\n'
expect_rc 78
expect_err_has "chantype.toml:1:13: channels: 渠道须是代码字符串或 { code = \"…\", name = \"…\" }"
bad weights $'[scorecard]\nweights = { ack_rate = 0.2, closure = 0.4 }\n'
expect_rc 78
expect_err_has "weights.toml:2"
expect_err_has "closure"
# A bad config stops every command, even those that need no units, and
# creates no store.
mkdir -p "$T/badstore"
printf 'store = "s.db"\nlang = "fr"\n' >"$T/badstore/duban.toml"
run --config "$T/badstore/duban.toml" intake --title x
expect_rc 78
expect_eq "$(ls "$T/badstore")" "duban.toml" "no store made with a bad config"
# DUBAN_CONFIG and ./duban.toml are checked just as strictly.
run_env DUBAN_CONFIG="$T/bad/typo.toml" "$DUBAN" unit list
expect_rc 78
expect_err_has "deadlines.reslove"
mkdir -p "$T/badcwd" && cp "$T/bad/zone.toml" "$T/badcwd/duban.toml"
cd "$T/badcwd"
run unit list
expect_rc 78
expect_err_has "duban.toml:1:12"
cd "$T"

# --- duban init ---------------------------------------------------------------------------------
mkdir -p "$T/fresh" && cd "$T/fresh"
run init
expect_rc 0
expect_out_has "duban.toml"
expect_eq "$(ls)" $'duban.db\nduban.toml' "init writes duban.toml and creates the store"
export STORE="$T/fresh/duban.db"
expect_eq "$(sql 'PRAGMA user_version')" "$(ls "$DUBAN_SOURCE"/schemas/[0-9]*.sql | wc -l)" "the new store has the whole schema"
expect_eq "$(stat -c %a duban.db)" "600" "the new store is owner-only"
run unit list
expect_rc 0
expect_out_has "city"
run intake --title "初始化之后"
expect_rc 0
expect_out "1"
cp duban.toml before.toml
printf '\n# my edit\n' >>duban.toml
run init
expect_rc 0
expect_out_has "配置文件 duban.toml 已存在，保留不动"  # the config says lang = "zh"
expect_eq "$(tail -1 duban.toml)" "# my edit" "init does not overwrite a config"
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "1" "init keeps the store's cases"
rm before.toml
unset STORE
cd "$T"

# --- the example city -----------------------------------------------------------------------------
run --config "$EXAMPLES/duban.toml" unit list
expect_rc 0
expect_out_has "三明市"
expect_out_has "市城市管理局"
expect_out_has "何光桂"
expect_out_has "瑞云村"
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "代码 名称 负责人 邮箱" "unit list header (the example config is in zh)"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p | tr -s ' ')" "city 三明市" "the root first"
expect_eq "$(printf '%s\n' "$out" | wc -l)" "26" "25 units and a header"
run --config "$EXAMPLES/duban.toml" --format csv unit list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | head -1)" "code,name,parent,head,email" "unit list csv: the tree's parent column"
expect_out_has "sy-cd-xh,新华社区,sy-cd,谢美玲,"
run --config "$EXAMPLES/duban.toml" --format json unit list
expect_rc 0
py_expect "$out" 'u = {x["code"]: x for x in json.loads(data)}; print(len(u), u["sy-cd-xh"]["parent"], u["city"]["parent"], u["cgj"]["name"], u["cgj"]["email"])' \
  "25 sy-cd None 市城市管理局 cgj@example.gov.cn" "unit list json"
run --config "$EXAMPLES/duban.toml" --store "$T/example.db" intake --file "$EXAMPLES/breakfast-2021-10-23.csv" --dry-run
expect_rc 0
expect_err_has "11"

# Regression: loading a config and unit list were quadratic in the units
# (100,000 took minutes); 20,000 in a tree of ten children each load and list.
awk 'BEGIN { print "[[unit]]\ncode = \"u0\""
             for (i = 1; i < 20000; i++) printf "[[unit]]\ncode = \"u%d\"\nparent = \"u%d\"\n", i, int((i - 1) / 10) }' \
  >"$T/many-units.toml"
codes --config "$T/many-units.toml"
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | wc -l)" "20000" "every unit is listed"
expect_eq "$(printf '%s\n' "$out" | head -4 | tr '\n' ' ')" "u0 u1 u11 u111 " "depth-first, each under its parent"

finish
