#include "supervise/deadlines.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace duban::supervise {

namespace {

DeadlinePlan plan_for_class(const config::Config& config, const std::optional<std::string>& channel,
                            const std::optional<std::string>& category, char klass) {
  const auto& d = config.deadlines;
  std::vector<std::pair<int, const config::DeadlineRule*>> matches;
  for (const auto& rule : d.rules) {
    if (rule.channel && rule.channel != channel) continue;
    if (rule.category && rule.category != category) continue;
    const int rank = (rule.category ? 2 : 0) + (rule.channel ? 1 : 0);
    matches.emplace_back(rank, &rule);
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  DeadlinePlan plan{d.ack, d.resolve.per_class.at(klass)};
  for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
    // Walking from the least specific, so the most specific is applied last.
    const auto& rule = *it->second;
    if (rule.ack) plan.ack = *rule.ack;
    if (rule.resolve) {
      if (auto c = rule.resolve->per_class.find(klass); c != rule.resolve->per_class.end())
        plan.resolve = c->second;
    }
  }
  return plan;
}

}  // namespace

DeadlinePlan plan_for(const config::Config& config, const std::optional<std::string>& channel,
                      const std::optional<std::string>& category, std::optional<char> klass) {
  if (klass) return plan_for_class(config, channel, category, *klass);
  auto plan = plan_for_class(config, channel, category, 'A');
  for (char other : {'B', 'C'})
    if (plan_for_class(config, channel, category, other).resolve != plan.resolve)
      plan.resolve.reset();
  return plan;
}

}  // namespace duban::supervise
