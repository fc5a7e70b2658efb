// Cases, events and meetings as JSON objects with SPEC §9's names: the one
// shape every renderer (json, csv, table) starts from.
#pragma once

#include <nlohmann/json.hpp>

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

// {"at", "actor", "action", "unit"?, ...the event's own fields}.
Json event_json(const store::Event& e);

Json meeting_json(const store::MeetingRow& m);

}  // namespace duban::cases
