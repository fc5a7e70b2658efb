// The one place where a fault of the library becomes an exit code of SPEC §6
// and words a person reads, in zh or en.
#pragma once

#include <string>
#include <string_view>

#include "catalogue.hpp"
#include "util/error.hpp"

namespace duban {

// The exit statuses of SPEC §6: named here, in cmd/, and nowhere in lib/.
enum class Exit : int {
  ok = 0,
  found = 1,         // a check found something (only where a flag asks)
  usage = 64,        // bad usage
  data = 65,         // bad input data
  no_input = 66,     // input file missing
  unavailable = 69,  // a referenced case or unit does not exist
  cant_create = 73,  // cannot create the store
  io = 74,           // I/O error
  busy = 75,         // store busy past the timeout
  config = 78,       // bad config
};

}  // namespace duban

namespace duban::cmd {

int exit_code(const Error& e);
// The message, without the "duban: 错误: " frame; a batch's faults one a line.
std::string describe(const Error& e, const Catalogue& words);
// How a record field is given on the command line: "lead_unit" → "--lead".
std::string option_of(std::string_view field);

}  // namespace duban::cmd
