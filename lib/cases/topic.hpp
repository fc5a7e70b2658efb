// The month's chosen problems (每月一题, SPEC §6): a topic is a problem the
// office picks for a month and follows over the months until its volume
// falls; cases are linked to it one by one or all that match it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/cases.hpp"

namespace duban::cases {

struct TopicOptions {
  std::string month, title;                     // YYYY-MM
  std::optional<std::string> category, search;  // a category by code or name
};

// Adds a topic created at ctx.now. Error(Kind::not_a_month), Kind::required
// (title), Kind::unknown_category.
store::TopicRow add_topic(Context& ctx, const TopicOptions& options);

// The topic `text` names (its id), or Error(Kind::unknown_topic).
store::TopicRow find_topic(const store::Store& store, const std::string& text);

struct Linked {
  std::vector<std::int64_t> linked;   // linked now, each with its `topic` event
  std::vector<std::int64_t> already;  // linked before: nothing written
};

// Links cases to the topic in one transaction; each new link journals a
// `topic` event {"topic": id} on its case. A case linked already is left
// as it is and journals nothing, so that a script may link again.
Linked link_topic(Context& ctx, const std::string& topic, const std::vector<std::int64_t>& ids);

// The ids of the cases matching the topic's own category and search that
// were received in or after its month (the `list` filter).
std::vector<std::int64_t> matching_cases(const store::Store& store, const config::Config& config,
                                         const store::TopicRow& topic);

}  // namespace duban::cases
