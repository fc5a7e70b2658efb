// Which deadlines apply to a case (SPEC §5): the defaults per class, refined
// by [[deadlines.rule]] on channel and/or category.
#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"

namespace duban::supervise {

struct DeadlinePlan {
  time::Duration ack;
  time::Duration resolve;
};

// The most specific matching rule wins, field by field: a rule on channel and
// category beats one on category alone, which beats one on channel alone;
// among equally specific rules the first in the file wins. A field the
// winning rule leaves out (ack, or resolve for this class) comes from the next
// matching rule that sets it, else from [deadlines].
DeadlinePlan plan_for(const config::Config& config, const std::optional<std::string>& channel,
                      const std::optional<std::string>& category, char klass);

}  // namespace duban::supervise
