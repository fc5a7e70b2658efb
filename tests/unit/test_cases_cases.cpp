#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cases/query.hpp"
#include "cases/view.hpp"
#include "fixtures.hpp"
#include "util/error.hpp"

using namespace duban;
using cases::IntakeFields;
using store::Status;

namespace {

std::int64_t take_in(test::World& w, std::string title, std::optional<std::string> klass = "A",
                     std::optional<std::string> channel = std::nullopt) {
  auto ctx = w.at_time("2025-09-26 10:00");
  IntakeFields f;
  f.title = std::move(title);
  f.klass = std::move(klass);
  f.channel = std::move(channel);
  return cases::intake(ctx, {f}, cases::DryRun::no, {"test"}).at(0).id;
}

cases::AssignOptions lead(std::string unit, std::vector<std::string> co = {},
                         std::optional<std::string> leader = std::nullopt) {
  cases::AssignOptions o;
  o.lead = std::move(unit);
  o.co = std::move(co);
  o.leader = std::move(leader);
  return o;
}

Exit code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return Exit::ok;
}

std::vector<std::string> actions(test::World& w, std::int64_t id) {
  std::vector<std::string> out;
  for (const auto& e : w.store.events(id)) out.emplace_back(store::to_string(e.action));
  return out;
}

}  // namespace

TEST_SUITE("cases") {
  TEST_CASE("intake stores a received case with a receipt and one journal event") {
    test::World w;
    const auto id = take_in(w, "新华社区路灯不亮");
    const auto c = cases::find(w.store, id);
    CHECK(c.status == Status::received);
    CHECK(c.receipt.size() == 9);
    CHECK(c.received_at == test::at("2025-09-26 10:00"));
    CHECK(actions(w, id) == std::vector<std::string>{"intake"});
  }

  TEST_CASE("a batch with bad items reports every one and adds nothing") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    IntakeFields good, no_title, bad;
    good.title = "ok";
    bad.title = "x";
    bad.klass = "D";
    bad.channel = "hotlien";
    bad.category = "wage";
    try {
      cases::intake(ctx, {good, no_title, bad}, cases::DryRun::no, {"f:2", "f:3", "f:4"});
      FAIL("accepted a bad batch");
    } catch (const Error& e) {
      REQUIRE(e.kind() == Kind::several);
      std::string msg;
      for (const auto& f : e.faults)
        if (f.kind() == Kind::legacy) msg += std::string(f.what()) + "\n";
      CHECK(msg.find("f:3: title: a title is required") != std::string::npos);
      CHECK(msg.find("f:4: class: 'D' is not A, B or C") != std::string::npos);
      auto with = [&](Kind kind) {
        for (const auto& f : e.faults)
          if (f.kind() == kind) return f.fields();
        return Fields{};
      };
      CHECK(with(Kind::unknown_channel).value == "hotlien");
      CHECK(with(Kind::unknown_channel).nearest == "hotline");
      CHECK(with(Kind::unknown_channel).source == "f");
      CHECK(with(Kind::unknown_channel).line == 4);
      CHECK(with(Kind::unknown_category).nearest == "wages");
    }
    CHECK(w.store.count_cases() == 0);
  }

  TEST_CASE("a long batch reports its progress, ending at the whole") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    std::vector<IntakeFields> items(25000);
    for (auto& f : items) f.title = "x";
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    cases::intake(ctx, items, cases::DryRun::no, {},
                  [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
    using Call = std::pair<std::size_t, std::size_t>;
    CHECK(calls == std::vector<Call>{{0, 25000}, {10000, 25000}, {20000, 25000}, {25000, 25000}});
    CHECK(w.store.count_cases() == 25000);
  }

  TEST_CASE("a dry run validates and adds nothing") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    IntakeFields f;
    f.title = "ok";
    CHECK(cases::intake(ctx, {f}, cases::DryRun::yes, {"x"}).size() == 1);
    CHECK(w.store.count_cases() == 0);
  }

  TEST_CASE("records fill empty fields from the defaults and refuse unknown fields") {
    IntakeFields defaults;
    defaults.channel = "breakfast";
    io::Record r{2, {{"title", "工资偏低"}, {"channel", ""}}};
    auto items = cases::fields_from_records({r}, defaults, "m.csv");
    CHECK(items.at(0).channel == "breakfast");
    io::Record bad{2, {{"titel", "x"}}};
    CHECK_THROWS_WITH(cases::fields_from_records({bad}, defaults, "m.csv"),
                      doctest::Contains("m.csv:2: unknown field 'titel'; did you mean 'title'?"));
    CHECK_THROWS_WITH(cases::fields_from_records({bad}, defaults, "m.csv", 1),
                      doctest::Contains("m.csv:1: unknown column 'titel'"));
  }

  TEST_CASE("a header of thousands of unknown columns names ten and counts the rest") {
    io::Record r{2, {{"title", "x"}}};
    for (int i = 0; i < 5000; ++i) r.fields.emplace_back("junk" + std::to_string(i), "");
    std::string msg;
    try {
      cases::fields_from_records({r, r}, {}, "wide.csv", 1);
    } catch (const Error& e) {
      CHECK(e.code() == Exit::data);
      msg = e.what();
    }
    CHECK(msg.find("wide.csv:1: unknown column 'junk0'") == 0);
    CHECK(msg.find("'junk9'") != std::string::npos);
    CHECK(msg.find("'junk10'") == std::string::npos);
    CHECK(msg.find("wide.csv: … and 4990 more unknown columns") != std::string::npos);
    CHECK(msg.size() < 2000);
  }

  TEST_CASE("assign sets deadlines on the working calendar across National Day") {
    test::World w;
    const auto id = take_in(w, "工资偏低", "C");
    auto ctx = w.at_time("2025-09-30 10:00");
    const auto c = cases::assign(ctx, {id}, lead("rsj", {"cgj"}, std::string("李副市长"))).at(0);
    CHECK(c.status == Status::listed);
    // 1wd after Tue 09-30: the holiday runs to 10-08, so Thu 10-09 23:59:59.
    CHECK(time::format_utc(*c.ack_due) == "2025-10-09T15:59:59Z");
    // 5wd: 10-09, 10-10, 10-11 (make-up Saturday), 10-13, 10-14.
    CHECK(time::format_utc(*c.due_at) == "2025-10-14T15:59:59Z");
    CHECK(c.co_units == std::vector<std::string>{"cgj"});
    CHECK(actions(w, id) == std::vector<std::string>{"intake", "assign"});
  }

  TEST_CASE("a hotline case takes the hotline rule's clocks") {
    test::World w;
    const auto id = take_in(w, "路灯不亮", "B", "hotline");
    auto ctx = w.at_time("2025-10-09 09:00");
    const auto c = cases::assign(ctx, {id}, lead("cgj", {})).at(0);
    CHECK(*c.ack_due == test::at("2025-10-09 11:00"));
    // 5wd after Thu 10-09: 10-10, 10-11 (make-up Saturday), 10-13, 10-14, 10-15.
    CHECK(time::format_utc(*c.due_at) == "2025-10-15T15:59:59Z");
  }

  TEST_CASE("units, categories and channels are given by code or by name; class in any case") {
    test::World w;
    IntakeFields f;
    f.title = "路灯不亮";
    f.category = "路灯照明";
    f.channel = "hotline";
    f.klass = "b";
    auto ctx = w.at_time("2025-10-09 09:00");
    const auto c = cases::intake(ctx, {f}, cases::DryRun::no, {"test"}).at(0);
    CHECK(c.category == "streetlight");
    CHECK(c.klass == "B");
    auto by_name = lead("市城市管理局", {"市人社局"});
    by_name.klass = "a";
    const auto a = cases::assign(ctx, {c.id}, by_name).at(0);
    CHECK(a.lead_unit == "cgj");
    CHECK(a.co_units == std::vector<std::string>{"rsj"});
    CHECK(a.klass == "A");
    CHECK(cases::ack(ctx, {c.id}, std::string("市城市管理局")).at(0).status == store::Status::in_progress);
  }

  TEST_CASE("assign refuses unknown units, a unit that is both lead and co, and a missing class") {
    test::World w;
    const auto id = take_in(w, "x", std::nullopt);
    auto ctx = w.at_time("2025-10-09 09:00");
    const auto unknown = test::thrown([&] { cases::assign(ctx, {id}, lead("cgk", {})); });
    CHECK(unknown.kind == Kind::unknown_unit);
    CHECK(unknown.fields.field == "lead_unit");
    CHECK(unknown.fields.nearest == "cgj");
    CHECK(code_of([&] { cases::assign(ctx, {id}, lead("cgj", {"cgj"})); }) == Exit::usage);
    CHECK(code_of([&] { cases::assign(ctx, {id}, lead("cgj", {})); }) == Exit::usage);
    auto with_due = lead("cgj");
    with_due.due = "2025-10-20";
    CHECK(code_of([&] { cases::assign(ctx, {id}, with_due); }) == Exit::usage);  // no reason
    with_due.reason = "领导交办";
    const auto c = cases::assign(ctx, {id}, with_due).at(0);
    CHECK(time::format_utc(*c.due_at) == "2025-10-20T15:59:59Z");
  }

  TEST_CASE("reassigning needs a reason and a new lead must acknowledge afresh") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {id}, lead("cgj", {}));
    cases::ack(ctx, {id}, std::nullopt);
    CHECK(code_of([&] { cases::assign(ctx, {id}, lead("rsj", {})); }) == Exit::usage);
    auto again = lead("rsj");
    again.reason = "不属于城管职责";
    const auto c = cases::assign(ctx, {id}, again).at(0);
    CHECK(c.status == Status::listed);
    CHECK_FALSE(c.acked_at);
    CHECK(c.first_assigned_at == test::at("2025-10-09 09:00"));
  }

  TEST_CASE("the lifecycle runs received to closed, one event per change") {
    test::World w;
    const auto id = take_in(w, "工资偏低");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {id}, lead("rsj", {"cgj"}));
    CHECK(cases::ack(ctx, {id}, std::string("cgj")).at(0).status == Status::listed);  // co-unit
    CHECK(cases::ack(ctx, {id}, std::nullopt).at(0).status == Status::in_progress);
    cases::note(ctx, id, "已召开协调会", std::string("10wd"));
    CHECK(cases::resolve(ctx, {id}, cases::Outcome::solved, std::nullopt).at(0).status ==
          Status::resolved);
    const auto closed = cases::close(ctx, {id}, cases::Force::no, std::nullopt).at(0);
    CHECK(closed.status == Status::closed);
    CHECK(closed.closed_at == ctx.now);
    CHECK(actions(w, id) == std::vector<std::string>{"intake", "assign", "ack", "ack", "note",
                                                     "resolve", "close"});
  }

  TEST_CASE("close refuses a case that is not resolved unless forced with a reason") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    CHECK(code_of([&] { cases::close(ctx, {id}, cases::Force::no, std::nullopt); }) == Exit::data);
    CHECK(code_of([&] { cases::close(ctx, {id}, cases::Force::yes, std::nullopt); }) == Exit::usage);
    CHECK(cases::find(w.store, id).status == Status::received);
    const auto c = cases::close(ctx, {id}, cases::Force::yes, std::string("重复件")).at(0);
    CHECK(c.status == Status::closed);
    const auto events = w.store.events(id);
    CHECK(events.back().detail["forced"] == true);
  }

  TEST_CASE("resolve as explained needs the explanation") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {id}, lead("rsj", {}));
    cases::ack(ctx, {id}, std::nullopt);
    CHECK(code_of([&] { cases::resolve(ctx, {id}, cases::Outcome::explained, std::nullopt); }) ==
          Exit::usage);
    const auto c =
        cases::resolve(ctx, {id}, cases::Outcome::explained, std::string("政策不允许")).at(0);
    CHECK(c.outcome == "explained");
    CHECK(c.outcome_text == "政策不允许");
  }

  TEST_CASE("an unsatisfied follow-up reopens unless told not to") {
    test::World w;
    const auto a = take_in(w, "a"), b = take_in(w, "b");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {a, b}, lead("rsj", {}));
    cases::ack(ctx, {a, b}, std::nullopt);
    cases::resolve(ctx, {a, b}, cases::Outcome::solved, std::nullopt);
    cases::close(ctx, {a, b}, cases::Force::no, std::nullopt);
    const auto ra = cases::followup(ctx, a, cases::Rating::unsatisfied, 2, std::nullopt,
                                    cases::ReopenIfUnsatisfied::yes);
    CHECK(ra.status == Status::in_progress);
    CHECK_FALSE(ra.closed_at);
    CHECK(actions(w, a).back() == "reopen");
    const auto rb = cases::followup(ctx, b, cases::Rating::unsatisfied, std::nullopt, std::nullopt,
                                    cases::ReopenIfUnsatisfied::no);
    CHECK(rb.status == Status::closed);
    CHECK(rb.satisfaction == "unsatisfied");
  }

  TEST_CASE("return hands the case back to received and names the unit") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {id}, lead("rsj", {"cgj"}));
    const auto c = cases::give_back(ctx, {id}, "不属于本单位职责").at(0);
    CHECK(c.status == Status::received);
    CHECK_FALSE(c.lead_unit);
    CHECK(c.co_units.empty());
    CHECK(w.store.events(id).back().unit == "rsj");
  }

  TEST_CASE("a command on several cases changes none when one fails") {
    test::World w;
    const auto a = take_in(w, "a");
    auto ctx = w.at_time("2025-10-09 09:00");
    CHECK(code_of([&] { cases::assign(ctx, {a, 999}, lead("rsj", {})); }) == Exit::unavailable);
    CHECK(cases::find(w.store, a).status == Status::received);
    CHECK(w.store.events(a).size() == 1);
  }

  TEST_CASE("list filters by status, unit (lead or co), overdue and received dates") {
    test::World w;
    const auto a = take_in(w, "新华社区路灯不亮"), b = take_in(w, "工资"), c = take_in(w, "c");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {a}, lead("cgj", {}));
    cases::assign(ctx, {b}, lead("rsj", {"cgj"}));
    (void)c;
    cases::ListOptions o;
    o.unit = "cgj";
    CHECK(cases::list(w.store, w.config, ctx.now, o).size() == 2);
    o = {};
    o.statuses = {"received"};
    CHECK(cases::list(w.store, w.config, ctx.now, o).size() == 1);
    o = {};
    o.overdue = true;  // class A: 20wd after 10-09 (10-11 a make-up day) ends 11-05 23:59:59
    CHECK(cases::list(w.store, w.config, test::at("2025-11-05 23:59:59"), o).empty());
    CHECK(cases::list(w.store, w.config, test::at("2025-11-06 00:00"), o).size() == 2);
    o = {};
    o.received_from = "2025-09-26";
    o.received_to = "2025-09-26";
    CHECK(cases::list(w.store, w.config, ctx.now, o).size() == 3);
    o.received_from = "2025-09-27";
    CHECK(cases::list(w.store, w.config, ctx.now, o).empty());
    o = {};
    o.statuses = {"open"};
    CHECK(code_of([&] { cases::list(w.store, w.config, ctx.now, o); }) == Exit::usage);
  }

  TEST_CASE("a case as JSON has SPEC's names and UTC instants") {
    test::World w;
    const auto id = take_in(w, "x");
    const auto j = cases::case_json(cases::find(w.store, id));
    CHECK(j["received_at"] == "2025-09-26T02:00:00Z");
    CHECK(j["status"] == "received");
    CHECK(j["co_units"].is_array());
    CHECK(j.begin().key() == "id");
  }
}
