// One journal event, typed: what every reader of the journal (the store, the
// fold that rebuilds a case, `show`, the reports, the hash chain) shares.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace duban::store {

// Every kind of act on a case (SPEC §3). The journal's `action` column holds
// to_string() of one of these, and nothing else.
enum class Action {
  intake,
  assign,
  ack,
  give_back,
  note,
  resolve,
  close,
  reopen,
  followup,
  escalate,
  suspend,         // 挂账: the clocks stop
  resume,          // and start again, the dues moved later
  extend,          // 延期 asked for by the lead unit
  extend_approve,  // and approved by the office
  extend_reject,   // or rejected
  merge,           // 并单 into a master case
  unmerge,
  appeal,        // 申诉/核减 asked for by the unit
  appeal_grant,  // granted by the office: the case leaves the unit's rates
  appeal_deny,
  amend,  // 更正 of what intake recorded
  issue,  // the case's meeting list reviewed and issued (审定、印发)
  topic   // linked to a month's topic (每月一题)
};

std::string_view to_string(Action a);
std::optional<Action> parse_action(std::string_view text);

// The event's own fields are a JSON object whose keys sort (nlohmann::json
// keeps them in a std::map), so that its text has one form.
using Detail = nlohmann::json;

struct Event {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  time::Instant at;
  std::string actor;
  Action action = Action::note;
  std::optional<std::string> unit;  // the unit acting or concerned
  Detail detail = Detail::object();
};

// The version of encode()'s byte form; part of every encoding, so that a
// later form can be told from this one.
inline constexpr int k_encoding_version = 1;

// The canonical encoding of an event, the bytes the hash chain covers:
// compact JSON, keys sorted, UTF-8 unescaped, instants as UTC ISO-8601:
//   {"action":"assign","actor":"zhang","at":"2026-10-01T02:00:00Z","case":3,
//    "detail":{...},"id":17,"unit":"cgj","v":1}
// ("unit" is null when there is none). Throws std::invalid_argument on text
// that is not UTF-8 (which intake refuses before it gets here).
std::string encode(const Event& e);
// The same, given detail_text(e.detail), which the store writes too: the
// detail is then not serialised twice.
std::string encode(const Event& e, std::string_view detail);
// The inverse of encode; throws std::invalid_argument on anything else.
Event decode(std::string_view text);

// The detail column's text: the detail object in the same compact form.
std::string detail_text(const Detail& detail);

// `text` as a JSON string, quoted, appended to `out` byte for byte as
// nlohmann's dump() writes it (UTF-8 unescaped; ", \\, \b \f \n \r \t and
// the other C0 controls as \u00xx escaped), without building a json value:
// what a writer of canonical text (encode, an intake's detail) uses. Throws
// std::invalid_argument on text that is not UTF-8.
void append_json_string(std::string& out, std::string_view text);

// The chain: hash(n) = SHA-256 over hash(n-1) in hex, a line feed, and
// encode(event n), as 64 lower-case hex digits. The first event chains to
// k_chain_start.
inline constexpr std::string_view k_chain_start =
    "0000000000000000000000000000000000000000000000000000000000000000";
std::string chain_hash(std::string_view previous, std::string_view encoded);

}  // namespace duban::store
