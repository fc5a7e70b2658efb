#include "cases/query.hpp"

#include <fmt/format.h>

#include <charconv>

#include "cases/change.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"

namespace duban::cases {

namespace {

// A date means its whole day: from its start, or up to the next day's start.
Instant bound(const std::string& text, bool upper, const config::Config& config,
              std::string_view field) {
  if (auto day = time::parse_date(text))
    return config.zone.start_of(upper ? *day + std::chrono::days{1} : *day);
  if (auto at = time::parse_when(text, config.zone)) return *at;
  throw Error(Kind::not_a_when, {.field = std::string(field), .value = text});
}

}  // namespace

store::CaseFilter list_filter(const store::Store& store, const config::Config& config, Instant now,
                              const ListOptions& o) {
  store::CaseFilter f;
  for (const auto& s : o.statuses) {
    auto status = store::parse_status(s);
    if (!status) {
      const std::vector<std::string> codes = {"received", "listed", "in_progress", "resolved",
                                              "closed"};
      throw Error(Kind::not_one_of, {.field = "status",
                                     .value = s,
                                     .nearest = config::nearest(s, codes).value_or(""),
                                     .choices = codes});
    }
    f.statuses.push_back(*status);
  }
  if (o.unit) f.unit = require_unit(config, *o.unit, "unit");
  const auto klass = o.klass ? std::optional<std::string>(class_of(*o.klass)) : std::nullopt;
  if (klass && !is_class(*klass))
    throw Error(Kind::not_one_of,
                {.field = "class", .value = *o.klass, .choices = {"A", "B", "C"}});
  f.klass = klass;
  if (o.channel) f.channel = config.channel_code(*o.channel);
  if (o.category) f.category = config.category_code(*o.category);
  if (o.meeting) f.meeting = find_meeting(store, *o.meeting).id;
  if (o.overdue) f.overdue_at = now;
  if (o.due_within) {
    auto d = time::parse_duration(*o.due_within);
    if (!d) throw Error(Kind::not_a_duration, {.field = "due_within", .value = *o.due_within});
    f.due_from = now;
    f.due_before = time::add(now, *d, config.calendar, config.zone);
    // Due "within" includes the last second of a working-day deadline.
    f.due_before = Instant{f.due_before->tp + std::chrono::seconds{1}};
  }
  if (o.received_from) f.received_from = bound(*o.received_from, false, config, "received_from");
  if (o.received_to) f.received_before = bound(*o.received_to, true, config, "received_to");
  if (o.closed_from) f.closed_from = bound(*o.closed_from, false, config, "closed_from");
  if (o.closed_to) f.closed_before = bound(*o.closed_to, true, config, "closed_to");
  f.leader = o.leader;
  f.proxy = o.proxy;
  f.suspended = o.suspended;
  f.town = o.town;
  f.search = o.search;
  if (o.limit && *o.limit < 0)
    throw Error(Kind::must_not_be_negative, {.field = "limit", .value = std::to_string(*o.limit)});
  f.limit = o.limit;
  return f;
}

std::vector<CaseRow> list(const store::Store& store, const config::Config& config, Instant now,
                          const ListOptions& o) {
  return store.list_cases(list_filter(store, config, now, o));
}

store::MeetingRow add_meeting(Context& ctx, const MeetingOptions& o) {
  const auto kind = ctx.config.channel_code(o.kind, "kind");
  if (util::trim(o.title).empty()) throw Error(Kind::required, {.field = "title"});
  auto day = time::parse_date(o.date);
  if (!day) throw Error(Kind::not_a_date, {.field = "date", .value = o.date});
  store::MeetingRow m;
  m.kind = kind;
  m.title = o.title;
  m.held_on = *day;
  m.group = o.group;
  m.created_at = ctx.now;
  ctx.store.write([&] { ctx.store.insert_meeting(m); });
  return m;
}

store::MeetingRow find_meeting(const store::Store& store, std::int64_t id) {
  auto m = store.find_meeting(id);
  if (!m) {
    Fields f;
    f.field = "meeting";
    f.value = std::to_string(id);
    throw Error(Kind::unknown_meeting, std::move(f));
  }
  return *m;
}

store::MeetingRow find_meeting(const store::Store& store, std::string_view text,
                               std::string_view field) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  Fields f;
  f.field = std::string(field);
  f.value = std::string(text);
  if (ec == std::errc{} && end == text.data() + text.size()) {
    if (auto m = id > 0 ? store.find_meeting(id) : std::nullopt) return *m;
    throw Error(Kind::unknown_meeting, std::move(f));
  }
  std::vector<store::MeetingRow> named;
  std::vector<std::string> titles;
  for (auto& m : store.meetings()) {
    titles.push_back(m.title);
    if (m.title == text) named.push_back(std::move(m));
  }
  if (named.size() == 1) return named.front();
  if (named.empty()) {
    f.nearest = config::nearest(text, titles).value_or("");
    throw Error(Kind::unknown_meeting, std::move(f));
  }
  for (const auto& m : named) f.choices.push_back(std::to_string(m.id));
  throw Error(Kind::ambiguous_name, std::move(f));
}

}  // namespace duban::cases
