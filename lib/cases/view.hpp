// Cases, events and meetings as JSON objects with SPEC §9's names: the one
// shape every renderer (json, csv, table) starts from.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "store/event.hpp"
#include "store/rows.hpp"
#include "time/instant.hpp"

namespace duban::cases {

using Json = nlohmann::ordered_json;

// Every field of SPEC §9 in its order; instants as UTC ISO-8601 text, absent
// values as null, co_units an array.
Json case_json(const store::CaseRow& c);

// The same with instants shown in `zone` ("2025-10-25 11:00"), for tables.
Json case_display(const store::CaseRow& c, const time::Zone& zone);

// What `show` adds of SPEC §3's practice: suspended_at, suspend_until,
// extension_due, merged_into, appeal (null when none); instants in UTC or,
// for display, in `zone`. Not list columns: those are SPEC §9's.
void add_practice_json(Json& j, const store::CaseRow& c);
void add_practice_display(Json& j, const store::CaseRow& c, const time::Zone& zone);

// {"at", "actor", "action", "unit"?, ...the event's own fields}.
Json event_json(const store::Event& e);

Json meeting_json(const store::MeetingRow& m);

// A phone as shown to a person (SPEC §8): with at least 8 digits, the first
// 3 and last 4 characters kept, "13800000001" -> "138****0001"; shorter,
// all but the last 2 masked, "12345" -> "***45". Each masked character is
// one '*'; a '*' counts as a digit, so a masked phone masks to itself.
std::string mask_phone(std::string_view phone);

// `case_object` (case_json or case_display) with its "phone" masked, for
// every form but JSON, which carries the full value.
void mask_contact(Json& case_object, bool confidential = false);

}  // namespace duban::cases
