// The other reports of SPEC §6: a meeting's implementation table (落实情况表),
// the unit scorecard, the month's topics (每月一题), and the trend.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/render.hpp"
#include "report/html.hpp"
#include "report/monthly.hpp"
#include "store/store.hpp"
#include "util/words.hpp"

namespace duban::report {

// --- a meeting's implementation table -------------------------------------------
// Where an item stands, as the standing committee reads it (done first, as
// the summary line lists them): crossed off (办结 counts only this); closed
// by force without a resolution; resolved and awaiting the office's
// cross-off; in progress; given but not acknowledged; open past its due;
// nobody given it yet.
enum class ItemState { closed, forced, resolved, in_progress, listed, overdue, unassigned };
inline constexpr std::size_t k_item_states = 7;
std::string_view to_string(ItemState s);

struct MeetingItem {
  store::CaseRow c;
  ItemState state;
  double days = 0;                    // received to resolved (or closed, or the clock)
  std::optional<std::string> reason;  // a forced close's reason
};

struct MeetingReport {
  store::MeetingRow meeting;
  time::Instant as_of;
  std::vector<MeetingItem> items;
  std::array<std::int64_t, k_item_states> count{};  // by ItemState
};

// Each case of the meeting in its state (see ItemState); a closed case is
// `forced` when its latest close was. Error(no_meeting, value) for an
// unknown meeting.
MeetingReport meeting_report(const store::Store& store, std::int64_t meeting, time::Instant as_of);

// json: {"meeting", "as_of", "items": [{"seq", "id", ..., "status", "state",
// "outcome", "outcome_text", "forced", "days"}], "summary": {"total", <a
// count per state>}}; table/md: a title, 序号 1..n, words in `words`
// (meeting.*, outcome.*) and a summary line; csv/tsv: the codes.
void render_meeting(std::ostream& out, const MeetingReport& r, io::Format format,
                    const config::Config& config, const Words& words,
                    const io::RenderOptions& options = {});

// --- the unit scorecard ----------------------------------------------------------
struct Score {
  std::string unit, name;
  std::optional<double> ack_rate, closure_rate, satisfaction_rate;
  std::optional<double> score;  // 0..100; none when the unit has no rate at all
  int rank = 0;                 // 1 = best; equal scores share a rank
};

// Each unit's weighted score of its three rates for the period (weights from
// the config); a rate the unit has none of leaves its weight out, the others
// are renormalised. Ranked best first; units without a score last.
std::vector<Score> scorecard(const Monthly& month, const config::Config& config);

void render_scorecard(std::ostream& out, const std::vector<Score>& scores, const Period& period,
                      io::Format format, const config::Config& config, const Words& words,
                      const io::RenderOptions& options = {});

// --- topics (每月一题) -------------------------------------------------------------
struct Topic {
  std::string kind;  // "category" or "recurring"
  std::optional<std::string> category;
  std::string category_name;         // empty for cases without a category
  std::optional<std::string> place;  // for recurring problems
  std::int64_t cases = 0, previous = 0;
};

// The period's `top` most frequent categories, and its recurring problems
// (the same category at the same place at least twice), each with the count
// of the period before (a month earlier).
std::vector<Topic> topics(const store::Store& store, const config::Config& config, Period period,
                          std::size_t top);

void render_topics(std::ostream& out, const std::vector<Topic>& topics, const Period& period,
                   io::Format format, const config::Config& config, const Words& words,
                   const io::RenderOptions& options = {});

// --- the trend --------------------------------------------------------------------
// Received and closed in each of the `months` calendar months ending with
// the one that starts at period.from.
std::vector<TrendPoint> trend(const store::Store& store, const config::Config& config,
                              const Period& period, int months = 12);

}  // namespace duban::report
