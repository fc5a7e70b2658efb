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
  const auto first =
      std::chrono::year_month_day{ymd.year() / ymd.month() / 1} - std::chrono::months{months_back};
  return std::chrono::local_days{first};
}

}  // namespace

std::string_view to_string(ItemState s) {
  switch (s) {
  case ItemState::unassigned: return "unassigned";
  case ItemState::listed: return "listed";
  case ItemState::in_progress: return "in_progress";
  case ItemState::overdue: return "overdue";
  case ItemState::resolved: return "resolved";
  case ItemState::closed: return "closed";
  case ItemState::forced: return "forced";
  }
  return "unassigned";
}

MeetingReport meeting_report(const store::Store& store, std::int64_t meeting, time::Instant as_of) {
  auto m = store.find_meeting(meeting);
  if (!m) {
    Fields f;
    f.value = std::to_string(meeting);
    throw Error(Kind::no_meeting, std::move(f));
  }
  MeetingReport r;
  r.meeting = *m;
  r.as_of = as_of;
  using store::Status;
  for (auto& c : store.cases_of_meeting(meeting)) {
    MeetingItem item{c, ItemState::in_progress, 0, std::nullopt};
    switch (c.status) {
    case Status::received: item.state = ItemState::unassigned; break;
    case Status::listed:
    case Status::in_progress: {
      const bool late = c.due_at && *c.due_at < as_of;
      item.state = late                         ? ItemState::overdue
                   : c.status == Status::listed ? ItemState::listed
                                                : ItemState::in_progress;
      break;
    }
    case Status::resolved: item.state = ItemState::resolved; break;
    case Status::closed: {
      // Closed by force when its latest cross-off was (the journal says).
      item.state = ItemState::closed;
      const auto events = store.events(c.id);
      for (auto e = events.rbegin(); e != events.rend(); ++e) {
        if (e->action != store::Action::close) continue;
        if (e->detail.value("forced", false)) {
          item.state = ItemState::forced;
          if (e->detail.contains("reason") && e->detail["reason"].is_string())
            item.reason = e->detail["reason"].get<std::string>();
        }
        break;
      }
      break;
    }
    }
    const auto end = c.resolved_at ? *c.resolved_at : c.closed_at ? *c.closed_at : as_of;
    item.days = std::chrono::duration<double>(end.tp - c.received_at.tp).count() / 86400.0;
    ++r.count[static_cast<std::size_t>(item.state)];
    r.items.push_back(std::move(item));
  }
  return r;
}

void render_meeting(std::ostream& out, const MeetingReport& r, io::Format format,
                    const config::Config& config, const Words& words,
                    const io::RenderOptions& options) {
  const bool person = format == io::Format::table || format == io::Format::md;
  const auto& zone = config.zone;
  auto state_word = [&](ItemState s) {
    return std::string(words(fmt::format("meeting.state.{}", to_string(s))));
  };
  std::vector<Json> rows;
  std::int64_t seq = 0;
  for (const auto& item : r.items) {
    const auto& c = item.c;
    Json co = Json::array();
    for (const auto& u : c.co_units) co.push_back(person ? unit_name(config, u) : u);
    Json outcome = c.outcome ? Json(*c.outcome) : Json(nullptr);
    if (person) {
      // The outcome in words, with what the unit wrote: 已解决：已补发.
      std::string text;
      if (c.outcome) {
        const auto word = words(fmt::format("outcome.{}", *c.outcome));
        text = c.outcome_text ? words.format("meeting.outcome", word, *c.outcome_text)
                              : std::string(word);
      } else if (item.reason) {
        text = words.format("meeting.forced_reason", *item.reason);
      }
      outcome = text;
    }
    Json j{{"seq", ++seq},
           {"id", c.id},
           {"title", c.title},
           {"leader", c.leader ? Json(*c.leader) : Json(nullptr)},
           {"lead_unit", person ? Json(unit_name(config, c.lead_unit))
                                : (c.lead_unit ? Json(*c.lead_unit) : Json(nullptr))},
           {"co_units", co},
           {"due_at", c.due_at ? Json(person ? time::format_date(zone.local_date(*c.due_at))
                                             : time::format_utc(*c.due_at))
                               : Json(nullptr)}};
    if (!person) j["status"] = std::string(store::to_string(c.status));
    j["state"] = person ? state_word(item.state) : std::string(to_string(item.state));
    j["outcome"] = outcome;
    if (!person) {
      j["outcome_text"] = c.outcome_text ? Json(*c.outcome_text) : Json(nullptr);
      j["forced"] = item.state == ItemState::forced;
      j["reason"] = item.reason ? Json(*item.reason) : Json(nullptr);
    }
    j["days"] = person ? Json(one_decimal(item.days)) : Json(item.days);
    rows.push_back(std::move(j));
  }
  if (format == io::Format::json) {
    Json summary{{"total", r.items.size()}};
    for (std::size_t i = 0; i < k_item_states; ++i)
      summary[std::string(to_string(static_cast<ItemState>(i)))] = r.count[i];
    Json doc{
        {"meeting",
         Json{{"id", r.meeting.id},
              {"kind", r.meeting.kind},
              {"title", r.meeting.title},
              {"date", time::format_date(r.meeting.held_on)},
              {"group", r.meeting.group ? Json(*r.meeting.group) : Json(nullptr)},
              {"issued_at",
               r.meeting.issued_at ? Json(time::format_utc(*r.meeting.issued_at)) : Json(nullptr)},
              {"approved_by", r.meeting.approved_by ? Json(*r.meeting.approved_by) : Json(nullptr)},
              {"issued_by", r.meeting.issued_by ? Json(*r.meeting.issued_by) : Json(nullptr)}}},
        {"as_of", time::format_utc(r.as_of)},
        {"items", rows.empty() ? Json::array() : Json(rows)},
        {"summary", summary}};
    out << doc.dump(2) << '\n';
    return;
  }
  std::vector<io::Column> columns;
  for (std::string_view key :
       {"seq", "id", "title", "leader", "lead_unit", "co_units", "due_at", "status", "state",
        "outcome", "outcome_text", "forced", "reason", "days"}) {
    const bool only_codes =
        key == "status" || key == "outcome_text" || key == "forced" || key == "reason";
    if (person && only_codes) continue;
    columns.push_back(
        {std::string(key),
         person ? std::string(words(fmt::format("meeting.col.{}", key))) : std::string(key),
         key == "seq" || key == "id" || key == "days"});
  }
  if (person) {
    const auto title = format == io::Format::md ? io::md_text(r.meeting.title)
                                                : util::escape_controls(r.meeting.title);
    out << words.format("meeting.title", title, time::format_date(r.meeting.held_on),
                        time::format_local(r.as_of, zone))
        << '\n';
  }
  io::render_rows(out, columns, rows, format, options);
  if (person) {
    // Every state that has an item, in ItemState's order.
    std::string parts;
    for (std::size_t i = 0; i < k_item_states; ++i) {
      if (r.count[i] == 0) continue;
      if (!parts.empty()) parts += words("meeting.summary.sep");
      parts +=
          words.format("meeting.summary.part", state_word(static_cast<ItemState>(i)), r.count[i]);
    }
    out << '\n'
        << (r.items.empty() ? std::string(words("meeting.summary.none"))
                            : words.format("meeting.summary", r.items.size(), parts))
        << '\n';
    // Reviewed by the leader in charge and issued by the office (审定、印发).
    const auto& m = r.meeting;
    auto shown = [&](const std::string& text) {
      return format == io::Format::md ? io::md_text(text) : util::escape_controls(text);
    };
    out << (m.issued_at
                ? words.format("meeting.issued", time::format_local(*m.issued_at, zone),
                               shown(m.approved_by.value_or("")), shown(m.issued_by.value_or("")))
                : std::string(words("meeting.not_issued")))
        << '\n';
  }
}

std::vector<Score> scorecard(const Monthly& month, const config::Config& config) {
  const auto& w = config.scorecard;
  std::vector<Score> scores;
  for (const auto& g : month.groups) {
    if (!g.key || !config.find_unit(*g.key)) continue;
    Score s{*g.key,
            g.name,
            g.figures.ack_rate,
            g.figures.closure_rate,
            g.figures.satisfaction_rate,
            std::nullopt,
            0};
    double sum = 0, weights = 0;
    for (auto [rate, weight] :
         {std::pair{s.ack_rate, w.ack_rate}, std::pair{s.closure_rate, w.closure_rate},
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
                      io::Format format, const config::Config& config, const Words& words,
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
    Json doc{{"period",
              Json{{"from", time::format_date(period.from)}, {"to", time::format_date(period.to)}}},
             {"weights", Json{{"ack_rate", w.ack_rate},
                              {"closure_rate", w.closure_rate},
                              {"satisfaction_rate", w.satisfaction_rate}}},
             {"units", rows}};
    out << doc.dump(2) << '\n';
    return;
  }
  auto column = [&](std::string_view key, std::string_view word_key, bool numeric) {
    return io::Column{std::string(key), std::string(person ? words(word_key) : key), numeric};
  };
  const std::vector<io::Column> columns = {
      column("rank", "scorecard.col.rank", true),
      column("unit", "scorecard.col.unit", false),
      column("name", "scorecard.col.name", false),
      column("score", "scorecard.col.score", true),
      column("ack_rate", "figure.ack_rate", true),
      column("closure_rate", "figure.closure_rate", true),
      column("satisfaction_rate", "figure.satisfaction_rate", true)};
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
    if (!code) return std::string();
    const auto* c = config.find_category(*code);
    return c ? c->name : *code;
  };
  std::vector<Topic> categories, recurring;
  for (const auto& [code, n] : by_category)
    if (n.first > 0)
      categories.push_back({"category", code, name_of(code), std::nullopt, n.first, n.second});
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
                   io::Format format, const config::Config&, const Words& words,
                   const io::RenderOptions& options) {
  const bool person = format == io::Format::table || format == io::Format::md;
  std::vector<Json> rows;
  for (const auto& t : list)
    rows.push_back(
        Json{{"kind", person ? std::string(words("topics.kind." + t.kind)) : t.kind},
             {"category", t.category ? Json(*t.category) : Json(nullptr)},
             {"name", person && !t.category ? std::string(words("topics.none")) : t.category_name},
             {"place", t.place ? Json(*t.place) : Json(nullptr)},
             {"cases", t.cases},
             {"previous", t.previous},
             {"change", person ? Json(fmt::format("{:+d}", t.cases - t.previous))
                               : Json(t.cases - t.previous)}});
  if (format == io::Format::json) {
    out << Json{{"period", Json{{"from", time::format_date(period.from)},
                                {"to", time::format_date(period.to)}}},
                {"topics", rows}}
               .dump(2)
        << '\n';
    return;
  }
  std::vector<io::Column> columns;
  for (std::string_view key : {"kind", "category", "name", "place", "cases", "previous", "change"})
    columns.push_back(
        {std::string(key),
         person ? std::string(words(fmt::format("topics.col.{}", key))) : std::string(key),
         key == "cases" || key == "previous" || key == "change"});
  io::render_rows(out, columns, rows, format, options);
}

std::vector<TrendPoint> trend(const store::Store& store, const config::Config& config,
                              const Period& period, int months) {
  std::vector<time::Instant> bounds;
  std::vector<TrendPoint> points;
  for (int back = months - 1; back >= -1; --back) {
    const auto first = month_start(period.from, back);
    bounds.push_back(config.zone.start_of(time::LocalDays{first.time_since_epoch()}));
    if (back >= 0)
      points.push_back(
          {time::format_date(time::LocalDays{first.time_since_epoch()}).substr(0, 7), 0, 0});
  }
  const auto counts = store.received_and_closed(bounds);
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i].received = counts[i].first;
    points[i].closed = counts[i].second;
  }
  return points;
}

}  // namespace duban::report
