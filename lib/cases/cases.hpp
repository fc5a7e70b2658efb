// The lifecycle of SPEC §3: intake to cross-off. Every function runs in one
// store transaction and writes one journal event per change, so a command
// that fails changes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/records.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"
#include "time/instant.hpp"
#include "util/error.hpp"

namespace duban::cases {

using store::CaseRow;
using store::Status;
using time::Instant;

// Random bytes for receipt codes: OpenSSL's RAND_bytes in use (the
// default when none is given), a seeded sequence in tests.
using RandomBytes = std::function<void(unsigned char* out, std::size_t size)>;
RandomBytes system_random();
// The same bytes for the same seed, for tests and replays: not secret.
RandomBytes seeded_random(const std::string& seed);

// Who acts, when, on what: passed in, never read from the environment.
struct Context {
  store::Store& store;
  const config::Config& config;
  Instant now;
  std::string actor;
  RandomBytes random = {};
};

// One case to take in, as text from options or a CSV/JSONL record, before
// validation. Empty optional = not given.
struct IntakeFields {
  std::optional<std::string> title, description, channel, category, klass, requester, phone, town,
      village, address, meeting, received_at, proxy;
  bool confidential = false;  // 保密: the requester is masked where shown
};

// The names intake accepts, in SPEC §9's order.
const std::vector<std::string>& intake_field_names();

// Turns records into intake fields one at a time, as fields_from_records
// does: an unknown column or key is kept as a fault, and finish() throws
// the faults kept, if any, as fields_from_records throws them.
class FieldsOfRecords {
public:
  FieldsOfRecords(IntakeFields defaults, std::string_view source,
                  std::optional<std::size_t> header_line = std::nullopt);
  IntakeFields operator()(const io::Record& record);
  bool faulty() const { return !m_faults.faults.empty() || m_unnamed > 0; }
  void finish();

private:
  IntakeFields m_defaults;
  std::string m_source;
  std::optional<std::size_t> m_header_line;
  Error m_faults;
  std::set<std::string> m_reported;
  std::size_t m_unnamed = 0;
};

// Turns records into intake fields: each record's empty fields take the
// value from `defaults`. Unknown columns are errors. Returns every record or
// throws one Error(Kind::several): a fault per unknown column or key, with
// its source and line, then Kind::known_fields.
// `header_line`: where a CSV's column names are, so that an unknown column
// is blamed on it rather than on a row; none for JSON Lines.
std::vector<IntakeFields>
fields_from_records(const std::vector<io::Record>& records, const IntakeFields& defaults,
                    std::string_view source, std::optional<std::size_t> header_line = std::nullopt);

enum class DryRun { no, yes };

// Where an item came from: a file ("-" or a path) and its line, or the
// command line (source empty).
struct Origin {
  std::string source;
  long line = 0;
};

// Validates every item (all faults of all items reported at once, each
// with its `where[i]`, in one Error(Kind::several) ending in
// Kind::batch_refused when there are several), then adds them in one
// transaction unless dry_run. A fault at writing is a Kind::in_record
// naming its origin. Returns the cases, ids and receipts filled (ids 0 on a dry run).
// `progress`, when given, is told how many cases are added so far, now and
// then, for a long batch at a terminal. `before_commit`, when given, is
// handed the new cases just before the transaction commits; if it throws
// (their ids could not be written), nothing is added.
// The same, streamed: the items are read from `next` (none: the end) as
// they are added, so that a batch of any size is held an item at a time.
// Each item is checked as it is read; once one fails, no more are added,
// the rest are checked, and the faults are thrown at the end (nothing is
// added). `each` is told every case added (ids 0 on a dry run),
// `progress` the count now and then, and `before_commit` the first id and
// the count just before the transaction commits (the ids are consecutive).
// Returns the count.
struct IntakeItem {
  IntakeFields fields;
  Origin origin;
};
struct IntakeStream {
  std::function<std::optional<IntakeItem>()> next;
  std::function<void(const CaseRow&)> each = {};
  std::function<void(std::size_t done)> progress = {};
  std::function<void(std::int64_t first, std::size_t count)> before_commit = {};
  bool batch = false;  // of any size, from a file: written by Store::write_batch
};
std::size_t intake(Context& ctx, const IntakeStream& stream, DryRun dry_run);
// The intake event's detail of `c` as the journal holds it: the text of
// intake_detail(c).dump(), written without building the object. Throws
// std::invalid_argument on text that is not UTF-8.
std::string intake_detail_text(const CaseRow& c);

using Progress = std::function<void(std::size_t done, std::size_t total)>;
using BeforeCommit = std::function<void(const std::vector<CaseRow>& added)>;
std::vector<CaseRow> intake(Context& ctx, const std::vector<IntakeFields>& items, DryRun dry_run,
                            const std::vector<Origin>& where, const Progress& progress = {},
                            const BeforeCommit& before_commit = {});

// A reassignment changes only what is given (SPEC §3): co-units, leader and
// class are kept unless given; a new lead unit restarts both clocks from
// now; the same lead with new co-units or leader moves no deadline; a new
// class recomputes the due from when the lead unit got the case.
struct AssignOptions {
  std::string lead;
  std::optional<std::vector<std::string>> co;  // none: keep them; empty: none
  std::optional<std::string> leader, klass, due, reason;
};
std::vector<CaseRow> assign(Context& ctx, const std::vector<std::int64_t>& ids,
                            const AssignOptions& options);

std::vector<CaseRow> ack(Context& ctx, const std::vector<std::int64_t>& ids,
                         const std::optional<std::string>& unit);
std::vector<CaseRow> give_back(Context& ctx, const std::vector<std::int64_t>& ids,
                               const std::string& reason);
CaseRow note(Context& ctx, std::int64_t id, const std::string& text,
             const std::optional<std::string>& due);

enum class Outcome { solved, explained };
std::vector<CaseRow> resolve(Context& ctx, const std::vector<std::int64_t>& ids, Outcome outcome,
                             const std::optional<std::string>& text);

enum class Force { no, yes };
std::vector<CaseRow> close(Context& ctx, const std::vector<std::int64_t>& ids, Force force,
                           const std::optional<std::string>& reason);
std::vector<CaseRow> reopen(Context& ctx, const std::vector<std::int64_t>& ids,
                            const std::string& reason);

enum class Rating { satisfied, basic, unsatisfied };
enum class ReopenIfUnsatisfied { yes, no };
CaseRow followup(Context& ctx, std::int64_t id, Rating rating, std::optional<int> score,
                 const std::optional<std::string>& text, ReopenIfUnsatisfied reopen_if);

// A case that must exist (Error(Kind::no_case), Kind::no_receipt otherwise).
CaseRow find(const store::Store& store, std::int64_t id);
CaseRow find_by_receipt(const store::Store& store, const std::string& receipt);

// Parses a WHEN or a DURATION from `now` (a due_at given by a person);
// Error(Kind::not_a_due) if neither, Kind::out_of_range if the instant lies
// outside SPEC §4's range.
Instant due_from_text(const std::string& text, Instant now, const config::Config& config);

// `at`, unless it lies outside 1970..9999 (SPEC §4): then
// Error(Kind::out_of_range) with `where` (its field, source) and `at`.
Instant require_in_range(Instant at, Fields where);
// `at`, a deadline from the rules, unless it lies outside 1970..9999: then
// Error(Kind::deadline_out_of_range).
Instant deadline_in_range(Instant at);

// Reads every case as it stood at `clock` (SPEC §4): for reading commands.
void read_as_of(store::Store& store, Instant clock);

// Parses ids given as arguments (already expanded from '-');
// Error(Kind::not_a_case_id).
std::vector<std::int64_t> parse_ids(const std::vector<std::string>& words);

}  // namespace duban::cases
