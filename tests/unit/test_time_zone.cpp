// Zones read through the C library, checked against date-tz (Howard
// Hinnant's tz library, which duban used before) on the same tz database:
// every offset change, gap and fold from 1970 to 2037 in zones chosen for
// their oddities.
#include <date/tz.h>
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "time/instant.hpp"
#include "util/error.hpp"

using namespace duban::time;
namespace chr = std::chrono;

namespace {

// New York and Berlin change twice a year, London from a UTC offset of 0,
// Lord Howe by half an hour, Apia skipped 2011-12-30, Kolkata and Shanghai
// had wartime and 1986-1991 changes, Sao Paulo's changes were at midnight,
// Kathmandu moved to +05:45.
constexpr const char* k_zones[] = {
    "America/New_York", "Europe/Berlin", "Europe/London",     "Australia/Lord_Howe", "Pacific/Apia",
    "Asia/Kolkata",     "Asia/Shanghai", "America/Sao_Paulo", "Asia/Kathmandu",      "UTC",
};

const chr::sys_seconds k_from = chr::sys_days{chr::year{1970} / 1 / 1};
const chr::sys_seconds k_to = chr::sys_days{chr::year{2037} / 1 / 1};

}  // namespace

TEST_SUITE("time/zone") {
  TEST_CASE("an instant's local time is date-tz's, in every zone, 1970 to 2037") {
    for (const char* name : k_zones) {
      const std::string shown = name;
      CAPTURE(shown);
      const Zone zone = Zone::locate(name);
      const auto* reference = date::locate_zone(name);
      long checked = 0;
      // Each hour-and-a-bit, so that every day's hours are met in turn.
      for (auto t = k_from; t < k_to; t += chr::minutes{67}) {
        const auto expected = reference->to_local(t).time_since_epoch();
        if (zone.to_local(Instant{t}).time_since_epoch() != expected) {
          CAPTURE(t.time_since_epoch().count());
          CHECK(zone.to_local(Instant{t}).time_since_epoch() == expected);
          break;
        }
        ++checked;
      }
      CHECK(checked > 500000);
    }
  }

  TEST_CASE("a local time's instant is date-tz's earliest, through every gap and fold") {
    for (const char* name : k_zones) {
      const std::string shown = name;
      CAPTURE(shown);
      const Zone zone = Zone::locate(name);
      const auto* reference = date::locate_zone(name);
      long gaps = 0, folds = 0;
      // Every local quarter hour of each day that has an offset change, and
      // a spread of the others.
      for (auto day = chr::floor<chr::days>(k_from); day < k_to; day += chr::days{1}) {
        const auto midnight = date::local_seconds{day.time_since_epoch()};
        const auto start =
            reference->get_info(chr::sys_seconds{day.time_since_epoch()} - chr::hours{12});
        const bool changes = start.end < chr::sys_seconds{day.time_since_epoch()} + chr::hours{36};
        if (!changes && day.time_since_epoch().count() % 29 != 0) continue;
        for (auto local = midnight; local < midnight + chr::days{1}; local += chr::minutes{15}) {
          const auto info = reference->get_info(local);
          gaps += info.result == date::local_info::nonexistent;
          folds += info.result == date::local_info::ambiguous;
          const auto expected = reference->to_sys(local, date::choose::earliest);
          const auto got = zone.to_instant(LocalSeconds{local.time_since_epoch()}).tp;
          if (got != expected) {
            CAPTURE(local.time_since_epoch().count());
            CHECK(got == expected);
            return;
          }
        }
      }
      // Kolkata and UTC have not changed since 1970; Kathmandu once, forward.
      const bool still = shown == "UTC" || shown == "Asia/Kolkata";
      CHECK((gaps > 0) == !still);
      CHECK((folds > 0) == !(still || shown == "Asia/Kathmandu"));
    }
  }

  TEST_CASE("a name outside the database is no zone, whatever file it names") {
    for (const char* name : {"Asia/Shangai", "", "/etc/passwd", "../../../etc/passwd", "Asia",
                             "Asia/", "Asia//Shanghai", "./UTC", "zone.tab", "Asia/Shanghai "}) {
      CAPTURE(name);
      CHECK_THROWS_AS(Zone::locate(name), duban::Error);
    }
    CHECK(Zone::locate("Etc/GMT-8").to_local(Instant{k_from}).time_since_epoch() == chr::hours{8});
  }

  TEST_CASE("zones used in turn each keep their own offsets") {
    const Zone shanghai = Zone::locate("Asia/Shanghai");
    const Zone new_york = Zone::locate("America/New_York");
    const Instant at{chr::sys_days{chr::year{2026} / 7 / 1}};
    for (int i = 0; i < 3; ++i) {
      CHECK(shanghai.to_local(at).time_since_epoch() == at.tp.time_since_epoch() + chr::hours{8});
      CHECK(new_york.to_local(at).time_since_epoch() == at.tp.time_since_epoch() - chr::hours{4});
    }
  }
}  // TEST_SUITE
