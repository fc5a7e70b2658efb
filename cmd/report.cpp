// duban report monthly: the supervision bulletin's figures (SPEC §7).
#include <fmt/format.h>

#include <sstream>

#include "cases/query.hpp"
#include "report/bulletin.hpp"
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
  std::int64_t red_black = 3;  // report monthly --top: the red and black lists
  std::string meeting;
};

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// CSV for Excel: a UTF-8 byte order mark, or Excel reads Chinese as GBK.
void begin_output(Runtime& rt, const MonthlyOptions& o, io::Format format) {
  if (o.bom && format != io::Format::csv && format != io::Format::tsv)
    throw Error(Kind::option_needs, Fields{.field = "bom", .choices = {"--format csv|tsv"}});
  if (o.bom) rt.out << k_bom;
}

report::Period period_of(Runtime& rt, const MonthlyOptions& o) {
  if (o.month && (o.from || o.to))
    throw Error(Kind::options_conflict, Fields{.field = "month", .choices = {"--from/--to"}});
  if (o.from || o.to) {
    if (!o.from || !o.to)
      throw Error(Kind::option_needs,
                  Fields{.field = o.from ? "from" : "to", .choices = {o.from ? "--to" : "--from"}});
    const auto from = time::parse_date(*o.from), to = time::parse_date(*o.to);
    if (!from) throw Error(Kind::not_a_date, Fields{.field = "from", .value = *o.from});
    if (!to) throw Error(Kind::not_a_date, Fields{.field = "to", .value = *o.to});
    if (*from >= *to)
      throw Error(Kind::empty_period,
                  Fields{.field = "from", .value = *o.from, .choices = {"--to " + *o.to}});
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
    if (!p) throw Error(Kind::not_a_month, Fields{.field = "month", .value = *o.month});
    return *p;
  }
  return this_month;
}

void check_top(std::int64_t top) {
  if (top < 1 || top > 1000)
    throw Error(Kind::out_of_range,
                Fields{.field = "top", .value = std::to_string(top), .choices = {"1", "1000"}});
}

void run_monthly(Runtime& rt, const MonthlyOptions& o) {
  const auto by = report::parse_group_by(o.by);
  if (!by) {
    const std::vector<std::string> names = {"unit", "category", "channel", "class", "town"};
    auto f = Fields{.field = "by", .value = o.by, .choices = names};
    f.nearest = config::nearest(o.by, names).value_or("");
    throw Error(Kind::not_one_of, std::move(f));
  }
  if (o.rollup && *by != store::GroupBy::unit)
    throw Error(Kind::option_needs, Fields{.field = "rollup", .choices = {"--by unit"}});
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::csv,
                                 io::Format::tsv, io::Format::md, io::Format::html});
  check_top(o.red_black);
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto r = report::monthly(store, rt.config(), period, rt.now(), *by, o.rollup);
  begin_output(rt, o, format);
  if (format == io::Format::table || format == io::Format::csv || format == io::Format::tsv)
    return report::render_monthly(rt.out, r, format, rt.config(), rt.words(), rt.render_options());
  const auto b = report::bulletin(store, rt.config(), r, static_cast<std::size_t>(o.red_black));
  if (format == io::Format::html)
    return report::render_monthly_html(rt.out, r, report::trend(store, rt.config(), period), b,
                                       rt.config(), rt.words());
  report::render_bulletin(rt.out, r, b, format, rt.config(), rt.words(), rt.render_options());
}

constexpr std::initializer_list<io::Format> k_table_formats = {
    io::Format::table, io::Format::json, io::Format::csv, io::Format::tsv, io::Format::md};

void run_meeting(Runtime& rt, const MonthlyOptions& o) {
  const auto format = rt.format(k_table_formats);
  // An id (or - for stdin), or the meeting's exact title.
  const bool by_id =
      o.meeting == "-" || o.meeting.find_first_not_of("0123456789") == std::string::npos;
  const auto given = by_id ? std::optional(rt.id(o.meeting)) : std::nullopt;
  auto& store = rt.store(store::Create::never);
  const auto id = given ? *given : cases::find_meeting(store, o.meeting).id;
  const auto r = report::meeting_report(store, id, rt.now());
  begin_output(rt, o, format);
  report::render_meeting(rt.out, r, format, rt.config(), rt.words(), rt.render_options());
}

void run_scorecard(Runtime& rt, const MonthlyOptions& o) {
  const auto format = rt.format(k_table_formats);
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto month =
      report::monthly(store, rt.config(), period, rt.now(), store::GroupBy::unit, false);
  begin_output(rt, o, format);
  report::render_scorecard(rt.out, report::scorecard(month, rt.config()), period, format,
                           rt.config(), rt.words(), rt.render_options());
}

void run_topics(Runtime& rt, const MonthlyOptions& o) {
  const auto format = rt.format(k_table_formats);
  check_top(o.top);
  const auto period = period_of(rt, o);
  auto& store = rt.store(store::Create::never);
  const auto list = report::topics(store, rt.config(), period, static_cast<std::size_t>(o.top));
  begin_output(rt, o, format);
  report::render_topics(rt.out, list, period, format, rt.config(), rt.words(), rt.render_options());
}

}  // namespace

void register_report(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("report", rt.help("report"));
  sub->require_subcommand(1);
  auto o = std::make_shared<MonthlyOptions>();
  auto period = [&rt, o](CLI::App* r) {
    r->add_option("--month", o->month, rt.help("report.month"))->type_name("MONTH");
    r->add_option("--from", o->from, rt.help("report.from"))->type_name("DATE");
    r->add_option("--to", o->to, rt.help("report.to"))->type_name("DATE");
    r->add_flag("--bom", o->bom, rt.help("report.bom"));
  };
  auto* monthly = sub->add_subcommand("monthly", rt.help("report.monthly"));
  period(monthly);
  monthly->add_option("--by", o->by, rt.help("report.by"))->type_name("BY")->capture_default_str();
  monthly->add_flag("--rollup", o->rollup, rt.help("report.rollup"));
  monthly->add_option("--top", o->red_black, rt.help("report.monthly.top"))
      ->type_name("N")
      ->capture_default_str();
  monthly->callback([&rt, o] { rt.action = [&rt, o] { run_monthly(rt, *o); }; });

  auto* meeting = sub->add_subcommand("meeting", rt.help("report.meeting"));
  meeting->add_option("meeting", o->meeting, rt.help("report.meeting.id"))->required();
  meeting->add_flag("--bom", o->bom, rt.help("report.bom"));
  meeting->callback([&rt, o] { rt.action = [&rt, o] { run_meeting(rt, *o); }; });

  auto* scorecard = sub->add_subcommand("scorecard", rt.help("report.scorecard"));
  period(scorecard);
  scorecard->callback([&rt, o] { rt.action = [&rt, o] { run_scorecard(rt, *o); }; });

  auto* topics = sub->add_subcommand("topics", rt.help("report.topics"));
  period(topics);
  topics->add_option("--top", o->top, rt.help("report.top"))->type_name("N")->capture_default_str();
  topics->callback([&rt, o] { rt.action = [&rt, o] { run_topics(rt, *o); }; });
}

}  // namespace duban::cmd
