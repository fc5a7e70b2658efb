#include "time/instant.hpp"

#include <cstdio>
#include <stdexcept>

#include "util/error.hpp"

namespace duban::time {

namespace chr = std::chrono;

namespace {

constexpr chr::seconds k_end_of_day = chr::hours{23} + chr::minutes{59} + chr::seconds{59};

// Reads exactly `width` ASCII digits at `pos`, advancing it; nullopt otherwise.
std::optional<int> read_digits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (text.size() - pos < width) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool read_char(std::string_view text, std::size_t& pos, char expected) {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

std::optional<LocalDays> read_date(std::string_view text, std::size_t& pos) {
  const auto year = read_digits(text, pos, 4);
  if (!year || !read_char(text, pos, '-')) return std::nullopt;
  const auto month = read_digits(text, pos, 2);
  if (!month || !read_char(text, pos, '-')) return std::nullopt;
  const auto day = read_digits(text, pos, 2);
  if (!day) return std::nullopt;
  const chr::year_month_day ymd{chr::year{*year}, chr::month(static_cast<unsigned>(*month)),
                                chr::day(static_cast<unsigned>(*day))};
  if (!ymd.ok()) return std::nullopt;
  return LocalDays{ymd};
}

// "HH:MM", "HH:MM:SS" or "HH:MM:SS.fff" (the fraction is dropped).
std::optional<chr::seconds> read_time_of_day(std::string_view text, std::size_t& pos) {
  const auto hours = read_digits(text, pos, 2);
  if (!hours || *hours > 23 || !read_char(text, pos, ':')) return std::nullopt;
  const auto minutes = read_digits(text, pos, 2);
  if (!minutes || *minutes > 59) return std::nullopt;
  int seconds = 0;
  if (read_char(text, pos, ':')) {
    const auto s = read_digits(text, pos, 2);
    if (!s || *s > 59) return std::nullopt;
    seconds = *s;
    if (read_char(text, pos, '.')) {
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  return chr::hours{*hours} + chr::minutes{*minutes} + chr::seconds{seconds};
}

// "Z", "+08:00", "+0800" or "+08" (or '-'), to the end of the text.
std::optional<chr::seconds> read_offset(std::string_view text, std::size_t& pos) {
  if (read_char(text, pos, 'Z')) return chr::seconds{0};
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  const int sign = text[pos++] == '-' ? -1 : 1;
  const auto hours = read_digits(text, pos, 2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0;
  if (pos < text.size()) {
    read_char(text, pos, ':');
    const auto m = read_digits(text, pos, 2);
    if (!m || *m > 59) return std::nullopt;
    minutes = *m;
  }
  return sign * (chr::hours{*hours} + chr::minutes{minutes});
}

// Reads 1 to `most` ASCII digits at `pos`, advancing it.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t most) {
  std::size_t n = 0;
  int value = 0;
  while (n < most && pos + n < text.size() && text[pos + n] >= '0' && text[pos + n] <= '9')
    value = value * 10 + (text[pos + n++] - '0');
  if (n == 0) return std::nullopt;
  pos += n;
  return value;
}

bool read_word(std::string_view text, std::size_t& pos, std::string_view word) {
  if (text.substr(pos, word.size()) != word) return false;
  pos += word.size();
  return true;
}

// The dates Excel and WPS write (SPEC §9): 2025/9/27, 2025-9-27, 2025年9月27日.
std::optional<LocalDays> read_sheet_date(std::string_view text, std::size_t& pos) {
  const auto year = read_digits(text, pos, 4);
  if (!year) return std::nullopt;
  std::optional<int> month, day;
  if (read_word(text, pos, "年")) {
    month = read_number(text, pos, 2);
    if (!month || !read_word(text, pos, "月")) return std::nullopt;
    day = read_number(text, pos, 2);
    if (!day || !read_word(text, pos, "日")) return std::nullopt;
  } else {
    if (pos >= text.size() || (text[pos] != '/' && text[pos] != '-')) return std::nullopt;
    const char sep = text[pos++];
    month = read_number(text, pos, 2);
    if (!month || !read_char(text, pos, sep)) return std::nullopt;
    day = read_number(text, pos, 2);
    if (!day) return std::nullopt;
  }
  const chr::year_month_day ymd{chr::year{*year}, chr::month(static_cast<unsigned>(*month)),
                                chr::day(static_cast<unsigned>(*day))};
  if (!ymd.ok()) return std::nullopt;
  return LocalDays{ymd};
}

// The times of day Excel and WPS write: 9:00, 9:00:05, 9时5分, 9时5分3秒.
std::optional<chr::seconds> read_sheet_time(std::string_view text, std::size_t& pos) {
  const auto hours = read_number(text, pos, 2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0, seconds = 0;
  if (read_char(text, pos, ':')) {
    const auto m = read_digits(text, pos, 2);
    if (!m) return std::nullopt;
    minutes = *m;
    if (read_char(text, pos, ':')) {
      const auto s = read_digits(text, pos, 2);
      if (!s) return std::nullopt;
      seconds = *s;
    }
  } else if (read_word(text, pos, "时")) {
    if (const auto m = read_number(text, pos, 2)) {
      if (!read_word(text, pos, "分")) return std::nullopt;
      minutes = *m;
      if (const auto s = read_number(text, pos, 2)) {
        if (!read_word(text, pos, "秒")) return std::nullopt;
        seconds = *s;
      }
    }
  } else {
    return std::nullopt;
  }
  if (minutes > 59 || seconds > 59) return std::nullopt;
  return chr::hours{*hours} + chr::minutes{minutes} + chr::seconds{seconds};
}

// A WHEN in one of the sheet forms, read in `zone`.
std::optional<Instant> parse_sheet_when(std::string_view text, const Zone& zone,
                                        DateOnly date_only) {
  std::size_t pos = 0;
  const auto day = read_sheet_date(text, pos);
  if (!day) return std::nullopt;
  if (pos == text.size()) {
    const auto tod = date_only == DateOnly::end_of_day ? k_end_of_day : chr::seconds{0};
    return zone.to_instant(*day + tod);
  }
  const std::size_t before = pos;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  // Only 2025年9月27日9时 may run on without a space.
  if (pos == before && !text.substr(0, pos).ends_with("日")) return std::nullopt;
  const auto tod = read_sheet_time(text, pos);
  if (!tod || pos != text.size()) return std::nullopt;
  return zone.to_instant(*day + *tod);
}

std::string format_ymd(chr::year_month_day ymd) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// "YYYY-MM-DD<sep>HH:MM[:SS]" of a time point on any clock.
template <class Clock>
std::string format_time_point(chr::time_point<Clock, chr::seconds> tp, char sep,
                              bool with_seconds) {
  const auto day = chr::floor<chr::days>(tp);
  const chr::hh_mm_ss hms{tp - day};
  char buf[16];
  if (with_seconds) {
    std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", sep, static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  } else {
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sep, static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()));
  }
  return format_ymd(chr::year_month_day{chr::local_days{day.time_since_epoch()}}) + buf;
}

}  // namespace

std::optional<Instant> parse_when(std::string_view text, const Zone& zone, DateOnly date_only) {
  std::size_t pos = 0;
  const auto day = read_date(text, pos);
  if (!day) return parse_sheet_when(text, zone, date_only);
  if (pos == text.size()) {
    const auto tod = date_only == DateOnly::end_of_day ? k_end_of_day : chr::seconds{0};
    return zone.to_instant(*day + tod);
  }
  if (!read_char(text, pos, 'T') && !read_char(text, pos, ' '))
    return parse_sheet_when(text, zone, date_only);
  const auto tod = read_time_of_day(text, pos);
  if (!tod) return parse_sheet_when(text, zone, date_only);  // 2025-09-27 9:00
  const LocalSeconds local = *day + *tod;
  if (pos == text.size()) return zone.to_instant(local);
  const auto offset = read_offset(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;
  return Instant{chr::sys_seconds{local.time_since_epoch() - *offset}};
}

std::optional<LocalDays> parse_date(std::string_view text) {
  std::size_t pos = 0;
  auto day = read_date(text, pos);
  if (!day || pos != text.size()) {
    pos = 0;
    day = read_sheet_date(text, pos);
  }
  if (!day || pos != text.size()) return std::nullopt;
  return day;
}

std::string format_utc(Instant at) {
  // Written digit by digit for the years 1000-9999 (every instant SPEC §4
  // allows after 1970): a million cases read or written format millions.
  const auto day = chr::floor<chr::days>(at.tp);
  const chr::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 1000 || year > 9999) return format_time_point(at.tp, 'T', true) + "Z";
  const auto seconds = (at.tp - day).count();
  std::string out = "0000-00-00T00:00:00Z";
  auto put = [&out](std::size_t pos, long value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[pos + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, year, 4);
  put(5, static_cast<unsigned>(ymd.month()), 2);
  put(8, static_cast<unsigned>(ymd.day()), 2);
  put(11, static_cast<long>(seconds / 3600), 2);
  put(14, static_cast<long>(seconds / 60 % 60), 2);
  put(17, static_cast<long>(seconds % 60), 2);
  return out;
}

bool in_range(Instant at) {
  static const Instant earliest = *parse_stored(k_earliest), latest = *parse_stored(k_latest);
  return earliest <= at && at <= latest;
}

std::optional<Instant> parse_stored(std::string_view s) {
  std::size_t pos = 0;
  int sign = 1;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) sign = s[pos++] == '-' ? -1 : 1;
  const std::size_t digits_start = pos;
  long long year = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - digits_start < 9)
    year = year * 10 + (s[pos++] - '0');
  if (pos - digits_start < 4 || s.size() - pos != 16 || s[pos] != '-') return std::nullopt;
  // The rest, "-MM-DDTHH:MM:SSZ", has fixed places.
  const std::string_view rest = s.substr(pos);
  std::size_t at = 1;
  const auto mo = read_digits(rest, at, 2);
  if (!mo || !read_char(rest, at, '-')) return std::nullopt;
  const auto d = read_digits(rest, at, 2);
  if (!d || !read_char(rest, at, 'T')) return std::nullopt;
  const auto tod = read_time_of_day(rest, at);
  if (!tod || at != 15 || rest[15] != 'Z') return std::nullopt;
  const chr::year_month_day ymd{chr::year{static_cast<int>(sign * year)},
                                chr::month(static_cast<unsigned>(*mo)),
                                chr::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  return Instant{chr::sys_days{ymd} + *tod};
}

std::string format_local(Instant at, const Zone& zone) {
  return format_time_point(zone.to_local(at), ' ', false);
}

std::string format_date(LocalDays day) { return format_ymd(chr::year_month_day{day}); }

}  // namespace duban::time
