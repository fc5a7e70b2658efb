// `duban doctor`: is the store sound evidence? (SPEC §6, §8)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "store/store.hpp"

namespace duban::cases {

enum class Depth { quick, full };  // quick: no case is recomputed from its events

struct DoctorCheck {
  std::string name;  // integrity, schema, config, foreign_keys, instants, chain, cases
  bool ran = true;   // false: skipped (cases, with Depth::quick)
  std::optional<store::Store::Fault> fault;  // the first fault this check found
};

struct DoctorReport {
  std::vector<DoctorCheck> checks;
  std::optional<std::pair<std::int64_t, std::string>> head;  // the chain's latest id and hash
  bool ok() const;
};

// Runs every check in order, each to its first fault: the file's integrity,
// its schema (application_id, version, the append-only triggers), the units
// it refers to against `config`, foreign keys, every instant in range, the
// hash chain, and (full) every case row against the fold of its events.
DoctorReport doctor(const store::Store& store, const config::Config& config, Depth depth);

}  // namespace duban::cases
