#include "supervise/remind.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::supervise {

namespace {

using Json = io::Json;

struct Labels {
  std::string_view kinds[6];
  std::string_view meetings, due;
};
constexpr Labels k_zh{{"超期未办结", "即将到期", "超时未响应", "吹哨未报到", "清单逾期", "落实报告将到期"},
                      "会议清单（督查室）", "期限"};
constexpr Labels k_en{{"overdue", "due soon", "not acknowledged", "whistle unanswered",
                       "list late", "meeting report due"},
                      "meetings (supervision office)", "due"};

const Labels& labels(const config::Config& c) { return c.lang == "en" ? k_en : k_zh; }

}  // namespace

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::overdue: return "overdue";
    case ReminderKind::due_soon: return "due_soon";
    case ReminderKind::unacknowledged: return "unacknowledged";
    case ReminderKind::whistle_unanswered: return "whistle_unanswered";
    case ReminderKind::meeting_list_late: return "meeting_list_late";
    case ReminderKind::meeting_report_due: return "meeting_report_due";
  }
  return "overdue";
}

std::vector<UnitReminders> remind(const store::Store& store, const config::Config& config,
                                  time::Instant now, time::Duration within,
                                  const std::optional<std::string>& unit) {
  const auto horizon = time::add(now, within, config.calendar, config.zone);
  std::map<std::string, std::vector<Reminder>> by_unit;
  std::vector<Reminder> meetings;
  for (const auto& c : store.open_cases_due_before(time::Instant{horizon.tp + std::chrono::seconds{1}})) {
    const auto kind = *c.due_at < now ? ReminderKind::overdue : ReminderKind::due_soon;
    by_unit[*c.lead_unit].push_back({kind, c.id, c.meeting, c.title, *c.due_at, c.level});
  }
  for (const auto& c : store.unacknowledged_before(now))
    by_unit[*c.lead_unit].push_back(
        {ReminderKind::unacknowledged, c.id, c.meeting, c.title, *c.ack_due, c.level});
  for (const auto& s : store.unanswered_summons_due_before(now)) {
    const auto c = store.find_case(s.case_id);
    if (!c || c->status == store::Status::closed) continue;
    by_unit[s.unit].push_back(
        {ReminderKind::whistle_unanswered, c->id, c->meeting, c->title, s.due_at, c->level});
  }
  for (const auto& b : store.meeting_backlog()) {
    // A meeting's clocks run from the end of the day it was held.
    const auto held = config.zone.to_instant(
        time::LocalSeconds{b.meeting.held_on.time_since_epoch()} + std::chrono::seconds{86399});
    const auto list_due = time::add(held, config.deadlines.list_within, config.calendar, config.zone);
    if (b.unassigned > 0 && now > list_due)
      meetings.push_back({ReminderKind::meeting_list_late, std::nullopt, b.meeting.id,
                          fmt::format("{} ({}/{})", b.meeting.title, b.unassigned, b.cases),
                          list_due, 0});
    // The report falls due once: it is reminded of in the window before it.
    const auto report_due =
        time::add(held, config.deadlines.meeting_report_after, config.calendar, config.zone);
    if (b.cases > 0 && now <= report_due && report_due <= horizon)
      meetings.push_back({ReminderKind::meeting_report_due, std::nullopt, b.meeting.id,
                          b.meeting.title, report_due, 0});
  }

  std::vector<UnitReminders> groups;
  auto add_group = [&](std::optional<std::string> code, std::vector<Reminder> items) {
    if (items.empty()) return;
    std::stable_sort(items.begin(), items.end(), [](const Reminder& a, const Reminder& b) {
      return std::tie(a.kind, a.due, a.case_id) < std::tie(b.kind, b.due, b.case_id);
    });
    UnitReminders g;
    g.unit = code;
    g.items = std::move(items);
    if (const auto* u = code ? config.find_unit(*code) : nullptr) {
      g.name = u->name;
      g.head = u->head;
      g.email = u->email;
    } else {
      g.name = code ? *code : std::string(labels(config).meetings);
    }
    groups.push_back(std::move(g));
  };
  // Units in the config's order; any unit no longer in the config after them.
  for (const auto& u : config.units) {
    auto it = by_unit.find(u.code);
    if (it == by_unit.end()) continue;
    if (!unit || *unit == u.code) add_group(u.code, std::move(it->second));
    by_unit.erase(it);
  }
  for (auto& [code, items] : by_unit)
    if (!unit || *unit == code) add_group(code, std::move(items));
  if (!unit) add_group(std::nullopt, std::move(meetings));
  return groups;
}

void render_reminders(std::ostream& out, const std::vector<UnitReminders>& groups,
                      io::Format format, const config::Config& config, time::Instant now) {
  if (groups.empty()) return;
  const auto& l = labels(config);
  auto item_json = [&](const UnitReminders& g, const Reminder& r) {
    Json j;
    j["unit"] = g.unit ? Json(*g.unit) : Json(nullptr);
    j["kind"] = std::string(to_string(r.kind));
    j["case"] = r.case_id ? Json(*r.case_id) : Json(nullptr);
    j["meeting"] = r.meeting ? Json(*r.meeting) : Json(nullptr);
    j["title"] = r.title;
    j["due"] = time::format_utc(r.due);
    j["level"] = r.level;
    return j;
  };
  if (format == io::Format::json) {
    Json doc{{"as_of", time::format_utc(now)}, {"groups", Json::array()}};
    for (const auto& g : groups) {
      Json group{{"unit", g.unit ? Json(*g.unit) : Json(nullptr)}, {"name", g.name},
                 {"head", g.head ? Json(*g.head) : Json(nullptr)},
                 {"email", g.email ? Json(*g.email) : Json(nullptr)}, {"items", Json::array()}};
      for (const auto& r : g.items) group["items"].push_back(item_json(g, r));
      doc["groups"].push_back(std::move(group));
    }
    out << doc.dump(2) << '\n';
    return;
  }
  if (format != io::Format::table) {
    std::vector<Json> rows;
    for (const auto& g : groups)
      for (const auto& r : g.items) rows.push_back(item_json(g, r));
    std::vector<io::Column> columns;
    for (const auto& [key, value] : rows.front().items()) columns.push_back({key, key});
    io::render_rows(out, columns, rows, format);
    return;
  }
  bool first = true;
  for (const auto& g : groups) {
    if (!first) out << '\n';
    first = false;
    // Names come from the config and titles from people: shown escaped.
    out << util::escape_controls(g.name);
    if (g.unit) out << " (" << util::escape_controls(*g.unit) << ")";
    if (g.head) out << "  " << util::escape_controls(*g.head);
    if (g.email) out << " <" << util::escape_controls(*g.email) << ">";
    out << '\n';
    std::size_t kind_width = 0;
    for (const auto& r : g.items)
      kind_width = std::max(kind_width, util::display_width(l.kinds[int(r.kind)]));
    for (const auto& r : g.items) {
      const auto ref = r.case_id ? fmt::format("#{}", *r.case_id)
                                 : fmt::format("M{}", r.meeting.value_or(0));
      out << "  " << util::pad(l.kinds[int(r.kind)], kind_width) << "  "
          << util::pad(ref, 6) << "  " << l.due << " " << time::format_local(r.due, config.zone)
          << "  " << util::escape_controls(r.title) << '\n';
    }
  }
}

}  // namespace duban::supervise
