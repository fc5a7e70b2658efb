#include "supervise/remind.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <type_traits>
#include <unordered_map>

#include "store/event.hpp"
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

constexpr std::size_t k_kinds = static_cast<std::size_t>(ReminderKind::extension_pending) + 1;

// Text gathered and written to `out` in blocks of some 64 KiB.
struct Buffer {
  std::ostream& out;
  std::string text;
  explicit Buffer(std::ostream& o) : out(o) { text.reserve(k_block + 4096); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  void flush() {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    text.clear();
  }
  void flush_if_full() {
    if (text.size() >= k_block) flush();
  }
  static constexpr std::size_t k_block = 65536;
};

template <typename T> void json_opt(std::string& out, const std::optional<T>& v) {
  if (!v) out += "null";
  else if constexpr (std::is_same_v<T, std::string>) store::append_json_string(out, *v);
  else fmt::format_to(std::back_inserter(out), "{}", *v);
}

// The json form, as `Json{...}.dump(2)` of the whole document wrote it, one
// item at a time.
void render_json(std::ostream& out, const std::vector<UnitReminders>& groups, time::Instant now) {
  Buffer buf(out);
  auto& t = buf.text;
  t += "{\n  \"as_of\": ";
  store::append_json_string(t, time::format_utc(now));
  t += ",\n  \"groups\": ";
  if (groups.empty()) t += "[]";
  else t += "[\n";
  std::unordered_map<std::int64_t, std::string> dues;
  bool first_group = true;
  for (const auto& g : groups) {
    if (!first_group) t += ",\n";
    first_group = false;
    t += "    {\n      \"unit\": ";
    json_opt(t, g.unit);
    t += ",\n      \"name\": ";
    store::append_json_string(t, g.name);
    t += ",\n      \"head\": ";
    json_opt(t, g.head);
    t += ",\n      \"email\": ";
    json_opt(t, g.email);
    t += ",\n      \"items\": ";
    if (g.items.empty()) t += "[]";
    else t += "[\n";
    bool first_item = true;
    for (const auto& r : g.items) {
      if (!first_item) t += ",\n";
      first_item = false;
      t += "        {\n          \"unit\": ";
      json_opt(t, g.unit);
      t += ",\n          \"kind\": \"";
      t += to_string(r.kind);
      t += "\",\n          \"role\": \"";
      t += to_string(r.role);
      t += "\",\n          \"case\": ";
      json_opt(t, r.case_id);
      t += ",\n          \"meeting\": ";
      json_opt(t, r.meeting);
      t += ",\n          \"title\": ";
      store::append_json_string(t, r.title);
      t += ",\n          \"due\": \"";
      auto [it, added] = dues.try_emplace(r.due.tp.time_since_epoch().count());
      if (added) it->second = time::format_utc(r.due);
      t += it->second;
      fmt::format_to(std::back_inserter(t), "\",\n          \"level\": {}", r.level);
      t += ",\n          \"unassigned\": ";
      json_opt(t, r.unassigned);
      t += ",\n          \"cases\": ";
      json_opt(t, r.cases);
      t += "\n        }";
      buf.flush_if_full();
    }
    if (!g.items.empty()) t += "\n      ]";
    t += "\n    }";
  }
  if (!groups.empty()) t += "\n  ]";
  t += "\n}\n";
  buf.flush();
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
  // The rows come by due then id, so that each unit's items mostly need no sorting.
  for (auto& c : store.due_rows_before(before)) {
    const auto kind = c.due < now ? ReminderKind::overdue : ReminderKind::due_soon;
    by_unit[*c.lead_unit].push_back(item(kind, Role::lead, c.id, c.meeting,
                                         c.co_units.empty() ? std::move(c.title) : c.title, c.due,
                                         c.level));
    // A co-unit shares the deadline (as `list --unit` shows it the case).
    for (const auto& co : c.co_units)
      if (co != *c.lead_unit)
        by_unit[co].push_back(item(kind, Role::co_unit, c.id, c.meeting, c.title, c.due, c.level));
  }
  for (auto& c : store.unacknowledged_rows_before(before)) {
    const auto kind = c.due < now ? ReminderKind::unacknowledged : ReminderKind::ack_due_soon;
    by_unit[*c.lead_unit].push_back(
        item(kind, Role::lead, c.id, c.meeting, std::move(c.title), c.due, c.level));
  }
  for (const auto& s : store.unanswered_summons_due_before(now)) {
    const auto c = store.find_case(s.case_id);
    if (!c || c->status == store::Status::closed) continue;
    by_unit[s.unit].push_back(item(ReminderKind::whistle_unanswered, Role::summoned, c->id,
                                   c->meeting, c->title, s.due_at, c->level));
  }
  for (auto& c : store.suspension_rows_before(now))
    by_unit[*c.lead_unit].push_back(item(ReminderKind::suspension_ended, Role::lead, c.id,
                                         c.meeting, std::move(c.title), c.due, c.level));
  for (auto& c : store.extension_rows())
    meetings.push_back(item(ReminderKind::extension_pending, Role::office, c.id, c.meeting,
                            std::move(c.title), c.due, c.level));
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
    const auto before = [](const Reminder& a, const Reminder& b) {
      return std::tie(a.kind, a.due, a.case_id, a.meeting) <
             std::tie(b.kind, b.due, b.case_id, b.meeting);
    };
    if (!std::is_sorted(items.begin(), items.end(), before))
      std::stable_sort(items.begin(), items.end(), before);
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
  if (format == io::Format::json) {
    render_json(out, groups, now);
    return;
  }
  if (format != io::Format::table) {
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
    std::vector<io::Column> columns;
    const auto keys = item_json({}, Reminder{});  // items() must not outlive it
    for (const auto& [key, value] : keys.items()) columns.push_back({key, key});
    // One row at a time, none held (these formats measure nothing).
    io::RowStream rows(out, std::move(columns), format);
    for (const auto& g : groups)
      for (const auto& r : g.items) rows.write(item_json(g, r));
    rows.finish();
    return;
  }
  // Tens of thousands of lines: each kind's words and each due's text are
  // made once, and lines are written in blocks.
  std::array<std::string, k_kinds> kind_words;
  std::array<std::size_t, k_kinds> kind_widths{};
  for (std::size_t k = 0; k < k_kinds; ++k) {
    kind_words[k] = std::string(words(kind_key(static_cast<ReminderKind>(k))));
    kind_widths[k] = util::display_width(kind_words[k]);
  }
  std::unordered_map<std::int64_t, std::string> due_texts;
  const auto due_text = [&](time::Instant due) -> const std::string& {
    auto [it, added] = due_texts.try_emplace(due.tp.time_since_epoch().count());
    if (added) it->second = words.format("remind.due", time::format_local(due, config.zone));
    return it->second;
  };
  Buffer buf(out);
  bool first = true;
  for (const auto& g : groups) {
    if (!first) buf.text += '\n';
    first = false;
    // Names come from the config and titles from people: shown escaped.
    buf.text += util::escape_controls(g.unit ? g.name : std::string(words("remind.office")));
    if (g.unit) buf.text += " (" + util::escape_controls(*g.unit) + ")";
    if (g.head) buf.text += "  " + util::escape_controls(*g.head);
    if (g.email) buf.text += " <" + util::escape_controls(*g.email) + ">";
    buf.text += '\n';
    std::size_t kind_width = 0;
    std::array<bool, k_kinds> present{};
    for (const auto& r : g.items) present[static_cast<std::size_t>(r.kind)] = true;
    for (std::size_t k = 0; k < k_kinds; ++k)
      if (present[k]) kind_width = std::max(kind_width, kind_widths[k]);
    std::array<std::string, k_kinds> padded;
    for (std::size_t k = 0; k < k_kinds; ++k)
      if (present[k]) padded[k] = util::pad(kind_words[k], kind_width);
    for (const auto& r : g.items) {
      auto& line = buf.text;
      line += "  ";
      line += padded[static_cast<std::size_t>(r.kind)];
      line += "  ";
      const auto ref_at = line.size();
      if (r.case_id) fmt::format_to(std::back_inserter(line), "#{}", *r.case_id);
      else fmt::format_to(std::back_inserter(line), "M{}", r.meeting.value_or(0));
      // A reference is ASCII: as many columns as bytes.
      if (const auto used = line.size() - ref_at; used < 6) line.append(6 - used, ' ');
      line += "  ";
      line += due_text(r.due);
      line += "  ";
      line += util::escape_controls(r.title);
      if (r.role == Role::co_unit) line += words("remind.co_unit");
      if (r.unassigned && r.cases)
        line += words.format("remind.unassigned", *r.unassigned, *r.cases);
      line += '\n';
      buf.flush_if_full();
    }
  }
  buf.flush();
}

}  // namespace duban::supervise
