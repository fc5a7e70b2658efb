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

  // --- cases (lib/cases, lib/time, lib/util) ---------------------------------
  no_case,                // no case `case`
  no_receipt,             // no case has the receipt `value`
  not_a_case_id,          // `value` is not a case id
  no_ids,                 // no case id given at all
  one_id_only,            // a one-case command was given `value` ids
  id_or_receipt,          // show takes case ids or a receipt, one of the two
  not_a_due,              // `value` of `field` is neither a WHEN nor a DURATION
  not_utf8,               // `field` is not valid UTF-8
  must_not_be_negative,   // `value` of `field` is below zero
  after_clock,            // `value` of `field` (choices[0], UTC) is after the clock (choices[1])
  deadline_out_of_range,  // a deadline from the rules, `value`, lies outside choices[0]..[1]
  wrong_state,            // case `case` is `value` (a status); the act needs one of `choices`
  not_acknowledged,       // case `case` is listed; resolving needs its lead unit's ack first
  close_needs_resolved,   // case `case` is `value` (a status), not resolved, and no force
  closed_unassigned,      // case `case` was closed unassigned: it cannot be reopened
  out_of_order,           // case `case`: this act at `value` is before its latest at choices[0]
  lead_and_co,            // unit `value` is given as both lead and co-unit
  co_twice,               // co-unit `value` is listed twice
  reason_for_due,         // an explicit due needs `field` (the reason it differs from the rules)
  reason_for_reassign,    // case `case` is already assigned to `value`: reassigning needs `field`
  reason_for_force,       // closing unresolved needs `field` (why)
  note_for_explained,     // an "explained" outcome needs `field` (the explanation)
  note_text_required,     // a note's text is missing or blank
  needs_class_or_due,     // case `case` has no class, so the rules give no resolve due
  not_on_case,            // unit `value` is neither lead, co-unit nor summoned on case `case`
  due_not_assigned,       // case `case` is not assigned: a due comes with assignment
  due_before_assignment,  // the due `value` of `field` is before the assignment at choices[0]
  // The practice of SPEC §3: suspension, extension, merge, appeal, amend.
  already_suspended,     // case `case` is suspended since `value`
  not_suspended,         // case `case` is not suspended: nothing to resume
  not_after_clock,       // `value` of `field` is not after the clock, choices[0]
  extension_pending,     // case `case` already asks for a due at `value`, undecided
  no_extension,          // case `case` asks for no extension: nothing to decide
  extension_not_later,   // the due `value` asked for is not after the case's due choices[0]
  merge_into_self,       // case `case` cannot be merged into itself
  already_merged,        // case `case` is already merged into case `value`
  master_merged,         // the master `case` is itself merged into case `value`
  has_merged,            // case `case` has cases merged into it (choices): it stays a master
  not_merged,            // case `case` is merged into no case
  appeal_pending,        // case `case` already has an appeal awaiting the office
  appeal_granted,        // case `case`'s appeal was granted already
  no_appeal,             // case `case` has no appeal awaiting a decision
  nothing_to_amend,      // amend was given no field to correct
  amend_unchanged,       // `field` of case `case` is already `value`
  meeting_not_ready,     // meeting `value`: choices[0] of its cases are not yet assigned
  meeting_no_cases,      // meeting `value` has no case: there is no list to issue
  meeting_issued,        // meeting `value`'s list was issued at choices[0]
  unknown_column,        // `source`:`line`: a CSV column `value` intake does not know; `nearest`
  unknown_key,           // `source`:`line`: a JSON key `value` intake does not know; `nearest`
  more_unknown_columns,  // `source`: `value` more unknown columns, not named
  more_unknown_keys,     // `source`: `value` more unknown keys, not named
  known_fields,          // the field names intake knows are `choices` (closes a batch's faults)
  batch_refused,         // `value` faults in a batch: nothing was added (closes the faults)
  in_record,             // a fault at writing the record at `source`:`line`: it is faults[0]
  actor_not_utf8,        // the actor's name is not UTF-8
  no_random,             // the system gave no random bytes
  unknown_zone,          // `value` is not an IANA time zone (lib/time)
  no_working_day,        // the working calendar has no working day after `value` (lib/time)

  // --- supervision and reports (lib/supervise, lib/report) -----------------
  level_not_raised,       // case_id is at level choices[0]; `value` of `field` does not raise it
  not_above,              // unit `value` of `field` is not above choices[0], the case's lead unit
  whistle_without_units,  // `field` (a whistle) names no unit
  no_meeting,             // no meeting `value` (case_id: the case that names it, if any)
  not_a_month,            // `value` of `field` is not YYYY-MM (nor previous, current)
  empty_period,  // `field` `value` is not before choices[0]: the period [from, to) is empty
  // Options of the report, remind and escalate verbs (thrown by cmd/):
  one_mode_of,       // exactly one of `choices` must be given
  no_ids_with,       // `field` applies to every case: no ids may be given
  options_conflict,  // `field` and choices[0] cannot both be given
  option_needs,      // `field` goes only with choices[0]

  // --- config (lib/config) -------------------------------------------------
  // Names given by a person or a file (field, value, nearest): a unit,
  // category or channel is its code or its exact name (SPEC §9).
  unknown_unit,      // no unit has `value` as its code or name
  unknown_category,  // no category has `value` as its code or name
  unknown_channel,   // no channel has `value` as its code or name
  unknown_meeting,   // no meeting has `value` as its id or title (in the store)
  unknown_topic,     // no topic has `value` as its id (in the store, as of the clock)
  ambiguous_name,    // `value` is the name of several: their codes in `choices`
  // The config file itself (source, line, column; `field` the dotted key).
  config_missing,          // no config file at `source` (given by --config or $DUBAN_CONFIG)
  config_unreadable,       // `source` cannot be read (a folder, no permission)
  config_syntax,           // not TOML: `value` is the parser's description
  config_unknown_key,      // `field` is no key here; `nearest` when near
  config_not_string,       // `field` must be a string
  config_empty,            // `field` must not be empty
  config_not_code,         // `value` is not a code (letters, digits, '_', '-', '.')
  config_not_duration,     // `value` is not a duration
  config_not_strings,      // `field` must be an array of strings
  config_not_table,        // `field` must be a table
  config_not_tables,       // `field` must be written as [[field]] tables
  config_not_channel,      // a channel is a string or { code, name }
  config_not_resolve,      // a duration or a table { A, B, C }
  config_no_class,         // the resolve table has no duration for class `value`
  config_needs,            // a [[`value`]] table needs `field`
  config_twice,            // `value` is defined (or listed) twice
  config_not_weekday,      // `value` is not a weekday
  config_no_workday,       // the weekend lists all seven days
  config_not_day_range,    // `value` is not a date or a range of dates
  config_holiday_workday,  // `value` is both a holiday and a make-up working day
  config_unknown_name,     // `value` names no unit, channel or category; `nearest`
  config_own_ancestor,     // unit `value` is its own ancestor
  config_rule_match,       // a deadline rule has neither channel nor category
  config_rule_duration,    // a deadline rule has neither ack nor resolve
  config_not_one_of,       // `value` is none of `choices`
  config_out_of_range,     // `field` must be a number in `choices[0]..choices[1]`
  config_weights_sum,      // the scorecard weights sum to `value`, not 1
  config_not_zone,         // `value` is not an IANA time zone

  // --- input files (lib/io) ------------------------------------------------
  // Each names `source` and `line`.
  file_nul,              // a NUL byte: not text (UTF-16?)
  not_utf8_gb18030,      // invalid UTF-8 that reads as GB18030
  utf8_not_gb18030,      // GB18030 asked for, but the text is UTF-8 with non-ASCII text
  unknown_encoding,      // `value` is no encoding known
  bad_encoding_bytes,    // bytes that are not `value` (an encoding)
  csv_stray_quote,       // a '"' inside an unquoted cell
  csv_unclosed_quote,    // a quoted cell never closed
  csv_unnamed_column,    // column `value` (1-based) has no name
  csv_duplicate_column,  // column `value` twice (`nearest`: the field both name)
  csv_cell_count,        // `value` cells, but the header has `choices[0]`
  json_invalid,          // not JSON: `value` is the parser's reason
  json_not_object,       // a line that is JSON but not an object: `value` its type
  json_duplicate_key,    // `field` twice in one object
  json_bad_value,        // `field` holds an object, a nested array or a non-string in an array
  json_nul,              // `field` holds \u0000

  // --- the store (lib/store) -----------------------------------------------
  // Each names the store in `source` where it knows it; `value` carries
  // SQLite's own message where one helps.
  store_missing,      // no store at `source`
  store_empty,        // `source` is an empty file
  store_newer,        // schema version `value`, newer than `choices[0]`
  store_foreign,      // `source` is an SQLite file but not a duban store
  store_cant_create,  // cannot create `source`: `value`
  store_busy,         // another writer holds the store past the timeout
  store_damaged,      // not a store, or damaged (a table missing, a bad page): `value`
  store_bad_row,      // a row the store holds is not what duban writes: `field`, `value`, `case_id`
  store_constraint,   // the store refused a row (a CHECK, a foreign key): `value`
  store_io,           // any other failure reading or writing `source`: `value`

  // --- the command line (cmd/) ---------------------------------------------
  title_or_file,      // intake needs a `title` or a file
  input_missing,      // `source` cannot be opened; `value` the errno
  input_is_folder,    // `source` is a folder, not a file
  input_unreadable,   // reading `source` failed; `value` the errno
  output_failed,      // standard output cannot be written
  ids_not_written,    // the new ids could not be written: nothing was added
  config_and_write,   // `value` and choices[0] name different files to write the config to
  cannot_write_file,  // cannot write `source`; `value` the errno
};

// The last kind: a new kind goes before it, or becomes it, so that a test can
// word every kind there is.
constexpr Kind k_last_kind = Kind::cannot_write_file;

// A fault of the store itself (busy, damaged, unwritable), not of what was
// being written to it.
constexpr bool is_store_fault(Kind kind) {
  switch (kind) {
  case Kind::store_missing:
  case Kind::store_empty:
  case Kind::store_newer:
  case Kind::store_foreign:
  case Kind::store_cant_create:
  case Kind::store_busy:
  case Kind::store_damaged:
  case Kind::store_bad_row:
  case Kind::store_io: return true;
  default: return false;
  }
}

// Where and what. Every member is optional; a kind documents which it uses.
// `source` empty means the command line: then `field` is shown as its
// option (`reason` as `--reason`); otherwise as `source:line: field`. A
// `source` of `$NAME` is an environment variable, shown as such.
struct Fields {
  // Every member has its default, so that `{.field = "reason"}` names only what it gives.
  std::string field{};    // the record field or option at fault, as SPEC §9 names it
  std::string value{};    // what was given
  std::string nearest{};  // the nearest known name, when one is near
  std::optional<std::int64_t> case_id{};
  std::string source{};  // a file (or "-" for standard input), a config file, a store
  long line = 0;
  long column = 0;
  std::vector<std::string> choices{};  // what `value` may be, or other values the kind needs
};

class Error : public std::exception {
public:
  Error(Kind kind, Fields fields = {}) : m_kind(kind), m_fields(std::move(fields)) {}

  Kind kind() const noexcept { return m_kind; }
  const Fields& fields() const noexcept { return m_fields; }
  Fields& fields() noexcept { return m_fields; }
  // Kind::several: every fault of a batch, in input order.
  std::vector<Error> faults;

  // Words are cmd's (cmd/errors.cpp): this says only that it is duban's.
  const char* what() const noexcept override { return "duban::Error"; }

private:
  Kind m_kind;
  Fields m_fields;
};

}  // namespace duban
