#include <doctest/doctest.h>

#include "io/records.hpp"
#include "util/error.hpp"

using duban::Error;
using duban::Exit;
using duban::io::read_csv;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_SUITE("io/csv") {
  TEST_CASE("rows become records of header names and cells, with their lines") {
    const auto records = read_csv("title,town\n路灯不亮,城关镇\n垃圾清运,东山镇\n", "a.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].line == 2);
    CHECK(records[0].fields == Fields{{"title", "路灯不亮"}, {"town", "城关镇"}});
    CHECK(records[1].line == 3);
    CHECK(records[1].fields == Fields{{"title", "垃圾清运"}, {"town", "东山镇"}});
  }

  TEST_CASE("a last row without a newline is read") {
    const auto records = read_csv("title\n路灯", "a.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields == Fields{{"title", "路灯"}});
  }

  TEST_CASE("a leading BOM is stripped from the first header name") {
    const auto records = read_csv("\xEF\xBB\xBFtitle,town\nx,y\n", "a.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields.front().first == "title");
  }

  TEST_CASE("CRLF line endings as Excel writes them are read like LF") {
    const auto records = read_csv("title,town\r\n路灯,城关镇\r\n\r\n垃圾,东山镇\r\n", "a.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields == Fields{{"title", "路灯"}, {"town", "城关镇"}});
    CHECK(records[1].line == 4);
    CHECK(records[1].fields == Fields{{"title", "垃圾"}, {"town", "东山镇"}});
  }

  TEST_CASE("a quoted cell keeps an embedded newline, comma and doubled quote") {
    const auto records = read_csv("title,description,town\n"
                                  "路灯,\"第一行，\n第二行, \"\"亮\"\"\",城关镇\n"
                                  "垃圾,,东山镇\n",
                                  "a.csv");
    REQUIRE(records.size() == 2);
    CHECK(records[0].line == 2);
    CHECK(records[0].fields[1].second == "第一行，\n第二行, \"亮\"");
    CHECK(records[1].line == 4);  // the quoted newline moved it on
    CHECK(records[1].fields[1].second.empty());
  }

  TEST_CASE("CRLF inside a quoted cell becomes LF") {
    const auto records = read_csv("title,description\r\nx,\"a\r\nb\"\r\n", "a.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields[1].second == "a\nb");
  }

  TEST_CASE("blank lines and rows of empty cells are skipped") {
    const auto records = read_csv("\ntitle,town\n\n  \n,\nx,y\n,,\n", "a.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].line == 6);
  }

  TEST_CASE("spaces around unquoted cells are dropped, inside quotes kept") {
    const auto records = read_csv("title , town\n 路灯 ,\" 城关镇 \"\n", "a.csv");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields == Fields{{"title", "路灯"}, {"town", " 城关镇 "}});
  }

  TEST_CASE("an empty file has no records and is not an error") {
    CHECK(read_csv("", "a.csv").empty());
    CHECK(read_csv("\xEF\xBB\xBF", "a.csv").empty());
    CHECK(read_csv("title,town\n", "a.csv").empty());
  }

  TEST_CASE("invalid UTF-8 names its line") {
    try {
      read_csv("title\n路灯\n\xC2\xB7\xB5\xC6\n", "hotline.csv");
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.code() == Exit::data);
      CHECK(std::string(error.what()) == "hotline.csv:3: invalid UTF-8");
    }
  }

  TEST_CASE("a CSV row with one cell too many names its line") {
    CHECK_THROWS_WITH_AS(read_csv("title,town\nx,y\nx,y,z\n", "a.csv"),
                         "a.csv:3: 3 cells, but the header has 2 columns", Error);
  }

  TEST_CASE("a row with too few cells names its line after a multi-line cell") {
    CHECK_THROWS_WITH_AS(read_csv("title,town\n\"a\nb\",y\nx\n", "a.csv"),
                         "a.csv:4: 1 cells, but the header has 2 columns", Error);
  }

  TEST_CASE("a duplicate header name is refused") {
    CHECK_THROWS_WITH_AS(read_csv("title,town,title\nx,y,z\n", "a.csv"),
                         "a.csv:1: duplicate column 'title'", Error);
  }

  TEST_CASE("an empty header name is refused") {
    CHECK_THROWS_WITH_AS(read_csv("title,,town\nx,y,z\n", "a.csv"), "a.csv:1: column 2 has no name",
                         Error);
  }

  TEST_CASE("a quote that is never closed names the line its row starts on") {
    CHECK_THROWS_WITH_AS(read_csv("title,town\nx,y\nx,\"y\nz\n", "a.csv"),
                         "a.csv:3: quoted cell is never closed", Error);
  }

  TEST_CASE("a stray quote in a cell names its line") {
    CHECK_THROWS_WITH_AS(
        read_csv("title,town\nx,y\"z\n", "a.csv"),
        "a.csv:2: stray '\"' in a cell (quote the whole cell and double the quotes inside)", Error);
    CHECK_THROWS_AS(read_csv("title,town\nx,\"y\"z\n", "a.csv"), Error);
  }

  TEST_CASE("a NUL byte in a CSV file is refused as bad data naming its line") {
    using namespace std::string_literals;
    try {
      read_csv("title\n路灯\nx\0y\n"s, "hotline.csv");
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.code() == Exit::data);
      CHECK(std::string(error.what()).starts_with("hotline.csv:3: NUL byte"));
    }
  }
}
