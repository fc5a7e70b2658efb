-- duban store, schema version 2: whistles (吹哨报到).
--
-- `escalate --whistle` summons several units to report on a case within a
-- short window; each summoned unit answers with `ack --unit`. One row per
-- unit per whistle; answered_at stays NULL until the unit reports, and a
-- late answer is one whose answered_at is after due_at.
CREATE TABLE summons (
  case_id     INTEGER NOT NULL REFERENCES "case" (id),
  unit        TEXT NOT NULL CHECK (unit <> ''),
  summoned_at TEXT NOT NULL CHECK (summoned_at GLOB '????-??-??T??:??:??Z'),
  due_at      TEXT NOT NULL CHECK (due_at GLOB '????-??-??T??:??:??Z'),
  answered_at TEXT CHECK (answered_at GLOB '????-??-??T??:??:??Z'),
  PRIMARY KEY (case_id, unit, summoned_at)
) STRICT;
CREATE INDEX summons_unanswered ON summons (due_at) WHERE answered_at IS NULL;

-- The ack clock of open cases, for `remind` and `escalate --auto`.
CREATE INDEX case_ack_due ON "case" (ack_due) WHERE status = 'listed';

-- The ack figures of reports select cases by their first assignment.
CREATE INDEX case_first_assigned_at ON "case" (first_assigned_at)
  WHERE first_assigned_at IS NOT NULL;
