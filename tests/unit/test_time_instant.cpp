#include <doctest/doctest.h>

#include <stdexcept>

#include "time/instant.hpp"
#include "util/error.hpp"

using namespace duban::time;

namespace {

Instant utc(std::string_view text) {
  const auto at = parse_when(text, Zone::locate("UTC"));
  REQUIRE(at.has_value());
  return *at;
}

const Zone& shanghai() {
  static const Zone zone = Zone::locate("Asia/Shanghai");
  return zone;
}

}  // namespace

TEST_SUITE("time/instant") {

  TEST_CASE("a UTC instant round-trips through the stored form") {
    const Instant at = utc("2026-11-22T00:30:00Z");
    CHECK(format_utc(at) == "2026-11-22T00:30:00Z");
    CHECK(at.tp.time_since_epoch().count() == 1795307400);
  }

  TEST_CASE("every instant's stored form reads back as that instant") {
    // Every 7 hours, 13 minutes and 11 seconds from 1970 to 2100.
    for (auto t = utc("1970-01-01T00:00:00Z"); t.tp < utc("2100-01-01T00:00:00Z").tp;
         t.tp += std::chrono::seconds{7 * 3600 + 13 * 60 + 11}) {
      const auto text = format_utc(t);
      REQUIRE(text.size() == 20);
      REQUIRE(parse_stored(text) == t);
    }
  }

  TEST_CASE("an offset names the same instant whatever its spelling") {
    const Instant expected = utc("2025-10-25T03:00:00Z");
    for (const auto* text :
         {"2025-10-25T11:00:00+08:00", "2025-10-25T11:00:00+0800", "2025-10-25T11:00:00+08",
          "2025-10-25T11:00+08:00", "2025-10-24T22:00:00-05:00", "2025-10-25 11:00:00+08:00"}) {
      CAPTURE(text);
      CHECK(parse_when(text, shanghai()) == expected);
    }
  }

  TEST_CASE("an offset wins over the zone the text is read in") {
    const Zone new_york = Zone::locate("America/New_York");
    CHECK(parse_when("2025-10-25T11:00:00+08:00", new_york) == utc("2025-10-25T03:00:00Z"));
    CHECK(parse_when("2025-10-25T03:00:00Z", new_york) == utc("2025-10-25T03:00:00Z"));
  }

  TEST_CASE("a local date-time is read in the given zone with T or a space") {
    const Instant expected = utc("2025-10-25T03:00:00Z");
    CHECK(parse_when("2025-10-25 11:00", shanghai()) == expected);
    CHECK(parse_when("2025-10-25T11:00", shanghai()) == expected);
    CHECK(parse_when("2025-10-25 11:00:00", shanghai()) == expected);
    CHECK(parse_when("2025-10-25 11:00:07", shanghai()) == utc("2025-10-25T03:00:07Z"));
  }

  TEST_CASE("fractional seconds are accepted and dropped") {
    CHECK(parse_when("2025-10-25T03:00:07.999Z", shanghai()) == utc("2025-10-25T03:00:07Z"));
    CHECK(parse_when("2025-10-25 11:00:07.5", shanghai()) == utc("2025-10-25T03:00:07Z"));
    CHECK_FALSE(parse_when("2025-10-25 11:00:07.", shanghai()));
    CHECK_FALSE(parse_when("2025-10-25 11:00.5", shanghai()));
  }

  TEST_CASE("a date alone is the start or the end of that local day") {
    CHECK(parse_when("2025-10-25", shanghai()) == utc("2025-10-24T16:00:00Z"));
    CHECK(parse_when("2025-10-25", shanghai(), DateOnly::start_of_day) ==
          utc("2025-10-24T16:00:00Z"));
    CHECK(parse_when("2025-10-25", shanghai(), DateOnly::end_of_day) ==
          utc("2025-10-25T15:59:59Z"));
  }

  TEST_CASE("impossible dates and times are refused") {
    for (const auto* text :
         {"2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-10-25 25:00",
          "2025-10-25 24:00", "2025-10-25 11:60", "2025-10-25 11:00:60",
          "2025-10-25T11:00:00+24:00", "2025-10-25T11:00:00+08:60"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_when(text, shanghai()));
    }
  }

  TEST_CASE("malformed text and trailing garbage are refused") {
    for (const auto* text : {"",
                             " ",
                             "2025",
                             "2025-10",
                             "25-10-25",
                             "2025-10-25 ",
                             " 2025-10-25",
                             "2025-10-25x",
                             "2025-10-25T",
                             "2025-10-25 11",
                             "2025-10-25 11:0",
                             "2025-10-25T11:00Zjunk",
                             "2025-10-25T11:00:00+8",
                             "2025-10-25T11:00:00+08:",
                             "2025-10-25T11:00:00+080",
                             "2025-10-25T11:00:00 +08:00",
                             "2025-10-25Z",
                             "2025-10-25_11:00",
                             "２０２５-10-25",
                             "tomorrow",
                             "2025/9-27",
                             "2025/9/27 9",
                             "2025/9/27 9:0",
                             "2025/9/27 24:00",
                             "2025/9/27 9:00+08:00",
                             "2025年9月27",
                             "2025年9月27日 9时5",
                             "2025年9月27日 25时",
                             "2025年13月1日",
                             "2025/2/30"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_when(text, shanghai()));
    }
  }

  TEST_CASE("February 29 exists in leap years only") {
    CHECK(parse_when("2024-02-29", shanghai()) == utc("2024-02-28T16:00:00Z"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("2025-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));
  }

  TEST_CASE("parse_date takes exactly a date") {
    CHECK(parse_date("2025-10-01") ==
          LocalDays{std::chrono::year{2025} / std::chrono::October / 1});
    CHECK_FALSE(parse_date("2025-10-01 00:00"));
    CHECK_FALSE(parse_date(""));
    // The dates Excel and WPS write are dates too.
    CHECK(parse_date("2025-10-1") == parse_date("2025-10-01"));
    CHECK(parse_date("2025/10/1") == parse_date("2025-10-01"));
    CHECK(parse_date("2025年10月1日") == parse_date("2025-10-01"));
    CHECK_FALSE(parse_date("2025/10/1 9:00"));
  }

  TEST_CASE("the WHEN forms Excel and WPS write are local times") {
    CHECK(parse_when("2025/9/27 9:00", shanghai()) == utc("2025-09-27T01:00:00Z"));
    CHECK(parse_when("2025-9-27 9:00:05", shanghai()) == utc("2025-09-27T01:00:05Z"));
    CHECK(parse_when("2025-09-27 9:00", shanghai()) == utc("2025-09-27T01:00:00Z"));
    CHECK(parse_when("2025/10/25", shanghai()) == utc("2025-10-24T16:00:00Z"));
    CHECK(parse_when("2025-1-5", shanghai()) == utc("2025-01-04T16:00:00Z"));
    CHECK(parse_when("2025年9月27日", shanghai()) == utc("2025-09-26T16:00:00Z"));
    CHECK(parse_when("2025年9月27日", shanghai(), DateOnly::end_of_day) ==
          utc("2025-09-27T15:59:59Z"));
    CHECK(parse_when("2025年9月27日 9时5分", shanghai()) == utc("2025-09-27T01:05:00Z"));
    CHECK(parse_when("2025年9月27日9时5分3秒", shanghai()) == utc("2025-09-27T01:05:03Z"));
    CHECK(parse_when("2025年9月27日 14时", shanghai()) == utc("2025-09-27T06:00:00Z"));
    CHECK(parse_when("2025年9月27日 9:30", shanghai()) == utc("2025-09-27T01:30:00Z"));
    CHECK(parse_when("2025/9/27  23:59", shanghai()) == utc("2025-09-27T15:59:00Z"));
  }

  TEST_CASE("an unknown zone name is an error that names it") {
    CHECK_THROWS_AS(Zone::locate("Asia/Shangai"), duban::Error);
    try {
      Zone::locate("Mars/Olympus");
      FAIL("Mars/Olympus is a zone");
    } catch (const duban::Error& e) {
      CHECK(e.kind() == duban::Kind::unknown_zone);
      CHECK(e.fields().value == "Mars/Olympus");
    }
    CHECK_THROWS_AS(Zone::locate(""), duban::Error);
  }

  TEST_CASE("a located zone keeps its name") {
    CHECK(shanghai().name() == "Asia/Shanghai");
    CHECK(Zone::locate("UTC").name() == "UTC");
  }

  TEST_CASE("the displayed form is the zone's local time to the minute") {
    const Instant at = utc("2026-11-22T00:30:59Z");
    CHECK(format_local(at, shanghai()) == "2026-11-22 08:30");
    CHECK(format_local(at, Zone::locate("America/New_York")) == "2026-11-21 19:30");
    CHECK(format_local(at, Zone::locate("UTC")) == "2026-11-22 00:30");
  }

  TEST_CASE("format_date writes a zero-padded date") {
    CHECK(format_date(LocalDays{std::chrono::year{2026} / 11 / 22}) == "2026-11-22");
    CHECK(format_date(LocalDays{std::chrono::year{987} / 1 / 2}) == "0987-01-02");
  }

  TEST_CASE("instants before 1970 format correctly") {
    CHECK(format_utc(utc("1969-12-31T23:59:59Z")) == "1969-12-31T23:59:59Z");
    CHECK(format_utc(utc("0999-12-31T23:59:59Z")) == "0999-12-31T23:59:59Z");
    CHECK(format_utc(utc("1000-01-01T00:00:00Z")) == "1000-01-01T00:00:00Z");
    CHECK(format_utc(utc("2028-02-29T07:08:09Z")) == "2028-02-29T07:08:09Z");
    CHECK(format_utc(utc("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
  }

  TEST_CASE("the local date of a late UTC instant is the next day in Shanghai") {
    const Instant at = utc("2025-09-30T17:00:00Z");
    CHECK(shanghai().local_date(at) == LocalDays{std::chrono::year{2025} / 10 / 1});
    CHECK(format_local(at, shanghai()) == "2025-10-01 01:00");
  }

  TEST_CASE("to_local and to_instant are inverse in Shanghai") {
    const Instant at = utc("2025-10-25T03:00:00Z");
    CHECK(shanghai().to_instant(shanghai().to_local(at)) == at);
  }

  TEST_CASE("a local time in a DST gap or fold maps to the earliest instant") {
    const Zone new_york = Zone::locate("America/New_York");
    // 02:30 does not exist on 2025-03-09; the clocks jump at 07:00Z.
    CHECK(parse_when("2025-03-09 02:30", new_york) == utc("2025-03-09T07:00:00Z"));
    // 01:30 happens twice on 2025-11-02; the first is still EDT.
    CHECK(parse_when("2025-11-02 01:30", new_york) == utc("2025-11-02T05:30:00Z"));
  }

  TEST_CASE("a default-constructed zone reads as UTC") {
    const Zone zone;
    const Instant at = utc("2025-10-25T03:00:00Z");
    CHECK(format_local(at, zone) == "2025-10-25 03:00");
    CHECK(zone.to_instant(zone.to_local(at)) == at);
  }

}  // TEST_SUITE
