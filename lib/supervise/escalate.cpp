#include "supervise/escalate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cases/change.hpp"
#include "supervise/deadlines.hpp"
#include "util/error.hpp"

namespace duban::supervise {

namespace {

using Json = nlohmann::ordered_json;
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
    record(ctx, c.id, "escalate", c.lead_unit,
           Json{{"from_level", c.level}, {"level", level}, {"reason", why}});
    c.level = level;
  });
}

std::vector<CaseRow> move_up(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& unit, const std::string& reason) {
  const auto why = cases::require_text(reason, "--reason");
  cases::require_unit(ctx.config, unit);
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c, "escalate");
    if (!is_ancestor(ctx.config, unit, *c.lead_unit))
      throw Error(Exit::usage, fmt::format("'{}' is not above '{}' in the unit tree; --to moves "
                                           "a case up only", unit, *c.lead_unit));
    const auto from = *c.lead_unit;
    const auto plan = plan_for(ctx.config, c.channel, c.category, c.klass ? std::optional<char>((*c.klass)[0]) : std::nullopt);
    c.lead_unit = unit;
    std::erase(c.co_units, unit);
    c.status = Status::listed;  // the new lead acknowledges afresh
    c.acked_at.reset();
    c.ack_due = time::add(ctx.now, plan.ack, ctx.config.calendar, ctx.config.zone);
    record(ctx, c.id, "escalate", unit,
           Json{{"from_unit", from}, {"to_unit", unit}, {"from_level", c.level},
                {"level", c.level + 1}, {"ack_due", time::format_utc(*c.ack_due)},
                {"reason", why}});
    c.level += 1;
  });
}

std::vector<CaseRow> whistle(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::vector<std::string>& units, time::Duration within,
                             const std::string& reason) {
  const auto why = cases::require_text(reason, "--reason");
  if (units.empty()) throw Error(Exit::usage, "--whistle needs at least one unit");
  for (const auto& u : units) cases::require_unit(ctx.config, u);
  const auto due = time::add(ctx.now, within, ctx.config.calendar, ctx.config.zone);
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_open(c, "whistle");
    for (const auto& u : units) ctx.store.insert_summons({c.id, u, ctx.now, due, std::nullopt});
    record(ctx, c.id, "escalate", c.lead_unit,
           Json{{"whistle", units}, {"within", time::to_string(within)},
                {"due_at", time::format_utc(due)}, {"reason", why}});
  });
}

std::vector<Escalation> escalate_auto(Context& ctx, std::size_t batch) {
  using When = config::EscalationStep::When;
  auto steps = ctx.config.escalation;
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return a.level < b.level; });
  // Candidates: every case with a passed deadline (after >= 0 for every step).
  std::map<std::int64_t, CaseRow> candidates;
  for (auto& c : ctx.store.unacknowledged_before(ctx.now)) candidates.emplace(c.id, c);
  for (auto& c : ctx.store.open_cases_due_before(ctx.now)) candidates.emplace(c.id, c);

  std::vector<Escalation> done;
  std::vector<Escalation> pending;
  auto flush = [&] {
    if (pending.empty()) return;
    ctx.store.write([&] {
      for (auto& e : pending) {
        // Re-read inside the transaction: someone may have acted since.
        auto now_case = cases::find(ctx.store, e.after.id);
        if (now_case.level >= e.to_level || !cases::is_open(now_case.status)) continue;
        record(ctx, now_case.id, "escalate", now_case.lead_unit,
               Json{{"auto", true}, {"when", e.when}, {"deadline", time::format_utc(e.deadline)},
                    {"from_level", now_case.level}, {"level", e.to_level},
                    {"notify", e.notify}});
        e.from_level = static_cast<int>(now_case.level);
        now_case.level = e.to_level;
        ctx.store.update_case(now_case);
        e.after = now_case;
        done.push_back(e);
      }
    });
    pending.clear();
  };
  for (auto& [id, c] : candidates) {
    int level = static_cast<int>(c.level);
    for (const auto& step : steps) {
      if (step.level <= level) continue;
      const bool ack_step = step.when == When::ack_overdue;
      const auto& clock = ack_step ? c.ack_due : c.due_at;
      if (!clock || (ack_step && c.status != Status::listed)) continue;
      const auto threshold = time::add(*clock, step.after, ctx.config.calendar, ctx.config.zone);
      if (!(ctx.now > threshold)) continue;
      pending.push_back({c, level, step.level, ack_step ? "ack_overdue" : "overdue", *clock,
                         step.notify});
      level = step.level;
    }
    if (pending.size() >= batch) flush();
  }
  flush();
  return done;
}

}  // namespace duban::supervise
