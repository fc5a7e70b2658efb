-- Schema 8: a covering index of the open cases with a deadline.
--
-- The monthly report counts, per unit (or category, channel, class, town),
-- the open cases past their deadline at its clock; the bulletin lists them
-- by deadline, and escalate --auto takes their ids. Through case_status,
-- SQLite read every listed and in-progress case from the table to test
-- its deadline (a million-case store, 109,000 such cases: 56 ms); this index
-- answers from itself alone (10 ms). It holds only cases with a deadline
-- that run on a clock (not suspended, not merged): a new case has no
-- deadline, so taking cases in does not write to it. Its queries name the
-- status as +c.status, so that SQLite does not prefer case_status for it.
CREATE INDEX case_open_due ON "case" (due_at, lead_unit, category, channel, class, town,
                                      received_at, status, suspended_at, merged_into)
  WHERE due_at IS NOT NULL AND suspended_at IS NULL AND merged_into IS NULL;
