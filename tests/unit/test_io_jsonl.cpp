#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "io/records.hpp"
#include "util/error.hpp"

using duban::Error;
using duban::Kind;
namespace test = duban::test;
using duban::io::read_jsonl;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_SUITE("io/jsonl") {
  TEST_CASE("each line becomes a record with its keys in source order") {
    const auto records = read_jsonl("{\"title\": \"路灯不亮\", \"town\": \"城关镇\"}\n"
                                    "{\"town\": \"东山镇\", \"title\": \"垃圾清运\"}\n",
                                    "a.jsonl");
    REQUIRE(records.size() == 2);
    CHECK(records[0].line == 1);
    CHECK(records[0].fields == Fields{{"title", "路灯不亮"}, {"town", "城关镇"}});
    CHECK(records[1].line == 2);
    CHECK(records[1].fields == Fields{{"town", "东山镇"}, {"title", "垃圾清运"}});
  }

  TEST_CASE("a leading BOM, CRLF and blank lines are accepted") {
    const auto records =
        read_jsonl("\xEF\xBB\xBF{\"title\":\"a\"}\r\n\r\n  \n{\"title\":\"b\"}", "a.jsonl");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields == Fields{{"title", "a"}});
    CHECK(records[1].line == 4);
  }

  TEST_CASE("numbers keep their JSON text, booleans read true or false, nulls are left out") {
    const auto records = read_jsonl(
        "{\"level\": 2, \"score\": 4.5, \"phone\": 13800138000, \"urgent\": true, \"town\": null}",
        "a.jsonl");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields ==
          Fields{{"level", "2"}, {"score", "4.5"}, {"phone", "13800138000"}, {"urgent", "true"}});
  }

  TEST_CASE("an array of strings is joined with semicolons") {
    const auto records =
        read_jsonl("{\"co_units\": [\"城管局\", \"住建局\"], \"none\": []}", "a.jsonl");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields == Fields{{"co_units", "城管局;住建局"}, {"none", ""}});
  }

  TEST_CASE("an empty input has no records") {
    CHECK(read_jsonl("", "a.jsonl").empty());
    CHECK(read_jsonl("\n\n", "a.jsonl").empty());
  }

  TEST_CASE("invalid JSON names its line") {
    const auto t =
        test::thrown([] { read_jsonl("{\"title\":\"a\"}\n{\"title\": }\n", "a.jsonl"); });
    CHECK(t.kind == Kind::json_invalid);
    CHECK(t.at == "a.jsonl:2");
    CHECK_FALSE(t.fields.value.empty());
  }

  TEST_CASE("every bad line is reported, not only the first") {
    const auto t = test::thrown([] {
      read_jsonl("{\"title\": }\n{\"title\": \"ok\"}\n[1]\n{\"a\": 1, \"a\": 2}\n", "a.jsonl");
    });
    REQUIRE(t.kind == Kind::several);
    REQUIRE(t.faults.size() == 3);
    CHECK(t.faults[0].kind() == Kind::json_invalid);
    CHECK(t.faults[0].fields().line == 1);
    CHECK(t.faults[1].kind() == Kind::json_not_object);
    CHECK(t.faults[1].fields().line == 3);
    CHECK(t.faults[2].kind() == Kind::json_duplicate_key);
    CHECK(t.faults[2].fields().line == 4);
    CHECK(t.faults[2].fields().source == "a.jsonl");
  }

  TEST_CASE("a line that is not an object names its line") {
    const auto array = test::thrown([] { read_jsonl("{}\n\n[1, 2]\n", "a.jsonl"); });
    CHECK(array.kind == Kind::json_not_object);
    CHECK(array.at == "a.jsonl:3");
    CHECK(array.fields.value == "array");
    CHECK(test::thrown([] { read_jsonl("\"title\"", "a.jsonl"); }).fields.value == "string");
  }

  TEST_CASE("invalid UTF-8 names its line") {
    const auto t =
        test::thrown([] { read_jsonl("{}\n{\"title\": \"\xC2\xB7\xB5\xC6\"}\n", "a.jsonl"); });
    CHECK(t.kind == Kind::not_utf8_gb18030);
    CHECK(t.at == "a.jsonl:2");
    CHECK(test::thrown([] { read_jsonl("{\"title\": \"\xFF\"}\n", "a.jsonl"); }).kind ==
          Kind::not_utf8);
  }

  TEST_CASE("an object value names its key") {
    const auto t = test::thrown([] { read_jsonl("{\"town\": {\"name\": \"x\"}}", "a.jsonl"); });
    CHECK(t.kind == Kind::json_bad_value);
    CHECK(t.fields.field == "town");
  }

  TEST_CASE("a nested array or an array with a non-string is refused") {
    CHECK(test::thrown([] { read_jsonl("{\"co_units\": [[\"a\"]]}", "a.jsonl"); }).fields.field ==
          "co_units");
    CHECK(test::thrown([] { read_jsonl("{\"co_units\": [\"a\", 1]}", "a.jsonl"); }).kind ==
          Kind::json_bad_value);
  }

  TEST_CASE("a duplicate key is refused rather than silently dropped") {
    const auto t =
        test::thrown([] { read_jsonl("{\"title\": \"a\", \"title\": \"b\"}", "a.jsonl"); });
    CHECK(t.kind == Kind::json_duplicate_key);
    CHECK(t.fields.field == "title");
  }

  TEST_CASE("a NUL byte in a JSON Lines file is refused as bad data naming its line") {
    using namespace std::string_literals;
    const auto t =
        test::thrown([] { read_jsonl("{\"title\": \"a\"}\n{\"title\": \"b\0\"}\n"s, "a.jsonl"); });
    CHECK(t.kind == Kind::file_nul);
    CHECK(t.at == "a.jsonl:2");
  }

  TEST_CASE("a NUL written as \\u0000 in a JSON string is refused too") {
    const auto t = test::thrown([] { read_jsonl("{\"title\": \"a\\u0000b\"}\n", "a.jsonl"); });
    CHECK(t.kind == Kind::json_nul);
    CHECK(t.fields.field == "title");
    CHECK(test::thrown([] { read_jsonl("{\"co_units\": [\"x\\u0000\"]}\n", "a.jsonl"); }).kind ==
          Kind::json_nul);
  }
}
