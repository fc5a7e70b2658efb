// The plans of the statements behind report monthly (by unit and by
// category, with its bulletin and trend), report scorecard, remind and
// escalate --auto: each reads an index of the case table and the journal,
// never a scan of either, so that a schema change cannot silently turn an
// index lookup into a scan of a city's million cases. The monthly report's
// received and closed counts read their covering indexes alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "cases/cases.hpp"
#include "cases/query.hpp"
#include "fixtures.hpp"
#include "report/bulletin.hpp"
#include "report/monthly.hpp"
#include "report/tables.hpp"
#include "supervise/escalate.hpp"
#include "supervise/remind.hpp"

using namespace duban;

namespace {

constexpr std::string_view k_ladder = R"(
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

struct Traced {
  config::Config config = test::config_from(std::string(test::k_city) + std::string(k_ladder));
  store::Store store = store::Store::open(":memory:", store::Create::if_missing);
  std::set<std::string> seen;

  Traced() {
    // Cases in October: closed, open past due, listed past the ack due.
    for (int i = 0; i < 4; ++i) {
      cases::Context ctx{store, config, test::at("2025-10-09 09:00"), "tester"};
      cases::IntakeFields f;
      f.title = "路灯不亮";
      f.klass = "C";
      f.category = i % 2 ? "wages" : "streetlight";
      const auto id = cases::intake(ctx, {f}, cases::DryRun::no, {}).at(0).id;
      cases::AssignOptions o;
      o.lead = i % 2 ? "rsj" : "cgj";
      o.co = {"city"};
      ctx.now = test::at("2025-10-09 10:00");
      cases::assign(ctx, {id}, o);
      if (i == 3) continue;  // stays listed, its ack overdue
      ctx.now = test::at("2025-10-09 11:00");
      cases::ack(ctx, {id}, std::nullopt);
      if (i == 2) continue;  // in progress, past its due
      ctx.now = test::at("2025-10-10 11:00");
      cases::resolve(ctx, {id}, cases::Outcome::solved, std::string("已修复"));
      ctx.now = test::at("2025-10-10 12:00");
      cases::close(ctx, {id}, cases::Force::no, std::nullopt);
    }
    store.trace_statements([this](const std::string& sql) { seen.insert(sql); });
  }

  // Every statement seen since the last call, with its plan.
  std::vector<std::pair<std::string, std::vector<std::string>>> plans() {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& sql : seen)
      if (sql.starts_with("SELECT") || sql.starts_with("INSERT OR IGNORE INTO temp."))
        out.emplace_back(sql, store.query_plan(sql));
    seen.clear();
    return out;
  }
};

// A full scan of the case table or the journal, in a plan line: "SCAN c",
// "SCAN j", "SCAN journal", "SCAN main.case", also through an index. As of a
// clock `c` and `j` are the views' rows (their co-routine's output, after
// SEARCHes of the tables under them): only the tables' names count then.
bool scans_cases_or_journal(const std::string& line, bool views) {
  static const std::regex scan(R"(^SCAN (c|j|case|"case"|journal|main\.case|main\.journal)( |$))");
  static const std::regex table(R"(^SCAN (case|"case"|journal|main\.case|main\.journal)( |$))");
  return std::regex_search(line, views ? table : scan);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

void check_no_scan(const std::vector<std::pair<std::string, std::vector<std::string>>>& plans,
                   bool views = false) {
  for (const auto& [sql, plan] : plans) {
    // The journal's last event, for the hash chain: SQLite reads one row from
    // the end of the table, though the plan says SCAN.
    if (sql.ends_with("ORDER BY id DESC LIMIT 1")) continue;
    CAPTURE(sql);
    CAPTURE(joined(plan));
    for (const auto& line : plan) CHECK_FALSE(scans_cases_or_journal(line, views));
  }
}

// Whether every statement that holds `part` (one at least) has a plan line
// that holds `line`.
bool all_plans_have(const std::vector<std::pair<std::string, std::vector<std::string>>>& plans,
                    std::string_view part, std::string_view line) {
  int count = 0;
  for (const auto& [sql, plan] : plans) {
    if (sql.find(part) == std::string::npos) continue;
    ++count;
    CAPTURE(sql);
    CAPTURE(joined(plan));
    if (std::none_of(plan.begin(), plan.end(),
                     [&](const std::string& l) { return l.find(line) != std::string::npos; }))
      return false;
  }
  return count > 0;
}

}  // namespace

TEST_SUITE("report plans") {
  TEST_CASE("report monthly by unit and by category, with its bulletin and trend, reads indexes") {
    Traced t;
    const auto now = test::at("2025-11-03 09:00");
    const auto october = *report::month("2025-10");
    for (auto by : {store::GroupBy::unit, store::GroupBy::category}) {
      const auto m = report::monthly(t.store, t.config, october, now, by, false);
      const auto b = report::bulletin(t.store, t.config, m, 3);
      CHECK(b.overdue.size() == 2);
      (void)report::trend(t.store, t.config, october);
      const auto plans = t.plans();
      REQUIRE(plans.size() >= 6);
      check_no_scan(plans);
      // The month's received and closed cases, from their covering indexes alone.
      CHECK(all_plans_have(plans, "c.received_at >= :from AND c.received_at < :to GROUP BY",
                           "USING COVERING INDEX case_received_report"));
      CHECK(all_plans_have(plans, "c.closed_at >= :from AND c.closed_at < :to GROUP BY",
                           "USING COVERING INDEX case_closed_report"));
      // The open cases past their deadline, and the month's first assignments,
      // from their own indexes alone (schema 8).
      CHECK(all_plans_have(plans, "c.due_at < :T AND c.due_at IS NOT NULL AND +c.status",
                           "USING COVERING INDEX case_open_due"));
      CHECK(all_plans_have(plans, "c.first_assigned_at >= :from AND c.first_assigned_at < :to",
                           "USING COVERING INDEX case_first_assigned_at"));
    }
  }

  TEST_CASE("at a past clock the cases changed since are found by the journal's index, and the "
            "report joins no view of every case") {
    Traced t;
    const auto clock = test::at("2025-10-09 10:30");  // assigned, not yet acknowledged
    cases::read_as_of(t.store, clock);
    const auto setup = t.plans();
    // The changed cases from journal_at alone (schema 8: it holds the case).
    CHECK(all_plans_have(setup, "INTO temp.changed", "USING COVERING INDEX journal_at (at>?)"));
    // The replayed cases' events in one ordered pass: each case's from the journal's
    // index, in the order they are merged, with no sort of them all.
    CHECK(all_plans_have(setup, "FROM temp.changed r CROSS JOIN main.journal j",
                         "SEARCH j USING INDEX journal_case (case_id=?)"));
    for (const auto& [sql, plan] : setup) {
      if (sql.find("FROM temp.changed r CROSS JOIN") == std::string::npos) continue;
      CAPTURE(joined(plan));
      for (const auto& line : plan) CHECK(line.find("TEMP B-TREE") == std::string::npos);
    }
    check_no_scan(setup, true);
    const auto october = *report::month("2025-10");
    for (auto by : {store::GroupBy::unit, store::GroupBy::category}) {
      const auto m = report::monthly(t.store, t.config, october, clock, by, false);
      CHECK(m.total.received == 4);
      CHECK(m.total.closed == 0);
      const auto b = report::bulletin(t.store, t.config, m, 3);
      CHECK(b.overdue.empty());
      const auto plans = t.plans();
      REQUIRE(plans.size() >= 6);
      check_no_scan(plans, true);
      // The cases unchanged since the clock, from the covering indexes still.
      CHECK(all_plans_have(plans, "c.received_at >= :from AND c.received_at < :to AND c.id NOT IN",
                           "USING COVERING INDEX case_received_report"));
      CHECK(all_plans_have(plans, "c.closed_at >= :from AND c.closed_at < :to AND c.id NOT IN",
                           "USING COVERING INDEX case_closed_report"));
      CHECK(all_plans_have(plans, "FROM main.\"case\" c WHERE c.due_at < :T",
                           "USING COVERING INDEX case_open_due"));
      CHECK(all_plans_have(plans, "FROM main.\"case\" c WHERE c.first_assigned_at >= :from",
                           "USING COVERING INDEX case_first_assigned_at"));
      for (const auto& [sql, plan] : plans) {
        CAPTURE(sql);
        CAPTURE(joined(plan));
        for (const auto& line : plan) CHECK(line.find("MATERIALIZE") == std::string::npos);
      }
    }
  }

  TEST_CASE("report scorecard reads indexes") {
    Traced t;
    const auto m = report::monthly(t.store, t.config, *report::month("2025-10"),
                                   test::at("2025-11-03 09:00"), store::GroupBy::unit, false);
    CHECK_FALSE(report::scorecard(m, t.config).empty());
    check_no_scan(t.plans());
  }

  TEST_CASE("remind reads indexes") {
    Traced t;
    const auto groups = supervise::remind(t.store, t.config, test::at("2025-11-03 09:00"),
                                          time::Duration{3, time::Duration::Unit::days}, {});
    CHECK_FALSE(groups.empty());
    auto plans = t.plans();
    REQUIRE(plans.size() >= 4);
    // The extensions asked for are read from their partial index whole: only
    // the open cases with a due asked for are in it.
    CHECK(all_plans_have(plans, "c.extension_due IS NOT NULL", "USING INDEX case_extension"));
    CHECK(all_plans_have(plans, "c.suspended_at IS NOT NULL", "USING INDEX case_suspended"));
    std::erase_if(plans, [](const auto& p) {
      return p.first.find("c.extension_due IS NOT NULL") != std::string::npos;
    });
    check_no_scan(plans);
  }

  TEST_CASE("escalate --auto reads indexes to find its cases") {
    Traced t;
    cases::Context ctx{t.store, t.config, test::at("2025-11-03 09:00"), "tester"};
    CHECK(supervise::escalate_auto(ctx).size() == 3);  // the ack overdue, and 1wd past due
    const auto plans = t.plans();
    REQUIRE(plans.size() >= 2);
    check_no_scan(plans);
  }
}
