// A case is the fold of its journal (cases/fold.hpp), and reading as of a
// clock sees each case as its events up to then make it.
#include <doctest/doctest.h>

#include "cases/doctor.hpp"
#include "cases/fold.hpp"
#include "cases/query.hpp"
#include "fixtures.hpp"
#include "supervise/escalate.hpp"
#include "util/error.hpp"

using namespace duban;
using store::Status;

namespace {

std::int64_t take_in(test::World& w, const char* when, std::string title) {
  auto ctx = w.at_time(when);
  cases::IntakeFields f;
  f.title = std::move(title);
  f.klass = "C";
  f.phone = "13800000001";
  f.town = "列东街道";
  return cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
}

cases::AssignOptions lead(std::string unit, std::optional<std::vector<std::string>> co = {}) {
  cases::AssignOptions o;
  o.lead = std::move(unit);
  o.co = std::move(co);
  return o;
}

store::CaseRow folded(test::World& w, std::int64_t id) {
  const auto now = cases::find(w.store, id);
  return *cases::fold(now, w.store.events(id));
}

}  // namespace

TEST_SUITE("cases_fold") {
  TEST_CASE("every verb leaves the row its journal folds to") {
    test::World w;
    const auto id = take_in(w, "2025-09-26 10:00", "路灯不亮");
    CHECK(folded(w, id) == cases::find(w.store, id));
    auto step = [&](const char* when, const std::function<void(cases::Context&)>& act) {
      auto ctx = w.at_time(when);
      act(ctx);
      CHECK(folded(w, id) == cases::find(w.store, id));
    };
    step("2025-09-26 11:00", [&](auto& c) { cases::assign(c, {id}, lead("cgj", {{"rsj"}})); });
    step("2025-09-26 12:00", [&](auto& c) { cases::ack(c, {id}, std::string("rsj")); });
    step("2025-09-26 13:00", [&](auto& c) { cases::ack(c, {id}, std::nullopt); });
    step("2025-09-27 09:00",
         [&](auto& c) { cases::note(c, id, "进展", std::string("2025-10-20")); });
    step("2025-09-28 09:00", [&](auto& c) { supervise::raise_level(c, {id}, 2, "督办"); });
    step("2025-09-29 09:00", [&](auto& c) { supervise::move_up(c, {id}, "city", "市级督办"); });
    step("2025-09-29 10:00", [&](auto& c) { cases::ack(c, {id}, std::nullopt); });
    step("2025-09-30 09:00", [&](auto& c) {
      cases::resolve(c, {id}, cases::Outcome::explained, std::string("政策不允许"));
    });
    step("2025-09-30 10:00", [&](auto& c) { cases::close(c, {id}, cases::Force::no, {}); });
    step("2025-09-30 11:00", [&](auto& c) {
      cases::followup(c, id, cases::Rating::unsatisfied, 2, {}, cases::ReopenIfUnsatisfied::yes);
    });
    step("2025-09-30 12:00", [&](auto& c) { cases::give_back(c, {id}, "不属本级"); });
    step("2025-10-09 09:00", [&](auto& c) { cases::assign(c, {id}, lead("rsj")); });
    CHECK(cases::find(w.store, id).level == 3);
    const auto report = cases::doctor(w.store, w.config, cases::Depth::full);
    CHECK(report.ok());
  }

  TEST_CASE("an act dated before the case's latest act is refused, naming both instants") {
    test::World w;
    const auto id = take_in(w, "2025-09-26 10:00", "路灯不亮");
    auto later = w.at_time("2025-09-26 11:00");
    cases::assign(later, {id}, lead("cgj"));
    auto earlier = w.at_time("2025-09-26 10:30");
    CHECK_THROWS_AS(cases::ack(earlier, {id}, std::nullopt), Error);
    try {
      cases::ack(earlier, {id}, std::nullopt);
    } catch (const Error& e) {
      CHECK(e.kind() == Kind::out_of_order);
      CHECK(e.fields().case_id == id);
      CHECK(e.fields().value == "2025-09-26T02:30:00Z");
      CHECK(e.fields().choices == std::vector<std::string>{"2025-09-26T03:00:00Z"});
    }
  }

  TEST_CASE("reading as of a past clock sees the case before its later acts") {
    test::World w;
    const auto id = take_in(w, "2025-09-26 10:00", "路灯不亮");
    auto a = w.at_time("2025-09-26 11:00");
    cases::assign(a, {id}, lead("cgj"));
    auto b = w.at_time("2025-09-29 11:00");
    cases::ack(b, {id}, std::nullopt);
    const auto late = take_in(w, "2025-09-30 10:00", "后来的问题");
    cases::read_as_of(w.store, test::at("2025-09-27 00:00"));
    const auto then = cases::find(w.store, id);
    CHECK(then.status == Status::listed);
    CHECK_FALSE(then.acked_at);
    CHECK(w.store.events(id).size() == 2);
    CHECK_FALSE(w.store.find_case(late));
    CHECK(w.store.count_cases() == 1);
  }
}
