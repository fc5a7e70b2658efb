// `list` and meetings: options as the user wrote them, checked and turned
// into a store filter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cases/cases.hpp"

namespace duban::cases {

struct ListOptions {
  std::vector<std::string> statuses;
  std::optional<std::string> unit, klass, channel, category;  // codes or names
  std::optional<std::string> meeting;                         // an id or a title
  bool overdue = false;
  bool suspended = false;  // only suspended cases (挂账)
  std::optional<std::string> due_within, received_from, received_to, search;
  // Closed (crossed off) on or after / on or before DATE (or WHEN).
  std::optional<std::string> closed_from, closed_to;
  std::optional<std::string> leader, town, proxy;  // exactly as recorded
  std::optional<std::int64_t> limit;
};

// Error(Kind::not_one_of) for a bad status or class, Kind::not_a_duration,
// Kind::not_a_when for a bad bound (fields as SPEC §9 names them:
// "due_within", "received_from", "closed_to"…); Kind::must_not_be_negative
// for the limit; unknown_unit, unknown_category, unknown_channel,
// unknown_meeting for what names none.
std::vector<CaseRow> list(const store::Store& store, const config::Config& config, Instant now,
                          const ListOptions& options);
// The store's filter of those options, checked as `list` checks them: for
// reading the cases one at a time (Store::each_case), a million held never.
store::CaseFilter list_filter(const store::Store& store, const config::Config& config, Instant now,
                              const ListOptions& options);

struct MeetingOptions {
  std::string kind, title, date;
  std::optional<std::string> group;
};
store::MeetingRow add_meeting(Context& ctx, const MeetingOptions& options);
// The meeting of `id`, or Error(Kind::unknown_meeting).
store::MeetingRow find_meeting(const store::Store& store, std::int64_t id);
// The meeting `text` names: its id, or else the exact title of exactly one
// meeting (SPEC §9). Error(Kind::unknown_meeting) with the nearest title, or
// Error(Kind::ambiguous_name) with the ids of those that share it.
store::MeetingRow find_meeting(const store::Store& store, std::string_view text,
                               std::string_view field = "meeting");

}  // namespace duban::cases
