// The lifecycle of SPEC §3: intake to cross-off. Every function runs in one
// store transaction and writes one journal event per change, so a command
// that fails changes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/records.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"
#include "time/instant.hpp"

namespace duban::cases {

using store::CaseRow;
using store::Status;
using time::Instant;

// Who acts, when, on what: passed in, never read from the environment.
struct Context {
  store::Store& store;
  const config::Config& config;
  Instant now;
  std::string actor;
};

// One case to take in, as text from options or a CSV/JSONL record, before
// validation. Empty optional = not given.
struct IntakeFields {
  std::optional<std::string> title, description, channel, category, klass, requester, phone,
      town, village, address, meeting, received_at;
};

// The names intake accepts, in SPEC §9's order.
const std::vector<std::string>& intake_field_names();

// Turns records into intake fields: each record's empty fields take the
// value from `defaults`. Unknown columns are errors. Returns every record or
// throws one Error(data) that lists every bad record with its line.
// `header_line`: where a CSV's column names are, so that an unknown column
// is blamed on it rather than on a row; none for JSON Lines.
std::vector<IntakeFields> fields_from_records(const std::vector<io::Record>& records,
                                              const IntakeFields& defaults,
                                              std::string_view source,
                                              std::optional<std::size_t> header_line = std::nullopt);

enum class DryRun { no, yes };

// Validates every item (all faults of all items reported at once, each
// prefixed with `where(i)`), then adds them in one transaction unless
// dry_run. Returns the cases, ids and receipts filled (ids 0 on a dry run).
// `progress`, when given, is told how many cases are added so far, now and
// then, for a long batch at a terminal.
using Progress = std::function<void(std::size_t done, std::size_t total)>;
std::vector<CaseRow> intake(Context& ctx, const std::vector<IntakeFields>& items, DryRun dry_run,
                            const std::vector<std::string>& where, const Progress& progress = {});

struct AssignOptions {
  std::string lead;
  std::vector<std::string> co;
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

// A case that must exist (Error 69 otherwise).
CaseRow find(const store::Store& store, std::int64_t id);
CaseRow find_by_receipt(const store::Store& store, const std::string& receipt);

// Parses a WHEN or a DURATION from `now` (for --due); Error(usage) if neither.
Instant due_from_text(const std::string& text, Instant now, const config::Config& config);

// Parses ids given as arguments (already expanded from '-'); Error(usage).
std::vector<std::int64_t> parse_ids(const std::vector<std::string>& words);

}  // namespace duban::cases
