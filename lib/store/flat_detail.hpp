// An event's detail read without the JSON parser when it is of the compact,
// flat form duban writes for most acts (Store::read_as_of reads a quarter of
// a million at a past clock): {"key":"text",...} with plain ASCII texts,
// true, false, null and lists of such texts.
#pragma once

#include <string_view>

#include "store/event.hpp"

namespace duban::store {

// Conservative: anything else (a number, a space, an escape, a byte above
// ASCII, a nested object, a repeated key, text after the object) gives false
// and leaves `out` to be parsed whole; what it reads is what the parser
// reads.
bool read_flat_detail(std::string_view text, Detail& out);

}  // namespace duban::store
