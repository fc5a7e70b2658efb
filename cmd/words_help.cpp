// The catalogue's words for --help of every command and option.
// Keys are stable; see catalogue.hpp.
#include "catalogue.hpp"

namespace duban::cmd {

namespace {

constexpr Entry k_words[] = {
    {"help.placeholder", "", ""},
};

}  // namespace

std::span<const Entry> words_help() { return k_words; }

}  // namespace duban::cmd
