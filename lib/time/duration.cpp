#include "time/duration.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace duban::time {

namespace {

constexpr std::array<std::pair<std::string_view, Duration::Unit>, 5> k_units{{
    {"m", Duration::Unit::minutes},
    {"h", Duration::Unit::hours},
    {"d", Duration::Unit::days},
    {"wd", Duration::Unit::working_days},
    {"mo", Duration::Unit::months},
}};

}  // namespace

std::optional<Duration> parse_duration(std::string_view text) {
  const auto digits_end = text.find_first_not_of("0123456789");
  const std::string_view digits = text.substr(0, digits_end);
  // A leading zero ("05d") is refused so that to_string round-trips.
  if (digits.empty() || (digits.size() > 1 && digits.front() == '0')) return std::nullopt;
  std::int64_t count = 0;
  const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (parsed.ec != std::errc{} || count > k_max_duration_count) return std::nullopt;
  const std::string_view unit = text.substr(digits.size());
  for (const auto& [name, value] : k_units) {
    if (unit == name) return Duration{count, value};
  }
  return std::nullopt;
}

std::string to_string(Duration d) {
  for (const auto& [name, value] : k_units) {
    if (d.unit == value) return std::to_string(d.count) + std::string(name);
  }
  return std::to_string(d.count);
}

}  // namespace duban::time
