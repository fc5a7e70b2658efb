// Small string helpers that know nothing of duban.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace duban::util {

// "a, b,,c" -> {"a", "b", "c"}: split on commas, trimmed, empties dropped.
std::vector<std::string> split_list(std::string_view text);

// Without leading and trailing spaces, tabs, CR and LF.
std::string_view trim(std::string_view text);

}  // namespace duban::util
