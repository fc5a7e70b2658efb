#include "cases/change.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "cases/fold.hpp"
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

// Where a batch's record came from ("file.csv:3"; "intake" for options)
// as a fault's source and line.
void place(Fields& f, std::string_view at) {
  const auto colon = at.rfind(':');
  if (colon == std::string_view::npos) return;
  long line = 0;
  const auto digits = at.substr(colon + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), line);
  if (ec != std::errc{} || end != digits.data() + digits.size()) return;
  f.source = std::string(at.substr(0, colon));
  f.line = line;
}

std::string state_name(Status s) {
  std::string name(store::to_string(s));
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}


}  // namespace

std::string require_text(const std::optional<std::string>& text, std::string_view what) {
  if (!text || util::trim(*text).empty())
    throw Error(Exit::usage, fmt::format("{} is required", what));
  return *text;
}

RandomBytes system_random() {
  return [](unsigned char* out, std::size_t size) {
    if (RAND_bytes(out, static_cast<int>(size)) != 1)
      throw Error(Exit::io, "no random bytes from the system (OpenSSL RAND_bytes)");
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

void record(Context& ctx, CaseRow& c, Action action, std::optional<std::string> unit,
            Json detail) {
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
    throw Error(Exit::data, fmt::format("case {}: this act at {} is before its latest act at {}; "
                                        "acts on a case go in time order", c.id,
                                        time::format_utc(ctx.now), time::format_utc(*latest)));
}

Instant require_in_range(Instant at, std::string_view what) {
  if (!time::in_range(at))
    throw Error(Exit::usage, fmt::format("{} {} is outside {}..{}", what, time::format_utc(at),
                                         time::k_earliest, time::k_latest));
  return at;
}

void read_as_of(store::Store& store, Instant clock) {
  store.read_as_of(clock, [](const CaseRow& now, const std::vector<store::Event>& events) {
    return fold(now, events);
  });
}

void wrong_state(const CaseRow& c, std::string_view verb, std::string_view needs) {
  throw Error(Exit::data, fmt::format("case {} is {}; {} needs it {}", c.id, state_name(c.status),
                                      verb, needs));
}

std::string require_unit(const config::Config& config, const std::string& text,
                         std::string_view field) {
  return config.unit_code(text, field);
}

const std::vector<std::string>& intake_field_names() {
  static const std::vector<std::string> names = {
      "title", "description", "channel", "category", "class", "requester", "phone",
      "town", "village", "address", "meeting", "received_at"};
  return names;
}

CaseRow find(const store::Store& store, std::int64_t id) {
  auto c = store.find_case(id);
  if (!c) throw Error(Exit::unavailable, fmt::format("no case {}", id));
  return *c;
}

CaseRow find_by_receipt(const store::Store& store, const std::string& receipt) {
  auto c = store.find_case_by_receipt(receipt);
  if (!c) throw Error(Exit::unavailable, fmt::format("no case with receipt {}", receipt));
  return *c;
}

std::vector<std::int64_t> parse_ids(const std::vector<std::string>& words) {
  std::vector<std::int64_t> ids;
  for (const auto& w : words) {
    std::int64_t id = 0;
    auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), id);
    if (ec != std::errc{} || p != w.data() + w.size() || id <= 0)
      throw Error(Exit::usage, fmt::format("'{}' is not a case id", w));
    ids.push_back(id);
  }
  return ids;
}

Instant due_from_text(const std::string& text, Instant now, const config::Config& config) {
  const auto what = fmt::format("--due '{}' gives", text);
  if (auto d = time::parse_duration(text))
    return require_in_range(time::add(now, *d, config.calendar, config.zone), what);
  if (auto at = time::parse_when(text, config.zone, time::DateOnly::end_of_day))
    return require_in_range(*at, what);
  throw Error(Exit::usage, fmt::format("--due '{}' is neither {} nor {}", text,
                                       time::k_when_forms, time::k_duration_forms));
}

std::vector<IntakeFields> fields_from_records(const std::vector<io::Record>& records,
                                              const IntakeFields& defaults,
                                              std::string_view source,
                                              std::optional<std::size_t> header_line) {
  const auto& names = intake_field_names();
  std::vector<IntakeFields> out;
  std::vector<std::string> faults;
  std::set<std::string> reported;  // a bad CSV column is reported once, not per row
  // A header of a million unknown columns must not print a million lines:
  // the first few are named, the rest counted.
  constexpr std::size_t k_named = 10;
  std::size_t unnamed = 0;
  for (const auto& r : records) {
    IntakeFields f = defaults;
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
      if (!slot) {
        if (reported.insert(name).second) {
          if (faults.size() < k_named)
            faults.push_back(fmt::format("{}:{}: unknown {} '{}'{}", source,
                                         header_line.value_or(r.line),
                                         header_line ? "column" : "field", name,
                                         config::did_you_mean(name, names)));
          else
            ++unnamed;
        }
        continue;
      }
      if (!value.empty()) *slot = value;
    }
    out.push_back(std::move(f));
  }
  if (unnamed > 0)
    faults.push_back(fmt::format("{}: … and {} more unknown {}", source, unnamed,
                                 header_line ? "columns" : "fields"));
  if (!faults.empty())
    throw Error(Exit::data, fmt::format("{} (fields: {})", fmt::join(faults, "\n"),
                                        fmt::join(names, ", ")));
  return out;
}

std::vector<CaseRow> intake(Context& ctx, const std::vector<IntakeFields>& items, DryRun dry_run,
                            const std::vector<std::string>& where, const Progress& progress,
                            const BeforeCommit& before_commit) {
  const auto& config = ctx.config;
  std::vector<CaseRow> rows;
  std::vector<Error> faults;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& f = items[i];
    const std::string at = i < where.size() ? where[i] : std::string("case");
    auto fault = [&](std::string_view field, const std::string& what) {
      faults.emplace_back(Exit::data, fmt::format("{}: {}: {}", at, field, what));
    };
    // A name resolved, or its fault kept with where the record came from.
    auto resolved = [&](std::optional<std::string>& value, auto&& code_of) {
      if (!value) return;
      try {
        value = code_of(*value);
      } catch (Error& e) {
        place(e.fields(), at);
        faults.push_back(std::move(e));
      }
    };
    CaseRow c;
    auto clean = [](const std::optional<std::string>& v) -> std::optional<std::string> {
      if (!v || util::trim(*v).empty()) return std::nullopt;
      return v;
    };
    for (const auto* v : {&f.title, &f.description, &f.channel, &f.category, &f.klass,
                          &f.requester, &f.phone, &f.town, &f.village, &f.address})
      if (*v && !util::is_valid_utf8(**v)) fault("text", "invalid UTF-8");
    if (auto t = clean(f.title)) c.title = *t;
    else fault("title", "a title is required");
    c.description = clean(f.description);
    c.channel = clean(f.channel);
    resolved(c.channel, [&](const std::string& v) { return config.channel_code(v); });
    c.category = clean(f.category);
    resolved(c.category, [&](const std::string& v) { return config.category_code(v); });
    c.klass = clean(f.klass);
    if (c.klass) c.klass = class_of(*c.klass);
    if (c.klass && !is_class(*c.klass))
      fault("class", fmt::format("'{}' is not A, B or C", *c.klass));
    c.requester = clean(f.requester);
    c.phone = clean(f.phone);
    c.town = clean(f.town);
    c.village = clean(f.village);
    c.address = clean(f.address);
    if (auto m = clean(f.meeting)) {
      try {
        const auto meeting = find_meeting(ctx.store, *m);
        c.meeting = meeting.id;
        // A meeting's problems came in through the meeting's own channel.
        if (!c.channel && config.has_channel(meeting.kind)) c.channel = meeting.kind;
      } catch (Error& e) {
        place(e.fields(), at);
        faults.push_back(std::move(e));
      }
    }
    c.confidential = f.confidential;
    c.received_at = ctx.now;
    if (auto r = clean(f.received_at)) {
      if (auto when = time::parse_when(*r, config.zone)) {
        c.received_at = *when;
        if (!time::in_range(*when))
          fault("received_at", fmt::format("'{}' is outside {}..{}", *r, time::k_earliest,
                                           time::k_latest));
        else if (*when > ctx.now)
          fault("received_at", fmt::format("'{}' ({}) is after the clock ({})", *r,
                                           time::format_utc(*when), time::format_utc(ctx.now)));
      } else {
        fault("received_at", fmt::format("'{}' is not {}", *r, time::k_when_forms));
      }
    }
    rows.push_back(std::move(c));
  }
  if (faults.size() == 1) throw std::move(faults.front());
  if (!faults.empty()) {
    Error several(Kind::several);
    several.faults = std::move(faults);
    throw several;
  }
  if (dry_run == DryRun::yes) return rows;
  ctx.store.write([&] {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto& c = rows[i];
      if (progress && i % 10000 == 0) progress(i, rows.size());
      try {
        c.receipt = new_receipt(ctx);
        ctx.store.insert_case(c);
        record(ctx, c, Action::intake, std::nullopt, intake_detail(c));
      } catch (const Error& e) {
        if (e.kind() == Kind::store_constraint) {
          Error placed = e;
          place(placed.fields(), i < where.size() ? where[i] : std::string());
          throw placed;
        }
        if (e.kind() != Kind::legacy) throw;  // the store's own fault, not the row's
        // A write-time refusal names the row it came from.
        throw Error(e.code(), fmt::format("{}: {}", i < where.size() ? where[i] : "case", e.what()));
      }
    }
    if (progress) progress(rows.size(), rows.size());
    if (before_commit) before_commit(rows);
  });
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
      if (u == o.lead)
        throw Error(Exit::usage, fmt::format("unit '{}' cannot be both lead and co-unit", u));
    }
    if (std::set<std::string>(o.co->begin(), o.co->end()).size() != o.co->size())
      throw Error(Exit::usage, "a co-unit is listed twice");
  }
  if (o.klass && !is_class(*o.klass))
    throw Error(Exit::usage, fmt::format("--class '{}' is not A, B or C", *o.klass));
  std::optional<Instant> explicit_due;
  if (o.due) {
    require_text(o.reason, "--reason (why the deadline differs from the rules)");
    explicit_due = due_from_text(*o.due, ctx.now, config);
    if (*explicit_due < ctx.now)
      throw Error(Exit::data, fmt::format("--due {} is before the assignment at {}",
                                          time::format_utc(*explicit_due),
                                          time::format_utc(ctx.now)));
  }
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (!is_open(c.status)) wrong_state(c, "assign", "received, listed or in progress");
    const bool reassign = c.status != Status::received;
    if (reassign && !o.reason)
      throw Error(Exit::usage, fmt::format("case {} is already assigned to '{}'; reassigning "
                                           "needs --reason", c.id, c.lead_unit.value_or("")));
    const auto klass = o.klass ? o.klass : c.klass;
    const auto plan = supervise::plan_for(config, c.channel, c.category,
                                          klass ? std::optional<char>((*klass)[0]) : std::nullopt);
    const bool new_lead = !reassign || c.lead_unit != o.lead;
    const bool new_class = o.klass && o.klass != c.klass;
    auto co = o.co ? *o.co : c.co_units;
    std::erase(co, o.lead);  // a co-unit made the lead is no longer a co-unit
    const auto leader = o.leader ? o.leader : c.leader;
    auto step = [&](Instant from, const time::Duration& d, std::string_view what) {
      return require_in_range(time::add(from, d, config.calendar, config.zone),
                              fmt::format("case {}: the {} due", c.id, what));
    };
    auto resolve_due = [&](Instant from) {
      if (explicit_due) return *explicit_due;
      if (!plan.resolve)
        throw Error(Exit::usage, fmt::format("case {} has no class, and its resolve deadline "
                                             "depends on it; give --class A|B|C or --due", c.id));
      return step(from, *plan.resolve, "resolve");
    };
    // A new lead unit gets its full time from now; the same lead keeps its
    // clocks, unless a new class or --due moves the resolve due.
    Instant ack_due, due;
    if (new_lead) {
      ack_due = step(ctx.now, plan.ack, "ack");
      due = resolve_due(ctx.now);
    } else {
      ack_due = *c.ack_due;
      due = explicit_due || new_class ? resolve_due(lead_clock_start(ctx.store, c)) : *c.due_at;
    }
    Json detail{{"lead", o.lead}, {"co", co}, {"ack_due", time::format_utc(ack_due)},
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
      if (c.due_at != due) was["due_at"] = c.due_at ? Json(time::format_utc(*c.due_at)) : Json(nullptr);
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
      if (!co && detail.empty())
        throw Error(Exit::usage, fmt::format("unit '{}' is neither the lead, a co-unit nor "
                                             "summoned on case {}", *unit, c.id));
      record(ctx, c, Action::ack, unit, detail);  // the case's own state does not change
      return;
    }
    if (c.status != Status::listed) {
      if (!detail.empty()) return record(ctx, c, Action::ack, unit, detail);
      wrong_state(c, "ack", "listed (assigned, not yet acknowledged)");
    }
    record(ctx, c, Action::ack, c.lead_unit, detail);
  });
}

std::vector<CaseRow> give_back(Context& ctx, const std::vector<std::int64_t>& ids,
                               const std::string& reason) {
  const auto why = require_text(reason, "--reason");
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (c.status != Status::listed && c.status != Status::in_progress)
      wrong_state(c, "return", "listed or in progress");
    record(ctx, c, Action::give_back, c.lead_unit, Json{{"reason", why}});
  });
}

CaseRow note(Context& ctx, std::int64_t id, const std::string& text,
             const std::optional<std::string>& due) {
  const auto body = require_text(text, "the note's text");
  std::optional<Instant> new_due;
  if (due) new_due = due_from_text(*due, ctx.now, ctx.config);
  return change_each(ctx, {id}, [&](CaseRow& c) {
    if (c.status == Status::closed) wrong_state(c, "note", "open or resolved");
    Json detail{{"text", body}};
    if (new_due) {
      if (c.status == Status::received)
        throw Error(Exit::usage, fmt::format("case {} is not assigned; a due date comes with "
                                             "assign", c.id));
      if (c.assigned_at && *new_due < *c.assigned_at)
        throw Error(Exit::data, fmt::format("case {}: the due {} is before the assignment at {}",
                                            c.id, time::format_utc(*new_due),
                                            time::format_utc(*c.assigned_at)));
      detail["due_at"] = time::format_utc(*new_due);
    }
    record(ctx, c, Action::note, c.lead_unit, detail);
  }).front();
}

std::vector<CaseRow> resolve(Context& ctx, const std::vector<std::int64_t>& ids, Outcome outcome,
                             const std::optional<std::string>& text) {
  if (outcome == Outcome::explained)
    require_text(text, "--note (the explanation of why it cannot be done)");
  const std::string name = outcome == Outcome::solved ? "solved" : "explained";
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (c.status != Status::in_progress)
      wrong_state(c, "resolve", "in progress (acknowledged by its lead unit)");
    Json detail{{"outcome", name}};
    if (text) detail["note"] = *text;
    record(ctx, c, Action::resolve, c.lead_unit, detail);
  });
}

std::vector<CaseRow> close(Context& ctx, const std::vector<std::int64_t>& ids, Force force,
                           const std::optional<std::string>& reason) {
  if (force == Force::yes) require_text(reason, "--reason (why it is closed unresolved)");
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (c.status == Status::closed) wrong_state(c, "close", "resolved");
    const bool forced = c.status != Status::resolved;
    if (forced && force == Force::no)
      throw Error(Exit::data, fmt::format("case {} is {}; close needs it resolved (or --force "
                                          "--reason)", c.id, state_name(c.status)));
    Json detail = Json::object();
    if (forced) detail["forced"] = true;
    if (reason) detail["reason"] = *reason;
    record(ctx, c, Action::close, c.lead_unit, detail);
  });
}

namespace {
void reopen_one(Context& ctx, CaseRow& c, Json detail) {
  if (c.status != Status::resolved && c.status != Status::closed)
    wrong_state(c, "reopen", "resolved or closed");
  if (!c.lead_unit)
    throw Error(Exit::data, fmt::format("case {} was closed unassigned; assign it instead", c.id));
  record(ctx, c, Action::reopen, c.lead_unit, std::move(detail));
}
}  // namespace

std::vector<CaseRow> reopen(Context& ctx, const std::vector<std::int64_t>& ids,
                            const std::string& reason) {
  const auto why = require_text(reason, "--reason");
  return change_each(ctx, ids, [&](CaseRow& c) { reopen_one(ctx, c, Json{{"reason", why}}); });
}

CaseRow followup(Context& ctx, std::int64_t id, Rating rating, std::optional<int> score,
                 const std::optional<std::string>& text, ReopenIfUnsatisfied reopen_if) {
  if (score && (*score < 1 || *score > 5))
    throw Error(Exit::usage, fmt::format("--score {} is not from 1 to 5", *score));
  const std::string name = rating == Rating::satisfied ? "satisfied"
                           : rating == Rating::basic   ? "basic"
                                                       : "unsatisfied";
  return change_each(ctx, {id}, [&](CaseRow& c) {
    if (c.status != Status::resolved && c.status != Status::closed)
      wrong_state(c, "followup", "resolved or closed");
    Json detail{{"rating", name}};
    if (score) detail["score"] = *score;
    if (text) detail["note"] = *text;
    record(ctx, c, Action::followup, c.lead_unit, detail);
    // The reason is a fact, not words: the reader says it in its language.
    if (rating == Rating::unsatisfied && reopen_if == ReopenIfUnsatisfied::yes)
      reopen_one(ctx, c, Json{{"because", "unsatisfied"}});
  }).front();
}

}  // namespace duban::cases
