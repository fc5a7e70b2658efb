-- duban store, schema version 4: the record as evidence (SPEC §4, §8).
--
-- A duban store says so in its header: PRAGMA application_id is 0x4455424E
-- ('DUBN'). duban writes to no SQLite file without it (a store of versions
-- 1-3 is recognised by its own tables and triggers and marked here).
PRAGMA application_id = 1146438222;

-- The hash chain. Every event carries the SHA-256 of the previous event's
-- hash, a line feed and its own canonical encoding, in hex (64 digits):
--   {"action":..,"actor":..,"at":..,"case":..,"detail":{..},"id":..,"unit":..,"v":1}
-- compact JSON with sorted keys, UTC instants, no escapes beyond JSON's own;
-- the first event chains to 64 zeros. `duban doctor` recomputes it. This
-- migration chains the events already there, in id order. A NULL hash is
-- only ever seen before that step; new events are refused without one.
ALTER TABLE journal ADD COLUMN hash TEXT CHECK (hash IS NULL OR (length(hash) = 64
                                                AND hash NOT GLOB '*[^0-9a-f]*'));

-- Append-only, REPLACE included: REPLACE deletes the old row before it
-- inserts without firing DELETE triggers, so an insert must come after the
-- last event (duban gives each event the next id) and carry its hash. The
-- only update allowed is the one this migration makes: a missing hash set.
DROP TRIGGER journal_no_update;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
WHEN OLD.hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
  OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
  OR NEW.unit IS NOT OLD.unit OR NEW.detail IS NOT OLD.detail
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_append_only BEFORE INSERT ON journal
WHEN NEW.hash IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM journal)
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only: each event comes after the last, with its hash');
END;

-- Cases are never deleted nor replaced; a case row is changed only by duban
-- (its connection defines duban_writer(); another client's UPDATE fails on
-- the missing function or on this check). `duban doctor` names a row that
-- was changed anyway, against its journal.
CREATE TRIGGER case_no_replace BEFORE INSERT ON "case"
WHEN EXISTS (SELECT 1 FROM "case" WHERE id = NEW.id OR receipt = NEW.receipt)
BEGIN
  SELECT RAISE(ABORT, 'cases are never replaced');
END;
CREATE TRIGGER case_no_update BEFORE UPDATE ON "case"
WHEN duban_writer() IS NOT 1
BEGIN
  SELECT RAISE(ABORT, 'cases are changed only by duban');
END;
CREATE TRIGGER co_unit_no_replace BEFORE INSERT ON co_unit
WHEN EXISTS (SELECT 1 FROM co_unit WHERE case_id = NEW.case_id
             AND (position = NEW.position OR unit = NEW.unit))
BEGIN
  SELECT RAISE(ABORT, 'co-units are never replaced');
END;

-- A case taken in as confidential (保密): its requester is masked in what
-- is shown, as a phone is.
ALTER TABLE "case" ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0
  CHECK (confidential IN (0, 1));

-- Reading as of a past clock (SPEC §4) starts from the events after it.
CREATE INDEX journal_at ON journal (at);

-- Every instant written from now on lies in 1970..9999 (SPEC §4). These are
-- triggers rather than table CHECKs: SQLite adds a CHECK only by rebuilding
-- the table, which would refuse a store that holds an old bad value, and
-- such a store must still open, show it and be repaired. An update checks
-- the columns it changes, so a bad due can be replaced by a good one.
CREATE TRIGGER case_instants_insert BEFORE INSERT ON "case"
WHEN (NOT (NEW.received_at GLOB '????-??-??T??:??:??Z' AND NEW.received_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.first_assigned_at IS NOT NULL AND NOT (NEW.first_assigned_at GLOB '????-??-??T??:??:??Z' AND NEW.first_assigned_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.assigned_at IS NOT NULL AND NOT (NEW.assigned_at GLOB '????-??-??T??:??:??Z' AND NEW.assigned_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.ack_due IS NOT NULL AND NOT (NEW.ack_due GLOB '????-??-??T??:??:??Z' AND NEW.ack_due >= '1970-01-01T00:00:00Z'))
  OR (NEW.acked_at IS NOT NULL AND NOT (NEW.acked_at GLOB '????-??-??T??:??:??Z' AND NEW.acked_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.due_at IS NOT NULL AND NOT (NEW.due_at GLOB '????-??-??T??:??:??Z' AND NEW.due_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.resolved_at IS NOT NULL AND NOT (NEW.resolved_at GLOB '????-??-??T??:??:??Z' AND NEW.resolved_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.closed_at IS NOT NULL AND NOT (NEW.closed_at GLOB '????-??-??T??:??:??Z' AND NEW.closed_at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: case (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
CREATE TRIGGER case_instants_update BEFORE UPDATE ON "case"
WHEN (NEW.received_at IS NOT OLD.received_at AND NOT (NEW.received_at GLOB '????-??-??T??:??:??Z' AND NEW.received_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.first_assigned_at IS NOT OLD.first_assigned_at AND NEW.first_assigned_at IS NOT NULL AND NOT (NEW.first_assigned_at GLOB '????-??-??T??:??:??Z' AND NEW.first_assigned_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.assigned_at IS NOT OLD.assigned_at AND NEW.assigned_at IS NOT NULL AND NOT (NEW.assigned_at GLOB '????-??-??T??:??:??Z' AND NEW.assigned_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.ack_due IS NOT OLD.ack_due AND NEW.ack_due IS NOT NULL AND NOT (NEW.ack_due GLOB '????-??-??T??:??:??Z' AND NEW.ack_due >= '1970-01-01T00:00:00Z'))
  OR (NEW.acked_at IS NOT OLD.acked_at AND NEW.acked_at IS NOT NULL AND NOT (NEW.acked_at GLOB '????-??-??T??:??:??Z' AND NEW.acked_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.due_at IS NOT OLD.due_at AND NEW.due_at IS NOT NULL AND NOT (NEW.due_at GLOB '????-??-??T??:??:??Z' AND NEW.due_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.resolved_at IS NOT OLD.resolved_at AND NEW.resolved_at IS NOT NULL AND NOT (NEW.resolved_at GLOB '????-??-??T??:??:??Z' AND NEW.resolved_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.closed_at IS NOT OLD.closed_at AND NEW.closed_at IS NOT NULL AND NOT (NEW.closed_at GLOB '????-??-??T??:??:??Z' AND NEW.closed_at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: case (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
CREATE TRIGGER journal_instants_insert BEFORE INSERT ON journal
WHEN (NOT (NEW.at GLOB '????-??-??T??:??:??Z' AND NEW.at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: journal (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
CREATE TRIGGER summons_instants_insert BEFORE INSERT ON summons
WHEN (NOT (NEW.summoned_at GLOB '????-??-??T??:??:??Z' AND NEW.summoned_at >= '1970-01-01T00:00:00Z'))
  OR (NOT (NEW.due_at GLOB '????-??-??T??:??:??Z' AND NEW.due_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.answered_at IS NOT NULL AND NOT (NEW.answered_at GLOB '????-??-??T??:??:??Z' AND NEW.answered_at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: summons (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
CREATE TRIGGER summons_instants_update BEFORE UPDATE ON summons
WHEN (NEW.summoned_at IS NOT OLD.summoned_at AND NOT (NEW.summoned_at GLOB '????-??-??T??:??:??Z' AND NEW.summoned_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.due_at IS NOT OLD.due_at AND NOT (NEW.due_at GLOB '????-??-??T??:??:??Z' AND NEW.due_at >= '1970-01-01T00:00:00Z'))
  OR (NEW.answered_at IS NOT OLD.answered_at AND NEW.answered_at IS NOT NULL AND NOT (NEW.answered_at GLOB '????-??-??T??:??:??Z' AND NEW.answered_at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: summons (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
CREATE TRIGGER meeting_instants_insert BEFORE INSERT ON meeting
WHEN (NOT (NEW.created_at GLOB '????-??-??T??:??:??Z' AND NEW.created_at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: meeting (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
CREATE TRIGGER meeting_instants_update BEFORE UPDATE ON meeting
WHEN (NEW.created_at IS NOT OLD.created_at AND NOT (NEW.created_at GLOB '????-??-??T??:??:??Z' AND NEW.created_at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: meeting (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;
