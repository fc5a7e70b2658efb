// duban escalate: raise a level, move up the unit tree, blow a whistle; or
// --auto: apply the config's ladder to every case (cron, idempotent).
#include <fmt/format.h>

#include "runtime.hpp"
#include "supervise/escalate.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"

namespace duban::cmd {

namespace {

struct Options {
  std::vector<std::string> ids;
  std::optional<int> level;
  std::optional<std::string> to, whistle, within, reason;
  bool automatic = false;
};

void render_auto(Runtime& rt, const std::vector<supervise::Escalation>& done) {
  // Cron mails whatever is printed: nothing done, nothing said.
  if (done.empty() || rt.options.quiet) return;
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                 io::Format::csv, io::Format::tsv, io::Format::ids});
  const auto& zone = rt.config().zone;
  std::vector<io::Json> rows;
  for (const auto& e : done) {
    const bool table = format == io::Format::table;
    rows.push_back(io::Json{
        {"id", e.after.id},
        {"lead_unit", e.after.lead_unit.value_or("")},
        {"when", e.when},
        {"deadline", table ? time::format_local(e.deadline, zone) : time::format_utc(e.deadline)},
        {"from_level", e.from_level},
        {"level", e.to_level},
        {"notify", e.notify},
        {"title", e.after.title}});
  }
  const std::vector<io::Column> columns = {
      {"id", "id", true},     {"lead_unit", "lead"}, {"when", "when"},     {"deadline", "deadline"},
      {"from_level", "from", true}, {"level", "level", true}, {"notify", "notify"}, {"title", "title"}};
  io::render_rows(rt.out, columns, rows, format, rt.render_options());
}

void run(Runtime& rt, const Options& o) {
  auto ctx = rt.context();
  const int modes = o.automatic + o.level.has_value() + o.to.has_value() + o.whistle.has_value();
  if (modes != 1)
    throw Error(Exit::usage, "escalate takes one of --level N, --to UNIT, --whistle UNITS, --auto");
  if (o.automatic) {
    if (!o.ids.empty()) throw Error(Exit::usage, "--auto applies to every case; give no ids");
    // Whatever was committed is said, even when a later batch fails (busy).
    std::vector<supervise::Escalation> done;
    try {
      supervise::escalate_auto(ctx, [&](const auto& batch) {
        done.insert(done.end(), batch.begin(), batch.end());
      });
    } catch (...) {
      render_auto(rt, done);
      throw;
    }
    return render_auto(rt, done);
  }
  if (!o.reason) throw Error(Exit::usage, "--reason is required");
  const auto ids = rt.ids(o.ids);
  if (o.level) return render_cases(rt, supervise::raise_level(ctx, ids, *o.level, *o.reason));
  if (o.to) return render_cases(rt, supervise::move_up(ctx, ids, *o.to, *o.reason));
  const std::string within_text = o.within.value_or("30m");
  const auto within = time::parse_duration(within_text);
  if (!within)
    throw Error(Exit::usage, fmt::format("--within '{}' is not {}", within_text,
                                         time::k_duration_forms));
  render_cases(rt, supervise::whistle(ctx, ids, util::split_list(*o.whistle), *within, *o.reason));
}

}  // namespace

void register_escalate(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("escalate", rt.help("escalate"));
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"));
  sub->add_option("--level", o->level, rt.help("escalate.level"))->type_name("LEVEL");
  sub->add_option("--to", o->to, rt.help("escalate.to"))->type_name("UNIT");
  sub->add_option("--whistle", o->whistle, rt.help("escalate.whistle"))->type_name("UNITS");
  sub->add_option("--within", o->within, rt.help("escalate.within"))->type_name("DURATION");
  sub->add_option("--reason", o->reason, rt.help("escalate.reason"));
  sub->add_flag("--auto", o->automatic, rt.help("escalate.auto"));
  sub->callback([&rt, o] { rt.action = [&rt, o] { run(rt, *o); }; });
}

}  // namespace duban::cmd
