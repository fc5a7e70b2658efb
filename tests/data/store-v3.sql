-- A store written by duban 0.1.0 at schema version 3 (commit 8198477), before the
-- hash chain: three cases through intake, assign, ack, note, resolve, close, an
-- unsatisfied follow-up, escalate --auto, return and escalate --to. Made with
-- 'sqlite3 v3.db .dump'; the migration test loads it and lets this duban migrate it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meeting (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind <> ''),          -- breakfast, night-talk, ...
  title      TEXT NOT NULL CHECK (title <> ''),
  held_on    TEXT NOT NULL                              -- local date
             CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  group_name TEXT,                                      -- who met: sanitation workers, ...
  created_at TEXT NOT NULL CHECK (created_at GLOB '????-??-??T??:??:??Z')
) STRICT;
CREATE TABLE IF NOT EXISTS "case" (
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
INSERT INTO "case" VALUES(1,'7DA9-6DJ9','路灯不亮',NULL,NULL,NULL,'C',NULL,'13800000001','列东街道',NULL,NULL,NULL,'in_progress','cgj','李副市长','2026-10-12T01:00:00Z','2026-10-12T02:00:00Z','2026-10-12T02:00:00Z','2026-10-13T15:59:59Z','2026-10-12T03:00:00Z','2026-10-19T15:59:59Z',NULL,NULL,NULL,NULL,2,'unsatisfied');
INSERT INTO "case" VALUES(2,'DFC6-YCRS','井盖缺失',NULL,NULL,NULL,'A',NULL,NULL,NULL,NULL,NULL,NULL,'received',NULL,'李副市长','2026-10-12T01:00:00Z','2026-10-12T02:00:00Z',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,NULL);
INSERT INTO "case" VALUES(3,'2NU9-3RHZ','补录',NULL,NULL,NULL,'C',NULL,NULL,NULL,NULL,NULL,NULL,'listed','city',NULL,'2026-10-01T01:00:00Z','2026-10-22T02:00:00Z','2026-10-22T02:00:00Z','2026-10-23T15:59:59Z',NULL,'2026-10-29T15:59:59Z',NULL,NULL,NULL,NULL,1,NULL);
CREATE TABLE co_unit (
  case_id  INTEGER NOT NULL REFERENCES "case" (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  unit     TEXT NOT NULL CHECK (unit <> ''),
  PRIMARY KEY (case_id, position),
  UNIQUE (case_id, unit)
) STRICT, WITHOUT ROWID;
INSERT INTO co_unit VALUES(1,0,'cjl');
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
INSERT INTO journal VALUES(1,1,'2026-10-12T01:00:00Z','zhangmin','intake',NULL,'{"receipt":"7DA9-6DJ9"}');
INSERT INTO journal VALUES(2,2,'2026-10-12T01:00:00Z','zhangmin','intake',NULL,'{"receipt":"DFC6-YCRS"}');
INSERT INTO journal VALUES(3,3,'2026-10-12T01:00:00Z','zhangmin','intake',NULL,'{"receipt":"2NU9-3RHZ"}');
INSERT INTO journal VALUES(4,1,'2026-10-12T02:00:00Z','zhangmin','assign','cgj','{"lead":"cgj","co":["cjl"],"leader":"李副市长","class":"C","ack_due":"2026-10-13T15:59:59Z","due_at":"2026-10-19T15:59:59Z"}');
INSERT INTO journal VALUES(5,2,'2026-10-12T02:00:00Z','zhangmin','assign','cgj','{"lead":"cgj","co":["cjl"],"leader":"李副市长","class":"A","ack_due":"2026-10-13T15:59:59Z","due_at":"2026-11-09T15:59:59Z"}');
INSERT INTO journal VALUES(6,1,'2026-10-12T03:00:00Z','zhangmin','ack','cgj','{}');
INSERT INTO journal VALUES(7,1,'2026-10-13T02:00:00Z','zhangmin','note','cgj','{"text":"进展"}');
INSERT INTO journal VALUES(8,1,'2026-10-14T02:00:00Z','zhangmin','resolve','cgj','{"outcome":"solved","note":"已修复"}');
INSERT INTO journal VALUES(9,1,'2026-10-15T02:00:00Z','zhangmin','close','cgj','{}');
INSERT INTO journal VALUES(10,1,'2026-10-16T02:00:00Z','zhangmin','followup','cgj','{"rating":"unsatisfied"}');
INSERT INTO journal VALUES(11,1,'2026-10-16T02:00:00Z','zhangmin','reopen','cgj','{"reason":"回访不满意，重新办理"}');
INSERT INTO journal VALUES(12,1,'2026-10-20T02:00:00Z','zhangmin','escalate','cgj','{"auto":true,"when":"overdue","deadline":"2026-10-19T15:59:59Z","from_level":0,"level":2,"notify":"leader"}');
INSERT INTO journal VALUES(13,2,'2026-10-20T02:00:00Z','zhangmin','escalate','cgj','{"auto":true,"when":"ack_overdue","deadline":"2026-10-13T15:59:59Z","from_level":0,"level":1,"notify":"unit head"}');
INSERT INTO journal VALUES(14,2,'2026-10-21T02:00:00Z','zhangmin','return','cgj','{"reason":"不属本单位"}');
INSERT INTO journal VALUES(15,3,'2026-10-22T02:00:00Z','zhangmin','assign','rsj','{"lead":"rsj","co":[],"class":"C","ack_due":"2026-10-23T15:59:59Z","due_at":"2026-10-29T15:59:59Z"}');
INSERT INTO journal VALUES(16,3,'2026-10-22T03:00:00Z','zhangmin','escalate','city','{"from_unit":"rsj","to_unit":"city","from_level":0,"level":1,"ack_due":"2026-10-23T15:59:59Z","reason":"市级督办"}');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','case_text','case_text',0,'CREATE VIRTUAL TABLE case_text USING fts5 (
  title, description, address, content = ''case'', content_rowid = ''id'', tokenize = ''trigram''
)');
CREATE TABLE IF NOT EXISTS 'case_text_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO case_text_data VALUES(1,X'03040000');
INSERT INTO case_text_data VALUES(10,X'000000000102020002010101020101');
INSERT INTO case_text_data VALUES(137438953473,X'000000200a30e781afe4b88de4baae0102030109e8b7afe781afe4b88d010202040e');
INSERT INTO case_text_data VALUES(274877906945,X'000000200a30e4ba95e79b96e7bcba0202020109e79b96e7bcbae5a4b1020203040e');
CREATE TABLE IF NOT EXISTS 'case_text_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO case_text_idx VALUES(1,X'',2);
INSERT INTO case_text_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'case_text_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO case_text_docsize VALUES(1,X'020000');
INSERT INTO case_text_docsize VALUES(2,X'020000');
INSERT INTO case_text_docsize VALUES(3,X'000000');
CREATE TABLE IF NOT EXISTS 'case_text_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO case_text_config VALUES('version',4);
CREATE TABLE summons (
  case_id     INTEGER NOT NULL REFERENCES "case" (id),
  unit        TEXT NOT NULL CHECK (unit <> ''),
  summoned_at TEXT NOT NULL CHECK (summoned_at GLOB '????-??-??T??:??:??Z'),
  due_at      TEXT NOT NULL CHECK (due_at GLOB '????-??-??T??:??:??Z'),
  answered_at TEXT CHECK (answered_at GLOB '????-??-??T??:??:??Z'),
  PRIMARY KEY (case_id, unit, summoned_at)
) STRICT;
CREATE INDEX case_status      ON "case" (status);
CREATE INDEX case_lead_unit   ON "case" (lead_unit, status);
CREATE INDEX case_due_at      ON "case" (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX case_meeting     ON "case" (meeting) WHERE meeting IS NOT NULL;
CREATE INDEX co_unit_unit ON co_unit (unit);
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
CREATE TRIGGER case_no_delete BEFORE DELETE ON "case"
BEGIN
  SELECT RAISE(ABORT, 'cases are never deleted; close them');
END;
CREATE INDEX summons_unanswered ON summons (due_at) WHERE answered_at IS NULL;
CREATE INDEX case_ack_due ON "case" (ack_due) WHERE status = 'listed';
CREATE INDEX case_first_assigned_at ON "case" (first_assigned_at)
  WHERE first_assigned_at IS NOT NULL;
CREATE INDEX case_received_report ON "case" (received_at, lead_unit, category, channel, class,
                                             town, closed_at);
CREATE INDEX case_closed_report ON "case" (closed_at, lead_unit, category, channel, class, town,
                                           received_at, resolved_at, due_at)
  WHERE closed_at IS NOT NULL;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 3;
