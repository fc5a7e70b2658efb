#include "supervise/escalate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cases/change.hpp"
#include "supervise/deadlines.hpp"
#include "util/error.hpp"

namespace duban::supervise {

namespace {

using Json = store::Detail;
using cases::change_each;
using cases::record;
using store::Action;
using store::Status;

// A case escalated by hand must be on a unit's clock: assigned, not done,
// and not merged into another (a merged request follows its master).
void require_open(const CaseRow& c) {
  if (c.merged_into)
    throw Error(Kind::already_merged, {.value = std::to_string(*c.merged_into), .case_id = c.id});
  if (!cases::is_open(c.status) || c.status == Status::received)
    cases::wrong_state(c, {Status::listed, Status::in_progress});
}

bool is_ancestor(const config::Config& config, const std::string& ancestor,
                 const std::string& unit) {
  const auto* u = config.find_unit(unit);
  while (u && u->parent) {
    if (*u->parent == ancestor) return true;
    u = config.find_unit(*u->parent);
  }
  return false;
}

}  // namespace

std::vector<CaseRow> raise_level(Context& ctx, const std::vector<std::int64_t>& ids, int level,
                                 const std::string& reason) {
  const auto why = cases::require_text(reason, "reason");
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c);
    if (level <= c.level)
      throw Error(Kind::level_not_raised, {.field = "level",
                                           .value = std::to_string(level),
                                           .case_id = c.id,
                                           .choices = {std::to_string(c.level)}});
    record(ctx, c, Action::escalate, c.lead_unit,
           Json{{"from_level", c.level}, {"level", level}, {"reason", why}});
  });
}

std::vector<CaseRow> move_up(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& given, const std::string& reason) {
  const auto why = cases::require_text(reason, "reason");
  const auto unit = cases::require_unit(ctx.config, given, "to");
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c);
    if (!is_ancestor(ctx.config, unit, *c.lead_unit))
      throw Error(Kind::not_above,
                  {.field = "to", .value = unit, .case_id = c.id, .choices = {*c.lead_unit}});
    const auto from = *c.lead_unit;
    const auto plan = plan_for(ctx.config, c.channel, c.category,
                               c.klass ? std::optional<char>((*c.klass)[0]) : std::nullopt);
    // The new lead acknowledges afresh (cases/fold.cpp applies it).
    const auto ack_due = cases::deadline_in_range(
        time::add(ctx.now, plan.ack, ctx.config.calendar, ctx.config.zone));
    record(ctx, c, Action::escalate, unit,
           Json{{"from_unit", from},
                {"to_unit", unit},
                {"from_level", c.level},
                {"level", c.level + 1},
                {"ack_due", time::format_utc(ack_due)},
                {"reason", why}});
  });
}

std::vector<CaseRow> whistle(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::vector<std::string>& given, time::Duration within,
                             const std::string& reason) {
  const auto why = cases::require_text(reason, "reason");
  if (given.empty()) throw Error(Kind::whistle_without_units, {.field = "whistle"});
  std::vector<std::string> units;
  for (const auto& u : given) units.push_back(cases::require_unit(ctx.config, u, "whistle"));
  const auto due =
      cases::deadline_in_range(time::add(ctx.now, within, ctx.config.calendar, ctx.config.zone));
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c);
    for (const auto& u : units) ctx.store.insert_summons({c.id, u, ctx.now, due, std::nullopt});
    record(ctx, c, Action::escalate, c.lead_unit,
           Json{{"whistle", units},
                {"within", time::to_string(within)},
                {"due_at", time::format_utc(due)},
                {"reason", why}});
  });
}

namespace {

Recipient person(Recipient::Role role, const config::Unit* unit) {
  Recipient r{role, std::nullopt, std::nullopt};
  if (unit) {
    r.name = unit->head;
    r.email = unit->email;
  }
  return r;
}

Recipient recipient_of(const config::Config& config, const CaseRow& c, const std::string& notify) {
  using Role = Recipient::Role;
  if (notify == "unit head")
    return person(Role::unit_head, c.lead_unit ? config.find_unit(*c.lead_unit) : nullptr);
  if (notify == "supervision office" || notify == "office")
    return person(Role::office, config.office ? config.find_unit(*config.office) : nullptr);
  if (notify == "leader") return {Role::leader, c.leader, std::nullopt};
  return {Role::other, notify, std::nullopt};
}

// The ladder's steps that case `c` has passed at ctx.now and not yet reached.
std::vector<Escalation>
steps_due(const Context& ctx, const std::vector<config::EscalationStep>& steps, const CaseRow& c) {
  using When = config::EscalationStep::When;
  std::vector<Escalation> out;
  if (!cases::is_open(c.status) || c.status == Status::received) return out;
  int level = static_cast<int>(c.level);
  for (const auto& step : steps) {
    if (step.level <= level) continue;
    const bool ack_step = step.when == When::ack_overdue;
    const auto& clock = ack_step ? c.ack_due : c.due_at;
    if (!clock || (ack_step && c.status != Status::listed)) continue;
    const auto threshold = time::add(*clock, step.after, ctx.config.calendar, ctx.config.zone);
    if (!(ctx.now > threshold)) continue;
    out.push_back({c.id, c.lead_unit, c.title, level, step.level,
                   ack_step ? "ack_overdue" : "overdue", step.after, *clock, step.notify,
                   recipient_of(ctx.config, c, step.notify)});
    level = step.level;
  }
  return out;
}

}  // namespace

std::vector<Escalation> escalate_auto(Context& ctx, const Committed& committed, std::size_t batch) {
  auto steps = ctx.config.escalation;
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return a.level < b.level; });
  // Candidates: every case with a passed deadline (after >= 0 for every step).
  std::set<std::int64_t> candidates;
  for (auto id : ctx.store.unacknowledged_ids_before(ctx.now)) candidates.insert(id);
  for (auto id : ctx.store.open_ids_due_before(ctx.now)) candidates.insert(id);

  std::vector<Escalation> done;
  std::vector<std::int64_t> ids(candidates.begin(), candidates.end());
  for (std::size_t from = 0; from < ids.size(); from += batch) {
    std::vector<Escalation> written;
    ctx.store.write([&] {
      for (std::size_t i = from; i < std::min(ids.size(), from + batch); ++i) {
        // Decided on the case as it is inside this transaction: one that was
        // acknowledged or closed since the candidates were read is left alone.
        auto c = cases::find(ctx.store, ids[i]);
        const auto latest = ctx.store.latest_act(c.id);
        if (latest && ctx.now < *latest) continue;  // acted on after this clock
        for (auto e : steps_due(ctx, steps, c)) {
          e.from_level = static_cast<int>(c.level);
          record(ctx, c, Action::escalate, c.lead_unit,
                 Json{{"auto", true},
                      {"when", e.when},
                      {"deadline", time::format_utc(e.deadline)},
                      {"from_level", c.level},
                      {"level", e.to_level},
                      {"notify", e.notify}});
          e.lead_unit = c.lead_unit;  // as the case is now
          written.push_back(std::move(e));
        }
        if (!written.empty() && written.back().id == c.id) ctx.store.update_case(c);
      }
    });
    if (!committed) done.insert(done.end(), written.begin(), written.end());
    else if (!written.empty()) committed(written);
  }
  return done;
}

std::string_view to_string(Recipient::Role role) {
  switch (role) {
  case Recipient::Role::unit_head: return "unit_head";
  case Recipient::Role::leader: return "leader";
  case Recipient::Role::office: return "office";
  case Recipient::Role::other: return "other";
  }
  return "other";
}

std::string duration_words(time::Duration d, const Words& words) {
  using Unit = time::Duration::Unit;
  const std::string_view unit = [&] {
    switch (d.unit) {
    case Unit::minutes: return "minutes";
    case Unit::hours: return "hours";
    case Unit::days: return "days";
    case Unit::working_days: return "working_days";
    case Unit::months: return "months";
    }
    return "minutes";
  }();
  return words.format(fmt::format("duration.{}{}", unit, d.count == 1 ? ".one" : ""), d.count);
}

void render_escalations(std::ostream& out, const std::vector<Escalation>& done, io::Format format,
                        const config::Config& config, const Words& words,
                        const io::RenderOptions& options) {
  // Cron mails whatever is printed: nothing done, nothing said; JSON says
  // so with an empty array, never nothing (SPEC §9).
  if (done.empty()) {
    if (format == io::Format::json) out << "[]\n";
    return;
  }
  auto opt = [](const std::optional<std::string>& v) {
    return v ? io::Json(*v) : io::Json(nullptr);
  };
  // One row at a time (a table is measured, then written): a run may say a
  // hundred thousand escalations.
  auto stream = [&](std::vector<io::Column> columns, const auto& row_of) {
    io::RowStream rows(out, std::move(columns), format, options);
    if (rows.measures())
      for (const auto& e : done) rows.measure(row_of(e));
    for (const auto& e : done) rows.write(row_of(e));
    rows.finish();
  };
  if (format != io::Format::table) {
    auto row_of = [&](const Escalation& e) {
      return io::Json{{"id", e.id},
                      {"lead_unit", opt(e.lead_unit)},
                      {"when", e.when},
                      {"after", time::to_string(e.after_deadline)},
                      {"deadline", time::format_utc(e.deadline)},
                      {"from_level", e.from_level},
                      {"level", e.to_level},
                      {"notify", e.notify},
                      {"notify_name", opt(e.recipient.name)},
                      {"notify_email", opt(e.recipient.email)},
                      {"title", e.title}};
    };
    std::vector<io::Column> columns;
    const auto first = row_of(done.front());
    for (const auto& [key, value] : first.items()) columns.push_back({key, key});
    return stream(std::move(columns), row_of);
  }
  auto row_of = [&](const Escalation& e) {
    const auto* lead = e.lead_unit ? config.find_unit(*e.lead_unit) : nullptr;
    const std::string rule = e.after_deadline.count == 0
                                 ? std::string(words(fmt::format("escalate.rule.{}", e.when)))
                                 : words.format(fmt::format("escalate.rule.{}_after", e.when),
                                                duration_words(e.after_deadline, words));
    std::string notify = e.notify;
    if (e.recipient.role != Recipient::Role::other) {
      const auto key = fmt::format("escalate.notify.{}", to_string(e.recipient.role));
      if (!e.recipient.name) notify = words(key + ".none");
      else
        notify =
            words.format(key, e.recipient.email ? words.format("escalate.person", *e.recipient.name,
                                                               *e.recipient.email)
                                                : *e.recipient.name);
    }
    return io::Json{{"id", e.id},
                    {"lead_unit", lead ? lead->name : e.lead_unit.value_or("")},
                    {"rule", rule},
                    {"deadline", time::format_local(e.deadline, config.zone)},
                    {"from_level", e.from_level},
                    {"level", e.to_level},
                    {"notify", notify},
                    {"title", e.title}};
  };
  std::vector<io::Column> columns;
  for (std::string_view key :
       {"id", "lead_unit", "rule", "deadline", "from_level", "level", "notify", "title"})
    columns.push_back({std::string(key), std::string(words(fmt::format("escalate.col.{}", key))),
                       key == "id" || key == "from_level" || key == "level"});
  stream(std::move(columns), row_of);
}

}  // namespace duban::supervise
