#include "cases/doctor.hpp"

#include <algorithm>

#include "cases/fold.hpp"
#include "cases/view.hpp"

namespace duban::cases {

namespace {

using Fault = store::Store::Fault;

// The first column in which two versions of a case differ, by SPEC §9's
// names (and the store's own for the columns §9 does not show).
std::optional<std::pair<std::string, std::string>> first_difference(const store::CaseRow& row,
                                                                    const store::CaseRow& folded) {
  auto a = case_json(row), b = case_json(folded);
  // And the marks of SPEC §3's practice: suspension, extension, merge, appeal.
  add_practice_json(a, row);
  add_practice_json(b, folded);
  for (const auto& [key, value] : a.items())
    if (b[key] != value) return std::pair{key, value.dump()};
  auto text = [](const std::optional<time::Instant>& at) {
    return at ? time::format_utc(*at) : std::string("null");
  };
  if (row.first_assigned_at != folded.first_assigned_at)
    return std::pair{std::string("first_assigned_at"), text(row.first_assigned_at)};
  if (row.outcome_text != folded.outcome_text)
    return std::pair{std::string("outcome_text"), row.outcome_text.value_or("null")};
  if (row.confidential != folded.confidential)
    return std::pair{std::string("confidential"), std::string(row.confidential ? "1" : "0")};
  return std::nullopt;
}

}  // namespace

bool DoctorReport::ok() const {
  return std::none_of(checks.begin(), checks.end(), [](const auto& c) { return c.fault; });
}

DoctorReport doctor(const store::Store& store, const config::Config& config, Depth depth) {
  DoctorReport r;
  r.checks.push_back({"integrity", true, store.check_integrity(depth == Depth::quick)});
  r.checks.push_back({"schema", true, store.check_schema()});
  std::optional<Fault> unknown;
  for (const auto& unit : store.units_used())
    if (!config.find_unit(unit)) {
      unknown = Fault{"config", std::nullopt, std::nullopt, "unit", unit};
      break;
    }
  r.checks.push_back({"config", true, unknown});
  r.checks.push_back({"foreign_keys", true, store.check_foreign_keys()});
  r.checks.push_back({"instants", true, store.check_instants()});
  r.checks.push_back({"chain", true, store.check_chain()});
  if (depth == Depth::quick) {
    r.checks.push_back({"cases", false, std::nullopt});
  } else {
    // The summons its events imply, gathered on the way, against the table.
    std::vector<store::SummonsRow> summons;
    auto fault = store.each_case_with_events(
        [&](const store::CaseRow& row,
            const std::vector<store::Event>& events) -> std::optional<Fault> {
          const auto folded = fold(row, events);
          if (!folded) return Fault{"cases", std::nullopt, row.id, "journal", "no intake event"};
          if (auto d = first_difference(row, *folded))
            return Fault{"cases", std::nullopt, row.id, d->first, d->second};
          const auto mine = summons_of(events);
          summons.insert(summons.end(), mine.begin(), mine.end());
          return std::nullopt;
        });
    if (!fault) {
      const auto stored = store.all_summons();
      const auto [a, b] =
          std::mismatch(stored.begin(), stored.end(), summons.begin(), summons.end());
      if (a != stored.end() || b != summons.end())
        fault = Fault{"cases", std::nullopt, a != stored.end() ? a->case_id : b->case_id, "summons",
                      a != stored.end() ? a->unit : b->unit};
    }
    // A case linked to a topic (每月一题) journals the link.
    if (!fault) fault = store.check_topic_links();
    r.checks.push_back({"cases", true, fault});
  }
  r.head = store.chain_head();
  return r;
}

}  // namespace duban::cases
