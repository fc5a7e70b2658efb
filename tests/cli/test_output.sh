#!/usr/bin/env bash
# What scripts and people read: --format table/json/jsonl/csv/tsv/ids, the
# field names of SPEC §9, tables that line up with Chinese text, no colour
# in pipes, --quiet, exit 64 for bad usage, errors on stderr.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00
FIELDS="id,receipt,title,description,channel,category,class,requester,phone,town,village,address,meeting,status,lead_unit,co_units,leader,proxy,received_at,assigned_at,ack_due,acked_at,due_at,resolved_at,outcome,closed_at,level,satisfaction"

# --- a small store, for exact output ------------------------------------------------
"$DUBAN" -q intake --file "$EXAMPLES/hotline.jsonl" >/dev/null
"$DUBAN" -q assign 1 --lead cgj --co sy-cd,rsj --class C --leader "何光桂"
run list --limit 2
expect_rc 0
expect_out "编号  状态    分类  牵头单位  办理时限          标题
   1  已交办  C     cgj       2026-11-16 23:59  新华社区路灯不亮
   2  已受理                                    东新二路井盖破损"
run --format ids list
expect_rc 0
expect_out "$(seq 1 6)"
run --format ids list --status listed
expect_out "1"

# --- json -------------------------------------------------------------------------
run --format json list
expect_rc 0
py_expect "$out" 'import json,sys; d = json.loads(data); print(len(d), type(d).__name__)' \
  "6 list" "json: an array of the 6 cases"
py_expect "$out" 'import json,sys; d = json.loads(data); print(",".join(d[0].keys()))' \
  "$FIELDS" "json keys are the SPEC §9 names, in order"
py_expect "$out" 'import json,sys; d = json.loads(data); print(d[0]["co_units"], d[1]["co_units"])' \
  "['sy-cd', 'rsj'] []" "co_units is a JSON array"
py_expect "$out" 'import json,sys; d = json.loads(data)[0]; print(d["id"], d["level"], d["meeting"], d["due_at"], d["received_at"])' \
  "1 0 None 2026-11-16T15:59:59Z 2026-11-02T01:15:00Z" "numbers are numbers, nulls null, instants UTC"
run --format json list --search 没有
expect_rc 0
expect_out "[]"

# --- jsonl ------------------------------------------------------------------------
run --format jsonl list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | wc -l)" "6" "jsonl: one line a case"
py_expect "$out" 'import json,sys; print(" ".join(str(json.loads(l)["id"]) for l in data.splitlines()))' \
  "1 2 3 4 5 6" "every jsonl line is an object"
run --format jsonl list --search 没有
expect_out ""

# --- csv ------------------------------------------------------------------------------
run --format csv list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | head -1)" "$FIELDS" "csv header: the SPEC §9 names"
py_expect "$out" 'import csv,sys; r = list(csv.DictReader(io.StringIO(data, newline=""))); print(len(r), r[0]["co_units"], repr(r[1]["co_units"]), r[0]["lead_unit"], r[0]["due_at"])' \
  "6 sy-cd;rsj '' cgj 2026-11-16T15:59:59Z" "csv rows; co_units ;-joined"
run --format csv list --search 没有
expect_out "$FIELDS"

# --- tsv --------------------------------------------------------------------------------
run --format tsv list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | head -1)" "$(printf '%s' "$FIELDS" | tr , '\t')" "tsv header"
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' '{print NF}' | sort -u)" "28" "28 cells on every tsv line"
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' 'NR == 2 {print $16}')" "sy-cd;rsj" "tsv co_units"

# --- awkward text: commas, quotes, newlines, tabs ------------------------------------------
printf '%s\n' '{"title": "第一行\n第二行", "description": "工资2,100元，\"偏低\"\t有制表符", "address": "  前后有空格  "}' \
  | "$DUBAN" -q intake --file -
run list
expect_eq "$(printf '%s\n' "$out" | wc -l)" "8" "a newline in a title does not break the table"
run --format csv list
py_expect "$out" 'import csv,sys; r = list(csv.DictReader(io.StringIO(data, newline="")))[-1]; print(repr(r["title"]), repr(r["description"]), repr(r["address"]))' \
  "'第一行\n第二行' '工资2,100元，\"偏低\"\t有制表符' '  前后有空格  '" "csv quotes what needs quoting"
run --format tsv list
expect_eq "$(printf '%s\n' "$out" | wc -l)" "8" "tsv: one line a case"
expect_eq "$(printf '%s\n' "$out" | awk -F'\t' '{print NF}' | sort -u)" "28" "tsv: no stray tabs"
run --format json list
py_expect "$out" 'import json,sys; print(repr(json.loads(data)[-1]["title"]))' \
  "'第一行\n第二行'" "json keeps the text as it is"

# --- tables line up with Chinese text -------------------------------------------------------
cat >"$T/.py_prelude.py" <<'EOF'
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
def aligned(table, indented=None):
    """Every cell starts where its column's header starts, counting East
    Asian wide characters as 2; ids end where theirs ends; cells of the
    `indented` column may start further in (a tree)."""
    lines = table.splitlines()
    cells_of = lambda line: [(width(line[:m.start()]), m.group())
                             for m in re.finditer(r"\S+(?: \S+)*", line)]
    header = cells_of(lines[0])
    starts = [p for p, _ in header]
    bad = []
    for line in lines[1:]:
        for k, (p, text) in enumerate(cells_of(line)):
            if p in starts:
                continue
            if k == 0 and p + width(text) == width(header[0][1]) and p < starts[1]:
                continue  # ids are right-aligned
            if indented:
                i = [t for _, t in header].index(indented)
                if k == i and starts[i] < p < starts[i + 1]:
                    continue
            bad.append(f"'{text}' at {p} in: {line}")
    return "\n".join(bad) or "ok"
EOF
"$DUBAN" -q --now 2021-10-23T11:00:00+08:00 meeting add --kind breakfast --title "环卫工人早餐会" --date 2021-10-23 --group "环卫工人"
"$DUBAN" -q meeting add --kind night-talk --title "居民夜谈会（新华社区）" --date 2026-11-06 --group "社区居民、网格员"
"$DUBAN" -q meeting add --kind night-talk --title "夜谈" --date 2026-11-07 --group "老人"
"$DUBAN" -q --now 2021-10-23T11:00:00+08:00 intake --file "$EXAMPLES/breakfast-2021-10-23.csv" --meeting 1
"$DUBAN" list --meeting 1 --format ids | "$DUBAN" -q assign - --lead rsj --co cgj,sy-cd-xh
run list
py_expect "$out" 'print(aligned(data))' "ok" \
  "list: columns line up"
run meeting list
expect_rc 0
expect_eq "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "编号 日期 渠道 参会群体 会议名称" "meeting list header"
py_expect "$out" 'print(aligned(data))' "ok" \
  "meeting list: titles line up after Chinese groups"
run unit list
expect_rc 0
py_expect "$out" 'print(aligned(data, indented="名称"))' "ok" \
  "unit list: heads and emails line up after Chinese names"

# --- no colour unless a person is at a terminal -------------------------------------------
esc=$'\x1b'
for f in table json jsonl csv tsv ids; do
  run --format "$f" list
  expect_out_lacks "$esc"
done
run unit list
expect_out_lacks "$esc"
run show 1
expect_out_lacks "$esc"
if command -v script >/dev/null; then
  tty_out=$(NO_COLOR=1 script -qc "'$DUBAN' list --limit 1" /dev/null </dev/null 2>&1)
  expect_eq "$(printf '%s' "$tty_out" | grep -c "$esc")" "0" "NO_COLOR: no escapes even at a terminal"
  expect_eq "$(printf '%s' "$tty_out" | grep -c '标题')" "1" "the terminal run printed the table"
fi

# --- --quiet -----------------------------------------------------------------------------------
run --quiet list
expect_rc 0
expect_out ""
run -q --format json list
expect_out ""
run --quiet assign 2 --lead cgj --class C
expect_rc 0
expect_out ""
expect_eq "$(sql 'SELECT status FROM "case" WHERE id = 2')" "listed" "--quiet still acts"
run --quiet intake --title "安静地收下"
expect_rc 0
expect_out ""
run --quiet show 99
expect_rc 69
expect_err_has "没有案件 99"

# --- bad usage: 64, on stderr, with duban's prefix ---------------------------------------------
run --format nonsense list
expect_rc 64
expect_out ""
expect_err_has "duban: 错误:"
expect_err_has "--format: “nonsense” 不是 table、json、jsonl、csv、tsv、ids 之一"
run --format md list
expect_rc 64
run --format ids show 1
expect_rc 64
run list --bogus
expect_rc 64
expect_out ""
prefix="duban: 错误: "
expect_eq "${err:0:${#prefix}}" "$prefix" "an unknown option: 'duban: 错误:' first (the config's lang)"
expect_err_has "--bogus"
run frobnicate
expect_rc 64
expect_err_has "duban: 错误:"
run
expect_rc 64
run list --limit many
expect_rc 64
expect_err_has "duban: 错误:"
run assign 1
expect_rc 64
expect_err_has "--lead"
run resolve 1 --outcome finished
expect_rc 64
expect_err_has "finished"
run --help
expect_rc 0
expect_out_has "intake"
expect_out_has "assign"
run --version
expect_rc 0
expect_out_has "duban"

# --- errors: stderr only, one prefix -------------------------------------------------------------
run show 99
expect_rc 69
expect_out ""
expect_err "duban: 错误: 没有案件 99"
run assign 3 --lead nobody
expect_rc 69
expect_out ""
expect_eq "${err%%错误: *}" "duban: " "errors start with 'duban: 错误:'"

finish
