// How offices really work (SPEC §3): suspension (挂账), extension (延期),
// merged repeats (并单), appeals (申诉/核减), corrections (更正) and a meeting's
// list issued (审定、印发). Like the lifecycle, each runs in one transaction
// and journals one event per case it changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/cases.hpp"

namespace duban::cases {

// Stops the clocks of open, assigned cases, with a reason and an expected
// end (a WHEN or a DURATION from now, after now). Error(Kind::already_suspended).
std::vector<CaseRow> suspend(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& reason, const std::optional<std::string>& until);
// Starts them again: ack_due and due_at move later by the time suspended.
// Error(Kind::not_suspended).
std::vector<CaseRow> resume(Context& ctx, const std::vector<std::int64_t>& ids,
                            const std::optional<std::string>& reason);

// The lead unit asks for a later due (a WHEN or a DURATION from now), with
// a reason; the old due holds until the office decides.
CaseRow request_extension(Context& ctx, std::int64_t id, const std::string& due,
                          const std::string& reason);
enum class Decision { approve, reject };
// The office approves (the due becomes the one asked for) or rejects it.
CaseRow decide_extension(Context& ctx, std::int64_t id, Decision decision,
                         const std::optional<std::string>& reason);

// Links repeat requests to one open master case: they leave the work lists
// and follow the master through resolve, close and reopen.
std::vector<CaseRow> merge(Context& ctx, const std::vector<std::int64_t>& ids, std::int64_t master,
                           const std::string& reason);
std::vector<CaseRow> unmerge(Context& ctx, const std::vector<std::int64_t>& ids,
                             const std::string& reason);

// The lead unit asks that the case not count against it; the office grants
// (the case leaves the unit's rates) or denies it.
CaseRow appeal(Context& ctx, std::int64_t id, const std::string& reason);
CaseRow decide_appeal(Context& ctx, std::int64_t id, Decision decision, const std::string& reason);

// Corrects what intake recorded: the fields given (an empty text clears
// one, but the title), with a reason; the event keeps old and new values.
// The fields are those of IntakeFields but class, received_at and proxy.
CaseRow amend(Context& ctx, std::int64_t id, const IntakeFields& fields, const std::string& reason);

// Records that the meeting's list (责任清单) was reviewed, approved by
// `approved_by`, and issued by ctx.actor at ctx.now; every case of the
// meeting journals an `issue` event. Error(Kind::meeting_not_ready) while a
// case awaits assignment, Kind::meeting_issued when issued already.
store::MeetingRow issue_meeting(Context& ctx, const std::string& meeting,
                                const std::string& approved_by);

// Refuses an act on a case merged into another (Kind::already_merged): it
// follows its master, or is unmerged first.
void require_unmerged(const CaseRow& c);

// Makes each case merged into `master` follow the act just recorded on it
// (resolve, close, reopen): its own event, "with" the master.
void follow_master(Context& ctx, const CaseRow& master, store::Action action,
                   const store::Detail& detail);

}  // namespace duban::cases
