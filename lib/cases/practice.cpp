#include "cases/practice.hpp"

#include <set>

#include "cases/change.hpp"
#include "cases/fold.hpp"
#include "cases/query.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"

namespace duban::cases {

namespace {

using Json = store::Detail;
using store::Action;

std::string utc(Instant at) { return time::format_utc(at); }

// Open and assigned: the cases whose clocks run.
void require_running(const CaseRow& c) {
  if (c.status != Status::listed && c.status != Status::in_progress)
    wrong_state(c, {Status::listed, Status::in_progress});
}

// A due given by a person, after the clock.
Instant due_after_now(const Context& ctx, const std::string& text, std::string_view field) {
  const auto due = due_from_text(text, ctx.now, ctx.config);
  if (due <= ctx.now)
    throw Error(Kind::not_after_clock,
                {.field = std::string(field), .value = utc(due), .choices = {utc(ctx.now)}});
  return due;
}

// The one case a one-case act concerns, changed in one transaction.
template <class F> CaseRow change_one(Context& ctx, std::int64_t id, F&& change) {
  return change_each(ctx, {id}, std::forward<F>(change)).front();
}

}  // namespace

void require_unmerged(const CaseRow& c) {
  if (c.merged_into)
    throw Error(Kind::already_merged, {.value = std::to_string(*c.merged_into), .case_id = c.id});
}

void follow_master(Context& ctx, const CaseRow& master, Action action, const Json& detail) {
  for (auto f : ctx.store.cases_merged_into(master.id)) {
    require_in_order(ctx, f);
    Json mine = detail;
    mine["with"] = master.id;
    if (action == Action::resolve && !f.lead_unit && master.lead_unit)
      mine["lead"] = *master.lead_unit;
    // A follower already where the master goes (closed before the merge) stays.
    if (action == Action::close && f.status == Status::closed) continue;
    if (action == Action::resolve && !is_open(f.status)) continue;
    if (action == Action::reopen && is_open(f.status)) continue;
    if (action == Action::close && f.status != Status::resolved) mine["forced"] = true;
    record(ctx, f, action, f.lead_unit ? f.lead_unit : master.lead_unit, mine);
    ctx.store.update_case(f);
  }
}

std::vector<CaseRow> suspend(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& reason, const std::optional<std::string>& until) {
  const auto why = require_text(reason, "reason");
  const auto end = until ? std::optional(due_after_now(ctx, *until, "until")) : std::nullopt;
  return change_each(ctx, ids, [&](CaseRow& c) {
    require_running(c);
    require_unmerged(c);
    if (c.suspended_at)
      throw Error(Kind::already_suspended, {.value = utc(*c.suspended_at), .case_id = c.id});
    Json detail{{"reason", why}};
    if (end) detail["until"] = utc(*end);
    record(ctx, c, Action::suspend, c.lead_unit, detail);
  });
}

std::vector<CaseRow> resume(Context& ctx, const std::vector<std::int64_t>& ids,
                            const std::optional<std::string>& reason) {
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (!c.suspended_at) throw Error(Kind::not_suspended, {.case_id = c.id});
    // The dues it moves to, for the reader of the journal: the fold moves
    // them itself (end_suspension), from the two instants.
    CaseRow after = c;
    end_suspension(after, ctx.now);
    Json detail = Json::object();
    if (reason) detail["reason"] = *reason;
    detail["suspended_at"] = utc(*c.suspended_at);
    if (after.ack_due) detail["ack_due"] = utc(*after.ack_due);
    if (after.due_at) detail["due_at"] = utc(*after.due_at);
    record(ctx, c, Action::resume, c.lead_unit, detail);
  });
}

CaseRow request_extension(Context& ctx, std::int64_t id, const std::string& due,
                          const std::string& reason) {
  const auto why = require_text(reason, "reason");
  const auto wanted = due_after_now(ctx, due, "due_at");
  return change_one(ctx, id, [&](CaseRow& c) {
    require_running(c);
    require_unmerged(c);
    if (c.extension_due)
      throw Error(Kind::extension_pending, {.value = utc(*c.extension_due), .case_id = c.id});
    if (c.due_at && wanted <= *c.due_at)
      throw Error(
          Kind::extension_not_later,
          {.field = "due_at", .value = utc(wanted), .case_id = c.id, .choices = {utc(*c.due_at)}});
    Json detail{{"due_at", utc(wanted)}, {"reason", why}};
    if (c.due_at) detail["was"] = utc(*c.due_at);
    record(ctx, c, Action::extend, c.lead_unit, detail);
  });
}

CaseRow decide_extension(Context& ctx, std::int64_t id, Decision decision,
                         const std::optional<std::string>& reason) {
  return change_one(ctx, id, [&](CaseRow& c) {
    if (!c.extension_due) throw Error(Kind::no_extension, {.case_id = c.id});
    Json detail = Json::object();
    if (reason) detail["reason"] = *reason;
    if (decision == Decision::approve) {
      detail["due_at"] = utc(*c.extension_due);
      if (c.due_at) detail["was"] = utc(*c.due_at);
    }
    record(ctx, c, decision == Decision::approve ? Action::extend_approve : Action::extend_reject,
           c.lead_unit, detail);
  });
}

std::vector<CaseRow> merge(Context& ctx, const std::vector<std::int64_t>& ids,
                           std::int64_t master_id, const std::string& reason) {
  const auto why = require_text(reason, "reason");
  // The master is read inside the transaction, with the cases it takes.
  return change_each(ctx, ids, [&](CaseRow& c) {
    const auto master = find(ctx.store, master_id);
    if (c.id == master.id) throw Error(Kind::merge_into_self, {.case_id = c.id});
    if (master.merged_into)
      throw Error(Kind::master_merged,
                  {.value = std::to_string(*master.merged_into), .case_id = master.id});
    if (!is_open(master.status))
      wrong_state(master, {Status::received, Status::listed, Status::in_progress});
    if (!is_open(c.status)) wrong_state(c, {Status::received, Status::listed, Status::in_progress});
    require_unmerged(c);
    if (const auto mine = ctx.store.cases_merged_into(c.id); !mine.empty()) {
      Fields f{.case_id = c.id};
      for (const auto& m : mine) f.choices.push_back(std::to_string(m.id));
      throw Error(Kind::has_merged, std::move(f));
    }
    record(ctx, c, Action::merge, c.lead_unit, Json{{"into", master.id}, {"reason", why}});
  });
}

std::vector<CaseRow> unmerge(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& reason) {
  const auto why = require_text(reason, "reason");
  return change_each(ctx, ids, [&](CaseRow& c) {
    if (!c.merged_into) throw Error(Kind::not_merged, {.case_id = c.id});
    record(ctx, c, Action::unmerge, c.lead_unit, Json{{"from", *c.merged_into}, {"reason", why}});
  });
}

CaseRow appeal(Context& ctx, std::int64_t id, const std::string& reason) {
  const auto why = require_text(reason, "reason");
  return change_one(ctx, id, [&](CaseRow& c) {
    if (!c.lead_unit)
      wrong_state(c, {Status::listed, Status::in_progress, Status::resolved, Status::closed});
    require_unmerged(c);
    if (c.appeal == "pending") throw Error(Kind::appeal_pending, {.case_id = c.id});
    if (c.appeal == "granted") throw Error(Kind::appeal_granted, {.case_id = c.id});
    record(ctx, c, Action::appeal, c.lead_unit, Json{{"reason", why}});
  });
}

CaseRow decide_appeal(Context& ctx, std::int64_t id, Decision decision, const std::string& reason) {
  const auto why = require_text(reason, "reason");
  return change_one(ctx, id, [&](CaseRow& c) {
    if (c.appeal != "pending") throw Error(Kind::no_appeal, {.case_id = c.id});
    // The unit the grant concerns is the one whose rates it changes.
    record(ctx, c, decision == Decision::approve ? Action::appeal_grant : Action::appeal_deny,
           c.lead_unit, Json{{"reason", why}});
  });
}

CaseRow amend(Context& ctx, std::int64_t id, const IntakeFields& f, const std::string& reason) {
  const auto why = require_text(reason, "reason");
  const auto& config = ctx.config;
  // The corrections given, by SPEC §9's names; an empty text clears.
  std::vector<std::pair<std::string, std::optional<std::string>>> given;
  const std::pair<const std::optional<std::string>*, const char*> texts[] = {
      {&f.title, "title"},       {&f.description, "description"}, {&f.channel, "channel"},
      {&f.category, "category"}, {&f.requester, "requester"},     {&f.phone, "phone"},
      {&f.town, "town"},         {&f.village, "village"},         {&f.address, "address"},
      {&f.meeting, "meeting"}};
  for (const auto& [v, name] : texts) {
    if (!*v) continue;
    if (!util::is_valid_utf8(**v)) throw Error(Kind::not_utf8, {.field = name});
    const auto t = util::trim(**v);
    given.emplace_back(name, t.empty() ? std::nullopt : std::optional<std::string>(**v));
  }
  if (given.empty()) throw Error(Kind::nothing_to_amend);
  for (auto& [name, value] : given) {
    if (name == "title" && !value) throw Error(Kind::required, {.field = "title"});
    if (!value) continue;
    if (name == "channel") value = config.channel_code(*value);
    if (name == "category") value = config.category_code(*value);
    if (name == "meeting") value = std::to_string(find_meeting(ctx.store, *value).id);
  }
  return change_one(ctx, id, [&](CaseRow& c) {
    const CaseRow before = c;
    auto current = [&](const std::string& name) -> Json {
      if (name == "title") return c.title;
      if (name == "meeting") return c.meeting ? Json(*c.meeting) : Json(nullptr);
      const auto d = intake_detail(c);
      return d.contains(name) ? d[name] : Json(nullptr);
    };
    Json old_values = Json::object(), new_values = Json::object();
    for (const auto& [name, value] : given) {
      Json now = !value              ? Json(nullptr)
                 : name == "meeting" ? Json(std::stoll(*value))
                                     : Json(*value);
      if (current(name) == now) continue;
      old_values[name] = current(name);
      new_values[name] = now;
    }
    if (new_values.empty()) {
      const auto& [name, value] = given.front();
      throw Error(Kind::amend_unchanged,
                  {.field = name, .value = value.value_or(""), .case_id = c.id});
    }
    record(ctx, c, Action::amend, c.lead_unit,
           Json{{"reason", why}, {"old", old_values}, {"new", new_values}});
    ctx.store.reindex_text(before);
  });
}

store::MeetingRow issue_meeting(Context& ctx, const std::string& text,
                                const std::string& approved_by) {
  const auto approver = require_text(approved_by, "approved_by");
  store::MeetingRow m;
  ctx.store.write([&] {
    m = find_meeting(ctx.store, text);
    if (m.issued_at)
      throw Error(Kind::meeting_issued,
                  {.value = std::to_string(m.id), .choices = {utc(*m.issued_at)}});
    const auto cases = ctx.store.cases_of_meeting(m.id);
    if (cases.empty()) throw Error(Kind::meeting_no_cases, {.value = std::to_string(m.id)});
    std::int64_t unassigned = 0;
    for (const auto& c : cases)
      if (c.status == Status::received && !c.merged_into) ++unassigned;
    if (unassigned > 0)
      throw Error(Kind::meeting_not_ready,
                  {.value = std::to_string(m.id), .choices = {std::to_string(unassigned)}});
    for (auto c : cases) {
      require_in_order(ctx, c);
      record(ctx, c, Action::issue, c.lead_unit,
             Json{{"meeting", m.id}, {"approved_by", approver}});
    }
    m.issued_at = ctx.now;
    m.approved_by = approver;
    m.issued_by = ctx.actor;
    ctx.store.issue_meeting(m);
  });
  return m;
}

}  // namespace duban::cases
