#include <doctest/doctest.h>

#include <sstream>

#include <fmt/format.h>

#include "cases/practice.hpp"
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
  TEST_CASE("every reminder kind has its words in the catalogue") {
    for (int k = 0; k <= static_cast<int>(ReminderKind::meeting_report_due); ++k) {
      const auto key =
          fmt::format("remind.kind.{}", supervise::to_string(static_cast<ReminderKind>(k)));
      CAPTURE(key);
      CHECK(test::words(cmd::Lang::zh).has(key));
    }
    for (auto key : {"remind.office", "remind.due", "remind.co_unit", "remind.unassigned"})
      CHECK(test::words().has(key));
  }

  TEST_CASE("nothing due means no groups and no output at all") {
    Town t;
    t.assigned("2025-10-09 09:00", "cgj");
    const auto groups = t.remind("2025-10-09 10:00", "1h");  // ack due tomorrow's end
    CHECK(groups.empty());
    std::ostringstream out;
    supervise::render_reminders(out, groups, io::Format::table, t.config,
                                test::at("2025-10-09 10:00"), test::words(cmd::Lang::en));
    CHECK(out.str().empty());
    std::ostringstream json;
    supervise::render_reminders(json, groups, io::Format::json, t.config,
                                test::at("2025-10-09 10:00"), test::words(cmd::Lang::en));
    CHECK(json.str() == "{\n  \"as_of\": \"2025-10-09T02:00:00Z\",\n  \"groups\": []\n}\n");
  }

  TEST_CASE("an ack due within the window, or later today, is reminded before it passes") {
    Town t;
    t.assigned("2025-10-09 09:00", "cgj");  // ack due 10-10 23:59:59
    CHECK(t.remind("2025-10-10 08:30", "1h").at(0).items.at(0).kind == ReminderKind::ack_due_soon);
    CHECK(t.remind("2025-10-09 10:00", "1wd").at(0).items.at(0).kind == ReminderKind::ack_due_soon);
    CHECK(t.remind("2025-10-11 00:00", "1h").at(0).items.at(0).kind ==
          ReminderKind::unacknowledged);
  }

  TEST_CASE("a co-unit is told of an overdue case, and --unit gives the same share") {
    Town t;
    auto ctx = t.at("2025-09-30 10:00");
    cases::IntakeFields f;
    f.title = "shared";
    f.klass = "C";
    const auto id = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
    cases::AssignOptions o;
    o.lead = "cgj";
    o.co = std::vector<std::string>{"rsj"};
    cases::assign(ctx, {id}, o);
    cases::ack(ctx, {id}, std::nullopt);
    const auto all = t.remind("2025-10-15 09:00", "1h");  // due 10-14
    REQUIRE(all.size() == 2);
    CHECK(all[1].unit == "rsj");
    CHECK(all[1].items.at(0).role == supervise::Role::co_unit);
    CHECK(all[1].items.at(0).kind == ReminderKind::overdue);
    const auto rsj = t.remind("2025-10-15 09:00", "1h", std::string("rsj"));
    REQUIRE(rsj.size() == 1);
    CHECK(rsj[0].items.size() == all[1].items.size());
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
    supervise::render_reminders(out, t.remind("2025-10-10 09:00"), io::Format::table, t.config, now,
                                test::words(cmd::Lang::en));
    CHECK(out.str() == "Urban Management (cgj)  He Guanggui <cgj@example.gov.cn>\n"
                       "  not acknowledged  #1      due 2025-10-09 23:59  case for cgj\n");
    std::ostringstream zh;
    supervise::render_reminders(zh, t.remind("2025-10-10 09:00"), io::Format::table, t.config, now,
                                test::words(cmd::Lang::zh));
    CHECK(zh.str() == "Urban Management (cgj)  He Guanggui <cgj@example.gov.cn>\n"
                      "  超时未响应  #1      期限 2025-10-09 23:59  case for cgj\n");
  }

  TEST_CASE("an unanswered whistle is reminded to the summoned unit") {
    Town t;
    const auto id = t.assigned("2025-10-09 09:00", "cgj");
    auto ctx = t.at("2025-10-09 10:00");
    supervise::whistle(ctx, {id}, {"rsj"}, {30, time::Duration::Unit::minutes}, "吹哨");
    CHECK(t.remind("2025-10-09 10:20", "1h").empty());
    const auto groups = t.remind("2025-10-09 10:31", "1h");
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].unit == "rsj");
    CHECK(groups[0].items[0].kind == ReminderKind::whistle_unanswered);
  }

  TEST_CASE("a meeting's list is late when its cases are not all assigned within 3 days") {
    Town t;
    auto ctx = t.at("2025-10-09 09:00");
    const auto m =
        cases::add_meeting(ctx, {"breakfast", "环卫工人早餐会", "2025-10-09", std::nullopt});
    cases::IntakeFields f;
    f.title = "工资偏低";
    f.meeting = std::to_string(m.id);
    cases::intake(ctx, {f}, cases::DryRun::no, {});
    CHECK(t.remind("2025-10-12 23:59").empty());  // 3 days after the meeting day's end
    const auto groups = t.remind("2025-10-13 00:00");
    REQUIRE(groups.size() == 1);
    CHECK_FALSE(groups[0].unit);
    CHECK(groups[0].items[0].kind == ReminderKind::meeting_list_late);
    CHECK(groups[0].items[0].title == "环卫工人早餐会");
    CHECK(groups[0].items[0].unassigned == 1);
    CHECK(groups[0].items[0].cases == 1);
    // With an office in the config, the list goes to it, with --unit too.
    t.config = test::config_from("office = \"city\"\n" + std::string(k_city));
    const auto office = t.remind("2025-10-13 00:00", "1h", std::string("city"));
    REQUIRE(office.size() == 1);
    CHECK(office[0].unit == "city");
    CHECK(office[0].items.at(0).role == supervise::Role::office);
    std::ostringstream out;
    supervise::render_reminders(out, office, io::Format::table, t.config,
                                test::at("2025-10-13 00:00"), test::words(cmd::Lang::zh));
    CHECK(out.str() ==
          "City (city)\n"
          "  清单逾期  M1      期限 2025-10-12 23:59  环卫工人早餐会（共 1 件，1 件未交办）\n");
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
    // The list issued in time: its lateness is not reminded (see below).
    cases::issue_meeting(ctx, std::to_string(m.id), "李副市长");
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

  TEST_CASE("a meeting's list is late until it is issued, every case assigned or not") {
    Town t;
    auto ctx = t.at("2025-10-09 09:00");
    const auto m = cases::add_meeting(ctx, {"breakfast", "早餐会", "2025-10-09", std::nullopt});
    cases::IntakeFields f;
    f.title = "x";
    f.meeting = std::to_string(m.id);
    const auto id = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
    // list_within 3d from 2025-10-09 23:59:59: late from 2025-10-13 00:00.
    CHECK(t.remind("2025-10-12 09:00", "1h").empty());
    CHECK_THROWS_AS(cases::issue_meeting(ctx, std::to_string(m.id), "李副市长"), Error);
    cases::AssignOptions o;
    o.lead = "cgj";
    o.klass = "A";
    cases::assign(ctx, {id}, o);
    auto late = t.remind("2025-10-13 09:00", "1h");
    bool list_late = false;
    for (const auto& g : late)
      for (const auto& r : g.items) list_late |= r.kind == ReminderKind::meeting_list_late;
    CHECK(list_late);  // every case assigned, but the list not issued
    auto later = t.at("2025-10-13 10:00");
    const auto issued = cases::issue_meeting(later, std::to_string(m.id), "李副市长");
    CHECK(issued.approved_by == "李副市长");
    for (const auto& g : t.remind("2025-10-13 11:00", "1h"))
      for (const auto& r : g.items) CHECK(r.kind != ReminderKind::meeting_list_late);
  }
}
