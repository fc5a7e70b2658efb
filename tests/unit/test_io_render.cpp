#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "io/render.hpp"

using duban::io::cell_text;
using duban::io::Column;
using duban::io::Format;
using duban::io::Json;
using duban::io::parse_format;
using duban::io::render_rows;
using duban::io::RenderOptions;

namespace {

const std::vector<Column> k_columns{
    {"id", "id", true},
    {"title", "标题", false},
    {"lead_unit", "主办单位", false},
};

std::vector<Json> sample_rows() {
  return {
      Json{{"id", 1}, {"title", "环卫工人工资"}, {"lead_unit", "人社局"}},
      Json{{"id", 12}, {"title", "路灯 broken"}, {"lead_unit", "城管局"}},
  };
}

std::string render(const std::vector<Json>& rows, Format format,
                   const std::vector<Column>& columns = k_columns, RenderOptions options = {}) {
  std::ostringstream out;
  render_rows(out, columns, rows, format, options);
  return out.str();
}

}  // namespace

TEST_SUITE("io/render") {
  TEST_CASE("format names parse and print back") {
    for (const auto* name : {"table", "json", "jsonl", "csv", "tsv", "ids", "md", "html"}) {
      const auto format = parse_format(name);
      REQUIRE(format.has_value());
      CHECK(duban::io::to_string(*format) == name);
    }
    CHECK_FALSE(parse_format("xml").has_value());
    CHECK_FALSE(parse_format("JSON").has_value());
  }

  TEST_CASE("a table aligns Chinese and ASCII by display width") {
    CHECK(render(sample_rows(), Format::table) == "id  标题          主办单位\n"
                                                  " 1  环卫工人工资  人社局\n"
                                                  "12  路灯 broken   城管局\n");
  }

  TEST_CASE("a table has no trailing spaces when the last cells are empty or missing") {
    const std::vector<Json> rows{Json{{"id", 3}, {"title", "x"}, {"lead_unit", nullptr}},
                                 Json{{"id", 4}}};
    CHECK(render(rows, Format::table) == "id  标题  主办单位\n"
                                         " 3  x\n"
                                         " 4\n");
  }

  TEST_CASE("a table joins arrays with commas and shows line breaks escaped") {
    const std::vector<Column> columns{{"co_units", "协办", false}, {"note", "备注", false}};
    const std::vector<Json> rows{Json{{"co_units", {"城管局", "住建局"}}, {"note", "a\nb\tc"}}};
    CHECK(render(rows, Format::table, columns) == "协办            备注\n"
                                                  "城管局, 住建局  a\\nb\\tc\n");
  }

  TEST_CASE("a table title with ESC, an OSC 8 link or U+202E reaches no terminal raw") {
    const std::vector<Json> rows{
        Json{{"id", 1}, {"title", "\x1b[31m红\x1b[0m"}, {"lead_unit", "\u202e局"}},
        Json{{"id", 2}, {"title", "\x1b]8;;http://x\x07link\x1b]8;;\x07"}, {"lead_unit", "a\nb"}}};
    const auto text = render(rows, Format::table);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("\u202e") == std::string::npos);
    CHECK(text.find("\\x1b[31m红\\x1b[0m") != std::string::npos);
    CHECK(text.find("\\u202e局") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 3);  // a header and two rows
  }

  TEST_CASE("a table with no rows prints nothing") { CHECK(render({}, Format::table).empty()); }

  TEST_CASE("a colored table makes only its header bold") {
    RenderOptions options;
    options.color = true;
    CHECK(render(sample_rows(), Format::table, k_columns, options) ==
          "\x1b[1mid  标题          主办单位\x1b[0m\n"
          " 1  环卫工人工资  人社局\n"
          "12  路灯 broken   城管局\n");
    CHECK(render(sample_rows(), Format::table).find('\x1b') == std::string::npos);
  }

  TEST_CASE("json is a pretty array of whole rows in key order") {
    const std::vector<Json> rows{
        Json{{"id", 1}, {"title", "路灯"}, {"co_units", {"a", "b"}}, {"due_at", nullptr}}};
    CHECK(render(rows, Format::json) == "[\n"
                                        "  {\n"
                                        "    \"id\": 1,\n"
                                        "    \"title\": \"路灯\",\n"
                                        "    \"co_units\": [\n"
                                        "      \"a\",\n"
                                        "      \"b\"\n"
                                        "    ],\n"
                                        "    \"due_at\": null\n"
                                        "  }\n"
                                        "]\n");
  }

  TEST_CASE("json with no rows is an empty array") { CHECK(render({}, Format::json) == "[]\n"); }

  TEST_CASE("jsonl prints one compact object a line") {
    CHECK(render(sample_rows(), Format::jsonl) ==
          "{\"id\":1,\"title\":\"环卫工人工资\",\"lead_unit\":\"人社局\"}\n"
          "{\"id\":12,\"title\":\"路灯 broken\",\"lead_unit\":\"城管局\"}\n");
    CHECK(render({}, Format::jsonl).empty());
  }

  TEST_CASE("csv has a header of keys and quotes cells that need it") {
    const std::vector<Column> columns{
        {"id", "编号", true}, {"title", "标题", false}, {"co_units", "协办", false}};
    const std::vector<Json> rows{
        Json{{"id", 1}, {"title", "路灯, 不亮"}, {"co_units", {"城管局", "住建局"}}},
        Json{{"id", 2}, {"title", "说\"好\"的\n第二行"}},
        Json{{"id", 3}, {"title", " 前后空格 "}},
    };
    CHECK(render(rows, Format::csv, columns) == "id,title,co_units\n"
                                                "1,\"路灯, 不亮\",城管局;住建局\n"
                                                "2,\"说\"\"好\"\"的\n第二行\",\n"
                                                "3,\" 前后空格 \",\n");
    CHECK(render({}, Format::csv, columns) == "id,title,co_units\n");
  }

  TEST_CASE("tsv has a header of keys and turns tabs and newlines into spaces") {
    const std::vector<Json> rows{Json{{"id", 1}, {"title", "a\tb\nc"}, {"lead_unit", "城管局"}}};
    CHECK(render(rows, Format::tsv) == "id\ttitle\tlead_unit\n1\ta b c\t城管局\n");
  }

  TEST_CASE("a csv cell a spreadsheet would run as a formula starts with a quote") {
    const std::vector<Column> columns{
        {"id", "id", true}, {"title", "标题", false}, {"level", "level", true}};
    const std::vector<Json> rows{
        Json{{"id", 1}, {"title", "=HYPERLINK(\"x\")"}, {"level", -2}},
        Json{{"id", 2}, {"title", "+1"}, {"level", -0.5}},
        Json{{"id", 3}, {"title", "-1+2"}},
        Json{{"id", 4}, {"title", "@SUM(A1)"}},
        Json{{"id", 5}, {"title", "\tx"}},
        Json{{"id", 6}, {"title", "\rx"}},
        Json{{"id", 7}, {"title", "a=b"}},
    };
    CHECK(render(rows, Format::csv, columns) == "id,title,level\n"
                                                "1,\"'=HYPERLINK(\"\"x\"\")\",-2\n"
                                                "2,'+1,-0.5\n"
                                                "3,'-1+2,\n"
                                                "4,'@SUM(A1),\n"
                                                "5,'\tx,\n"
                                                "6,\"'\rx\",\n"
                                                "7,a=b,\n");
  }

  TEST_CASE("a csv array cell whose first item looks like a formula is made inert too") {
    const std::vector<Column> columns{{"co_units", "协办", false}};
    CHECK(render({Json{{"co_units", {"=1", "x"}}}}, Format::csv, columns) == "co_units\n'=1;x\n");
  }

  TEST_CASE("a tsv cell that would run as a formula starts with a quote, numbers stay") {
    const std::vector<Json> rows{Json{{"id", -1}, {"title", "=1+1"}, {"lead_unit", "\t@x"}}};
    CHECK(render(rows, Format::tsv) == "id\ttitle\tlead_unit\n-1\t'=1+1\t' @x\n");
  }

  TEST_CASE("ids prints the id of each row, one a line") {
    CHECK(render(sample_rows(), Format::ids) == "1\n12\n");
    CHECK(render({Json{{"title", "no id"}}}, Format::ids).empty());
  }

  TEST_CASE("md escapes pipes and right-aligns numeric columns") {
    const std::vector<Json> rows{Json{{"id", 7}, {"title", "a|b"}, {"lead_unit", "x\ny"}}};
    CHECK(render(rows, Format::md) == "| id | 标题 | 主办单位 |\n"
                                      "| ---: | --- | --- |\n"
                                      "| 7 | a\\|b | x<br>y |\n");
  }

  TEST_CASE("md escapes HTML in cells and headers") {
    const std::vector<Column> columns{{"title", "<b>标题</b>", false}};
    const std::vector<Json> rows{Json{{"title", "<script>alert(1)</script> & co"}}};
    CHECK(render(rows, Format::md, columns) ==
          "| &lt;b&gt;标题&lt;/b&gt; |\n"
          "| --- |\n"
          "| &lt;script&gt;alert(1)&lt;/script&gt; &amp; co |\n");
  }

  TEST_CASE("md shows ESC and bidi controls escaped, keeps line breaks as <br>") {
    CHECK(duban::io::md_text("a\x1b[31m\r\nb\u202e|") == "a\\x1b[31m<br>b\\u202e\\|");
  }

  TEST_CASE("html is not a row format") {
    CHECK_THROWS_AS(render(sample_rows(), Format::html), std::invalid_argument);
  }

  TEST_CASE("cell text of each kind of value") {
    CHECK(cell_text(Json(nullptr)).empty());
    CHECK(cell_text(Json("路灯")) == "路灯");
    CHECK(cell_text(Json(42)) == "42");
    CHECK(cell_text(Json(-3)) == "-3");
    CHECK(cell_text(Json(true)) == "true");
    CHECK(cell_text(Json(97.96)) == "97.96");
    CHECK(cell_text(Json(2.0)) == "2");
    CHECK(cell_text(Json(0.97959534)) == "0.979595");
    CHECK(cell_text(Json(1234567.5)) == "1234567.5");
    CHECK(cell_text(Json(-0.0000001)) == "0");
    CHECK(cell_text(Json::array({"a", "b"})) == "a;b");
    CHECK(cell_text(Json::array({"a", "b"}), ", ") == "a, b");
  }
}
