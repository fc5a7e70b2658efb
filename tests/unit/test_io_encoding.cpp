#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "io/records.hpp"
#include "util/error.hpp"

using duban::Error;
using duban::Kind;
namespace test = duban::test;
using duban::io::to_utf8;

TEST_SUITE("io/encoding") {
  TEST_CASE("GB18030 bytes of 路灯 convert to UTF-8") {
    CHECK(to_utf8("\xC2\xB7\xB5\xC6", "gb18030", "a.csv") == "路灯");
    CHECK(to_utf8("title\n\xC2\xB7\xB5\xC6\n", "GB18030", "a.csv") == "title\n路灯\n");
  }

  TEST_CASE("GBK is accepted as an encoding name") {
    CHECK(to_utf8("\xC2\xB7\xB5\xC6", "gbk", "a.csv") == "路灯");
  }

  TEST_CASE("UTF-8 input is returned unchanged, even if invalid") {
    CHECK(to_utf8("路灯\xFF", "utf-8", "a.csv") == "路灯\xFF");
    CHECK(to_utf8("x", "UTF8", "a.csv") == "x");
  }

  TEST_CASE("an empty input converts to an empty string") {
    CHECK(to_utf8("", "gb18030", "a.csv").empty());
  }

  TEST_CASE("a long GB18030 input converts whole") {
    std::string gb;
    std::string utf8;
    for (int i = 0; i < 5000; ++i) {
      gb += "\xC2\xB7\xB5\xC6\n";
      utf8 += "路灯\n";
    }
    CHECK(to_utf8(gb, "gb18030", "a.csv") == utf8);
  }

  TEST_CASE("an input that outgrows the first output buffer converts whole") {
    CHECK(to_utf8(std::string(1000, '\xE9'), "latin1", "a.csv").size() == 2000);
  }

  TEST_CASE("a byte that is not GB18030 names its line") {
    const auto t =
        test::thrown([] { to_utf8("title\n\xC2\xB7\n\xFF\xFF\n", "gb18030", "hotline.csv"); });
    CHECK(t.kind == Kind::bad_encoding_bytes);
    CHECK(t.at == "hotline.csv:3");
    CHECK(t.fields.value == "gb18030");
  }

  TEST_CASE("a multibyte sequence cut off at the end is invalid data") {
    const auto t = test::thrown([] { to_utf8("a\nb\xC2", "gb18030", "x.csv"); });
    CHECK(t.kind == Kind::bad_encoding_bytes);
    CHECK(t.at == "x.csv:2");
  }

  TEST_CASE("an unknown encoding is a usage error") {
    const auto t = test::thrown([] { to_utf8("x", "klingon", "a.csv"); });
    CHECK(t.kind == Kind::unknown_encoding);
    CHECK(t.fields.value == "klingon");
  }

  TEST_CASE("iconv options in an encoding name are refused") {
    CHECK(test::thrown([] { to_utf8("x", "gb18030//IGNORE", "a.csv"); }).kind ==
          Kind::unknown_encoding);
  }

  TEST_CASE("GB18030 asked for on UTF-8 Chinese is refused, for 路灯 would become 璺伅") {
    const auto t = test::thrown([] { to_utf8("title\n路灯\n", "gb18030", "a.csv"); });
    CHECK(t.kind == Kind::utf8_not_gb18030);
    CHECK(t.at == "a.csv:2");
    CHECK(test::thrown([] { to_utf8("title\n路灯\n", "GBK", "a.csv"); }).kind ==
          Kind::utf8_not_gb18030);
    // Plain ASCII is the same in both: nothing to refuse.
    CHECK(to_utf8("title\nlamp\n", "gb18030", "a.csv") == "title\nlamp\n");
  }
}
