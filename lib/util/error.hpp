// duban::Error: the one exception the library throws. Its code is an exit
// status of SPEC §6; main maps it to the process exit code in one place.
#pragma once

#include <stdexcept>
#include <string>

namespace duban {

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

class Error : public std::runtime_error {
public:
  Error(Exit code, const std::string& message)
      : std::runtime_error(message), m_code(code) {}
  Exit code() const noexcept { return m_code; }

private:
  Exit m_code;
};

}  // namespace duban
