// What the monthly bulletin (月度督查通报) carries besides its figures, as an
// office publishes it: the issuing office, the units ranked by the scorecard
// with its red and black lists (红黑榜), and the overdue cases behind
// 超期未办结. All of it read from the store as of the report's clock.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/render.hpp"
#include "report/monthly.hpp"
#include "report/tables.hpp"
#include "store/store.hpp"
#include "util/words.hpp"

namespace duban::report {

// An open case (listed or in progress) whose due is before the clock: one
// of those `overdue_open` counts.
struct OverdueCase {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::string> lead_unit;
  std::string lead_name;  // the config's name, else the code; empty without a lead unit
  time::Instant due_at;
  // The working days of the config calendar after the due's local date, up
  // to and including the clock's local date (time::working_days_after): a
  // case due Friday 23:59:59 is 0 on Saturday and 1 on Monday at T.
  std::int64_t working_days = 0;
};

struct Office {
  std::string unit, name;  // the config's `office` and its unit's name (else the code)
};

struct Bulletin {
  std::optional<Office> office;  // none when the config names no office
  // The scorecard of the period (report::scorecard, the units' own figures,
  // no rollup): best first, equal scores sharing a rank (1, 2, 2, 4), units
  // without a score last with rank 0.
  std::vector<Score> ranking;
  std::size_t top = 3;
  // The best `top` ranked units and the worst `top`, each with every unit
  // tied with its last place; the black list worst first and without the
  // units already on the red list (a unit is on one list at most).
  std::vector<Score> red, black;
  // Most overdue first: working days, then the earlier due, then the id.
  std::vector<OverdueCase> overdue;
  // The cases whose appeal was granted in the period (核减数), and why.
  std::vector<store::GrantedAppeal> excluded;
};

// What an empty list says: none ranked at all (bulletin.no_units), or, for
// the black list, every ranked unit on the red one (bulletin.black.none).
std::string_view empty_list_key(const Bulletin& bulletin, bool black);

// A unit's name for a reader (report.none without one); the columns of the
// excluded cases' table (md and html share them).
std::string unit_name(const config::Config& config, const std::optional<std::string>& code,
                      const Words& words);
std::vector<io::Column> excluded_columns(const Words& words);

// The bulletin's data for `month`, from a store read as of month.as_of
// (Store::read_as_of), so that a rerun with the same clock gives the same
// ranking and list.
Bulletin bulletin(const store::Store& store, const config::Config& config, const Monthly& month,
                  std::size_t top);

// json: render_monthly's document with "office" ({"unit", "name"} or null),
// "ranking" ([{"unit", "name", "score", "rank"}], score 0..100 exact, null
// score and rank when unranked) and "overdue" ([{"id", "title",
// "lead_unit", "due_at", "working_days_overdue"}], due_at in UTC) and "excluded_cases" ([{"id",
// "title", "unit", "granted_at", "reason"}]) added;
// md: a heading with the office, period and clock, the figures table, then
// the ranking, the red and black lists and the overdue cases (words
// bulletin.*, scorecard.col.*); every other format as render_monthly.
void render_bulletin(std::ostream& out, const Monthly& month, const Bulletin& bulletin,
                     io::Format format, const config::Config& config, const Words& words,
                     const io::RenderOptions& options = {});

}  // namespace duban::report
