#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sstream>

#include "cases/change.hpp"
#include "fixtures.hpp"
#include "report/monthly.hpp"
#include "report/tables.hpp"

using namespace duban;
using store::GroupBy;

namespace {

constexpr std::string_view k_tree = R"(
[[unit]]
code = "city"
name = "市"
[[unit]]
code = "town"
name = "镇"
parent = "city"
[[unit]]
code = "village"
name = "村"
parent = "town"
[[unit]]
code = "cgj"
name = "城管局"
parent = "city"
)";

struct Month {
  config::Config config = test::config_from(k_tree);
  store::Store store = store::Store::open(":memory:", store::Create::if_missing);
  cases::Context at(std::string_view when) { return {store, config, test::at(when), "t"}; }
  std::int64_t take(std::string_view when) {
    auto ctx = at(when);
    cases::IntakeFields f;
    f.title = "x";
    f.klass = "C";
    return cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
  }
  void assign(std::int64_t id, std::string unit, std::string_view when) {
    auto ctx = at(when);
    cases::AssignOptions o;
    o.lead = std::move(unit);
    cases::assign(ctx, {id}, o);
  }
  void finish(std::int64_t id, std::string_view when) {
    auto ctx = at(when);
    cases::ack(ctx, {id}, std::nullopt);
    cases::resolve(ctx, {id}, cases::Outcome::solved, std::nullopt);
    cases::close(ctx, {id}, cases::Force::no, std::nullopt);
  }
  report::Monthly october(bool rollup = false, std::string_view now = "2026-11-05 12:00") {
    return report::monthly(store, config, *report::month("2026-10"), test::at(now), GroupBy::unit,
                           rollup);
  }
};

const report::Group* group(const report::Monthly& m, std::string_view key) {
  for (const auto& g : m.groups)
    if (g.key == key) return &g;
  return nullptr;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("a month runs from its first day to the first day of the next, December too") {
    const auto p = report::month("2026-12");
    REQUIRE(p);
    CHECK(time::format_date(p->from) == "2026-12-01");
    CHECK(time::format_date(p->to) == "2027-01-01");
    CHECK_FALSE(report::month("2026-13"));
    CHECK_FALSE(report::month("2026-1"));
  }

  TEST_CASE("the month starts at local midnight, not UTC midnight") {
    // Asymmetric on purpose: a month reckoned in UTC would count 2 (10-31
    // 15:59Z and 16:00Z); one starting locally but ending at UTC midnight 4;
    // one starting at UTC midnight but ending locally 1. Only local is 3.
    Month m;
    m.take("2026-09-30 23:30");  // 15:30Z on 09-30: September either way
    m.take(
        "2026-10-01 00:00");  // 16:00Z on 09-30: October's first instant, though UTC says September
    m.take("2026-10-01 00:30");  // 16:30Z on 09-30: October, though UTC says September
    m.take("2026-10-31 23:59");  // 15:59Z on 10-31: October either way
    m.take("2026-11-01 00:00");  // 16:00Z on 10-31: November, though UTC says October
    CHECK(m.october().total.received == 3);
  }

  TEST_CASE("an empty month has zero counts and no rates at all") {
    Month m;
    m.take("2026-09-10 10:00");
    const auto r = m.october();
    CHECK(r.groups.empty());
    CHECK(r.total.received == 0);
    CHECK_FALSE(r.total.closure_rate);
    CHECK_FALSE(r.total.on_time_rate);
    CHECK_FALSE(r.total.ack_rate);
    CHECK_FALSE(r.total.mean_days_to_close);
  }

  TEST_CASE("closure and on-time rates and the mean days, computed by hand") {
    Month m;
    // Thu 10-08 09:00, class C: ack due 10-09 23:59:59, due 5wd = 10-15 23:59:59
    // (no holidays in this config; Sat 10-10 and Sun 10-11 are off).
    const auto a = m.take("2026-10-08 09:00"), b = m.take("2026-10-08 09:00"),
               c = m.take("2026-10-08 09:00");
    for (auto id : {a, b, c}) m.assign(id, "cgj", "2026-10-08 09:00");
    m.finish(a, "2026-10-09 09:00");  // closed after 1 day, on time
    m.finish(b, "2026-10-18 09:00");  // acked late, resolved late: 10 days
    const auto r = m.october();
    const auto* g = group(r, "cgj");
    REQUIRE(g);
    CHECK(g->figures.received == 3);
    CHECK(g->figures.closed == 2);
    CHECK(*g->figures.closure_rate == doctest::Approx(2.0 / 3));
    CHECK(*g->figures.on_time_rate == doctest::Approx(0.5));
    CHECK(*g->figures.mean_days_to_close == doctest::Approx(5.5));  // (1 + 10) / 2
    CHECK(g->figures.overdue_open == 1);                            // c, due 10-15
    CHECK(*g->figures.ack_rate == doctest::Approx(1.0 / 3));  // a acked in time; b late; c never
    CHECK(g->name == "城管局");
  }

  TEST_CASE("rollup adds a village to its town and both to the city; the total counts once") {
    Month m;
    m.assign(m.take("2026-10-08 09:00"), "village", "2026-10-08 09:00");
    m.assign(m.take("2026-10-08 09:00"), "town", "2026-10-08 09:00");
    m.assign(m.take("2026-10-08 09:00"), "cgj", "2026-10-08 09:00");
    const auto flat = m.october(false);
    CHECK(group(flat, "town")->figures.received == 1);
    CHECK_FALSE(group(flat, "city"));
    const auto up = m.october(true);
    CHECK(group(up, "village")->figures.received == 1);
    CHECK(group(up, "town")->figures.received == 2);
    CHECK(group(up, "city")->figures.received == 3);
    CHECK(up.total.received == 3);
    CHECK(up.groups.front().key == "city");  // the config's order
  }

  TEST_CASE("returns count for the unit that returned the case") {
    Month m;
    const auto id = m.take("2026-10-08 09:00");
    m.assign(id, "town", "2026-10-08 09:00");
    auto ctx = m.at("2026-10-08 10:00");
    cases::give_back(ctx, {id}, "不属于本镇");
    m.assign(id, "cgj", "2026-10-08 11:00");
    const auto r = m.october();
    CHECK(group(r, "town")->figures.returned == 1);
    CHECK(group(r, "town")->figures.received == 0);
    CHECK(group(r, "cgj")->figures.received == 1);
  }

  TEST_CASE("every figure, grouping, meeting state and topic kind has its words") {
    for (const auto key : report::k_figure_keys)
      CHECK(test::words().has(fmt::format("figure.{}", key)));
    for (auto by : {store::GroupBy::unit, store::GroupBy::category, store::GroupBy::channel,
                    store::GroupBy::klass, store::GroupBy::town}) {
      CHECK(test::words().has(fmt::format("report.group.{}", report::to_string(by))));
      CHECK(test::words().has(fmt::format("html.group.{}", report::to_string(by))));
      CHECK(test::words().has(fmt::format("html.rates_heading.{}", report::to_string(by))));
    }
    for (std::size_t s = 0; s < report::k_item_states; ++s)
      CHECK(test::words().has(
          fmt::format("meeting.state.{}", report::to_string(static_cast<report::ItemState>(s)))));
    for (auto kind : {"category", "recurring"})
      CHECK(test::words().has(fmt::format("topics.kind.{}", kind)));
    for (auto outcome : {"solved", "explained"})
      CHECK(test::words().has(fmt::format("outcome.{}", outcome)));
  }

  TEST_CASE("one decimal rounds halves up, as 四舍五入 does") {
    CHECK(report::one_decimal(11.25) == "11.3");
    CHECK(report::one_decimal(4.25) == "4.3");
    CHECK(report::one_decimal(2.0 / 3 * 100) == "66.7");
    CHECK(report::one_decimal(45.45) == "45.5");
    CHECK(report::one_decimal(0) == "0.0");
  }

  TEST_CASE("the table shows percentages to one decimal and a dash for no rate") {
    Month m;
    const auto a = m.take("2026-10-08 09:00"), b = m.take("2026-10-08 09:00"),
               c = m.take("2026-10-08 09:00");
    for (auto id : {a, b, c}) m.assign(id, "cgj", "2026-10-08 09:00");
    m.finish(a, "2026-10-09 09:00");
    std::ostringstream out;
    report::render_monthly(out, m.october(), io::Format::table, m.config, test::words());
    CHECK(out.str().find("33.3%") != std::string::npos);
    CHECK(out.str().find("—") != std::string::npos);  // satisfaction: no follow-ups
    std::ostringstream csv;
    report::render_monthly(csv, m.october(), io::Format::csv, m.config, test::words());
    CHECK(csv.str().rfind("key,name,received,closed,closure_rate,on_time_rate,overdue_open,"
                          "ack_rate,satisfaction_rate,mean_days_to_close,escalations,reopened,"
                          "returned,extensions,excluded,problems\n",
                          0) == 0);
  }
}
