#include "report/topic.hpp"

#include <fmt/format.h>

#include "report/html.hpp"
#include "util/utf8.hpp"

namespace duban::report {

namespace {

using io::Json;

time::LocalDays month_first(time::LocalDays day, int months_later) {
  const std::chrono::year_month_day ymd{day};
  const auto first =
      std::chrono::year_month_day{ymd.year() / ymd.month() / 1} + std::chrono::months{months_later};
  return time::LocalDays{std::chrono::local_days{first}.time_since_epoch()};
}

}  // namespace

Json topic_json(const store::TopicRow& t) {
  auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
  return Json{{"id", t.id},
              {"month", t.month},
              {"title", t.title},
              {"category", opt(t.category)},
              {"search", opt(t.search)},
              {"created_at", time::format_utc(t.created_at)},
              {"cases", t.cases}};
}

TopicReport topic_report(const store::Store& store, const config::Config& config,
                         const store::TopicRow& topic, time::Instant as_of, int months) {
  TopicReport r{topic, as_of, {}};
  const auto cases = store.cases_of_topic(topic.id);
  const auto this_month = month_first(config.zone.local_date(as_of), 0);
  for (int back = months - 1; back >= 0; --back) {
    const auto from = config.zone.start_of(month_first(this_month, -back));
    const auto to = config.zone.start_of(month_first(this_month, -back + 1));
    TopicMonth m{time::format_date(month_first(this_month, -back)).substr(0, 7), 0, 0, 0};
    for (const auto& c : cases) {
      if (c.received_at >= from && c.received_at < to) ++m.received;
      if (c.closed_at && *c.closed_at >= from && *c.closed_at < to) ++m.closed;
      if (c.received_at < to && !(c.closed_at && *c.closed_at < to)) ++m.open;
    }
    r.months.push_back(std::move(m));
  }
  return r;
}

void render_topic_report(std::ostream& out, const TopicReport& r, io::Format format,
                         const config::Config& config, const Words& words,
                         const io::RenderOptions& options) {
  std::vector<Json> rows;
  for (const auto& m : r.months)
    rows.push_back(
        Json{{"month", m.month}, {"received", m.received}, {"closed", m.closed}, {"open", m.open}});
  if (format == io::Format::json) {
    Json doc{{"topic", topic_json(r.topic)},
             {"as_of", time::format_utc(r.as_of)},
             {"months", rows.empty() ? Json::array() : Json(rows)}};
    out << doc.dump(2) << '\n';
    return;
  }
  if (format == io::Format::html) {
    std::vector<TrendPoint> trend;
    for (const auto& m : r.months) trend.push_back({m.month, m.received, m.closed});
    std::vector<std::vector<std::string>> cells;
    for (const auto& m : r.months)
      cells.push_back(
          {m.month, std::to_string(m.received), std::to_string(m.closed), std::to_string(m.open)});
    return render_topic_html(out, r.topic.title, r.topic.month, r.as_of, cells, trend, config,
                             words);
  }
  const bool person = format == io::Format::table || format == io::Format::md;
  std::vector<io::Column> columns;
  for (std::string_view key : {"month", "received", "closed", "open"})
    columns.push_back(
        {std::string(key),
         person ? std::string(words(fmt::format("topic.col.{}", key))) : std::string(key),
         key != "month"});
  if (person) {
    const auto title = format == io::Format::md ? io::md_text(r.topic.title)
                                                : util::escape_controls(r.topic.title);
    out << words.format("topic.report.title", title, r.topic.month,
                        time::format_local(r.as_of, config.zone))
        << '\n';
  }
  io::render_rows(out, columns, rows, format, options);
}

}  // namespace duban::report
