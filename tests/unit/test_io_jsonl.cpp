#include <doctest/doctest.h>

#include "io/records.hpp"
#include "util/error.hpp"

using duban::Error;
using duban::Exit;
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
    try {
      read_jsonl("{\"title\":\"a\"}\n{\"title\": }\n", "a.jsonl");
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.code() == Exit::data);
      CHECK(std::string(error.what()).starts_with("a.jsonl:2: invalid JSON: "));
    }
  }

  TEST_CASE("a line that is not an object names its line") {
    CHECK_THROWS_WITH_AS(read_jsonl("{}\n\n[1, 2]\n", "a.jsonl"),
                         "a.jsonl:3: expected a JSON object, not array", Error);
    CHECK_THROWS_WITH_AS(read_jsonl("\"title\"", "a.jsonl"),
                         "a.jsonl:1: expected a JSON object, not string", Error);
  }

  TEST_CASE("invalid UTF-8 names its line") {
    CHECK_THROWS_WITH_AS(read_jsonl("{}\n{\"title\": \"\xC2\xB7\xB5\xC6\"}\n", "a.jsonl"),
                         "a.jsonl:2: invalid UTF-8", Error);
  }

  TEST_CASE("an object value names its key") {
    CHECK_THROWS_WITH_AS(
        read_jsonl("{\"town\": {\"name\": \"x\"}}", "a.jsonl"),
        "a.jsonl:1: 'town' must be a string, a number or an array of strings, not an object",
        Error);
  }

  TEST_CASE("a nested array or an array with a non-string is refused") {
    CHECK_THROWS_WITH_AS(read_jsonl("{\"co_units\": [[\"a\"]]}", "a.jsonl"),
                         "a.jsonl:1: 'co_units' must be an array of strings", Error);
    CHECK_THROWS_WITH_AS(read_jsonl("{\"co_units\": [\"a\", 1]}", "a.jsonl"),
                         "a.jsonl:1: 'co_units' must be an array of strings", Error);
  }

  TEST_CASE("a duplicate key is refused rather than silently dropped") {
    CHECK_THROWS_WITH_AS(read_jsonl("{\"title\": \"a\", \"title\": \"b\"}", "a.jsonl"),
                         "a.jsonl:1: duplicate key 'title'", Error);
  }

  TEST_CASE("a NUL byte in a JSON Lines file is refused as bad data naming its line") {
    using namespace std::string_literals;
    try {
      read_jsonl("{\"title\": \"a\"}\n{\"title\": \"b\0\"}\n"s, "a.jsonl");
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.code() == Exit::data);
      CHECK(std::string(error.what()).starts_with("a.jsonl:2: NUL byte"));
    }
  }

  TEST_CASE("a NUL written as \\u0000 in a JSON string is refused too") {
    CHECK_THROWS_WITH_AS(read_jsonl("{\"title\": \"a\\u0000b\"}\n", "a.jsonl"),
                         "a.jsonl:1: 'title' holds a NUL (\\u0000)", Error);
    CHECK_THROWS_WITH_AS(read_jsonl("{\"co_units\": [\"x\\u0000\"]}\n", "a.jsonl"),
                         "a.jsonl:1: 'co_units' holds a NUL (\\u0000)", Error);
  }
}
