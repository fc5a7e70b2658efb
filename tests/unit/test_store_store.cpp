#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "fixtures.hpp"
#include "util/error.hpp"

using namespace duban;
using store::Store;

namespace {
store::CaseRow sample(std::string receipt, std::string title) {
  store::CaseRow c;
  c.receipt = std::move(receipt);
  c.title = std::move(title);
  c.received_at = test::at("2025-10-25 11:00");
  return c;
}

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("duban-test-" + std::to_string(::getpid()) + "-" +
                                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};
}  // namespace

TEST_SUITE("store") {
  TEST_CASE("a new store is migrated to the latest schema") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    CHECK(s.schema_version() == Store::latest_schema_version());
    CHECK(s.schema_version() >= 1);
  }

  TEST_CASE("the statements the store runs are told, and their plans read") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    std::vector<std::string> seen;
    s.trace_statements([&](const std::string& sql) { seen.push_back(sql); });
    CHECK_FALSE(s.find_case(7));
    REQUIRE(seen.size() == 1);
    const auto plan = s.query_plan(seen[0]);
    REQUIRE_FALSE(plan.empty());
    CHECK(plan[0] == "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)");
    s.trace_statements({});
    CHECK_FALSE(s.find_case(8));
    CHECK(seen.size() == 1);
  }

  TEST_CASE("the CHECK lists are comparisons, and still refuse what they refused") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    // A list of three or more in a CHECK costs a temporary b-tree per row written.
    CHECK(s.query_text("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%'"
                       " OR sql LIKE '%action IN (%' OR sql LIKE '%class IN (%'") == "0");
    auto refused = [&](const std::string& sql) {
      return test::thrown([&] { s.query_text(sql); }).kind == Kind::store_constraint;
    };
    CHECK(refused("INSERT INTO \"case\" (receipt, title, status, received_at)"
                  " VALUES ('AAAA-AAAA', 't', 'lost', '2025-01-01T00:00:00Z')"));
    CHECK(refused("INSERT INTO \"case\" (receipt, title, class, received_at)"
                  " VALUES ('AAAA-AAAA', 't', 'D', '2025-01-01T00:00:00Z')"));
    CHECK(refused("INSERT INTO \"case\" (receipt, title, status, lead_unit, received_at)"
                  " VALUES ('AAAA-AAAA', 't', 'listed', NULL, '2025-01-01T00:00:00Z')"));
    CHECK(s.query_text("INSERT INTO \"case\" (receipt, title, class, received_at)"
                       " VALUES ('AAAA-AAAA', 't', NULL, '2025-01-01T00:00:00Z') RETURNING id") ==
          "1");
    CHECK(refused("INSERT INTO journal (id, case_id, at, actor, action, detail, hash) VALUES"
                  " (1, 1, '2025-01-01T00:00:00Z', 'a', 'forge', '{}', '" +
                  std::string(64, 'a') + "')"));
    // The detail must be a JSON object still.
    for (const char* detail : {"not json", "[1]", "\"{\"", " {}"})
      CHECK(refused(std::string("INSERT INTO journal (id, case_id, at, actor, action, detail, hash)"
                                " VALUES (1, 1, '2025-01-01T00:00:00Z', 'a', 'note', '") +
                    detail + "', '" + std::string(64, 'a') + "')"));
    CHECK(s.query_text("PRAGMA integrity_check") == "ok");
  }

  TEST_CASE("a big batch drops its indexes but the receipts' on the way and makes them again") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    auto indexes = [&] {
      return s.query_text(
          "SELECT count(*) FROM sqlite_schema WHERE name IN"
          " ('case_received_report', 'journal_action_at', 'journal_at', 'case_status',"
          " 'case_lead_unit', 'journal_case')");
    };
    auto add = [&](int n, bool fail) {
      s.write([&] {
        for (int i = 0; i < n; ++i) {
          auto c = sample("R" + std::to_string(i) + "-" + std::to_string(n), "路灯");
          s.insert_case(c);
        }
        if (fail) throw std::runtime_error("stop");
      });
    };
    int dropped = 0;
    s.trace_statements([&](const std::string& sql) { dropped += sql.starts_with("DROP INDEX"); });
    CHECK_THROWS(add(50000, true));  // rolled back: the indexes are kept
    CHECK(dropped == 6);
    CHECK(indexes() == "6");
    add(20000, false);
    CHECK(dropped == 6);  // too small a batch
    add(100000, false);   // 20,000 before it: dropped at the 50,000th
    CHECK(dropped == 12);
    CHECK(indexes() == "6");
    CHECK(s.query_text("SELECT count(*) FROM \"case\" INDEXED BY case_received_report"
                       " WHERE received_at > ''") == "120000");
    CHECK(s.query_text("SELECT count(*) FROM \"case\" INDEXED BY case_status"
                       " WHERE status = 'received'") == "120000");
    CHECK(s.query_text("PRAGMA integrity_check") == "ok");
  }

  TEST_CASE("a store file is created owner-only, in WAL mode, with its folders") {
    TempDir dir;
    const auto file = dir.path / "a" / "b" / "duban.db";
    {
      auto s = Store::open(file, store::Create::if_missing);
      CHECK(s.query_text("PRAGMA journal_mode") == "wal");
      CHECK(s.query_text("PRAGMA foreign_keys") == "1");
    }
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }

  TEST_CASE("a missing store is not created when reading") {
    TempDir dir;
    const auto t =
        duban::test::thrown([&] { Store::open(dir.path / "none.db", store::Create::never); });
    CHECK(t.kind == duban::Kind::store_missing);
    CHECK(t.at == (dir.path / "none.db").string());
    CHECK_FALSE(std::filesystem::exists(dir.path / "none.db"));
  }

  TEST_CASE("another program's SQLite file is refused, not migrated") {
    TempDir dir;
    const auto file = dir.path / "other.db";
    {
      auto s = Store::open(file, store::Create::if_missing);  // then make it foreign
    }
    std::filesystem::remove(file);
    std::filesystem::remove(file.string() + "-wal");
    std::filesystem::remove(file.string() + "-shm");
    { std::ofstream(file) << "this is not a database, just text that is long enough to matter"; }
    CHECK(duban::test::thrown([&] { Store::open(file, store::Create::if_missing); }).kind ==
          duban::Kind::store_damaged);
  }

  TEST_CASE("a case round-trips with every field and its co-units in order") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    auto c = sample("AAAA-BBBB", "新华社区路灯不亮");
    c.description = "三盏路灯";
    c.status = store::Status::listed;
    c.lead_unit = "cgj";
    c.co_units = {"rsj", "city"};
    c.due_at = test::at("2025-11-01");
    s.write([&] { s.insert_case(c); });
    const auto back = s.find_case(c.id);
    REQUIRE(back);
    CHECK(back->title == "新华社区路灯不亮");
    CHECK(back->co_units == std::vector<std::string>{"rsj", "city"});
    CHECK(back->due_at == c.due_at);
    CHECK(back->received_at == c.received_at);
    CHECK(s.find_case_by_receipt("AAAA-BBBB")->id == c.id);
    CHECK_FALSE(s.find_case(c.id + 1));
  }

  TEST_CASE("a case with every instant set is written and updated whole, only what changed") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    auto c = sample("CCCC-DDDD", "十一个时刻");
    c.status = store::Status::closed;
    c.lead_unit = "cgj";
    c.co_units = {"rsj"};
    c.outcome = "solved";
    int hour = 12;
    for (auto* t :
         {&c.first_assigned_at, &c.assigned_at, &c.ack_due, &c.acked_at, &c.due_at, &c.resolved_at,
          &c.closed_at, &c.suspended_at, &c.suspend_until, &c.extension_due})
      *t = test::at(fmt::format("2025-10-25 {}:00", hour++));
    s.write([&] { s.insert_case(c); });
    REQUIRE(s.find_case(c.id));
    CHECK(*s.find_case(c.id) == c);
    auto changed = c;
    changed.level = 2;
    changed.due_at = test::at("2025-11-30 17:00");
    changed.co_units = {"city", "rsj"};
    s.write([&] { s.update_case(changed); });
    CHECK(*s.find_case(c.id) == changed);
    s.write([&] { s.update_case(changed); });  // nothing changed: nothing written, nothing lost
    CHECK(*s.find_case(c.id) == changed);
  }

  TEST_CASE("a write that throws leaves nothing behind, and later writes still commit") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    CHECK_THROWS(s.write([&] {
      auto c = sample("AAAA-AAAA", "one");
      s.insert_case(c);
      throw std::runtime_error("halfway");
    }));
    CHECK(s.count_cases() == 0);
    s.write([&] {
      auto c = sample("BBBB-BBBB", "two");
      s.insert_case(c);
    });
    CHECK(s.count_cases() == 1);
  }

  TEST_CASE("the journal is append-only, and cases are never deleted") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    auto c = sample("AAAA-AAAA", "one");
    s.write([&] {
      s.insert_case(c);
      store::Event e;
      e.case_id = c.id;
      e.at = c.received_at;
      e.actor = "tester";
      e.action = store::Action::intake;
      s.append_event(e);
    });
    // The triggers' words come through as the store's own (value).
    const auto update =
        duban::test::thrown([&] { s.query_text("UPDATE journal SET actor = 'x'"); });
    CHECK(update.kind == duban::Kind::store_constraint);
    CHECK(update.fields.value.find("append-only") != std::string::npos);
    CHECK(duban::test::thrown([&] {
            s.query_text("DELETE FROM journal");
          }).fields.value.find("append-only") != std::string::npos);
    CHECK(duban::test::thrown([&] {
            s.query_text("DELETE FROM \"case\"");
          }).fields.value.find("never deleted") != std::string::npos);
    CHECK(s.events(c.id).size() == 1);
  }

  TEST_CASE("CHECK constraints refuse an impossible case") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    auto c = sample("AAAA-AAAA", "one");
    c.status = store::Status::listed;  // listed without a lead unit
    CHECK(duban::test::thrown([&] { s.write([&] { s.insert_case(c); }); }).kind ==
          duban::Kind::store_constraint);
    CHECK(s.count_cases() == 0);
  }

  TEST_CASE("a store missing a table says it is damaged, from a read too") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    s.query_text("DROP TABLE summons");
    const auto t = duban::test::thrown([&] { s.summons_of(1); });
    CHECK(t.kind == duban::Kind::store_damaged);
    CHECK(t.fields.value.find("no such table: summons") != std::string::npos);
  }

  TEST_CASE("a receipt is found whatever its case, spaces and dashes") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    auto c = sample("ABCD-EFGH", "路灯");
    s.write([&] { s.insert_case(c); });
    for (const auto* typed : {"ABCD-EFGH", "abcd-efgh", "abcdefgh", "ABCD EFGH", " ab-cd ef gh ",
                              "ABCD\xEF\xBC\x8D"
                              "EFGH"})
      CHECK(s.find_case_by_receipt(typed).has_value());
    CHECK_FALSE(s.find_case_by_receipt("ABCD-EFGX").has_value());
  }

  TEST_CASE("search finds two-character Chinese words by scan and longer ones by index") {
    auto s = Store::open(":memory:", store::Create::if_missing);
    s.write([&] {
      auto a = sample("AAAA-AAAA", "新华社区路灯不亮");
      auto b = sample("BBBB-BBBB", "井盖破损");
      b.address = "东新二路";
      s.insert_case(a);
      s.insert_case(b);
    });
    store::CaseFilter f;
    f.search = "路灯";
    CHECK(s.list_cases(f).size() == 1);
    f.search = "路";
    CHECK(s.list_cases(f).size() == 2);
    f.search = "路灯不亮";
    CHECK(s.list_cases(f).size() == 1);
    f.search = "东新二路";
    CHECK(s.list_cases(f).at(0).receipt == "BBBB-BBBB");
    f.search = "\"quoted\" OR x";  // FTS syntax in the query is text, not operators
    CHECK(s.list_cases(f).empty());
  }
}
