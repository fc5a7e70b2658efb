#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "report/bulletin.hpp"

using namespace duban;

namespace {

constexpr std::string_view k_five = R"(
timezone = "Asia/Shanghai"
office = "dcs"
[[unit]]
code = "city"
name = "三明市"
[[unit]]
code = "dcs"
name = "三明市效能督查办"
parent = "city"
[[unit]]
code = "a"
name = "甲局"
parent = "city"
[[unit]]
code = "b"
name = "乙局"
parent = "city"
[[unit]]
code = "c"
name = "丙局"
parent = "city"
[[unit]]
code = "d"
name = "丁局"
parent = "city"
[[unit]]
code = "e"
name = "戊局"
parent = "city"
)";

// A month whose units have these closure rates (and no other rate), so
// that each unit's score is its closure rate times 100.
report::Monthly month_of(const std::vector<std::pair<std::string, std::optional<double>>>& rates) {
  report::Monthly m;
  m.period = *report::month("2026-10");
  m.as_of = test::at("2026-11-02 10:00");
  for (const auto& [unit, rate] : rates) {
    report::Figures f;
    f.closure_rate = rate;
    m.groups.push_back({unit, unit, f});
  }
  return m;
}

std::string units(const std::vector<report::Score>& scores) {
  std::string out;
  for (const auto& s : scores)
    out += (out.empty() ? "" : " ") + s.unit + ":" + std::to_string(s.rank);
  return out;
}

struct Fixture {
  config::Config config = test::config_from(k_five);
  store::Store store = store::Store::open(":memory:", store::Create::if_missing);
  report::Bulletin of(const report::Monthly& m, std::size_t top) {
    return report::bulletin(store, config, m, top);
  }
};

}  // namespace

TEST_SUITE("report-bulletin") {
  TEST_CASE("the ranking is the scorecard's: equal scores share a rank and the next one skips") {
    Fixture f;
    const auto b = f.of(month_of({{"a", 0.9}, {"b", 0.8}, {"c", 0.8}, {"d", 0.7}, {"e", {}}}), 3);
    CHECK(units(b.ranking) == "a:1 b:2 c:2 d:4 e:0");
    REQUIRE(b.office);
    CHECK(b.office->unit == "dcs");
    CHECK(b.office->name == "三明市效能督查办");
  }

  TEST_CASE("the red and black lists take every unit tied with their last place") {
    Fixture f;
    const auto m = month_of({{"a", 0.9}, {"b", 0.8}, {"c", 0.8}, {"d", 0.7}, {"e", 0.6}});
    CHECK(units(f.of(m, 2).red) == "a:1 b:2 c:2");
    CHECK(units(f.of(m, 2).black) == "e:5 d:4");
    CHECK(units(f.of(m, 1).red) == "a:1");
    CHECK(units(f.of(m, 1).black) == "e:5");
    // The 4th from the bottom is b, tied with c; c is on the red list of 3.
    CHECK(units(f.of(m, 4).red) == "a:1 b:2 c:2 d:4");
    CHECK(units(f.of(m, 4).black) == "e:5");
  }

  TEST_CASE("a unit is on one list at most, and units without a score on neither") {
    Fixture f;
    const auto all_equal = month_of({{"a", 1.0}, {"b", 1.0}, {"c", 1.0}, {"e", {}}});
    CHECK(units(f.of(all_equal, 1).red) == "a:1 b:1 c:1");
    CHECK(f.of(all_equal, 1).black.empty());
    CHECK(report::empty_list_key(f.of(all_equal, 1), true) == "bulletin.black.none");
    const auto none = month_of({{"a", {}}, {"b", {}}});
    CHECK(f.of(none, 3).red.empty());
    CHECK(f.of(none, 3).black.empty());
    CHECK(report::empty_list_key(f.of(none, 3), true) == "bulletin.no_units");
    CHECK(report::empty_list_key(f.of(none, 3), false) == "bulletin.no_units");
    CHECK(units(f.of(none, 3).ranking) == "a:0 b:0");
  }

  TEST_CASE("a config without an office gives a bulletin without one") {
    Fixture f;
    f.config.office.reset();
    CHECK_FALSE(f.of(month_of({}), 3).office);
  }
}
