// Instants, zones and the text forms of SPEC §4. Pure: no clock, no I/O
// beyond the system tz database that Zone::locate reads (lib/time/zone.cpp).
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace duban::time {

// A point in time, to the second. A strong type so that it never mixes
// with local times or plain integers.
struct Instant {
  std::chrono::sys_seconds tp{};
  auto operator<=>(const Instant&) const = default;
};

// Local calendar date / date-time in some zone (no zone attached).
using LocalDays = std::chrono::local_days;
using LocalSeconds = std::chrono::local_seconds;

// An IANA zone from the system tz database (tzdata), read by the C
// library's own local-time functions: they read the one zone's file, where
// a whole tz database takes a walk of its 600 files first (0.6 ms of every
// command, issue 10). The C library keeps one zone at a time, so a Zone
// makes itself that zone when it is used: duban runs on one thread.
class Zone {
public:
  // Throws Error(unknown_zone) when the name is not a zone of the database.
  static Zone locate(std::string_view name);

  const std::string& name() const { return m_name; }
  LocalSeconds to_local(Instant at) const;
  LocalDays local_date(Instant at) const;
  // The instant of a local date-time; in a gap or fold, the earliest
  // matching instant (China has neither since 1991).
  Instant to_instant(LocalSeconds local) const;
  // The first instant of a local day (00:00:00 there).
  Instant start_of(LocalDays day) const { return to_instant(LocalSeconds{day.time_since_epoch()}); }

private:
  // Empty for a default-constructed Zone, which reads as UTC.
  std::string m_name;
};

// What a date without a time means where a WHEN is read.
enum class DateOnly {
  start_of_day,  // 00:00:00 local (received, --now, report bounds)
  end_of_day,    // 23:59:59 local (deadlines: --due 2025-10-25)
};

// Parses a WHEN of SPEC §4: "2026-11-22T00:30:00Z", an offset form
// "2025-10-25T11:00:00+08:00" (or +0800, +08), a local date-time
// "2025-10-25 11:00[:ss]" / "2025-10-25T11:00[:ss]" read in `zone`, or a date
// "2025-10-25" read per `date_only`. Fractional seconds are accepted and
// dropped. Also the local forms Excel and WPS write (SPEC §9):
// "2025/9/27 9:00", "2025-9-27 9:00:05", "2025年9月27日",
// "2025年9月27日 9时5分" (seconds as "3秒"). Returns nullopt when the text is
// none of these or names an impossible date (2025-02-30).
std::optional<Instant> parse_when(std::string_view text, const Zone& zone,
                                  DateOnly date_only = DateOnly::start_of_day);

// Parses a plain date "YYYY-MM-DD" (or 2025/9/27, 2025-9-27, 2025年9月27日);
// nullopt if malformed or impossible.
std::optional<LocalDays> parse_date(std::string_view text);

// "2026-11-22T00:30:00Z": the stored form.
std::string format_utc(Instant at);

// Every instant duban takes or computes lies in 1970-01-01T00:00:00Z ..
// 9999-12-31T23:59:59Z (SPEC §4), where the stored text sorts as time does.
inline constexpr std::string_view k_earliest = "1970-01-01T00:00:00Z";
inline constexpr std::string_view k_latest = "9999-12-31T23:59:59Z";
bool in_range(Instant at);

// Reads the stored form back: "YYYY-MM-DDTHH:MM:SSZ", and also what an older
// duban may have written out of range (a year of 0 or of five digits, with
// an optional sign), so that such a store still opens and shows it. nullopt
// for anything else.
std::optional<Instant> parse_stored(std::string_view text);
// "2026-11-22 08:30" in `zone`: the displayed form.
std::string format_local(Instant at, const Zone& zone);
// "2026-11-22"
std::string format_date(LocalDays day);

// The text expected by parse_when, for error messages.
inline constexpr std::string_view k_when_forms =
    "an ISO-8601 instant (2025-10-25T03:00:00Z, 2025-10-25T11:00+08:00), "
    "a local date-time (2025-10-25 11:00) or a date (2025-10-25)";

}  // namespace duban::time
