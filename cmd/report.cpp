// duban report monthly: the supervision bulletin's figures (SPEC §7).
#include <fmt/format.h>

#include "report/monthly.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

namespace {

struct MonthlyOptions {
  std::optional<std::string> month, from, to;
  std::string by = "unit";
  bool rollup = false;
};

report::Period period_of(Runtime& rt, const MonthlyOptions& o) {
  if (o.month && (o.from || o.to)) throw Error(Exit::usage, "give --month or --from/--to, not both");
  if (o.from || o.to) {
    if (!o.from || !o.to) throw Error(Exit::usage, "--from and --to go together");
    const auto from = time::parse_date(*o.from), to = time::parse_date(*o.to);
    if (!from || !to || *from >= *to)
      throw Error(Exit::usage, fmt::format("--from {} --to {}: two dates, the first before the "
                                           "second (the period is [from, to))", *o.from, *o.to));
    return {*from, *to};
  }
  if (o.month) {
    auto p = report::month(*o.month);
    if (!p) throw Error(Exit::usage, fmt::format("--month '{}' is not YYYY-MM", *o.month));
    return *p;
  }
  // The current month of the clock, in the config's zone.
  const auto today = rt.config().zone.local_date(rt.now());
  return *report::month(time::format_date(today).substr(0, 7));
}

void run_monthly(Runtime& rt, const MonthlyOptions& o) {
  const auto by = report::parse_group_by(o.by);
  if (!by) throw Error(Exit::usage, fmt::format("--by '{}' is not unit, category, channel, class or town", o.by));
  if (o.rollup && *by != store::GroupBy::unit) throw Error(Exit::usage, "--rollup goes with --by unit");
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::csv,
                                 io::Format::tsv, io::Format::md});
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto r = report::monthly(store, rt.config(), period, rt.now(), *by, o.rollup);
  report::render_monthly(rt.out, r, format, rt.config(), rt.render_options());
}

}  // namespace

void register_report(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("report", "Reports: monthly");
  sub->require_subcommand(1);
  auto o = std::make_shared<MonthlyOptions>();
  auto* monthly = sub->add_subcommand("monthly", "Every figure of SPEC §7 per group and in total");
  monthly->add_option("--month", o->month, "YYYY-MM (default: the clock's month)");
  monthly->add_option("--from", o->from, "First day of the period");
  monthly->add_option("--to", o->to, "The day after the period (the period is [from, to))");
  monthly->add_option("--by", o->by, "unit, category, channel, class or town")->capture_default_str();
  monthly->add_flag("--rollup", o->rollup, "A unit's figures include the units below it");
  monthly->callback([&rt, o] { rt.action = [&rt, o] { run_monthly(rt, *o); }; });
}

}  // namespace duban::cmd
