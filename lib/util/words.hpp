// The words a person reads, looked up by stable keys. The library names
// keys only; the catalogue in cmd/ holds every word in zh and en (SPEC §10).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace duban {

class Words {
public:
  virtual ~Words() = default;
  // The text of `key` ("status.received" → 已受理 or "received").
  virtual std::string_view text(std::string_view key) const = 0;
  std::string_view operator()(std::string_view key) const { return text(key); }
  // The text of `key` with its {} placeholders filled in order.
  template <typename... Args> std::string format(std::string_view key, const Args&... args) const {
    return fmt::vformat(text(key), fmt::make_format_args(args...));
  }
};

}  // namespace duban
