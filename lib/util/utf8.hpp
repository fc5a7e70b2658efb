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

// Levenshtein distance over code points, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace duban::util
