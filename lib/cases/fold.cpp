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

}  // namespace

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
