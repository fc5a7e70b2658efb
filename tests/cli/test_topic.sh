#!/usr/bin/env bash
# The month's chosen problems (每月一题, SPEC §6, §9): topic add, list, link
# by ids and --matching (a second link journals nothing), the topic event in
# the journal, and the report month by month as of the clock.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
"$DUBAN" --now 2026-09-20 -q intake --title "路灯不亮"
"$DUBAN" --now 2026-10-02 -q intake --title "路灯坏了"
"$DUBAN" --now 2026-10-05 -q intake --title "道路积水"
"$DUBAN" --now 2026-11-05 -q intake --title "路灯又坏"
run --now 2026-10-10 topic add --month 2026-10 --title 路灯 --search 路灯
expect_rc 0
expect_out "1"
run --now 2026-10-10 topic add --month 2026-13 --title x
expect_rc 64
run --now 2026-10-11 topic link 1 1
expect_out "1"
run --now 2026-10-11 topic link 1 1
expect_rc 0
expect_out ""
expect_eq "$(sql "SELECT count(*) FROM journal WHERE action = 'topic'")" "1" "a second link journals nothing"
run --now 2026-11-06 topic link 1 --matching
expect_rc 0
expect_out "2
4"
expect_eq "$(sql 'SELECT topic, case_id FROM topic_case ORDER BY case_id')" "1|1
1|2
1|4" "matching: received in or after the topic's month"
run --now 2026-11-07 --format json show 4
py_expect "$out" 'j = json.loads(data); print([e["topic"] for e in j["journal"] if e["action"] == "topic"])' "[1]" \
  "the topic event in the journal"
"$DUBAN" --now 2026-11-08 -q assign 4 --lead cgj --class C
"$DUBAN" --now 2026-11-09 -q ack 4
"$DUBAN" --now 2026-11-10 -q resolve 4 --outcome solved
"$DUBAN" --now 2026-11-11 -q close 4
run --now 2026-11-07 --format json topic list
py_expect "$out" 'print(json.loads(data)[0]["cases"])' "3" "list counts the links"
run --now 2026-10-20 --format json topic list
py_expect "$out" 'print(json.loads(data)[0]["cases"])' "1" "a link after the clock is not counted"
run --now 2026-10-09 --format json topic list
expect_out "[]"
run --now 2026-12-01 --format json topic report 1 --months 3
py_expect "$out" 'print([(m["month"], m["received"], m["closed"], m["open"]) for m in json.loads(data)["months"]])' \
  "[('2026-10', 1, 0, 2), ('2026-11', 1, 1, 2), ('2026-12', 0, 0, 2)]" "figures by hand at 2026-12-01"
run --now 2026-11-07 --format json topic report 1 --months 3
py_expect "$out" 'print([(m["month"], m["received"], m["closed"], m["open"]) for m in json.loads(data)["months"]])' \
  "[('2026-09', 1, 0, 1), ('2026-10', 1, 0, 2), ('2026-11', 1, 0, 3)]" "figures as of 2026-11-07, before the close"
for f in table md csv tsv; do
  run --now 2026-12-01 --format $f topic report 1 --months 3
  expect_rc 0
  expect_out_has "2026-11"
done
run --now 2026-12-01 --format html topic report 1
expect_rc 0
expect_out_has "<svg"
py_expect "$out" '
from html.parser import HTMLParser
void = {"meta", "br", "circle", "rect", "line", "polyline"}
stack = []
class P(HTMLParser):
    def handle_starttag(self, t, a):
        if t not in void: stack.append(t)
    def handle_startendtag(self, t, a): pass
    def handle_endtag(self, t):
        if t in void: return
        assert stack and stack.pop() == t, t
P().feed(data)
print("ok" if not stack else stack)' "ok" "html well-formed"
# The same clock gives the same figures after later acts.
run --now 2026-11-07 --format json topic report 1 --months 3
py_expect "$out" 'print(sum(m["closed"] for m in json.loads(data)["months"]))' "0" "replayed as of 2026-11-07"
run topic report 9
expect_rc 69
run topic link 9 1
expect_rc 69

# doctor: every link journals its event; one written behind duban's back is named.
run doctor
expect_rc 0
n=$(sql 'SELECT min(id) FROM "case" WHERE id NOT IN (SELECT case_id FROM topic_case WHERE topic = 1)')
sqlite3 "$DUBAN_STORE" "INSERT INTO topic_case (topic, case_id, linked_at) VALUES (1, $n, '2026-01-01T00:00:00Z')"
run doctor
expect_rc 1
expect_out_has "topic"
finish
