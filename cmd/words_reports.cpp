// The catalogue's words for reports, reminders, escalation mail and slips.
// Keys are stable; see catalogue.hpp.
#include "catalogue.hpp"

namespace duban::cmd {

namespace {

constexpr Entry k_words[] = {
    {"reports.placeholder", "", ""},
};

}  // namespace

std::span<const Entry> words_reports() { return k_words; }

}  // namespace duban::cmd
