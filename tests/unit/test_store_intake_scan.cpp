// An as-of replay reads an intake's title, class and receipt by scanning its
// detail: whenever the scan answers, it must answer what parsing the detail
// whole says; and it must refuse what it cannot read for certain.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "store/intake_scan.hpp"

using duban::store::IntakeTold;
using duban::store::scan_intake;

namespace {

std::optional<std::string> text_of(const nlohmann::json& d, const char* key) {
  const auto it = d.find(key);
  if (it == d.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// The scan's answer, checked against nlohmann's reading; false when it refused.
bool agrees(const std::string& detail) {
  IntakeTold told;
  if (!scan_intake(detail, told)) return false;
  const auto d = nlohmann::json::parse(detail);
  CAPTURE(detail);
  CHECK(told.title == d.contains("title"));
  CHECK(told.klass == text_of(d, "class"));
  CHECK(told.receipt == text_of(d, "receipt"));
  return true;
}

}  // namespace

TEST_SUITE("intake scan") {
  TEST_CASE("what duban writes, and plain JSON laid out otherwise, is read as parsing reads it") {
    for (const std::string detail : {
             R"({"address":"洋溪镇","category":"路灯","channel":"12345","class":"B",)"
             R"("receipt":"YPJD-HEZG","title":"沙阳村路灯不亮"})",
             R"({"receipt":"R1","title":"t"})",
             R"({"title":"只有标题"})",
             R"({"receipt":"R1","meeting":3})",  // an older duban's: no title
             R"({})",
             " { \"title\" : \"t\" ,\n\t\"class\" :\r\"A\" , \"receipt\":\"X-1\" } ",
             R"({"title":null,"class":null,"receipt":7})",
             R"({"title":"引号\"和\\反斜杠 {}[],:","class":"C"})",
             R"({"co":["a","b"],"nested":{"class":"Z","receipt":"no","deep":[{"x":"}"}]},)"
             R"("class":"A","receipt":"R","title":"t"})",
             R"({"confidential":true,"meeting":12,"ratio":-1.5e3,"none":null,"title":""})",
             R"({"title":"t","class":["A"],"receipt":{"v":"R"}})",
             R"({"description":"\u8def\u706f","title":"\ud840\udc00"})",
         }) {
      CHECK(agrees(detail));
    }
  }

  TEST_CASE("what the scan cannot read for certain it refuses, and the event is read whole") {
    for (const std::string detail : {
             R"({"title":"a","title":"b"})",                // a repeated key
             R"({"class":"A","receipt":"R","class":"B"})",  // which class?
             R"({"cl\u0061ss":"B","title":"t"})",           // an escaped key
             R"({"title":"t","class":"\u0041"})",           // an escaped wanted value
             R"({"title":"t","receipt":"R\"1"})",
             R"(["title"])",  // not an object
             R"("title")",
             R"({"title":"t"} {})",  // more than one value
             "",
         }) {
      IntakeTold told;
      CAPTURE(detail);
      CHECK_FALSE(scan_intake(detail, told));
    }
  }
}
