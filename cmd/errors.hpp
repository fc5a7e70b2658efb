// The one place where a fault of the library becomes an exit code of SPEC §6
// and words a person reads, in zh or en.
#pragma once

#include <string>
#include <string_view>

#include "catalogue.hpp"
#include "util/error.hpp"

namespace duban::cmd {

int exit_code(const Error& e);
// The message, without the "duban: 错误: " frame; a batch's faults one a line.
std::string describe(const Error& e, const Catalogue& words);
// How a record field is given on the command line: "lead_unit" → "--lead".
std::string option_of(std::string_view field);

}  // namespace duban::cmd
