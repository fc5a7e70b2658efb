// The journal's one byte form and its hash chain (store/event.hpp).
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "store/event.hpp"

namespace duban {

TEST_SUITE("store_event") {
  store::Event sample() {
    store::Event e;
    e.id = 17;
    e.case_id = 3;
    e.at = test::at("2026-10-01T10:00:00+08:00");
    e.actor = "张敏";
    e.action = store::Action::assign;
    e.unit = "cgj";
    e.detail = {{"lead", "cgj"}, {"co", {"cjl"}}, {"due_at", "2026-10-20T15:59:59Z"}};
    return e;
  }

  TEST_CASE("an event encodes with sorted keys, UTC instants and its version, in one line") {
    CHECK(store::encode(sample()) ==
          R"({"action":"assign","actor":"张敏","at":"2026-10-01T02:00:00Z","case":3,)"
          R"("detail":{"co":["cjl"],"due_at":"2026-10-20T15:59:59Z","lead":"cgj"},"id":17,)"
          R"("unit":"cgj","v":1})");
  }

  TEST_CASE("the encoding is nlohmann's compact sorted form of the event, byte for byte") {
    // The chain of every store already written depends on these bytes.
    auto reference = [](const store::Event& e) {
      return nlohmann::json{{"v", store::k_encoding_version},
                            {"id", e.id},
                            {"case", e.case_id},
                            {"at", time::format_utc(e.at)},
                            {"actor", e.actor},
                            {"action", std::string(store::to_string(e.action))},
                            {"unit", e.unit ? nlohmann::json(*e.unit) : nlohmann::json(nullptr)},
                            {"detail", e.detail}}
          .dump();
    };
    auto e = sample();
    CHECK(store::encode(e) == reference(e));
    e.actor = "引号\"反斜杠\\换行\n制表\t\x01\x7f";
    e.unit.reset();
    e.action = store::Action::give_back;
    e.detail = {{"title", "路灯 \"坏\"\r\n"}, {"meeting", 12}, {"confidential", true}};
    CHECK(store::encode(e) == reference(e));
    CHECK(store::encode(e, store::detail_text(e.detail)) == reference(e));
    e.actor = "\xff";
    CHECK_THROWS_AS(store::encode(e), std::invalid_argument);
  }

  TEST_CASE("a JSON string is written as nlohmann dumps it, byte for byte") {
    const std::string texts[] = {"",
                                 "路灯不亮",
                                 "plain ascii 123",
                                 "引号\"反斜杠\\换行\n回车\r制表\t",
                                 std::string("\x00\x01\x08\x0b\x0c\x1f\x7f", 7),
                                 "\xc2\x80\xc2\x9f \xe2\x80\xa8 \xf0\x9f\x98\x80 \xef\xbf\xbf",
                                 "/ slash < > & '"};
    for (const auto& t : texts) {
      std::string out = "x";
      store::append_json_string(out, t);
      CHECK(out == "x" + nlohmann::json(t).dump());
    }
    // Not UTF-8: a stray continuation byte, an overlong form, a surrogate,
    // a sequence cut short, beyond U+10FFFF.
    for (const std::string bad :
         {"\x80", "\xc0\xaf", "\xed\xa0\x80", "ab\xe8\xb7", "\xf4\x90\x80\x80"}) {
      std::string out;
      CHECK_THROWS_AS(store::append_json_string(out, bad), std::invalid_argument);
      CHECK_THROWS_AS((void)nlohmann::json(bad).dump(), nlohmann::json::exception);
    }
  }

  TEST_CASE("decode reads back exactly what encode wrote") {
    const auto e = sample();
    const auto back = store::decode(store::encode(e));
    CHECK(back.id == e.id);
    CHECK(back.case_id == e.case_id);
    CHECK(back.at == e.at);
    CHECK(back.actor == e.actor);
    CHECK(back.action == e.action);
    CHECK(back.unit == e.unit);
    CHECK(back.detail == e.detail);
    CHECK(store::encode(back) == store::encode(e));
    CHECK_THROWS_AS(store::decode(R"({"v":2})"), std::invalid_argument);
  }

  TEST_CASE("the chain hash is SHA-256 of the previous hash, a line feed and the encoding") {
    // sha256("0...0\n{}") computed with coreutils: printf '%064d\n{}' 0 | sha256sum
    CHECK(store::chain_hash(store::k_chain_start, "{}") ==
          "5649d09ed68c17156095d175eef152856c5b1a81c117c409c1e00f096aa6838e");
  }

  TEST_CASE("every action has one name, and the journal's 'return' is give_back") {
    for (auto a : {store::Action::intake, store::Action::assign, store::Action::ack,
                   store::Action::give_back, store::Action::note, store::Action::resolve,
                   store::Action::close, store::Action::reopen, store::Action::followup,
                   store::Action::escalate})
      CHECK(store::parse_action(store::to_string(a)) == a);
    CHECK(store::to_string(store::Action::give_back) == "return");
    CHECK_FALSE(store::parse_action("delete"));
  }
}

}  // namespace duban
