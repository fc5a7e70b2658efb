#include "store/intake_scan.hpp"

namespace duban::store {

bool scan_intake(std::string_view text, IntakeTold& out) {
  std::size_t i = 0;
  const auto n = text.size();
  auto blank = [&] {
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  // A string at i (at its quote): its bytes, and whether it held an escape.
  auto read_string = [&](std::string_view& value, bool& escaped) {
    if (i >= n || text[i] != '"') return false;
    const auto from = ++i;
    escaped = false;
    for (; i < n && text[i] != '"'; ++i) {
      if (static_cast<unsigned char>(text[i]) < 0x20) return false;
      if (text[i] == '\\') {
        escaped = true;
        if (++i >= n) return false;
      }
    }
    if (i >= n) return false;
    value = text.substr(from, i - from);
    ++i;
    return true;
  };
  // Any value at i, skipped; nested ones by their brackets.
  auto skip = [&] {
    int depth = 0;
    do {
      blank();
      if (i >= n) return false;
      const char c = text[i];
      if (c == '"') {
        std::string_view v;
        bool e = false;
        if (!read_string(v, e)) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
        ++i;
      } else if (c == '}' || c == ']') {
        if (--depth < 0) return false;
        ++i;
      } else if (c == ',' || c == ':') {
        if (depth == 0) return false;
        ++i;
      } else {
        const auto from = i;
        while (i < n && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
               text[i] != '\n' && text[i] != '\t' && text[i] != '\r')
          ++i;
        if (i == from) return false;
      }
    } while (depth > 0);
    return true;
  };
  bool seen_class = false, seen_receipt = false;
  blank();
  if (i >= n || text[i] != '{') return false;
  ++i;
  blank();
  const bool empty = i < n && text[i] == '}';
  while (!empty) {
    blank();
    std::string_view key;
    bool escaped = false;
    if (!read_string(key, escaped) || escaped) return false;
    blank();
    if (i >= n || text[i] != ':') return false;
    ++i;
    blank();
    const bool is_class = key == "class", is_receipt = key == "receipt";
    if (key == "title") {
      if (out.title) return false;
      out.title = true;
    }
    if ((is_class && seen_class) || (is_receipt && seen_receipt)) return false;
    seen_class |= is_class;
    seen_receipt |= is_receipt;
    if ((is_class || is_receipt) && i < n && text[i] == '"') {
      std::string_view value;
      if (!read_string(value, escaped) || escaped) return false;
      (is_class ? out.klass : out.receipt) = std::string(value);
    } else if (!skip()) {
      return false;
    }
    blank();
    if (i < n && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < n && text[i] == '}') break;
    return false;
  }
  ++i;  // the closing brace
  blank();
  return i == n;
}

}  // namespace duban::store
