// The catalogue and the wording of every kind of fault, checked whole: a
// placeholder a wording names but describe() does not fill would throw at
// the moment a user meets that fault, and a key with no words in one language
// would show ⟦key⟧.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "catalogue.hpp"
#include "errors.hpp"

using namespace duban;
using namespace duban::cmd;

namespace {

bool has_cjk(std::string_view text) {
  // Every CJK ideograph and CJK punctuation mark starts with a byte 0xE3..0xE9
  // in UTF-8; ASCII and Latin text has none.
  for (unsigned char c : text)
    if (c >= 0xE3 && c <= 0xE9) return true;
  return false;
}

std::size_t braces(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += c == '{';
  return n;
}

// An error of `kind` with every field given, from the command line or a file.
Error full(Kind kind, bool from_file) {
  Fields f{.field = "due_at",
           .value = "listed",
           .nearest = "cgj",
           .case_id = 3,
           .source = from_file ? "cases.csv" : "",
           .line = from_file ? 4 : 0,
           .choices = {"received", "listed"}};
  Error e(kind, f);
  e.faults.push_back(Error(Kind::required, {.field = "title", .source = "cases.csv", .line = 2}));
  return e;
}

}  // namespace

TEST_SUITE("cmd/words") {
  TEST_CASE("every kind of fault is worded in zh and en, with an exit code of SPEC §6") {
    const std::set<int> codes = {64, 65, 66, 69, 73, 74, 75, 78};
    const Catalogue zh(Lang::zh), en(Lang::en);
    for (int k = 0; k <= static_cast<int>(k_last_kind); ++k) {
      const auto kind = static_cast<Kind>(k);
      for (bool from_file : {false, true}) {
        CAPTURE(k);
        CAPTURE(from_file);
        const auto e = full(kind, from_file);
        std::string zh_text, en_text;
        REQUIRE_NOTHROW(zh_text = describe(e, zh));
        REQUIRE_NOTHROW(en_text = describe(e, en));
        CHECK_FALSE(zh_text.empty());
        CHECK_FALSE(en_text.empty());
        CHECK(zh_text.find("⟦") == std::string::npos);
        CHECK(en_text.find("⟦") == std::string::npos);
        CHECK(has_cjk(zh_text));
        CHECK_FALSE(has_cjk(en_text));
        CHECK(codes.count(exit_code(e)) == 1);
      }
    }
  }

  TEST_CASE("a value's fault is 64 on the command line and 65 in a file") {
    CHECK(exit_code(full(Kind::not_a_when, false)) == 64);
    CHECK(exit_code(full(Kind::not_a_when, true)) == 65);
    CHECK(exit_code(full(Kind::unknown_unit, false)) == 69);
    CHECK(exit_code(full(Kind::unknown_unit, true)) == 65);
    CHECK(exit_code(full(Kind::store_busy, false)) == 75);
    CHECK(exit_code(full(Kind::config_unknown_key, true)) == 78);
  }

  TEST_CASE("where a fault lies: the option on the command line, file:line: field from a file") {
    const Catalogue en(Lang::en);
    CHECK(describe(Error(Kind::required, {.field = "reason"}), en) == "--reason is required");
    CHECK(describe(Error(Kind::required, {.field = "title", .source = "a.csv", .line = 3}), en) ==
          "a.csv:3: title is required");
    CHECK(option_of("lead_unit") == "--lead");
    CHECK(option_of("received_at") == "--received");
    CHECK(option_of("due_within") == "--due-within");
  }

  TEST_CASE("every catalogue entry has words in both languages, with the same placeholders") {
    std::set<std::string_view> keys;
    for (auto part : {words_common(), words_help(), words_reports()}) {
      for (const auto& e : part) {
        CAPTURE(e.key);
        CHECK(keys.insert(e.key).second);  // each key once in the whole catalogue
        CHECK_FALSE(e.zh.empty());
        CHECK_FALSE(e.en.empty());
        CHECK(braces(e.zh) == braces(e.en));
      }
    }
    CHECK(keys.size() > 300);
  }
}
