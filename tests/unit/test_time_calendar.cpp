#include <doctest/doctest.h>

#include <stdexcept>

#include "time/calendar.hpp"
#include "util/error.hpp"

using namespace duban::time;
using Unit = Duration::Unit;

namespace {

// /work/shared/data/cn-public-holidays-2025.toml (国办发明电〔2024〕12号).
std::set<LocalDays> days_of(std::initializer_list<std::string_view> texts) {
  std::set<LocalDays> days;
  for (const auto text : texts) {
    const auto parsed = parse_day_or_range(text);
    REQUIRE(parsed);
    days.insert(parsed->begin(), parsed->end());
  }
  return days;
}

const Calendar& china_2025() {
  static const Calendar calendar{
      {0, 6},
      days_of({"2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06",
               "2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08"}),
      days_of({"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"})};
  return calendar;
}

const Zone& shanghai() {
  static const Zone zone = Zone::locate("Asia/Shanghai");
  return zone;
}

LocalDays day(std::string_view text) {
  const auto parsed = parse_date(text);
  REQUIRE(parsed);
  return *parsed;
}

Instant when(std::string_view text, const Zone& zone = shanghai()) {
  const auto at = parse_when(text, zone);
  REQUIRE(at);
  return *at;
}

// `from` (local to Shanghai unless it has Z or an offset) plus `d` on the
// 2025 calendar, in the stored form.
std::string plus(std::string_view from, Duration d, const Zone& zone = shanghai()) {
  return format_utc(add(when(from, zone), d, china_2025(), zone));
}

std::string plus_local(std::string_view from, Duration d) {
  return format_local(add(when(from), d, china_2025(), shanghai()), shanghai());
}

}  // namespace

TEST_SUITE("time/calendar") {

  TEST_CASE("the default calendar works Monday to Friday") {
    const Calendar calendar;
    CHECK(calendar.is_working_day(day("2025-09-26")));        // Fri
    CHECK_FALSE(calendar.is_working_day(day("2025-09-27")));  // Sat
    CHECK_FALSE(calendar.is_working_day(day("2025-09-28")));  // Sun
    CHECK(calendar.is_working_day(day("2025-10-01")));        // no holidays configured
  }

  TEST_CASE("a make-up day is worked on a weekend and a holiday is not worked on a weekday") {
    CHECK(china_2025().is_working_day(day("2025-09-28")));        // Sun, 调休
    CHECK(china_2025().is_working_day(day("2025-10-11")));        // Sat, 调休
    CHECK_FALSE(china_2025().is_working_day(day("2025-10-01")));  // Wed, 国庆
    CHECK_FALSE(china_2025().is_working_day(day("2025-10-08")));  // Wed, 国庆
    CHECK(china_2025().is_working_day(day("2025-10-09")));        // Thu
    CHECK_FALSE(china_2025().is_working_day(day("2025-10-12")));  // Sun
  }

  TEST_CASE("1wd from the eve of National Day 2025 ends after the whole holiday") {
    CHECK(plus("2025-09-30 10:00", {1, Unit::working_days}) == "2025-10-09T15:59:59Z");
    CHECK(plus_local("2025-09-30 10:00", {1, Unit::working_days}) == "2025-10-09 23:59");
  }

  TEST_CASE(
      "5wd from the eve of National Day 2025 skips the holiday and counts the make-up Saturday") {
    // 10-09 Thu, 10-10 Fri, 10-11 Sat (调休), 10-13 Mon, 10-14 Tue.
    CHECK(plus("2025-09-30 10:00", {5, Unit::working_days}) == "2025-10-14T15:59:59Z");
  }

  TEST_CASE("1wd from a Friday before National Day lands on the make-up Sunday") {
    CHECK(plus("2025-09-26 16:00", {1, Unit::working_days}) == "2025-09-28T15:59:59Z");
    CHECK(plus("2025-09-26 16:00", {2, Unit::working_days}) == "2025-09-29T15:59:59Z");
  }

  TEST_CASE("working days are counted from the local date, not the UTC date") {
    // 2025-09-25T17:00Z is Friday 09-26 01:00 in Shanghai: the next working day
    // is the make-up Sunday, not the Friday a UTC reading would give.
    CHECK(plus("2025-09-25T17:00:00Z", {1, Unit::working_days}) == "2025-09-28T15:59:59Z");
    // 2025-09-30T17:00Z is already 10-01 01:00 in Shanghai.
    CHECK(plus("2025-09-30T17:00:00Z", {0, Unit::working_days}) == "2025-10-01T15:59:59Z");
    CHECK(plus("2025-09-30T17:00:00Z", {1, Unit::working_days}) == "2025-10-09T15:59:59Z");
  }

  TEST_CASE("0wd ends at the end of the same local day even on a holiday") {
    CHECK(plus("2025-09-30 10:00", {0, Unit::working_days}) == "2025-09-30T15:59:59Z");
    CHECK(plus("2025-10-03 10:00", {0, Unit::working_days}) == "2025-10-03T15:59:59Z");
  }

  TEST_CASE("a working-day deadline starting at 23:59:59 still skips its own day") {
    CHECK(plus("2025-10-09 23:59:59", {1, Unit::working_days}) == "2025-10-10T15:59:59Z");
  }

  TEST_CASE("working days across Spring Festival 2025 skip the holiday and use both make-up days") {
    CHECK(plus("2025-01-24 09:00", {1, Unit::working_days}) == "2025-01-26T15:59:59Z");  // Sun 调休
    CHECK(plus("2025-01-27 09:00", {1, Unit::working_days}) == "2025-02-05T15:59:59Z");
    CHECK(plus("2025-01-27 09:00", {3, Unit::working_days}) == "2025-02-07T15:59:59Z");
    CHECK(plus("2025-01-27 09:00", {4, Unit::working_days}) == "2025-02-08T15:59:59Z");  // Sat 调休
    CHECK(plus("2025-01-27 09:00", {5, Unit::working_days}) == "2025-02-10T15:59:59Z");
  }

  TEST_CASE("working days across New Year 2025 skip January 1") {
    CHECK(plus("2024-12-31 18:00", {1, Unit::working_days}) == "2025-01-02T15:59:59Z");
  }

  TEST_CASE("working days before Labour Day 2025 count the make-up Sunday and skip the holiday") {
    // From Fri 04-25: 04-27 (Sun 调休), 04-28, 04-29, 04-30, then 05-06.
    CHECK(plus("2025-04-25 09:00", {4, Unit::working_days}) == "2025-04-30T15:59:59Z");
    CHECK(plus("2025-04-25 09:00", {5, Unit::working_days}) == "2025-05-06T15:59:59Z");
  }

  TEST_CASE("a Friday-Saturday weekend is honoured") {
    const Calendar calendar{{5, 6}, {}, {}};
    // Thu 2025-09-25 + 1wd = Sun 2025-09-28.
    CHECK(format_utc(add(when("2025-09-25 12:00"), {1, Unit::working_days}, calendar,
                         shanghai())) == "2025-09-28T15:59:59Z");
  }

  TEST_CASE("a calendar without any working day is an error, not a hang") {
    const Calendar calendar{{0, 1, 2, 3, 4, 5, 6}, {}, {}};
    try {
      add(when("2025-09-25 12:00"), {1, Unit::working_days}, calendar, shanghai());
      FAIL("a day was found");
    } catch (const duban::Error& e) {
      CHECK(e.kind() == duban::Kind::no_working_day);
      CHECK(e.fields().value == "2025-09-25");
    }
  }

  TEST_CASE("minutes, hours and days are exact") {
    CHECK(plus("2025-09-30T23:50:00Z", {30, Unit::minutes}) == "2025-10-01T00:20:00Z");
    CHECK(plus("2025-09-30T22:00:00Z", {4, Unit::hours}) == "2025-10-01T02:00:00Z");
    CHECK(plus("2025-09-30T10:00:00Z", {3, Unit::days}) == "2025-10-03T10:00:00Z");
    CHECK(plus("2025-09-30T10:00:00Z", {0, Unit::days}) == "2025-09-30T10:00:00Z");
  }

  TEST_CASE("3d is 72 hours even across a DST change") {
    const Zone new_york = Zone::locate("America/New_York");
    CHECK(plus("2025-03-08T12:00:00Z", {3, Unit::days}, new_york) == "2025-03-11T12:00:00Z");
  }

  TEST_CASE("a month from January 31 is the last day of February") {
    CHECK(plus_local("2025-01-31 10:00", {1, Unit::months}) == "2025-02-28 10:00");
    CHECK(plus_local("2024-01-31 10:00", {1, Unit::months}) == "2024-02-29 10:00");
    CHECK(plus("2025-01-31 10:00", {1, Unit::months}) == "2025-02-28T02:00:00Z");
  }

  TEST_CASE("months clamp to shorter months and cross years") {
    CHECK(plus_local("2025-08-31 09:00", {1, Unit::months}) == "2025-09-30 09:00");
    CHECK(plus_local("2025-10-31 09:00", {2, Unit::months}) == "2025-12-31 09:00");
    CHECK(plus_local("2025-10-31 09:00", {4, Unit::months}) == "2026-02-28 09:00");
    CHECK(plus_local("2025-12-15 09:00", {1, Unit::months}) == "2026-01-15 09:00");
    CHECK(plus_local("2024-02-29 09:00", {12, Unit::months}) == "2025-02-28 09:00");
    CHECK(plus_local("2024-02-29 09:00", {48, Unit::months}) == "2028-02-29 09:00");
    CHECK(plus_local("2025-10-25 09:00", {0, Unit::months}) == "2025-10-25 09:00");
  }

  TEST_CASE("months are added to the local date, not the UTC date") {
    // 2025-02-28T16:30Z is 03-01 00:30 in Shanghai; a month later is 04-01 00:30.
    CHECK(plus("2025-02-28T16:30:00Z", {1, Unit::months}) == "2025-03-31T16:30:00Z");
  }

  TEST_CASE("months keep the local wall-clock time across a DST change") {
    const Zone new_york = Zone::locate("America/New_York");
    // 09:00 EST (14:00Z) in February, 09:00 EDT (13:00Z) in March.
    CHECK(plus("2025-02-10 09:00", {1, Unit::months}, new_york) == "2025-03-10T13:00:00Z");
  }

  TEST_CASE("a duration out of range is refused") {
    CHECK_THROWS_AS(add(when("2025-09-30 10:00"), {-1, Unit::days}, china_2025(), shanghai()),
                    std::out_of_range);
    CHECK_THROWS_AS(add(when("2025-09-30 10:00"), {k_max_duration_count + 1, Unit::minutes},
                        china_2025(), shanghai()),
                    std::out_of_range);
    CHECK_NOTHROW(add(when("2025-09-30 10:00"), {k_max_duration_count, Unit::months}, china_2025(),
                      shanghai()));
  }

  TEST_CASE("weekday names parse case-insensitively, Sunday first") {
    CHECK(parse_weekday("sun") == 0u);
    CHECK(parse_weekday("mon") == 1u);
    CHECK(parse_weekday("Sat") == 6u);
    CHECK(parse_weekday("FRI") == 5u);
    for (const auto* text : {"", "su", "sunday", "mo n", "xyz", "sat "}) {
      CAPTURE(text);
      CHECK_FALSE(parse_weekday(text));
    }
  }

  TEST_CASE("a day or an inclusive range parses to its days") {
    CHECK(parse_day_or_range("2025-01-01") == std::vector<LocalDays>{day("2025-01-01")});
    const auto national_day = parse_day_or_range("2025-10-01..2025-10-08");
    REQUIRE(national_day);
    CHECK(national_day->size() == 8);
    CHECK(national_day->front() == day("2025-10-01"));
    CHECK(national_day->back() == day("2025-10-08"));
    CHECK(parse_day_or_range("2025-10-01..2025-10-01")->size() == 1);
    CHECK(parse_day_or_range("2024-02-28..2024-03-01")->size() == 3);
    CHECK(parse_day_or_range("2025-12-31..2026-01-01")->size() == 2);
  }

  TEST_CASE("malformed or backwards ranges are refused") {
    for (const auto* text : {"", "..", "2025-10-01..", "..2025-10-08", "2025-10-08..2025-10-01",
                             "2025-10-01...2025-10-08", "2025-10-01 ..2025-10-08",
                             "2025-10-01..2025-02-30", "2025-10-01-2025-10-08"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_day_or_range(text));
    }
  }

  TEST_CASE("working days after a Friday due skip the weekend: 0 on Saturday, 1 on Monday") {
    const Calendar calendar;
    CHECK(working_days_after(day("2025-09-19"), day("2025-09-19"), calendar) == 0);  // Fri
    CHECK(working_days_after(day("2025-09-19"), day("2025-09-20"), calendar) == 0);  // Sat
    CHECK(working_days_after(day("2025-09-19"), day("2025-09-21"), calendar) == 0);  // Sun
    CHECK(working_days_after(day("2025-09-19"), day("2025-09-22"), calendar) == 1);  // Mon
    CHECK(working_days_after(day("2025-09-19"), day("2025-09-26"), calendar) == 5);
    CHECK(working_days_after(day("2025-09-22"), day("2025-09-19"), calendar) == 0);  // backwards
  }

  TEST_CASE("working days after a due skip National Day and count its make-up days") {
    const auto& calendar = china_2025();
    // Tue 09-30 due; Sun 09-28 was before it; 10-01..10-08 off; Thu 10-09,
    // Fri 10-10 and the make-up Sat 10-11 are worked.
    CHECK(working_days_after(day("2025-09-30"), day("2025-10-08"), calendar) == 0);
    CHECK(working_days_after(day("2025-09-30"), day("2025-10-09"), calendar) == 1);
    CHECK(working_days_after(day("2025-09-30"), day("2025-10-11"), calendar) == 3);
    CHECK(working_days_after(day("2025-09-30"), day("2025-10-13"), calendar) == 4);
    // The inverse of Nwd: N working days after the due, the count is N.
    const auto& zone = shanghai();
    const auto due = zone.to_instant(LocalSeconds{day("2025-09-30").time_since_epoch()} +
                                     std::chrono::hours{17});
    for (std::int64_t n : {1, 3, 4, 12}) {
      const auto end = add(due, Duration{n, Unit::working_days}, calendar, zone);
      CHECK(working_days_after(day("2025-09-30"), zone.local_date(end), calendar) == n);
    }
  }

}  // TEST_SUITE
