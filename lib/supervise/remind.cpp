#include "supervise/remind.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "util/utf8.hpp"

namespace duban::supervise {

namespace {

using Json = io::Json;

std::string kind_key(ReminderKind kind) { return fmt::format("remind.kind.{}", to_string(kind)); }

Reminder item(ReminderKind kind, Role role, std::optional<std::int64_t> case_id,
              std::optional<std::int64_t> meeting, std::string title, time::Instant due,
              std::int64_t level) {
  Reminder r;
  r.kind = kind;
  r.role = role;
  r.case_id = case_id;
  r.meeting = meeting;
  r.title = std::move(title);
  r.due = due;
  r.level = level;
  return r;
}

}  // namespace

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
  case ReminderKind::overdue: return "overdue";
  case ReminderKind::due_soon: return "due_soon";
  case ReminderKind::unacknowledged: return "unacknowledged";
  case ReminderKind::ack_due_soon: return "ack_due_soon";
  case ReminderKind::whistle_unanswered: return "whistle_unanswered";
  case ReminderKind::meeting_list_late: return "meeting_list_late";
  case ReminderKind::meeting_report_due: return "meeting_report_due";
  case ReminderKind::suspension_ended: return "suspension_ended";
  case ReminderKind::extension_pending: return "extension_pending";
  }
  return "overdue";
}

std::string_view to_string(Role role) {
  switch (role) {
  case Role::lead: return "lead";
  case Role::co_unit: return "co_unit";
  case Role::summoned: return "summoned";
  case Role::office: return "office";
  }
  return "lead";
}

std::vector<UnitReminders> remind(const store::Store& store, const config::Config& config,
                                  time::Instant now, time::Duration within,
                                  const std::optional<std::string>& unit) {
  // What falls due within the window, and in any case what falls due later
  // today: a morning run with a short window must not leave an ack due at
  // 23:59 to pass unsaid.
  const auto horizon = time::add(now, within, config.calendar, config.zone);
  const auto tomorrow = config.zone.start_of(config.zone.local_date(now) + std::chrono::days{1});
  const auto before = std::max(time::Instant{horizon.tp + std::chrono::seconds{1}}, tomorrow);
  std::map<std::string, std::vector<Reminder>> by_unit;
  std::vector<Reminder> meetings;
  for (const auto& c : store.due_rows_before(before)) {
    const auto kind = c.due < now ? ReminderKind::overdue : ReminderKind::due_soon;
    by_unit[*c.lead_unit].push_back(
        item(kind, Role::lead, c.id, c.meeting, c.title, c.due, c.level));
    // A co-unit shares the deadline (as `list --unit` shows it the case).
    for (const auto& co : c.co_units)
      if (co != *c.lead_unit)
        by_unit[co].push_back(item(kind, Role::co_unit, c.id, c.meeting, c.title, c.due, c.level));
  }
  for (const auto& c : store.unacknowledged_rows_before(before)) {
    const auto kind = c.due < now ? ReminderKind::unacknowledged : ReminderKind::ack_due_soon;
    by_unit[*c.lead_unit].push_back(
        item(kind, Role::lead, c.id, c.meeting, c.title, c.due, c.level));
  }
  for (const auto& s : store.unanswered_summons_due_before(now)) {
    const auto c = store.find_case(s.case_id);
    if (!c || c->status == store::Status::closed) continue;
    by_unit[s.unit].push_back(item(ReminderKind::whistle_unanswered, Role::summoned, c->id,
                                   c->meeting, c->title, s.due_at, c->level));
  }
  for (const auto& c : store.suspensions_ended_before(now))
    by_unit[*c.lead_unit].push_back(item(ReminderKind::suspension_ended, Role::lead, c.id,
                                         c.meeting, c.title, *c.suspend_until, c.level));
  for (const auto& c : store.extension_requests())
    meetings.push_back(item(ReminderKind::extension_pending, Role::office, c.id, c.meeting, c.title,
                            *c.extension_due, c.level));
  for (const auto& b : store.meeting_backlog()) {
    // A meeting's clocks run from the end of the day it was held.
    const auto held = config.zone.to_instant(
        time::LocalSeconds{b.meeting.held_on.time_since_epoch()} + std::chrono::seconds{86399});
    const auto list_due =
        time::add(held, config.deadlines.list_within, config.calendar, config.zone);
    // The list is made when it is issued (审定、印发), every case assigned.
    if (!b.meeting.issued_at && now > list_due) {
      auto r = item(ReminderKind::meeting_list_late, Role::office, std::nullopt, b.meeting.id,
                    b.meeting.title, list_due, 0);
      r.unassigned = b.unassigned;
      r.cases = b.cases;
      meetings.push_back(std::move(r));
    }
    // The report falls due once: it is reminded of in the window before it.
    const auto report_due =
        time::add(held, config.deadlines.meeting_report_after, config.calendar, config.zone);
    if (b.cases > 0 && now <= report_due && report_due <= horizon)
      meetings.push_back(item(ReminderKind::meeting_report_due, Role::office, std::nullopt,
                              b.meeting.id, b.meeting.title, report_due, 0));
  }
  // The supervision office receives the meetings' items with its own.
  if (config.office && !meetings.empty()) {
    auto& office = by_unit[*config.office];
    office.insert(office.end(), meetings.begin(), meetings.end());
    meetings.clear();
  }

  std::vector<UnitReminders> groups;
  auto add_group = [&](std::optional<std::string> code, std::vector<Reminder> items) {
    if (items.empty()) return;
    std::stable_sort(items.begin(), items.end(), [](const Reminder& a, const Reminder& b) {
      return std::tie(a.kind, a.due, a.case_id, a.meeting) <
             std::tie(b.kind, b.due, b.case_id, b.meeting);
    });
    UnitReminders g;
    g.unit = code;
    g.items = std::move(items);
    if (const auto* u = code ? config.find_unit(*code) : nullptr) {
      g.name = u->name;
      g.head = u->head;
      g.email = u->email;
    } else if (code) {
      g.name = *code;
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
                      io::Format format, const config::Config& config, time::Instant now,
                      const Words& words) {
  auto opt = [](const auto& v) { return v ? Json(*v) : Json(nullptr); };
  auto item_json = [&](const UnitReminders& g, const Reminder& r) {
    return Json{{"unit", opt(g.unit)},
                {"kind", std::string(to_string(r.kind))},
                {"role", std::string(to_string(r.role))},
                {"case", opt(r.case_id)},
                {"meeting", opt(r.meeting)},
                {"title", r.title},
                {"due", time::format_utc(r.due)},
                {"level", r.level},
                {"unassigned", opt(r.unassigned)},
                {"cases", opt(r.cases)}};
  };
  if (format == io::Format::json) {
    // Nothing due is an object with no groups, never nothing (SPEC §9).
    Json doc{{"as_of", time::format_utc(now)}, {"groups", Json::array()}};
    for (const auto& g : groups) {
      Json group{{"unit", opt(g.unit)},
                 {"name", g.name},
                 {"head", opt(g.head)},
                 {"email", opt(g.email)},
                 {"items", Json::array()}};
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
    const auto keys = item_json({}, Reminder{});  // items() must not outlive it
    for (const auto& [key, value] : keys.items()) columns.push_back({key, key});
    io::render_rows(out, columns, rows, format);
    return;
  }
  bool first = true;
  for (const auto& g : groups) {
    if (!first) out << '\n';
    first = false;
    // Names come from the config and titles from people: shown escaped.
    out << util::escape_controls(g.unit ? g.name : std::string(words("remind.office")));
    if (g.unit) out << " (" << util::escape_controls(*g.unit) << ")";
    if (g.head) out << "  " << util::escape_controls(*g.head);
    if (g.email) out << " <" << util::escape_controls(*g.email) << ">";
    out << '\n';
    std::size_t kind_width = 0;
    for (const auto& r : g.items)
      kind_width = std::max(kind_width, util::display_width(words(kind_key(r.kind))));
    for (const auto& r : g.items) {
      const auto ref =
          r.case_id ? fmt::format("#{}", *r.case_id) : fmt::format("M{}", r.meeting.value_or(0));
      std::string title = util::escape_controls(r.title);
      if (r.role == Role::co_unit) title += words("remind.co_unit");
      if (r.unassigned && r.cases)
        title += words.format("remind.unassigned", *r.unassigned, *r.cases);
      out << "  " << util::pad(words(kind_key(r.kind)), kind_width) << "  " << util::pad(ref, 6)
          << "  " << words.format("remind.due", time::format_local(r.due, config.zone)) << "  "
          << title << '\n';
    }
  }
}

}  // namespace duban::supervise
