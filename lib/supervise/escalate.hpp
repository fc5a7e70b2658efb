// Escalation (督办升级), by hand and by the config's ladder (SPEC §3, §5).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cases/cases.hpp"
#include "io/render.hpp"
#include "util/words.hpp"

namespace duban::supervise {

using cases::CaseRow;
using cases::Context;

// Raises each case to `level` (above its current level; else
// Error(level_not_raised), case_id, value = level, choices = {current}).
std::vector<CaseRow> raise_level(Context& ctx, const std::vector<std::int64_t>& ids, int level,
                                 const std::string& reason);

// Moves each case up the unit tree to `unit`, an ancestor of its lead unit:
// the unit becomes the lead, must acknowledge afresh, and the level rises by one.
// Error(not_above) when it is not (case_id, value = unit, choices = {lead}).
std::vector<CaseRow> move_up(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& unit, const std::string& reason);

// Blows a whistle (吹哨报到): each unit must report with `ack --unit` within
// `within` of now. The level does not change. Error(whistle_without_units)
// for none.
std::vector<CaseRow> whistle(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::vector<std::string>& units, time::Duration within,
                             const std::string& reason);

// Whom a step of the ladder tells: the config's `notify`, read as the lead
// unit's head ("unit head"), the case's leader ("leader"), the supervision
// office's head ("supervision office" or "office"), or else as it is written.
struct Recipient {
  enum class Role { unit_head, leader, office, other };
  Role role = Role::other;
  std::optional<std::string> name, email;  // from the config (or the case's leader)
};
std::string_view to_string(Recipient::Role role);

// One step of the ladder applied to one case by `escalate --auto`.
struct Escalation {
  // The case, as much of it as is said (a run may escalate a hundred
  // thousand cases: no whole row is kept for each).
  std::int64_t id = 0;
  std::optional<std::string> lead_unit;
  std::string title;
  int from_level = 0;
  int to_level = 0;
  std::string when;               // ack_overdue | overdue
  time::Duration after_deadline;  // the step's `after`
  time::Instant deadline;         // the deadline that passed (ack_due or due_at)
  std::string notify;             // as the config writes it
  Recipient recipient;
};

// Applies the ladder to every open case: a case whose deadline plus a step's
// `after` has passed, and whose level is below the step's, rises to it (one
// journal event per step). Idempotent: a second run at the same clock does
// nothing. Works in short transactions (`batch` cases each) so that people
// can keep working, and decides each case inside its transaction, so a
// case acknowledged meanwhile is never escalated; an interrupted run is
// finished by the next. `committed` is told each transaction's escalations
// once it has committed, so that a run that stops early can say what it did;
// they are then not kept, and none is returned.
using Committed = std::function<void(const std::vector<Escalation>&)>;
std::vector<Escalation> escalate_auto(Context& ctx, const Committed& committed = {},
                                      std::size_t batch = 200);

// What `escalate --auto` prints, for cron to mail: table, a line per
// escalation in `words` (escalate.col.*, escalate.rule.*, escalate.notify.*,
// duration.*), the rule and the person told by name and email; json, jsonl,
// csv, tsv: the codes (`when`, `notify`) and `notify_name`, `notify_email`;
// ids. Writes nothing when nothing was done (JSON: "[]").
void render_escalations(std::ostream& out, const std::vector<Escalation>& done, io::Format format,
                        const config::Config& config, const Words& words,
                        const io::RenderOptions& options = {});

// A duration in words: "5个工作日", "5 working days".
std::string duration_words(time::Duration d, const Words& words);

}  // namespace duban::supervise
