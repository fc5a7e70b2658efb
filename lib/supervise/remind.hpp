// What is due (SPEC §6 remind): grouped by the unit that must act, so that
// cron can mail each unit its own list. Prints nothing when nothing is due
// (JSON: its empty object). Words come from the caller (util/words.hpp):
// remind.kind.<kind>, remind.office, remind.due, remind.co_unit,
// remind.unassigned.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/render.hpp"
#include "store/store.hpp"
#include "util/words.hpp"

namespace duban::supervise {

enum class ReminderKind {
  overdue,             // open, past its due
  due_soon,            // open, due within the window (or later today)
  unacknowledged,      // listed, past its ack due
  ack_due_soon,        // listed, its ack due within the window (or later today)
  whistle_unanswered,  // a summoned unit has not reported by its window
  meeting_list_late,   // a meeting's list is not issued within list_within
  meeting_report_due,  // a meeting's implementation report falls due within the window
  suspension_ended,    // suspended (挂账), its expected end passed: resume it or say why not
  extension_pending,   // a later due asked for (延期), awaiting the office's decision
};
std::string_view to_string(ReminderKind kind);

// Why a unit is told: it leads the case, shares it as a co-unit (overdue
// and due soon only: acknowledging is the lead's), was summoned by a
// whistle, or is the supervision office (a meeting's list and report, and
// the extensions awaiting its decision).
enum class Role { lead, co_unit, summoned, office };
std::string_view to_string(Role role);

struct Reminder {
  ReminderKind kind = ReminderKind::overdue;
  Role role = Role::lead;
  std::optional<std::int64_t> case_id, meeting;
  std::string title;
  time::Instant due;  // the deadline concerned
  std::int64_t level = 0;
  // A meeting's list: how many of its cases await assignment, of how many.
  std::optional<std::int64_t> unassigned, cases;
};

struct UnitReminders {
  // None only for meetings when the config names no `office`.
  std::optional<std::string> unit;
  std::string name;
  std::optional<std::string> head, email;
  std::vector<Reminder> items;
};

// Everything due at `now`, within `within` of it or later the same local
// day, grouped by unit in the config's order. A case is told to its lead
// unit and (overdue or due soon) to each co-unit; a meeting's items to the
// config's `office` (last, without a unit, when it names none). With `unit`
// only that unit's group: the same as its group in the whole list.
std::vector<UnitReminders> remind(const store::Store& store, const config::Config& config,
                                  time::Instant now, time::Duration within,
                                  const std::optional<std::string>& unit);

// text: a block per unit in `words`; json: {"as_of", "groups": [{"unit",
// "name", "head", "email", "items": [...]}]}, with `"groups": []` when
// nothing is due; csv/tsv: a header and one row per item; jsonl: one line
// per item. The text form writes nothing at all when nothing is due.
void render_reminders(std::ostream& out, const std::vector<UnitReminders>& groups,
                      io::Format format, const config::Config& config, time::Instant now,
                      const Words& words);

}  // namespace duban::supervise
