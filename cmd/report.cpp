// duban report monthly: the supervision bulletin's figures (SPEC §7).
#include <fmt/format.h>

#include <sstream>

#include "cases/query.hpp"
#include "report/html.hpp"
#include "report/monthly.hpp"
#include "report/tables.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

namespace {

struct MonthlyOptions {
  std::optional<std::string> month, from, to;
  std::string by = "unit";
  bool rollup = false;
  bool bom = false;
  std::int64_t top = 10;
  std::string meeting;
};

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// CSV for Excel: a UTF-8 byte order mark, or Excel reads Chinese as GBK.
void begin_output(Runtime& rt, const MonthlyOptions& o, io::Format format) {
  if (o.bom && format != io::Format::csv && format != io::Format::tsv)
    throw Error(Exit::usage, "--bom goes with --format csv or tsv");
  if (o.bom) rt.out << k_bom;
}

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
  const auto today = rt.config().zone.local_date(rt.now());
  const auto this_month = *report::month(time::format_date(today).substr(0, 7));
  // "previous" is reckoned in the config's zone: cron on the 1st at 07:00
  // Beijing time is still the last day of the month in UTC.
  if (o.month == "previous")
    return *report::month(time::format_date(this_month.from - std::chrono::days{1}).substr(0, 7));
  if (o.month == "current") return this_month;
  if (o.month) {
    auto p = report::month(*o.month);
    if (!p) throw Error(Exit::usage, fmt::format("--month '{}' is not YYYY-MM", *o.month));
    return *p;
  }
  return this_month;
}

void run_monthly(Runtime& rt, const MonthlyOptions& o) {
  const auto by = report::parse_group_by(o.by);
  if (!by) throw Error(Exit::usage, fmt::format("--by '{}' is not unit, category, channel, class or town", o.by));
  if (o.rollup && *by != store::GroupBy::unit) throw Error(Exit::usage, "--rollup goes with --by unit");
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::csv,
                                 io::Format::tsv, io::Format::md, io::Format::html});
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto r = report::monthly(store, rt.config(), period, rt.now(), *by, o.rollup);
  begin_output(rt, o, format);
  if (format == io::Format::html)
    return report::render_monthly_html(rt.out, r, report::trend(store, rt.config(), period),
                                       rt.config());
  report::render_monthly(rt.out, r, format, rt.config(), rt.render_options());
}

constexpr std::initializer_list<io::Format> k_table_formats = {
    io::Format::table, io::Format::json, io::Format::csv, io::Format::tsv, io::Format::md};

void run_meeting(Runtime& rt, const MonthlyOptions& o) {
  const auto format = rt.format(k_table_formats);
  // An id (or - for stdin), or the meeting's exact title.
  const bool by_id =
      o.meeting == "-" || o.meeting.find_first_not_of("0123456789") == std::string::npos;
  const auto given = by_id ? std::optional(rt.ids({o.meeting}).front()) : std::nullopt;
  auto& store = rt.store(store::Create::never);
  const auto id = given ? *given : cases::find_meeting(store, o.meeting).id;
  const auto r = report::meeting_report(store, id, rt.now());
  begin_output(rt, o, format);
  report::render_meeting(rt.out, r, format, rt.config(), rt.render_options());
}

void run_scorecard(Runtime& rt, const MonthlyOptions& o) {
  const auto format = rt.format(k_table_formats);
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto month = report::monthly(store, rt.config(), period, rt.now(), store::GroupBy::unit, false);
  begin_output(rt, o, format);
  report::render_scorecard(rt.out, report::scorecard(month, rt.config()), period, format,
                           rt.config(), rt.render_options());
}

void run_topics(Runtime& rt, const MonthlyOptions& o) {
  const auto format = rt.format(k_table_formats);
  if (o.top < 1) throw Error(Exit::usage, "--top must be at least 1");
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto list = report::topics(store, rt.config(), period, static_cast<std::size_t>(o.top));
  begin_output(rt, o, format);
  report::render_topics(rt.out, list, period, format, rt.config(), rt.render_options());
}

}  // namespace

void register_report(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("report", "Reports: monthly, meeting, scorecard, topics");
  sub->require_subcommand(1);
  auto o = std::make_shared<MonthlyOptions>();
  auto period = [&](CLI::App* r) {
    r->add_option("--month", o->month, "YYYY-MM, previous or current (default: current)");
    r->add_option("--from", o->from, "First day of the period");
    r->add_option("--to", o->to, "The day after the period (the period is [from, to))");
    r->add_flag("--bom", o->bom, "Start csv/tsv with a UTF-8 BOM, for Excel");
  };
  auto* monthly = sub->add_subcommand("monthly", "Every figure of SPEC §7 per group and in total");
  period(monthly);
  monthly->add_option("--by", o->by, "unit, category, channel, class or town")->capture_default_str();
  monthly->add_flag("--rollup", o->rollup, "A unit's figures include the units below it");
  monthly->callback([&rt, o] { rt.action = [&rt, o] { run_monthly(rt, *o); }; });

  auto* meeting = sub->add_subcommand("meeting", "A meeting's implementation table (落实情况表)");
  meeting->add_option("id", o->meeting, "Meeting id")->required();
  meeting->add_flag("--bom", o->bom, "Start csv/tsv with a UTF-8 BOM, for Excel");
  meeting->callback([&rt, o] { rt.action = [&rt, o] { run_meeting(rt, *o); }; });

  auto* scorecard = sub->add_subcommand("scorecard", "Units ranked by ack, closure and satisfaction");
  period(scorecard);
  scorecard->callback([&rt, o] { rt.action = [&rt, o] { run_scorecard(rt, *o); }; });

  auto* topics = sub->add_subcommand("topics", "The most frequent and recurring problems (每月一题)");
  period(topics);
  topics->add_option("--top", o->top, "How many of each")->capture_default_str();
  topics->callback([&rt, o] { rt.action = [&rt, o] { run_topics(rt, *o); }; });
}

}  // namespace duban::cmd
