#include "util/utf8.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace duban::util {

namespace {

// Decodes the code point at `text[pos]`; returns its length in bytes, or a
// negative value if the bytes there are not valid UTF-8 (utf8proc rejects
// overlong forms, surrogates and values above U+10FFFF).
std::ptrdiff_t decode(std::string_view text, std::size_t pos, std::int32_t& code_point) {
  return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                          static_cast<utf8proc_ssize_t>(text.size() - pos), &code_point);
}

// Code points of `text`; an invalid byte becomes a negative value of its own
// so that distances stay defined for any input.
std::vector<std::int32_t> code_points(std::string_view text) {
  std::vector<std::int32_t> result;
  for (std::size_t pos = 0; pos < text.size();) {
    std::int32_t code_point = 0;
    const auto length = decode(text, pos, code_point);
    if (length > 0) {
      result.push_back(code_point);
      pos += static_cast<std::size_t>(length);
    } else {
      result.push_back(-1 - static_cast<unsigned char>(text[pos]));
      ++pos;
    }
  }
  return result;
}

// Bidi controls can make a title read backwards or hide text (Trojan
// Source); the separators break a line in some terminals and editors.
bool is_invisible_control(std::int32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// Whether a three-byte form starts at `p`, of those valid whatever their
// two continuation bytes: led by E1..EC or EE..EF (not E0, whose low
// values are overlong; not ED, the surrogates' lead). Most of Chinese text.
bool is_sure_three_byte(const unsigned char* p, const unsigned char* end) {
  return p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
         (p[2] & 0xC0) == 0x80;
}

// Whether escape_controls leaves `text` as it is: printable ASCII but the
// backslash, and the commonest characters of Chinese text (the sure
// three-byte forms but those led by E2, where the bidi controls and line
// separators are). Anything else takes the slow way.
bool is_plain(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    const unsigned c = *p;
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      ++p;
    } else if (c != 0xE2 && is_sure_three_byte(p, end)) {
      p += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string escape_controls(std::string_view text) {
  if (is_plain(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    std::int32_t cp = 0;
    const auto length = decode(text, pos, cp);
    if (length <= 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[pos]));
      ++pos;
      continue;
    }
    const auto bytes = text.substr(pos, static_cast<std::size_t>(length));
    pos += static_cast<std::size_t>(length);
    if (cp == '\\') out += "\\\\";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (cp == '\t') out += "\\t";
    else if (cp <= 0x7F && is_invisible_control(cp)) out += fmt::format("\\x{:02x}", cp);
    else if (is_invisible_control(cp)) out += fmt::format("\\u{:04x}", cp);
    else out += bytes;
  }
  return out;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = bytes + text.size();
  for (std::size_t pos = 0; pos < text.size();) {
    // ASCII and the sure three-byte forms without decoding them.
    if (bytes[pos] < 0x80) {
      ++pos;
      continue;
    }
    if (is_sure_three_byte(bytes + pos, end)) {
      pos += 3;
      continue;
    }
    std::int32_t code_point = 0;
    const auto length = decode(text, pos, code_point);
    if (length <= 0) return pos;
    pos += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

std::size_t display_width(std::string_view text) {
  // ASCII, most cells of a table (ids, codes, instants), is a column a byte.
  if (std::all_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x20 && b < 0x7f;
      }))
    return text.size();
  std::size_t width = 0;
  for (const std::int32_t code_point : code_points(text)) {
    // An invalid byte shows as one replacement character.
    width += code_point < 0 ? 1 : static_cast<std::size_t>(utf8proc_charwidth(code_point));
  }
  return width;
}

std::string pad(std::string_view text, std::size_t width, Align align) {
  const std::size_t used = display_width(text);
  const std::string spaces(width > used ? width - used : 0, ' ');
  return align == Align::left ? std::string(text) + spaces : spaces + std::string(text);
}

std::size_t count_code_points(std::string_view text) {
  // Every byte but a continuation byte (10xxxxxx) starts a character.
  std::size_t n = 0;
  for (const unsigned char byte : text) n += (byte & 0xC0) != 0x80;
  return n;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto from = code_points(a);
  const auto to = code_points(b);
  // Optimal string alignment: Levenshtein plus swapping two neighbours, the
  // commonest typo ("titel"), as one edit. Three rows of the table.
  std::vector<std::size_t> before(to.size() + 1), above(to.size() + 1), row(to.size() + 1);
  std::iota(above.begin(), above.end(), std::size_t{0});
  for (std::size_t i = 1; i <= from.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= to.size(); ++j) {
      const std::size_t cost = from[i - 1] == to[j - 1] ? 0 : 1;
      row[j] = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + cost});
      if (i > 1 && j > 1 && from[i - 1] == to[j - 2] && from[i - 2] == to[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, above);
    std::swap(above, row);
  }
  return above.back();
}

}  // namespace duban::util
