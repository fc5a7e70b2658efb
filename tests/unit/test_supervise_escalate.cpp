#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cases/query.hpp"
#include "fixtures.hpp"
#include "supervise/escalate.hpp"
#include "util/error.hpp"

#include <sstream>

using namespace duban;
using store::Status;

namespace {

// A city with a village under a town under the city, and a two-step ladder.
constexpr std::string_view k_ladder_city = R"(
[calendar]
holidays = ["2025-10-01..2025-10-08"]
workdays = ["2025-09-28", "2025-10-11"]
[[unit]]
code = "city"
[[unit]]
code = "town"
parent = "city"
[[unit]]
code = "village"
parent = "town"
head = "谢美玲"
email = "village@example.gov.cn"
[[unit]]
code = "cgj"
parent = "city"
[[escalation]]
when = "ack_overdue"
after = "0m"
level = 1
notify = "unit head"
[[escalation]]
when = "overdue"
after = "1wd"
level = 2
notify = "leader"
)";

struct Ladder {
  config::Config config = test::config_from(k_ladder_city);
  store::Store store = store::Store::open(":memory:", store::Create::if_missing);
  cases::Context at(std::string_view when) { return {store, config, test::at(when), "tester"}; }

  // A class C case assigned at `when` to `unit`: ack due the next working
  // day's end, resolve due 5 working days on.
  std::int64_t assigned(std::string_view when, std::string unit = "village") {
    auto ctx = at(when);
    cases::IntakeFields f;
    f.title = "路灯不亮";
    f.klass = "C";
    const auto id = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
    cases::AssignOptions o;
    o.lead = std::move(unit);
    cases::assign(ctx, {id}, o);
    return id;
  }
  std::vector<std::string> actions(std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& e : store.events(id)) out.emplace_back(store::to_string(e.action));
    return out;
  }
};

}  // namespace

TEST_SUITE("escalate") {
  TEST_CASE("an escalation names whom it tells: the unit head by name and email, in words") {
    Ladder l;
    const auto id = l.assigned("2025-09-30 10:00");  // ack due 10-09; due 5wd = 10-14
    auto after = l.at("2025-10-10 00:00");
    const auto done = supervise::escalate_auto(after);
    REQUIRE(done.size() == 1);
    CHECK(done[0].recipient.role == supervise::Recipient::Role::unit_head);
    CHECK(done[0].recipient.name == "谢美玲");
    CHECK(done[0].recipient.email == "village@example.gov.cn");
    std::ostringstream zh, en, json;
    supervise::render_escalations(zh, done, io::Format::table, l.config,
                                  test::words(cmd::Lang::zh));
    CHECK(zh.str() == "编号  牵头单位  规则        期限              原级别  升至  通知            "
                      "                            标题\n"
                      "   1  village   超时未响应  2025-10-09 23:59       0     1  单位负责人 "
                      "谢美玲 <village@example.gov.cn>  路灯不亮\n");
    supervise::render_escalations(en, done, io::Format::table, l.config,
                                  test::words(cmd::Lang::en));
    CHECK(en.str().find("not acknowledged by its ack due") != std::string::npos);
    CHECK(en.str().find("unit head 谢美玲 <village@example.gov.cn>") != std::string::npos);
    supervise::render_escalations(json, done, io::Format::json, l.config,
                                  test::words(cmd::Lang::zh));
    const auto j = nlohmann::json::parse(json.str());
    CHECK(j[0]["when"] == "ack_overdue");
    CHECK(j[0]["notify"] == "unit head");
    CHECK(j[0]["notify_name"] == "谢美玲");
    CHECK(j[0]["notify_email"] == "village@example.gov.cn");
    // The leader's step, 1wd after the due, is named with its delay; no leader is named.
    auto late = l.at("2025-10-16 00:00");
    const auto next = supervise::escalate_auto(late);
    REQUIRE(next.size() == 1);
    std::ostringstream words;
    supervise::render_escalations(words, next, io::Format::table, l.config,
                                  test::words(cmd::Lang::zh));
    CHECK(words.str().find("超期未办结逾1个工作日") != std::string::npos);
    CHECK(words.str().find("领办领导（未指定）") != std::string::npos);
    (void)id;
  }

  TEST_CASE("the ladder raises an unacknowledged case only once its ack due has passed") {
    Ladder l;
    const auto id = l.assigned("2025-09-30 10:00");  // ack due 2025-10-09 23:59:59
    auto before = l.at("2025-10-09 23:59:59");
    CHECK(supervise::escalate_auto(before).empty());
    auto after = l.at("2025-10-10 00:00");
    const auto done = supervise::escalate_auto(after);
    REQUIRE(done.size() == 1);
    CHECK(done[0].to_level == 1);
    CHECK(done[0].when == "ack_overdue");
    CHECK(cases::find(l.store, id).level == 1);
  }

  TEST_CASE("a second run at the same clock escalates nothing") {
    Ladder l;
    l.assigned("2025-09-30 10:00");
    auto ctx = l.at("2025-10-20 09:00");
    CHECK(supervise::escalate_auto(ctx).size() == 2);  // ack overdue, and 1wd past due (10-15)
    CHECK(supervise::escalate_auto(ctx).empty());
  }

  TEST_CASE("an overdue step waits its 'after' on the working calendar") {
    Ladder l;
    const auto id = l.assigned("2025-09-30 10:00");  // due 5wd: 2025-10-14 23:59:59
    auto acked = l.at("2025-10-09 09:00");
    cases::ack(acked, {id}, std::nullopt);
    auto not_yet = l.at("2025-10-15 23:59:59");  // 1wd after due ends 10-15 23:59:59
    CHECK(supervise::escalate_auto(not_yet).empty());
    auto late = l.at("2025-10-16 00:00");
    const auto done = supervise::escalate_auto(late);
    REQUIRE(done.size() == 1);
    CHECK(done[0].from_level == 0);
    CHECK(done[0].to_level == 2);
    const auto detail = l.store.events(id).back().detail;
    CHECK(detail["auto"] == true);
    CHECK(detail["notify"] == "leader");
  }

  TEST_CASE("a case past two steps rises through both, one event each") {
    Ladder l;
    const auto id = l.assigned("2025-09-30 10:00");
    auto first = l.at("2025-10-10 09:00");  // ack overdue only; due 10-14
    supervise::escalate_auto(first);
    auto second = l.at("2025-11-03 09:00");
    CHECK(supervise::escalate_auto(second).size() == 1);
    CHECK(l.actions(id) == std::vector<std::string>{"intake", "assign", "escalate", "escalate"});
    CHECK(cases::find(l.store, id).level == 2);
  }

  TEST_CASE("resolved and closed cases are never escalated") {
    Ladder l;
    const auto id = l.assigned("2025-09-30 10:00");
    auto ctx = l.at("2025-10-09 09:00");
    cases::ack(ctx, {id}, std::nullopt);
    cases::resolve(ctx, {id}, cases::Outcome::solved, std::nullopt);
    auto later = l.at("2026-01-01 09:00");
    CHECK(supervise::escalate_auto(later).empty());
  }

  TEST_CASE("--to moves a case only up the tree, raising the level and restarting the ack clock") {
    Ladder l;
    const auto id = l.assigned("2025-10-09 09:00");
    auto ctx = l.at("2025-10-10 09:00");
    try {
      supervise::move_up(ctx, {id}, "cgj", "x");
      FAIL("moved a case sideways");
    } catch (const Error& e) {
      CHECK(e.kind() == Kind::not_above);
      CHECK(e.fields().value == "cgj");
      CHECK(e.fields().case_id == id);
      CHECK(e.fields().choices == std::vector<std::string>{"village"});
    }
    const auto c = supervise::move_up(ctx, {id}, "city", "超出镇村权限").at(0);
    CHECK(c.lead_unit == "city");
    CHECK(c.level == 1);
    CHECK(c.status == Status::listed);
    CHECK(time::format_utc(*c.ack_due) ==
          "2025-10-11T15:59:59Z");  // Saturday 10-11 is a make-up day
  }

  TEST_CASE("--level must raise the level and needs a reason") {
    Ladder l;
    const auto id = l.assigned("2025-10-09 09:00");
    auto ctx = l.at("2025-10-10 09:00");
    CHECK_THROWS_AS(supervise::raise_level(ctx, {id}, 2, ""), Error);
    CHECK(supervise::raise_level(ctx, {id}, 2, "领导批示").at(0).level == 2);
    CHECK_THROWS_AS(supervise::raise_level(ctx, {id}, 2, "again"), Error);
  }

  TEST_CASE("a whistle summons units that answer with ack --unit, late answers recorded") {
    Ladder l;
    const auto id = l.assigned("2025-10-09 09:00");
    auto ctx = l.at("2025-10-10 09:00");
    supervise::whistle(ctx, {id}, {"town", "cgj"}, {30, time::Duration::Unit::minutes}, "吹哨报到");
    const auto summons = l.store.summons_of(id);
    REQUIRE(summons.size() == 2);
    CHECK(summons[0].due_at == test::at("2025-10-10 09:30"));
    auto in_time = l.at("2025-10-10 09:20");
    cases::ack(in_time, {id}, std::string("town"));
    auto late = l.at("2025-10-10 09:45");
    cases::ack(late, {id}, std::string("cgj"));
    const auto events = l.store.events(id);
    CHECK(events[events.size() - 2].detail["late"] == false);
    CHECK(events.back().detail["late"] == true);
    CHECK(cases::find(l.store, id).status == Status::listed);  // the lead has not acked
  }

  TEST_CASE("a case acknowledged after the ladder read its candidates is not escalated") {
    Ladder l;
    const auto first = l.assigned("2025-09-30 10:00");
    const auto second = l.assigned("2025-09-30 10:00");
    auto late = l.at("2025-10-10 09:00");
    std::vector<std::int64_t> committed;
    // One case per transaction; between them, the second case's unit answers.
    // Told to the callback, the escalations are not kept as well.
    const auto done = supervise::escalate_auto(
        late,
        [&](const auto& batch) {
          for (const auto& e : batch) committed.push_back(e.id);
          if (committed.size() == 1) {
            auto ack = l.at("2025-10-10 08:59");
            cases::ack(ack, {second}, std::nullopt);
          }
        },
        1);
    CHECK(committed == std::vector<std::int64_t>{first});
    CHECK(done.empty());
    CHECK(cases::find(l.store, second).level == 0);
    CHECK(l.actions(second).back() == "ack");
  }
}
