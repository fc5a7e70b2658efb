#include "report/bulletin.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "store/event.hpp"
#include "time/calendar.hpp"

namespace duban::report {

namespace {

using io::Json;

// The best `top` of `ranked` (best first, all with a score) and every unit
// tied with the last of them.
std::vector<Score> best(const std::vector<Score>& ranked, std::size_t top) {
  std::vector<Score> out;
  if (ranked.empty() || top == 0) return out;
  const int last_rank = ranked[std::min(top, ranked.size()) - 1].rank;
  for (const auto& s : ranked)
    if (s.rank <= last_rank) out.push_back(s);
  return out;
}

}  // namespace

std::string unit_name(const config::Config& config, const std::optional<std::string>& code,
                      const Words& words) {
  if (!code) return std::string(words("report.none"));
  const auto* unit = config.find_unit(*code);
  return unit ? unit->name : *code;
}

std::vector<io::Column> excluded_columns(const Words& words) {
  return {{"id", std::string(words("bulletin.col.id")), true},
          {"title", std::string(words("bulletin.col.title"))},
          {"unit", std::string(words("bulletin.col.lead_unit"))},
          {"at", std::string(words("bulletin.col.granted_at"))},
          {"reason", std::string(words("bulletin.col.reason"))}};
}

Bulletin bulletin(const store::Store& store, const config::Config& config, const Monthly& month,
                  std::size_t top) {
  Bulletin b;
  b.top = top;
  if (config.office) {
    const auto* unit = config.find_unit(*config.office);
    b.office = Office{*config.office, unit ? unit->name : *config.office};
  }
  // The scorecard's own figures: by unit, each unit alone (as `report
  // scorecard` ranks them), whatever this report is grouped by.
  if (month.by == store::GroupBy::unit && !month.rollup) {
    b.ranking = scorecard(month, config);
  } else {
    b.ranking = scorecard(
        monthly(store, config, month.period, month.as_of, store::GroupBy::unit, false), config);
  }
  std::vector<Score> ranked;
  for (const auto& s : b.ranking)
    if (s.score) ranked.push_back(s);
  b.red = best(ranked, top);
  std::reverse(ranked.begin(), ranked.end());
  // Worst first; the ranks are ascending from the best, so the tie rule is
  // "every unit whose rank is at least that of the Nth from the bottom".
  if (!ranked.empty() && top > 0) {
    const int first_rank = ranked[std::min(top, ranked.size()) - 1].rank;
    for (const auto& s : ranked) {
      if (s.rank < first_rank) break;
      const bool on_red =
          std::any_of(b.red.begin(), b.red.end(), [&](const Score& r) { return r.unit == s.unit; });
      if (!on_red) b.black.push_back(s);
    }
  }

  b.excluded = store.granted_appeals(config.zone.start_of(month.period.from),
                                     config.zone.start_of(month.period.to), month.as_of);

  // The same cases overdue_open counts: listed or in progress, due before T.
  // Working days are counted once per due date (a city's tens of thousands
  // of overdue cases fall on a few hundred days), each a walk over the days.
  const auto today = config.zone.local_date(month.as_of);
  std::map<time::LocalDays, std::int64_t> days_after;
  for (auto& c : store.overdue_before(month.as_of)) {
    OverdueCase o;
    o.id = c.id;
    o.title = std::move(c.title);
    if (c.lead_unit) {
      const auto* unit = config.find_unit(*c.lead_unit);
      o.lead_name = unit ? unit->name : *c.lead_unit;
    }
    o.lead_unit = std::move(c.lead_unit);
    o.due_at = c.due_at;
    const auto due = config.zone.local_date(c.due_at);
    auto at = days_after.find(due);
    if (at == days_after.end())
      at = days_after.emplace(due, time::working_days_after(due, today, config.calendar)).first;
    o.working_days = at->second;
    b.overdue.push_back(std::move(o));
  }
  std::sort(b.overdue.begin(), b.overdue.end(), [](const OverdueCase& x, const OverdueCase& y) {
    if (x.working_days != y.working_days) return x.working_days > y.working_days;
    if (x.due_at.tp != y.due_at.tp) return x.due_at.tp < y.due_at.tp;
    return x.id < y.id;
  });
  return b;
}

std::string_view empty_list_key(const Bulletin& b, bool black) {
  return black && !b.red.empty() ? "bulletin.black.none" : "bulletin.no_units";
}

namespace {

Json ranking_json(const std::vector<Score>& scores) {
  Json out = Json::array();
  for (const auto& s : scores)
    out.push_back(Json{{"unit", s.unit},
                       {"name", s.name},
                       {"score", s.score ? Json(*s.score) : Json(nullptr)},
                       {"rank", s.rank ? Json(s.rank) : Json(nullptr)}});
  return out;
}

std::string rank_text(const Score& s) { return s.rank ? std::to_string(s.rank) : "—"; }

void md_units(std::ostream& out, const std::vector<Score>& scores, const Words& words) {
  std::vector<io::Column> columns = {{"rank", std::string(words("scorecard.col.rank")), true},
                                     {"name", std::string(words("scorecard.col.name"))},
                                     {"unit", std::string(words("scorecard.col.unit"))},
                                     {"score", std::string(words("scorecard.col.score")), true}};
  std::vector<Json> rows;
  for (const auto& s : scores)
    rows.push_back(Json{{"rank", rank_text(s)},
                        {"name", s.name},
                        {"unit", s.unit},
                        {"score", decimal_text(s.score)}});
  io::render_rows(out, columns, rows, io::Format::md);
}

}  // namespace

void render_bulletin(std::ostream& out, const Monthly& r, const Bulletin& b, io::Format format,
                     const config::Config& config, const Words& words,
                     const io::RenderOptions& options) {
  if (format == io::Format::json) {
    Json doc = monthly_json(r);
    doc["office"] =
        b.office ? Json{{"unit", b.office->unit}, {"name", b.office->name}} : Json(nullptr);
    doc["ranking"] = ranking_json(b.ranking);
    Json excluded = Json::array();
    for (const auto& e : b.excluded)
      excluded.push_back(Json{{"id", e.case_id},
                              {"title", e.title},
                              {"unit", e.unit ? Json(*e.unit) : Json(nullptr)},
                              {"granted_at", time::format_utc(e.at)},
                              {"reason", e.reason ? Json(*e.reason) : Json(nullptr)}});
    // The bytes of doc.dump(2) with "overdue" and "excluded_cases" last, the
    // overdue cases (a city's tens of thousands) written one by one rather
    // than built as a document first.
    std::string text = "{";
    auto member = [&text](std::string_view key) {
      text += text.size() > 1 ? ",\n  " : "\n  ";
      store::append_json_string(text, key);
      text += ": ";
    };
    // A member's value dumped alone, one level in: its strings hold no newline.
    auto nested = [&text](const Json& value) {
      for (const char c : value.dump(2)) {
        text += c;
        if (c == '\n') text += "  ";
      }
    };
    for (const auto& [key, value] : doc.items()) {
      member(key);
      nested(value);
    }
    member("overdue");
    if (b.overdue.empty()) text += "[]";
    for (std::size_t i = 0; i < b.overdue.size(); ++i) {
      const auto& o = b.overdue[i];
      text += i == 0 ? "[\n    {\n      \"id\": " : ",\n    {\n      \"id\": ";
      text += std::to_string(o.id);
      text += ",\n      \"title\": ";
      store::append_json_string(text, o.title);
      text += ",\n      \"lead_unit\": ";
      if (o.lead_unit) store::append_json_string(text, *o.lead_unit);
      else text += "null";
      text += ",\n      \"due_at\": \"";
      text += time::format_utc(o.due_at);
      text += "\",\n      \"working_days_overdue\": ";
      text += std::to_string(o.working_days);
      text += "\n    }";
      if (i + 1 == b.overdue.size()) text += "\n  ]";
    }
    member("excluded_cases");
    nested(excluded);
    text += "\n}\n";
    out << text;
    return;
  }
  if (format != io::Format::md) return render_monthly(out, r, format, config, words, options);

  const auto from = time::format_date(r.period.from);
  const auto last = time::format_date(r.period.to - std::chrono::days{1});
  const auto as_of = time::format_local(r.as_of, config.zone);
  out << "# " << io::md_text(words("html.title")) << "\n\n";
  if (b.office)
    out << "**" << io::md_text(words.format("bulletin.issued_by", b.office->name)) << "**\n\n";
  out << io::md_text(words("html.period")) << ' '
      << io::md_text(words.format("report.range", from, last))
      << io::md_text(words.format("html.as_of", fmt::format("{} ({})", as_of, config.zone.name())))
      << (r.rollup ? io::md_text(words("html.rollup")) : std::string()) << "\n\n";

  out << "## " << io::md_text(words("html.table")) << "\n\n";
  render_monthly(out, r, format, config, words, options);

  out << "\n## " << io::md_text(words("bulletin.ranking")) << "\n\n";
  if (b.ranking.empty()) out << io::md_text(words("bulletin.no_units")) << '\n';
  else md_units(out, b.ranking, words);

  out << "\n## " << io::md_text(words.format("bulletin.red", b.top)) << "\n\n";
  if (b.red.empty()) out << io::md_text(words(empty_list_key(b, false))) << '\n';
  else md_units(out, b.red, words);
  out << "\n## " << io::md_text(words.format("bulletin.black", b.top)) << "\n\n";
  if (b.black.empty()) out << io::md_text(words(empty_list_key(b, true))) << '\n';
  else md_units(out, b.black, words);
  out << '\n' << io::md_text(words.format("bulletin.ranking.note", b.top)) << '\n';

  if (!b.excluded.empty()) {
    out << "\n## " << io::md_text(words.format("bulletin.excluded", b.excluded.size())) << "\n\n";
    std::vector<Json> rows;
    for (const auto& e : b.excluded)
      rows.push_back(Json{{"id", e.case_id},
                          {"title", e.title},
                          {"unit", unit_name(config, e.unit, words)},
                          {"at", time::format_local(e.at, config.zone)},
                          {"reason", e.reason.value_or("")}});
    io::render_rows(out, excluded_columns(words), rows, io::Format::md);
  }

  out << "\n## " << io::md_text(words.format("bulletin.overdue", b.overdue.size())) << "\n\n";
  if (b.overdue.empty()) {
    out << io::md_text(words("bulletin.overdue.none")) << '\n';
    return;
  }
  const std::vector<io::Column> columns = {
      {"id", std::string(words("bulletin.col.id")), true},
      {"title", std::string(words("bulletin.col.title"))},
      {"lead", std::string(words("bulletin.col.lead_unit"))},
      {"due", std::string(words("bulletin.col.due_at"))},
      {"days", std::string(words("bulletin.col.working_days")), true}};
  std::vector<Json> rows;
  for (const auto& o : b.overdue)
    rows.push_back(Json{{"id", o.id},
                        {"title", o.title},
                        {"lead", o.lead_unit ? o.lead_name : std::string(words("report.none"))},
                        {"due", time::format_local(o.due_at, config.zone)},
                        {"days", o.working_days}});
  io::render_rows(out, columns, rows, io::Format::md);
  out << '\n' << io::md_text(words("bulletin.overdue.note")) << '\n';
}

}  // namespace duban::report
