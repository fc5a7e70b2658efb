#include <doctest/doctest.h>

#include <sstream>

#include "cases/query.hpp"
#include "fixtures.hpp"
#include "supervise/escalate.hpp"
#include "supervise/remind.hpp"

using namespace duban;
using supervise::ReminderKind;

namespace {

constexpr std::string_view k_city = R"(
lang = "en"
[calendar]
holidays = ["2025-10-01..2025-10-08"]
workdays = ["2025-09-28", "2025-10-11"]
[[unit]]
code = "city"
name = "City"
[[unit]]
code = "cgj"
name = "Urban Management"
parent = "city"
head = "He Guanggui"
email = "cgj@example.gov.cn"
[[unit]]
code = "rsj"
name = "Human Resources"
parent = "city"
)";

struct Town {
  config::Config config = test::config_from(k_city);
  store::Store store = store::Store::open(":memory:", store::Create::if_missing);
  cases::Context at(std::string_view when) { return {store, config, test::at(when), "tester"}; }
  std::int64_t assigned(std::string_view when, std::string unit, std::string klass = "C") {
    auto ctx = at(when);
    cases::IntakeFields f;
    f.title = "case for " + unit;
    f.klass = std::move(klass);
    const auto id = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
    cases::AssignOptions o;
    o.lead = std::move(unit);
    cases::assign(ctx, {id}, o);
    return id;
  }
  std::vector<supervise::UnitReminders> remind(std::string_view when, std::string within = "1wd",
                                               std::optional<std::string> unit = std::nullopt) {
    return supervise::remind(store, config, test::at(when), *time::parse_duration(within), unit);
  }
};

}  // namespace

TEST_SUITE("remind") {
  TEST_CASE("nothing due means no groups and no output at all") {
    Town t;
    t.assigned("2025-10-09 09:00", "cgj");
    const auto groups = t.remind("2025-10-09 10:00");  // ack due tomorrow's end
    CHECK(groups.empty());
    std::ostringstream out;
    supervise::render_reminders(out, groups, io::Format::table, t.config, test::at("2025-10-09 10:00"));
    CHECK(out.str().empty());
  }

  TEST_CASE("unacknowledged, overdue and due-soon cases go to their lead unit") {
    Town t;
    const auto a = t.assigned("2025-09-30 10:00", "cgj");  // ack due 10-09, due 10-14
    const auto b = t.assigned("2025-10-09 09:00", "rsj");  // ack due 10-10, due 10-15
    auto ctx = t.at("2025-10-10 09:00");
    cases::ack(ctx, {b}, std::nullopt);
    // 10-15 09:00: a is overdue (10-14) and unacknowledged; b is due today.
    const auto groups = t.remind("2025-10-15 09:00");
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].unit == "cgj");
    CHECK(groups[0].head == "He Guanggui");
    REQUIRE(groups[0].items.size() == 2);
    CHECK(groups[0].items[0].kind == ReminderKind::overdue);
    CHECK(groups[0].items[0].case_id == a);
    CHECK(groups[0].items[1].kind == ReminderKind::unacknowledged);
    CHECK(groups[1].unit == "rsj");
    CHECK(groups[1].items.at(0).kind == ReminderKind::due_soon);
    CHECK(t.remind("2025-10-15 09:00", "1wd", std::string("rsj")).size() == 1);
  }

  TEST_CASE("the text form names the unit, its head and email, in the config's language") {
    Town t;
    t.assigned("2025-09-30 10:00", "cgj");
    std::ostringstream out;
    const auto now = test::at("2025-10-10 09:00");
    supervise::render_reminders(out, t.remind("2025-10-10 09:00"), io::Format::table, t.config, now);
    CHECK(out.str() ==
          "Urban Management (cgj)  He Guanggui <cgj@example.gov.cn>\n"
          "  not acknowledged  #1      due 2025-10-09 23:59  case for cgj\n");
  }

  TEST_CASE("an unanswered whistle is reminded to the summoned unit") {
    Town t;
    const auto id = t.assigned("2025-10-09 09:00", "cgj");
    auto ctx = t.at("2025-10-09 10:00");
    supervise::whistle(ctx, {id}, {"rsj"}, {30, time::Duration::Unit::minutes}, "吹哨");
    CHECK(t.remind("2025-10-09 10:20").empty());
    const auto groups = t.remind("2025-10-09 10:31");
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].unit == "rsj");
    CHECK(groups[0].items[0].kind == ReminderKind::whistle_unanswered);
  }

  TEST_CASE("a meeting's list is late when its cases are not all assigned within 3 days") {
    Town t;
    auto ctx = t.at("2025-10-09 09:00");
    const auto m = cases::add_meeting(ctx, {"breakfast", "环卫工人早餐会", "2025-10-09", std::nullopt});
    cases::IntakeFields f;
    f.title = "工资偏低";
    f.meeting = std::to_string(m.id);
    cases::intake(ctx, {f}, cases::DryRun::no, {});
    CHECK(t.remind("2025-10-12 23:59").empty());  // 3 days after the meeting day's end
    const auto groups = t.remind("2025-10-13 00:00");
    REQUIRE(groups.size() == 1);
    CHECK_FALSE(groups[0].unit);
    CHECK(groups[0].items[0].kind == ReminderKind::meeting_list_late);
    CHECK(groups[0].items[0].title == "环卫工人早餐会 (1/1)");
  }

  TEST_CASE("a meeting's implementation report is reminded in the window before it falls due") {
    Town t;
    auto ctx = t.at("2025-10-09 09:00");
    const auto m = cases::add_meeting(ctx, {"breakfast", "早餐会", "2025-10-09", std::nullopt});
    cases::IntakeFields f;
    f.title = "x";
    f.meeting = std::to_string(m.id);
    const auto id = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
    cases::AssignOptions o;
    o.lead = "cgj";
    o.klass = "A";
    cases::assign(ctx, {id}, o);
    cases::ack(ctx, {id}, std::nullopt);
    cases::resolve(ctx, {id}, cases::Outcome::solved, std::nullopt);
    // Report due 2mo after 2025-10-09 23:59:59: 2025-12-09 23:59:59 (a Tuesday).
    CHECK(t.remind("2025-12-08 09:00", "1d").empty());
    const auto groups = t.remind("2025-12-09 09:00", "1d");
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].items[0].kind == ReminderKind::meeting_report_due);
    CHECK(time::format_utc(groups[0].items[0].due) == "2025-12-09T15:59:59Z");
    CHECK(t.remind("2025-12-10 00:00", "1d").empty());  // reminded before it, not forever after
  }
}
