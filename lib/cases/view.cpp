#include "cases/view.hpp"

#include <algorithm>
#include <vector>

namespace duban::cases {

namespace {

template <class T> Json opt(const std::optional<T>& v) { return v ? Json(*v) : Json(nullptr); }

template <class F> Json build(const store::CaseRow& c, F&& when) {
  Json j;
  j["id"] = c.id;
  j["receipt"] = c.receipt;
  j["title"] = c.title;
  j["description"] = opt(c.description);
  j["channel"] = opt(c.channel);
  j["category"] = opt(c.category);
  j["class"] = opt(c.klass);
  j["requester"] = opt(c.requester);
  j["phone"] = opt(c.phone);
  j["town"] = opt(c.town);
  j["village"] = opt(c.village);
  j["address"] = opt(c.address);
  j["meeting"] = opt(c.meeting);
  j["status"] = std::string(store::to_string(c.status));
  j["lead_unit"] = opt(c.lead_unit);
  j["co_units"] = c.co_units;
  j["leader"] = opt(c.leader);
  j["proxy"] = opt(c.proxy);
  j["received_at"] = when(c.received_at);
  j["assigned_at"] = c.assigned_at ? when(*c.assigned_at) : Json(nullptr);
  j["ack_due"] = c.ack_due ? when(*c.ack_due) : Json(nullptr);
  j["acked_at"] = c.acked_at ? when(*c.acked_at) : Json(nullptr);
  j["due_at"] = c.due_at ? when(*c.due_at) : Json(nullptr);
  j["resolved_at"] = c.resolved_at ? when(*c.resolved_at) : Json(nullptr);
  j["outcome"] = opt(c.outcome);
  j["closed_at"] = c.closed_at ? when(*c.closed_at) : Json(nullptr);
  j["level"] = c.level;
  j["satisfaction"] = opt(c.satisfaction);
  return j;
}

// What the practice of SPEC §3 marks on a case, for `show`.
template <class F> void add_practice(Json& j, const store::CaseRow& c, F&& when) {
  j["suspended_at"] = c.suspended_at ? when(*c.suspended_at) : Json(nullptr);
  j["suspend_until"] = c.suspend_until ? when(*c.suspend_until) : Json(nullptr);
  j["extension_due"] = c.extension_due ? when(*c.extension_due) : Json(nullptr);
  j["merged_into"] = opt(c.merged_into);
  j["appeal"] = opt(c.appeal);
}

}  // namespace

Json case_json(const store::CaseRow& c) {
  return build(c, [](time::Instant at) { return Json(time::format_utc(at)); });
}

Json case_display(const store::CaseRow& c, const time::Zone& zone) {
  return build(c, [&](time::Instant at) { return Json(time::format_local(at, zone)); });
}

void add_practice_json(Json& j, const store::CaseRow& c) {
  add_practice(j, c, [](time::Instant at) { return Json(time::format_utc(at)); });
}

void add_practice_display(Json& j, const store::CaseRow& c, const time::Zone& zone) {
  add_practice(j, c, [&](time::Instant at) { return Json(time::format_local(at, zone)); });
}

Json event_json(const store::Event& e) {
  Json j{{"id", e.id},
         {"at", time::format_utc(e.at)},
         {"actor", e.actor},
         {"action", std::string(store::to_string(e.action))}};
  if (e.unit) j["unit"] = *e.unit;
  // The event's own fields follow, in their (sorted) order.
  for (const auto& [key, value] : e.detail.items()) j[key] = value;
  return j;
}

namespace {
// The characters of `text`, each a whole UTF-8 sequence.
std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> chars;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t n = 1;
    while (pos + n < text.size() && (static_cast<unsigned char>(text[pos + n]) & 0xC0) == 0x80) ++n;
    chars.push_back(text.substr(pos, n));
    pos += n;
  }
  return chars;
}
}  // namespace

std::string mask_phone(std::string_view phone) {
  // Characters, not bytes: a phone typed with a full-width digit or dash
  // must not be cut inside a UTF-8 sequence.
  const auto chars = characters(phone);
  // A '*' stands for a digit masked already, so masking twice changes
  // nothing: "138****1234" stays as it is.
  const auto digits = std::count_if(phone.begin(), phone.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == '*'; });
  const std::size_t head = digits >= 8 ? 3 : 0, tail = digits >= 8 ? 4 : 2;
  std::string masked;
  for (std::size_t i = 0; i < chars.size(); ++i)
    masked += i < head || i + tail >= chars.size() ? std::string(chars[i]) : std::string("*");
  return masked;
}

void mask_contact(Json& case_object, bool confidential) {
  const auto it = case_object.find("phone");
  if (it != case_object.end() && it->is_string()) *it = mask_phone(it->get<std::string>());
  // A confidential case (保密) shows its requester as the first character only.
  const auto who = case_object.find("requester");
  if (confidential && who != case_object.end() && who->is_string()) {
    const auto name = who->get<std::string>();
    const auto chars = characters(name);
    *who = chars.empty() ? std::string() : std::string(chars.front()) + "**";
  }
}

Json meeting_json(const store::MeetingRow& m) {
  return Json{{"id", m.id},
              {"kind", m.kind},
              {"title", m.title},
              {"date", time::format_date(m.held_on)},
              {"group", opt(m.group)},
              {"issued_at", m.issued_at ? Json(time::format_utc(*m.issued_at)) : Json(nullptr)},
              {"approved_by", opt(m.approved_by)},
              {"issued_by", opt(m.issued_by)}};
}

}  // namespace duban::cases
