-- duban store, schema version 1.
--
-- The store is a public interface (SPEC §8): read it with sqlite3, Datasette
-- or a BI tool. Instants are UTC ISO-8601 text ('2026-11-22T00:30:00Z'), so
-- they sort and compare as text; dates are local dates ('2021-10-23') in the
-- config's time zone. Units, categories and channels live in the config and
-- are referenced here by code.

-- A breakfast meeting, evening talk or other session whose problems become
-- cases.
CREATE TABLE meeting (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind <> ''),          -- breakfast, night-talk, ...
  title      TEXT NOT NULL CHECK (title <> ''),
  held_on    TEXT NOT NULL                              -- local date
             CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  group_name TEXT,                                      -- who met: sanitation workers, ...
  created_at TEXT NOT NULL CHECK (created_at GLOB '????-??-??T??:??:??Z')
) STRICT;

-- One problem to solve. Its current state; how it got there is the journal.
CREATE TABLE "case" (
  id           INTEGER PRIMARY KEY,
  receipt      TEXT NOT NULL UNIQUE,                    -- code the requester asks with
  title        TEXT NOT NULL CHECK (title <> ''),
  description  TEXT,
  channel      TEXT,
  category     TEXT,
  class        TEXT CHECK (class IN ('A', 'B', 'C')),
  requester    TEXT,
  phone        TEXT,
  town         TEXT,
  village      TEXT,
  address      TEXT,
  meeting      INTEGER REFERENCES meeting (id),
  status       TEXT NOT NULL DEFAULT 'received'
               CHECK (status IN ('received', 'listed', 'in_progress', 'resolved', 'closed')),
  lead_unit    TEXT,
  leader       TEXT,
  received_at  TEXT NOT NULL CHECK (received_at GLOB '????-??-??T??:??:??Z'),
  first_assigned_at TEXT,                               -- the first assignment (ack_rate's period)
  assigned_at  TEXT,                                    -- the latest assignment
  ack_due      TEXT,
  acked_at     TEXT,
  due_at       TEXT,
  resolved_at  TEXT,
  outcome      TEXT CHECK (outcome IN ('solved', 'explained')),
  outcome_text TEXT,
  closed_at    TEXT,                                    -- the latest close
  level        INTEGER NOT NULL DEFAULT 0 CHECK (level >= 0),
  satisfaction TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
  CHECK (status <> 'received' OR lead_unit IS NULL),
  CHECK (status NOT IN ('listed', 'in_progress', 'resolved') OR lead_unit IS NOT NULL),
  CHECK (status <> 'resolved' OR (resolved_at IS NOT NULL AND outcome IS NOT NULL)),
  CHECK (status <> 'closed' OR closed_at IS NOT NULL),  -- a forced close may lack an outcome
  CHECK (outcome <> 'explained' OR outcome_text IS NOT NULL)
) STRICT;

CREATE INDEX case_status      ON "case" (status);
CREATE INDEX case_lead_unit   ON "case" (lead_unit, status);
CREATE INDEX case_received_at ON "case" (received_at);
CREATE INDEX case_closed_at   ON "case" (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX case_due_at      ON "case" (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX case_meeting     ON "case" (meeting) WHERE meeting IS NOT NULL;

-- Co-responsible units (责任单位) of a case, in the order given.
CREATE TABLE co_unit (
  case_id  INTEGER NOT NULL REFERENCES "case" (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  unit     TEXT NOT NULL CHECK (unit <> ''),
  PRIMARY KEY (case_id, position),
  UNIQUE (case_id, unit)
) STRICT, WITHOUT ROWID;
CREATE INDEX co_unit_unit ON co_unit (unit);

-- Every event of every case: who did what, when, why. Append-only: the
-- triggers below refuse UPDATE and DELETE, whoever asks.
CREATE TABLE journal (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES "case" (id),
  at      TEXT NOT NULL CHECK (at GLOB '????-??-??T??:??:??Z'),
  actor   TEXT NOT NULL CHECK (actor <> ''),
  action  TEXT NOT NULL CHECK (action IN ('intake', 'assign', 'ack', 'return', 'note',
                                          'resolve', 'close', 'reopen', 'followup', 'escalate')),
  unit    TEXT,                                        -- the unit acting or concerned
  detail  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail) AND json_type(detail) = 'object')
) STRICT;
CREATE INDEX journal_case      ON journal (case_id, id);
CREATE INDEX journal_action_at ON journal (action, at);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;

-- Full-text search over what people write, for `list --search`. The trigram
-- tokenizer finds Chinese words of three or more characters; shorter ones
-- (路灯) are found by a scan of the case table instead. duban fills it once
-- per transaction rather than by a trigger per row: FTS5 flushes its pending
-- index at every statement, which made a trigger cost ~100 us a case. A
-- program that writes cases itself can rebuild it:
--   INSERT INTO case_text (case_text) VALUES ('rebuild');
CREATE VIRTUAL TABLE case_text USING fts5 (
  title, description, address, content = 'case', content_rowid = 'id', tokenize = 'trigram'
);

-- A case is never deleted: it is closed.
CREATE TRIGGER case_no_delete BEFORE DELETE ON "case"
BEGIN
  SELECT RAISE(ABORT, 'cases are never deleted; close them');
END;
