// The plans of list's, search's and show's statements: each filter reads its
// index, a search of 3+ characters the trigram index, show's reads are
// lookups by key, so that a schema change cannot turn one into a scan of a
// million cases unseen (issue 10).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

#include "cases/query.hpp"
#include "fixtures.hpp"

using namespace duban;

namespace {

// The plan of every statement `work` runs on the store that reads cases
// or the journal, one step a line.
template <class F> std::vector<std::string> plans(store::Store& store, F&& work) {
  std::vector<std::string> seen;
  store.trace_statements([&](const std::string& sql) { seen.push_back(sql); });
  work();
  store.trace_statements({});
  std::vector<std::string> steps;
  for (const auto& sql : seen) {
    if (!sql.starts_with("SELECT")) continue;
    for (auto& step : store.query_plan(sql)) steps.push_back(std::move(step));
    steps.emplace_back("--");
  }
  return steps;
}

bool has(const std::vector<std::string>& steps, std::string_view step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

// No step reads a whole table of cases, co-units or the journal.
bool no_scan(const std::vector<std::string>& steps) {
  return std::none_of(steps.begin(), steps.end(), [](const std::string& s) {
    for (std::string_view table : {"c", "co_unit", "journal"})
      if (s == fmt::format("SCAN {}", table) || s.starts_with(fmt::format("SCAN {} ", table)))
        return true;
    return false;
  });
}

std::string shown(const std::vector<std::string>& steps) {
  std::string text;
  for (const auto& s : steps) text += s + "\n";
  return text;
}

struct Listing : test::World {
  time::Instant now = test::at("2025-10-27 09:00");
  // The plans of `list` with `options`, for the full rows and for the ids.
  std::vector<std::string> rows(const cases::ListOptions& options) {
    const auto filter = cases::list_filter(store, config, now, options);
    return plans(store, [&] { store.each_case(filter, [](const store::CaseRow&) {}); });
  }
  std::vector<std::string> ids(const cases::ListOptions& options) {
    const auto filter = cases::list_filter(store, config, now, options);
    return plans(store, [&] { store.each_case_id(filter, [](std::int64_t) {}); });
  }
};

}  // namespace

TEST_SUITE("cases/query plans") {
  TEST_CASE("every case in id order is one pass over the table, with no sort") {
    Listing l;
    for (const auto& steps : {l.rows({}), l.ids({})}) {
      INFO(shown(steps));
      CHECK(std::none_of(steps.begin(), steps.end(),
                         [](const std::string& s) { return s.find("TEMP B-TREE") != s.npos; }));
      // The co-units of each case are found by its id, never by a scan.
      CHECK(std::none_of(steps.begin(), steps.end(),
                         [](const std::string& s) { return s.starts_with("SCAN co_unit"); }));
    }
  }

  TEST_CASE("a unit is found by its lead-unit and co-unit indexes") {
    Listing l;
    cases::ListOptions o;
    o.unit = "cgj";
    for (const auto& steps : {l.rows(o), l.ids(o)}) {
      INFO(shown(steps));
      CHECK(std::any_of(steps.begin(), steps.end(), [](const std::string& s) {
        return s.find("INDEX case_lead_unit (lead_unit=?)") != s.npos;
      }));
      CHECK(has(steps, "SEARCH co_unit USING COVERING INDEX co_unit_unit (unit=?)"));
      CHECK(no_scan(steps));
    }
  }

  TEST_CASE("status, received, closed, due, meeting and proxy each use their index") {
    Listing l;
    auto ctx = l.at_time("2025-10-27 09:00");
    const auto meeting = cases::add_meeting(
        ctx, {.kind = "hotline", .title = "十月例会", .date = "2025-10-27", .group = {}});
    struct Case {
      cases::ListOptions options;
      std::string_view index;
    };
    std::vector<Case> all(7);
    all[0].options.statuses = {"listed", "in_progress"};
    all[0].index = "case_status (status=?)";
    all[1].options.received_from = "2025-10-01";
    all[1].options.received_to = "2025-10-31";
    all[1].index = "case_received_report (received_at>? AND received_at<?)";
    all[2].options.closed_from = "2025-10-01";
    all[2].options.closed_to = "2025-10-31";
    all[2].index = "case_closed_report (closed_at>? AND closed_at<?)";
    // By deadline: either index of it (schema 8's covers the open cases on a clock).
    all[3].options.overdue = true;
    all[3].index = "case_due_at (due_at>? AND due_at<?)|case_open_due (due_at>? AND due_at<?)";
    all[4].options.due_within = "3d";
    all[4].index = all[3].index;
    all[5].options.meeting = std::to_string(meeting.id);
    all[5].index = "case_meeting (meeting=?)";
    all[6].options.proxy = "王代办";
    all[6].index = "case_proxy (proxy=?)";
    for (const auto& [options, index] : all) {
      for (const auto& steps : {l.rows(options), l.ids(options)}) {
        INFO(index, "\n", shown(steps));
        CHECK(std::any_of(steps.begin(), steps.end(), [&](const std::string& s) {
          if (!s.starts_with("SEARCH c USING ")) return false;
          for (std::string_view rest = index;;) {  // any of the alternatives a|b
            const auto bar = rest.find('|');
            if (s.ends_with(rest.substr(0, bar))) return true;
            if (bar == rest.npos) return false;
            rest.remove_prefix(bar + 1);
          }
        }));
        CHECK(no_scan(steps));
      }
    }
  }

  TEST_CASE("a search of three or more characters reads the trigram index") {
    Listing l;
    cases::ListOptions o;
    o.search = "垃圾清运";
    auto with_category = o;
    with_category.category = "wages";
    // A MATCH (M) of the index; its flags say whether it gives rowid order.
    const auto fts = [](const std::string& s) {
      return s.starts_with("SCAN case_text VIRTUAL TABLE INDEX ") && s.find(":M") != s.npos;
    };
    // Each case found is read by its id.
    for (const auto& steps : {l.rows(o), l.rows(with_category), l.ids(with_category)}) {
      INFO(shown(steps));
      CHECK(std::any_of(steps.begin(), steps.end(), fts));
      CHECK(has(steps, "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"));
      CHECK(no_scan(steps));
    }
    // Their ids alone are the index's rowids, in its order: no case is read.
    const auto steps = l.ids(o);
    INFO(shown(steps));
    CHECK(std::any_of(steps.begin(), steps.end(), fts));
    CHECK(std::none_of(steps.begin(), steps.end(),
                       [](const std::string& s) { return s.starts_with("SEARCH c "); }));
    CHECK(std::none_of(steps.begin(), steps.end(),
                       [](const std::string& s) { return s.find("TEMP B-TREE") != s.npos; }));
  }

  TEST_CASE("show reads its case, journal and merged requests by key") {
    test::World w;
    store::CaseRow c;
    c.receipt = "ABCD-EFGH";
    c.title = "路灯不亮";
    c.received_at = test::at("2025-10-25 11:00");
    w.store.write([&] { w.store.insert_case(c); });
    const auto steps = plans(w.store, [&] {
      cases::read_as_of(w.store, test::at("2025-10-27 09:00"));
      CHECK(w.store.find_case(c.id));
      CHECK(w.store.find_case_by_receipt("ABCD-EFGH"));
      CHECK(w.store.events(c.id).empty());
      CHECK(w.store.cases_merged_into(c.id).empty());
    });
    INFO(shown(steps));
    CHECK(has(steps, "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"));
    CHECK(has(steps, "SEARCH c USING INDEX sqlite_autoindex_case_1 (receipt=?)"));
    CHECK(has(steps, "SEARCH journal USING INDEX journal_case (case_id=?)"));
    CHECK(std::any_of(steps.begin(), steps.end(), [](const std::string& s) {
      return s.starts_with("SEARCH c USING") && s.ends_with("case_merged (merged_into=?)");
    }));
    // The clock's check reads the journal's newest instant off its index.
    CHECK(std::any_of(steps.begin(), steps.end(), [](const std::string& s) {
      return s.starts_with("SEARCH journal USING COVERING INDEX journal_at");
    }));
    CHECK(no_scan(steps));
  }
}
