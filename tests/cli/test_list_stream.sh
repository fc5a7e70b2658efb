#!/usr/bin/env bash
# duban list streams its cases (issue 10): every format of a list of many
# cases is, byte for byte, what its rules make of the cases (rebuilt here in
# Python from the JSON Lines), and a list of 50,000 cases fits in 64 MiB in
# every format, the table's included (its rows kept for a list of up to
# 20,000 cases, read again for a longer one).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2026-11-09T09:00:00+08:00 DUBAN_RECEIPT_SEED=11

# Cases with what each format must take care of: commas, quotes, a formula,
# spaces at the ends, a line break, a full phone, a confidential requester,
# co-units (an array), nulls.
"$DUBAN" -q intake --file "$EXAMPLES/hotline.jsonl"
"$DUBAN" -q intake --title '"引号",逗号 与 空格' --channel hotline --category road \
  --description ' 前后空格 ' --requester 王五 --phone 13800000001 --received 2026-11-04T08:00:00+08:00
"$DUBAN" -q intake --title '=SUM(A1:A2)' --channel grid --category other --confidential \
  --requester 赵六 --phone 13912345678 --description $'第一行\n第二行' \
  --received 2026-11-04T09:00:00+08:00
"$DUBAN" -q intake --title '-5 度低温' --channel hotline --category heat --phone 12345 \
  --received 2026-11-04T10:00:00+08:00
"$DUBAN" -q assign 1 --lead cgj --co sy-cd,rsj --class C
"$DUBAN" -q assign 2 --lead ml-ld --co cgj --due 2026-11-12 --reason "井盖隐患，限期三天"
"$DUBAN" -q assign 9 --lead rsj
seed=$(sql 'SELECT count(*) FROM "case"')
expect_eq "$seed" "9" "setup: 9 cases"

# Many of them: each copied 200 times (new ids and receipts) by SQL, as
# duban's own rows, co-units too.
copies() {
  sql "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $1)
       INSERT INTO \"case\" (id, receipt, title, description, channel, category, class, requester,
         phone, town, village, address, meeting, status, lead_unit, leader, received_at,
         first_assigned_at, assigned_at, ack_due, acked_at, due_at, resolved_at, outcome,
         outcome_text, closed_at, level, satisfaction, confidential, proxy, suspended_at,
         suspend_until, extension_due, merged_into, appeal)
       SELECT c.id + n * $2, printf('%s%05d-%07d', '$3', c.id, n), title || n, description, channel,
         category, class, requester, phone, town, village, address, meeting, status, lead_unit,
         leader, received_at, first_assigned_at, assigned_at, ack_due, acked_at, due_at,
         resolved_at, outcome, outcome_text, closed_at, level, satisfaction, confidential, proxy,
         suspended_at, suspend_until, extension_due, merged_into, appeal
       FROM \"case\" c, k WHERE c.id <= $2 ORDER BY n, c.id;
       WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $1)
       INSERT INTO co_unit (case_id, position, unit)
       SELECT u.case_id + n * $2, u.position, u.unit FROM co_unit u, k WHERE u.case_id <= $2;"
}
copies 200 "$seed" A
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "1809" "setup: 1809 cases"

for f in jsonl json csv tsv ids table; do
  "$DUBAN" list --format "$f" >"$T/list.$f" 2>"$T/.err"
  rc=$?
  expect_rc 0
done
"$DUBAN" list --format csv --bom >"$T/bom.csv"
"$DUBAN" list --format csv --show-contact >"$T/contact.csv"
"$DUBAN" list --format jsonl --limit 3 >"$T/limit.jsonl"
"$DUBAN" list --format json --search 这条不会有 >"$T/none.json"
"$DUBAN" list --format csv --search 这条不会有 >"$T/none.csv"
"$DUBAN" list --search 这条不会有 >"$T/none.table"

# A search of the trigram index, ids alone or whole cases, now and at a past
# clock, before case 3 (小区垃圾清运不及时) was received (its copies, made
# by SQL, are not in the index).
for now in 2026-11-03T12:00:00+08:00 "$DUBAN_NOW"; do
  "$DUBAN" --now "$now" list --search 垃圾清运 --format ids >"$T/search.ids"
  "$DUBAN" --now "$now" list --search 垃圾清运 --format jsonl | python3 -c \
    'import json, sys; [print(json.loads(l)["id"]) for l in sys.stdin]' >"$T/search.jsonl.ids"
  expect_eq "$(cat "$T/search.ids")" "$(cat "$T/search.jsonl.ids")" "search at $now: the same ids"
  expect_eq "$(cat "$T/search.ids")" "$([ "$now" = "$DUBAN_NOW" ] && echo 3 || echo)" "search at $now: its case"
done

cat >"$T/.py_prelude.py" <<'EOF'
import datetime, json, os, unicodedata
T = os.environ["T"]
def read(name):
    with open(os.path.join(T, name), "rb") as f:
        return f.read().decode("utf-8")
cases = [json.loads(line) for line in read("list.jsonl").splitlines()]
keys = list(cases[0].keys())
def cell(v, sep=";"):
    if v is None: return ""
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, list): return sep.join(cell(x, sep) for x in v)
    return str(v)
def mask_phone(p):
    digits = sum(1 for ch in p if "0" <= ch <= "9" or ch == "*")
    head, tail = (3, 4) if digits >= 8 else (0, 2)
    return "".join(ch if i < head or i + tail >= len(p) else "*" for i, ch in enumerate(p))
def masked(c):
    c = dict(c)
    if isinstance(c.get("phone"), str): c["phone"] = mask_phone(c["phone"])
    return c
confidential = {int(i) for i in os.environ["CONFIDENTIAL"].split()}
def shown(c):
    c = masked(c)
    if c["id"] in confidential and isinstance(c.get("requester"), str):
        c["requester"] = c["requester"][0] + "**"
    return c
def delimited(rows, sep):
    def one(v):
        t = cell(v)
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            if t and t[0] in "=+-@\t\r": t = "'" + t
        if sep == ",":
            if any(ch in t for ch in ',"\r\n') or (t and (t[0] in " \t" or t[-1] in " \t")):
                t = '"' + t.replace('"', '""') + '"'
        else:
            t = t.replace("\t", " ").replace("\r", " ").replace("\n", " ")
        return t
    lines = [sep.join(keys)] + [sep.join(one(r[k]) for k in keys) for r in rows]
    return "".join(l + "\n" for l in lines)
def width(t):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in t)
words = {"received": "已受理", "listed": "已交办", "in_progress": "办理中", "resolved": "已办结", "closed": "已销号"}
def local(t):
    if t is None: return ""
    at = datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(hours=8)
    return at.strftime("%Y-%m-%d %H:%M")
def table(rows):
    head = ["编号", "状态", "分类", "牵头单位", "办理时限", "标题"]
    body = [[str(r["id"]), words[r["status"]], cell(r["class"]), cell(r["lead_unit"]),
             local(r["due_at"]), r["title"]] for r in rows]
    w = [max(width(l[i]) for l in [head] + body) for i in range(6)]
    def line(l):
        cells = [" " * (w[0] - width(l[0])) + l[0]] + [l[i] + " " * (w[i] - width(l[i])) for i in range(1, 6)]
        return "  ".join(cells).rstrip(" ") + "\n"
    return "".join(line(l) for l in [head] + body)
EOF
export T CONFIDENTIAL="$(sql 'SELECT group_concat(id, " ") FROM "case" WHERE confidential')"

py_expect "" 'print(len(cases), [c["id"] for c in cases] == sorted(c["id"] for c in cases))' \
  "1809 True" "jsonl: every case, in id order"
py_expect "" 'print(read("list.json") == json.dumps(cases, indent=2, ensure_ascii=False) + "\n")' \
  "True" "json: the array of the jsonl objects, pretty-printed"
py_expect "" 'print(read("list.ids") == "".join(str(c["id"]) + "\n" for c in cases))' \
  "True" "ids: the ids of the jsonl objects"
py_expect "" 'print(read("list.csv") == delimited([shown(c) for c in cases], ","))' \
  "True" "csv: the rules of RFC 4180, formulas made inert, phones and confidential names masked"
py_expect "" 'print(read("contact.csv") == delimited(cases, ","))' \
  "True" "csv --show-contact: the full phones and names"
py_expect "" 'print(read("bom.csv") == "\ufeff" + read("list.csv"))' "True" "csv --bom: the mark, then the same"
py_expect "" 'print(read("list.tsv") == delimited([shown(c) for c in cases], "\t"))' \
  "True" "tsv: one line a case, formulas inert"
py_expect "" 'print(read("list.table") == table(cases))' \
  "True" "table: widths from every row, ids right-aligned, no trailing spaces"
py_expect "" 'print(read("limit.jsonl") == "".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n" for c in cases[:3]))' \
  "True" "--limit: the first cases, compact JSON a line"
py_expect "" 'print(repr(read("none.json")), repr(read("none.csv")), repr(read("none.table")))' \
  "'[]\\n' '$(head -1 "$T/list.csv")\\n' ''" "no case: an empty array, the CSV header, no table at all"

# 50,000 cases: the memory of a list is that of one case, whatever the format.
copies 25 1809 B >/dev/null
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "47034" "setup: 47,034 cases"
for f in jsonl json csv tsv ids table; do
  /usr/bin/time -f %M -o "$T/rss" "$DUBAN" list --format "$f" >"$T/big.$f"
  rc=$?
  expect_rc 0
  kb=$(tail -1 "$T/rss")
  checks=$((checks + 1))
  [ "$kb" -lt 65536 ] || fail "list --format $f of 47,034 cases peaked at $kb KB (64 MiB is 65536)"
done
# A table of up to 20,000 cases is written from the rows it measured; a longer
# one reads the cases again. Both are the table of their cases.
"$DUBAN" list --limit 20000 >"$T/t20000"
"$DUBAN" list --limit 20001 >"$T/t20001"
py_expect "" 'big = [json.loads(l) for l in read("big.jsonl").splitlines()]
print(read("big.table") == table(big), read("t20000") == table(big[:20000]),
      read("t20001") == table(big[:20001]))' \
  "True True True" "table: the same whether its rows were kept (20,000) or read again (20,001, 47,034)"
expect_eq "$(wc -l <"$T/big.ids")" "47034" "ids: every case"
expect_eq "$(wc -l <"$T/big.jsonl")" "47034" "jsonl: every case"

finish
