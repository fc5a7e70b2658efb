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
using store::Action;
using cases::change_each;
using cases::record;
using store::Status;

void require_open(const CaseRow& c, std::string_view verb) {
  if (!cases::is_open(c.status) || c.status == Status::received)
    cases::wrong_state(c, verb, "assigned and open (listed or in progress)");
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
  const auto why = cases::require_text(reason, "--reason");
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c, "escalate");
    if (level <= c.level)
      throw Error(Exit::usage, fmt::format("case {} is at level {}; --level {} does not raise it",
                                           c.id, c.level, level));
    record(ctx, c, Action::escalate, c.lead_unit,
           Json{{"from_level", c.level}, {"level", level}, {"reason", why}});
  });
}

std::vector<CaseRow> move_up(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& given, const std::string& reason) {
  const auto why = cases::require_text(reason, "--reason");
  const auto unit = cases::require_unit(ctx.config, given, "to");
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c, "escalate");
    if (!is_ancestor(ctx.config, unit, *c.lead_unit))
      throw Error(Exit::usage, fmt::format("'{}' is not above '{}' in the unit tree; --to moves "
                                           "a case up only", unit, *c.lead_unit));
    const auto from = *c.lead_unit;
    const auto plan = plan_for(ctx.config, c.channel, c.category, c.klass ? std::optional<char>((*c.klass)[0]) : std::nullopt);
    // The new lead acknowledges afresh (cases/fold.cpp applies it).
    const auto ack_due = cases::require_in_range(
        time::add(ctx.now, plan.ack, ctx.config.calendar, ctx.config.zone),
        fmt::format("case {}: the ack due", c.id));
    record(ctx, c, Action::escalate, unit,
           Json{{"from_unit", from}, {"to_unit", unit}, {"from_level", c.level},
                {"level", c.level + 1}, {"ack_due", time::format_utc(ack_due)},
                {"reason", why}});
  });
}

std::vector<CaseRow> whistle(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::vector<std::string>& given, time::Duration within,
                             const std::string& reason) {
  const auto why = cases::require_text(reason, "--reason");
  if (given.empty()) throw Error(Exit::usage, "--whistle needs at least one unit");
  std::vector<std::string> units;
  for (const auto& u : given) units.push_back(cases::require_unit(ctx.config, u, "whistle"));
  const auto due = cases::require_in_range(
      time::add(ctx.now, within, ctx.config.calendar, ctx.config.zone), "the whistle's due");
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c, "whistle");
    for (const auto& u : units) ctx.store.insert_summons({c.id, u, ctx.now, due, std::nullopt});
    record(ctx, c, Action::escalate, c.lead_unit,
           Json{{"whistle", units}, {"within", time::to_string(within)},
                {"due_at", time::format_utc(due)}, {"reason", why}});
  });
}

namespace {

// The ladder's steps that case `c` has passed at ctx.now and not yet reached.
std::vector<Escalation> steps_due(const Context& ctx, const std::vector<config::EscalationStep>& steps,
                                  const CaseRow& c) {
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
    out.push_back({c, level, step.level, ack_step ? "ack_overdue" : "overdue", *clock,
                   step.notify});
    level = step.level;
  }
  return out;
}

}  // namespace

std::vector<Escalation> escalate_auto(Context& ctx, const Committed& committed,
                                      std::size_t batch) {
  auto steps = ctx.config.escalation;
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return a.level < b.level; });
  // Candidates: every case with a passed deadline (after >= 0 for every step).
  std::set<std::int64_t> candidates;
  for (auto& c : ctx.store.unacknowledged_before(ctx.now)) candidates.insert(c.id);
  for (auto& c : ctx.store.open_cases_due_before(ctx.now)) candidates.insert(c.id);

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
                 Json{{"auto", true}, {"when", e.when}, {"deadline", time::format_utc(e.deadline)},
                      {"from_level", c.level}, {"level", e.to_level}, {"notify", e.notify}});
          e.after = c;
          written.push_back(std::move(e));
        }
        if (!written.empty() && written.back().after.id == c.id) ctx.store.update_case(c);
      }
    });
    if (committed && !written.empty()) committed(written);
    done.insert(done.end(), written.begin(), written.end());
  }
  return done;
}

}  // namespace duban::supervise
