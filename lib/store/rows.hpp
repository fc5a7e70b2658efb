// Plain rows of the store's tables: what lib/store reads and writes and what
// lib/cases works on. No behaviour beyond names of the closed sets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/instant.hpp"

namespace duban::store {

using time::Instant;

enum class Status { received, listed, in_progress, resolved, closed };
std::string_view to_string(Status s);
std::optional<Status> parse_status(std::string_view text);

struct CaseRow {
  std::int64_t id = 0;
  std::string receipt;
  std::string title;
  std::optional<std::string> description, channel, category, klass, requester, phone, town, village,
      address;
  std::optional<std::string> proxy;  // who acted for the requester (代办员)
  std::optional<std::int64_t> meeting;
  Status status = Status::received;
  std::optional<std::string> lead_unit, leader;
  std::vector<std::string> co_units;
  Instant received_at;
  std::optional<Instant> first_assigned_at, assigned_at, ack_due, acked_at, due_at, resolved_at,
      closed_at;
  std::optional<std::string> outcome, outcome_text, satisfaction;
  std::int64_t level = 0;
  bool confidential = false;  // the requester is masked where shown
  // 挂账: since when the clocks are stopped, and until when it is expected.
  std::optional<Instant> suspended_at, suspend_until;
  std::optional<Instant> extension_due;     // 延期 asked for, not yet decided
  std::optional<std::int64_t> merged_into;  // 并单: the master case
  std::optional<std::string> appeal;        // 申诉: pending, granted or denied
  bool operator==(const CaseRow&) const = default;
};

struct MeetingRow {
  std::int64_t id = 0;
  std::string kind, title;
  time::LocalDays held_on;
  std::optional<std::string> group;
  Instant created_at;
  // The list reviewed and issued (审定、印发): when, approved by whom, issued by whom.
  std::optional<Instant> issued_at;
  std::optional<std::string> approved_by, issued_by;
};

// A month's chosen problem (每月一题), and the cases it draws from.
struct TopicRow {
  std::int64_t id = 0;
  std::string month;  // "2026-10"
  std::string title;
  std::optional<std::string> category, search;
  Instant created_at;
  std::int64_t cases = 0;  // linked (as read: as of the clock)
};

// One unit summoned by a whistle to report on a case within a window.
struct SummonsRow {
  std::int64_t case_id = 0;
  std::string unit;
  Instant summoned_at, due_at;
  std::optional<Instant> answered_at;
  bool operator==(const SummonsRow&) const = default;
};

// A meeting with how many of its cases exist and how many await assignment.
struct MeetingBacklog {
  MeetingRow meeting;
  std::int64_t cases = 0;
  std::int64_t unassigned = 0;
};

// What report figures are grouped by: a column of the case (SPEC §7).
enum class GroupBy { unit, category, channel, klass, town };

// The additive parts of SPEC §7's figures for one group key, as counted in
// SQL; rates and means are derived from them (so that groups can be summed,
// up the unit tree too). `key` is empty for cases without one.
struct Tally {
  std::optional<std::string> key;
  std::int64_t received = 0;
  std::int64_t received_closed = 0;  // of received in P, closed by T
  std::int64_t closed = 0;
  std::int64_t closed_on_time = 0;  // of closed in P, resolved by due
  double close_seconds = 0;         // sum of closed_at - received_at over closed in P
  std::int64_t overdue_open = 0;
  std::int64_t ack_due = 0;  // first assigned in P, ack due before T or acked
  std::int64_t ack_on_time = 0;
  std::int64_t followups = 0;
  std::int64_t satisfied = 0;  // rated satisfied
  std::int64_t basic = 0;      // rated basically satisfied (基本满意)
  std::int64_t escalations = 0, reopened = 0, returned = 0;
  // A case whose appeal was granted (核减) leaves every rate's numerator and
  // denominator: the rates count these "rated" cases only.
  std::int64_t received_rated = 0;  // of received in P, not granted by T
  std::int64_t closed_rated = 0;    // of closed in P, not granted by T
  std::int64_t extensions = 0;      // extensions approved in P
  std::int64_t excluded = 0;        // appeals granted in P
  std::int64_t problems = 0;        // received in P, not merged into another at T
};

// An appeal the office granted (核减): the case it takes out of the rates, why.
struct GrantedAppeal {
  std::int64_t case_id = 0;
  std::string title;
  std::optional<std::string> unit;  // the unit whose rates it leaves
  Instant at;
  std::optional<std::string> reason;
};

// An open case past its due, as the bulletin lists it.
struct OverdueRow {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::string> lead_unit;
  Instant due_at;
};

// An open case on a clock, with only what a reminder of it says: its due
// (due_at, or ack_due for an acknowledgement), and its co-units in order.
struct DueRow {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::string> lead_unit;
  std::optional<std::int64_t> meeting;
  Instant due;
  std::int64_t level = 0;
  std::vector<std::string> co_units;
};

// How many cases of one category were received at one place (the village,
// else the town, else the address) in a period: recurring problems.
struct TopicCount {
  std::optional<std::string> category, place;
  std::int64_t cases = 0;
};

// What `list` filters on; every set field must match. Values are bound,
// never spliced into SQL.
struct CaseFilter {
  std::vector<Status> statuses;     // any of
  std::optional<std::string> unit;  // lead unit or a co-unit
  std::optional<std::string> klass, channel, category;
  std::optional<std::int64_t> meeting;
  std::optional<Instant> overdue_at;            // open (not resolved/closed), due_at < this
  std::optional<Instant> due_from, due_before;  // open, due_at in [from, before)
  std::optional<Instant> received_from, received_before;
  std::optional<Instant> closed_from, closed_before;  // closed_at in [from, before)
  std::optional<std::string> leader, town, proxy;
  bool suspended = false;             // only suspended cases (挂账)
  std::optional<std::string> search;  // in title, description, address
  std::optional<std::int64_t> limit;
  bool operator==(const CaseFilter&) const = default;
};

}  // namespace duban::store
