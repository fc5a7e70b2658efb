#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <map>
#include <fmt/format.h>

#include "store/migrations.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::store {

namespace {

using time::format_utc;

// The row layout shared by every case query (see read_case).
constexpr const char* k_case_columns =
    "c.id, c.receipt, c.title, c.description, c.channel, c.category, c.class, c.requester,"
    " c.phone, c.town, c.village, c.address, c.meeting, c.status, c.lead_unit, c.leader,"
    " c.received_at, c.first_assigned_at, c.assigned_at, c.ack_due, c.acked_at, c.due_at,"
    " c.resolved_at, c.outcome, c.outcome_text, c.closed_at, c.level, c.satisfaction,"
    " (SELECT json_group_array(unit) FROM"
    "   (SELECT unit FROM co_unit WHERE case_id = c.id ORDER BY position))";

// Turns SQLite's failures into duban's exit codes.
[[noreturn]] void rethrow(const SQLite::Exception& e, const std::string& context) {
  const int primary = e.getErrorCode() & 0xff;
  Exit code = Exit::io;
  std::string what = e.what();
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = Exit::busy;
      what = "the store is busy (another duban is writing); try again";
      break;
    case SQLITE_CONSTRAINT:
      code = Exit::data;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = Exit::data;
      what = "not a duban store (or it is damaged): " + what;
      break;
    case SQLITE_CANTOPEN:
      code = Exit::cant_create;
      break;
    default:
      break;
  }
  throw Error(code, context.empty() ? what : context + ": " + what);
}

std::optional<Instant> parse_stored_instant(std::string_view s) {
  // Exactly "YYYY-MM-DDTHH:MM:SSZ", as written by format_utc.
  auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, v);
    return (ec == std::errc{} && p == s.data() + at + len) ? v : -1;
  };
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
      s[16] != ':' || s[19] != 'Z')
    return std::nullopt;
  const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2),
            sec = num(17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(unsigned(mo)),
                                        std::chrono::day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  return Instant{std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                 std::chrono::seconds{sec}};
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::optional<Instant> opt_instant(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  auto at = parse_stored_instant(c.getString());
  if (!at) throw Error(Exit::data, fmt::format("bad instant '{}' in the store", c.getString()));
  return at;
}

Instant instant(const SQLite::Column& c) {
  auto at = opt_instant(c);
  if (!at) throw Error(Exit::data, "missing instant in the store");
  return *at;
}

void bind_opt(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
  if (v) st.bind(index, *v); else st.bind(index);
}
void bind_opt(SQLite::Statement& st, int index, const std::optional<Instant>& v) {
  if (v) st.bind(index, format_utc(*v)); else st.bind(index);
}
void bind_opt(SQLite::Statement& st, int index, const std::optional<std::int64_t>& v) {
  if (v) st.bind(index, *v); else st.bind(index);
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
  r.co_units = parse_unit_array(st.getColumn(i++).getString());
  return r;
}

// Binds the case's own fields at 1..27 in the order of the INSERT/UPDATE below.
void bind_case(SQLite::Statement& st, const CaseRow& r) {
  int i = 1;
  st.bind(i++, r.receipt);
  st.bind(i++, r.title);
  bind_opt(st, i++, r.description);
  bind_opt(st, i++, r.channel);
  bind_opt(st, i++, r.category);
  bind_opt(st, i++, r.klass);
  bind_opt(st, i++, r.requester);
  bind_opt(st, i++, r.phone);
  bind_opt(st, i++, r.town);
  bind_opt(st, i++, r.village);
  bind_opt(st, i++, r.address);
  bind_opt(st, i++, r.meeting);
  st.bind(i++, std::string(to_string(r.status)));
  bind_opt(st, i++, r.lead_unit);
  bind_opt(st, i++, r.leader);
  st.bind(i++, format_utc(r.received_at));
  bind_opt(st, i++, r.first_assigned_at);
  bind_opt(st, i++, r.assigned_at);
  bind_opt(st, i++, r.ack_due);
  bind_opt(st, i++, r.acked_at);
  bind_opt(st, i++, r.due_at);
  bind_opt(st, i++, r.resolved_at);
  bind_opt(st, i++, r.outcome);
  bind_opt(st, i++, r.outcome_text);
  bind_opt(st, i++, r.closed_at);
  st.bind(i++, r.level);
  bind_opt(st, i++, r.satisfaction);
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
  for (auto s : {Status::received, Status::listed, Status::in_progress, Status::resolved,
                 Status::closed})
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
  if (!day) throw Error(Exit::data, "bad meeting date in the store");
  m.held_on = *day;
  m.group = opt_text(st.getColumn(4));
  m.created_at = instant(st.getColumn(5));
  return m;
}
constexpr const char* k_meeting_select =
    "SELECT id, kind, title, held_on, group_name, created_at FROM meeting";
}  // namespace

struct Store::Impl {
  SQLite::Database db;
  // Statements of fixed text, prepared once per connection: a batch intake
  // runs the same few statements a million times.
  std::map<const char*, std::unique_ptr<SQLite::Statement>> statements;
  // Cases added in the open transaction, indexed for search at its commit.
  std::vector<std::int64_t> unindexed;
  explicit Impl(const std::string& path, int flags) : db(path, flags, 5000) {}

  SQLite::Statement& cached(const char* sql) {
    auto& st = statements[sql];
    if (!st) st = std::make_unique<SQLite::Statement>(db, sql);
    st->reset();
    st->clearBindings();
    return *st;
  }
};

namespace {
constexpr const char* k_insert_case =
    "INSERT INTO \"case\" (receipt, title, description, channel, category, class, requester,"
    " phone, town, village, address, meeting, status, lead_unit, leader, received_at,"
    " first_assigned_at, assigned_at, ack_due, acked_at, due_at, resolved_at, outcome,"
    " outcome_text, closed_at, level, satisfaction)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
constexpr const char* k_update_case =
    "UPDATE \"case\" SET receipt = ?, title = ?, description = ?, channel = ?, category = ?,"
    " class = ?, requester = ?, phone = ?, town = ?, village = ?, address = ?, meeting = ?,"
    " status = ?, lead_unit = ?, leader = ?, received_at = ?, first_assigned_at = ?,"
    " assigned_at = ?, ack_due = ?, acked_at = ?, due_at = ?, resolved_at = ?, outcome = ?,"
    " outcome_text = ?, closed_at = ?, level = ?, satisfaction = ? WHERE id = ?";
constexpr const char* k_clear_co_units = "DELETE FROM co_unit WHERE case_id = ?";
constexpr const char* k_insert_co_unit =
    "INSERT INTO co_unit (case_id, position, unit) VALUES (?, ?, ?)";
constexpr const char* k_receipt_taken = "SELECT 1 FROM \"case\" WHERE receipt = ?";
constexpr const char* k_insert_event =
    "INSERT INTO journal (case_id, at, actor, action, unit, detail) VALUES (?,?,?,?,?,?)";

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

Store Store::open(const std::filesystem::path& path, Create create) {
  const bool memory = path == ":memory:";
  const std::string where = path.string();
  if (!memory) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && create == Create::never)
      throw Error(Exit::no_input,
                  fmt::format("no store at {} (run 'duban init' to create one)", where));
    if (!exists) {
      if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
      // Created owner-only before SQLite sees it; SQLite gives its -wal and
      // -shm files the same mode.
      const int fd = ::open(where.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        throw Error(Exit::cant_create,
                    fmt::format("cannot create the store {}: {}", where, std::strerror(errno)));
      if (fd >= 0) ::close(fd);
    }
  }
  try {
    auto impl = std::make_unique<Impl>(where, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    auto& db = impl->db;
    db.exec("PRAGMA foreign_keys = ON");
    Store store(std::move(impl));
    const int version = store.schema_version();
    const int latest = latest_schema_version();
    if (version > latest)
      throw Error(Exit::data, fmt::format("the store {} has schema version {}, newer than this "
                                          "duban knows ({}); upgrade duban",
                                          where, version, latest));
    if (version == 0) {
      // A non-empty file without our version is somebody else's database:
      // refused before anything (even the journal mode) is written to it.
      SQLite::Statement tables(db, "SELECT count(*) FROM sqlite_schema");
      tables.executeStep();
      if (tables.getColumn(0).getInt64() > 0)
        throw Error(Exit::data, fmt::format("{} is an SQLite file but not a duban store", where));
      // An empty file handed to us becomes a store: owner-only, like a new one.
      if (!memory) ::chmod(where.c_str(), 0600);
    }
    if (!memory) {
      SQLite::Statement mode(db, "PRAGMA journal_mode = WAL");
      mode.executeStep();
    }
    db.exec("PRAGMA synchronous = NORMAL");
    for (int v = version; v < latest; ++v) {
      store.write([&] {
        db.exec(std::string(k_migrations[std::size_t(v)].sql));
        db.exec(fmt::format("PRAGMA user_version = {}", v + 1));
      });
    }
    return store;
  } catch (const SQLite::Exception& e) {
    rethrow(e, where);
  }
}

void Store::write(const std::function<void()>& work) {
  auto& db = m_impl->db;
  auto& unindexed = m_impl->unindexed;
  unindexed.clear();
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    rethrow(e, "");
  }
  auto rollback = [&] {
    unindexed.clear();
    if (!sqlite3_get_autocommit(db.getHandle())) db.exec("ROLLBACK");
  };
  try {
    work();
    if (!unindexed.empty()) {
      // One statement for the whole batch: see case_text in schemas/.
      std::string ids = "[";
      for (std::size_t i = 0; i < unindexed.size(); ++i)
        ids += (i ? "," : "") + std::to_string(unindexed[i]);
      ids += "]";
      SQLite::Statement index(db,
          "INSERT INTO case_text (rowid, title, description, address)"
          " SELECT id, title, description, address FROM \"case\""
          " WHERE id IN (SELECT value FROM json_each(?))");
      index.bind(1, ids);
      index.exec();
      unindexed.clear();
    }
    db.exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    rollback();
    rethrow(e, "");
  } catch (...) {
    rollback();
    throw;
  }
}

int Store::schema_version() const {
  SQLite::Statement st(m_impl->db, "PRAGMA user_version");
  st.executeStep();
  return st.getColumn(0).getInt();
}

std::int64_t Store::insert_case(CaseRow& row) {
  try {
    auto& st = m_impl->cached(k_insert_case);
    bind_case(st, row);
    st.exec();
    row.id = m_impl->db.getLastInsertRowid();
    insert_co_units(*m_impl, row);
    m_impl->unindexed.push_back(row.id);
    return row.id;
  } catch (const SQLite::Exception& e) {
    rethrow(e, "cannot add the case");
  }
}

void Store::update_case(const CaseRow& row) {
  try {
    auto& st = m_impl->cached(k_update_case);
    bind_case(st, row);
    st.bind(28, row.id);
    st.exec();
    auto& clear = m_impl->cached(k_clear_co_units);
    clear.bind(1, row.id);
    clear.exec();
    insert_co_units(*m_impl, row);
  } catch (const SQLite::Exception& e) {
    rethrow(e, fmt::format("cannot update case {}", row.id));
  }
}

std::optional<CaseRow> Store::find_case(std::int64_t id) const {
  SQLite::Statement st(m_impl->db,
                       fmt::format("SELECT {} FROM \"case\" c WHERE c.id = ?", k_case_columns));
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_case(st);
}

std::optional<CaseRow> Store::find_case_by_receipt(const std::string& receipt) const {
  SQLite::Statement st(m_impl->db, fmt::format("SELECT {} FROM \"case\" c WHERE c.receipt = ?",
                                               k_case_columns));
  st.bind(1, receipt);
  if (!st.executeStep()) return std::nullopt;
  return read_case(st);
}

bool Store::receipt_taken(const std::string& receipt) const {
  auto& st = m_impl->cached(k_receipt_taken);
  st.bind(1, receipt);
  return st.executeStep();
}

std::int64_t Store::count_cases() const {
  SQLite::Statement st(m_impl->db, "SELECT count(*) FROM \"case\"");
  st.executeStep();
  return st.getColumn(0).getInt64();
}

std::vector<CaseRow> Store::list_cases(const CaseFilter& f) const {
  // The WHERE clause is built from fixed fragments only; every value is bound.
  std::string sql = fmt::format("SELECT {} FROM \"case\" c WHERE 1", k_case_columns);
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
    sql += " AND (c.lead_unit = ? OR c.id IN (SELECT case_id FROM co_unit WHERE unit = ?))";
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
  if (open_due) sql += " AND c.status NOT IN ('resolved', 'closed') AND c.due_at IS NOT NULL";
  instant_cmp("c.due_at < ?", f.overdue_at);
  instant_cmp("c.due_at >= ?", f.due_from);
  instant_cmp("c.due_at < ?", f.due_before);
  instant_cmp("c.received_at >= ?", f.received_from);
  instant_cmp("c.received_at < ?", f.received_before);
  if (f.search && !f.search->empty()) {
    if (util::count_code_points(*f.search) >= 3) {
      // An FTS5 phrase: the text in double quotes, inner quotes doubled.
      std::string phrase = "\"";
      for (char ch : *f.search) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      phrase += "\"";
      sql += " AND c.id IN (SELECT rowid FROM case_text WHERE case_text MATCH ?)";
      binders.push_back([phrase](SQLite::Statement& st, int& i) { st.bind(i++, phrase); });
    } else {
      // The trigram index cannot find 1-2 characters (路灯): scan instead.
      sql += " AND (instr(lower(c.title), lower(?)) OR instr(lower(coalesce(c.description, '')),"
             " lower(?)) OR instr(lower(coalesce(c.address, '')), lower(?)))";
      const auto needle = *f.search;
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
  try {
    SQLite::Statement st(m_impl->db, sql);
    int index = 1;
    for (auto& b : binders) b(st, index);
    std::vector<CaseRow> rows;
    while (st.executeStep()) rows.push_back(read_case(st));
    return rows;
  } catch (const SQLite::Exception& e) {
    rethrow(e, "cannot list cases");
  }
}

namespace {
std::vector<CaseRow> cases_where(SQLite::Database& db, const char* where, Instant bound) {
  SQLite::Statement st(db, fmt::format("SELECT {} FROM \"case\" c WHERE {} ORDER BY c.id",
                                       k_case_columns, where));
  st.bind(1, format_utc(bound));
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
    "SELECT case_id, unit, summoned_at, due_at, answered_at FROM summons";
}  // namespace

std::vector<CaseRow> Store::open_cases_due_before(Instant before) const {
  return cases_where(m_impl->db,
                     "c.status IN ('listed', 'in_progress') AND c.due_at IS NOT NULL"
                     " AND c.due_at < ?",
                     before);
}

std::vector<CaseRow> Store::unacknowledged_before(Instant before) const {
  return cases_where(m_impl->db, "c.status = 'listed' AND c.ack_due < ?", before);
}

void Store::insert_summons(const SummonsRow& row) {
  try {
    SQLite::Statement st(m_impl->db,
        "INSERT INTO summons (case_id, unit, summoned_at, due_at, answered_at) VALUES (?,?,?,?,?)");
    st.bind(1, row.case_id);
    st.bind(2, row.unit);
    st.bind(3, format_utc(row.summoned_at));
    st.bind(4, format_utc(row.due_at));
    bind_opt(st, 5, row.answered_at);
    st.exec();
  } catch (const SQLite::Exception& e) {
    rethrow(e, fmt::format("cannot summon '{}' to case {}", row.unit, row.case_id));
  }
}

std::vector<SummonsRow> Store::summons_of(std::int64_t case_id) const {
  SQLite::Statement st(m_impl->db, fmt::format("{} WHERE case_id = ? ORDER BY summoned_at, unit",
                                               k_summons_select));
  st.bind(1, case_id);
  std::vector<SummonsRow> rows;
  while (st.executeStep()) rows.push_back(read_summons(st));
  return rows;
}

std::vector<SummonsRow> Store::answer_summons(std::int64_t case_id, const std::string& unit,
                                              Instant at) {
  std::vector<SummonsRow> open;
  for (auto& s : summons_of(case_id))
    if (s.unit == unit && !s.answered_at) open.push_back(s);
  try {
    SQLite::Statement st(m_impl->db,
        "UPDATE summons SET answered_at = ? WHERE case_id = ? AND unit = ? AND answered_at IS NULL");
    st.bind(1, format_utc(at));
    st.bind(2, case_id);
    st.bind(3, unit);
    st.exec();
  } catch (const SQLite::Exception& e) {
    rethrow(e, "cannot record the answer");
  }
  return open;
}

std::vector<SummonsRow> Store::unanswered_summons_due_before(Instant before) const {
  SQLite::Statement st(m_impl->db,
      fmt::format("{} WHERE answered_at IS NULL AND due_at < ? ORDER BY due_at, case_id, unit",
                  k_summons_select));
  st.bind(1, format_utc(before));
  std::vector<SummonsRow> rows;
  while (st.executeStep()) rows.push_back(read_summons(st));
  return rows;
}

std::vector<MeetingBacklog> Store::meeting_backlog() const {
  SQLite::Statement st(m_impl->db,
      "SELECT m.id, m.kind, m.title, m.held_on, m.group_name, m.created_at,"
      " count(c.id), count(c.id) FILTER (WHERE c.status = 'received')"
      " FROM meeting m LEFT JOIN \"case\" c ON c.meeting = m.id"
      " GROUP BY m.id ORDER BY m.held_on, m.id");
  std::vector<MeetingBacklog> rows;
  while (st.executeStep()) {
    MeetingBacklog b;
    b.meeting = read_meeting(st);
    b.cases = st.getColumn(6).getInt64();
    b.unassigned = st.getColumn(7).getInt64();
    rows.push_back(std::move(b));
  }
  return rows;
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

std::vector<Tally> Store::tally(GroupBy by, Instant from, Instant to, Instant as_of) const {
  const auto key = group_column(by);
  // Returns are counted for the unit that returned the case.
  const std::string return_key = by == GroupBy::unit ? "j.unit" : std::string(key);
  std::map<std::optional<std::string>, Tally> groups;
  auto run = [&](const std::string& sql, const std::function<void(SQLite::Statement&, Tally&)>& add) {
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
    run(fmt::format("SELECT {0}, count(*), count(*) FILTER (WHERE c.closed_at <= :T)"
                    " FROM \"case\" c WHERE c.received_at >= :from AND c.received_at < :to"
                    " GROUP BY 1", key),
        [](auto& st, Tally& t) {
          t.received = st.getColumn(1).getInt64();
          t.received_closed = st.getColumn(2).getInt64();
        });
    run(fmt::format("SELECT {0}, count(*), count(*) FILTER (WHERE c.resolved_at <= c.due_at),"
                    " total(unixepoch(c.closed_at) - unixepoch(c.received_at))"
                    " FROM \"case\" c WHERE c.closed_at >= :from AND c.closed_at < :to GROUP BY 1",
                    key),
        [](auto& st, Tally& t) {
          t.closed = st.getColumn(1).getInt64();
          t.closed_on_time = st.getColumn(2).getInt64();
          t.close_seconds = st.getColumn(3).getDouble();
        });
    run(fmt::format("SELECT {0}, count(*) FROM \"case\" c WHERE c.due_at < :T"
                    " AND c.due_at IS NOT NULL AND c.status IN ('listed', 'in_progress') GROUP BY 1",
                    key),
        [](auto& st, Tally& t) { t.overdue_open = st.getColumn(1).getInt64(); });
    run(fmt::format("SELECT {0}, count(*), count(*) FILTER (WHERE c.acked_at <= c.ack_due)"
                    " FROM \"case\" c WHERE c.first_assigned_at >= :from"
                    " AND c.first_assigned_at < :to AND (c.ack_due < :T OR c.acked_at IS NOT NULL)"
                    " GROUP BY 1", key),
        [](auto& st, Tally& t) {
          t.ack_due = st.getColumn(1).getInt64();
          t.ack_on_time = st.getColumn(2).getInt64();
        });
    run(fmt::format("SELECT {0}, count(*) FILTER (WHERE j.action = 'followup'),"
                    " count(*) FILTER (WHERE j.action = 'followup' AND"
                    "   json_extract(j.detail, '$.rating') IN ('satisfied', 'basic')),"
                    " count(*) FILTER (WHERE j.action = 'escalate'),"
                    " count(*) FILTER (WHERE j.action = 'reopen')"
                    " FROM journal j JOIN \"case\" c ON c.id = j.case_id"
                    " WHERE j.action IN ('followup', 'escalate', 'reopen')"
                    " AND j.at >= :from AND j.at < :to GROUP BY 1", key),
        [](auto& st, Tally& t) {
          t.followups = st.getColumn(1).getInt64();
          t.satisfied = st.getColumn(2).getInt64();
          t.escalations = st.getColumn(3).getInt64();
          t.reopened = st.getColumn(4).getInt64();
        });
    run(fmt::format("SELECT {0}, count(*) FROM journal j JOIN \"case\" c ON c.id = j.case_id"
                    " WHERE j.action = 'return' AND j.at >= :from AND j.at < :to GROUP BY 1",
                    return_key),
        [](auto& st, Tally& t) { t.returned = st.getColumn(1).getInt64(); });
  } catch (const SQLite::Exception& e) {
    rethrow(e, "cannot count the report's figures");
  }
  std::vector<Tally> out;
  for (auto& [k, t] : groups) out.push_back(std::move(t));
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> Store::received_and_closed(
    const std::vector<Instant>& bounds) const {
  std::vector<std::pair<std::int64_t, std::int64_t>> out(bounds.size() > 1 ? bounds.size() - 1 : 0);
  if (out.empty()) return out;
  // One filtered count per period; the SQL text depends only on how many.
  auto counts = [&](const char* column) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < out.size(); ++i)
      sql += fmt::format("{}count(*) FILTER (WHERE c.{} >= ? AND c.{} < ?)", i ? ", " : "", column,
                         column);
    sql += fmt::format(" FROM \"case\" c WHERE c.{0} >= ? AND c.{0} < ?", column);
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
}

std::vector<TopicCount> Store::topic_counts(Instant from, Instant to) const {
  SQLite::Statement st(m_impl->db,
      "SELECT c.category, coalesce(c.village, c.town, c.address), count(*) FROM \"case\" c"
      " WHERE c.received_at >= ? AND c.received_at < ? GROUP BY 1, 2");
  st.bind(1, format_utc(from));
  st.bind(2, format_utc(to));
  std::vector<TopicCount> rows;
  while (st.executeStep())
    rows.push_back({opt_text(st.getColumn(0)), opt_text(st.getColumn(1)), st.getColumn(2).getInt64()});
  return rows;
}

std::vector<CaseRow> Store::cases_of_meeting(std::int64_t meeting) const {
  SQLite::Statement st(m_impl->db, fmt::format("SELECT {} FROM \"case\" c WHERE c.meeting = ?"
                                               " ORDER BY c.id", k_case_columns));
  st.bind(1, meeting);
  std::vector<CaseRow> rows;
  while (st.executeStep()) rows.push_back(read_case(st));
  return rows;
}

std::int64_t Store::append_event(EventRow& row) {
  try {
    auto& st = m_impl->cached(k_insert_event);
    st.bind(1, row.case_id);
    st.bind(2, format_utc(row.at));
    st.bind(3, row.actor);
    st.bind(4, row.action);
    bind_opt(st, 5, row.unit);
    st.bind(6, row.detail);
    st.exec();
    row.id = m_impl->db.getLastInsertRowid();
    return row.id;
  } catch (const SQLite::Exception& e) {
    rethrow(e, fmt::format("cannot journal case {}", row.case_id));
  }
}

std::vector<EventRow> Store::events(std::int64_t case_id) const {
  SQLite::Statement st(m_impl->db,
      "SELECT id, case_id, at, actor, action, unit, detail FROM journal WHERE case_id = ?"
      " ORDER BY id");
  st.bind(1, case_id);
  std::vector<EventRow> rows;
  while (st.executeStep()) {
    EventRow r;
    r.id = st.getColumn(0).getInt64();
    r.case_id = st.getColumn(1).getInt64();
    r.at = instant(st.getColumn(2));
    r.actor = st.getColumn(3).getString();
    r.action = st.getColumn(4).getString();
    r.unit = opt_text(st.getColumn(5));
    r.detail = st.getColumn(6).getString();
    rows.push_back(std::move(r));
  }
  return rows;
}

std::int64_t Store::insert_meeting(MeetingRow& row) {
  try {
    SQLite::Statement st(m_impl->db,
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
    rethrow(e, "cannot add the meeting");
  }
}


std::optional<MeetingRow> Store::find_meeting(std::int64_t id) const {
  SQLite::Statement st(m_impl->db, fmt::format("{} WHERE id = ?", k_meeting_select));
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_meeting(st);
}

std::vector<MeetingRow> Store::meetings() const {
  SQLite::Statement st(m_impl->db, fmt::format("{} ORDER BY held_on, id", k_meeting_select));
  std::vector<MeetingRow> rows;
  while (st.executeStep()) rows.push_back(read_meeting(st));
  return rows;
}

std::optional<std::string> Store::query_text(const std::string& sql) const {
  try {
    SQLite::Statement st(m_impl->db, sql);
    if (!st.executeStep() || st.getColumn(0).isNull()) return std::nullopt;
    return st.getColumn(0).getString();
  } catch (const SQLite::Exception& e) {
    rethrow(e, "");
  }
}

}  // namespace duban::store
