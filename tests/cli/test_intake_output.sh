#!/usr/bin/env bash
# What intake --file writes with --format: the cases it added, read back
# from the store one at a time before the commit (none held: issue 10), as
# `list` writes the same cases, in every format.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/duban.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
export DUBAN_NOW=2021-10-23T12:00:00+08:00
csv="$EXAMPLES/breakfast-2021-10-23.csv"
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1]))) - 1)' "$csv")

# keep FORMAT FIRST LAST: the cases FIRST..LAST of a list on stdin, as a
# document of them (json), their lines (jsonl) or a header and their rows.
cat >"$T/keep.py" <<'PY'
import csv, io, json, sys
fmt, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = sys.stdin.read()
if fmt == "json":
    kept = [c for c in json.loads(text) if first <= c["id"] <= last]
    print(json.dumps(kept, ensure_ascii=False, indent=2))
elif fmt == "jsonl":
    print("\n".join(l for l in text.splitlines() if first <= json.loads(l)["id"] <= last))
else:
    rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    i = rows[0].index("id")
    kept = [rows[0]] + [r for r in rows[1:] if first <= int(r[i]) <= last]
    print(len(kept) - 1, json.dumps(kept, ensure_ascii=False))
PY
keep() { python3 "$T/keep.py" "$@"; }

# A first load, so that the next ones' cases are not the store's only ones.
run intake --file "$csv"
expect_rc 0
before=$(sql 'SELECT count(*) FROM "case"')
for format in json jsonl csv tsv table; do
  first=$(($(sql 'SELECT count(*) FROM "case"') + 1))
  run --format "$format" intake --file "$csv"
  expect_rc 0
  added=$out
  last=$(sql 'SELECT max(id) FROM "case"')
  expect_eq "$((last - first + 1))" "$rows" "--format $format: one case a row"
  if [ "$format" = table ]; then
    # A header, then a line a case, the first added first.
    expect_eq "$(($(wc -l <<<"$added") - 1))" "$rows" "--format table: a header and a line a case"
    expect_eq "$(sed -n 2p <<<"$added" | awk '{print $1}')" "$first" \
      "--format table: the first added case first"
    continue
  fi
  # The same cases as list shows them, in the same order.
  run --format "$format" list --status received --limit 100000
  expect_rc 0
  listed=$(keep "$format" "$first" "$last" <<<"$out")
  got=$(keep "$format" "$first" "$last" <<<"$added")
  expect_eq "$got" "$listed" "--format $format: the added cases as list gives them"
  case $format in
    json) expect_eq "$(python3 -c 'import json, sys; print(len(json.load(sys.stdin)))' <<<"$got")" \
      "$rows" "--format json: every added case" ;;
    jsonl) expect_eq "$(wc -l <<<"$got")" "$rows" "--format jsonl: every added case" ;;
    *) expect_eq "${got%% *}" "$rows" "--format $format: every added case" ;;
  esac
done
expect_eq "$(sql 'SELECT count(*) FROM "case"')" "$((before + 5 * rows))" "every load added its cases"
finish
