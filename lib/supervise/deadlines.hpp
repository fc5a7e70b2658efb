// Which deadlines apply to a case (SPEC §5): the defaults per class, refined
// by [[deadlines.rule]] on channel and/or category.
#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"

namespace duban::supervise {

struct DeadlinePlan {
  time::Duration ack;
  std::optional<time::Duration> resolve;  // none: it depends on a class the case lacks
};

// The most specific matching rule wins, field by field: a rule on channel and
// category beats one on category alone, which beats one on channel alone;
// among equally specific rules the first in the file wins. A field the
// winning rule leaves out (ack, or resolve for this class) comes from the next
// matching rule that sets it, else from [deadlines]. Without a class, the
// resolve clock is known only where it is the same for A, B and C (a hotline
// rule's resolve = "5wd").
DeadlinePlan plan_for(const config::Config& config, const std::optional<std::string>& channel,
                      const std::optional<std::string>& category, std::optional<char> klass);

}  // namespace duban::supervise
