#include "cases/fold.hpp"

#include <algorithm>
#include <tuple>

namespace duban::cases {

namespace {

using store::Action;
using store::Detail;
using store::Status;
using time::Instant;

std::optional<std::string> text(const Detail& d, const char* key) {
  const auto it = d.find(key);
  if (it == d.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<Instant> instant(const Detail& d, const char* key) {
  if (auto t = text(d, key)) return time::parse_stored(*t);
  return std::nullopt;
}

// The intake fields that an event may carry, by their SPEC §9 names.
struct Field {
  const char* key;
  std::optional<std::string> store::CaseRow::*member;
};
constexpr Field k_text_fields[] = {
    {"description", &store::CaseRow::description},
    {"channel", &store::CaseRow::channel},
    {"category", &store::CaseRow::category},
    {"class", &store::CaseRow::klass},
    {"requester", &store::CaseRow::requester},
    {"phone", &store::CaseRow::phone},
    {"town", &store::CaseRow::town},
    {"village", &store::CaseRow::village},
    {"address", &store::CaseRow::address},
    {"proxy", &store::CaseRow::proxy},
};

void start(store::CaseRow& c, const store::Event& e) {
  const auto& d = e.detail;
  store::CaseRow fresh;
  fresh.id = e.case_id;
  fresh.receipt = text(d, "receipt").value_or(c.receipt);
  fresh.received_at = e.at;
  if (d.contains("title")) {
    fresh.title = text(d, "title").value_or("");
    for (const auto& f : k_text_fields) fresh.*f.member = text(d, f.key);
    if (const auto it = d.find("meeting"); it != d.end() && it->is_number_integer())
      fresh.meeting = it->get<std::int64_t>();
    fresh.confidential = d.value("confidential", false);
  } else {
    // An intake of an older duban: only its receipt and meeting were told.
    fresh.title = c.title;
    for (const auto& f : k_text_fields) fresh.*f.member = c.*f.member;
    fresh.meeting = c.meeting;
    fresh.confidential = c.confidential;
    fresh.received_at = c.received_at;
  }
  c = std::move(fresh);
}

// The intake fields `amend` may correct (SPEC §3), besides title and meeting.
bool amend_field(store::CaseRow& c, const std::string& key, const Detail& value) {
  if (key == "title") {
    if (value.is_string()) c.title = value.get<std::string>();
    return true;
  }
  if (key == "meeting") {
    if (value.is_number_integer()) c.meeting = value.get<std::int64_t>();
    else c.meeting.reset();
    return true;
  }
  for (const auto& f : k_text_fields) {
    if (key != f.key) continue;
    if (value.is_string()) c.*f.member = value.get<std::string>();
    else (c.*f.member).reset();
    return true;
  }
  return false;
}

}  // namespace

void end_suspension(store::CaseRow& c, Instant at) {
  if (!c.suspended_at) return;
  const auto stopped = at.tp - c.suspended_at->tp;
  if (stopped.count() > 0) {
    if (c.ack_due) c.ack_due->tp += stopped;
    if (c.due_at) c.due_at->tp += stopped;
  }
  c.suspended_at.reset();
  c.suspend_until.reset();
}

Detail intake_detail(const store::CaseRow& c) {
  Detail d = Detail::object();
  d["receipt"] = c.receipt;
  d["title"] = c.title;
  for (const auto& f : k_text_fields)
    if (c.*f.member) d[f.key] = *(c.*f.member);
  if (c.meeting) d["meeting"] = *c.meeting;
  if (c.confidential) d["confidential"] = true;
  return d;
}

void apply(store::CaseRow& c, const store::Event& e) {
  const auto& d = e.detail;
  // A case handed on, finished or merged runs no more on a stopped clock:
  // these acts end its suspension first, as a resume would.
  switch (e.action) {
  case Action::assign:
  case Action::give_back:
  case Action::resolve:
  case Action::close:
  case Action::merge: end_suspension(c, e.at); break;
  default: break;
  }
  switch (e.action) {
  case Action::intake: start(c, e); return;
  case Action::assign: {
    const auto lead = text(d, "lead");
    // A new lead unit (or a case handed back, which has none) must
    // acknowledge afresh; the same lead keeps its acknowledgement.
    if (c.status == Status::received || lead != c.lead_unit) {
      c.status = Status::listed;
      c.acked_at.reset();
    }
    c.lead_unit = lead;
    c.co_units.clear();
    if (const auto it = d.find("co"); it != d.end() && it->is_array())
      for (const auto& u : *it) c.co_units.push_back(u.get<std::string>());
    if (auto leader = text(d, "leader")) c.leader = leader;
    if (auto klass = text(d, "class")) c.klass = klass;
    c.ack_due = instant(d, "ack_due");
    c.due_at = instant(d, "due_at");
    if (!c.first_assigned_at) c.first_assigned_at = e.at;
    c.assigned_at = e.at;
    return;
  }
  case Action::ack:
    // The lead unit's first response; a co-unit's or a summoned unit's
    // report changes nothing of the case itself.
    if (c.status == Status::listed && e.unit && e.unit == c.lead_unit) {
      c.acked_at = e.at;
      c.status = Status::in_progress;
    }
    return;
  case Action::give_back:
    c.status = Status::received;
    c.lead_unit.reset();
    c.co_units.clear();
    c.assigned_at.reset();
    c.ack_due.reset();
    c.acked_at.reset();
    c.due_at.reset();
    return;
  case Action::note:
    if (auto due = instant(d, "due_at")) c.due_at = due;
    return;
  case Action::resolve:
    // A merged request follows its master (SPEC §3), and takes its lead
    // unit when it had none.
    if (!c.lead_unit) c.lead_unit = text(d, "lead");
    c.status = Status::resolved;
    c.resolved_at = e.at;
    c.outcome = text(d, "outcome");
    c.outcome_text = text(d, "note");
    return;
  case Action::close:
    c.status = Status::closed;
    c.closed_at = e.at;
    return;
  case Action::reopen:
    c.status = Status::in_progress;
    c.resolved_at.reset();
    c.outcome.reset();
    c.outcome_text.reset();
    c.closed_at.reset();
    return;
  case Action::followup: c.satisfaction = text(d, "rating"); return;
  case Action::escalate:
    if (auto to = text(d, "to_unit")) {
      // Moved up the unit tree: the new lead acknowledges afresh.
      c.lead_unit = to;
      std::erase(c.co_units, *to);
      c.status = Status::listed;
      c.acked_at.reset();
      c.ack_due = instant(d, "ack_due");
    }
    if (const auto it = d.find("level"); it != d.end() && it->is_number_integer())
      c.level = it->get<std::int64_t>();
    return;
  case Action::suspend:
    c.suspended_at = e.at;
    c.suspend_until = instant(d, "until");
    return;
  case Action::resume: end_suspension(c, e.at); return;
  case Action::extend: c.extension_due = instant(d, "due_at"); return;
  case Action::extend_approve:
    if (auto due = instant(d, "due_at")) c.due_at = due;
    c.extension_due.reset();
    return;
  case Action::extend_reject: c.extension_due.reset(); return;
  case Action::merge:
    if (const auto it = d.find("into"); it != d.end() && it->is_number_integer())
      c.merged_into = it->get<std::int64_t>();
    return;
  case Action::unmerge: c.merged_into.reset(); return;
  case Action::appeal: c.appeal = "pending"; return;
  case Action::appeal_grant: c.appeal = "granted"; return;
  case Action::appeal_deny: c.appeal = "denied"; return;
  case Action::amend:
    if (const auto it = d.find("new"); it != d.end() && it->is_object())
      for (const auto& [key, value] : it->items()) amend_field(c, key, value);
    return;
  case Action::issue:
  case Action::topic: return;  // of the meeting or the topic, not of the case row
  }
}

std::vector<store::SummonsRow> summons_of(const std::vector<store::Event>& events) {
  std::vector<store::SummonsRow> rows;
  for (const auto& e : events) {
    if (e.action != Action::escalate && e.action != Action::ack) continue;
    const auto& d = e.detail;
    if (e.action == Action::escalate) {
      const auto units = d.find("whistle");
      const auto due = instant(d, "due_at");
      if (units == d.end() || !units->is_array() || !due) continue;
      for (const auto& u : *units)
        rows.push_back({e.case_id, u.get<std::string>(), e.at, *due, {}});
    } else if (d.value("whistle", false) && e.unit) {
      for (auto& r : rows)
        if (r.unit == *e.unit && !r.answered_at) r.answered_at = e.at;
    }
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.case_id, a.unit, a.summoned_at) < std::tie(b.case_id, b.unit, b.summoned_at);
  });
  return rows;
}

std::optional<store::CaseRow> fold(const store::CaseRow& base,
                                   const std::vector<store::Event>& events) {
  std::optional<store::CaseRow> c;
  for (const auto& e : events) {
    if (!c) {
      if (e.action != Action::intake) continue;
      c = base;
    }
    apply(*c, e);
  }
  return c;
}

}  // namespace duban::cases
