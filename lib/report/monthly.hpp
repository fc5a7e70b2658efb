// The monthly supervision bulletin (月度督查通报): every figure of SPEC §7 per
// group and in total, for a period of local days, as of a clock.
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/render.hpp"
#include "store/store.hpp"
#include "util/words.hpp"

namespace duban::report {

// P = [from, to) in local days of the config's zone.
struct Period {
  time::LocalDays from, to;
};

// A calendar month "2026-10"; nullopt if malformed.
std::optional<Period> month(std::string_view yyyy_mm);

struct Figures {
  std::int64_t received = 0, closed = 0;
  std::optional<double> closure_rate, on_time_rate;
  std::int64_t overdue_open = 0;
  std::optional<double> ack_rate, satisfaction_rate, mean_days_to_close;
  std::int64_t escalations = 0, reopened = 0, returned = 0;
  std::int64_t extensions = 0, excluded = 0, problems = 0;
};

// Rates from the counts; an empty denominator gives no rate (SPEC §7).
Figures figures_of(const store::Tally& t, double basic_weight);
void add(store::Tally& into, const store::Tally& t);

struct Group {
  std::optional<std::string> key;  // none: cases without one (unassigned)
  std::string name;                // the config's name, else the key; empty without a key
  Figures figures;
};

struct Monthly {
  Period period;
  time::Instant as_of;
  store::GroupBy by = store::GroupBy::unit;
  bool rollup = false;
  std::vector<Group> groups;
  Figures total;
};

// Groups with anything to show, units in the config's order (others by key,
// the keyless last). With `rollup` (by unit) a unit's figures include its
// descendants'; the total never counts a case twice.
Monthly monthly(const store::Store& store, const config::Config& config, Period period,
                time::Instant as_of, store::GroupBy by, bool rollup);

std::optional<store::GroupBy> parse_group_by(std::string_view name);
std::string_view to_string(store::GroupBy by);

// The fourteen figures of SPEC §7 in their order, as JSON names them; a
// reader sees the words of `figure.<key>` (every form: text, HTML).
inline constexpr std::array<std::string_view, 14> k_figure_keys = {
    "received",     "closed",   "closure_rate",      "on_time_rate",
    "overdue_open", "ack_rate", "satisfaction_rate", "mean_days_to_close",
    "escalations",  "reopened", "returned",          "extensions",
    "excluded",     "problems"};

// `x` to one decimal, halves away from zero (四舍五入): 11.25 -> "11.3".
std::string one_decimal(double x);

// For a reader: a rate as "98.0%", a number of days as "23.0", "—" for none.
std::string percent_text(const std::optional<double>& rate);
std::string decimal_text(const std::optional<double>& value);

// SPEC §9's JSON document of the report (render_monthly's json).
io::Json monthly_json(const Monthly& report);

// json: SPEC §9's shape, rates exact in 0..1; table/md: in `words`
// (report.*, figure.*), rates as percentages to one decimal, "—" for none;
// csv/tsv: one row per group then a "total" row, exact values, empty for none.
void render_monthly(std::ostream& out, const Monthly& report, io::Format format,
                    const config::Config& config, const Words& words,
                    const io::RenderOptions& options = {});

}  // namespace duban::report
