// A case is the fold of its journal (SPEC §8): every column of a case row
// follows from its events, applied in order. The lifecycle writes a case by
// applying the event it journals, and doctor and the as-of reading replay
// the journal with the same function, so the three cannot disagree.
#pragma once

#include <optional>
#include <vector>

#include "store/event.hpp"
#include "store/rows.hpp"

namespace duban::cases {

// Applies one event to the case it concerns. An intake event starts the
// case afresh from its detail.
void apply(store::CaseRow& c, const store::Event& e);

// Ends the case's suspension at `at` (SPEC §3): its ack_due and due_at move
// later by exactly the time suspended. Nothing when it is not suspended.
void end_suspension(store::CaseRow& c, time::Instant at);

// The case its events make, or none when they hold no intake. `base` gives
// what an intake event of an older duban did not record (its title and the
// other intake fields); a current intake records them all.
std::optional<store::CaseRow> fold(const store::CaseRow& base,
                                   const std::vector<store::Event>& events);

// The whistles (吹哨报到) its events hold: each summoned unit's row, answered
// by that unit's first report (an ack event marked "whistle") after it.
std::vector<store::SummonsRow> summons_of(const std::vector<store::Event>& events);

// The intake fields of a case as an intake event records them.
store::Detail intake_detail(const store::CaseRow& c);

}  // namespace duban::cases
