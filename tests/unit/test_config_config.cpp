#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

#include <functional>

using namespace duban;
using duban::test::config_from;

namespace {
// The config fault `toml` raises: its kind and fields, words being cmd's.
struct Fault {
  std::optional<Kind> kind;
  std::string where;  // file:line:column: dotted.key
  std::string value, nearest;
  std::vector<std::string> choices;
};
Fault config_error(std::string_view toml) {
  try {
    config_from(toml);
  } catch (const Error& e) {
    const auto& f = e.fields();
    return {e.kind(), fmt::format("{}:{}:{}: {}", f.source, f.line, f.column, f.field), f.value,
            f.nearest, f.choices};
  }
  FAIL("no fault");
  return {};
}
bool starts(const std::string& text, std::string_view prefix) { return text.starts_with(prefix); }
}  // namespace

TEST_SUITE("config") {
  TEST_CASE("an empty file gives SPEC's defaults") {
    const auto c = config_from("");
    CHECK(c.timezone == "Asia/Shanghai");
    CHECK(c.lang == "zh");
    CHECK(c.channels.size() == 7);
    CHECK(c.has_channel("breakfast"));
    CHECK(c.deadlines.ack == time::Duration{1, time::Duration::Unit::working_days});
    CHECK(c.deadlines.resolve.per_class.at('B') ==
          time::Duration{60, time::Duration::Unit::working_days});
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
    const auto f = config_error("[deadlines]\nack = \"1wd\"\nreslove = \"5wd\"\n");
    CHECK(f.kind == Kind::config_unknown_key);
    CHECK(f.where == "test.toml:3:1: deadlines.reslove");
    CHECK(f.nearest == "resolve");
  }

  TEST_CASE("a bad duration is refused where it is written") {
    const auto f = config_error("[deadlines]\nack = \"1 wd\"\n");
    CHECK(f.kind == Kind::config_not_duration);
    CHECK(f.where == "test.toml:2:7: deadlines.ack");
    CHECK(f.value == "1 wd");
  }

  TEST_CASE("a per-class resolve table must name every class in [deadlines]") {
    const auto f = config_error("[deadlines]\nresolve = { A = \"20wd\", B = \"60wd\" }\n");
    CHECK(f.kind == Kind::config_no_class);
    CHECK(f.value == "C");
  }

  TEST_CASE("an unknown time zone, language or weekday is refused") {
    CHECK(config_error("timezone = \"Asia/Shangai\"\n").where == "test.toml:1:12: timezone");
    CHECK(config_error("timezone = \"Asia/Shangai\"\n").kind == Kind::config_not_zone);
    const auto lang = config_error("lang = \"fr\"\n");
    CHECK(lang.kind == Kind::config_not_one_of);
    CHECK(lang.value == "fr");
    CHECK(lang.choices == std::vector<std::string>{"zh", "en"});
    const auto day = config_error("[calendar]\nweekend = [\"sun\", \"sunday\"]\n");
    CHECK(day.kind == Kind::config_not_weekday);
    CHECK(starts(day.where, "test.toml:2:19: calendar.weekend"));
  }

  TEST_CASE("a weekend of all seven days is refused, for a working-day deadline would never end") {
    const auto f = config_error(
        "[calendar]\nweekend = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n");
    CHECK(f.kind == Kind::config_no_workday);
    CHECK(f.where == "test.toml:2:11: calendar.weekend");
    // Six days is odd but leaves a working day.
    CHECK(config_from(
              "[calendar]\nweekend = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\n")
              .calendar.is_working_day(*time::parse_date("2025-10-12")));
  }

  TEST_CASE("a holiday range must be dates in order") {
    const auto f = config_error("[calendar]\nholidays = [\"2025-10-08..2025-10-01\"]\n");
    CHECK(f.kind == Kind::config_not_day_range);
    CHECK(f.where == "test.toml:2:13: calendar.holidays");
    CHECK(config_error("[calendar]\nholidays = [\"2025-02-30\"]\n").kind ==
          Kind::config_not_day_range);
  }

  TEST_CASE("a day cannot be both a holiday and a make-up working day") {
    const auto f =
        config_error("[calendar]\nholidays = [\"2025-10-01\"]\nworkdays = [\"2025-10-01\"]\n");
    CHECK(f.kind == Kind::config_holiday_workday);
    CHECK(f.value == "2025-10-01");
  }

  TEST_CASE("a unit's parent must exist and the tree must not loop") {
    const auto parent =
        config_error("[[unit]]\ncode = \"a\"\nparent = \"ctiy\"\n[[unit]]\ncode = \"city\"\n");
    CHECK(parent.kind == Kind::config_unknown_name);
    CHECK(parent.value == "ctiy");
    CHECK(parent.nearest == "city");
    CHECK(config_error(
              "[[unit]]\ncode = \"a\"\nparent = \"b\"\n[[unit]]\ncode = \"b\"\nparent = \"a\"\n")
              .kind == Kind::config_own_ancestor);
    const auto twice = config_error("[[unit]]\ncode = \"a\"\n[[unit]]\ncode = \"a\"\n");
    CHECK(twice.kind == Kind::config_twice);
    CHECK(twice.value == "a");
  }

  TEST_CASE("a unit, category or channel code with a comma or a space is refused, for --co splits "
            "on commas") {
    const auto comma = config_error("[[unit]]\ncode = \"a,b\"\n");
    CHECK(comma.kind == Kind::config_not_code);
    CHECK(comma.where == "test.toml:2:8: unit.code");
    CHECK(comma.value == "a,b");
    CHECK(config_error("[[unit]]\ncode = \"city\"\n[[unit]]\ncode = \"a b\"\nparent = \"city\"\n")
              .where == "test.toml:4:8: unit.code");
    CHECK(config_error("[[unit]]\ncode = \"\"\n").where == "test.toml:2:8: unit.code");
    CHECK(config_error("[[unit]]\ncode = \"城管\"\n").value == "城管");
    CHECK(config_error("[[category]]\ncode = \"wages,heat\"\n").where ==
          "test.toml:2:8: category.code");
    const auto channel = config_error("channels = [\"hotline\", \"night talk\"]\n");
    CHECK(channel.where == "test.toml:1:24: channels");
    CHECK(channel.value == "night talk");
    CHECK(config_error("channels = [\"hotline\", \"\"]\n").where == "test.toml:1:24: channels");
    // Letters, digits, '_', '-' and '.' are codes.
    const auto c = config_from("channels = [\"night-talk\"]\n[[unit]]\ncode = \"Sy-cd_2.x\"\n");
    CHECK(c.find_unit("Sy-cd_2.x") != nullptr);
  }

  TEST_CASE(
      "a config of 20,000 units in a chain loads (loading was quadratic, then cubic in a chain)") {
    std::string toml = "[[unit]]\ncode = \"u0\"\n";
    for (int i = 1; i < 20000; ++i)
      toml += "[[unit]]\ncode = \"u" + std::to_string(i) + "\"\nparent = \"u" +
              std::to_string(i - 1) + "\"\n";
    const auto c = config_from(toml);
    REQUIRE(c.units.size() == 20000);
    CHECK(c.find_unit("u19999")->parent == "u19998");
    CHECK(c.find_unit("u20000") == nullptr);
    // A copy finds its own units, not the original's.
    const auto copy = c;
    CHECK(copy.find_unit("u123") == &copy.units[123]);
    // A loop at the far end of the chain is still found.
    const auto loop = config_error(
        toml + "[[unit]]\ncode = \"x\"\nparent = \"y\"\n[[unit]]\ncode = \"y\"\nparent = \"x\"\n");
    CHECK(loop.kind == Kind::config_own_ancestor);
    CHECK(loop.value == "x");
  }

  TEST_CASE("a config of 20000 categories with a deadline rule each loads; a duplicate at the "
            "far end of the units or the categories is still refused") {
    std::string toml;
    for (int i = 0; i < 20000; ++i) toml += "[[category]]\ncode = \"k" + std::to_string(i) + "\"\n";
    for (int i = 0; i < 20000; ++i)
      toml += "[[deadlines.rule]]\ncategory = \"k" + std::to_string(i) + "\"\nack = \"" +
              std::to_string(i % 9 + 1) + "h\"\n";
    const auto c = config_from(toml);
    REQUIRE(c.categories.size() == 20000);
    REQUIRE(c.deadlines.rules.size() == 20000);
    CHECK(c.deadlines.rules[19999].category == "k19999");
    CHECK(c.find_category("k12345") == &c.categories[12345]);
    CHECK(c.find_category("k20000") == nullptr);
    const auto copy = c;
    CHECK(copy.find_category("k7") == &copy.categories[7]);

    const auto twice = config_error(toml + "[[category]]\ncode = \"k19998\"\n");
    CHECK(twice.kind == Kind::config_twice);
    CHECK(twice.value == "k19998");
    std::string units;
    for (int i = 0; i < 20000; ++i) units += "[[unit]]\ncode = \"u" + std::to_string(i) + "\"\n";
    const auto unit_twice = config_error(units + "[[unit]]\ncode = \"u0\"\n");
    CHECK(unit_twice.kind == Kind::config_twice);
    CHECK(unit_twice.value == "u0");
  }

  TEST_CASE("find_category still finds categories added after loading") {
    auto c = config_from("[[category]]\ncode = \"wages\"\n");
    c.categories.push_back({"road", "道路"});
    CHECK(c.find_category("road") == &c.categories[1]);
    c.index_categories();
    CHECK(c.find_category("road") == &c.categories[1]);
    CHECK(c.find_category("wages") == &c.categories[0]);
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
    const auto f = config_error("[[deadlines.rule]]\nchannel = \"hotlin\"\nack = \"2h\"\n");
    CHECK(f.kind == Kind::config_unknown_name);
    CHECK(f.where == "test.toml:2:11: deadlines.rule.channel");
    CHECK(f.nearest == "hotline");
    CHECK(config_error("[[deadlines.rule]]\nack = \"2h\"\n").kind == Kind::config_rule_match);
    CHECK(config_error("[[deadlines.rule]]\nchannel = \"hotline\"\n").kind ==
          Kind::config_rule_duration);
  }

  TEST_CASE("a deadline rule may name its channel and category by name, and keeps the code") {
    const auto c = config_from("channels = [{ code = \"hotline\", name = \"12345热线\" "
                               "}]\n[[category]]\ncode = \"wages\"\n"
                               "name = \"工资待遇\"\n[[deadlines.rule]]\nchannel = "
                               "\"12345热线\"\ncategory = \"工资待遇\"\nack = \"2h\"\n");
    REQUIRE(c.deadlines.rules.size() == 1);
    CHECK(c.deadlines.rules[0].channel == "hotline");
    CHECK(c.deadlines.rules[0].category == "wages");
  }

  TEST_CASE("escalation steps need a known 'when' and a level") {
    const auto when = config_error("[[escalation]]\nwhen = \"late\"\nlevel = 1\n");
    CHECK(when.kind == Kind::config_not_one_of);
    CHECK(when.choices == std::vector<std::string>{"ack_overdue", "overdue"});
    const auto level = config_error("[[escalation]]\nwhen = \"overdue\"\nlevel = 0\n");
    CHECK(level.kind == Kind::config_out_of_range);
    CHECK(starts(level.where, "test.toml:3:9: escalation.level"));
  }

  TEST_CASE("scorecard weights are numbers from 0 to 1") {
    CHECK(config_error("[scorecard]\nweights = { ack_rate = 2 }\n").where ==
          "test.toml:2:24: scorecard.weights.ack_rate");
    CHECK(config_error("[scorecard]\nweights = { closure_rte = 0.5 }\n").nearest == "closure_rate");
  }

  TEST_CASE("scorecard weights must sum to 1") {
    const auto over = config_error(
        "[scorecard]\nweights = { ack_rate = 0.5, closure_rate = 0.4, satisfaction_rate = 0.4 }\n");
    CHECK(over.kind == Kind::config_weights_sum);
    CHECK(over.value == "1.3");
    CHECK(starts(over.where, "test.toml:2:"));
    // Only one given: the others keep their defaults (0.4 and 0.4), 1.3 again.
    CHECK(config_error("[scorecard]\nweights = { ack_rate = 0.5 }\n").kind ==
          Kind::config_weights_sum);
    const auto c = config::parse(
        "[scorecard]\nweights = { ack_rate = 0.1, closure_rate = 0.2, satisfaction_rate = 0.7 }\n",
        "test.toml", "/x.db");
    CHECK(c.scorecard.satisfaction_rate == doctest::Approx(0.7));
  }

  TEST_CASE("satisfaction.basic_weight is a number from 0 to 1, 1 by default") {
    CHECK(config::parse("", "test.toml", "/x.db").satisfaction_basic_weight == 1.0);
    CHECK(config::parse("[satisfaction]\nbasic_weight = 0.9\n", "test.toml", "/x.db")
              .satisfaction_basic_weight == doctest::Approx(0.9));
    const auto high = config_error("[satisfaction]\nbasic_weight = 1.5\n");
    CHECK(high.kind == Kind::config_out_of_range);
    CHECK(starts(high.where, "test.toml:2:16: satisfaction.basic_weight"));
    CHECK(config_error("[satisfaction]\nbasic = 0.9\n").kind == Kind::config_unknown_key);
  }

  TEST_CASE("a TOML syntax error names its line") {
    const auto f = config_error("lang = \"zh\"\n[calendar\n");
    CHECK(f.kind == Kind::config_syntax);
    CHECK(starts(f.where, "test.toml:2:"));
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
    // Counted in characters, not bytes: one wrong of four is close, three are not.
    CHECK(config::nearest("市城管局", {"市城建局", "cgj"}) == "市城建局");
    CHECK_FALSE(config::nearest("人社局", {"市教育局"}).has_value());
    // A Chinese name typed short is close to the name that holds it.
    CHECK(config::nearest("人社局", {"cgj", "市人社局"}) == "市人社局");
  }

  TEST_CASE("channels may carry names, as plain codes or { code, name } tables") {
    const auto c = config_from("channels = [\"grid\", { code = \"hotline\", name = \"12345热线\" "
                               "}, { code = \"petition\" }]\n");
    CHECK(c.channels == std::vector<std::string>{"grid", "hotline", "petition"});
    CHECK(c.channel_name("hotline") == "12345热线");
    CHECK(c.channel_name("grid") == "grid");
    CHECK(c.channel_code("12345热线") == "hotline");
    CHECK(c.channel_code("grid") == "grid");
    CHECK(config_error("channels = [{ name = \"热线\" }]\n").kind == Kind::config_needs);
    CHECK(config_error("channels = [{ code = \"a\", nam = \"x\" }]\n").kind ==
          Kind::config_unknown_key);
    CHECK(config_error("channels = [1]\n").kind == Kind::config_not_channel);
    CHECK(config_error("channels = [\"a\", { code = \"a\" }]\n").kind == Kind::config_twice);
  }
}

TEST_SUITE("config names") {
  using duban::test::k_city;
  // Two units that share a name, as two towns' offices may.
  const std::string k_shared = std::string(k_city) +
                               "[[unit]]\ncode = \"t1\"\nname = \"综合办\"\nparent = \"city\"\n"
                               "[[unit]]\ncode = \"t2\"\nname = \"综合办\"\nparent = \"city\"\n";

  Error fault_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e;
    }
    FAIL("no fault");
    return Error(Kind::several);
  }

  TEST_CASE("a unit is found by its code or its exact name") {
    const auto c = config_from(k_shared);
    CHECK(c.unit_code("cgj") == "cgj");
    CHECK(c.unit_code("市城市管理局") == "cgj");
    CHECK(c.category_code("工资待遇") == "wages");
    CHECK(c.category_code("wages") == "wages");
    CHECK(c.channel_code("hotline") == "hotline");
  }

  TEST_CASE("an unknown unit, category or channel has the nearest of codes and names") {
    const auto c = config_from(k_shared);
    const auto unit = fault_of([&] { c.unit_code("市城市管里局", "lead_unit"); });
    CHECK(unit.kind() == Kind::unknown_unit);
    CHECK(unit.fields().field == "lead_unit");
    CHECK(unit.fields().value == "市城市管里局");
    CHECK(unit.fields().nearest == "市城市管理局");
    CHECK(fault_of([&] { c.unit_code("cgk"); }).fields().nearest == "cgj");
    const auto category = fault_of([&] { c.category_code("bogus"); });
    CHECK(category.kind() == Kind::unknown_category);
    CHECK(category.fields().nearest.empty());
    CHECK(fault_of([&] { c.category_code("工资代遇"); }).fields().nearest == "工资待遇");
    CHECK(fault_of([&] { c.channel_code("hotlin"); }).kind() == Kind::unknown_channel);
  }

  TEST_CASE("a name two units share is refused with both codes") {
    const auto c = config_from(k_shared);
    const auto e = fault_of([&] { c.unit_code("综合办", "co_units"); });
    CHECK(e.kind() == Kind::ambiguous_name);
    CHECK(e.fields().field == "co_units");
    CHECK(e.fields().choices == std::vector<std::string>{"t1", "t2"});
    // Their codes still name them.
    CHECK(c.unit_code("t2") == "t2");
  }

  TEST_CASE("with no categories configured a category is free text") {
    CHECK(config_from("").category_code("anything") == "anything");
  }
}
