// A replay reads most events' details without the JSON parser: whenever that
// reading answers, it must be what the parser reads; and it must refuse what
// it cannot read for certain, so that the parser reads it instead.
#include <doctest/doctest.h>

#include <string>

#include "store/flat_detail.hpp"

using duban::store::Detail;
using duban::store::read_flat_detail;

namespace {

// The reading, checked against the parser's; false when it refused.
bool agrees(const std::string& text) {
  Detail d = Detail::object();
  d["left"] = "as it was";
  const Detail before = d;
  CAPTURE(text);
  if (!read_flat_detail(text, d)) {
    CHECK(d == before);  // nothing half-read
    return false;
  }
  const auto parsed = Detail::parse(text);
  CHECK(d == parsed);
  CHECK(d.dump() == parsed.dump());
  return true;
}

}  // namespace

TEST_SUITE("flat detail") {
  TEST_CASE("the details duban writes for most acts are read as the parser reads them") {
    CHECK(agrees("{}"));
    CHECK(agrees(R"({"outcome":"solved"})"));
    CHECK(agrees(R"({"ack_due":"2025-11-30T17:00:00Z","class":"C","co":[],)"
                 R"("due_at":"2025-12-05T15:59:59Z","lead":"scj"})"));
    CHECK(agrees(R"({"co":["zjj","cgj"],"lead":"rsj"})"));
    CHECK(agrees(R"({"whistle":true,"units":["a"],"note":null,"x":false,"e":""})"));
    CHECK(agrees(R"({"":"empty key"})"));
  }

  TEST_CASE("what it cannot read for certain is left to the parser") {
    // Numbers, spaces, escapes, text above ASCII, nesting, repeats, trailing text.
    for (const char* text : {R"({"level":2})",
                             R"({"a": "b"})",
                             R"( {"a":"b"})",
                             R"({"a":"b\"c"})",
                             R"({"a":"\u00e9"})",
                             "{\"reason\":\"改由\"}",
                             R"({"a":{"b":"c"}})",
                             R"({"a":[["b"]]})",
                             R"({"a":[1]})",
                             R"({"a":"b","a":"c"})",
                             R"({"a":"b"}x)",
                             R"({"a":"b"} )",
                             R"({"a":"b",})",
                             R"({"a":["b",]})",
                             R"({"a":tru})",
                             R"([])",
                             R"("a")",
                             "",
                             "{",
                             R"({"a")",
                             R"({"a":)",
                             R"({"a":"b)",
                             "{\"a\":\"b\tc\"}"}) {
      CHECK_FALSE(agrees(text));
    }
  }
}
