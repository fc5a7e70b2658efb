#!/usr/bin/env bash
# The command line speaks the config's language (SPEC §10): the help of the
# app and of every command, usage errors that name the nearest known word
# and point at that command's help, and the tables people read; JSON and
# CSV keep their English keys and codes.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ZH="$EXAMPLES/duban.toml"
EN="$T/en.toml"
sed 's/^lang = "zh"/lang = "en"/' "$ZH" >"$EN"
grep -q '^lang = "en"' "$EN" || fail "the English copy of the example config says lang = en"
export DUBAN_STORE="$T/duban.db" DUBAN_NOW=2026-11-09T09:00:00+08:00

# --- help: every command, every level ------------------------------------------------------------
# The commands a help screen lists under its commands heading.
commands_of() { # commands_of HELP HEADING
  printf '%s\n' "$1" | awk -v h="$2:" '$0 == h { on = 1; next } on && /^  [a-z]/ { print $1; next } on { on = 0 }'
}
for lang in zh en; do
  if [ "$lang" = zh ]; then config=$ZH heading=命令; else config=$EN heading=Commands; fi
  run --config "$config" --help
  expect_rc 0
  top=$(commands_of "$out" "$heading")
  # At least the 19 commands of today; a command added later is checked too.
  n=$(printf '%s\n' "$top" | wc -l)
  expect_eq "$([ "$n" -ge 19 ] && echo yes)" yes "$lang: the app's help lists every command ($n)"
  screens=("")
  for c in $top; do
    screens+=("$c")
    run --config "$config" "$c" --help
    for s in $(commands_of "$out" "$heading"); do screens+=("$c $s"); done
  done
  expect_eq "$([ "${#screens[@]}" -ge 27 ] && echo yes)" yes \
    "$lang: the app, its commands and the subcommands of report, meeting and unit (${#screens[@]})"
  for screen in "${screens[@]}"; do
    # shellcheck disable=SC2086 # the words of the screen are the command line
    run --config "$config" $screen --help
    expect_rc 0
    expect_out_lacks "⟦"
    if [ "$lang" = zh ]; then
      expect_out_has "用法: duban${screen:+ $screen}"
      # Left once option names, placeholders kept as codes, the codes a
      # person types and names of files and formats are taken out, nothing
      # English is left.
      py_expect "$out" '
s = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", data)
s = re.sub(r"\$[A-Z_]+|\S+\.(toml|jsonl|db)\b|\b[0-9]+[a-z]+\b", " ", s)
kept = set("duban table json jsonl csv tsv ids md html CSV JSON Lines UTF-8 BOM Excel gb18030 store from to "
           "received listed in_progress resolved closed solved explained satisfied basic unsatisfied "
           "unit category channel class town previous current breakfast night-talk A B C "
           "init intake assign ack return note resolve close reopen followup escalate remind report list show "
           "meeting doctor backup monthly scorecard topics add suspend resume extend merge unmerge appeal amend issue "
           "slip text A4 topic link".split())
print(" ".join(sorted(set(re.findall(r"[A-Za-z][A-Za-z0-9_-]*", s)) - kept)))' "" "zh help of 'duban $screen' has no English words"
      if [ -n "$screen" ]; then
        expect_out_has "全局选项"
        expect_out_has "--config"
        expect_out_has "--format"
      fi
    else
      expect_out_has "Usage: duban${screen:+ $screen}"
      expect_out_has "Print this help and exit"
      py_expect "$out" 'print("".join(sorted(set(re.findall(r"[\u3000-\u9fff\uff00-\uffef]", data.replace("环卫工人", "").replace("中文", ""))))))' \
        "" "en help of 'duban $screen' has no Chinese but its examples"
      [ -n "$screen" ] && expect_out_has "Global options"
    fi
  done
done

# The words of a few screens, in both languages.
run --config "$ZH" list --help
expect_out_has "列出符合全部条件的案件"
expect_out_has "--status 状态"
expect_out_has "--as 姓名"
expect_out_has "--store 路径"
expect_out_has "显示本帮助并退出"
run --config "$ZH" assign --help
expect_out_has "--lead 单位（必填）"
expect_out_has "编号…（必填）"
run --config "$EN" assign --help
expect_out_has "--lead UNIT (required)"
expect_out_has "Usage: duban assign [OPTIONS] ID..."
run --config "$EN" list --help
expect_out_has "--show-contact"
# With no config the locale decides: English here, Chinese for LANG=zh_CN.
run --help
expect_out_has "Usage: duban [OPTIONS] COMMAND"
out=$(LANG=zh_CN.UTF-8 "$DUBAN" --help)
expect_out_has "用法: duban [选项] 命令"

# --- usage errors: 64, the nearest name at every level, that command's help --------------------
usage() { # usage LANG ARGS...: runs duban with LANG's config and expects a usage error
  local config=$ZH
  [ "$1" = en ] && config=$EN
  shift
  run --config "$config" "$@"
  expect_rc 64
  expect_out ""
}
usage en repot
expect_err "duban: error: 'duban' has no command 'repot' (did you mean 'report'?)
(run 'duban --help' for the commands and options)"
usage zh repot
expect_err "duban: 错误: “duban” 没有命令 “repot”（是不是 “report”？）
（运行 “duban --help” 查看命令和选项）"
usage en report monthy
expect_err_has "'duban report' has no command 'monthy' (did you mean 'monthly'?)"
expect_err_has "(run 'duban report --help'"
usage zh report monthy
expect_err_has "“duban report” 没有命令 “monthy”（是不是 “monthly”？）"
expect_err_has "“duban report --help”"
usage en meeting ad --kind breakfast
expect_err_has "did you mean 'add'?"
expect_err_has "'duban meeting --help'"
usage zh meeting ad
expect_err_has "是不是 “add”"
expect_err_has "“duban meeting --help”"
usage en unit lst
expect_err_has "did you mean 'list'?"
expect_err_has "'duban unit --help'"
usage zh unit lst
expect_err_has "是不是 “list”"
usage en list --stauts received
expect_err_has "'duban list' has no option '--stauts' (did you mean '--status'?)"
expect_err_has "'duban list --help'"
usage zh list --stauts received
expect_err_has "“duban list” 没有选项 “--stauts”（是不是 “--status”？）"
expect_err_has "“duban list --help”"
usage en report monthly --bye unit
expect_err_has "did you mean '--by'?"
expect_err_has "'duban report monthly --help'"
usage zh --fromat json list
expect_err_has "是不是 “--format”"
expect_err_has "“duban --help”"
usage en list --bogus
expect_err_has "has no option '--bogus'"
expect_err_lacks "did you mean"
# A missing command, option, argument or value.
usage en report
expect_err_has "'duban report' needs a command: monthly, meeting, scorecard, topics"
usage zh report
expect_err_has "“duban report” 需要一个命令：monthly、meeting、scorecard、topics"
usage zh
expect_err_has "“duban” 需要一个命令：init、intake、"
usage en assign 1
expect_err_has "--lead is required"
expect_err_has "'duban assign --help'"
usage zh assign 1
expect_err_has "缺少 --lead"
expect_err_has "“duban assign --help”"
usage en assign --lead cgj
expect_err_has "give case ids (or - to read them from stdin)"
usage zh assign --lead cgj
expect_err_has "缺少案件编号"
usage en list --status
expect_err_has "--status needs a value"
usage zh list --overdue --unit
expect_err_has "--unit 后面要给一个值"
# A value of the wrong kind, or not one of the choices.
usage en list --limit many
expect_err_has "--limit 'many' is not a whole number"
expect_err_has "'duban list --help'"
usage zh list --limit many
expect_err_has "--limit: “many” 不是整数"
usage en resolve 1 --outcome solvd
expect_err_has "--outcome: 'solvd' is not one of solved, explained (did you mean 'solved'?)"
expect_err_has "'duban resolve --help'"
usage zh followup 1 --rating good
expect_err_has "--rating: “good” 不是 satisfied、basic、unsatisfied 之一"
usage en note 1 text extra
expect_err_has "'duban note' does not take 'extra'"
usage zh note 1 内容 多余
expect_err_has "“duban note” 不接受 “多余”"
# Nothing of CLI11's own English reaches a Chinese reader.
for args in "repot" "report monthy" "list --stauts x" "assign 1" "assign --lead cgj" "list --limit many" \
  "resolve 1 --outcome x" "note 1 a b" "report" "list --status"; do
  # shellcheck disable=SC2086
  usage zh $args
  expect_err_lacks "error:"
  py_expect "$err" 'print(" ".join(re.findall(r"[A-Za-z]+", re.sub(r"--?[a-z-]+|duban|“[^”]*”|[a-z]+(?:、[a-z]+)+", " ", data))))' \
    "" "zh usage error of '$args' has no English words"
done
# An error the command itself finds is worded by duban and points at its help too.
usage en --format ids show 1
expect_err_has "'duban show --help'"
usage zh --format ids show 1
expect_err_has "（运行 “duban show --help” 查看命令和选项）"

# --- tables: list, show, meeting list, unit list, doctor, init, intake ---------------------------
run --config "$ZH" -q intake --file "$EXAMPLES/hotline.jsonl"
expect_rc 0
run --config "$ZH" -q assign 1 --lead cgj --co sy-cd --class C --leader "何光桂"
expect_rc 0
run --config "$ZH" list --limit 2
expect_rc 0
expect_out "编号  状态    分类  牵头单位  办理时限          标题
   1  已交办  C     cgj       2026-11-16 23:59  新华社区路灯不亮
   2  已受理                                    东新二路井盖破损"
run --config "$EN" list --limit 2
expect_out "id  status    class  lead  due               title
 1  assigned  C      cgj   2026-11-16 23:59  新华社区路灯不亮
 2  received                                 东新二路井盖破损"
# Programs read the same codes in either language.
run --config "$ZH" --format json list --limit 1
py_expect "$out" 'print(json.loads(data)[0]["status"])' "listed" "json keeps the status code in zh"
run --config "$ZH" --format csv list --limit 1
expect_eq "$(printf '%s\n' "$out" | head -1 | cut -d, -f1-3)" "id,receipt,title" "csv headers stay English in zh"
run --config "$ZH" --format tsv list --status listed
expect_out_has "	listed	"

run --config "$ZH" show 1
expect_rc 0
# Each field under its Chinese label, the values in one column.
py_expect "$out" 'print(" ".join(re.sub(r"  +", "|", l) for l in data.splitlines() if re.match("(编号|标题|状态|牵头单位|受理时间) ", l)))' \
  "编号|1 标题|新华社区路灯不亮 状态|已交办 牵头单位|cgj 受理时间|2026-11-02 09:15" "show's labels and status in zh"
py_expect "$out" 'print(len({len(re.match(r"\S+ +", l).group(0).encode("gb18030")) for l in data.split("\n\n")[0].splitlines()}))' \
  "1" "show's values start in one column (two columns a Chinese character)"
expect_out_has "办理日志"
expect_out_has "  受理"
expect_out_has "  交办 cgj"
expect_out_lacks "lead_unit"
expect_out_lacks "journal"
run --config "$EN" show 1
expect_out_has "status       assigned"
expect_out_has "journal"
expect_out_has "  assign cgj"
run --config "$ZH" --format json show 1
py_expect "$out" 'j = json.loads(data); print(j["status"], j["journal"][1]["action"])' "listed assign" \
  "show json keeps codes in zh"

run --config "$ZH" -q meeting add --kind breakfast --title 早餐会 --date 2021-10-23
run --config "$ZH" meeting list
expect_out_has "编号  日期        渠道"
run --config "$ZH" unit list
expect_out_has "代码"
expect_out_has "名称"
expect_out_has "负责人"
run --config "$EN" unit list
expect_out_has "code"
run --config "$ZH" doctor
expect_rc 0
expect_out_has "哈希链       正常"
expect_out_has "完整性       正常"
expect_out_has "链头         事件 "
run --config "$ZH" intake --title 测试 --dry-run
expect_rc 0
expect_err_has "duban: 1 件有效；未录入（--dry-run）"
mkdir -p "$T/fresh"
(cd "$T/fresh" && printf 'lang = "zh"\n' >duban.toml && DUBAN_STORE="$T/fresh/d.db" "$DUBAN" init) >"$T/init.out"
expect_eq "$(head -1 "$T/init.out")" "配置文件 duban.toml 已存在，保留不动" "init's lines in zh"
finish
