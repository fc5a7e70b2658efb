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

void render_auto(Runtime& rt, const std::vector<supervise::Escalation>& done, io::Format format) {
  if (rt.options.quiet) return;
  supervise::render_escalations(rt.out, done, format, rt.config(), rt.words(), rt.render_options());
}

void run(Runtime& rt, const Options& o) {
  auto ctx = rt.context();
  const int modes = o.automatic + o.level.has_value() + o.to.has_value() + o.whistle.has_value();
  if (modes != 1)
    throw Error(Kind::one_mode_of,
                Fields{.choices = {"--level N", "--to UNIT", "--whistle UNITS", "--auto"}});
  if (o.automatic) {
    if (!o.ids.empty()) throw Error(Kind::no_ids_with, Fields{.field = "auto"});
    // Checked before any case is touched, so that a bad --format writes nothing.
    const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                   io::Format::csv, io::Format::tsv, io::Format::ids});
    // Whatever was committed is said, even when a later batch fails (busy).
    std::vector<supervise::Escalation> done;
    try {
      supervise::escalate_auto(
          ctx, [&](const auto& batch) { done.insert(done.end(), batch.begin(), batch.end()); });
    } catch (...) {
      render_auto(rt, done, format);
      throw;
    }
    return render_auto(rt, done, format);
  }
  if (!o.reason) throw Error(Kind::required, Fields{.field = "reason"});
  const auto ids = rt.ids(o.ids);
  if (o.level) return render_cases(rt, supervise::raise_level(ctx, ids, *o.level, *o.reason));
  if (o.to) return render_cases(rt, supervise::move_up(ctx, ids, *o.to, *o.reason));
  const std::string within_text = o.within.value_or("30m");
  const auto within = time::parse_duration(within_text);
  if (!within) throw Error(Kind::not_a_duration, Fields{.field = "within", .value = within_text});
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
