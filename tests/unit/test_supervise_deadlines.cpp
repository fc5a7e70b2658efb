#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "supervise/deadlines.hpp"

using namespace duban;
using time::Duration;

namespace {
const config::Config& rules() {
  static const auto config = test::config_from(R"(
[deadlines]
ack = "1wd"
resolve = { A = "20wd", B = "60wd", C = "5wd" }
[[deadlines.rule]]
channel = "hotline"
ack = "2h"
resolve = "5wd"
[[deadlines.rule]]
category = "heat"
resolve = { A = "10wd" }
[[deadlines.rule]]
channel = "hotline"
category = "heat"
ack = "30m"
[[deadlines.rule]]
channel = "hotline"
ack = "4h"
)");
  return config;
}
}  // namespace

TEST_SUITE("deadlines") {
  const auto& config = rules();

  TEST_CASE("without a matching rule the defaults per class apply") {
    const auto p = supervise::plan_for(config, std::string("grid"), std::nullopt, 'B');
    CHECK(p.ack == Duration{1, Duration::Unit::working_days});
    CHECK(*p.resolve == Duration{60, Duration::Unit::working_days});
  }

  TEST_CASE("a channel rule refines both clocks; the first of equal rules wins") {
    const auto p = supervise::plan_for(config, std::string("hotline"), std::nullopt, 'A');
    CHECK(p.ack == Duration{2, Duration::Unit::hours});
    CHECK(*p.resolve == Duration{5, Duration::Unit::working_days});
  }

  TEST_CASE("without a class the resolve clock is known only where no class changes it") {
    auto p = supervise::plan_for(config, std::string("grid"), std::nullopt, std::nullopt);
    CHECK_FALSE(p.resolve);
    p = supervise::plan_for(config, std::string("hotline"), std::nullopt, std::nullopt);
    REQUIRE(p.resolve);
    CHECK(*p.resolve == Duration{5, Duration::Unit::working_days});
  }

  TEST_CASE("the most specific rule wins field by field") {
    // hotline+heat sets only ack; resolve comes from the category rule (more
    // specific than the channel rule) for class A, from the channel rule for C.
    auto p = supervise::plan_for(config, std::string("hotline"), std::string("heat"), 'A');
    CHECK(p.ack == Duration{30, Duration::Unit::minutes});
    CHECK(*p.resolve == Duration{10, Duration::Unit::working_days});
    p = supervise::plan_for(config, std::string("hotline"), std::string("heat"), 'C');
    CHECK(*p.resolve == Duration{5, Duration::Unit::working_days});
  }
}
