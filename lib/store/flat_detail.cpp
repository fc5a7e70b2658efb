#include "store/flat_detail.hpp"

namespace duban::store {

bool read_flat_detail(std::string_view text, Detail& out) {
  std::size_t i = 0;
  const auto n = text.size();
  // A text at i (at its quote) of printable ASCII without an escape.
  auto plain = [&](std::string_view& value) {
    if (i >= n || text[i] != '"') return false;
    const auto from = ++i;
    for (; i < n && text[i] != '"'; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;
    }
    if (i >= n) return false;
    value = text.substr(from, i - from);
    ++i;
    return true;
  };
  auto word = [&](std::string_view w) {
    if (text.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };
  if (!word("{")) return false;
  Detail d = Detail::object();
  if (!word("}")) {
    while (true) {
      std::string_view key, value;
      if (!plain(key) || !word(":")) return false;
      std::string name(key);
      if (d.contains(name)) return false;
      if (i < n && text[i] == '"') {
        if (!plain(value)) return false;
        d[name] = std::string(value);
      } else if (word("true")) {
        d[name] = true;
      } else if (word("false")) {
        d[name] = false;
      } else if (word("null")) {
        d[name] = nullptr;
      } else if (word("[")) {
        Detail list = Detail::array();
        if (!word("]")) {
          while (true) {
            if (!plain(value)) return false;
            list.push_back(std::string(value));
            if (word("]")) break;
            if (!word(",")) return false;
          }
        }
        d[name] = std::move(list);
      } else {
        return false;
      }
      if (word("}")) break;
      if (!word(",")) return false;
    }
  }
  if (i != n) return false;
  out = std::move(d);
  return true;
}

}  // namespace duban::store
