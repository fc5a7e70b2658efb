#!/usr/bin/env bash
# Schema 4 on a store of schema 3 (SPEC §8): the migration marks the store
# with duban's application_id and chains the events already there, in id
# order; every legacy case still folds to its row, doctor passes, a new act
# continues the chain, and reading as of a past clock works on old events.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export DUBAN_STORE="$T/old.db" DUBAN_CONFIG="$EXAMPLES/duban.toml"
STORE=$DUBAN_STORE
sqlite3 "$DUBAN_STORE" <"$DUBAN_SOURCE/tests/data/store-v3.sql"
chmod 600 "$DUBAN_STORE"
expect_eq "$(sql 'PRAGMA user_version')" "3" "fixture: schema 3"
expect_eq "$(sql 'PRAGMA application_id')" "0" "fixture: no application_id yet"

run doctor
expect_rc 0
expect_out_has "哈希链       正常"
expect_out_has "案件与日志   正常"
expect_eq "$(sql 'PRAGMA user_version')" "$(ls "$DUBAN_SOURCE"/schemas/[0-9]*.sql | wc -l)" "migrated to the newest schema"
expect_eq "$(sql 'PRAGMA application_id')" "1146438222" "marked as a duban store"
expect_eq "$(sql 'SELECT count(*) FROM journal WHERE hash IS NULL')" "0" "every old event chained"
expect_eq "$(sql 'SELECT count(*) FROM journal')" "16" "no event added or lost"
# The first event chains to 64 zeros over its canonical encoding, by hand:
first=$(sql "SELECT json_object('action', action, 'actor', actor, 'at', at, 'case', case_id, 'detail', json(detail), 'id', id, 'unit', unit, 'v', 1) FROM journal WHERE id = 1")
expect_eq "$(sql 'SELECT hash FROM journal WHERE id = 1')" \
  "$(printf '%064d\n%s' 0 "$first" | sha256sum | cut -d' ' -f1)" "event 1's hash, recomputed with sha256sum"

# A new act continues the chain; doctor still passes.
run --now "2026-10-23 09:00" ack 3
expect_rc 0
run doctor
expect_rc 0
# As of a past clock, an old case is as its old events made it.
run --now "2026-10-14 12:00" --format json show 1
py_expect "$out" 'j = json.loads(data); print(j["status"], j["title"], len(j["journal"]))' \
  "resolved 路灯不亮 5" "case 1 as of 14 Oct: resolved, its title from the row"
run --now "2026-10-14 12:00" --format json report monthly --month 2026-10
py_expect "$out" 'j = json.loads(data)["total"]; print(j["received"], j["closed"], j["overdue_open"])' \
  "3 0 0" "October as of the 14th: nothing closed yet"
finish
