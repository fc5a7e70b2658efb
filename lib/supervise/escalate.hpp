// Escalation (督办升级), by hand and by the config's ladder (SPEC §3, §5).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cases/cases.hpp"

namespace duban::supervise {

using cases::CaseRow;
using cases::Context;

// Raises each case to `level` (above its current level).
std::vector<CaseRow> raise_level(Context& ctx, const std::vector<std::int64_t>& ids, int level,
                                 const std::string& reason);

// Moves each case up the unit tree to `unit`, an ancestor of its lead unit:
// the unit becomes the lead, must acknowledge afresh, and the level rises by one.
std::vector<CaseRow> move_up(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& unit, const std::string& reason);

// Blows a whistle (吹哨报到): each unit must report with `ack --unit` within
// `within` of now. The level does not change.
std::vector<CaseRow> whistle(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::vector<std::string>& units, time::Duration within,
                             const std::string& reason);

// One step of the ladder applied to one case by `escalate --auto`.
struct Escalation {
  CaseRow after;           // the case as it is now
  int from_level = 0;
  int to_level = 0;
  std::string when;        // ack_overdue | overdue
  time::Instant deadline;  // the deadline that passed (ack_due or due_at)
  std::string notify;
};

// Applies the ladder to every open case: a case whose deadline plus a step's
// `after` has passed, and whose level is below the step's, rises to it (one
// journal event per step). Idempotent: a second run at the same clock does
// nothing. Works in short transactions (`batch` cases each) so that people
// can keep working, and decides each case inside its transaction, so a
// case acknowledged meanwhile is never escalated; an interrupted run is
// finished by the next. `committed` is told each transaction's escalations
// once it has committed, so that a run that stops early can say what it did.
using Committed = std::function<void(const std::vector<Escalation>&)>;
std::vector<Escalation> escalate_auto(Context& ctx, const Committed& committed = {},
                                      std::size_t batch = 200);

}  // namespace duban::supervise
