// Shared by the unit tests: a config from TOML text and an in-memory store,
// so each test states the clock, the config and the data it relies on.
#pragma once

#include <string>
#include <string_view>

#include "cases/cases.hpp"
#include "catalogue.hpp"
#include "config/config.hpp"
#include "store/store.hpp"
#include "util/error.hpp"

namespace duban::test {

inline config::Config config_from(std::string_view toml) {
  return config::parse(toml, "test.toml", ":memory:");
}

// The word catalogue of cmd/, for renderers that take words.
inline const cmd::Catalogue& words(cmd::Lang lang = cmd::Lang::zh) {
  static const cmd::Catalogue zh(cmd::Lang::zh), en(cmd::Lang::en);
  return lang == cmd::Lang::zh ? zh : en;
}

inline time::Instant at(std::string_view when) {
  return *time::parse_when(when, time::Zone::locate("Asia/Shanghai"));
}

// A small city: the 2025 National Day holiday, three units, two categories.
inline constexpr std::string_view k_city = R"(
timezone = "Asia/Shanghai"
[calendar]
holidays = ["2025-10-01..2025-10-08"]
workdays = ["2025-09-28", "2025-10-11"]
[[unit]]
code = "city"
name = "三明市"
[[unit]]
code = "cgj"
name = "市城市管理局"
parent = "city"
[[unit]]
code = "rsj"
name = "市人社局"
parent = "city"
[[category]]
code = "wages"
name = "工资待遇"
[[category]]
code = "streetlight"
name = "路灯照明"
[[deadlines.rule]]
channel = "hotline"
ack = "2h"
resolve = "5wd"
)";

struct World {
  config::Config config = config_from(k_city);
  store::Store store = store::Store::open(":memory:", store::Create::if_missing);
  cases::Context at_time(std::string_view when) { return {store, config, at(when), "tester"}; }
};

// What `f` throws, placed: the kind, "source:line" (or "source" with no
// line) and the fields. No kind, and at "none", when it throws nothing.
struct Thrown {
  std::optional<Kind> kind;
  std::string at = "none";
  Fields fields;
  std::vector<Error> faults;
};
template <class F> Thrown thrown(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    const auto& x = e.fields();
    return {e.kind(), x.line > 0 ? x.source + ":" + std::to_string(x.line) : x.source, x, e.faults};
  }
  return {};
}

}  // namespace duban::test
