#include "cases/topic.hpp"

#include <charconv>

#include "cases/change.hpp"
#include "util/strings.hpp"

namespace duban::cases {

namespace {
// The first day of a month "2026-10", or none when it is not one.
std::optional<time::LocalDays> first_day(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  return time::parse_date(month + "-01");
}
}  // namespace

store::TopicRow add_topic(Context& ctx, const TopicOptions& o) {
  if (!first_day(o.month)) throw Error(Kind::not_a_month, {.field = "month", .value = o.month});
  if (util::trim(o.title).empty()) throw Error(Kind::required, {.field = "title"});
  store::TopicRow t;
  t.month = o.month;
  t.title = o.title;
  if (o.category) t.category = ctx.config.category_code(*o.category);
  if (o.search && !util::trim(*o.search).empty()) t.search = o.search;
  t.created_at = ctx.now;
  ctx.store.write([&] { ctx.store.insert_topic(t); });
  return t;
}

store::TopicRow find_topic(const store::Store& store, const std::string& text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec == std::errc{} && end == text.data() + text.size() && id > 0)
    if (auto t = store.find_topic(id)) return *t;
  throw Error(Kind::unknown_topic, {.field = "topic", .value = text});
}

Linked link_topic(Context& ctx, const std::string& text, const std::vector<std::int64_t>& ids) {
  Linked done;
  const auto topic = find_topic(ctx.store, text);
  change_each(ctx, ids, [&](CaseRow& c) {
    if (!ctx.store.link_topic(topic.id, c.id, ctx.now)) {
      done.already.push_back(c.id);
      return;
    }
    record(ctx, c, store::Action::topic, c.lead_unit, store::Detail{{"topic", topic.id}});
    done.linked.push_back(c.id);
  });
  return done;
}

std::vector<std::int64_t> matching_cases(const store::Store& store, const config::Config& config,
                                         const store::TopicRow& topic) {
  store::CaseFilter f;
  f.category = topic.category;
  f.search = topic.search;
  f.received_from = config.zone.start_of(*first_day(topic.month));
  std::vector<std::int64_t> ids;
  for (const auto& c : store.list_cases(f)) ids.push_back(c.id);
  return ids;
}

}  // namespace duban::cases
