#include <doctest/doctest.h>

#include "time/duration.hpp"

using namespace duban::time;
using Unit = Duration::Unit;

TEST_SUITE("time/duration") {

  TEST_CASE("each unit parses to its count") {
    CHECK(parse_duration("30m") == Duration{30, Unit::minutes});
    CHECK(parse_duration("4h") == Duration{4, Unit::hours});
    CHECK(parse_duration("3d") == Duration{3, Unit::days});
    CHECK(parse_duration("5wd") == Duration{5, Unit::working_days});
    CHECK(parse_duration("2mo") == Duration{2, Unit::months});
    CHECK(parse_duration("0m") == Duration{0, Unit::minutes});
    CHECK(parse_duration("0wd") == Duration{0, Unit::working_days});
  }

  TEST_CASE("mo is months and m is minutes") {
    CHECK(parse_duration("1mo")->unit == Unit::months);
    CHECK(parse_duration("1m")->unit == Unit::minutes);
  }

  TEST_CASE("anything but a count and a unit is refused") {
    for (const auto* text : {"", "5", "d", "3 d", " 3d", "3d ", "-1d", "+1d", "1.5h", "2w", "3D",
                             "3days", "5wdd", "2mon", "05d", "00m", "1e3m", "３d"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_duration(text));
    }
  }

  TEST_CASE("counts beyond the maximum are refused rather than overflow") {
    CHECK(parse_duration("99999d") == Duration{k_max_duration_count, Unit::days});
    CHECK_FALSE(parse_duration("100000d"));
    CHECK_FALSE(parse_duration("99999999999999999999999m"));
  }

  TEST_CASE("to_string gives back the text that was parsed") {
    for (const auto* text : {"30m", "4h", "3d", "5wd", "2mo", "0m", "99999mo"}) {
      CAPTURE(text);
      const auto d = parse_duration(text);
      REQUIRE(d);
      CHECK(to_string(*d) == text);
    }
  }

}  // TEST_SUITE
