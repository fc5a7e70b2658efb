#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <map>

#include "store/flat_detail.hpp"
#include "store/intake_scan.hpp"
#include "store/migrations.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::store {

namespace {

using time::format_utc;

// The case's own columns, but its id, in the order read_case reads and
// bind_case binds them; every statement that lists them is made from this.
constexpr std::string_view k_case_fields[] = {"receipt",
                                              "title",
                                              "description",
                                              "channel",
                                              "category",
                                              "class",
                                              "requester",
                                              "phone",
                                              "town",
                                              "village",
                                              "address",
                                              "meeting",
                                              "status",
                                              "lead_unit",
                                              "leader",
                                              "received_at",
                                              "first_assigned_at",
                                              "assigned_at",
                                              "ack_due",
                                              "acked_at",
                                              "due_at",
                                              "resolved_at",
                                              "outcome",
                                              "outcome_text",
                                              "closed_at",
                                              "level",
                                              "satisfaction",
                                              "confidential",
                                              "proxy",
                                              "suspended_at",
                                              "suspend_until",
                                              "extension_due",
                                              "merged_into",
                                              "appeal"};
constexpr int k_case_field_count = static_cast<int>(std::size(k_case_fields));
static_assert(k_case_field_count < 64, "update_case keeps the changed fields as bits");

// The intake fields an as-of replay copies from the case as it stands when
// nothing after the clock corrected them (read_as_of): those an intake of an
// older duban, which told none of them, takes from the case as given.
constexpr std::string_view k_intake_kept[] = {
    "title", "description", "channel", "category", "requester",    "phone",
    "town",  "village",     "address", "meeting",  "confidential", "proxy"};

// "c.receipt, c.title, ..." with `prefix`, or "?, ?, ..." with `each` = "?".
std::string case_field_list(std::string_view prefix, std::string_view each = {}) {
  std::string out;
  for (const auto f : k_case_fields) {
    if (!out.empty()) out += ", ";
    out += each.empty() ? fmt::format("{}{}", prefix, f) : std::string(each);
  }
  return out;
}

// The row layout shared by every case query (see read_case); `co_units` is
// the co-unit table read (co_unit, or its view as of a clock).
std::string case_columns(std::string_view co_units) {
  return fmt::format("c.id, {}, (SELECT json_group_array(unit) FROM"
                     "   (SELECT unit FROM {} WHERE case_id = c.id ORDER BY position))",
                     case_field_list("c."), co_units);
}

// INSERT INTO `table` (the case's fields, then id if `with_id`): the id is
// bound last, at k_case_field_count + 1.
std::string insert_case_sql(std::string_view table, bool with_id) {
  return fmt::format("INSERT INTO {} ({}{}) VALUES ({}{})", table, case_field_list(""),
                     with_id ? ", id" : "", case_field_list("", "?"), with_id ? ", ?" : "");
}
// duban's mark in the file header (schemas/004_evidence.sql).
constexpr int k_application_id = 0x4455424E;

[[noreturn]] void fail(Kind kind, std::string source, std::string value = {}) {
  Fields f;
  f.source = std::move(source);
  f.value = std::move(value);
  throw Error(kind, std::move(f));
}

// A row the store holds that duban never writes.
[[noreturn]] void bad_row(std::string field, std::string value,
                          std::optional<std::int64_t> case_id = std::nullopt) {
  Fields f;
  f.field = std::move(field);
  f.value = std::move(value);
  f.case_id = case_id;
  throw Error(Kind::store_bad_row, std::move(f));
}

// The one place where SQLite's failures become the store's neutral kinds,
// for every method, reads included: `store` is the file.
[[noreturn]] void rethrow(const SQLite::Exception& e, const std::string& store) {
  switch (e.getErrorCode() & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED: fail(Kind::store_busy, store);
  // The row's fault, not the file's: its caller may say where the row came from.
  case SQLITE_CONSTRAINT: fail(Kind::store_constraint, "", e.what());
  // Not a database, a bad page, or a table or column missing that
  // duban's schema has (SQLITE_ERROR: "no such table: summons").
  case SQLITE_NOTADB:
  case SQLITE_CORRUPT:
  case SQLITE_ERROR:
  case SQLITE_SCHEMA:
  case SQLITE_MISMATCH: fail(Kind::store_damaged, store, e.what());
  case SQLITE_CANTOPEN: fail(Kind::store_cant_create, store, e.what());
  default: fail(Kind::store_io, store, e.what());
  }
}

// Runs `work`, turning SQLite's failures into the store's kinds.
template <class F> auto guarded(const std::string& store, F&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const SQLite::Exception& e) {
    rethrow(e, store);
  }
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::optional<Instant> opt_instant(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  auto at = time::parse_stored(c.getString());
  if (!at) bad_row("instant", c.getString());
  return at;
}

Instant instant(const SQLite::Column& c) {
  auto at = opt_instant(c);
  if (!at) bad_row("instant", "");
  return *at;
}

// Text bound without a copy: it must live, unchanged, until the statement
// is stepped (and reset or bound again). A view is of a literal (a status,
// an action), which ends with a NUL.
void bind_view(SQLite::Statement& st, int index, const std::string& v) { st.bindNoCopy(index, v); }
void bind_view(SQLite::Statement& st, int index, std::string_view literal) {
  st.bindNoCopy(index, literal.data());
}
void bind_opt(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
  if (v) st.bind(index, *v);
  else st.bind(index);
}
void bind_opt(SQLite::Statement& st, int index, const std::optional<Instant>& v) {
  if (v) st.bind(index, format_utc(*v));
  else st.bind(index);
}
void bind_opt(SQLite::Statement& st, int index, const std::optional<std::int64_t>& v) {
  if (v) st.bind(index, *v);
  else st.bind(index);
}

// json_group_array's text: ["a","b"]; units are plain codes without quotes.
std::vector<std::string> parse_unit_array(const std::string& json) {
  std::vector<std::string> units;
  std::size_t i = 0;
  while ((i = json.find('"', i)) != std::string::npos) {
    const auto end = json.find('"', i + 1);
    if (end == std::string::npos) break;
    units.push_back(json.substr(i + 1, end - i - 1));
    i = end + 1;
  }
  return units;
}

CaseRow read_case(SQLite::Statement& st) {
  CaseRow r;
  int i = 0;
  r.id = st.getColumn(i++).getInt64();
  r.receipt = st.getColumn(i++).getString();
  r.title = st.getColumn(i++).getString();
  r.description = opt_text(st.getColumn(i++));
  r.channel = opt_text(st.getColumn(i++));
  r.category = opt_text(st.getColumn(i++));
  r.klass = opt_text(st.getColumn(i++));
  r.requester = opt_text(st.getColumn(i++));
  r.phone = opt_text(st.getColumn(i++));
  r.town = opt_text(st.getColumn(i++));
  r.village = opt_text(st.getColumn(i++));
  r.address = opt_text(st.getColumn(i++));
  if (auto c = st.getColumn(i++); !c.isNull()) r.meeting = c.getInt64();
  const auto status = st.getColumn(i++).getString();
  r.status = parse_status(status).value_or(Status::received);
  r.lead_unit = opt_text(st.getColumn(i++));
  r.leader = opt_text(st.getColumn(i++));
  r.received_at = instant(st.getColumn(i++));
  r.first_assigned_at = opt_instant(st.getColumn(i++));
  r.assigned_at = opt_instant(st.getColumn(i++));
  r.ack_due = opt_instant(st.getColumn(i++));
  r.acked_at = opt_instant(st.getColumn(i++));
  r.due_at = opt_instant(st.getColumn(i++));
  r.resolved_at = opt_instant(st.getColumn(i++));
  r.outcome = opt_text(st.getColumn(i++));
  r.outcome_text = opt_text(st.getColumn(i++));
  r.closed_at = opt_instant(st.getColumn(i++));
  r.level = st.getColumn(i++).getInt64();
  r.satisfaction = opt_text(st.getColumn(i++));
  r.confidential = st.getColumn(i++).getInt() != 0;
  r.proxy = opt_text(st.getColumn(i++));
  r.suspended_at = opt_instant(st.getColumn(i++));
  r.suspend_until = opt_instant(st.getColumn(i++));
  r.extension_due = opt_instant(st.getColumn(i++));
  if (auto c = st.getColumn(i++); !c.isNull()) r.merged_into = c.getInt64();
  r.appeal = opt_text(st.getColumn(i++));
  r.co_units = parse_unit_array(st.getColumn(i++).getString());
  return r;
}

// The instants bind_case bound, as text that lives until the statement is
// stepped.
struct BoundInstants {
  // received_at, first_assigned_at, assigned_at, ack_due, acked_at, due_at,
  // resolved_at, closed_at, suspended_at, suspend_until, extension_due
  std::array<std::string, 11> text;
  std::size_t used = 0;
};

// Binds the case's own fields at 1..k_case_field_count, in k_case_fields'
// order, its texts without a copy: `r` and `keep` must outlive the step.
void bind_case(SQLite::Statement& st, const CaseRow& r, BoundInstants& keep) {
  int i = 1;
  auto text = [&](const std::optional<std::string>& v) {
    if (v) bind_view(st, i, *v);
    else st.bind(i);
    ++i;
  };
  auto when = [&](const std::optional<Instant>& v) {
    if (v) {
      auto& t = keep.text.at(keep.used++);
      t = format_utc(*v);
      bind_view(st, i, t);
    } else {
      st.bind(i);
    }
    ++i;
  };
  bind_view(st, i++, r.receipt);
  bind_view(st, i++, r.title);
  text(r.description);
  text(r.channel);
  text(r.category);
  text(r.klass);
  text(r.requester);
  text(r.phone);
  text(r.town);
  text(r.village);
  text(r.address);
  bind_opt(st, i++, r.meeting);
  bind_view(st, i++, to_string(r.status));
  text(r.lead_unit);
  text(r.leader);
  when(r.received_at);
  when(r.first_assigned_at);
  when(r.assigned_at);
  when(r.ack_due);
  when(r.acked_at);
  when(r.due_at);
  when(r.resolved_at);
  text(r.outcome);
  text(r.outcome_text);
  when(r.closed_at);
  st.bind(i++, r.level);
  text(r.satisfaction);
  st.bind(i++, r.confidential ? 1 : 0);
  text(r.proxy);
  when(r.suspended_at);
  when(r.suspend_until);
  when(r.extension_due);
  bind_opt(st, i++, r.merged_into);
  text(r.appeal);
}

}  // namespace

std::string_view to_string(Status s) {
  switch (s) {
  case Status::received: return "received";
  case Status::listed: return "listed";
  case Status::in_progress: return "in_progress";
  case Status::resolved: return "resolved";
  case Status::closed: return "closed";
  }
  return "received";
}

std::optional<Status> parse_status(std::string_view text) {
  for (auto s :
       {Status::received, Status::listed, Status::in_progress, Status::resolved, Status::closed})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

namespace {
MeetingRow read_meeting(SQLite::Statement& st) {
  MeetingRow m;
  m.id = st.getColumn(0).getInt64();
  m.kind = st.getColumn(1).getString();
  m.title = st.getColumn(2).getString();
  const auto day = time::parse_date(st.getColumn(3).getString());
  if (!day) bad_row("held_on", st.getColumn(3).getString());
  m.held_on = *day;
  m.group = opt_text(st.getColumn(4));
  m.created_at = instant(st.getColumn(5));
  m.issued_at = opt_instant(st.getColumn(6));
  m.approved_by = opt_text(st.getColumn(7));
  m.issued_by = opt_text(st.getColumn(8));
  return m;
}
constexpr const char* k_meeting_select =
    "SELECT id, kind, title, held_on, group_name, created_at, issued_at, approved_by, issued_by"
    " FROM ";
}  // namespace

// How long a command waits for another's lock on the store before it gives up.
constexpr int k_busy_ms = 5000;

struct Store::Impl {
  SQLite::Database db;
  // Statements of fixed text, prepared once per connection: a batch intake
  // runs the same few statements a million times.
  std::map<const char*, std::unique_ptr<SQLite::Statement>> statements;
  // update_case's UPDATEs, by the set of fields they write (bit i: k_case_fields[i]).
  std::map<std::uint64_t, std::unique_ptr<SQLite::Statement>> updates;
  // Cases whose text the open transaction changed, and the first case it
  // added (those after it are added too): indexed for search at its commit.
  std::vector<std::int64_t> unindexed;
  std::int64_t first_added = 0, added = 0;
  bool bulk = false;  // this transaction dropped the bulk indexes
  // The page cache's size before a big batch made it bigger, to go back to
  // at its end (see k_bulk_cache_kib).
  std::optional<int> cache_size;
  // The indexes a big batch dropped, as their CREATE statements: made again
  // at the commit (see k_bulk_indexes).
  std::vector<std::string> dropped;
  // The chain's head as of the open transaction's last append: known only
  // inside a write, so that another writer's events are never missed.
  std::optional<std::pair<std::int64_t, std::string>> head;
  std::vector<std::string> warnings;
  std::string path;                                // the file, as the user named it, for messages
  std::function<void(const std::string&)> traced;  // trace_statements
  // The tables reads use: the store's own, or their views as of a clock
  // (read_as_of). Chosen from these fixed names only, never from user text.
  struct Sources {
    std::string cases = "\"case\"", co_units = "co_unit", journal = "journal", summons = "summons",
                meetings = "meeting", topics = "topic", topic_cases = "topic_case";
  } src;
  // Where a read joins the journal to its cases by id: the case table
  // alone, or as of a clock its unchanged cases and the replayed ones (those
  // folded with their intake fields kept, and those read whole) apart: a
  // join by id on a UNION ALL view would materialize each of its cases and
  // index them, for each statement.
  // As of a clock: the cases that stood unchanged, the folded ones, the
  // fresh ones (folded to what their intake alone made them) and those read
  // whole. A read of none of the intake fields kept (k_intake_kept) reads
  // the folded and fresh cases without the case table, where those are blank.
  std::vector<std::string> joined_cases(bool intake_fields = true) const {
    if (src.cases != "temp.case_asof") return {src.cases};
    return {"main.\"case\"", intake_fields ? "temp.replayed_kept" : "temp.replayed_state",
            intake_fields ? "temp.fresh_kept" : "temp.fresh_only", "temp.replayed_whole"};
  }
  // The condition that keeps a case of joined_cases()' `i`th source to the
  // cases it stands for (none for the live tables).
  std::string joined_only(std::size_t i, const char* id) const {
    if (src.cases != "temp.case_asof") return "";
    return i == 0 ? fmt::format(" AND {} NOT IN (SELECT id FROM temp.changed) AND c.received_at <= "
                                "(SELECT t FROM temp.asof_clock)",
                                id)
                  : "";
  }
  explicit Impl(const std::string& path, int flags) : db(path, flags, k_busy_ms) {}

  std::string columns() const { return case_columns(src.co_units); }

  SQLite::Statement& cached(const char* sql) {
    auto& st = statements[sql];
    if (!st) st = std::make_unique<SQLite::Statement>(db, sql);
    st->reset();
    st->clearBindings();
    return *st;
  }
};

namespace {
const std::string k_insert_case = insert_case_sql("\"case\"", false);
// For each of the case's fields bound as bind_case binds them, whether the
// stored one is the same; then its co-units (Store::update_case).
const std::string k_case_diff = [] {
  std::string same;
  for (int i = 0; i < k_case_field_count; ++i)
    same += fmt::format("?{} IS {}, ", i + 1, k_case_fields[i]);
  return fmt::format("SELECT {0}(SELECT json_group_array(unit) FROM (SELECT unit FROM co_unit"
                     " WHERE case_id = ?{1} ORDER BY position)) FROM \"case\" WHERE id = ?{1}",
                     same, k_case_field_count + 1);
}();
constexpr const char* k_clear_co_units = "DELETE FROM co_unit WHERE case_id = ?";
constexpr const char* k_insert_co_unit =
    "INSERT INTO co_unit (case_id, position, unit) VALUES (?, ?, ?)";
constexpr const char* k_receipt_taken = "SELECT 1 FROM \"case\" WHERE receipt = ?";

// A batch of this many cases, when it is a quarter of the store or more,
// drops the indexes below and makes them again at its commit: an index
// whose keys come in no order (the instants of a year's cases) costs a
// random b-tree insert per row, while making it again sorts once (on a
// million cases, live indexes triple the cost of a bulk load; making them
// after it takes 1-3 s). Even those whose keys come in order (status,
// lead unit, a case's events) cost more live, a descent per row, than
// sorted after (a million cases: 30.1 -> 29.1 s). The receipts' unique
// index stays: it refuses a receipt twice. All in the one transaction: a
// reader never sees the store without them, and a rollback keeps them.
constexpr std::int64_t k_bulk_cases = 50000;
// A batch of this many cases works with a page cache of k_bulk_cache_kib
// until its commit, instead of SQLite's 2 MiB: the receipts' index takes
// its keys in no order, and with too small a cache each insert reads pages
// back and spills dirty ones to the WAL before the commit.
constexpr std::int64_t k_bulk_cache_cases = 1000;
constexpr int k_bulk_cache_kib = 32768;
constexpr const char* k_bulk_indexes[] = {"case_received_report", "journal_action_at",
                                          "journal_at",           "case_status",
                                          "case_lead_unit",       "journal_case"};

void drop_bulk_indexes(Store::Impl& impl) {
  // A statement left stepping would lock the schema against the change.
  for (auto& [sql, statement] : impl.statements) statement->reset();
  SQLite::Statement read(impl.db,
                         "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
  for (const char* name : k_bulk_indexes) {
    read.reset();
    read.bind(1, name);
    if (!read.executeStep()) continue;
    impl.dropped.push_back(read.getColumn(0).getString());
    read.reset();
    impl.db.exec(fmt::format("DROP INDEX \"{}\"", name));
  }
}

void insert_co_units(Store::Impl& impl, const CaseRow& row) {
  auto& add = impl.cached(k_insert_co_unit);
  for (std::size_t i = 0; i < row.co_units.size(); ++i) {
    add.reset();
    add.bind(1, row.id);
    add.bind(2, static_cast<std::int64_t>(i));
    add.bind(3, row.co_units[i]);
    add.exec();
  }
}
}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::latest_schema_version() { return static_cast<int>(k_migrations.size()); }

namespace {

// What kind of SQLite file this is, read without writing a byte to it.
enum class FileKind { empty, ours, foreign };

FileKind kind_of_now(SQLite::Database& db);

// Read in one read transaction: statement by statement, another duban
// creating the store could commit between two reads (no application_id yet,
// then a whole schema), and the file would pass for another program's.
FileKind kind_of(SQLite::Database& db) {
  const bool outside = sqlite3_get_autocommit(db.getHandle()) != 0;
  if (outside) db.exec("BEGIN");  // deferred: it writes nothing
  try {
    const auto kind = kind_of_now(db);
    if (outside) db.exec("COMMIT");
    return kind;
  } catch (...) {
    if (outside && !sqlite3_get_autocommit(db.getHandle()))
      sqlite3_exec(db.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

FileKind kind_of_now(SQLite::Database& db) {
  auto value = [&](const char* sql) {
    SQLite::Statement st(db, sql);
    st.executeStep();
    return st.getColumn(0).getInt64();
  };
  if (value("PRAGMA application_id") == k_application_id) return FileKind::ours;
  if (value("SELECT count(*) FROM sqlite_schema") == 0) return FileKind::empty;
  // A store of schema 1-3 predates the application_id: it is known by its
  // own tables and the journal's append-only triggers, together.
  const auto v = value("PRAGMA user_version");
  const auto own = value(
      "SELECT count(*) FROM sqlite_schema WHERE (type = 'table' AND name IN ('case', 'journal',"
      " 'meeting', 'co_unit', 'case_text')) OR (type = 'trigger' AND name IN"
      " ('journal_no_update', 'journal_no_delete', 'case_no_delete'))");
  return v >= 1 && v <= 3 && own == 8 ? FileKind::ours : FileKind::foreign;
}

// duban_writer(): 1 on duban's own connections, where the case table's
// update trigger allows changes (schemas/004_evidence.sql).
void define_writer_function(SQLite::Database& db) {
  sqlite3_create_function(
      db.getHandle(), "duban_writer", 0, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
      [](sqlite3_context* c, int, sqlite3_value**) { sqlite3_result_int(c, 1); }, nullptr, nullptr);
}

// Gives every event without a hash its place in the chain, in id order:
// the step of migration 4 that SQL alone cannot take.
void chain_unhashed(SQLite::Database& db) {
  SQLite::Statement read(
      db, "SELECT id, case_id, at, actor, action, unit, detail, hash FROM journal ORDER BY id");
  SQLite::Statement set(db, "UPDATE journal SET hash = ? WHERE id = ?");
  std::string previous(k_chain_start);
  while (read.executeStep()) {
    if (!read.getColumn(7).isNull()) {
      previous = read.getColumn(7).getString();
      continue;
    }
    Event e;
    e.id = read.getColumn(0).getInt64();
    e.case_id = read.getColumn(1).getInt64();
    e.at = time::parse_stored(read.getColumn(2).getString()).value_or(Instant{});
    e.actor = read.getColumn(3).getString();
    e.action = parse_action(read.getColumn(4).getString()).value_or(Action::note);
    e.unit = opt_text(read.getColumn(5));
    e.detail = Detail::parse(read.getColumn(6).getString());
    previous = chain_hash(previous, encode(e));
    set.reset();
    set.bind(1, previous);
    set.bind(2, e.id);
    set.exec();
  }
}

// `sql` (a CREATE TABLE) with each `x IN ('a', 'b', 'c')` of three or more
// literals written as (x = 'a' OR x = 'b' OR x = 'c'), and each
// `x NOT IN (...)` as (x <> 'a' AND ...): the step of migration 7 (see
// schemas/007_check_lists.sql). A list holding anything but quoted
// literals, comments and commas is left as it is.
std::string without_in_lists(const std::string& sql) {
  std::string out;
  std::size_t done = 0;
  for (std::size_t at = sql.find(" IN ("); at != std::string::npos;
       at = sql.find(" IN (", at + 1)) {
    // The column before: `x IN` or `x NOT IN`.
    std::size_t word_end = at;
    const bool negated = at >= 4 && sql.compare(at - 4, 4, " NOT") == 0;
    if (negated) word_end = at - 4;
    std::size_t word_start = word_end;
    while (word_start > done && (std::isalnum(static_cast<unsigned char>(sql[word_start - 1])) ||
                                 sql[word_start - 1] == '_'))
      --word_start;
    if (word_start == word_end) continue;
    const std::string column = sql.substr(word_start, word_end - word_start);
    std::vector<std::string> literals;
    std::size_t i = at + 5;
    bool literal_only = true;
    for (;;) {
      while (i < sql.size() && (std::isspace(static_cast<unsigned char>(sql[i])) || sql[i] == ','))
        ++i;
      if (sql.compare(i, 2, "--") == 0) {
        i = sql.find('\n', i);
        if (i == std::string::npos) return sql;
        continue;
      }
      if (i < sql.size() && sql[i] == '\'') {
        const auto close = sql.find('\'', i + 1);
        if (close == std::string::npos) return sql;
        literals.push_back(sql.substr(i, close + 1 - i));
        i = close + 1;
        continue;
      }
      literal_only = i < sql.size() && sql[i] == ')';
      break;
    }
    if (!literal_only || literals.size() < 3) continue;
    out += sql.substr(done, word_start - done) + "(";
    for (std::size_t k = 0; k < literals.size(); ++k)
      out += (k ? (negated ? " AND " : " OR ") : "") + column + (negated ? " <> " : " = ") +
             literals[k];
    out += ")";
    done = i + 1;
    at = i;
  }
  return out + sql.substr(done);
}

// Migration 7's step: every table's IN lists rewritten in sqlite_schema,
// and the schema's version moved on so that every connection reads them anew.
void rewrite_in_lists(SQLite::Database& db) {
  SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'"
                               " AND sql NOT LIKE 'CREATE VIRTUAL%'");
  std::vector<std::pair<std::string, std::string>> changed;
  while (tables.executeStep()) {
    const auto sql = tables.getColumn(1).getString();
    auto rewritten = without_in_lists(sql);
    // The journal's detail is parsed once, not twice: valid JSON that
    // starts with { is an object (duban writes it compact).
    constexpr std::string_view k_twice = "json_valid(detail) AND json_type(detail) = 'object'";
    if (const auto at = rewritten.find(k_twice); at != std::string::npos)
      rewritten.replace(at, k_twice.size(), "json_valid(detail) AND substr(detail, 1, 1) = '{'");
    if (rewritten != sql)
      changed.emplace_back(tables.getColumn(0).getString(), std::move(rewritten));
  }
  if (changed.empty()) return;
  SQLite::Statement cookie(db, "PRAGMA schema_version");
  cookie.executeStep();
  const auto version = cookie.getColumn(0).getInt64();
  cookie.reset();
  db.exec("PRAGMA writable_schema = ON");
  SQLite::Statement set(db, "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?");
  for (const auto& [name, sql] : changed) {
    set.reset();
    set.bind(1, sql);
    set.bind(2, name);
    set.exec();
  }
  db.exec(fmt::format("PRAGMA schema_version = {}", version + 1));
  db.exec("PRAGMA writable_schema = RESET");
}

}  // namespace

const std::vector<std::string>& Store::warnings() const { return m_impl->warnings; }

Store Store::open(const std::filesystem::path& path, Create create) {
  const bool memory = path == ":memory:";
  const std::string where = path.string();
  std::vector<std::string> warnings;
  if (!memory) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && create == Create::never) fail(Kind::store_missing, where);
    if (!exists) {
      if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
      // Created owner-only before SQLite sees it; SQLite gives its -wal and
      // -shm files the same mode.
      const int fd = ::open(where.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST) fail(Kind::store_cant_create, where, std::strerror(errno));
      if (fd >= 0) ::close(fd);
    }
    struct stat st {};
    if (::stat(where.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 022))
      warnings.push_back(fmt::format("the store {} can be written by others than its owner "
                                     "(mode {:o}); chmod 600 it",
                                     where, st.st_mode & 0777));
  }
  try {
    // One connection, used by one thread: SQLite need not take a mutex at
    // every call, nor count its memory (a lock per allocation) -- together
    // a twentieth of a bulk intake's work.
    static const bool unlocked = [] {
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // refused harmlessly once SQLite is running
      return true;
    }();
    (void)unlocked;
    auto impl = std::make_unique<Impl>(where, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                                  SQLite::OPEN_NOMUTEX);
    auto& db = impl->db;
    impl->warnings = std::move(warnings);
    impl->path = where;
    define_writer_function(db);
    db.exec("PRAGMA foreign_keys = ON");
    Store store(std::move(impl));
    const int latest = latest_schema_version();
    auto check_version = [&] {
      const int version = store.schema_version();
      if (version > latest) {
        Fields f;
        f.value = std::to_string(version);
        f.source = where;
        f.choices = {std::to_string(latest)};
        throw Error(Kind::store_newer, std::move(f));
      }
      return version;
    };
    // Nothing is written, not even the journal mode, before the file is
    // known to be ours or empty.
    switch (kind_of(db)) {
    case FileKind::foreign: fail(Kind::store_foreign, where);
    case FileKind::empty:
      if (create == Create::never) fail(Kind::store_empty, where);
      break;
    case FileKind::ours: break;
    }
    if (check_version() < latest || memory) {
      // Read again under the write lock: another duban may be creating or
      // migrating the same store at this moment.
      store.write([&] {
        const int version = check_version();
        if (version == 0 && kind_of(db) == FileKind::foreign) fail(Kind::store_foreign, where);
        if (version == 0 && !memory) ::chmod(where.c_str(), 0600);
        for (int v = version; v < latest; ++v) {
          db.exec(std::string(k_migrations[std::size_t(v)].sql));
          if (v + 1 == 4) chain_unhashed(db);
          if (v + 1 == 7) rewrite_in_lists(db);
          db.exec(fmt::format("PRAGMA user_version = {}", v + 1));
        }
      });
    }
    if (!memory) {
      SQLite::Statement mode(db, "PRAGMA journal_mode = WAL");
      mode.executeStep();
    }
    db.exec("PRAGMA synchronous = NORMAL");
    return store;
  } catch (const SQLite::Exception& e) {
    rethrow(e, where);
  }
}

void Store::write(const std::function<void()>& work) { write(work, false); }
void Store::write_batch(const std::function<void()>& work) { write(work, true); }

void Store::write(const std::function<void()>& work, bool batch) {
  auto& db = m_impl->db;
  auto& unindexed = m_impl->unindexed;
  auto& first_added = m_impl->first_added;
  unindexed.clear();
  first_added = m_impl->added = 0;
  m_impl->bulk = false;
  m_impl->dropped.clear();
  m_impl->head.reset();
  // A batch's statement journal in memory: SQLite chooses where it goes
  // when the transaction begins (as temp_store says), and keeps it there to
  // the end. Each statement's is emptied when the statement ends: it holds
  // the pages the statement changed, and those the page cache wrote out
  // while it ran; once one outgrew its 64 KiB in memory, it would go on to
  // a file for the rest of the transaction, a write per page per statement
  // (200,000 cases: 2.7 million writes, 5 GB). temp_store is set back as
  // soon as the transaction has begun, so that sorting (CREATE INDEX) still
  // spills to disk within a bounded memory.
  std::optional<int> temp_store;
  // A batch into a store that holds no case yet (a city's first load) runs
  // with a rollback journal, not the WAL: every page it writes is new, and
  // a rollback journal writes a new page once (it keeps only the pages as
  // they were before), where the WAL writes each twice, into the log and
  // at the checkpoint (a million cases: 7 GB less written). No one can be
  // reading what such a store holds; if anyone has it open at all, the
  // switch is refused at once and the batch runs in the WAL. Synchronous
  // FULL meanwhile, as a rollback journal needs to survive a power cut.
  // The WAL comes back at the end, and at the next open if the process dies.
  bool rollback_journal = false;
  auto journal_mode = [&](const char* mode) {
    sqlite3_busy_timeout(db.getHandle(), 0);
    bool done = false;
    try {
      SQLite::Statement set(db, fmt::format("PRAGMA journal_mode = {}", mode));
      done = set.executeStep() && set.getColumn(0).getString() == mode;
    } catch (const SQLite::Exception&) {
      // Busy: someone has the store open.
    }
    sqlite3_busy_timeout(db.getHandle(), k_busy_ms);
    return done;
  };
  auto back_to_wal = [&] {
    if (!rollback_journal) return;
    rollback_journal = false;
    journal_mode("wal");
    db.exec("PRAGMA synchronous = NORMAL");
  };
  try {
    if (batch) {
      SQLite::Statement now(db, "PRAGMA temp_store");
      temp_store = now.executeStep() ? now.getColumn(0).getInt() : 0;
      db.exec("PRAGMA temp_store = MEMORY");
      SQLite::Statement any(db, "SELECT EXISTS (SELECT 1 FROM \"case\")");
      const bool empty = any.executeStep() && any.getColumn(0).getInt() == 0;
      any.reset();
      if (empty && m_impl->path != ":memory:" && journal_mode("delete")) {
        rollback_journal = true;
        db.exec("PRAGMA synchronous = FULL");
      }
    }
    db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    back_to_wal();
    rethrow(e, m_impl->path);
  }
  // A big batch's page cache back to its size before, at its end.
  auto restore_cache = [&] {
    if (!m_impl->cache_size) return;
    db.exec(fmt::format("PRAGMA cache_size = {}", *m_impl->cache_size));
    m_impl->cache_size.reset();
  };
  auto rollback = [&] {
    unindexed.clear();
    first_added = m_impl->added = 0;
    m_impl->bulk = false;
    m_impl->dropped.clear();  // the rollback makes them again
    m_impl->head.reset();
    if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
    restore_cache();
    back_to_wal();
  };
  try {
    if (temp_store) db.exec(fmt::format("PRAGMA temp_store = {}", *temp_store));
    work();
    // Sorting for CREATE INDEX takes as much memory again as the page
    // cache: the cache goes back to its size first, to stay in 64 MiB.
    restore_cache();
    for (const auto& sql : m_impl->dropped) db.exec(sql);
    m_impl->dropped.clear();
    // One statement for the whole batch, for FTS5 flushes at every
    // statement: see case_text in schemas/.
    // A store that had no case before is indexed whole by FTS5's own
    // rebuild, which reads the cases a fifth faster than an INSERT of them.
    // It merges its segments eight at a time rather than FTS5's four (a
    // million cases: 9.9 -> 8.0 s, the index as large and as quick to
    // search), and later writes merge by four again.
    if (first_added == 1) {
      db.exec("INSERT INTO case_text (case_text, rank) VALUES ('automerge', 8)");
      db.exec("INSERT INTO case_text (case_text) VALUES ('rebuild')");
      db.exec("INSERT INTO case_text (case_text, rank) VALUES ('automerge', 4)");
    } else if (first_added != 0) {
      SQLite::Statement index(db, "INSERT INTO case_text (rowid, title, description, address)"
                                  " SELECT id, title, description, address FROM \"case\""
                                  " WHERE id >= ?");
      index.bind(1, first_added);
      index.exec();
    }
    std::erase_if(unindexed,
                  [&](std::int64_t id) { return first_added != 0 && id >= first_added; });
    if (!unindexed.empty()) {
      std::string ids = "[";
      for (std::size_t i = 0; i < unindexed.size(); ++i)
        ids += (i ? "," : "") + std::to_string(unindexed[i]);
      ids += "]";
      SQLite::Statement index(db, "INSERT INTO case_text (rowid, title, description, address)"
                                  " SELECT id, title, description, address FROM \"case\""
                                  " WHERE id IN (SELECT value FROM json_each(?))");
      index.bind(1, ids);
      index.exec();
    }
    unindexed.clear();
    first_added = m_impl->added = 0;
    m_impl->bulk = false;
    db.exec("COMMIT");
    restore_cache();
    back_to_wal();
  } catch (const SQLite::Exception& e) {
    rollback();
    rethrow(e, m_impl->path);
  } catch (...) {
    rollback();
    throw;
  }
}

int Store::schema_version() const {
  return guarded(m_impl->path, [&]() -> int {
    SQLite::Statement st(m_impl->db, "PRAGMA user_version");
    st.executeStep();
    return st.getColumn(0).getInt();
  });
}

std::int64_t Store::insert_case(CaseRow& row) {
  try {
    auto& st = m_impl->cached(k_insert_case.c_str());
    BoundInstants keep;
    bind_case(st, row, keep);
    st.exec();
    row.id = m_impl->db.getLastInsertRowid();
    insert_co_units(*m_impl, row);
    if (m_impl->first_added == 0) m_impl->first_added = row.id;
    if (m_impl->added + 1 == k_bulk_cache_cases) {
      SQLite::Statement size(m_impl->db, "PRAGMA cache_size");
      if (size.executeStep()) m_impl->cache_size = size.getColumn(0).getInt();
      m_impl->db.exec(fmt::format("PRAGMA cache_size = {}", -k_bulk_cache_kib));
    }
    // Looked at once a batch reaches k_bulk_cases and every k_bulk_cases
    // after, until it is a quarter of the cases before it: a million cases
    // added to a million drop them too, at their 300,000th.
    if (++m_impl->added % k_bulk_cases == 0 && !m_impl->bulk &&
        m_impl->added * 4 >= m_impl->first_added) {
      m_impl->bulk = true;
      drop_bulk_indexes(*m_impl);
    }
    return row.id;
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

void Store::update_case(const CaseRow& row) {
  try {
    // Only what changed is written. SQLite rewrites each index that holds a
    // column an UPDATE sets, changed or not: escalate --auto, which changes
    // a level, rewrote every index entry of each case it raised (a million
    // cases, 112,212 raised: 2.2 s of 10). SQLite itself tells which of the
    // bound fields differ from the stored ones.
    auto& diff = m_impl->cached(k_case_diff.c_str());
    BoundInstants compared;
    bind_case(diff, row, compared);
    diff.bind(k_case_field_count + 1, row.id);
    if (!diff.executeStep()) {
      diff.reset();
      return;  // no such case: an UPDATE would change nothing either
    }
    std::uint64_t changed = 0;
    for (int i = 0; i < k_case_field_count; ++i)
      if (diff.getColumn(i).getInt() == 0) changed |= std::uint64_t{1} << i;
    const bool co_units_changed =
        parse_unit_array(diff.getColumn(k_case_field_count).getString()) != row.co_units;
    diff.reset();
    if (changed != 0) {
      auto& update = m_impl->updates[changed];
      if (!update) {
        std::string set;
        for (int i = 0; i < k_case_field_count; ++i)
          if (changed & (std::uint64_t{1} << i))
            set += fmt::format("{}{} = ?{}", set.empty() ? "" : ", ", k_case_fields[i], i + 1);
        update = std::make_unique<SQLite::Statement>(
            m_impl->db,
            fmt::format("UPDATE \"case\" SET {} WHERE id = ?{}", set, k_case_field_count + 1));
      }
      update->reset();
      BoundInstants written;
      bind_case(*update, row, written);
      update->bind(k_case_field_count + 1, row.id);
      update->exec();
    }
    if (co_units_changed) {
      auto& clear = m_impl->cached(k_clear_co_units);
      clear.bind(1, row.id);
      clear.exec();
      insert_co_units(*m_impl, row);
    }
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

std::optional<CaseRow> Store::find_case(std::int64_t id) const {
  return guarded(m_impl->path, [&]() -> std::optional<CaseRow> {
    SQLite::Statement st(m_impl->db, fmt::format("SELECT {} FROM {} c WHERE c.id = ?",
                                                 m_impl->columns(), m_impl->src.cases));
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return read_case(st);
  });
}

std::optional<CaseRow> Store::find_case_by_receipt(const std::string& receipt) const {
  // As a requester reads it out: any case, spaces, dashes (ASCII or full-width).
  std::string key;
  for (std::size_t i = 0; i < receipt.size(); ++i) {
    const char c = receipt[i];
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (receipt.compare(i, 3, "\xEF\xBC\x8D") == 0 || receipt.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 2;  // － (U+FF0D) and the ideographic space (U+3000)
      continue;
    }
    key += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return guarded(m_impl->path, [&]() -> std::optional<CaseRow> {
    // duban writes XXXX-XXXX: that form first, by the index; then any form.
    const std::string dashed = key.size() == 8 ? key.substr(0, 4) + "-" + key.substr(4) : key;
    SQLite::Statement st(m_impl->db, fmt::format("SELECT {} FROM {} c WHERE c.receipt = ?",
                                                 m_impl->columns(), m_impl->src.cases));
    st.bind(1, dashed);
    if (st.executeStep()) return read_case(st);
    SQLite::Statement any(m_impl->db,
                          fmt::format("SELECT {} FROM {} c WHERE upper(replace(replace(c.receipt,"
                                      " '-', ''), ' ', '')) = ?",
                                      m_impl->columns(), m_impl->src.cases));
    any.bind(1, key);
    if (any.executeStep()) return read_case(any);
    return std::nullopt;
  });
}

bool Store::receipt_taken(const std::string& receipt) const {
  return guarded(m_impl->path, [&]() -> bool {
    auto& st = m_impl->cached(k_receipt_taken);
    st.bind(1, receipt);
    return st.executeStep();
  });
}

void Store::reindex_text(const CaseRow& before) {
  try {
    // An external-content index forgets a row by being told its old text.
    SQLite::Statement forget(m_impl->db,
                             "INSERT INTO case_text (case_text, rowid, title, description, address)"
                             " VALUES ('delete', ?, ?, ?, ?)");
    forget.bind(1, before.id);
    forget.bind(2, before.title);
    bind_opt(forget, 3, before.description);
    bind_opt(forget, 4, before.address);
    forget.exec();
    m_impl->unindexed.push_back(before.id);
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

std::int64_t Store::count_cases() const {
  return guarded(m_impl->path, [&]() -> std::int64_t {
    SQLite::Statement st(m_impl->db, fmt::format("SELECT count(*) FROM {}", m_impl->src.cases));
    st.executeStep();
    return st.getColumn(0).getInt64();
  });
}

namespace {
// An FTS5 phrase: the text in double quotes, inner quotes doubled.
std::string fts_phrase(const std::string& text) {
  std::string phrase = "\"";
  for (char ch : text) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return phrase + "\"";
}

// The statement that selects `columns` of the cases `f` selects, in id order.
// The WHERE clause is built from fixed fragments only; every value is bound.
std::unique_ptr<SQLite::Statement> case_query(const Store::Impl& impl, const std::string& columns,
                                              const CaseFilter& f) {
  std::string sql = fmt::format("SELECT {} FROM {} c WHERE 1", columns, impl.src.cases);
  std::vector<std::function<void(SQLite::Statement&, int&)>> binders;
  auto text_eq = [&](const char* column, const std::optional<std::string>& v) {
    if (!v) return;
    sql += fmt::format(" AND c.{} = ?", column);
    binders.push_back([v](SQLite::Statement& st, int& i) { st.bind(i++, *v); });
  };
  auto instant_cmp = [&](const char* cond, const std::optional<Instant>& v) {
    if (!v) return;
    sql += fmt::format(" AND {}", cond);
    binders.push_back([v](SQLite::Statement& st, int& i) { st.bind(i++, format_utc(*v)); });
  };
  if (!f.statuses.empty()) {
    sql += " AND c.status IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      sql += i ? ",?" : "?";
      const std::string s(to_string(f.statuses[i]));
      binders.push_back([s](SQLite::Statement& st, int& k) { st.bind(k++, s); });
    }
    sql += ")";
  }
  if (f.unit) {
    sql += fmt::format(" AND (c.lead_unit = ? OR c.id IN (SELECT case_id FROM {} WHERE unit = ?))",
                       impl.src.co_units);
    binders.push_back([u = *f.unit](SQLite::Statement& st, int& i) {
      st.bind(i++, u);
      st.bind(i++, u);
    });
  }
  text_eq("class", f.klass);
  text_eq("channel", f.channel);
  text_eq("category", f.category);
  if (f.meeting) {
    sql += " AND c.meeting = ?";
    binders.push_back([m = *f.meeting](SQLite::Statement& st, int& i) { st.bind(i++, m); });
  }
  const bool open_due = f.overdue_at || f.due_from || f.due_before;
  // A suspended case or a merged request runs on no clock: never overdue.
  if (open_due)
    sql += " AND c.status NOT IN ('resolved', 'closed') AND c.due_at IS NOT NULL"
           " AND c.suspended_at IS NULL AND c.merged_into IS NULL";
  if (f.suspended) sql += " AND c.suspended_at IS NOT NULL";
  instant_cmp("c.due_at < ?", f.overdue_at);
  instant_cmp("c.due_at >= ?", f.due_from);
  instant_cmp("c.due_at < ?", f.due_before);
  instant_cmp("c.received_at >= ?", f.received_from);
  instant_cmp("c.received_at < ?", f.received_before);
  instant_cmp("c.closed_at >= ?", f.closed_from);
  instant_cmp("c.closed_at < ?", f.closed_before);
  text_eq("leader", f.leader);
  text_eq("proxy", f.proxy);
  text_eq("town", f.town);
  if (f.search && !f.search->empty()) {
    if (util::count_code_points(*f.search) >= 3) {
      const auto phrase = fts_phrase(*f.search);
      sql += " AND c.id IN (SELECT rowid FROM case_text WHERE case_text MATCH ?)";
      binders.push_back([phrase](SQLite::Statement& st, int& i) { st.bind(i++, phrase); });
    } else {
      // The trigram index cannot find 1-2 characters (路灯): scan instead.
      // LIKE, ASCII letters in any case as lower() folds them, without the
      // copy of every text lower() makes; its own % _ and \ taken literally.
      sql += " AND (c.title LIKE ? ESCAPE '\\' OR c.description LIKE ? ESCAPE '\\'"
             " OR c.address LIKE ? ESCAPE '\\')";
      std::string needle = "%";
      for (char ch : *f.search) {
        if (ch == '%' || ch == '_' || ch == '\\') needle += '\\';
        needle += ch;
      }
      needle += '%';
      binders.push_back([needle](SQLite::Statement& st, int& i) {
        st.bind(i++, needle);
        st.bind(i++, needle);
        st.bind(i++, needle);
      });
    }
  }
  sql += " ORDER BY c.id";
  if (f.limit) {
    sql += " LIMIT ?";
    binders.push_back([n = *f.limit](SQLite::Statement& st, int& i) { st.bind(i++, n); });
  }
  auto st = std::make_unique<SQLite::Statement>(impl.db, sql);
  int index = 1;
  for (auto& b : binders) b(*st, index);
  return st;
}
}  // namespace

std::vector<CaseRow> Store::list_cases(const CaseFilter& f) const {
  std::vector<CaseRow> rows;
  each_case(f, [&](const CaseRow& c) { rows.push_back(c); });
  return rows;
}

void Store::each_case(const CaseFilter& f, const std::function<void(const CaseRow&)>& visit) const {
  guarded(m_impl->path, [&] {
    auto st = case_query(*m_impl, m_impl->columns(), f);
    while (st->executeStep()) visit(read_case(*st));
  });
}

void Store::read(const std::function<void()>& work) const {
  auto& db = m_impl->db;
  if (!sqlite3_get_autocommit(db.getHandle())) return work();
  guarded(m_impl->path, [&] { db.exec("BEGIN"); });
  try {
    work();
  } catch (...) {
    if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
    throw;
  }
  guarded(m_impl->path, [&] { db.exec("COMMIT"); });
}

void Store::each_case_id(const CaseFilter& f,
                         const std::function<void(std::int64_t)>& visit) const {
  guarded(m_impl->path, [&] {
    // A search of 3+ characters and nothing else: the ids are the trigram
    // index's own rowids, every one a case's (cases are never deleted), in
    // its order, with no lookup of each case (25,000 hits: 23 -> 6 ms).
    // Not as of a past clock, where a case received later is not there yet.
    CaseFilter rest = f;
    rest.search.reset();
    rest.limit.reset();
    if (f.search && util::count_code_points(*f.search) >= 3 && m_impl->src.cases == "\"case\"" &&
        rest == CaseFilter{}) {
      auto st = std::make_unique<SQLite::Statement>(
          m_impl->db, f.limit
                          ? "SELECT rowid FROM case_text WHERE case_text MATCH ? ORDER BY rowid"
                            " LIMIT ?"
                          : "SELECT rowid FROM case_text WHERE case_text MATCH ? ORDER BY rowid");
      st->bind(1, fts_phrase(*f.search));
      if (f.limit) st->bind(2, *f.limit);
      while (st->executeStep()) visit(st->getColumn(0).getInt64());
      return;
    }
    auto st = case_query(*m_impl, "c.id", f);
    while (st->executeStep()) visit(st->getColumn(0).getInt64());
  });
}

namespace {
// The cases `where` (a fixed condition on `c` with one ? for `value`) selects, by id.
std::vector<CaseRow> cases_with(const Store::Impl& impl, std::string_view where,
                                std::int64_t value) {
  SQLite::Statement st(impl.db, fmt::format("SELECT {} FROM {} c WHERE {} ORDER BY c.id",
                                            impl.columns(), impl.src.cases, where));
  st.bind(1, value);
  std::vector<CaseRow> rows;
  while (st.executeStep()) rows.push_back(read_case(st));
  return rows;
}

SummonsRow read_summons(SQLite::Statement& st) {
  SummonsRow r;
  r.case_id = st.getColumn(0).getInt64();
  r.unit = st.getColumn(1).getString();
  r.summoned_at = instant(st.getColumn(2));
  r.due_at = instant(st.getColumn(3));
  r.answered_at = opt_instant(st.getColumn(4));
  return r;
}
constexpr const char* k_summons_select =
    "SELECT case_id, unit, summoned_at, due_at, answered_at FROM ";
}  // namespace

namespace {
// Read through case_open_due (schema 8): +c.status keeps SQLite from
// case_status, which would read every open case from the table.
constexpr const char* k_open_due_before =
    "+c.status IN ('listed', 'in_progress') AND c.due_at IS NOT NULL"
    " AND c.due_at < ? AND c.suspended_at IS NULL AND c.merged_into IS NULL";
constexpr const char* k_unacknowledged_before =
    "c.status = 'listed' AND c.ack_due < ? AND c.suspended_at IS NULL AND c.merged_into IS NULL";

std::vector<std::int64_t> ids_where(const Store::Impl& impl, const char* where, Instant bound) {
  SQLite::Statement st(
      impl.db, fmt::format("SELECT c.id FROM {} c WHERE {} ORDER BY c.id", impl.src.cases, where));
  st.bind(1, format_utc(bound));
  std::vector<std::int64_t> ids;
  while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
  return ids;
}
}  // namespace

// Four columns instead of a whole case with its co-units: the bulletin of a
// city lists tens of thousands (200,000 cases, 41,000 overdue: reading full
// rows was a third of `report monthly --format json`).
std::vector<OverdueRow> Store::overdue_before(Instant before) const {
  return guarded(m_impl->path, [&]() -> std::vector<OverdueRow> {
    SQLite::Statement st(
        m_impl->db, fmt::format("SELECT c.id, c.title, c.lead_unit, c.due_at FROM {} c WHERE {}"
                                " ORDER BY c.due_at, c.id",
                                m_impl->src.cases, k_open_due_before));
    st.bind(1, format_utc(before));
    std::vector<OverdueRow> rows;
    while (st.executeStep())
      rows.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                      opt_text(st.getColumn(2)), instant(st.getColumn(3))});
    return rows;
  });
}

std::vector<std::int64_t> Store::open_ids_due_before(Instant before) const {
  return guarded(m_impl->path, [&] { return ids_where(*m_impl, k_open_due_before, before); });
}

std::vector<std::int64_t> Store::unacknowledged_ids_before(Instant before) const {
  return guarded(m_impl->path, [&] { return ids_where(*m_impl, k_unacknowledged_before, before); });
}

namespace {
// The DueRows `where` selects, their due read from `due` (a fixed column
// name), with their co-units or without.
std::vector<DueRow> due_rows(const Store::Impl& impl, const char* where, const char* due,
                             bool co_units, Instant bound) {
  SQLite::Statement st(
      impl.db,
      fmt::format("SELECT c.id, c.title, c.lead_unit, c.meeting, c.{}, c.level, {} FROM {} c"
                  " WHERE {} ORDER BY c.{}, +c.id",
                  due,
                  co_units ? fmt::format("(SELECT json_group_array(unit) FROM (SELECT unit FROM {}"
                                         " WHERE case_id = c.id ORDER BY position))",
                                         impl.src.co_units)
                           : std::string("NULL"),
                  impl.src.cases, where, due));
  st.bind(1, format_utc(bound));
  std::vector<DueRow> rows;
  while (st.executeStep()) {
    DueRow r;
    r.id = st.getColumn(0).getInt64();
    r.title = st.getColumn(1).getString();
    r.lead_unit = opt_text(st.getColumn(2));
    if (!st.getColumn(3).isNull()) r.meeting = st.getColumn(3).getInt64();
    r.due = instant(st.getColumn(4));
    r.level = st.getColumn(5).getInt64();
    if (co_units) r.co_units = parse_unit_array(st.getColumn(6).getString());
    rows.push_back(std::move(r));
  }
  return rows;
}
}  // namespace

std::vector<DueRow> Store::due_rows_before(Instant before) const {
  return guarded(m_impl->path,
                 [&] { return due_rows(*m_impl, k_open_due_before, "due_at", true, before); });
}

std::vector<DueRow> Store::unacknowledged_rows_before(Instant before) const {
  return guarded(m_impl->path, [&] {
    return due_rows(*m_impl, k_unacknowledged_before, "ack_due", false, before);
  });
}

// `+c.status` and `+c.received_at`: without them SQLite reads every open case
// (case_status) or every case (case_received_report) instead of the few in
// the partial indexes case_suspended and case_extension.
std::vector<DueRow> Store::suspension_rows_before(Instant before) const {
  return guarded(m_impl->path, [&] {
    return due_rows(*m_impl,
                    "c.suspended_at IS NOT NULL AND c.suspend_until < ?"
                    " AND +c.status IN ('listed', 'in_progress')",
                    "suspend_until", false, before);
  });
}

std::vector<DueRow> Store::extension_rows() const {
  return guarded(m_impl->path, [&] {
    // due_rows binds one instant: the latest there is, which every case precedes.
    return due_rows(*m_impl,
                    "c.extension_due IS NOT NULL AND +c.status IN ('listed', 'in_progress')"
                    " AND +c.received_at <= ?",
                    "extension_due", false, *time::parse_stored(time::k_latest));
  });
}

void Store::insert_summons(const SummonsRow& row) {
  try {
    SQLite::Statement st(
        m_impl->db,
        "INSERT INTO summons (case_id, unit, summoned_at, due_at, answered_at) VALUES (?,?,?,?,?)");
    st.bind(1, row.case_id);
    st.bind(2, row.unit);
    st.bind(3, format_utc(row.summoned_at));
    st.bind(4, format_utc(row.due_at));
    bind_opt(st, 5, row.answered_at);
    st.exec();
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

std::vector<SummonsRow> Store::summons_of(std::int64_t case_id) const {
  return guarded(m_impl->path, [&]() -> std::vector<SummonsRow> {
    SQLite::Statement st(m_impl->db,
                         fmt::format("{}{} WHERE case_id = ? ORDER BY summoned_at, unit",
                                     k_summons_select, m_impl->src.summons));
    st.bind(1, case_id);
    std::vector<SummonsRow> rows;
    while (st.executeStep()) rows.push_back(read_summons(st));
    return rows;
  });
}

std::vector<SummonsRow> Store::answer_summons(std::int64_t case_id, const std::string& unit,
                                              Instant at) {
  std::vector<SummonsRow> open;
  for (auto& s : summons_of(case_id))
    if (s.unit == unit && !s.answered_at) open.push_back(s);
  try {
    SQLite::Statement st(m_impl->db, "UPDATE summons SET answered_at = ? WHERE case_id = ? AND "
                                     "unit = ? AND answered_at IS NULL");
    st.bind(1, format_utc(at));
    st.bind(2, case_id);
    st.bind(3, unit);
    st.exec();
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
  return open;
}

std::vector<SummonsRow> Store::unanswered_summons_due_before(Instant before) const {
  return guarded(m_impl->path, [&]() -> std::vector<SummonsRow> {
    SQLite::Statement st(
        m_impl->db,
        fmt::format("{}{} WHERE answered_at IS NULL AND due_at < ? ORDER BY due_at, case_id, unit",
                    k_summons_select, m_impl->src.summons));
    st.bind(1, format_utc(before));
    std::vector<SummonsRow> rows;
    while (st.executeStep()) rows.push_back(read_summons(st));
    return rows;
  });
}

std::vector<MeetingBacklog> Store::meeting_backlog() const {
  return guarded(m_impl->path, [&]() -> std::vector<MeetingBacklog> {
    SQLite::Statement st(
        m_impl->db,
        fmt::format("SELECT m.id, m.kind, m.title, m.held_on, m.group_name, m.created_at,"
                    " m.issued_at, m.approved_by, m.issued_by, count(c.id), count(c.id) FILTER "
                    "(WHERE c.status = 'received')"
                    " FROM {} m LEFT JOIN {} c ON c.meeting = m.id"
                    " GROUP BY m.id ORDER BY m.held_on, m.id",
                    m_impl->src.meetings, m_impl->src.cases));
    std::vector<MeetingBacklog> rows;
    while (st.executeStep()) {
      MeetingBacklog b;
      b.meeting = read_meeting(st);
      b.cases = st.getColumn(9).getInt64();
      b.unassigned = st.getColumn(10).getInt64();
      rows.push_back(std::move(b));
    }
    return rows;
  });
}

namespace {
// The case column a report groups by: chosen from a closed set, never from
// user text, so it may be spliced into SQL.
std::string_view group_column(GroupBy by) {
  switch (by) {
  case GroupBy::unit: return "c.lead_unit";
  case GroupBy::category: return "c.category";
  case GroupBy::channel: return "c.channel";
  case GroupBy::klass: return "c.class";
  case GroupBy::town: return "c.town";
  }
  return "c.lead_unit";
}
}  // namespace

std::vector<GrantedAppeal> Store::granted_appeals(Instant from, Instant to, Instant as_of) const {
  return guarded(m_impl->path, [&] {
    // The journal joined to its cases, from each source of them in turn.
    const auto sources = m_impl->joined_cases();
    std::string sql;
    for (std::size_t i = 0; i < sources.size(); ++i)
      sql += fmt::format("{}SELECT j.case_id, c.title, j.unit, j.at,"
                         " json_extract(j.detail, '$.reason') FROM {} j JOIN {} c"
                         " ON c.id = j.case_id WHERE j.action = 'appeal_grant'"
                         " AND j.at >= :from AND j.at < :to AND j.at <= :T{}",
                         i ? " UNION ALL " : "", m_impl->src.journal, sources[i],
                         m_impl->joined_only(i, "j.case_id"));
    SQLite::Statement st(m_impl->db, sql + " ORDER BY 4, 1");
    st.bind(":from", format_utc(from));
    st.bind(":to", format_utc(to));
    st.bind(":T", format_utc(as_of));
    std::vector<GrantedAppeal> rows;
    while (st.executeStep())
      rows.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                      opt_text(st.getColumn(2)), instant(st.getColumn(3)),
                      opt_text(st.getColumn(4))});
    return rows;
  });
}

std::vector<Tally> Store::tally(GroupBy by, Instant from, Instant to, Instant as_of) const {
  const auto key = group_column(by);
  const auto& journal = m_impl->src.journal;
  // Returns are counted for the unit that returned the case.
  const std::string return_key = by == GroupBy::unit ? "j.unit" : std::string(key);
  std::map<std::optional<std::string>, Tally> groups;
  auto run = [&](const std::string& sql,
                 const std::function<void(SQLite::Statement&, Tally&)>& add) {
    SQLite::Statement st(m_impl->db, sql);
    // Named parameters :from, :to and :T, bound where the query uses them.
    if (sql.find(":from") != std::string::npos) st.bind(":from", format_utc(from));
    if (sql.find(":to") != std::string::npos) st.bind(":to", format_utc(to));
    if (sql.find(":T") != std::string::npos) st.bind(":T", format_utc(as_of));
    while (st.executeStep()) {
      auto k = opt_text(st.getColumn(0));
      auto& t = groups[k];
      t.key = k;
      add(st, t);
    }
  };
  try {
    // As of a clock, the cases that stood unchanged at it (read from the
    // case table's covering indexes) and the replayed ones, each in turn:
    // every figure is a count or a sum, so their parts add up.
    // Of the intake fields kept, only a group's key may be read: the
    // replayed cases' lead unit and class are their own.
    const auto sources = m_impl->joined_cases(by != GroupBy::unit && by != GroupBy::klass);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      // A granted appeal (核减) takes the case out of every rate; a merged
      // request counts as received but not as a problem of its own.
      run(fmt::format("SELECT {0}, count(*), count(*) FILTER (WHERE c.closed_at <= :T"
                      "   AND c.appeal IS NOT 'granted'),"
                      " count(*) FILTER (WHERE c.appeal IS NOT 'granted'),"
                      " count(*) FILTER (WHERE c.merged_into IS NULL)"
                      " FROM {1} c WHERE c.received_at >= :from AND c.received_at < :to"
                      "{3} GROUP BY 1",
                      key, sources[i], journal, m_impl->joined_only(i, "c.id")),
          [](auto& st, Tally& t) {
            t.received += st.getColumn(1).getInt64();
            t.received_closed += st.getColumn(2).getInt64();
            t.received_rated += st.getColumn(3).getInt64();
            t.problems += st.getColumn(4).getInt64();
          });
      run(fmt::format("SELECT {0}, count(*), count(*) FILTER (WHERE c.resolved_at <= c.due_at"
                      "   AND c.appeal IS NOT 'granted'),"
                      " total(unixepoch(c.closed_at) - unixepoch(c.received_at)),"
                      " count(*) FILTER (WHERE c.appeal IS NOT 'granted')"
                      " FROM {1} c WHERE c.closed_at >= :from AND c.closed_at < :to{3} GROUP BY 1",
                      key, sources[i], journal, m_impl->joined_only(i, "c.id")),
          [](auto& st, Tally& t) {
            t.closed += st.getColumn(1).getInt64();
            t.closed_on_time += st.getColumn(2).getInt64();
            t.close_seconds += st.getColumn(3).getDouble();
            t.closed_rated += st.getColumn(4).getInt64();
          });
      // A suspended case (挂账) or a merged request (并单) runs on no clock.
      // From case_open_due alone (+c.status: not through case_status).
      run(fmt::format("SELECT {0}, count(*) FROM {1} c WHERE c.due_at < :T"
                      " AND c.due_at IS NOT NULL AND +c.status IN ('listed', 'in_progress')"
                      " AND c.suspended_at IS NULL AND c.merged_into IS NULL{3} GROUP BY 1",
                      key, sources[i], journal, m_impl->joined_only(i, "c.id")),
          [](auto& st, Tally& t) { t.overdue_open += st.getColumn(1).getInt64(); });
      run(fmt::format(
              "SELECT {0}, count(*), count(*) FILTER (WHERE c.acked_at <= c.ack_due)"
              " FROM {1} c WHERE c.first_assigned_at >= :from"
              " AND c.first_assigned_at < :to AND (c.ack_due < :T OR c.acked_at IS NOT NULL)"
              " AND c.appeal IS NOT 'granted'{3} GROUP BY 1",
              key, sources[i], journal, m_impl->joined_only(i, "c.id")),
          [](auto& st, Tally& t) {
            t.ack_due += st.getColumn(1).getInt64();
            t.ack_on_time += st.getColumn(2).getInt64();
          });
      const auto only = m_impl->joined_only(i, "j.case_id");
      run(fmt::format("SELECT {0}, count(*) FILTER (WHERE j.action = 'followup'"
                      "   AND c.appeal IS NOT 'granted'),"
                      " count(*) FILTER (WHERE j.action = 'followup' AND c.appeal IS NOT 'granted'"
                      "   AND json_extract(j.detail, '$.rating') = 'satisfied'),"
                      " count(*) FILTER (WHERE j.action = 'followup' AND c.appeal IS NOT 'granted'"
                      "   AND json_extract(j.detail, '$.rating') = 'basic'),"
                      " count(*) FILTER (WHERE j.action = 'escalate'),"
                      " count(*) FILTER (WHERE j.action = 'reopen'),"
                      " count(*) FILTER (WHERE j.action = 'extend_approve'),"
                      " count(*) FILTER (WHERE j.action = 'appeal_grant')"
                      " FROM {2} j JOIN {1} c ON c.id = j.case_id"
                      " WHERE j.action IN ('followup', 'escalate', 'reopen', 'extend_approve',"
                      "   'appeal_grant')"
                      " AND j.at >= :from AND j.at < :to AND j.at <= :T{3} GROUP BY 1",
                      key, sources[i], journal, only),
          [](auto& st, Tally& t) {
            t.followups += st.getColumn(1).getInt64();
            t.satisfied += st.getColumn(2).getInt64();
            t.basic += st.getColumn(3).getInt64();
            t.escalations += st.getColumn(4).getInt64();
            t.reopened += st.getColumn(5).getInt64();
            t.extensions += st.getColumn(6).getInt64();
            t.excluded += st.getColumn(7).getInt64();
          });
      run(fmt::format("SELECT {0}, count(*) FROM {2} j JOIN {1} c ON c.id = j.case_id"
                      " WHERE j.action = 'return' AND j.at >= :from AND j.at < :to AND j.at <= :T"
                      "{3} GROUP BY 1",
                      return_key, sources[i], journal, only),
          [](auto& st, Tally& t) { t.returned += st.getColumn(1).getInt64(); });
    }
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
  std::vector<Tally> out;
  for (auto& [k, t] : groups) out.push_back(std::move(t));
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>>
Store::received_and_closed(const std::vector<Instant>& bounds) const {
  return guarded(m_impl->path, [&]() -> std::vector<std::pair<std::int64_t, std::int64_t>> {
    std::vector<std::pair<std::int64_t, std::int64_t>> out(bounds.size() > 1 ? bounds.size() - 1
                                                                             : 0);
    if (out.empty()) return out;
    // One filtered count per period; the SQL text depends only on how many.
    auto counts = [&](const char* column) {
      std::string sql = "SELECT ";
      for (std::size_t i = 0; i < out.size(); ++i)
        sql += fmt::format("{}count(*) FILTER (WHERE c.{} >= ? AND c.{} < ?)", i ? ", " : "",
                           column, column);
      sql += fmt::format(" FROM {1} c WHERE c.{0} >= ? AND c.{0} < ?", column, m_impl->src.cases);
      SQLite::Statement st(m_impl->db, sql);
      int k = 1;
      for (std::size_t i = 0; i < out.size(); ++i) {
        st.bind(k++, format_utc(bounds[i]));
        st.bind(k++, format_utc(bounds[i + 1]));
      }
      st.bind(k++, format_utc(bounds.front()));
      st.bind(k++, format_utc(bounds.back()));
      st.executeStep();
      std::vector<std::int64_t> n;
      for (std::size_t i = 0; i < out.size(); ++i) n.push_back(st.getColumn(int(i)).getInt64());
      return n;
    };
    const auto received = counts("received_at"), closed = counts("closed_at");
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = {received[i], closed[i]};
    return out;
  });
}

std::vector<TopicCount> Store::topic_counts(Instant from, Instant to) const {
  return guarded(m_impl->path, [&]() -> std::vector<TopicCount> {
    SQLite::Statement st(
        m_impl->db,
        fmt::format("SELECT c.category, coalesce(c.village, c.town, c.address), count(*) FROM {} c"
                    " WHERE c.received_at >= ? AND c.received_at < ? GROUP BY 1, 2",
                    m_impl->src.cases));
    st.bind(1, format_utc(from));
    st.bind(2, format_utc(to));
    std::vector<TopicCount> rows;
    while (st.executeStep())
      rows.push_back(
          {opt_text(st.getColumn(0)), opt_text(st.getColumn(1)), st.getColumn(2).getInt64()});
    return rows;
  });
}

std::vector<CaseRow> Store::cases_of_meeting(std::int64_t meeting) const {
  return guarded(m_impl->path, [&] { return cases_with(*m_impl, "c.meeting = ?", meeting); });
}

void Store::each_case_between(std::int64_t first, std::int64_t last,
                              const std::function<void(const CaseRow&)>& visit) const {
  guarded(m_impl->path, [&] {
    SQLite::Statement st(m_impl->db,
                         fmt::format("SELECT {} FROM {} c WHERE c.id BETWEEN ? AND ? ORDER BY c.id",
                                     m_impl->columns(), m_impl->src.cases));
    st.bind(1, first);
    st.bind(2, last);
    while (st.executeStep()) visit(read_case(st));
  });
}

std::vector<CaseRow> Store::cases_merged_into(std::int64_t master) const {
  return guarded(m_impl->path, [&] { return cases_with(*m_impl, "c.merged_into = ?", master); });
}

namespace {
constexpr const char* k_event_columns = "id, case_id, at, actor, action, unit, detail";
// The same, of the journal aliased j.
constexpr const char* k_event_columns_j =
    "j.id, j.case_id, j.at, j.actor, j.action, j.unit, j.detail";

Event read_event(SQLite::Statement& st) {
  Event e;
  e.id = st.getColumn(0).getInt64();
  e.case_id = st.getColumn(1).getInt64();
  e.at = instant(st.getColumn(2));
  e.actor = st.getColumn(3).getString();
  const auto action = st.getColumn(4);
  const std::string_view name(action.getText(), std::size_t(action.getBytes()));
  const auto a = parse_action(name);
  if (!a) bad_row("action", std::string(name), e.case_id);
  e.action = *a;
  e.unit = opt_text(st.getColumn(5));
  // Read in place, and most without the parser (store/flat_detail).
  const auto column = st.getColumn(6);
  const std::string_view detail(column.getText(), std::size_t(column.getBytes()));
  if (read_flat_detail(detail, e.detail)) return e;
  try {
    e.detail = Detail::parse(detail.begin(), detail.end());
  } catch (const nlohmann::json::exception&) {
    bad_row("detail", std::string(detail), e.case_id);
  }
  return e;
}

// Walks `cases` (ordered by id) with the events of each from `events`
// (ordered by case id, then id): the merge that doctor and the as-of
// reading both make over one scan of each.
void merge_events(SQLite::Statement& cases, SQLite::Statement& events,
                  const std::function<bool(const CaseRow&, const std::vector<Event>&)>& visit) {
  bool more_events = events.executeStep();
  while (cases.executeStep()) {
    const CaseRow c = read_case(cases);
    std::vector<Event> mine;
    while (more_events && events.getColumn(1).getInt64() <= c.id) {
      if (events.getColumn(1).getInt64() == c.id) mine.push_back(read_event(events));
      more_events = events.executeStep();
    }
    if (!visit(c, mine)) return;
  }
}
}  // namespace

std::int64_t Store::append_event(Event& e) {
  std::string detail;
  try {
    detail = detail_text(e.detail);
  } catch (const std::invalid_argument&) {
    bad_row("text", "", e.case_id);
  }
  return append_event(e, detail);
}

std::int64_t Store::append_event(Event& e, const std::string& detail) {
  auto& head = m_impl->head;
  try {
    if (!head) {
      auto& last = m_impl->cached("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1");
      if (last.executeStep()) head = {last.getColumn(0).getInt64(), last.getColumn(1).getString()};
      else head = {0, std::string(k_chain_start)};
    }
    e.id = head->first + 1;
    std::string hash;
    try {
      hash = chain_hash(head->second, encode(e, detail));
    } catch (const std::invalid_argument&) {
      bad_row("text", "", e.case_id);
    }
    // Every text bound lives until the step: bound without a copy.
    const auto at = format_utc(e.at);
    const auto action = to_string(e.action);
    auto& st =
        m_impl->cached("INSERT INTO journal (id, case_id, at, actor, action, unit, detail, hash)"
                       " VALUES (?,?,?,?,?,?,?,?)");
    st.bind(1, e.id);
    st.bind(2, e.case_id);
    bind_view(st, 3, at);
    bind_view(st, 4, e.actor);
    bind_view(st, 5, action);
    if (e.unit) bind_view(st, 6, *e.unit);
    bind_view(st, 7, detail);
    bind_view(st, 8, hash);
    st.exec();
    head = {e.id, std::move(hash)};
    return e.id;
  } catch (const SQLite::Exception& x) {
    head.reset();
    rethrow(x, m_impl->path);
  }
}

std::vector<Event> Store::events(std::int64_t case_id) const {
  return guarded(m_impl->path, [&]() -> std::vector<Event> {
    SQLite::Statement st(m_impl->db, fmt::format("SELECT {} FROM {} WHERE case_id = ? ORDER BY id",
                                                 k_event_columns, m_impl->src.journal));
    st.bind(1, case_id);
    std::vector<Event> rows;
    while (st.executeStep()) rows.push_back(read_event(st));
    return rows;
  });
}

std::optional<Instant> Store::latest_act(std::int64_t case_id) const {
  return guarded(m_impl->path, [&]() -> std::optional<Instant> {
    auto& st = m_impl->cached("SELECT max(at) FROM journal WHERE case_id = ?");
    st.bind(1, case_id);
    st.executeStep();
    return opt_instant(st.getColumn(0));
  });
}

void Store::read_as_of(Instant clock, const Refold& refold) {
  auto& db = m_impl->db;
  const auto t = format_utc(clock);
  try {
    // The common case: nothing happened after the clock, the tables are as they stood.
    SQLite::Statement latest(db, "SELECT max(coalesce((SELECT max(at) FROM journal), ''),"
                                 " coalesce((SELECT max(created_at) FROM meeting), ''),"
                                 " coalesce((SELECT max(created_at) FROM topic), ''),"
                                 " coalesce((SELECT max(linked_at) FROM topic_case), ''))");
    latest.executeStep();
    if (latest.getColumn(0).getString() <= t) return;

    db.exec("BEGIN");
    db.exec("CREATE TEMP TABLE asof_clock (t TEXT NOT NULL)");
    SQLite::Statement set(db, "INSERT INTO temp.asof_clock (t) VALUES (?)");
    set.bind(1, t);
    set.exec();
    // Each case with an event after the clock, marked (fields) when an
    // intake or an amend after it may have changed what its intake recorded.
    // OR IGNORE on the primary key rather than DISTINCT, which would read
    // the whole journal in case order instead of its events after the clock
    // by journal_at (200,000 cases: 0.18 -> 0.004 s).
    db.exec(
        "CREATE TEMP TABLE changed (id INTEGER PRIMARY KEY, fields INTEGER NOT NULL DEFAULT 0)");
    SQLite::Statement mark(db, "INSERT OR IGNORE INTO temp.changed (id) SELECT case_id"
                               " FROM main.journal WHERE at > (SELECT t FROM temp.asof_clock)");
    mark.exec();
    db.exec("UPDATE temp.changed SET fields = 1 WHERE id IN (SELECT case_id FROM main.journal"
            " WHERE action IN ('intake', 'amend') AND at > (SELECT t FROM temp.asof_clock))");
    // The replayed cases, by id (their rowid: no index to make after).
    {
      std::string columns = "id INTEGER PRIMARY KEY";
      SQLite::Statement names(
          db, "SELECT name, type FROM pragma_table_info('case', 'main') ORDER BY cid");
      while (names.executeStep()) {
        const std::string f = names.getColumn(0).getString();
        if (f != "id") columns += fmt::format(", \"{}\" {}", f, names.getColumn(1).getString());
      }
      db.exec(fmt::format("CREATE TEMP TABLE replayed_whole ({})", columns));
      db.exec(fmt::format("CREATE TEMP TABLE replayed_state ({})", columns));
      db.exec(fmt::format("CREATE TEMP TABLE fresh_state ({})", columns));
    }
    db.exec("CREATE TEMP TABLE replayed_fresh (id INTEGER PRIMARY KEY, receipt TEXT, class TEXT,"
            " received_at TEXT NOT NULL)");
    db.exec("CREATE TEMP TABLE replayed_co_unit (case_id INTEGER, position INTEGER, unit TEXT)");

    // Each case to replay with its events up to the clock, merged by case
    // id. An intake that nothing after the clock corrected recorded what the
    // case holds now, but for its class (an assign may change it since), its
    // receipt and its instant: those come with it, and its detail is left
    // unread (its class and receipt are scanned for, not parsed). Such a
    // case is folded from a blank row and stored apart (replayed_state),
    // its intake fields taken from the case as it stands when read (the
    // view replayed_kept) instead of being read and written back row by
    // row. An intake folds so as an older duban's does, from the case as
    // given.
    SQLite::Statement cases(db, "SELECT id, fields FROM temp.changed ORDER BY id");
    SQLite::Statement events(
        db, fmt::format("SELECT {} FROM temp.changed r CROSS JOIN main.journal j"
                        " ON j.case_id = r.id WHERE j.at <= (SELECT t FROM temp.asof_clock)"
                        " ORDER BY r.id, j.id",
                        k_event_columns_j));
    SQLite::Statement now(db, fmt::format("SELECT {} FROM main.\"case\" c WHERE c.id = ?",
                                          case_columns("main.co_unit")));
    SQLite::Statement add(db, insert_case_sql("temp.replayed_whole", true));
    SQLite::Statement add_state(db, insert_case_sql("temp.replayed_state", true));
    SQLite::Statement add_co(db, "INSERT INTO temp.replayed_co_unit VALUES (?, ?, ?)");
    SQLite::Statement add_fresh(db, "INSERT INTO temp.replayed_fresh VALUES (?, ?, ?, ?)");
    // What a case that had only its intake by the clock stands as, but for
    // its own id, receipt, class and instant (the first such case's fold),
    // and a copy that takes those four of each case in turn. A kept case
    // that folds to it is stored by those four alone (replayed_fresh): half
    // the cases replayed at a past clock, often.
    std::optional<CaseRow> fresh;
    CaseRow probe;
    SQLite::Statement whole(db,
                            fmt::format("SELECT {} FROM main.journal WHERE case_id = ?"
                                        " AND at <= (SELECT t FROM temp.asof_clock) ORDER BY id",
                                        k_event_columns));
    bool more_events = events.executeStep();
    std::vector<Event> mine;
    while (cases.executeStep()) {
      const std::int64_t id = cases.getColumn(0).getInt64();
      const bool fields = cases.getColumn(1).getInt() != 0;
      mine.clear();
      int intakes = 0;
      bool unread = false;
      CaseRow blank;
      blank.id = id;
      while (more_events && events.getColumn(1).getInt64() <= id) {
        if (events.getColumn(1).getInt64() == id) {
          IntakeTold told;
          const auto detail = events.getColumn(6);
          if (!fields && std::string_view(events.getColumn(4).getText()) == "intake" &&
              scan_intake(std::string_view(detail.getText(), std::size_t(detail.getBytes())),
                          told) &&
              told.title) {
            // The intake left unread: its own class, receipt and instant.
            Event e;
            e.id = events.getColumn(0).getInt64();
            e.case_id = id;
            e.at = instant(events.getColumn(2));
            e.actor = events.getColumn(3).getString();
            e.action = Action::intake;
            e.unit = opt_text(events.getColumn(5));
            blank.klass = std::move(told.klass);
            if (told.receipt) blank.receipt = std::move(*told.receipt);
            blank.received_at = e.at;
            mine.push_back(std::move(e));
            unread = true;
          } else {
            mine.push_back(read_event(events));
          }
          if (mine.back().action == Action::intake) ++intakes;
        }
        more_events = events.executeStep();
      }
      // A case with no event by the clock did not exist yet (received
      // after it, say): it folds to nothing, whatever it holds now.
      if (mine.empty()) continue;
      // The rest (an intake read, more than one, or none) fold from the case
      // as it stands, read whole.
      const bool kept = unread && intakes == 1 && !fields;
      std::optional<CaseRow> then;
      if (kept) {
        then = refold(blank, mine);
      } else {
        if (unread) {
          // More than one intake (none is ever journalled so): read them all.
          mine.clear();
          whole.reset();
          whole.bind(1, id);
          while (whole.executeStep()) mine.push_back(read_event(whole));
        }
        now.reset();
        now.bind(1, id);
        if (!now.executeStep()) continue;
        auto base = read_case(now);
        // Received after the clock by what it holds now: left out, as the
        // cases that stood unchanged are (case_asof).
        if (base.received_at > clock) continue;
        then = refold(base, mine);
      }
      if (!then) continue;
      if (kept && !fresh && mine.size() == 1 && then->co_units.empty()) {
        fresh = probe = *then;
        SQLite::Statement add_template(db, insert_case_sql("temp.fresh_state", true));
        BoundInstants keep;
        bind_case(add_template, *fresh, keep);
        add_template.bind(k_case_field_count + 1, fresh->id);
        add_template.exec();
      }
      if (kept && fresh) {
        probe.id = then->id;
        probe.receipt = then->receipt;
        probe.klass = then->klass;
        probe.received_at = then->received_at;
        if (*then == probe) {
          const auto received = format_utc(then->received_at);
          add_fresh.reset();
          add_fresh.bind(1, then->id);
          if (then->receipt.empty()) add_fresh.bind(2);  // none told: the case's own
          else bind_view(add_fresh, 2, then->receipt);
          if (then->klass) bind_view(add_fresh, 3, *then->klass);
          else add_fresh.bind(3);
          bind_view(add_fresh, 4, received);
          add_fresh.exec();
          continue;
        }
      }
      auto& into = kept ? add_state : add;
      into.reset();
      BoundInstants keep;
      bind_case(into, *then, keep);
      if (kept && then->receipt.empty()) into.bind(1);  // none told: the case's own
      into.bind(k_case_field_count + 1, then->id);
      into.exec();
      for (std::size_t i = 0; i < then->co_units.size(); ++i) {
        add_co.reset();
        add_co.bind(1, then->id);
        add_co.bind(2, static_cast<std::int64_t>(i));
        add_co.bind(3, then->co_units[i]);
        add_co.exec();
      }
    }
    // The replayed cases: those read whole, and the folded ones with their
    // intake fields as the case holds them now (the fields an intake of an
    // older duban takes from the case as given), joined as they are read
    // rather than copied (a read that takes none of them skips the join).
    {
      // Each column of the case in the three views: from the folded row (s),
      // the case as it stands (c), the one fresh row (d) or a fresh case's own
      // four (f).
      std::string values, fresh_kept, fresh_state;
      SQLite::Statement names(db,
                              "SELECT name FROM pragma_table_info('case', 'main') ORDER BY cid");
      while (names.executeStep()) {
        const std::string f = names.getColumn(0).getString();
        auto put = [&f](std::string& into, const std::string& value) {
          if (!into.empty()) into += ", ";
          into += fmt::format("{} AS \"{}\"", value, f);
        };
        const bool intake = std::find(std::begin(k_intake_kept), std::end(k_intake_kept), f) !=
                            std::end(k_intake_kept);
        const bool own = f == "id" || f == "receipt" || f == "class" || f == "received_at";
        const char* fresh_from = own ? "f" : (intake ? "c" : "d");
        const auto of = [&f](const char* table) { return fmt::format("{}.\"{}\"", table, f); };
        put(values, f == "receipt" ? "coalesce(s.receipt, c.receipt)" : of(intake ? "c" : "s"));
        put(fresh_kept, f == "receipt" ? "coalesce(f.receipt, c.receipt)" : of(fresh_from));
        put(fresh_state, of(own ? "f" : "d"));
      }
      db.exec(fmt::format("CREATE TEMP VIEW replayed_kept AS SELECT {} FROM temp.replayed_state s"
                          " LEFT JOIN main.\"case\" c ON c.id = s.id",
                          values));
      // The one row of fresh_state first: a condition on its columns alone
      // is weighed once, not for each case.
      db.exec(fmt::format("CREATE TEMP VIEW fresh_kept AS SELECT {} FROM temp.fresh_state d"
                          " CROSS JOIN temp.replayed_fresh f LEFT JOIN main.\"case\" c"
                          " ON c.id = f.id",
                          fresh_kept));
      db.exec(fmt::format("CREATE TEMP VIEW fresh_only AS SELECT {} FROM temp.fresh_state d"
                          " CROSS JOIN temp.replayed_fresh f",
                          fresh_state));
      db.exec(
          "CREATE TEMP VIEW replayed AS SELECT * FROM temp.replayed_kept"
          " UNION ALL SELECT * FROM temp.fresh_kept UNION ALL SELECT * FROM temp.replayed_whole");
    }
    db.exec("CREATE TEMP VIEW case_asof AS SELECT * FROM main.\"case\""
            " WHERE received_at <= (SELECT t FROM temp.asof_clock)"
            " AND id NOT IN (SELECT id FROM temp.changed) UNION ALL SELECT * FROM temp.replayed");
    db.exec("CREATE TEMP VIEW co_unit_asof AS SELECT case_id, position, unit FROM main.co_unit"
            " WHERE case_id NOT IN (SELECT id FROM temp.changed)"
            " UNION ALL SELECT case_id, position, unit FROM temp.replayed_co_unit");
    db.exec("CREATE TEMP VIEW journal_asof AS SELECT * FROM main.journal"
            " WHERE at <= (SELECT t FROM temp.asof_clock)");
    db.exec(
        "CREATE TEMP VIEW summons_asof AS SELECT case_id, unit, summoned_at, due_at,"
        " CASE WHEN answered_at <= (SELECT t FROM temp.asof_clock) THEN answered_at END"
        " AS answered_at FROM main.summons WHERE summoned_at <= (SELECT t FROM temp.asof_clock)");
    // A list issued after the clock was not issued yet.
    db.exec("CREATE TEMP VIEW meeting_asof AS SELECT id, kind, title, held_on, group_name,"
            " created_at, CASE WHEN issued_at <= (SELECT t FROM temp.asof_clock) THEN issued_at"
            " END AS issued_at, CASE WHEN issued_at <= (SELECT t FROM temp.asof_clock) THEN"
            " approved_by END AS approved_by, CASE WHEN issued_at <= (SELECT t FROM"
            " temp.asof_clock) THEN issued_by END AS issued_by FROM main.meeting"
            " WHERE created_at <= (SELECT t FROM temp.asof_clock)");
    // A topic made after the clock does not exist; a link after it is not made yet.
    db.exec("CREATE TEMP VIEW topic_asof AS SELECT * FROM main.topic"
            " WHERE created_at <= (SELECT t FROM temp.asof_clock)");
    db.exec("CREATE TEMP VIEW topic_case_asof AS SELECT * FROM main.topic_case"
            " WHERE linked_at <= (SELECT t FROM temp.asof_clock)"
            " AND case_id IN (SELECT id FROM temp.case_asof)");
    db.exec("COMMIT");
    m_impl->src = {"temp.case_asof",      "temp.co_unit_asof", "temp.journal_asof",
                   "temp.summons_asof",   "temp.meeting_asof", "temp.topic_asof",
                   "temp.topic_case_asof"};
  } catch (const SQLite::Exception& e) {
    if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
    rethrow(e, m_impl->path);
  } catch (...) {
    if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
    throw;
  }
}

std::optional<Store::Fault> Store::check_integrity(bool quick) const {
  return guarded(m_impl->path, [&]() -> std::optional<Store::Fault> {
    SQLite::Statement st(m_impl->db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    if (st.executeStep() && st.getColumn(0).getString() != "ok")
      return Fault{"integrity", std::nullopt, std::nullopt, st.getColumn(0).getString(),
                   std::nullopt};
    return std::nullopt;
  });
}

std::optional<Store::Fault> Store::check_schema() const {
  return guarded(m_impl->path, [&]() -> std::optional<Store::Fault> {
    auto& db = m_impl->db;
    SQLite::Statement app(db, "PRAGMA application_id");
    app.executeStep();
    if (app.getColumn(0).getInt64() != k_application_id)
      return Fault{"schema", std::nullopt, std::nullopt, "application_id",
                   std::to_string(app.getColumn(0).getInt64())};
    if (schema_version() != latest_schema_version())
      return Fault{"schema", std::nullopt, std::nullopt, "user_version",
                   std::to_string(schema_version())};
    // The guards of SPEC §8: a store without one can be rewritten unseen.
    for (const char* trigger :
         {"journal_no_update", "journal_no_delete", "journal_append_only", "case_no_delete",
          "case_no_replace", "case_no_update", "co_unit_no_replace", "case_instants_insert",
          "case_instants_update", "journal_instants_insert"}) {
      SQLite::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
      st.bind(1, trigger);
      if (!st.executeStep())
        return Fault{"schema", std::nullopt, std::nullopt, "trigger", std::string(trigger)};
    }
    return std::nullopt;
  });
}

std::optional<Store::Fault> Store::check_foreign_keys() const {
  return guarded(m_impl->path, [&]() -> std::optional<Store::Fault> {
    SQLite::Statement st(m_impl->db, "PRAGMA foreign_key_check");
    if (!st.executeStep()) return std::nullopt;
    Fault f{"foreign_keys", std::nullopt, std::nullopt, st.getColumn(0).getString(),
            st.getColumn(2).getString()};
    if (f.field == "journal") f.event = st.getColumn(1).getInt64();
    else if (f.field == "case") f.case_id = st.getColumn(1).getInt64();
    return f;
  });
}

std::optional<Store::Fault> Store::check_instants() const {
  return guarded(m_impl->path, [&]() -> std::optional<Store::Fault> {
    struct Column {
      const char* table;
      const char* key;
      const char* column;
    };
    static constexpr Column k_columns[] = {{"\"case\"", "id", "received_at"},
                                           {"\"case\"", "id", "first_assigned_at"},
                                           {"\"case\"", "id", "assigned_at"},
                                           {"\"case\"", "id", "ack_due"},
                                           {"\"case\"", "id", "acked_at"},
                                           {"\"case\"", "id", "due_at"},
                                           {"\"case\"", "id", "resolved_at"},
                                           {"\"case\"", "id", "closed_at"},
                                           {"journal", "id", "at"},
                                           {"summons", "case_id", "summoned_at"},
                                           {"summons", "case_id", "due_at"},
                                           {"summons", "case_id", "answered_at"},
                                           {"meeting", "id", "created_at"},
                                           {"meeting", "id", "issued_at"},
                                           {"\"case\"", "id", "suspended_at"},
                                           {"\"case\"", "id", "suspend_until"},
                                           {"\"case\"", "id", "extension_due"},
                                           {"topic", "id", "created_at"},
                                           {"topic_case", "case_id", "linked_at"}};
    for (const auto& c : k_columns) {
      SQLite::Statement st(
          m_impl->db,
          fmt::format("SELECT {1}, {2} FROM {0} WHERE {2} IS NOT NULL AND NOT ({2} GLOB '????"
                      "-??"
                      "-??"
                      "T??:??:??Z'"
                      " AND {2} BETWEEN '1970-01-01T00:00:00Z' AND '9999-12-31T23:59:59Z') ORDER "
                      "BY {1} LIMIT 1",
                      c.table, c.key, c.column));
      if (!st.executeStep()) continue;
      Fault f{"instants", std::nullopt, std::nullopt, std::string(c.column),
              st.getColumn(1).getString()};
      if (std::string_view(c.table) == "journal") f.event = st.getColumn(0).getInt64();
      else if (std::string_view(c.table) != "meeting" && std::string_view(c.table) != "topic")
        f.case_id = st.getColumn(0).getInt64();
      return f;
    }
    return std::nullopt;
  });
}

std::optional<Store::Fault> Store::check_chain() const {
  return guarded(m_impl->path, [&]() -> std::optional<Store::Fault> {
    SQLite::Statement st(m_impl->db,
                         fmt::format("SELECT {}, hash FROM journal ORDER BY id", k_event_columns));
    std::string previous(k_chain_start);
    while (st.executeStep()) {
      const auto id = st.getColumn(0).getInt64();
      const auto case_id = st.getColumn(1).getInt64();
      Event e;
      try {
        e = read_event(st);
      } catch (const Error&) {
        return Fault{"chain", id, case_id, "detail", std::nullopt};
      }
      // The stored instant must be the one that was hashed, to the byte (the
      // detail is hashed as the object it holds: an older duban wrote its keys
      // in another order).
      if (st.getColumn(2).getString() != format_utc(e.at))
        return Fault{"chain", id, case_id, "at", st.getColumn(2).getString()};
      const auto expected = chain_hash(previous, encode(e));
      if (st.getColumn(7).isNull() || st.getColumn(7).getString() != expected)
        return Fault{"chain", id, case_id, "hash",
                     st.getColumn(7).isNull() ? std::nullopt
                                              : std::optional(st.getColumn(7).getString())};
      previous = expected;
    }
    return std::nullopt;
  });
}

std::optional<Store::Fault> Store::each_case_with_events(
    const std::function<std::optional<Fault>(const CaseRow&, const std::vector<Event>&)>& visit)
    const {
  return guarded(m_impl->path, [&] {
    auto& db = m_impl->db;
    SQLite::Statement cases(
        db, fmt::format("SELECT {} FROM \"case\" c ORDER BY c.id", case_columns("co_unit")));
    SQLite::Statement events(
        db, fmt::format("SELECT {} FROM journal ORDER BY case_id, id", k_event_columns));
    std::optional<Fault> fault;
    merge_events(cases, events, [&](const CaseRow& c, const std::vector<Event>& mine) {
      fault = visit(c, mine);
      return !fault;
    });
    return fault;
  });
}

std::optional<std::pair<std::int64_t, std::string>> Store::chain_head() const {
  return guarded(m_impl->path, [&]() -> std::optional<std::pair<std::int64_t, std::string>> {
    SQLite::Statement st(m_impl->db, "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1");
    if (!st.executeStep() || st.getColumn(1).isNull()) return std::nullopt;
    return std::pair{st.getColumn(0).getInt64(), st.getColumn(1).getString()};
  });
}

std::vector<SummonsRow> Store::all_summons() const {
  return guarded(m_impl->path, [&]() -> std::vector<SummonsRow> {
    SQLite::Statement st(
        m_impl->db,
        fmt::format("{}main.summons ORDER BY case_id, unit, summoned_at", k_summons_select));
    std::vector<SummonsRow> rows;
    while (st.executeStep()) rows.push_back(read_summons(st));
    return rows;
  });
}

std::vector<std::string> Store::units_used() const {
  return guarded(m_impl->path, [&]() -> std::vector<std::string> {
    SQLite::Statement st(m_impl->db,
                         "SELECT lead_unit FROM \"case\" WHERE lead_unit IS NOT NULL UNION"
                         " SELECT unit FROM co_unit UNION SELECT unit FROM journal WHERE unit IS "
                         "NOT NULL ORDER BY 1");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  });
}

void Store::backup(const std::filesystem::path& path) const {
  return guarded(m_impl->path, [&]() -> void {
    const auto target = path.string();
    const auto temporary = fmt::format("{}.tmp-{}", target, ::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) fail(Kind::store_cant_create, temporary, std::strerror(errno));
    ::close(fd);
    sqlite3* copy = nullptr;
    auto give_up = [&](const std::string& what) {
      if (copy) sqlite3_close(copy);
      std::filesystem::remove(temporary);
      fail(Kind::store_io, target, what);
    };
    if (sqlite3_open(temporary.c_str(), &copy) != SQLITE_OK) give_up(sqlite3_errmsg(copy));
    // One step copies every page under one read transaction: a consistent
    // snapshot while others go on writing (they wait for nothing in WAL).
    sqlite3_backup* b = sqlite3_backup_init(copy, "main", m_impl->db.getHandle(), "main");
    if (!b) give_up(sqlite3_errmsg(copy));
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) give_up(sqlite3_errstr(rc));
    // The copy stands alone in rollback mode: its header, copied from a WAL
    // store, says WAL until a fresh connection switches it.
    sqlite3_close(copy);
    copy = nullptr;
    if (sqlite3_open(temporary.c_str(), &copy) != SQLITE_OK ||
        sqlite3_exec(copy, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) != SQLITE_OK)
      give_up(sqlite3_errmsg(copy));
    sqlite3_close(copy);
    copy = nullptr;
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) give_up(ec.message());
  });
}

std::int64_t Store::insert_meeting(MeetingRow& row) {
  try {
    SQLite::Statement st(
        m_impl->db,
        "INSERT INTO meeting (kind, title, held_on, group_name, created_at) VALUES (?,?,?,?,?)");
    st.bind(1, row.kind);
    st.bind(2, row.title);
    st.bind(3, time::format_date(row.held_on));
    bind_opt(st, 4, row.group);
    st.bind(5, format_utc(row.created_at));
    st.exec();
    row.id = m_impl->db.getLastInsertRowid();
    return row.id;
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

void Store::issue_meeting(const MeetingRow& row) {
  try {
    SQLite::Statement st(m_impl->db, "UPDATE meeting SET issued_at = ?, approved_by = ?,"
                                     " issued_by = ? WHERE id = ?");
    bind_opt(st, 1, row.issued_at);
    bind_opt(st, 2, row.approved_by);
    bind_opt(st, 3, row.issued_by);
    st.bind(4, row.id);
    st.exec();
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

std::optional<MeetingRow> Store::find_meeting(std::int64_t id) const {
  return guarded(m_impl->path, [&]() -> std::optional<MeetingRow> {
    SQLite::Statement st(m_impl->db,
                         fmt::format("{}{} WHERE id = ?", k_meeting_select, m_impl->src.meetings));
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return read_meeting(st);
  });
}

std::vector<MeetingRow> Store::meetings() const {
  return guarded(m_impl->path, [&]() -> std::vector<MeetingRow> {
    SQLite::Statement st(m_impl->db, fmt::format("{}{} ORDER BY held_on, id", k_meeting_select,
                                                 m_impl->src.meetings));
    std::vector<MeetingRow> rows;
    while (st.executeStep()) rows.push_back(read_meeting(st));
    return rows;
  });
}

namespace {
TopicRow read_topic(SQLite::Statement& st) {
  TopicRow t;
  t.id = st.getColumn(0).getInt64();
  t.month = st.getColumn(1).getString();
  t.title = st.getColumn(2).getString();
  t.category = opt_text(st.getColumn(3));
  t.search = opt_text(st.getColumn(4));
  t.created_at = instant(st.getColumn(5));
  t.cases = st.getColumn(6).getInt64();
  return t;
}
}  // namespace

std::int64_t Store::insert_topic(TopicRow& row) {
  try {
    SQLite::Statement st(m_impl->db, "INSERT INTO topic (month, title, category, search,"
                                     " created_at) VALUES (?,?,?,?,?)");
    st.bind(1, row.month);
    st.bind(2, row.title);
    bind_opt(st, 3, row.category);
    bind_opt(st, 4, row.search);
    st.bind(5, format_utc(row.created_at));
    st.exec();
    row.id = m_impl->db.getLastInsertRowid();
    return row.id;
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

namespace {
std::string topic_select(const Store::Impl& impl, const char* where) {
  return fmt::format("SELECT t.id, t.month, t.title, t.category, t.search, t.created_at,"
                     " (SELECT count(*) FROM {} l WHERE l.topic = t.id) FROM {} t {} ORDER BY"
                     " t.month, t.id",
                     impl.src.topic_cases, impl.src.topics, where);
}
}  // namespace

std::optional<TopicRow> Store::find_topic(std::int64_t id) const {
  return guarded(m_impl->path, [&]() -> std::optional<TopicRow> {
    SQLite::Statement st(m_impl->db, topic_select(*m_impl, "WHERE t.id = ?"));
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    return read_topic(st);
  });
}

std::vector<TopicRow> Store::topics() const {
  return guarded(m_impl->path, [&] {
    SQLite::Statement st(m_impl->db, topic_select(*m_impl, ""));
    std::vector<TopicRow> rows;
    while (st.executeStep()) rows.push_back(read_topic(st));
    return rows;
  });
}

bool Store::link_topic(std::int64_t topic, std::int64_t case_id, Instant at) {
  try {
    SQLite::Statement st(m_impl->db, "INSERT INTO topic_case (topic, case_id, linked_at)"
                                     " VALUES (?,?,?) ON CONFLICT DO NOTHING");
    st.bind(1, topic);
    st.bind(2, case_id);
    st.bind(3, format_utc(at));
    return st.exec() > 0;
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

std::vector<CaseRow> Store::cases_of_topic(std::int64_t topic) const {
  return guarded(m_impl->path, [&] {
    return cases_with(
        *m_impl,
        fmt::format("c.id IN (SELECT case_id FROM {} WHERE topic = ?)", m_impl->src.topic_cases),
        topic);
  });
}

std::optional<Store::Fault> Store::check_topic_links() const {
  return guarded(m_impl->path, [&]() -> std::optional<Store::Fault> {
    SQLite::Statement st(m_impl->db,
                         "SELECT l.case_id, l.topic FROM topic_case l WHERE NOT EXISTS (SELECT 1"
                         " FROM journal j WHERE j.case_id = l.case_id AND j.action = 'topic'"
                         " AND json_extract(j.detail, '$.topic') = l.topic)"
                         " ORDER BY l.case_id, l.topic LIMIT 1");
    if (!st.executeStep()) return std::nullopt;
    return Fault{"cases", std::nullopt, st.getColumn(0).getInt64(), "topic",
                 std::to_string(st.getColumn(1).getInt64())};
  });
}

std::optional<std::string> Store::query_text(const std::string& sql) const {
  try {
    SQLite::Statement st(m_impl->db, sql);
    if (!st.executeStep() || st.getColumn(0).isNull()) return std::nullopt;
    return st.getColumn(0).getString();
  } catch (const SQLite::Exception& e) {
    rethrow(e, m_impl->path);
  }
}

namespace {
int tell_statement(unsigned type, void* context, void* statement, void*) {
  if (type == SQLITE_TRACE_STMT) {
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
    if (sql) (*static_cast<std::function<void(const std::string&)>*>(context))(sql);
  }
  return 0;
}
}  // namespace

void Store::trace_statements(std::function<void(const std::string& sql)> seen) {
  m_impl->traced = std::move(seen);
  if (m_impl->traced)
    sqlite3_trace_v2(m_impl->db.getHandle(), SQLITE_TRACE_STMT, tell_statement, &m_impl->traced);
  else sqlite3_trace_v2(m_impl->db.getHandle(), 0, nullptr, nullptr);
}

std::vector<std::string> Store::query_plan(const std::string& sql) const {
  return guarded(m_impl->path, [&]() -> std::vector<std::string> {
    SQLite::Statement st(m_impl->db, "EXPLAIN QUERY PLAN " + sql);
    std::vector<std::string> steps;
    while (st.executeStep()) steps.push_back(st.getColumn(3).getString());
    return steps;
  });
}

}  // namespace duban::store
