// The working calendar of SPEC §4-5: weekends, holidays and make-up working
// days (调休), and arithmetic with durations on it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "time/duration.hpp"
#include "time/instant.hpp"

namespace duban::time {

class Calendar {
public:
  // Weekend days as 0=sun .. 6=sat. Default: sat and sun.
  Calendar();
  Calendar(std::set<unsigned> weekend, std::set<LocalDays> holidays, std::set<LocalDays> workdays);

  // A make-up working day is a working day even on a weekend; a holiday is
  // not, even on a weekday; otherwise weekdays not in the weekend are.
  bool is_working_day(LocalDays day) const;

private:
  std::set<unsigned> m_weekend;
  std::set<LocalDays> m_holidays;
  std::set<LocalDays> m_workdays;
};

// Parses a weekday name "mon".."sun" (case-insensitive) to 0=sun..6=sat.
std::optional<unsigned> parse_weekday(std::string_view name);

// Parses "2025-10-01" or a range "2025-10-01..2025-10-08" (inclusive; start
// not after end) into its days; nullopt when malformed.
std::optional<std::vector<LocalDays>> parse_day_or_range(std::string_view text);

// `from` plus `d` (SPEC §4): m/h/d exact (3d = 72 h); mo adds calendar months
// to the local date-time, clamping the day (Jan 31 + 1mo = Feb 28/29);
// N wd ends at 23:59:59 local of the Nth working day after from's local date
// (that date not counted). 0wd is 23:59:59 of from's own local date.
Instant add(Instant from, Duration d, const Calendar& calendar, const Zone& zone);

// The working days after `from` up to and including `to`: those of (from,
// to], `from` itself not counted, as `Nwd` counts them; 0 when `to` is not
// after `from`. A case due on Friday is 0 working days overdue on Saturday
// and 1 on Monday.
std::int64_t working_days_after(LocalDays from, LocalDays to, const Calendar& calendar);

}  // namespace duban::time
