#include "report/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::report {

namespace {

using io::Json;

bool zh(const config::Config& c) { return c.lang != "en"; }

std::string unit_name(const config::Config& config, const std::optional<std::string>& code) {
  if (!code) return "";
  const auto* u = config.find_unit(*code);
  return u ? u->name : *code;
}

Json opt_rate(const std::optional<double>& v, bool person) {
  if (person) return percent_text(v);
  return v ? Json(*v) : Json(nullptr);
}

std::chrono::local_days month_start(time::LocalDays day, int months_back) {
  const std::chrono::year_month_day ymd{day};
  const auto first = std::chrono::year_month_day{ymd.year() / ymd.month() / 1} -
                     std::chrono::months{months_back};
  return std::chrono::local_days{first};
}

}  // namespace

std::string_view to_string(ItemState s) {
  switch (s) {
    case ItemState::done: return "done";
    case ItemState::in_progress: return "in_progress";
    case ItemState::explained: return "explained";
    case ItemState::overdue: return "overdue";
  }
  return "in_progress";
}

MeetingReport meeting_report(const store::Store& store, std::int64_t meeting, time::Instant as_of) {
  auto m = store.find_meeting(meeting);
  if (!m) throw Error(Exit::unavailable, fmt::format("no meeting {}", meeting));
  MeetingReport r;
  r.meeting = *m;
  r.as_of = as_of;
  for (auto& c : store.cases_of_meeting(meeting)) {
    MeetingItem item{c, ItemState::in_progress, 0};
    const bool ended = c.status == store::Status::resolved || c.status == store::Status::closed;
    if (ended && c.outcome == "explained") item.state = ItemState::explained;
    else if (ended) item.state = ItemState::done;
    else if (c.due_at && *c.due_at < as_of) item.state = ItemState::overdue;
    const auto end = c.resolved_at ? *c.resolved_at : c.closed_at ? *c.closed_at : as_of;
    item.days = std::chrono::duration<double>(end.tp - c.received_at.tp).count() / 86400.0;
    switch (item.state) {
      case ItemState::done: ++r.done; break;
      case ItemState::in_progress: ++r.in_progress; break;
      case ItemState::explained: ++r.explained; break;
      case ItemState::overdue: ++r.overdue; break;
    }
    r.items.push_back(std::move(item));
  }
  return r;
}

void render_meeting(std::ostream& out, const MeetingReport& r, io::Format format,
                    const config::Config& config, const io::RenderOptions& options) {
  const bool person = format == io::Format::table || format == io::Format::md;
  const auto& zone = config.zone;
  static constexpr std::string_view k_state_zh[] = {"已办结", "办理中", "已讲清", "超期"};
  std::vector<Json> rows;
  for (const auto& item : r.items) {
    const auto& c = item.c;
    Json co = Json::array();
    for (const auto& u : c.co_units) co.push_back(person ? unit_name(config, u) : u);
    Json j{{"id", c.id},
           {"title", c.title},
           {"leader", c.leader ? Json(*c.leader) : Json(nullptr)},
           {"lead_unit", person ? Json(unit_name(config, c.lead_unit))
                                : (c.lead_unit ? Json(*c.lead_unit) : Json(nullptr))},
           {"co_units", co},
           {"due_at", c.due_at ? Json(person ? time::format_date(zone.local_date(*c.due_at))
                                             : time::format_utc(*c.due_at))
                               : Json(nullptr)},
           {"state", person && zh(config) ? std::string(k_state_zh[int(item.state)])
                                          : std::string(to_string(item.state))},
           {"outcome", c.outcome_text ? Json(*c.outcome_text)
                                      : (c.outcome ? Json(*c.outcome) : Json(nullptr))},
           {"days", person ? Json(one_decimal(item.days)) : Json(item.days)}};
    rows.push_back(std::move(j));
  }
  if (format == io::Format::json) {
    Json doc{{"meeting", Json{{"id", r.meeting.id},
                              {"kind", r.meeting.kind},
                              {"title", r.meeting.title},
                              {"date", time::format_date(r.meeting.held_on)},
                              {"group", r.meeting.group ? Json(*r.meeting.group) : Json(nullptr)}}},
             {"as_of", time::format_utc(r.as_of)},
             {"items", rows},
             {"summary", Json{{"total", r.items.size()},
                              {"done", r.done},
                              {"in_progress", r.in_progress},
                              {"explained", r.explained},
                              {"overdue", r.overdue}}}};
    out << doc.dump(2) << '\n';
    return;
  }
  const bool z = zh(config);
  const std::vector<io::Column> columns = {
      {"id", z && person ? "序号" : "id", true},
      {"title", z && person ? "问题" : "title"},
      {"leader", z && person ? "领办领导" : "leader"},
      {"lead_unit", z && person ? "牵头单位" : "lead_unit"},
      {"co_units", z && person ? "责任单位" : "co_units"},
      {"due_at", z && person ? "完成时限" : "due_at"},
      {"state", z && person ? "落实情况" : "state"},
      {"outcome", z && person ? "办理结果" : "outcome"},
      {"days", z && person ? "用时（天）" : "days", true}};
  if (person) {
    const auto title = format == io::Format::md ? io::md_text(r.meeting.title)
                                                : util::escape_controls(r.meeting.title);
    out << (z ? fmt::format("{}落实情况表（{}，截至 {}）\n", title,
                            time::format_date(r.meeting.held_on), time::format_local(r.as_of, zone))
              : fmt::format("Implementation of {} ({}, as of {})\n", title,
                            time::format_date(r.meeting.held_on), time::format_local(r.as_of, zone)));
  }
  io::render_rows(out, columns, rows, format, options);
  if (person) {
    out << (z ? fmt::format("\n共 {} 项：已办结 {}，办理中 {}，已讲清 {}，超期 {}\n", r.items.size(),
                            r.done, r.in_progress, r.explained, r.overdue)
              : fmt::format("\n{} items: {} done, {} in progress, {} explained, {} overdue\n",
                            r.items.size(), r.done, r.in_progress, r.explained, r.overdue));
  }
}

std::vector<Score> scorecard(const Monthly& month, const config::Config& config) {
  const auto& w = config.scorecard;
  std::vector<Score> scores;
  for (const auto& g : month.groups) {
    if (!g.key || !config.find_unit(*g.key)) continue;
    Score s{*g.key, g.name, g.figures.ack_rate, g.figures.closure_rate, g.figures.satisfaction_rate,
            std::nullopt, 0};
    double sum = 0, weights = 0;
    for (auto [rate, weight] : {std::pair{s.ack_rate, w.ack_rate},
                                std::pair{s.closure_rate, w.closure_rate},
                                std::pair{s.satisfaction_rate, w.satisfaction_rate}}) {
      if (!rate || weight <= 0) continue;
      sum += *rate * weight;
      weights += weight;
    }
    if (weights > 0) s.score = sum / weights * 100;
    scores.push_back(std::move(s));
  }
  std::stable_sort(scores.begin(), scores.end(), [](const Score& a, const Score& b) {
    if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
    return a.score.value_or(0) > b.score.value_or(0);
  });
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (!scores[i].score) break;
    const bool tie = i > 0 && std::abs(*scores[i].score - *scores[i - 1].score) < 1e-9;
    scores[i].rank = tie ? scores[i - 1].rank : static_cast<int>(i + 1);
  }
  return scores;
}

void render_scorecard(std::ostream& out, const std::vector<Score>& scores, const Period& period,
                      io::Format format, const config::Config& config,
                      const io::RenderOptions& options) {
  const bool person = format == io::Format::table || format == io::Format::md;
  std::vector<Json> rows;
  for (const auto& s : scores)
    rows.push_back(Json{{"rank", s.rank ? Json(s.rank) : Json(nullptr)},
                        {"unit", s.unit},
                        {"name", s.name},
                        {"score", person ? Json(decimal_text(s.score))
                                         : (s.score ? Json(*s.score) : Json(nullptr))},
                        {"ack_rate", opt_rate(s.ack_rate, person)},
                        {"closure_rate", opt_rate(s.closure_rate, person)},
                        {"satisfaction_rate", opt_rate(s.satisfaction_rate, person)}});
  if (format == io::Format::json) {
    const auto& w = config.scorecard;
    Json doc{{"period", Json{{"from", time::format_date(period.from)}, {"to", time::format_date(period.to)}}},
             {"weights", Json{{"ack_rate", w.ack_rate}, {"closure_rate", w.closure_rate},
                              {"satisfaction_rate", w.satisfaction_rate}}},
             {"units", rows}};
    out << doc.dump(2) << '\n';
    return;
  }
  const bool z = zh(config) && person;
  const std::vector<io::Column> columns = {
      {"rank", z ? "名次" : "rank", true},        {"unit", z ? "代码" : "unit"},
      {"name", z ? "单位" : "name"},              {"score", z ? "综合得分" : "score", true},
      {"ack_rate", z ? "响应率" : "ack_rate", true}, {"closure_rate", z ? "办结率" : "closure_rate", true},
      {"satisfaction_rate", z ? "满意率" : "satisfaction_rate", true}};
  io::render_rows(out, columns, rows, format, options);
}

std::vector<Topic> topics(const store::Store& store, const config::Config& config, Period period,
                          std::size_t top) {
  const std::chrono::days length = period.to - period.from;
  // The period before: a month earlier for a calendar month, else as long.
  const Period before = [&] {
    const std::chrono::year_month_day from{period.from};
    if (from.day() == std::chrono::day{1} &&
        period.to == time::LocalDays{month_start(period.from, -1)})
      return Period{time::LocalDays{month_start(period.from, 1)}, period.from};
    return Period{period.from - length, period.from};
  }();
  auto counts = [&](const Period& p) {
    return store.topic_counts(config.zone.start_of(p.from), config.zone.start_of(p.to));
  };
  const auto now = counts(period), then = counts(before);
  std::map<std::optional<std::string>, std::pair<std::int64_t, std::int64_t>> by_category;
  std::map<std::pair<std::optional<std::string>, std::optional<std::string>>, std::int64_t> earlier;
  for (const auto& t : now) by_category[t.category].first += t.cases;
  for (const auto& t : then) {
    by_category[t.category].second += t.cases;
    earlier[{t.category, t.place}] += t.cases;
  }
  auto name_of = [&](const std::optional<std::string>& code) -> std::string {
    if (!code) return zh(config) ? "（未分类）" : "(none)";
    const auto* c = config.find_category(*code);
    return c ? c->name : *code;
  };
  std::vector<Topic> categories, recurring;
  for (const auto& [code, n] : by_category)
    if (n.first > 0) categories.push_back({"category", code, name_of(code), std::nullopt, n.first, n.second});
  for (const auto& t : now)
    if (t.place && t.cases >= 2)
      recurring.push_back({"recurring", t.category, name_of(t.category), t.place, t.cases,
                           earlier[{t.category, t.place}]});
  auto by_count = [](const Topic& a, const Topic& b) {
    return std::tie(b.cases, a.category, a.place) < std::tie(a.cases, b.category, b.place);
  };
  std::sort(categories.begin(), categories.end(), by_count);
  std::sort(recurring.begin(), recurring.end(), by_count);
  if (categories.size() > top) categories.resize(top);
  if (recurring.size() > top) recurring.resize(top);
  categories.insert(categories.end(), recurring.begin(), recurring.end());
  return categories;
}

void render_topics(std::ostream& out, const std::vector<Topic>& list, const Period& period,
                   io::Format format, const config::Config& config,
                   const io::RenderOptions& options) {
  const bool person = format == io::Format::table || format == io::Format::md;
  const bool z = zh(config) && person;
  std::vector<Json> rows;
  for (const auto& t : list)
    rows.push_back(Json{{"kind", person && z ? (t.kind == "category" ? "高频类别" : "反复问题") : t.kind},
                        {"category", t.category ? Json(*t.category) : Json(nullptr)},
                        {"name", t.category_name},
                        {"place", t.place ? Json(*t.place) : Json(nullptr)},
                        {"cases", t.cases},
                        {"previous", t.previous},
                        {"change", person ? Json(fmt::format("{:+d}", t.cases - t.previous))
                                          : Json(t.cases - t.previous)}});
  if (format == io::Format::json) {
    out << Json{{"period", Json{{"from", time::format_date(period.from)}, {"to", time::format_date(period.to)}}},
                {"topics", rows}}.dump(2)
        << '\n';
    return;
  }
  const std::vector<io::Column> columns = {
      {"kind", z ? "类型" : "kind"},          {"category", z ? "类别代码" : "category"},
      {"name", z ? "类别" : "name"},          {"place", z ? "地点" : "place"},
      {"cases", z ? "本期件数" : "cases", true}, {"previous", z ? "上期件数" : "previous", true},
      {"change", z ? "增减" : "change", true}};
  io::render_rows(out, columns, rows, format, options);
}

std::vector<TrendPoint> trend(const store::Store& store, const config::Config& config,
                              const Period& period, int months) {
  std::vector<time::Instant> bounds;
  std::vector<TrendPoint> points;
  for (int back = months - 1; back >= -1; --back) {
    const auto first = month_start(period.from, back);
    bounds.push_back(config.zone.start_of(time::LocalDays{first.time_since_epoch()}));
    if (back >= 0) points.push_back({time::format_date(time::LocalDays{first.time_since_epoch()}).substr(0, 7), 0, 0});
  }
  const auto counts = store.received_and_closed(bounds);
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i].received = counts[i].first;
    points[i].closed = counts[i].second;
  }
  return points;
}

}  // namespace duban::report
