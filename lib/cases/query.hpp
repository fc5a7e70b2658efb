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
  std::optional<std::string> unit, klass, channel, category;
  std::optional<std::int64_t> meeting;
  bool overdue = false;
  std::optional<std::string> due_within, received_from, received_to, search;
  std::optional<std::int64_t> limit;
};

// Error(usage) for a bad status, class, duration or date; Error(unavailable)
// for an unknown unit or meeting.
std::vector<CaseRow> list(const store::Store& store, const config::Config& config, Instant now,
                          const ListOptions& options);

struct MeetingOptions {
  std::string kind, title, date;
  std::optional<std::string> group;
};
store::MeetingRow add_meeting(Context& ctx, const MeetingOptions& options);
store::MeetingRow find_meeting(const store::Store& store, std::int64_t id);

}  // namespace duban::cases
