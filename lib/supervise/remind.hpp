// What is due (SPEC §6 remind): grouped by the unit that must act, so that
// cron can mail each unit its own list. Prints nothing when nothing is due.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/render.hpp"
#include "store/store.hpp"

namespace duban::supervise {

enum class ReminderKind {
  overdue,             // open, past its due
  due_soon,            // open, due within the window
  unacknowledged,      // listed, past its ack due
  whistle_unanswered,  // a summoned unit has not reported by its window
  meeting_list_late,   // a meeting's cases are not all assigned within list_within
  meeting_report_due,  // a meeting's implementation report falls due within the window
};
std::string_view to_string(ReminderKind kind);

struct Reminder {
  ReminderKind kind;
  std::optional<std::int64_t> case_id, meeting;
  std::string title;
  time::Instant due;  // the deadline concerned
  std::int64_t level = 0;
};

struct UnitReminders {
  std::optional<std::string> unit;  // none: the supervision office's own (meetings)
  std::string name;
  std::optional<std::string> head, email;
  std::vector<Reminder> items;
};

// Everything due at `now` or within `within` of it, grouped by unit in the
// config's order, meetings last; only `unit`'s share when given.
std::vector<UnitReminders> remind(const store::Store& store, const config::Config& config,
                                  time::Instant now, time::Duration within,
                                  const std::optional<std::string>& unit);

// text: a block per unit (labels in config.lang); json: {"as_of", "groups":
// [{"unit", "name", "head", "email", "items": [...]}]}; csv/tsv/jsonl: one
// row per item. Writes nothing when there are no groups.
void render_reminders(std::ostream& out, const std::vector<UnitReminders>& groups,
                      io::Format format, const config::Config& config, time::Instant now);

}  // namespace duban::supervise
