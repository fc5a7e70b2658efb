#include <doctest/doctest.h>

#include "cases/view.hpp"

using duban::cases::Json;
using duban::cases::mask_contact;
using duban::cases::mask_phone;

TEST_SUITE("cases/view") {
  TEST_CASE("a mobile phone keeps its first 3 and last 4 digits") {
    CHECK(mask_phone("13800000001") == "138****0001");
    CHECK(mask_phone("010-62345678") == "010*****5678");
    CHECK(mask_phone("12345678") == "123*5678");
  }

  TEST_CASE("a phone of fewer than 8 digits shows only its last 2") {
    CHECK(mask_phone("1234567") == "*****67");
    CHECK(mask_phone("110") == "*10");
    CHECK(mask_phone("12") == "12");
    CHECK(mask_phone("").empty());
  }

  TEST_CASE("a phone masked already is shown as it is") {
    CHECK(mask_phone("138****1234") == "138****1234");
    CHECK(mask_phone(mask_phone("13800000001")) == "138****0001");
    CHECK(mask_phone(mask_phone("1234567")) == "*****67");
  }

  TEST_CASE("a phone with non-ASCII characters is masked by character, not byte") {
    CHECK(mask_phone("１３８00000001") == "１３８****0001");
  }

  TEST_CASE("mask_contact masks the phone of a case object and nothing else") {
    Json c{{"id", 1}, {"requester", "张三"}, {"phone", "13800000001"}};
    mask_contact(c);
    CHECK(c["phone"] == "138****0001");
    CHECK(c["requester"] == "张三");
    Json none{{"id", 2}, {"phone", nullptr}};
    mask_contact(none);
    CHECK(none["phone"].is_null());
  }
}
