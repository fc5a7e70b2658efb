#include <doctest/doctest.h>
#include <utf8proc.h>

#include <optional>
#include <string>

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

  TEST_CASE("every three-byte sequence led by E0..EF is judged as utf8proc judges it") {
    // find_invalid_utf8 passes most three-byte forms without decoding them:
    // each of the 16 * 256 * 256 sequences, after an ASCII byte and before
    // one, against utf8proc's decoder.
    auto reference = [](const std::string& text) -> std::optional<std::size_t> {
      for (std::size_t pos = 0; pos < text.size();) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(&text[pos]),
                                        static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0) return pos;
        pos += static_cast<std::size_t>(n);
      }
      return std::nullopt;
    };
    std::size_t differ = 0, valid = 0;
    for (int lead = 0xE0; lead <= 0xEF; ++lead)
      for (int b1 = 0; b1 < 256; ++b1)
        for (int b2 = 0; b2 < 256; ++b2) {
          const std::string text{'a', char(lead), char(b1), char(b2), 'z'};
          const auto expected = reference(text);
          if (find_invalid_utf8(text) != expected) ++differ;
          if (!expected) ++valid;
        }
    CHECK(differ == 0);
    // E0 A0..BF, E1..EC and EE..EF 80..BF, ED 80..9F, each with 80..BF.
    CHECK(valid == (32 + 12 * 64 + 2 * 64 + 32) * 64);
    CHECK(find_invalid_utf8("\xEF\xBF") == 0U);  // cut off
    CHECK(find_invalid_utf8("\xE4\xB8\xAD\xE4") == 3U);
  }

  TEST_CASE("Chinese characters are two columns wide") {
    CHECK(display_width("环卫工人工资") == 12);
    CHECK(display_width("A组") == 3);
    CHECK(display_width("") == 0);
    CHECK(display_width("2025-10-01 09:00 cgj") == 20);
    CHECK(display_width("a\tb\x1b") == 2);  // controls take no column, as utf8proc says
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

  TEST_CASE("escape_controls shows line breaks, tabs and ESC as visible escapes") {
    CHECK(escape_controls("路灯不亮 ok") == "路灯不亮 ok");
    CHECK(escape_controls("a\nb\r\nc\td") == "a\\nb\\r\\nc\\td");
    CHECK(escape_controls("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
    CHECK(escape_controls(std::string_view("a\0b", 3)) == "a\\x00b");
    CHECK(escape_controls("\x07\x7f") == "\\x07\\x7f");
  }

  TEST_CASE("escape_controls defuses an OSC 8 hyperlink") {
    const auto shown = escape_controls("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\");
    CHECK(shown.find('\x1b') == std::string::npos);
    CHECK(shown == "\\x1b]8;;https://evil.example\\x1b\\\\click\\x1b]8;;\\x1b\\\\");
  }

  TEST_CASE("escape_controls shows C1 controls and bidi overrides as \\u escapes") {
    CHECK(escape_controls("\u0085\u009b") == "\\u0085\\u009b");
    CHECK(escape_controls("abc\u202edcba") == "abc\\u202edcba");
    CHECK(escape_controls("\u202a\u202b\u202c\u202d") == "\\u202a\\u202b\\u202c\\u202d");
    CHECK(escape_controls("\u2066\u2067\u2068\u2069") == "\\u2066\\u2067\\u2068\\u2069");
    CHECK(escape_controls("\u200e\u200f\u061c") == "\\u200e\\u200f\\u061c");
    CHECK(escape_controls("\u2028") == "\\u2028");
    CHECK(escape_controls("\u00a0é") == "\u00a0é");  // not controls: unchanged
  }

  TEST_CASE("escape_controls keeps a backslash readable and unambiguous") {
    CHECK(escape_controls("C:\\new") == "C:\\\\new");
    CHECK(escape_controls("\\n") != escape_controls("\n"));
  }

  TEST_CASE("escape_controls shows an invalid byte as \\x, never raw") {
    CHECK(escape_controls("a\x9b"
                          "31m") == "a\\x9b31m");
    CHECK(is_valid_utf8(escape_controls("\xff\xfe路")));
  }
}
