// duban::Error: the one exception the library throws. It carries a *kind*
// of fault and the fields that say where and what (SPEC §6: "messages name
// the file, line and field at fault"); it holds no words and no exit code.
// cmd/errors.cpp turns each kind into its exit code and its words, in zh and
// en, in one place.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace duban {

// What went wrong. Grouped by where it arises; each section is kept by the
// module that throws it. A kind names the situation, not the option: the
// same kind serves `--due` on the command line and `due` in a file.
enum class Kind {
  // --- values given by a person or a file (field, value, nearest) --------
  required,        // `field` is missing or blank
  not_one_of,      // `value` of `field` is none of `choices`; `nearest` when near
  not_a_when,      // `value` of `field` is not an instant (the forms of SPEC §4)
  not_a_duration,  // `value` of `field` is not a duration
  not_a_date,      // `value` of `field` is not a date
  not_a_number,    // `value` of `field` is not a whole number
  out_of_range,    // `value` of `field` lies outside `choices[0]..choices[1]`
  several,         // a batch with faults: every one is in `faults`

  // --- cases (lib/cases) ---------------------------------------------------

  // --- supervision and reports (lib/supervise, lib/report) -----------------
  level_not_raised,       // case_id is at level choices[0]; `value` of `field` does not raise it
  not_above,              // unit `value` of `field` is not above choices[0], the case's lead unit
  whistle_without_units,  // `field` (a whistle) names no unit
  no_meeting,             // no meeting `value` (case_id: the case that names it, if any)
  not_a_month,            // `value` of `field` is not YYYY-MM (nor previous, current)
  empty_period,           // `field` `value` is not before choices[0]: the period [from, to) is empty
  // Options of the report, remind and escalate verbs (thrown by cmd/):
  one_mode_of,            // exactly one of `choices` must be given
  no_ids_with,            // `field` applies to every case: no ids may be given
  options_conflict,       // `field` and choices[0] cannot both be given
  option_needs,           // `field` goes only with choices[0]

  // --- config (lib/config) -------------------------------------------------

  // --- input files (lib/io) ------------------------------------------------

  // --- the store (lib/store) -----------------------------------------------

  // --- transitional: an Error(Exit, text) not yet given its kind -----------
  legacy,
};

// The exit statuses of SPEC §6. Transitional: only cmd/ will name them once
// every throw in lib/ carries a kind.
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

// Where and what. Every member is optional; a kind documents which it uses.
// `source` empty means the command line: then `field` is shown as its
// option (`reason` as `--reason`); otherwise as `source:line: field`.
struct Fields {
  std::string field;    // the record field or option at fault, as SPEC §9 names it
  std::string value;    // what was given
  std::string nearest;  // the nearest known name, when one is near
  std::optional<std::int64_t> case_id;
  std::string source;  // a file (or "-" for standard input), a config file, a store
  long line = 0;
  long column = 0;
  std::vector<std::string> choices;  // what `value` may be, or other values the kind needs
};

class Error : public std::exception {
public:
  Error(Kind kind, Fields fields = {}) : m_kind(kind), m_fields(std::move(fields)) {}
  // Transitional: a fault still spelled in words, with its exit status.
  Error(Exit code, std::string message)
      : m_kind(Kind::legacy), m_code(code), m_message(std::move(message)) {}

  Kind kind() const noexcept { return m_kind; }
  const Fields& fields() const noexcept { return m_fields; }
  Fields& fields() noexcept { return m_fields; }
  // Kind::several: every fault of a batch, in input order.
  std::vector<Error> faults;

  // Transitional, for Kind::legacy only.
  Exit code() const noexcept { return m_code; }
  const char* what() const noexcept override {
    return m_kind == Kind::legacy ? m_message.c_str() : "duban::Error";
  }

private:
  Kind m_kind;
  Fields m_fields;
  Exit m_code = Exit::data;
  std::string m_message;
};

}  // namespace duban
