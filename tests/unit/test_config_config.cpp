#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "util/error.hpp"

using namespace duban;
using duban::test::config_from;

namespace {
// The message of the config error `toml` raises (exit 78), or "" if none.
std::string config_error(std::string_view toml) {
  try {
    config_from(toml);
  } catch (const Error& e) {
    CHECK(e.code() == Exit::config);
    return e.what();
  }
  return "";
}
}  // namespace

TEST_SUITE("config") {
  TEST_CASE("an empty file gives SPEC's defaults") {
    const auto c = config_from("");
    CHECK(c.timezone == "Asia/Shanghai");
    CHECK(c.lang == "zh");
    CHECK(c.channels.size() == 7);
    CHECK(c.has_channel("breakfast"));
    CHECK(c.deadlines.ack == time::Duration{1, time::Duration::Unit::working_days});
    CHECK(c.deadlines.resolve.per_class.at('B') == time::Duration{60, time::Duration::Unit::working_days});
    CHECK(c.scorecard.closure_rate == doctest::Approx(0.4));
  }

  TEST_CASE("the example city's config loads with its units and rules") {
    const auto c = config::load(DUBAN_SOURCE_DIR "/examples/duban.toml", "/tmp/x.db");
    CHECK(c.find_unit("cgj") != nullptr);
    CHECK(c.find_unit("cgj")->parent == "city");
    CHECK(c.find_category("wages") != nullptr);
    CHECK(c.deadlines.rules.size() >= 2);
    CHECK(c.escalation.size() == 3);
    // 2025-10-08 is the last day of the National Day holiday; 10-11 a make-up day.
    CHECK_FALSE(c.calendar.is_working_day(*time::parse_date("2025-10-08")));
    CHECK(c.calendar.is_working_day(*time::parse_date("2025-10-11")));
  }

  TEST_CASE("an unknown key names file, line, column and the dotted key, with a hint") {
    const auto msg = config_error("[deadlines]\nack = \"1wd\"\nreslove = \"5wd\"\n");
    CHECK(msg == "test.toml:3:1: deadlines.reslove: unknown key; did you mean 'resolve'?");
  }

  TEST_CASE("a bad duration is refused where it is written") {
    const auto msg = config_error("[deadlines]\nack = \"1 wd\"\n");
    CHECK(msg.find("test.toml:2:7: deadlines.ack: '1 wd' is not a duration") == 0);
  }

  TEST_CASE("a per-class resolve table must name every class in [deadlines]") {
    CHECK(config_error("[deadlines]\nresolve = { A = \"20wd\", B = \"60wd\" }\n")
              .find("has no duration for class C") != std::string::npos);
  }

  TEST_CASE("an unknown time zone, language or weekday is refused") {
    CHECK(config_error("timezone = \"Asia/Shangai\"\n").find("test.toml:1:12: timezone:") == 0);
    CHECK(config_error("lang = \"fr\"\n").find("lang: 'fr' is not zh or en") != std::string::npos);
    CHECK(config_error("[calendar]\nweekend = [\"sun\", \"sunday\"]\n").find("calendar.weekend") !=
          std::string::npos);
  }

  TEST_CASE("a weekend of all seven days is refused, for a working-day deadline would never end") {
    const auto msg = config_error(
        "[calendar]\nweekend = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n");
    CHECK(msg.find("test.toml:2:11: calendar.weekend: lists all seven days") == 0);
    // Six days is odd but leaves a working day.
    CHECK(config_from("[calendar]\nweekend = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\n")
              .calendar.is_working_day(*time::parse_date("2025-10-12")));
  }

  TEST_CASE("a holiday range must be dates in order") {
    CHECK(config_error("[calendar]\nholidays = [\"2025-10-08..2025-10-01\"]\n")
              .find("test.toml:2:13: calendar.holidays") == 0);
    CHECK(config_error("[calendar]\nholidays = [\"2025-02-30\"]\n") != "");
  }

  TEST_CASE("a day cannot be both a holiday and a make-up working day") {
    CHECK(config_error("[calendar]\nholidays = [\"2025-10-01\"]\nworkdays = [\"2025-10-01\"]\n")
              .find("both a holiday and a make-up working day") != std::string::npos);
  }

  TEST_CASE("a unit's parent must exist and the tree must not loop") {
    CHECK(config_error("[[unit]]\ncode = \"a\"\nparent = \"ctiy\"\n[[unit]]\ncode = \"city\"\n")
              .find("unknown unit 'ctiy'; did you mean 'city'?") != std::string::npos);
    CHECK(config_error("[[unit]]\ncode = \"a\"\nparent = \"b\"\n[[unit]]\ncode = \"b\"\nparent = \"a\"\n")
              .find("is its own ancestor") != std::string::npos);
    CHECK(config_error("[[unit]]\ncode = \"a\"\n[[unit]]\ncode = \"a\"\n")
              .find("defined twice") != std::string::npos);
  }

  TEST_CASE("a unit, category or channel code with a comma or a space is refused, for --co splits on commas") {
    CHECK(config_error("[[unit]]\ncode = \"a,b\"\n").find("test.toml:2:8: unit.code: 'a,b' is not a code") == 0);
    CHECK(config_error("[[unit]]\ncode = \"city\"\n[[unit]]\ncode = \"a b\"\nparent = \"city\"\n")
              .find("test.toml:4:8: unit.code: 'a b' is not a code") == 0);
    CHECK(config_error("[[unit]]\ncode = \"\"\n").find("test.toml:2:8: unit.code:") == 0);
    CHECK(config_error("[[unit]]\ncode = \"城管\"\n").find("unit.code: '城管' is not a code") != std::string::npos);
    CHECK(config_error("[[category]]\ncode = \"wages,heat\"\n").find("test.toml:2:8: category.code:") == 0);
    CHECK(config_error("channels = [\"hotline\", \"night talk\"]\n").find("test.toml:1:24: channels: 'night talk'") == 0);
    CHECK(config_error("channels = [\"hotline\", \"\"]\n").find("test.toml:1:24: channels:") == 0);
    // Letters, digits, '_', '-' and '.' are codes.
    const auto c = config_from("channels = [\"night-talk\"]\n[[unit]]\ncode = \"Sy-cd_2.x\"\n");
    CHECK(c.find_unit("Sy-cd_2.x") != nullptr);
  }

  TEST_CASE("a config of 20,000 units in a chain loads (loading was quadratic, then cubic in a chain)") {
    std::string toml = "[[unit]]\ncode = \"u0\"\n";
    for (int i = 1; i < 20000; ++i)
      toml += "[[unit]]\ncode = \"u" + std::to_string(i) + "\"\nparent = \"u" + std::to_string(i - 1) + "\"\n";
    const auto c = config_from(toml);
    REQUIRE(c.units.size() == 20000);
    CHECK(c.find_unit("u19999")->parent == "u19998");
    CHECK(c.find_unit("u20000") == nullptr);
    // A copy finds its own units, not the original's.
    const auto copy = c;
    CHECK(copy.find_unit("u123") == &copy.units[123]);
    // A loop at the far end of the chain is still found.
    CHECK(config_error(toml + "[[unit]]\ncode = \"x\"\nparent = \"y\"\n[[unit]]\ncode = \"y\"\nparent = \"x\"\n")
              .find("unit 'x' is its own ancestor") != std::string::npos);
  }

  TEST_CASE("find_unit still finds units added after loading") {
    auto c = config_from("[[unit]]\ncode = \"city\"\n");
    c.units.push_back({"new", "新单位", std::string("city"), {}, {}});
    CHECK(c.find_unit("new") == &c.units[1]);
    c.index_units();
    CHECK(c.find_unit("new") == &c.units[1]);
    CHECK(c.find_unit("city") == &c.units[0]);
  }

  TEST_CASE("a deadline rule must match on something known and set something") {
    CHECK(config_error("[[deadlines.rule]]\nchannel = \"hotlin\"\nack = \"2h\"\n")
              .find("unknown channel 'hotlin'; did you mean 'hotline'?") != std::string::npos);
    CHECK(config_error("[[deadlines.rule]]\nack = \"2h\"\n").find("needs a channel") !=
          std::string::npos);
    CHECK(config_error("[[deadlines.rule]]\nchannel = \"hotline\"\n").find("needs an ack or a resolve") !=
          std::string::npos);
  }

  TEST_CASE("escalation steps need a known 'when' and a level") {
    CHECK(config_error("[[escalation]]\nwhen = \"late\"\nlevel = 1\n").find("not ack_overdue or overdue") !=
          std::string::npos);
    CHECK(config_error("[[escalation]]\nwhen = \"overdue\"\nlevel = 0\n").find("escalation.level") !=
          std::string::npos);
  }

  TEST_CASE("scorecard weights are numbers from 0 to 1") {
    CHECK(config_error("[scorecard]\nweights = { ack_rate = 2 }\n").find("scorecard.weights.ack_rate") !=
          std::string::npos);
    CHECK(config_error("[scorecard]\nweights = { closure_rte = 0.5 }\n").find("did you mean 'closure_rate'") !=
          std::string::npos);
  }

  TEST_CASE("a TOML syntax error names its line") {
    CHECK(config_error("lang = \"zh\"\n[calendar\n").find("test.toml:2:") == 0);
  }

  TEST_CASE("a relative store is relative to the config file") {
    const auto c = config::parse("store = \"data/duban.db\"\n", "/etc/duban/config.toml", "/x.db");
    CHECK(c.store == "/etc/duban/data/duban.db");
    CHECK(config::parse("", "/etc/duban/config.toml", "/x.db").store == "/x.db");
  }

  TEST_CASE("the starter config that init writes is valid") {
    const auto c = config_from(config::starter_config());
    CHECK(c.find_unit("dcs") != nullptr);
  }

  TEST_CASE("nearest suggests only close names") {
    CHECK(config::nearest("cgk", {"cgj", "rsj", "city"}) == "cgj");
    CHECK_FALSE(config::nearest("housing", {"cgj", "rsj"}).has_value());
  }
}
