#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cases/fold.hpp"
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
  return cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
}

cases::AssignOptions lead(std::string unit, std::vector<std::string> co = {},
                          std::optional<std::string> leader = std::nullopt) {
  cases::AssignOptions o;
  o.lead = std::move(unit);
  o.co = std::move(co);
  o.leader = std::move(leader);
  return o;
}

// What `f` throws: the kind and fields the library promises, no words.
std::optional<Error> error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

std::optional<Kind> kind_of(const std::function<void()>& f) {
  const auto e = error_of(f);
  return e ? std::optional<Kind>(e->kind()) : std::nullopt;
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

  TEST_CASE("an intake's detail text is intake_detail's dump, byte for byte") {
    store::CaseRow c;
    c.receipt = "ABCD-EFGH";
    c.title = "新华社区\"路灯\"不亮\n";
    CHECK(cases::intake_detail_text(c) == cases::intake_detail(c).dump());
    c.description = "描述\t\x01";
    c.channel = "hotline";
    c.category = "light";
    c.klass = "B";
    c.requester = "王\\五";
    c.phone = "13800000000";
    c.town = "白沙街道";
    c.village = "白沙社区";
    c.address = "列东街165号";
    c.proxy = "代办员";
    c.meeting = 12;
    c.confidential = true;
    c.lead_unit = "cgj";  // not an intake field
    CHECK(cases::intake_detail_text(c) == cases::intake_detail(c).dump());
    c.confidential = false;
    c.address = "";
    c.meeting.reset();
    c.town.reset();
    CHECK(cases::intake_detail_text(c) == cases::intake_detail(c).dump());
    c.title = "\xff";
    CHECK_THROWS_AS(cases::intake_detail_text(c), std::invalid_argument);
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
    const std::vector<cases::Origin> where = {{"f", 2}, {"f", 3}, {"f", 4}};
    const auto e = error_of([&] {
      cases::intake(ctx, {good, no_title, bad}, cases::DryRun::no, where);
    });
    REQUIRE(e);
    CHECK(e->kind() == Kind::several);
    // One fault a bad field, each with its file and line, then the summary.
    const auto& faults = e->faults;
    REQUIRE(faults.size() == 5);
    CHECK(faults[0].kind() == Kind::required);
    CHECK(faults[0].fields().field == "title");
    CHECK(faults[0].fields().source == "f");
    CHECK(faults[0].fields().line == 3);
    CHECK(faults[1].kind() == Kind::unknown_channel);
    CHECK(faults[1].fields().value == "hotlien");
    CHECK(faults[1].fields().nearest == "hotline");
    CHECK(faults[1].fields().source == "f");
    CHECK(faults[1].fields().line == 4);
    CHECK(faults[2].kind() == Kind::unknown_category);
    CHECK(faults[2].fields().nearest == "wages");
    CHECK(faults[3].kind() == Kind::not_one_of);
    CHECK(faults[3].fields().field == "class");
    CHECK(faults[3].fields().value == "D");
    CHECK(faults[3].fields().line == 4);
    CHECK(faults[3].fields().choices == std::vector<std::string>{"A", "B", "C"});
    CHECK(faults[4].kind() == Kind::batch_refused);
    CHECK(faults[4].fields().value == "4");
    CHECK(w.store.count_cases() == 0);
  }

  TEST_CASE("an intake from the command line names its fields with no source") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    IntakeFields f;
    f.title = "x";
    f.received_at = "2025-09-27 10:00";
    const auto e = error_of([&] { cases::intake(ctx, {f}, cases::DryRun::no, {}); });
    REQUIRE(e);
    REQUIRE(e->faults.size() == 1);  // one fault: no summary
    CHECK(e->faults[0].kind() == Kind::after_clock);
    CHECK(e->faults[0].fields().field == "received_at");
    CHECK(e->faults[0].fields().source.empty());
    CHECK(e->faults[0].fields().choices ==
          std::vector<std::string>{"2025-09-27T02:00:00Z", "2025-09-26T02:00:00Z"});
    f.received_at = "yesterday";
    CHECK(error_of([&] { cases::intake(ctx, {f}, cases::DryRun::no, {}); })->faults.at(0).kind() ==
          Kind::not_a_when);
    f.received_at = std::nullopt;
    f.phone = "\xff";
    const auto bad = error_of([&] { cases::intake(ctx, {f}, cases::DryRun::no, {}); });
    CHECK(bad->faults.at(0).kind() == Kind::not_utf8);
    CHECK(bad->faults.at(0).fields().field == "phone");
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
    CHECK(calls == std::vector<Call>{{10000, 25000}, {20000, 25000}, {25000, 25000}});
    CHECK(w.store.count_cases() == 25000);
  }

  TEST_CASE("a streamed batch adds its cases as it reads them, with consecutive ids") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    int read = 0;
    std::vector<std::int64_t> seen;
    std::pair<std::int64_t, std::size_t> committed;
    cases::IntakeStream stream;
    stream.next = [&]() -> std::optional<cases::IntakeItem> {
      if (read == 3) return std::nullopt;
      // Each item is added before the next is read.
      CHECK(seen.size() == static_cast<std::size_t>(read));
      IntakeFields f;
      f.title = "路灯 " + std::to_string(++read);
      return cases::IntakeItem{f, {"a.csv", read + 1}};
    };
    stream.each = [&](const store::CaseRow& c) { seen.push_back(c.id); };
    stream.before_commit = [&](std::int64_t first, std::size_t count) {
      committed = {first, count};
    };
    CHECK(cases::intake(ctx, stream, cases::DryRun::no) == 3);
    CHECK(seen == std::vector<std::int64_t>{1, 2, 3});
    CHECK(committed == std::pair<std::int64_t, std::size_t>{1, 3});
    CHECK(w.store.find_case(3)->title == "路灯 3");
  }

  TEST_CASE("a streamed batch with bad items adds none and names every bad one") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    int read = 0;
    bool committed = false;
    cases::IntakeStream stream;
    stream.next = [&]() -> std::optional<cases::IntakeItem> {
      if (read == 5) return std::nullopt;
      ++read;
      IntakeFields f;
      if (read != 2 && read != 4) f.title = "ok";  // 2 and 4 have no title
      return cases::IntakeItem{f, {"a.csv", read + 1}};
    };
    stream.before_commit = [&](std::int64_t, std::size_t) { committed = true; };
    const auto t = test::thrown([&] { cases::intake(ctx, stream, cases::DryRun::no); });
    CHECK(t.kind == Kind::several);
    REQUIRE(t.faults.size() == 3);
    CHECK(t.faults[0].fields().line == 3);
    CHECK(t.faults[1].fields().line == 5);
    CHECK(t.faults[2].kind() == Kind::batch_refused);
    CHECK(read == 5);  // every item was read, to name every fault
    CHECK_FALSE(committed);
    CHECK(w.store.count_cases() == 0);
    CHECK(w.store.query_text("SELECT count(*) FROM journal") == "0");
  }

  TEST_CASE("a dry run validates and adds nothing") {
    test::World w;
    auto ctx = w.at_time("2025-09-26 10:00");
    IntakeFields f;
    f.title = "ok";
    CHECK(cases::intake(ctx, {f}, cases::DryRun::yes, {}).size() == 1);
    CHECK(w.store.count_cases() == 0);
  }

  TEST_CASE("records fill empty fields from the defaults and refuse unknown fields") {
    IntakeFields defaults;
    defaults.channel = "breakfast";
    io::Record r{2, {{"title", "工资偏低"}, {"channel", ""}}};
    auto items = cases::fields_from_records({r}, defaults, "m.csv");
    CHECK(items.at(0).channel == "breakfast");
    io::Record bad{2, {{"titel", "x"}}};
    CHECK_THROWS_AS(cases::fields_from_records({bad}, defaults, "m.csv"), Error);
    const auto key = error_of([&] { cases::fields_from_records({bad}, defaults, "m.csv"); });
    REQUIRE(key);
    CHECK(key->kind() == Kind::several);
    REQUIRE(key->faults.size() == 2);
    const auto& f = key->faults[0].fields();
    CHECK(key->faults[0].kind() == Kind::unknown_key);
    CHECK(f.value == "titel");
    CHECK(f.nearest == "title");
    CHECK(f.source == "m.csv");
    CHECK(f.line == 2);
    CHECK(key->faults[1].kind() == Kind::known_fields);
    CHECK(key->faults[1].fields().choices == cases::intake_field_names());
    const auto column = error_of([&] { cases::fields_from_records({bad}, defaults, "m.csv", 1); });
    CHECK(column->faults.at(0).kind() == Kind::unknown_column);
    CHECK(column->faults.at(0).fields().line == 1);
  }

  TEST_CASE("a header of thousands of unknown columns names ten and counts the rest") {
    io::Record r{2, {{"title", "x"}}};
    for (int i = 0; i < 5000; ++i) r.fields.emplace_back("junk" + std::to_string(i), "");
    const auto e = error_of([&] { cases::fields_from_records({r, r}, {}, "wide.csv", 1); });
    REQUIRE(e);
    REQUIRE(e->faults.size() == 12);  // ten named, the rest counted, the known fields
    CHECK(e->faults[0].fields().value == "junk0");
    CHECK(e->faults[9].fields().value == "junk9");
    CHECK(e->faults[10].kind() == Kind::more_unknown_columns);
    CHECK(e->faults[10].fields().value == "4990");
    CHECK(e->faults[10].fields().source == "wide.csv");
    CHECK(e->faults[11].kind() == Kind::known_fields);
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
    const auto c = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0);
    CHECK(c.category == "streetlight");
    CHECK(c.klass == "B");
    auto by_name = lead("市城市管理局", {"市人社局"});
    by_name.klass = "a";
    const auto a = cases::assign(ctx, {c.id}, by_name).at(0);
    CHECK(a.lead_unit == "cgj");
    CHECK(a.co_units == std::vector<std::string>{"rsj"});
    CHECK(a.klass == "A");
    CHECK(cases::ack(ctx, {c.id}, std::string("市城市管理局")).at(0).status ==
          store::Status::in_progress);
  }

  TEST_CASE("assign refuses unknown units, a unit that is both lead and co, and a missing class") {
    test::World w;
    const auto id = take_in(w, "x", std::nullopt);
    auto ctx = w.at_time("2025-10-09 09:00");
    const auto unknown = test::thrown([&] { cases::assign(ctx, {id}, lead("cgk", {})); });
    CHECK(unknown.kind == Kind::unknown_unit);
    CHECK(unknown.fields.field == "lead_unit");
    CHECK(unknown.fields.nearest == "cgj");
    const auto both = error_of([&] { cases::assign(ctx, {id}, lead("cgj", {"cgj"})); });
    CHECK(both->kind() == Kind::lead_and_co);
    CHECK(both->fields().value == "cgj");
    CHECK(kind_of([&] {
            cases::assign(ctx, {id}, lead("cgj", {"rsj", "rsj"}));
          }) == Kind::co_twice);
    const auto no_class = error_of([&] { cases::assign(ctx, {id}, lead("cgj", {})); });
    CHECK(no_class->kind() == Kind::needs_class_or_due);
    CHECK(no_class->fields().case_id == id);
    auto bad_class = lead("cgj");
    bad_class.klass = "E";
    const auto klass = error_of([&] { cases::assign(ctx, {id}, bad_class); });
    CHECK(klass->kind() == Kind::not_one_of);
    CHECK(klass->fields().field == "class");
    auto with_due = lead("cgj");
    with_due.due = "2025-10-20";
    const auto no_reason = error_of([&] { cases::assign(ctx, {id}, with_due); });
    CHECK(no_reason->kind() == Kind::reason_for_due);
    CHECK(no_reason->fields().field == "reason");
    with_due.reason = "领导交办";
    with_due.due = "next week";
    const auto not_due = error_of([&] { cases::assign(ctx, {id}, with_due); });
    CHECK(not_due->kind() == Kind::not_a_due);
    CHECK(not_due->fields().field == "due_at");
    CHECK(not_due->fields().value == "next week");
    with_due.due = "2025-10-01";
    const auto early = error_of([&] { cases::assign(ctx, {id}, with_due); });
    CHECK(early->kind() == Kind::due_before_assignment);
    CHECK(early->fields().choices == std::vector<std::string>{"2025-10-09T01:00:00Z"});
    with_due.due = "2025-10-20";
    const auto c = cases::assign(ctx, {id}, with_due).at(0);
    CHECK(time::format_utc(*c.due_at) == "2025-10-20T15:59:59Z");
  }

  TEST_CASE("reassigning needs a reason and a new lead must acknowledge afresh") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {id}, lead("cgj", {}));
    cases::ack(ctx, {id}, std::nullopt);
    const auto e = error_of([&] { cases::assign(ctx, {id}, lead("rsj", {})); });
    CHECK(e->kind() == Kind::reason_for_reassign);
    CHECK(e->fields().value == "cgj");
    CHECK(e->fields().case_id == id);
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
    CHECK(actions(w, id) ==
          std::vector<std::string>{"intake", "assign", "ack", "ack", "note", "resolve", "close"});
  }

  TEST_CASE("close refuses a case that is not resolved unless forced with a reason") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    const auto e = error_of([&] { cases::close(ctx, {id}, cases::Force::no, std::nullopt); });
    CHECK(e->kind() == Kind::close_needs_resolved);
    CHECK(e->fields().value == "received");
    const auto why = error_of([&] { cases::close(ctx, {id}, cases::Force::yes, std::nullopt); });
    CHECK(why->kind() == Kind::reason_for_force);
    CHECK(why->fields().field == "reason");
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
    const auto e =
        error_of([&] { cases::resolve(ctx, {id}, cases::Outcome::explained, std::nullopt); });
    CHECK(e->kind() == Kind::note_for_explained);
    CHECK(e->fields().field == "note");
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
    const auto e = error_of([&] { cases::assign(ctx, {a, 999}, lead("rsj", {})); });
    CHECK(e->kind() == Kind::no_case);
    CHECK(e->fields().case_id == 999);
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
    CHECK(kind_of([&] { cases::list(w.store, w.config, ctx.now, o); }) == Kind::not_one_of);
    o.statuses = {"closd"};
    const auto e = error_of([&] { cases::list(w.store, w.config, ctx.now, o); });
    CHECK(e->fields().field == "status");
    CHECK(e->fields().nearest == "closed");
    o = {};
    o.due_within = "soon";
    const auto within = error_of([&] { cases::list(w.store, w.config, ctx.now, o); });
    CHECK(within->kind() == Kind::not_a_duration);
    CHECK(within->fields().field == "due_within");
    o = {};
    o.closed_to = "last week";
    const auto to = error_of([&] { cases::list(w.store, w.config, ctx.now, o); });
    CHECK(to->kind() == Kind::not_a_when);
    CHECK(to->fields().field == "closed_to");
    o = {};
    o.limit = -1;
    CHECK(kind_of([&] { cases::list(w.store, w.config, ctx.now, o); }) ==
          Kind::must_not_be_negative);
  }

  TEST_CASE("list filters by closing dates, leader and town") {
    test::World w;
    IntakeFields f;
    f.title = "路灯不亮";
    f.klass = "A";
    f.town = "新华镇";
    auto intake = w.at_time("2025-09-26 10:00");
    const auto a = cases::intake(intake, {f, f}, cases::DryRun::no, {});
    const auto other = take_in(w, "工资");
    auto ctx = w.at_time("2025-10-09 09:00");
    cases::assign(ctx, {a[0].id}, lead("cgj", {}, std::string("李副市长")));
    cases::assign(ctx, {a[1].id, other}, lead("cgj", {}, std::string("王副市长")));
    cases::close(ctx, {a[0].id}, cases::Force::yes, std::string("重复件"));
    auto later = w.at_time("2025-10-10 09:00");
    cases::close(later, {a[1].id}, cases::Force::yes, std::string("重复件"));
    auto ids = [&](const cases::ListOptions& o) {
      std::vector<std::int64_t> out;
      for (const auto& c : cases::list(w.store, w.config, later.now, o)) out.push_back(c.id);
      return out;
    };
    cases::ListOptions o;
    o.closed_from = "2025-10-09";
    o.closed_to = "2025-10-09";
    CHECK(ids(o) == std::vector<std::int64_t>{a[0].id});
    o.closed_to = "2025-10-10";
    CHECK(ids(o) == std::vector<std::int64_t>{a[0].id, a[1].id});
    o = {};
    o.leader = "王副市长";
    CHECK(ids(o) == std::vector<std::int64_t>{a[1].id, other});
    o.town = "新华镇";
    CHECK(ids(o) == std::vector<std::int64_t>{a[1].id});
    o = {};
    o.town = "新华";  // exact, not a search
    CHECK(ids(o).empty());
  }

  TEST_CASE("a wrong state names the case, its status and the statuses the act needs") {
    test::World w;
    const auto id = take_in(w, "x");
    auto ctx = w.at_time("2025-10-09 09:00");
    const auto e = error_of([&] { cases::ack(ctx, {id}, std::nullopt); });
    CHECK(e->kind() == Kind::wrong_state);
    CHECK(e->fields().case_id == id);
    CHECK(e->fields().value == "received");
    CHECK(e->fields().choices == std::vector<std::string>{"listed"});
    cases::assign(ctx, {id}, lead("cgj", {}));
    CHECK(kind_of([&] { cases::resolve(ctx, {id}, cases::Outcome::solved, std::nullopt); }) ==
          Kind::not_acknowledged);
    const auto note = error_of([&] { cases::note(ctx, id, "  ", std::nullopt); });
    CHECK(note->kind() == Kind::note_text_required);
    CHECK(kind_of([&] { cases::ack(ctx, {id}, std::string("rsj")); }) == Kind::not_on_case);
    const auto score = error_of([&] {
      cases::followup(ctx, id, cases::Rating::basic, 6, std::nullopt,
                      cases::ReopenIfUnsatisfied::no);
    });
    CHECK(score->kind() == Kind::out_of_range);
    CHECK(score->fields().field == "score");
    CHECK(score->fields().choices == std::vector<std::string>{"1", "5"});
    CHECK(kind_of([&] { cases::find_by_receipt(w.store, "ZZZZ-ZZZZ"); }) == Kind::no_receipt);
    const auto id_word = error_of([&] { cases::parse_ids({"7", "x7"}); });
    CHECK(id_word->kind() == Kind::not_a_case_id);
    CHECK(id_word->fields().value == "x7");
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
