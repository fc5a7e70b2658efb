// What an as-of replay reads of an intake it leaves unread (Store::read_as_of),
// found in the event's detail without building it: parsing every intake's
// JSON was a third of a replay.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duban::store {

// Whether the intake tells its title (an older duban's told only receipt and
// meeting), and its class and receipt when they are strings.
struct IntakeTold {
  bool title = false;
  std::optional<std::string> klass, receipt;
};

// Conservative: a detail that is not one plain JSON object, that repeats a
// key, or that has an escape in a key or in a wanted value gives false, and
// the caller reads the event whole instead.
bool scan_intake(std::string_view text, IntakeTold& out);

}  // namespace duban::store
