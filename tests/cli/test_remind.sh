#!/usr/bin/env bash
# remind and escalate --auto as a unit and the supervision office read them,
# in zh and en: a co-unit is told of the cases it shares (remind --unit is
# its block of the whole list); a meeting's late list goes to the config's
# `office`, so remind --unit dcs and remind-by-unit.sh deliver it; counts are
# fields, not baked into titles; the ladder's lines name the rule in words
# and the person told by name and email.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
sed 's/^lang = "zh"/lang = "en"/' "$EXAMPLES/duban.toml" >"$T/en.toml"
q() { "$DUBAN" -q --now "$1" "${@:2}" || fail "fixture: $*"; }

# Mon 2026-11-02: a breakfast meeting and two of its cases, class C. Case 1
# is assigned at 10:00 to rsj with cgj as co-unit: ack due 1wd = Tue 11-03
# 23:59:59, due 5wd = Mon 11-09 23:59:59. Case 2 is never assigned: the list
# was due 3 days after the meeting day's end, Thu 11-05 23:59:59.
m=$("$DUBAN" --now "2026-11-02 08:00" meeting add --kind breakfast --title 环卫工人早餐会 --date 2026-11-02)
expect_eq "$m" "1" "the meeting's id"
q "2026-11-02 09:00" intake --meeting 1 --class C --title 工资偏低
q "2026-11-02 09:00" intake --meeting 1 --class C --title 休息点缺水
q "2026-11-02 10:00" assign 1 --lead rsj --co cgj --leader 陈副市长

# --- Fri 11-06 09:00, within 1wd (to Mon 11-09's end) -------------------------------
NOW="2026-11-06 09:00"
run --now "$NOW" remind --unit cgj
expect_rc 0
expect_out "市城市管理局 (cgj)  何光桂 <cgj@example.gov.cn>
  即将到期  #1      期限 2026-11-09 23:59  工资偏低（协办）"
cgj_block=$out
run --now "$NOW" remind --unit dcs
expect_out "市委督查室 (dcs)  邓立新 <dcs@example.gov.cn>
  清单逾期  M1      期限 2026-11-05 23:59  环卫工人早餐会（共 2 件，1 件未交办）"
run --now "$NOW" remind --unit rsj
expect_out "市人力资源和社会保障局 (rsj)  林志强 <rsj@example.gov.cn>
  即将到期    #1      期限 2026-11-09 23:59  工资偏低
  超时未响应  #1      期限 2026-11-03 23:59  工资偏低"
run --now "$NOW" remind
[[ "$out" == *"$cgj_block"* ]] || fail "remind --unit cgj is cgj's block of the whole list"
expect_eq "$(printf '%s\n' "$out" | grep -v '^ ' | grep -v '^$' | tr '\n' '|')" \
  "市委督查室 (dcs)  邓立新 <dcs@example.gov.cn>|市城市管理局 (cgj)  何光桂 <cgj@example.gov.cn>|市人力资源和社会保障局 (rsj)  林志强 <rsj@example.gov.cn>|" \
  "the groups in the config's order, the office among them"
expect_out_lacks "⟦"

run --config "$T/en.toml" --now "$NOW" remind
expect_out "市委督查室 (dcs)  邓立新 <dcs@example.gov.cn>
  list late  M1      due 2026-11-05 23:59  环卫工人早餐会 (1 of 2 not assigned)

市城市管理局 (cgj)  何光桂 <cgj@example.gov.cn>
  due soon  #1      due 2026-11-09 23:59  工资偏低 (co-unit)

市人力资源和社会保障局 (rsj)  林志强 <rsj@example.gov.cn>
  due soon          #1      due 2026-11-09 23:59  工资偏低
  not acknowledged  #1      due 2026-11-03 23:59  工资偏低"

# JSON: the counts are fields, the title is the meeting's own; the same in either language.
run --now "$NOW" --format json remind --unit dcs
py_expect "$out" 'd = json.loads(data); i = d["groups"][0]["items"][0]; print(d["groups"][0]["unit"], i["kind"], i["role"], i["meeting"], i["title"], i["unassigned"], i["cases"])' \
  "dcs meeting_list_late office 1 环卫工人早餐会 1 2" "the late list in JSON"
zh_json=$out
run --config "$T/en.toml" --now "$NOW" --format json remind --unit dcs
expect_eq "$out" "$zh_json" "JSON does not change with the language"
run --now "$NOW" --format json remind --unit cgj
py_expect "$out" 'd = json.loads(data); print([(i["kind"], i["role"], i["case"]) for i in d["groups"][0]["items"]])' \
  "[('due_soon', 'co_unit', 1)]" "a co-unit's share in JSON"
run --now "$NOW" --format json remind --unit jyj
expect_rc 0
py_expect "$out" 'd = json.loads(data); print(d["groups"])' "[]" "a unit with nothing due: no groups, still JSON"

# Without an office in the config the list still reaches the whole list, under words.
grep -v '^office = ' "$EXAMPLES/duban.toml" >"$T/no-office.toml"
run --config "$T/no-office.toml" --now "$NOW" remind
expect_out_has "督查室（会议清单）
  清单逾期  M1      期限 2026-11-05 23:59  环卫工人早餐会（共 2 件，1 件未交办）"
run --config "$T/no-office.toml" --now "$NOW" remind --unit dcs
expect_out ""
# An office that is not a unit is a config error, with the nearest name.
sed 's/^office = "dcs"/office = "dsc"/' "$EXAMPLES/duban.toml" >"$T/bad-office.toml"
run --config "$T/bad-office.toml" --now "$NOW" remind
expect_rc 78
expect_err_has "office"
expect_err_has "dcs"

# --- remind-by-unit.sh delivers the office its list ----------------------------------
cat >"$T/sendmail" <<'STUB'
#!/bin/sh
n=$(ls "$MAILDIR" | wc -l)
{ echo "ARGS: $*"; cat; } >"$MAILDIR/mail.$n"
STUB
chmod +x "$T/sendmail"
mkdir "$T/mail"
MAILDIR="$T/mail" SENDMAIL="$T/sendmail" DUBAN="$DUBAN" DUBAN_NOW="2026-11-06 08:35" \
  bash "$EXAMPLES/remind-by-unit.sh" 2>"$T/mailed"
expect_eq "$?" "0" "remind-by-unit.sh succeeds"
expect_eq "$(grep -h '^To: ' "$T"/mail/* | sort | tr '\n' ' ')" \
  "To: cgj@example.gov.cn To: dcs@example.gov.cn To: rsj@example.gov.cn " "the office, the co-unit and the lead unit"
dcs_mail=$(grep -l '^To: dcs@' "$T"/mail/*)
expect_eq "$(grep -c '清单逾期  M1' "$dcs_mail")" "1" "the office's mail has the meeting's late list"

# --- escalate --auto: the rule in words, the person by name and email ---------------
cp "$DUBAN_STORE" "$T/en.db"
run --now "$NOW" escalate --auto
expect_rc 0
expect_out "编号  牵头单位                规则        期限              原级别  升至  通知                                    标题
   1  市人力资源和社会保障局  超时未响应  2026-11-03 23:59       0     1  单位负责人 林志强 <rsj@example.gov.cn>  工资偏低"
run --config "$T/en.toml" --store "$T/en.db" --now "$NOW" escalate --auto
expect_out "case  lead unit               rule                             deadline          from  level  notify                                 title
   1  市人力资源和社会保障局  not acknowledged by its ack due  2026-11-03 23:59     0      1  unit head 林志强 <rsj@example.gov.cn>  工资偏低"
# Tue 11-17 00:00 is past the due (11-09) and 5 working days past it (11-16's end):
# the leader's step and the office's, the latter named with its delay.
run --now "2026-11-17 00:00" escalate --auto
expect_eq "$(printf '%s\n' "$out" | tail -n +2 | tr -s ' ')" \
  " 1 市人力资源和社会保障局 超期未办结 2026-11-09 23:59 1 2 领办领导 陈副市长 工资偏低
 1 市人力资源和社会保障局 超期未办结逾5个工作日 2026-11-09 23:59 2 3 督查室 邓立新 <dcs@example.gov.cn> 工资偏低" \
  "the leader by name, the office's head by name and email"
run --config "$T/en.toml" --store "$T/en.db" --now "2026-11-17 00:00" --format json escalate --auto
py_expect "$out" 'd = json.loads(data); print([(e["when"], e["after"], e["notify"], e["notify_name"], e["notify_email"]) for e in d])' \
  "[('overdue', '0m', 'leader', '陈副市长', None), ('overdue', '5wd', 'supervision office', '邓立新', 'dcs@example.gov.cn')]" \
  "JSON keeps the codes and adds whom"
run --config "$T/en.toml" --store "$T/en.db" --now "2026-11-17 00:00" escalate --auto
expect_out ""
run --config "$T/en.toml" --now "2026-11-18 00:00" escalate --auto
expect_out ""
expect_err ""
run --now "2026-11-18 00:00" --format json escalate --auto
expect_rc 0
expect_out "[]"
# A bad --format is refused before the ladder touches any case.
"$DUBAN" -q --now "2026-11-18 00:00" intake --title 井盖缺失 --class C
"$DUBAN" -q --now "2026-11-18 00:00" assign 3 --lead cgj
run --now "2026-11-25 00:00" --format md escalate --auto
expect_rc 64
expect_eq "$(sql 'SELECT level FROM "case" WHERE id = 3')" "0" "nothing escalated under a bad --format"

# --- usage faults in either language --------------------------------------------------
run remind --within soon
expect_rc 64
expect_err_has "duban: 错误: --within: “soon” 不是时长（如 2h、3d、5wd、1mo）"
run --config "$T/en.toml" remind --within soon
expect_err_has "duban: error: --within 'soon' is not a duration (2h, 3d, 5wd, 1mo)"

finish
