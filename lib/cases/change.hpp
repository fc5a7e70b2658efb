// How a command changes cases: in one transaction, one journal event per
// change. Shared by the lifecycle (cases/) and supervision (supervise/).
#pragma once

#include <initializer_list>
#include <string_view>

#include "cases/cases.hpp"
#include "store/event.hpp"
#include "util/error.hpp"

namespace duban::cases {

// Journals one event of case `c`, at ctx.now by ctx.actor, and applies it
// to `c` (cases/fold.hpp): the row is what its events make it.
void record(Context& ctx, CaseRow& c, store::Action action, std::optional<std::string> unit,
            store::Detail detail);

// Error(Kind::out_of_order) when ctx.now is before the case's latest act
// (SPEC §4: acts on a case are in order), naming both instants.
void require_in_order(const Context& ctx, const CaseRow& c);

// Error(Kind::wrong_state): case `c` is in none of the states `needs`.
[[noreturn]] void wrong_state(const CaseRow& c, std::initializer_list<Status> needs);

// The code of the unit `text` names, by code or exact name (SPEC §9); see
// Config::unit_code for its faults. `field` is what `text` was given as.
std::string require_unit(const config::Config& config, const std::string& text,
                         std::string_view field = "unit");

inline bool is_open(Status s) { return s != Status::resolved && s != Status::closed; }

// A, B or C (SPEC §1's triage classes).
inline bool is_class(std::string_view k) { return k == "A" || k == "B" || k == "C"; }
// A class as given, in upper case: SPEC §9 takes "a" for "A".
inline std::string class_of(std::string k) {
  if (k.size() == 1 && k[0] >= 'a' && k[0] <= 'c') k[0] = static_cast<char>(k[0] - 'a' + 'A');
  return k;
}

// `text`, unless it is missing or blank: then Error(kind) naming `field`
// (Kind::required, or one that says why the field is needed).
std::string require_text(const std::optional<std::string>& text, std::string_view field,
                         Kind kind = Kind::required);

// Applies `change` to each case in one transaction and stores it; returns
// the cases after. Any throw rolls back every case.
template <class F>
std::vector<CaseRow> change_each(Context& ctx, const std::vector<std::int64_t>& ids, F&& change) {
  if (ids.empty()) throw Error(Kind::no_ids);
  std::vector<CaseRow> done;
  ctx.store.write([&] {
    for (auto id : ids) {
      CaseRow c = find(ctx.store, id);
      require_in_order(ctx, c);
      change(c);
      ctx.store.update_case(c);
      done.push_back(std::move(c));
    }
  });
  return done;
}

}  // namespace duban::cases
