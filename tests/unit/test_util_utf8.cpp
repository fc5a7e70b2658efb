#include <doctest/doctest.h>

#include "util/utf8.hpp"

using namespace duban::util;

TEST_SUITE("util/utf8") {
  TEST_CASE("valid UTF-8 with Chinese text has no invalid offset") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("路灯不亮 street light"));
    CHECK_FALSE(find_invalid_utf8("环卫").has_value());
  }

  TEST_CASE("the offset of the first invalid byte is found") {
    CHECK(find_invalid_utf8("ab\xFF") == 2U);
    CHECK(find_invalid_utf8("路\xE4\xB8") == 3U);  // cut off at the end
  }

  TEST_CASE("overlong forms, surrogates and values past U+10FFFF are invalid") {
    CHECK_FALSE(is_valid_utf8("\xC0\x80"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));
  }

  TEST_CASE("Chinese characters are two columns wide") {
    CHECK(display_width("环卫工人工资") == 12);
    CHECK(display_width("A组") == 3);
    CHECK(display_width("") == 0);
  }

  TEST_CASE("fullwidth punctuation is wide and combining marks take no column") {
    CHECK(display_width("，") == 2);
    CHECK(display_width("e\xCC\x81") == 1);  // e + U+0301
  }

  TEST_CASE("an invalid byte counts as one column") { CHECK(display_width("a\xFF") == 2); }

  TEST_CASE("pad fills to a display width on either side and never truncates") {
    CHECK(pad("路灯", 6) == "路灯  ");
    CHECK(pad("路灯", 6, Align::right) == "  路灯");
    CHECK(pad("abc", 2) == "abc");
  }

  TEST_CASE("edit distance counts Chinese characters, not bytes") {
    CHECK(edit_distance("城管局", "城关局") == 1);
    CHECK(edit_distance("cgj", "cgk") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("same", "same") == 0);
  }

  TEST_CASE("characters are counted, not bytes") {
    CHECK(count_code_points("路灯") == 2);
    CHECK(count_code_points("路灯ab") == 4);
    CHECK(count_code_points("") == 0);
  }

  TEST_CASE("edit distance counts two swapped neighbours as one typo") {
    CHECK(edit_distance("titel", "title") == 1);
    CHECK(edit_distance("ctiy", "city") == 1);
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(edit_distance("abc", "ca") == 3);  // not a swap of neighbours in the same place
  }
}
