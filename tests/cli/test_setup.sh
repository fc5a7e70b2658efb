#!/usr/bin/env bash
# Set-up as a newcomer meets it (issue 8): duban init writes the config that
# later commands read (--config, $DUBAN_CONFIG, ./duban.toml) and says so in
# zh or en; the starter config's calendar, categories, rules and ladder work;
# scripts/setup installs onto the PATH when asked; the crontab sets CRON_TZ;
# the format check fails on an unformatted file.
. "$DUBAN_SOURCE/tests/cli/lib.sh"

# --- init writes where $DUBAN_CONFIG says, folder and all ----------------------------------------
export DUBAN_CONFIG="$T/etc/duban/config.toml"
run init
expect_rc 0
expect_out_has "wrote $T/etc/duban/config.toml"
expect_out_has "store $T/etc/duban/duban.db"
expect_out_lacks "--config"  # later commands find it through $DUBAN_CONFIG
expect_eq "$(ls "$T/etc/duban")" $'config.toml\nduban.db' "init writes \$DUBAN_CONFIG, the store beside it"
expect_eq "$(ls "$T")" "etc" "nothing written in the current folder"
run unit list
expect_rc 0
expect_out_has "dcs"
run init  # in the words of the config's lang = "zh" now
expect_rc 0
expect_out_has "配置文件 $T/etc/duban/config.toml 已存在，保留不动"
expect_out_lacks "已写入"

# --write names the file, over $DUBAN_CONFIG; then later commands must be told.
run init --write "$T/w/other.toml"
expect_rc 0
expect_out_has "已写入配置文件 $T/w/other.toml"
expect_out_has "以后的命令请加 --config $T/w/other.toml，或设置 DUBAN_CONFIG=$T/w/other.toml"
expect_eq "$(ls "$T/w")" $'duban.db\nother.toml' "--write is written, not \$DUBAN_CONFIG"
unset DUBAN_CONFIG

# --- init writes where --config says -------------------------------------------------------------
run --config "$T/c/my.toml" init
expect_rc 0
expect_out_has "wrote $T/c/my.toml"
expect_out_has "give later commands --config $T/c/my.toml, or set DUBAN_CONFIG=$T/c/my.toml"
run --config "$T/c/my.toml" unit list
expect_rc 0
expect_out_has "city"
run --config "$T/c/a.toml" init --write "$T/c/b.toml"
expect_rc 64
expect_err_has "--config $T/c/a.toml and --write $T/c/b.toml name different files"
expect_eq "$(ls "$T/c")" $'duban.db\nmy.toml' "a refused init writes nothing"
touch "$T/afile"
run --config "$T/afile/x.toml" init
expect_rc 73
expect_err_has "cannot write $T/afile/x.toml"
expect_eq "$(ls "$T" | grep -c tmp)" "0" "no temporary file is left"

# --- the words: zh from the locale, and from the config once it exists ---------------------------
mkdir -p "$T/zh" && cd "$T/zh"
LANG=zh_CN.UTF-8 run init
expect_rc 0
expect_out_has "已写入配置文件 duban.toml"
expect_out_has "数据库 duban.db（结构版本 "
expect_out_has "下一步：在 duban.toml 中填写本地的单位"
expect_out_lacks "⟦"
# Apart from the file names and commands it shows, not one English word.
py_expect "$out" "print(re.findall(r'[A-Za-z]+', re.sub(r'/[^ （]*|duban[.](toml|db)|duban unit list|\[\[unit\]\]', '', data)))" \
  "[]" "init speaks only Chinese"
run init  # LANG=C.UTF-8, but the config says lang = "zh"
expect_rc 0
expect_out_has "配置文件 duban.toml 已存在，保留不动"
mkdir -p "$T/en" && cd "$T/en"
run init
expect_rc 0
expect_out_has "wrote duban.toml"
expect_out_has "next: put your own units ([[unit]]) in duban.toml"
expect_out_lacks "⟦"
run -q init
expect_rc 0
expect_out ""

# --- the starter config works from init to a monthly report -------------------------------------
cd "$T/zh"
run unit list
expect_rc 0
expect_out_has "市人民政府"
expect_out_has "督查室"
# 2026-09-30 (Wed): the National Day holiday (10-01..10-07) is skipped, so one
# working day to acknowledge ends on Thursday 10-08.
run --now "2026-09-30 15:00" intake --title 路灯不亮 --category city-management
expect_rc 0
expect_out "1"
run --now "2026-09-30 15:00" -q assign 1 --lead dcs --class A
expect_rc 0
# Friday 2026-10-09: Saturday 10-10 is a make-up working day (调休), so the ack is due then.
run --now "2026-10-09 10:00" intake --title 工资拖欠 --category wages
expect_rc 0
run --now "2026-10-09 10:00" -q assign 2 --lead dcs --class C
expect_rc 0
# The 12345 hotline: two hours to respond.
run --now "2026-10-09 10:00" intake --title 噪音扰民 --channel hotline --category environment
expect_rc 0
run --now "2026-10-09 10:00" -q assign 3 --lead dcs --class C
expect_rc 0
due=
for id in 1 2 3; do
  run --now "2026-10-09 11:00" --format json show $id
  expect_rc 0
  due+=$(printf '%s' "$out" | python3 -c 'import json, sys; c = json.load(sys.stdin); print((c[0] if isinstance(c, list) else c)["ack_due"], end=" ")')
done
expect_eq "$due" "2026-10-08T15:59:59Z 2026-10-10T15:59:59Z 2026-10-09T04:00:00Z " \
  "the starter's holidays, make-up day and hotline rule set the ack deadlines"
run --now "2026-10-09 10:00" intake --title 无此分类 --category nosuch
expect_rc_not 0
# The ladder: case 1 was not acknowledged by 10-08, so it is at level 1.
run --now "2026-10-09 12:00" escalate --auto
expect_rc 0
run --now "2026-10-09 12:00" --format json show 1
py_expect "$out" 'c = json.loads(data); c = c[0] if isinstance(c, list) else c; print(c["level"])' "1" \
  "escalate --auto applies the starter's ladder"
run --now "2026-11-01 07:00" report monthly --month 2026-10
expect_rc 0
expect_out_has "dcs"
expect_out_has "督查室"

# --- scripts/setup: PREFIX puts duban on the PATH; warnings are errors -----------------------------
# Run on a copy with cmake, dpkg-query and apt-get stubbed: each records what it
# was asked, and clang-format is "missing".
mkdir -p "$T/src/scripts" "$T/stub"
cp "$DUBAN_SOURCE/scripts/setup" "$T/src/scripts/"
for tool in cmake apt-get sudo; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$tool" "$T/stub.log" >"$T/stub/$tool"
done
printf '#!/bin/sh\n[ "$3" = clang-format ] || printf "install ok installed"\n' >"$T/stub/dpkg-query"
chmod +x "$T/stub/"*
PATH="$T/stub:$PATH" PREFIX="$T/prefix" bash "$T/src/scripts/setup" 2>"$T/.err"
rc=$? err=$(<"$T/.err") out=$(<"$T/stub.log")
expect_rc 0
expect_out_has "apt-get install -y -qq --no-install-recommends clang-format"
expect_out_has "-DDUBAN_WERROR=ON"
expect_out_has "cmake --install build --prefix $T/prefix"
expect_err_has "setup: installed $T/prefix/bin/duban"
rm "$T/stub.log"
PATH="$T/stub:$PATH" bash "$T/src/scripts/setup" 2>"$T/.err"
rc=$? err=$(<"$T/.err") out=$(<"$T/stub.log")
expect_rc 0
expect_out_has "cmake --build build"
expect_out_lacks "--install"
# What `cmake --install` puts there: duban on the PATH, and what the crontab runs.
out=$(cmake --install "$(dirname "$DUBAN")" --prefix "$T/prefix" 2>&1)
rc=$?
expect_rc 0
out=$(cd "$T/en" && PATH="$T/prefix/bin:/usr/bin:/bin" duban unit list 2>&1)
rc=$?
expect_rc 0
expect_out_has "dcs"
for script in $(grep -o '/usr/local/share/duban/[^ ]*' "$EXAMPLES/crontab"); do
  checks=$((checks + 1))
  [ -x "$T/prefix/${script#/usr/local/}" ] || fail "the crontab's $script is not installed"
done

# --- the crontab: cron reads its times in CRON_TZ, set before the first job -----------------------
out=$(grep -n -m1 -E '^CRON_TZ=|^[0-9*]' "$EXAMPLES/crontab")
expect_out_has "CRON_TZ=Asia/Shanghai"

# --- the format check fails on an unformatted file, and names it ---------------------------------
mkdir -p "$T/fmt/scripts" "$T/fmt/cmd" "$T/fmt/lib" "$T/fmt/tests/unit"
cp "$DUBAN_SOURCE/scripts/check-format" "$T/fmt/scripts/"
cp "$DUBAN_SOURCE/.clang-format" "$T/fmt/"
printf 'int x = 1;\n' >"$T/fmt/cmd/good.cpp"
out=$(bash "$T/fmt/scripts/check-format" 2>&1)
rc=$?
expect_rc 0
printf 'int  f( ){return 1;}\n' >"$T/fmt/lib/bad.hpp"
out=$(bash "$T/fmt/scripts/check-format" 2>&1)
rc=$?
expect_rc 1
expect_out_has "lib/bad.hpp"
expect_out_lacks "cmd/good.cpp"

finish
