#include "cases/change.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <set>

#include "cases/fold.hpp"
#include "cases/practice.hpp"
#include "cases/query.hpp"

#include "supervise/deadlines.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"

namespace duban::cases {

namespace {

using Json = store::Detail;
using store::Action;

// Receipts are what a requester quotes on the phone: 8 characters without
// look-alikes (no 0/O, 1/I/L), in two groups. Unguessable: a receipt is
// how a requester asks about a case, so it comes from random bytes.
std::string new_receipt(const Context& ctx) {
  static constexpr std::string_view k_alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static const RandomBytes k_system = system_random();
  const auto& random = ctx.random ? ctx.random : k_system;
  for (;;) {
    std::string code;
    unsigned char bytes[16];
    random(bytes, sizeof bytes);
    for (unsigned char b : bytes) {
      // Rejection keeps every character equally likely: 248 = 8 * 31.
      if (b >= 248) continue;
      if (code.size() == 4) code += '-';
      code += k_alphabet[b % k_alphabet.size()];
      if (code.size() == 9) break;
    }
    if (code.size() == 9 && !ctx.store.receipt_taken(code)) return code;
  }
}

// Where a batch's record came from, as a fault's source and line (none
// for the command line).
void place(Fields& f, const Origin& origin) {
  if (origin.source.empty()) return;
  f.source = origin.source;
  f.line = origin.line;
}

}  // namespace

std::string require_text(const std::optional<std::string>& text, std::string_view field,
                         Kind kind) {
  if (!text || util::trim(*text).empty()) throw Error(kind, {.field = std::string(field)});
  return *text;
}

RandomBytes system_random() {
  // Drawn from OpenSSL 4 KiB at a time: a call for each receipt's 16 bytes
  // cost 2% of a million-case intake (its generator is locked, reseeded
  // and re-keyed per call). The bytes are as unpredictable either way.
  struct Pool {
    unsigned char bytes[4096];
    std::size_t used = sizeof bytes;
  };
  auto pool = std::make_shared<Pool>();
  return [pool](unsigned char* out, std::size_t size) {
    while (size > 0) {
      if (pool->used == sizeof pool->bytes) {
        if (RAND_bytes(pool->bytes, static_cast<int>(sizeof pool->bytes)) != 1)
          throw Error(Kind::no_random);
        pool->used = 0;
      }
      const auto n = std::min(size, sizeof pool->bytes - pool->used);
      std::memcpy(out, pool->bytes + pool->used, n);
      pool->used += n;
      out += n;
      size -= n;
    }
  };
}

RandomBytes seeded_random(const std::string& seed) {
  // SHA-256 of the seed and a counter: the same bytes for the same seed.
  auto counter = std::make_shared<std::uint64_t>(0);
  return [seed, counter](unsigned char* out, std::size_t size) {
    while (size > 0) {
      unsigned char digest[EVP_MAX_MD_SIZE];
      unsigned int n = 0;
      const auto input = fmt::format("{}:{}", seed, (*counter)++);
      EVP_Digest(input.data(), input.size(), digest, &n, EVP_sha256(), nullptr);
      const std::size_t take = std::min<std::size_t>(size, n);
      std::copy(digest, digest + take, out);
      out += take;
      size -= take;
    }
  };
}

void record(Context& ctx, CaseRow& c, Action action, std::optional<std::string> unit, Json detail) {
  store::Event e;
  e.case_id = c.id;
  e.at = action == Action::intake ? c.received_at : ctx.now;
  e.actor = ctx.actor;
  e.action = action;
  e.unit = std::move(unit);
  e.detail = std::move(detail);
  apply(c, e);
  ctx.store.append_event(e);
}

void require_in_order(const Context& ctx, const CaseRow& c) {
  const auto latest = ctx.store.latest_act(c.id);
  if (latest && ctx.now < *latest)
    throw Error(Kind::out_of_order, {.value = time::format_utc(ctx.now),
                                     .case_id = c.id,
                                     .choices = {time::format_utc(*latest)}});
}

Instant require_in_range(Instant at, Fields where) {
  if (time::in_range(at)) return at;
  where.value = time::format_utc(at);
  where.choices = {std::string(time::k_earliest), std::string(time::k_latest)};
  throw Error(Kind::out_of_range, std::move(where));
}

Instant deadline_in_range(Instant at) {
  if (time::in_range(at)) return at;
  throw Error(Kind::deadline_out_of_range,
              {.value = time::format_utc(at),
               .choices = {std::string(time::k_earliest), std::string(time::k_latest)}});
}

void read_as_of(store::Store& store, Instant clock) {
  store.read_as_of(clock, [](const CaseRow& now, const std::vector<store::Event>& events) {
    return fold(now, events);
  });
}

void wrong_state(const CaseRow& c, std::initializer_list<Status> needs) {
  Fields f{.field = "status", .value = std::string(store::to_string(c.status)), .case_id = c.id};
  for (auto s : needs) f.choices.emplace_back(store::to_string(s));
  throw Error(Kind::wrong_state, std::move(f));
}

std::string require_unit(const config::Config& config, const std::string& text,
                         std::string_view field) {
  return config.unit_code(text, field);
}

const std::vector<std::string>& intake_field_names() {
  static const std::vector<std::string> names = {
      "title", "description", "channel", "category", "class",       "requester", "phone",
      "town",  "village",     "address", "meeting",  "received_at", "proxy"};
  return names;
}

CaseRow find(const store::Store& store, std::int64_t id) {
  auto c = store.find_case(id);
  if (!c) throw Error(Kind::no_case, {.case_id = id});
  return *c;
}

CaseRow find_by_receipt(const store::Store& store, const std::string& receipt) {
  auto c = store.find_case_by_receipt(receipt);
  if (!c) throw Error(Kind::no_receipt, {.value = receipt});
  return *c;
}

std::vector<std::int64_t> parse_ids(const std::vector<std::string>& words) {
  std::vector<std::int64_t> ids;
  for (const auto& w : words) {
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), id);
    if (ec != std::errc{} || p != w.data() + w.size() || id <= 0)
      throw Error(Kind::not_a_case_id, {.value = w});
    ids.push_back(id);
  }
  return ids;
}

Instant due_from_text(const std::string& text, Instant now, const config::Config& config) {
  if (auto d = time::parse_duration(text))
    return require_in_range(time::add(now, *d, config.calendar, config.zone), {.field = "due_at"});
  if (auto at = time::parse_when(text, config.zone, time::DateOnly::end_of_day))
    return require_in_range(*at, {.field = "due_at"});
  throw Error(Kind::not_a_due, {.field = "due_at", .value = text});
}

FieldsOfRecords::FieldsOfRecords(IntakeFields defaults, std::string_view source,
                                 std::optional<std::size_t> header_line)
    : m_defaults(std::move(defaults)), m_source(source), m_header_line(header_line),
      m_faults(Kind::several) {}

IntakeFields FieldsOfRecords::operator()(const io::Record& r) {
  const auto& names = intake_field_names();
  // A header of a million unknown columns must not print a million lines:
  // the first few are named, the rest counted.
  constexpr std::size_t k_named = 10;
  IntakeFields f = m_defaults;
  for (const auto& [name, value] : r.fields) {
    std::optional<std::string>* slot = nullptr;
    if (name == "title") slot = &f.title;
    else if (name == "description") slot = &f.description;
    else if (name == "channel") slot = &f.channel;
    else if (name == "category") slot = &f.category;
    else if (name == "class") slot = &f.klass;
    else if (name == "requester") slot = &f.requester;
    else if (name == "phone") slot = &f.phone;
    else if (name == "town") slot = &f.town;
    else if (name == "village") slot = &f.village;
    else if (name == "address") slot = &f.address;
    else if (name == "meeting") slot = &f.meeting;
    else if (name == "received_at") slot = &f.received_at;
    else if (name == "proxy") slot = &f.proxy;
    if (!slot) {
      // A bad CSV column is reported once, not per row.
      if (m_reported.insert(name).second) {
        if (m_faults.faults.size() < k_named)
          m_faults.faults.emplace_back(
              m_header_line ? Kind::unknown_column : Kind::unknown_key,
              Fields{.value = name,
                     .nearest = config::nearest(name, names).value_or(""),
                     .source = m_source,
                     .line = static_cast<long>(m_header_line.value_or(r.line))});
        else ++m_unnamed;
      }
      continue;
    }
    if (!value.empty()) *slot = value;
  }
  return f;
}

void FieldsOfRecords::finish() {
  if (m_unnamed > 0)
    m_faults.faults.emplace_back(m_header_line ? Kind::more_unknown_columns
                                               : Kind::more_unknown_keys,
                                 Fields{.value = std::to_string(m_unnamed), .source = m_source});
  m_unnamed = 0;
  if (!m_faults.faults.empty()) {
    m_faults.faults.emplace_back(Kind::known_fields, Fields{.choices = intake_field_names()});
    throw m_faults;
  }
}

std::vector<IntakeFields> fields_from_records(const std::vector<io::Record>& records,
                                              const IntakeFields& defaults, std::string_view source,
                                              std::optional<std::size_t> header_line) {
  FieldsOfRecords fields(defaults, source, header_line);
  std::vector<IntakeFields> out;
  for (const auto& r : records) out.push_back(fields(r));
  fields.finish();
  return out;
}

namespace {

// The case `f` describes, checked as SPEC §3 says: each fault is added to
// `faults` with where it came from (the case is then not to be added).
CaseRow validated(const Context& ctx, const IntakeFields& f, const Origin& origin, Error& faults) {
  const auto& config = ctx.config;
  // A fault of `kind` in the item's field `field`, from where it came.
  auto fault_in = [&](Kind kind, std::string field, Fields fields = {}) {
    fields.field = std::move(field);
    fields.source = origin.source;
    fields.line = origin.line;
    faults.faults.emplace_back(kind, std::move(fields));
  };
  // A look-up's fault, kept with where the record came from.
  auto kept = [&](Error& e) {
    place(e.fields(), origin);
    faults.faults.push_back(std::move(e));
  };
  // A name resolved, or its fault kept with where the record came from.
  auto resolved = [&](std::optional<std::string>& value, auto&& code_of) {
    if (!value) return;
    try {
      value = code_of(*value);
    } catch (Error& e) {
      kept(e);
    }
  };
  CaseRow c;
  auto clean = [](const std::optional<std::string>& v) -> std::optional<std::string> {
    if (!v || util::trim(*v).empty()) return std::nullopt;
    return v;
  };
  const std::pair<const std::optional<std::string>*, const char*> texts[] = {
      {&f.title, "title"},     {&f.description, "description"},
      {&f.channel, "channel"}, {&f.category, "category"},
      {&f.klass, "class"},     {&f.requester, "requester"},
      {&f.phone, "phone"},     {&f.town, "town"},
      {&f.village, "village"}, {&f.address, "address"},
      {&f.proxy, "proxy"}};
  for (const auto& [v, name] : texts)
    if (*v && !util::is_valid_utf8(**v)) fault_in(Kind::not_utf8, name);
  if (auto t = clean(f.title)) c.title = *t;
  else fault_in(Kind::required, "title");
  c.description = clean(f.description);
  c.channel = clean(f.channel);
  resolved(c.channel, [&](const std::string& v) { return config.channel_code(v); });
  c.category = clean(f.category);
  resolved(c.category, [&](const std::string& v) { return config.category_code(v); });
  c.klass = clean(f.klass);
  if (c.klass) c.klass = class_of(*c.klass);
  if (c.klass && !is_class(*c.klass))
    fault_in(Kind::not_one_of, "class", {.value = *c.klass, .choices = {"A", "B", "C"}});
  c.requester = clean(f.requester);
  c.phone = clean(f.phone);
  c.town = clean(f.town);
  c.village = clean(f.village);
  c.address = clean(f.address);
  c.proxy = clean(f.proxy);
  if (auto m = clean(f.meeting)) {
    try {
      const auto meeting = find_meeting(ctx.store, *m);
      c.meeting = meeting.id;
      // A meeting's problems came in through the meeting's own channel.
      if (!c.channel && config.has_channel(meeting.kind)) c.channel = meeting.kind;
    } catch (Error& e) {
      kept(e);
    }
  }
  c.confidential = f.confidential;
  c.received_at = ctx.now;
  if (auto r = clean(f.received_at)) {
    if (auto when = time::parse_when(*r, config.zone)) {
      c.received_at = *when;
      if (!time::in_range(*when))
        fault_in(
            Kind::out_of_range, "received_at",
            {.value = *r, .choices = {std::string(time::k_earliest), std::string(time::k_latest)}});
      else if (*when > ctx.now)
        fault_in(Kind::after_clock, "received_at",
                 {.value = *r, .choices = {time::format_utc(*when), time::format_utc(ctx.now)}});
    } else {
      fault_in(Kind::not_a_when, "received_at", {.value = *r});
    }
  }
  return c;
}

}  // namespace

std::string intake_detail_text(const CaseRow& c) {
  // The keys in the order std::map sorts them (byte order), as
  // intake_detail(c).dump() writes them.
  std::string out;
  out.reserve(512);
  char sep = '{';
  auto key = [&](std::string_view name) {
    out += sep;
    sep = ',';
    out += '"';
    out += name;
    out += "\":";
  };
  auto text = [&](std::string_view name, const std::string& value) {
    key(name);
    store::append_json_string(out, value);
  };
  auto opt = [&](std::string_view name, const std::optional<std::string>& value) {
    if (value) text(name, *value);
  };
  opt("address", c.address);
  opt("category", c.category);
  opt("channel", c.channel);
  opt("class", c.klass);
  if (c.confidential) {
    key("confidential");
    out += "true";
  }
  opt("description", c.description);
  if (c.meeting) {
    key("meeting");
    out += std::to_string(*c.meeting);
  }
  opt("phone", c.phone);
  opt("proxy", c.proxy);
  text("receipt", c.receipt);
  opt("requester", c.requester);
  text("title", c.title);
  opt("town", c.town);
  opt("village", c.village);
  out += '}';
  return out;
}

std::size_t intake(Context& ctx, const IntakeStream& stream, DryRun dry_run) {
  Error faults(Kind::several);
  std::size_t count = 0;
  std::int64_t first = 0;
  // Each item is checked as it is read, and added while none has failed:
  // a bad item anywhere throws at the end, and the transaction takes
  // nothing back but what it added.
  auto take = [&](bool add) {
    while (auto item = stream.next()) {
      auto c = validated(ctx, item->fields, item->origin, faults);
      if (!faults.faults.empty()) continue;
      if (add) {
        try {
          c.receipt = new_receipt(ctx);
          ctx.store.insert_case(c);
          // What record() does, with the detail written as text: folding
          // an intake into the case gives the case as added (fold.cpp's
          // start), so it is not folded.
          store::Event e;
          e.case_id = c.id;
          e.at = c.received_at;
          e.actor = ctx.actor;
          e.action = Action::intake;
          std::optional<std::string> detail;
          try {
            detail = intake_detail_text(c);
          } catch (const std::invalid_argument&) {
            // Not UTF-8 (refused above): the store's own fault, as record() has it.
          }
          if (detail) ctx.store.append_event(e, *detail);
          else record(ctx, c, Action::intake, std::nullopt, intake_detail(c));
        } catch (const Error& e) {
          if (e.kind() == Kind::store_constraint) {
            Error placed = e;
            place(placed.fields(), item->origin);
            throw placed;
          }
          if (is_store_fault(e.kind())) throw;  // the store's own fault, not the row's
          // A write-time refusal names the row it came from.
          if (item->origin.source.empty()) throw;
          Error wrapped(Kind::in_record,
                        {.source = item->origin.source, .line = item->origin.line});
          wrapped.faults.push_back(e);
          throw wrapped;
        }
        if (first == 0) first = c.id;
      }
      ++count;
      if (stream.each) stream.each(c);
      if (stream.progress && count % 10000 == 0) stream.progress(count);
    }
    if (!faults.faults.empty()) {
      if (const auto n = faults.faults.size(); n > 1)
        faults.faults.emplace_back(Kind::batch_refused, Fields{.value = std::to_string(n)});
      throw faults;
    }
    if (stream.progress) stream.progress(count);
  };
  if (dry_run == DryRun::yes) {
    take(false);
    return count;
  }
  auto work = [&] {
    take(true);
    if (stream.before_commit) stream.before_commit(first, count);
  };
  if (stream.batch) ctx.store.write_batch(work);
  else ctx.store.write(work);
  return count;
}

std::vector<CaseRow> intake(Context& ctx, const std::vector<IntakeFields>& items, DryRun dry_run,
                            const std::vector<Origin>& where, const Progress& progress,
                            const BeforeCommit& before_commit) {
  std::vector<CaseRow> rows;
  std::size_t next = 0;
  IntakeStream stream;
  stream.next = [&]() -> std::optional<IntakeItem> {
    if (next == items.size()) return std::nullopt;
    const auto i = next++;
    return IntakeItem{items[i], i < where.size() ? where[i] : Origin{}};
  };
  stream.each = [&](const CaseRow& c) { rows.push_back(c); };
  if (progress) stream.progress = [&](std::size_t done) { progress(done, items.size()); };
  if (before_commit) stream.before_commit = [&](std::int64_t, std::size_t) { before_commit(rows); };
  intake(ctx, stream, dry_run);
  return rows;
}

namespace {

// When the case's current lead unit got it: its resolve clock runs from
// there (the last assignment that changed the lead, SPEC §3).
Instant lead_clock_start(const store::Store& store, const CaseRow& current) {
  std::optional<CaseRow> c;
  Instant start = current.assigned_at.value_or(current.received_at);
  for (const auto& e : store.events(current.id)) {
    if (!c) {
      if (e.action != Action::intake) continue;
      c = current;
    }
    if (e.action == Action::assign &&
        (c->status == Status::received || e.detail.value("lead", std::string()) != c->lead_unit))
      start = e.at;
    apply(*c, e);
  }
  return start;
}

}  // namespace

namespace {

// The options with units by their codes and the class in upper case: the
// rest of assign reads codes only.
AssignOptions with_codes(const config::Config& config, AssignOptions o) {
  o.lead = require_unit(config, o.lead, "lead_unit");
  if (o.co)
    for (auto& u : *o.co) u = require_unit(config, u, "co_units");
  if (o.klass) o.klass = class_of(*o.klass);
  return o;
}

}  // namespace

std::vector<CaseRow> assign(Context& ctx, const std::vector<std::int64_t>& ids,
                            const AssignOptions& given) {
  const auto& config = ctx.config;
  const auto o = with_codes(config, given);
  if (o.co) {
    for (const auto& u : *o.co) {
      if (u == o.lead) throw Error(Kind::lead_and_co, {.value = u});
    }
    std::set<std::string> seen;
    for (const auto& u : *o.co)
      if (!seen.insert(u).second) throw Error(Kind::co_twice, {.value = u});
  }
  if (o.klass && !is_class(*o.klass))
    throw Error(Kind::not_one_of,
                {.field = "class", .value = *o.klass, .choices = {"A", "B", "C"}});
  std::optional<Instant> explicit_due;
  if (o.due) {
    require_text(o.reason, "reason", Kind::reason_for_due);
    explicit_due = due_from_text(*o.due, ctx.now, config);
    if (*explicit_due < ctx.now)
      throw Error(Kind::due_before_assignment, {.field = "due_at",
                                                .value = time::format_utc(*explicit_due),
                                                .choices = {time::format_utc(ctx.now)}});
  }
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (!is_open(c.status)) wrong_state(c, {Status::received, Status::listed, Status::in_progress});
    require_unmerged(c);
    // A suspended case reassigned runs again: its dues as a resume leaves them.
    end_suspension(c, ctx.now);
    const bool reassign = c.status != Status::received;
    if (reassign && !o.reason)
      throw Error(Kind::reason_for_reassign,
                  {.field = "reason", .value = c.lead_unit.value_or(""), .case_id = c.id});
    const auto klass = o.klass ? o.klass : c.klass;
    const auto plan = supervise::plan_for(config, c.channel, c.category,
                                          klass ? std::optional<char>((*klass)[0]) : std::nullopt);
    const bool new_lead = !reassign || c.lead_unit != o.lead;
    const bool new_class = o.klass && o.klass != c.klass;
    auto co = o.co ? *o.co : c.co_units;
    std::erase(co, o.lead);  // a co-unit made the lead is no longer a co-unit
    const auto leader = o.leader ? o.leader : c.leader;
    auto step = [&](Instant from, const time::Duration& d) {
      return deadline_in_range(time::add(from, d, config.calendar, config.zone));
    };
    auto resolve_due = [&](Instant from) {
      if (explicit_due) return *explicit_due;
      if (!plan.resolve) throw Error(Kind::needs_class_or_due, {.case_id = c.id});
      return step(from, *plan.resolve);
    };
    // A new lead unit gets its full time from now; the same lead keeps its
    // clocks, unless a new class or --due moves the resolve due.
    Instant ack_due, due;
    if (new_lead) {
      ack_due = step(ctx.now, plan.ack);
      due = resolve_due(ctx.now);
    } else {
      ack_due = *c.ack_due;
      due = explicit_due || new_class ? resolve_due(lead_clock_start(ctx.store, c)) : *c.due_at;
    }
    Json detail{{"lead", o.lead},
                {"co", co},
                {"ack_due", time::format_utc(ack_due)},
                {"due_at", time::format_utc(due)}};
    if (leader) detail["leader"] = *leader;
    if (klass) detail["class"] = *klass;
    if (o.reason) detail["reason"] = *o.reason;
    if (reassign) {
      // What the reassignment changed, with the values it replaced.
      Json was = Json::object();
      if (c.lead_unit != o.lead) was["lead"] = c.lead_unit.value_or("");
      if (c.co_units != co) was["co"] = c.co_units;
      if (c.leader != leader) was["leader"] = c.leader ? Json(*c.leader) : Json(nullptr);
      if (c.klass != klass) was["class"] = c.klass ? Json(*c.klass) : Json(nullptr);
      if (c.ack_due != ack_due) was["ack_due"] = time::format_utc(*c.ack_due);
      if (c.due_at != due)
        was["due_at"] = c.due_at ? Json(time::format_utc(*c.due_at)) : Json(nullptr);
      detail["was"] = was;
    }
    record(ctx, c, Action::assign, o.lead, detail);
  });
}

std::vector<CaseRow> ack(Context& ctx, const std::vector<std::int64_t>& ids,
                         const std::optional<std::string>& given) {
  const auto unit =
      given ? std::optional<std::string>(require_unit(ctx.config, *given, "unit")) : std::nullopt;
  return change_each(ctx, ids, [&](CaseRow& c) {
    const bool lead = !unit || unit == c.lead_unit;
    // A unit summoned by a whistle reports in; a late answer is recorded so.
    Json detail = Json::object();
    if (unit) {
      const auto answered = ctx.store.answer_summons(c.id, *unit, ctx.now);
      if (!answered.empty()) {
        const bool late = std::any_of(answered.begin(), answered.end(),
                                      [&](const auto& s) { return ctx.now > s.due_at; });
        detail["whistle"] = true;
        detail["late"] = late;
      }
    }
    if (!lead) {
      const bool co = std::find(c.co_units.begin(), c.co_units.end(), *unit) != c.co_units.end();
      if (!co && detail.empty()) throw Error(Kind::not_on_case, {.value = *unit, .case_id = c.id});
      record(ctx, c, Action::ack, unit, detail);  // the case's own state does not change
      return;
    }
    if (c.status != Status::listed) {
      if (!detail.empty()) return record(ctx, c, Action::ack, unit, detail);
      wrong_state(c, {Status::listed});
    }
    record(ctx, c, Action::ack, c.lead_unit, detail);
  });
}

std::vector<CaseRow> give_back(Context& ctx, const std::vector<std::int64_t>& ids,
                               const std::string& reason) {
  const auto why = require_text(reason, "reason");
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (c.status != Status::listed && c.status != Status::in_progress)
      wrong_state(c, {Status::listed, Status::in_progress});
    record(ctx, c, Action::give_back, c.lead_unit, Json{{"reason", why}});
  });
}

CaseRow note(Context& ctx, std::int64_t id, const std::string& text,
             const std::optional<std::string>& due) {
  const auto body = require_text(text, "text", Kind::note_text_required);
  std::optional<Instant> new_due;
  if (due) new_due = due_from_text(*due, ctx.now, ctx.config);
  return change_each(ctx, {id},
                     [&](CaseRow& c) {
                       if (c.status == Status::closed)
                         wrong_state(c, {Status::received, Status::listed, Status::in_progress,
                                         Status::resolved});
                       Json detail{{"text", body}};
                       if (new_due) {
                         if (c.status == Status::received)
                           throw Error(Kind::due_not_assigned, {.case_id = c.id});
                         if (c.assigned_at && *new_due < *c.assigned_at)
                           throw Error(Kind::due_before_assignment,
                                       {.field = "due_at",
                                        .value = time::format_utc(*new_due),
                                        .case_id = c.id,
                                        .choices = {time::format_utc(*c.assigned_at)}});
                         detail["due_at"] = time::format_utc(*new_due);
                       }
                       record(ctx, c, Action::note, c.lead_unit, detail);
                     })
      .front();
}

std::vector<CaseRow> resolve(Context& ctx, const std::vector<std::int64_t>& ids, Outcome outcome,
                             const std::optional<std::string>& text) {
  if (outcome == Outcome::explained) require_text(text, "note", Kind::note_for_explained);
  const std::string name = outcome == Outcome::solved ? "solved" : "explained";
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_unmerged(c);
    if (c.status == Status::listed) throw Error(Kind::not_acknowledged, {.case_id = c.id});
    if (c.status != Status::in_progress) wrong_state(c, {Status::in_progress});
    Json detail{{"outcome", name}};
    if (text) detail["note"] = *text;
    record(ctx, c, Action::resolve, c.lead_unit, detail);
    follow_master(ctx, c, Action::resolve, detail);
  });
}

std::vector<CaseRow> close(Context& ctx, const std::vector<std::int64_t>& ids, Force force,
                           const std::optional<std::string>& reason) {
  if (force == Force::yes) require_text(reason, "reason", Kind::reason_for_force);
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_unmerged(c);
    if (c.status == Status::closed) wrong_state(c, {Status::resolved});
    const bool forced = c.status != Status::resolved;
    if (forced && force == Force::no)
      throw Error(
          Kind::close_needs_resolved,
          {.field = "status", .value = std::string(store::to_string(c.status)), .case_id = c.id});
    Json detail = Json::object();
    if (forced) detail["forced"] = true;
    if (reason) detail["reason"] = *reason;
    record(ctx, c, Action::close, c.lead_unit, detail);
    follow_master(ctx, c, Action::close, detail);
  });
}

namespace {
void reopen_one(Context& ctx, CaseRow& c, Json detail) {
  if (c.status != Status::resolved && c.status != Status::closed)
    wrong_state(c, {Status::resolved, Status::closed});
  if (!c.lead_unit) throw Error(Kind::closed_unassigned, {.case_id = c.id});
  record(ctx, c, Action::reopen, c.lead_unit, detail);
  follow_master(ctx, c, Action::reopen, detail);
}
}  // namespace

std::vector<CaseRow> reopen(Context& ctx, const std::vector<std::int64_t>& ids,
                            const std::string& reason) {
  const auto why = require_text(reason, "reason");
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_unmerged(c);
    reopen_one(ctx, c, Json{{"reason", why}});
  });
}

CaseRow followup(Context& ctx, std::int64_t id, Rating rating, std::optional<int> score,
                 const std::optional<std::string>& text, ReopenIfUnsatisfied reopen_if) {
  if (score && (*score < 1 || *score > 5))
    throw Error(Kind::out_of_range,
                {.field = "score", .value = std::to_string(*score), .choices = {"1", "5"}});
  const std::string name = rating == Rating::satisfied ? "satisfied"
                           : rating == Rating::basic   ? "basic"
                                                       : "unsatisfied";
  return change_each(ctx, {id},
                     [&](CaseRow& c) {
                       if (c.status != Status::resolved && c.status != Status::closed)
                         wrong_state(c, {Status::resolved, Status::closed});
                       Json detail{{"rating", name}};
                       if (score) detail["score"] = *score;
                       if (text) detail["note"] = *text;
                       record(ctx, c, Action::followup, c.lead_unit, detail);
                       // The reason is a fact, not words: the reader says it in its language.
                       if (rating != Rating::unsatisfied || reopen_if == ReopenIfUnsatisfied::no)
                         return;
                       const Json because{{"because", "unsatisfied"}};
                       if (!c.merged_into) return reopen_one(ctx, c, because);
                       // A merged request reopens its master, and every
                       // request merged into it with the master.
                       auto master = find(ctx.store, *c.merged_into);
                       ctx.store.update_case(c);
                       reopen_one(ctx, master, because);
                       ctx.store.update_case(master);
                       c = find(ctx.store, c.id);
                     })
      .front();
}

}  // namespace duban::cases
