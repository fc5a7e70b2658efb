-- duban store, schema version 6: how offices really work (SPEC §3):
-- suspension (挂账), extension (延期), merged repeats (并单), appeals
-- (申诉/核减), corrections (更正), a meeting's list issued (审定、印发) and the
-- month's chosen problems (每月一题).

-- The journal takes the new acts. SQLite changes a CHECK only by rebuilding
-- the table: the events are copied as they are, ids and hashes included (the
-- hash chain covers each event's fields, not its table), and the guards of
-- schema 4 are made again on the new table. DROP TABLE fires no trigger.
CREATE TABLE journal_v6 (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES "case" (id),
  at      TEXT NOT NULL CHECK (at GLOB '????-??-??T??:??:??Z'),
  actor   TEXT NOT NULL CHECK (actor <> ''),
  action  TEXT NOT NULL CHECK (action IN (
            'intake', 'assign', 'ack', 'return', 'note', 'resolve', 'close', 'reopen',
            'followup', 'escalate',
            'suspend', 'resume',                           -- 挂账 and its end
            'extend', 'extend_approve', 'extend_reject',   -- 延期: asked, then decided
            'merge', 'unmerge',                            -- 并单 into a master case
            'appeal', 'appeal_grant', 'appeal_deny',       -- 申诉/核减: asked, then decided
            'amend',                                       -- 更正 of intake fields
            'issue',                                       -- the case's meeting list issued
            'topic')),                                     -- linked to a month's topic
  unit    TEXT,                                        -- the unit acting or concerned
  detail  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail) AND json_type(detail) = 'object'),
  hash    TEXT CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'))
) STRICT;
INSERT INTO journal_v6 (id, case_id, at, actor, action, unit, detail, hash)
  SELECT id, case_id, at, actor, action, unit, detail, hash FROM journal ORDER BY id;
DROP TABLE journal;
ALTER TABLE journal_v6 RENAME TO journal;
CREATE INDEX journal_case      ON journal (case_id, id);
CREATE INDEX journal_action_at ON journal (action, at);
CREATE INDEX journal_at        ON journal (at);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_append_only BEFORE INSERT ON journal
WHEN NEW.hash IS NULL OR NEW.id <= (SELECT coalesce(max(id), 0) FROM journal)
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only: each event comes after the last, with its hash');
END;
CREATE TRIGGER journal_instants_insert BEFORE INSERT ON journal
WHEN (NOT (NEW.at GLOB '????-??-??T??:??:??Z' AND NEW.at >= '1970-01-01T00:00:00Z'))
BEGIN
  SELECT RAISE(ABORT, 'instant out of range: journal (1970-01-01T00:00:00Z..9999-12-31T23:59:59Z)');
END;

-- A suspended case (挂账): since when, and until when it is expected to
-- wait. Both NULL when its clocks run. On resume, ack_due and due_at move
-- later by the time suspended (the resume event records the new ones).
ALTER TABLE "case" ADD COLUMN suspended_at TEXT
  CHECK (suspended_at IS NULL OR suspended_at GLOB '????-??-??T??:??:??Z');
ALTER TABLE "case" ADD COLUMN suspend_until TEXT
  CHECK (suspend_until IS NULL OR suspend_until GLOB '????-??-??T??:??:??Z');
-- The later due the lead unit asked for (延期), until the office decides.
ALTER TABLE "case" ADD COLUMN extension_due TEXT
  CHECK (extension_due IS NULL OR extension_due GLOB '????-??-??T??:??:??Z');
-- The master case this request was merged into (并单); NULL when it stands alone.
ALTER TABLE "case" ADD COLUMN merged_into INTEGER REFERENCES "case" (id)
  CHECK (merged_into IS NULL OR merged_into <> id);
-- The unit's appeal that the case not count against it (申诉/核减).
ALTER TABLE "case" ADD COLUMN appeal TEXT
  CHECK (appeal IS NULL OR appeal IN ('pending', 'granted', 'denied'));

CREATE INDEX case_suspended ON "case" (suspend_until) WHERE suspended_at IS NOT NULL;
CREATE INDEX case_merged    ON "case" (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX case_extension ON "case" (lead_unit) WHERE extension_due IS NOT NULL;
CREATE INDEX case_appeal    ON "case" (lead_unit) WHERE appeal = 'pending';

-- A meeting's list reviewed by the leader in charge and issued by the
-- supervision office (审定、印发): when, by whose approval, by whom. Each of
-- its cases also journals an `issue` event.
ALTER TABLE meeting ADD COLUMN issued_at TEXT
  CHECK (issued_at IS NULL OR issued_at GLOB '????-??-??T??:??:??Z');
ALTER TABLE meeting ADD COLUMN approved_by TEXT CHECK (approved_by IS NULL OR approved_by <> '');
ALTER TABLE meeting ADD COLUMN issued_by TEXT CHECK (issued_by IS NULL OR issued_by <> '');

-- The month's chosen problems (每月一题): a topic, and the cases linked to it
-- (each link also journals a `topic` event on the case).
CREATE TABLE topic (
  id         INTEGER PRIMARY KEY,
  month      TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  title      TEXT NOT NULL CHECK (title <> ''),
  category   TEXT,                                   -- the category its cases are drawn from
  search     TEXT,                                   -- the words its cases are drawn by
  created_at TEXT NOT NULL CHECK (created_at GLOB '????-??-??T??:??:??Z'
                                  AND created_at >= '1970-01-01T00:00:00Z')
) STRICT;
CREATE TABLE topic_case (
  topic     INTEGER NOT NULL REFERENCES topic (id),
  case_id   INTEGER NOT NULL REFERENCES "case" (id),
  linked_at TEXT NOT NULL CHECK (linked_at GLOB '????-??-??T??:??:??Z'),
  PRIMARY KEY (topic, case_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX topic_case_case ON topic_case (case_id);

-- The monthly report reads received and closed cases from covering indexes
-- (schema 3): they now carry what a granted appeal and a merge change.
DROP INDEX case_received_report;
CREATE INDEX case_received_report ON "case" (received_at, lead_unit, category, channel, class,
                                             town, closed_at, appeal, merged_into);
DROP INDEX case_closed_report;
CREATE INDEX case_closed_report ON "case" (closed_at, lead_unit, category, channel, class, town,
                                           received_at, resolved_at, due_at, appeal)
  WHERE closed_at IS NOT NULL;
