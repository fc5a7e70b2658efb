#include "time/calendar.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "util/error.hpp"

namespace duban::time {

namespace chr = std::chrono;

namespace {

constexpr std::array<std::string_view, 7> k_weekdays{"sun", "mon", "tue", "wed",
                                                     "thu", "fri", "sat"};

constexpr chr::seconds k_end_of_day = chr::hours{23} + chr::minutes{59} + chr::seconds{59};

// Ten years without a working day can only mean a calendar that has none
// (every weekday in the weekend); stop rather than loop forever.
constexpr int k_max_idle_days = 3660;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

Instant add_months(Instant from, std::int64_t count, const Zone& zone) {
  const LocalSeconds local = zone.to_local(from);
  const LocalDays day = chr::floor<chr::days>(local);
  const chr::year_month_day ymd{day};
  const chr::year_month target = ymd.year() / ymd.month() + chr::months{count};
  const chr::day last = (target / chr::last).day();
  const LocalDays clamped{target / std::min(ymd.day(), last)};
  return zone.to_instant(clamped + (local - day));
}

Instant add_working_days(Instant from, std::int64_t count, const Calendar& calendar,
                         const Zone& zone) {
  LocalDays day = zone.local_date(from);
  int idle = 0;
  for (std::int64_t left = count; left > 0;) {
    day += chr::days{1};
    if (calendar.is_working_day(day)) {
      --left;
      idle = 0;
    } else if (++idle > k_max_idle_days) {
      throw Error(Kind::no_working_day, {.value = format_date(day - chr::days{idle})});
    }
  }
  return zone.to_instant(day + k_end_of_day);
}

}  // namespace

Calendar::Calendar() : m_weekend{0, 6} {}

Calendar::Calendar(std::set<unsigned> weekend, std::set<LocalDays> holidays,
                   std::set<LocalDays> workdays)
    : m_weekend(std::move(weekend)), m_holidays(std::move(holidays)),
      m_workdays(std::move(workdays)) {}

bool Calendar::is_working_day(LocalDays day) const {
  if (m_workdays.contains(day)) return true;
  if (m_holidays.contains(day)) return false;
  return !m_weekend.contains(chr::weekday{day}.c_encoding());
}

std::optional<unsigned> parse_weekday(std::string_view name) {
  if (name.size() != 3) return std::nullopt;
  for (unsigned i = 0; i < k_weekdays.size(); ++i) {
    if (std::equal(name.begin(), name.end(), k_weekdays[i].begin(),
                   [](char a, char b) { return ascii_lower(a) == b; })) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<std::vector<LocalDays>> parse_day_or_range(std::string_view text) {
  const auto dots = text.find("..");
  const auto first = parse_date(text.substr(0, dots));
  if (!first) return std::nullopt;
  if (dots == std::string_view::npos) return std::vector<LocalDays>{*first};
  const auto last = parse_date(text.substr(dots + 2));
  if (!last || *last < *first) return std::nullopt;
  std::vector<LocalDays> days;
  for (LocalDays day = *first; day <= *last; day += chr::days{1}) days.push_back(day);
  return days;
}

Instant add(Instant from, Duration d, const Calendar& calendar, const Zone& zone) {
  if (d.count < 0 || d.count > k_max_duration_count) {
    throw std::out_of_range("duration " + to_string(d) + " is out of range");
  }
  switch (d.unit) {
  case Duration::Unit::minutes: return Instant{from.tp + chr::minutes{d.count}};
  case Duration::Unit::hours: return Instant{from.tp + chr::hours{d.count}};
  case Duration::Unit::days: return Instant{from.tp + chr::days{d.count}};
  case Duration::Unit::months: return add_months(from, d.count, zone);
  case Duration::Unit::working_days: return add_working_days(from, d.count, calendar, zone);
  }
  throw std::invalid_argument("unknown duration unit");
}

std::int64_t working_days_after(LocalDays from, LocalDays to, const Calendar& calendar) {
  std::int64_t count = 0;
  for (LocalDays day = from + chr::days{1}; day <= to; day += chr::days{1})
    count += calendar.is_working_day(day) ? 1 : 0;
  return count;
}

}  // namespace duban::time
