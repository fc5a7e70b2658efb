#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "io/records.hpp"
#include "util/error.hpp"

using duban::Error;
using duban::Kind;
namespace test = duban::test;
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
    const auto t = test::thrown([] { read_csv("title\n路灯\n\xFF\xFE\xFD\n", "hotline.csv"); });
    CHECK(t.kind == Kind::not_utf8);
    CHECK(t.at == "hotline.csv:3");
  }

  TEST_CASE("invalid UTF-8 that reads as GB18030 says so") {
    // 路灯 saved by WPS in GB18030, on line 3.
    const auto t = test::thrown([] { read_csv("title\n路灯\n\xC2\xB7\xB5\xC6\n", "hotline.csv"); });
    CHECK(t.kind == Kind::not_utf8_gb18030);
    CHECK(t.at == "hotline.csv:3");
  }

  TEST_CASE("a CSV row with one cell too many names its line") {
    const auto t = test::thrown([] { read_csv("title,town\nx,y\nx,y,z\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_cell_count);
    CHECK(t.at == "a.csv:3");
    CHECK(t.fields.value == "3");
    CHECK(t.fields.choices == std::vector<std::string>{"2"});
  }

  TEST_CASE("a row with too few cells names its line after a multi-line cell") {
    const auto t = test::thrown([] { read_csv("title,town\n\"a\nb\",y\nx\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_cell_count);
    CHECK(t.at == "a.csv:4");
    CHECK(t.fields.value == "1");
  }

  TEST_CASE("a duplicate header name is refused") {
    const auto t = test::thrown([] { read_csv("title,town,title\nx,y,z\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_duplicate_column);
    CHECK(t.at == "a.csv:1");
    CHECK(t.fields.value == "title");
  }

  TEST_CASE("Chinese headers name the fields of SPEC §9") {
    const auto records =
        read_csv("标题,内容,来源,类别,分类,反映人,联系电话,街道,社区,地址,会议,受理时间\n"
                 "路灯不亮,三盏,hotline,streetlight,b,王,138,城关,东门,路口,1,2025/9/27 9:00\n",
                 "wps.csv");
    REQUIRE(records.size() == 1);
    std::vector<std::string> names;
    for (const auto& [name, value] : records[0].fields) names.push_back(name);
    CHECK(names == std::vector<std::string>{"title", "description", "channel", "category", "class",
                                            "requester", "phone", "town", "village", "address",
                                            "meeting", "received_at"});
    CHECK(records[0].fields[0].second == "路灯不亮");
    CHECK(read_csv("描述,电话,乡镇,村,诉求人,渠道,代办员\na,b,c,d,e,f,g\n", "a.csv")[0]
              .fields[6]
              .first == "proxy");
  }

  TEST_CASE("a Chinese header and its English name are one column twice") {
    const auto t = test::thrown([] { read_csv("title,标题\nx,y\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_duplicate_column);
    CHECK(t.fields.value == "标题");
    CHECK(test::thrown([] { read_csv("描述,内容\nx,y\n", "a.csv"); }).kind ==
          Kind::csv_duplicate_column);
  }

  TEST_CASE("an empty header name is refused") {
    const auto t = test::thrown([] { read_csv("title,,town\nx,y,z\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_unnamed_column);
    CHECK(t.at == "a.csv:1");
    CHECK(t.fields.value == "2");
  }

  TEST_CASE("a quote that is never closed names the line its row starts on") {
    const auto t = test::thrown([] { read_csv("title,town\nx,y\nx,\"y\nz\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_unclosed_quote);
    CHECK(t.at == "a.csv:3");
  }

  TEST_CASE("a stray quote in a cell names its line") {
    const auto t = test::thrown([] { read_csv("title,town\nx,y\"z\n", "a.csv"); });
    CHECK(t.kind == Kind::csv_stray_quote);
    CHECK(t.at == "a.csv:2");
    CHECK(test::thrown([] { read_csv("title,town\nx,\"y\"z\n", "a.csv"); }).kind ==
          Kind::csv_stray_quote);
  }

  TEST_CASE("a NUL byte in a CSV file is refused as bad data naming its line") {
    using namespace std::string_literals;
    const auto t = test::thrown([] { read_csv("title\n路灯\nx\0y\n"s, "hotline.csv"); });
    CHECK(t.kind == Kind::file_nul);
    CHECK(t.at == "hotline.csv:3");
  }
}
