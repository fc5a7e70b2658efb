// UTF-8 checks and display width (libutf8proc: works without a locale,
// unlike wcwidth under cron).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace duban::util {

// The byte offset of the first invalid UTF-8 sequence, or nullopt if valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return !find_invalid_utf8(text); }

// How many characters (code points) valid UTF-8 `text` has: 路灯 has 2.
std::size_t count_code_points(std::string_view text);

// Terminal columns taken by valid UTF-8 `text`: East Asian wide and
// fullwidth characters count 2, combining marks 0, others 1.
std::size_t display_width(std::string_view text);

// `text` padded with spaces on the right (left-aligned) or on the left
// (right-aligned) to `width` display columns; never truncated.
enum class Align { left, right };
std::string pad(std::string_view text, std::size_t width, Align align = Align::left);

// `text` safe to show at a terminal, on one line: C0 controls, DEL, C1
// controls (U+0080..U+009F), the line and paragraph separators and the
// bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)
// shown as visible escapes (\n, \r, \t, \x1b, \u202e), and a backslash as
// \\ so that every escape reads back one way. An invalid UTF-8 byte shows as
// \xHH (a lone 0x9b is CSI to some terminals). Anything else is unchanged.
std::string escape_controls(std::string_view text);

// Levenshtein distance over code points, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace duban::util
