// Durations of SPEC §4: 30m, 4h, 3d, 5wd, 2mo.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duban::time {

struct Duration {
  enum class Unit { minutes, hours, days, working_days, months };
  std::int64_t count = 0;
  Unit unit = Unit::minutes;
  bool operator==(const Duration&) const = default;
};

// The largest count a duration may have: far beyond any real deadline, and
// small enough that arithmetic on it cannot overflow.
inline constexpr std::int64_t k_max_duration_count = 99999;

// "30m", "4h", "3d", "5wd", "2mo"; a non-negative integer (no leading zero,
// at most k_max_duration_count) then the unit, no spaces. Returns nullopt on
// anything else ("5", "3 d", "-1d", "1.5h", "2w", "05d").
std::optional<Duration> parse_duration(std::string_view text);

// Back to the text form: to_string(parse_duration(s)) == s for valid s.
std::string to_string(Duration d);

inline constexpr std::string_view k_duration_forms =
    "a duration such as 30m, 4h, 3d, 5wd (working days) or 2mo";

}  // namespace duban::time
