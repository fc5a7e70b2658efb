#include "report/monthly.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "time/calendar.hpp"

namespace duban::report {

namespace {

using io::Json;
using store::GroupBy;

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

bool has_anything(const store::Tally& t) {
  return t.received || t.closed || t.overdue_open || t.ack_due || t.followups || t.escalations ||
         t.reopened || t.returned || t.extensions || t.excluded;
}

// The unit and all below it, for --rollup.
bool within(const config::Config& config, const std::string& unit, const std::string& top) {
  for (const auto* u = config.find_unit(unit); u;
       u = u->parent ? config.find_unit(*u->parent) : nullptr)
    if (u->code == top) return true;
  return false;
}

std::string group_name(const config::Config& config, GroupBy by,
                       const std::optional<std::string>& key) {
  if (!key) return {};
  if (by == GroupBy::unit)
    if (const auto* u = config.find_unit(*key)) return u->name;
  if (by == GroupBy::category)
    if (const auto* c = config.find_category(*key)) return c->name;
  if (by == GroupBy::channel) return config.channel_name(*key);
  return *key;
}

Json figures_json(const Figures& f) {
  auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  return Json{{"received", f.received},
              {"closed", f.closed},
              {"closure_rate", opt(f.closure_rate)},
              {"on_time_rate", opt(f.on_time_rate)},
              {"overdue_open", f.overdue_open},
              {"ack_rate", opt(f.ack_rate)},
              {"satisfaction_rate", opt(f.satisfaction_rate)},
              {"mean_days_to_close", opt(f.mean_days_to_close)},
              {"escalations", f.escalations},
              {"reopened", f.reopened},
              {"returned", f.returned},
              {"extensions", f.extensions},
              {"excluded", f.excluded},
              {"problems", f.problems}};
}

}  // namespace

std::string one_decimal(double x) {
  // Half away from zero (四舍五入), as a bulletin's reader expects: 11.25 ->
  // 11.3, where printf's round-half-even would print 11.2. The 1e-9 absorbs
  // binary error in values such as 0.455 * 100.
  const double scaled = std::floor(std::abs(x) * 10 + 0.5 + 1e-9) / 10;
  return fmt::format("{:.1f}", x < 0 ? -scaled : scaled);
}

std::string percent_text(const std::optional<double>& rate) {
  return rate ? one_decimal(*rate * 100) + "%" : std::string("—");
}

std::string decimal_text(const std::optional<double>& value) {
  return value ? one_decimal(*value) : std::string("—");
}

namespace {

// For a person: rates as "98.0%", days to one decimal, "—" for none.
Json figures_display(const Figures& f) {
  Json j = figures_json(f);
  j["closure_rate"] = percent_text(f.closure_rate);
  j["on_time_rate"] = percent_text(f.on_time_rate);
  j["ack_rate"] = percent_text(f.ack_rate);
  j["satisfaction_rate"] = percent_text(f.satisfaction_rate);
  j["mean_days_to_close"] = decimal_text(f.mean_days_to_close);
  return j;
}

}  // namespace

std::optional<Period> month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto first = time::parse_date(fmt::format("{}-01", text));
  if (!first) return std::nullopt;
  const std::chrono::year_month_day ymd{*first};
  const auto next =
      std::chrono::year_month_day{ymd.year() / ymd.month() / 1} + std::chrono::months{1};
  return Period{*first, time::LocalDays{std::chrono::local_days(next).time_since_epoch()}};
}

Figures figures_of(const store::Tally& t, double basic_weight) {
  Figures f;
  f.received = t.received;
  f.closed = t.closed;
  // Of the cases that count: a granted appeal leaves both parts (SPEC §3).
  f.closure_rate = ratio(t.received_closed, t.received_rated);
  f.on_time_rate = ratio(t.closed_on_time, t.closed_rated);
  f.overdue_open = t.overdue_open;
  f.ack_rate = ratio(t.ack_on_time, t.ack_due);
  // 基本满意 counts with the config's weight (SPEC §7).
  if (t.followups)
    f.satisfaction_rate =
        (static_cast<double>(t.satisfied) + basic_weight * static_cast<double>(t.basic)) /
        static_cast<double>(t.followups);
  if (t.closed) f.mean_days_to_close = t.close_seconds / 86400.0 / static_cast<double>(t.closed);
  f.escalations = t.escalations;
  f.reopened = t.reopened;
  f.returned = t.returned;
  f.extensions = t.extensions;
  f.excluded = t.excluded;
  f.problems = t.problems;
  return f;
}

void add(store::Tally& into, const store::Tally& t) {
  into.received += t.received;
  into.received_closed += t.received_closed;
  into.closed += t.closed;
  into.closed_on_time += t.closed_on_time;
  into.close_seconds += t.close_seconds;
  into.overdue_open += t.overdue_open;
  into.ack_due += t.ack_due;
  into.ack_on_time += t.ack_on_time;
  into.followups += t.followups;
  into.satisfied += t.satisfied;
  into.basic += t.basic;
  into.escalations += t.escalations;
  into.reopened += t.reopened;
  into.returned += t.returned;
  into.received_rated += t.received_rated;
  into.closed_rated += t.closed_rated;
  into.extensions += t.extensions;
  into.excluded += t.excluded;
  into.problems += t.problems;
}

std::optional<GroupBy> parse_group_by(std::string_view name) {
  for (auto by :
       {GroupBy::unit, GroupBy::category, GroupBy::channel, GroupBy::klass, GroupBy::town})
    if (to_string(by) == name) return by;
  return std::nullopt;
}

std::string_view to_string(GroupBy by) {
  switch (by) {
  case GroupBy::unit: return "unit";
  case GroupBy::category: return "category";
  case GroupBy::channel: return "channel";
  case GroupBy::klass: return "class";
  case GroupBy::town: return "town";
  }
  return "unit";
}

Monthly monthly(const store::Store& store, const config::Config& config, Period period,
                time::Instant as_of, GroupBy by, bool rollup) {
  Monthly m;
  m.period = period;
  m.as_of = as_of;
  m.by = by;
  m.rollup = rollup && by == GroupBy::unit;
  const auto tallies =
      store.tally(by, config.zone.start_of(period.from), config.zone.start_of(period.to), as_of);
  store::Tally total;
  for (const auto& t : tallies) add(total, t);
  m.total = figures_of(total, config.satisfaction_basic_weight);

  std::vector<store::Tally> shown;
  std::map<std::string, bool> placed;  // keys shown in a unit's own group
  if (by == GroupBy::unit) {
    for (const auto& u : config.units) {
      store::Tally sum;
      sum.key = u.code;
      for (const auto& t : tallies) {
        if (!t.key) continue;
        if (*t.key == u.code || (m.rollup && within(config, *t.key, u.code))) add(sum, t);
        if (*t.key == u.code) placed[u.code] = true;
      }
      if (has_anything(sum)) shown.push_back(sum);
    }
  }
  // Keys not in the config (or every key, for other groupings), then none.
  std::vector<store::Tally> rest;
  for (const auto& t : tallies)
    if (t.key && !placed.count(*t.key) && has_anything(t)) rest.push_back(t);
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return *a.key < *b.key; });
  shown.insert(shown.end(), rest.begin(), rest.end());
  for (const auto& t : tallies)
    if (!t.key && has_anything(t)) shown.push_back(t);

  for (const auto& t : shown)
    m.groups.push_back(
        {t.key, group_name(config, by, t.key), figures_of(t, config.satisfaction_basic_weight)});
  return m;
}

io::Json monthly_json(const Monthly& r) {
  Json doc;
  doc["period"] =
      Json{{"from", time::format_date(r.period.from)}, {"to", time::format_date(r.period.to)}};
  doc["as_of"] = time::format_utc(r.as_of);
  doc["by"] = std::string(to_string(r.by));
  doc["rollup"] = r.rollup;
  doc["groups"] = Json::array();
  for (const auto& g : r.groups) {
    Json j{{"key", g.key ? Json(*g.key) : Json(nullptr)}, {"name", g.name}};
    const auto figures = figures_json(g.figures);  // items() must not outlive it
    for (const auto& [k, v] : figures.items()) j[k] = v;
    doc["groups"].push_back(std::move(j));
  }
  doc["total"] = figures_json(r.total);
  return doc;
}

void render_monthly(std::ostream& out, const Monthly& r, io::Format format,
                    const config::Config& config, const Words& words,
                    const io::RenderOptions& options) {
  if (format == io::Format::json) {
    out << monthly_json(r).dump(2) << '\n';
    return;
  }
  const bool person = format == io::Format::table || format == io::Format::md;
  auto word = [&](std::string_view key, std::string_view code) {
    return std::string(person ? words(key) : code);
  };
  std::vector<io::Column> columns;
  columns.push_back({"key", word(fmt::format("report.group.{}", to_string(r.by)), "key")});
  columns.push_back({"name", word("report.name", "name")});
  for (const auto key : k_figure_keys)
    columns.push_back({std::string(key), word(fmt::format("figure.{}", key), key), true});
  std::vector<Json> rows;
  auto row = [&](const Json& key, const std::string& name, const Figures& f) {
    Json j{{"key", key}, {"name", name}};
    const auto figures = person ? figures_display(f) : figures_json(f);
    for (const auto& [k, v] : figures.items()) j[k] = v;
    rows.push_back(std::move(j));
  };
  for (const auto& g : r.groups)
    row(g.key ? Json(*g.key) : Json(""), g.key || !person ? g.name : word("report.none", ""),
        g.figures);
  row(Json(word("report.total", "total")), "", r.total);
  if (format == io::Format::table)
    out << words.format("report.monthly.title", time::format_date(r.period.from),
                        time::format_date(r.period.to - std::chrono::days{1}),
                        time::format_local(r.as_of, config.zone))
        << '\n';
  io::render_rows(out, columns, rows, format, options);
}

}  // namespace duban::report
