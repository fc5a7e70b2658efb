// The store: one SQLite file (SPEC §8). The only user of SQLite in duban.
// Every statement is prepared with bound values.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/event.hpp"
#include "store/rows.hpp"

namespace duban::store {

enum class Create { if_missing, never };

class Store {
public:
  // Opens the store at `path`, creating it (mode 0600, parent folders too)
  // when `create` allows, and migrates it to the current schema. ":memory:"
  // opens a private in-memory store. Nothing is written to a file that is
  // not a duban store (its application_id, or for versions 1-3 its own
  // tables) -- not even its journal mode; an empty file becomes a store only
  // when `create` allows. Two processes creating one store at once both
  // succeed: the schema is read and written under the write lock. Throws
  // Error: store_missing or store_empty when there is no store and it is
  // not to be created, store_cant_create, store_foreign (another program's
  // SQLite file), store_newer (a newer duban's), store_damaged, store_busy,
  // store_io. Every other method throws these neutral kinds too (and
  // store_constraint for a row the schema refuses, store_bad_row for a row
  // duban never writes): SQLite's failures never come out raw.
  static Store open(const std::filesystem::path& path, Create create);

  // What a person should be told about the store as opened: e.g. that its
  // file can be written by others than its owner. Empty when all is well.
  const std::vector<std::string>& warnings() const;

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // Runs `work` in one write transaction (BEGIN IMMEDIATE): committed when it
  // returns, rolled back when it throws (the exception goes on).
  void write(const std::function<void()>& work);
  // The same for a batch of any size (an intake from a file): each of its
  // statements keeps what it would take back in memory instead of in a
  // temporary file, which a batch that outgrows the page cache would
  // otherwise write a page at a time for every statement to its end. The
  // batch must not hold temporary tables: their storage is reset.
  void write_batch(const std::function<void()>& work);

  int schema_version() const;
  static int latest_schema_version();

  // Cases. insert_case fills row.id; update_case writes every field.
  std::int64_t insert_case(CaseRow& row);
  void update_case(const CaseRow& row);
  std::optional<CaseRow> find_case(std::int64_t id) const;
  // The receipt as a requester reads it out: case, spaces and dashes do
  // not matter ("abcd efgh" finds ABCD-EFGH).
  std::optional<CaseRow> find_case_by_receipt(const std::string& receipt) const;
  bool receipt_taken(const std::string& receipt) const;
  std::vector<CaseRow> list_cases(const CaseFilter& filter) const;
  // The cases first..last, by id, each handed to `visit` as it is read.
  void each_case_between(std::int64_t first, std::int64_t last,
                         const std::function<void(const CaseRow&)>& visit) const;
  // The same cases streamed, in id order: `visit` sees each row as it is
  // read, and none is kept, so a list of a million cases holds one. A visit
  // that throws stops the reading (the exception goes on).
  void each_case(const CaseFilter& filter, const std::function<void(const CaseRow&)>& visit) const;
  // Runs `work` in one read transaction, so that every read in it sees the
  // store as one moment left it, whoever writes meanwhile (a table's two
  // passes over one list). Inside a transaction already, just runs it.
  void read(const std::function<void()>& work) const;
  // Only their ids: nothing else is read (list --format ids).
  void each_case_id(const CaseFilter& filter, const std::function<void(std::int64_t)>& visit) const;
  // The cases merged into `master` (并单), by id.
  std::vector<CaseRow> cases_merged_into(std::int64_t master) const;
  // The search index forgets the case's text as `before` held it, and takes
  // its stored text again at the commit (call with update_case).
  void reindex_text(const CaseRow& before);
  std::int64_t count_cases() const;

  // What supervision looks at: open cases (listed or in progress) due
  // before `before`, and listed cases whose ack is due before `before`, with
  // only what `remind` says of each, by due then id (a city has tens of
  // thousands: reading whole cases was two thirds of remind).
  std::vector<DueRow> due_rows_before(Instant before) const;
  std::vector<DueRow> unacknowledged_rows_before(Instant before) const;
  // Suspended cases whose expected end is before `before`, and open cases
  // whose lead unit asks for a later due, as DueRows (their due is the
  // expected end, the due asked for): what remind says of them.
  std::vector<DueRow> suspension_rows_before(Instant before) const;
  std::vector<DueRow> extension_rows() const;
  // The first with only what a list of them shows, by due then id; and
  // the ids of either, in id order (the candidates of escalate --auto).
  std::vector<OverdueRow> overdue_before(Instant before) const;
  std::vector<std::int64_t> open_ids_due_before(Instant before) const;
  std::vector<std::int64_t> unacknowledged_ids_before(Instant before) const;

  // Whistles.
  void insert_summons(const SummonsRow& row);
  std::vector<SummonsRow> summons_of(std::int64_t case_id) const;
  // Marks every unanswered summons of `unit` on the case answered at `at`;
  // returns those it marked, as they were before.
  std::vector<SummonsRow> answer_summons(std::int64_t case_id, const std::string& unit, Instant at);
  std::vector<SummonsRow> unanswered_summons_due_before(Instant before) const;

  // SPEC §7's counts for P = [from, to) as of T, one Tally per group key.
  std::vector<Tally> tally(GroupBy by, Instant from, Instant to, Instant as_of) const;
  // The appeals granted in [from, to), by the clock `as_of`, in time order.
  std::vector<GrantedAppeal> granted_appeals(Instant from, Instant to, Instant as_of) const;

  // Cases received and closed in each period [bounds[i], bounds[i+1]), in
  // one scan: the trend of the monthly report.
  std::vector<std::pair<std::int64_t, std::int64_t>>
  received_and_closed(const std::vector<Instant>& bounds) const;

  // Cases received in [from, to) per category and place.
  std::vector<TopicCount> topic_counts(Instant from, Instant to) const;

  // A meeting's cases, in id order.
  std::vector<CaseRow> cases_of_meeting(std::int64_t meeting) const;

  // Every meeting with its case counts, oldest first.
  std::vector<MeetingBacklog> meeting_backlog() const;

  // The journal: append and read, nothing else. append_event gives the
  // event the next id and its place in the hash chain (event.hpp).
  std::int64_t append_event(Event& event);
  // The same, given the detail's canonical text (detail_text of the object
  // it stands for, byte for byte: an intake writes its own): event.detail
  // is then not read.
  std::int64_t append_event(Event& event, const std::string& detail);
  std::vector<Event> events(std::int64_t case_id) const;
  // The instant of the case's latest event (its intake counts at
  // received_at); none for a case without events.
  std::optional<Instant> latest_act(std::int64_t case_id) const;

  // Reading as of a clock (SPEC §4). After this call every read above sees
  // the store as it stood at `clock`: events after it left out, cases
  // received after it absent, and each case changed after it as `refold`
  // rebuilds it from its events up to the clock (given the case as it is
  // now, for what its events do not say; none: the case did not exist).
  // Costs nothing when the clock is at or after the latest event. For
  // reading commands only: call it before any write, never inside one.
  using Refold =
      std::function<std::optional<CaseRow>(const CaseRow& now, const std::vector<Event>& events)>;
  void read_as_of(Instant clock, const Refold& refold);

  // What `doctor` reads. Each returns the first fault found, as text for
  // the caller to name (check, then where), or none.
  struct Fault {
    std::string check;  // integrity, schema, foreign_keys, instants, chain, case
    std::optional<std::int64_t> event, case_id;
    std::optional<std::string> field;  // a column, or the SQLite message
    std::optional<std::string> value;
  };
  std::optional<Fault> check_integrity(bool quick) const;
  std::optional<Fault> check_schema() const;
  std::optional<Fault> check_foreign_keys() const;
  std::optional<Fault> check_instants() const;
  // The hash chain, every event in id order.
  std::optional<Fault> check_chain() const;
  // Every case with its events (in id order), streamed: `visit` returns a
  // fault to stop at.
  std::optional<Fault> each_case_with_events(
      const std::function<std::optional<Fault>(const CaseRow&, const std::vector<Event>&)>& visit)
      const;
  // The chain's head: the latest event's id and hash.
  std::optional<std::pair<std::int64_t, std::string>> chain_head() const;
  // Every summons the store holds, by case, unit and time (its own table,
  // whatever clock it is read at).
  std::vector<SummonsRow> all_summons() const;
  // Every unit code the store refers to (lead units, co-units, journal).
  std::vector<std::string> units_used() const;

  // An online, consistent copy of the store at `path` (SQLite's backup API,
  // while others write), written under a temporary name and renamed.
  void backup(const std::filesystem::path& path) const;

  // Meetings.
  std::int64_t insert_meeting(MeetingRow& row);
  std::optional<MeetingRow> find_meeting(std::int64_t id) const;
  // Records the meeting's list issued: its issued_at, approved_by, issued_by.
  void issue_meeting(const MeetingRow& row);
  std::vector<MeetingRow> meetings() const;

  // Topics (每月一题). insert_topic fills row.id; topics() are oldest first,
  // each with its count of linked cases. link_topic adds the link at `at`
  // and says whether it is new (false: linked already, nothing written).
  std::int64_t insert_topic(TopicRow& row);
  std::optional<TopicRow> find_topic(std::int64_t id) const;
  std::vector<TopicRow> topics() const;
  bool link_topic(std::int64_t topic, std::int64_t case_id, Instant at);
  // The cases linked to `topic`, in id order.
  std::vector<CaseRow> cases_of_topic(std::int64_t topic) const;
  // Every link (topic, case) whose case has no `topic` event naming it.
  std::optional<Fault> check_topic_links() const;

  // Raw access for tests and `doctor`: runs one statement returning text.
  std::optional<std::string> query_text(const std::string& sql) const;

  // For the tests of query plans: `seen` is told the text of every
  // statement the store runs from now on (none: stop telling), and
  // query_plan gives SQLite's EXPLAIN QUERY PLAN of a statement's text,
  // one line per step ("SEARCH c USING COVERING INDEX ...").
  void trace_statements(std::function<void(const std::string& sql)> seen);
  std::vector<std::string> query_plan(const std::string& sql) const;

  struct Impl;  // SQLite lives behind this, in store.cpp only

private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
  void write(const std::function<void()>& work, bool batch);
};

}  // namespace duban::store
