// duban remind: what each unit must act on now; nothing at all when nothing
// is due, so that cron sends no mail.
#include <fmt/format.h>

#include "cases/change.hpp"
#include "runtime.hpp"
#include "supervise/remind.hpp"
#include "util/error.hpp"

namespace duban::cmd {

void register_remind(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("remind", rt.help("remind"));
  struct Options {
    std::string within = "1wd";
    std::optional<std::string> unit;
    bool exit_code = false;
    bool working_days = false;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("--within", o->within, rt.help("remind.within"))
      ->type_name("DURATION")
      ->capture_default_str();
  sub->add_option("--unit", o->unit, rt.help("remind.unit"))->type_name("UNIT");
  sub->add_flag("--exit-code", o->exit_code, rt.help("remind.exit_code"));
  sub->add_flag("--working-days", o->working_days, rt.help("remind.working_days"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto within = time::parse_duration(o->within);
      if (!within) {
        Fields f;
        f.field = "within";
        f.value = o->within;
        throw Error(Kind::not_a_duration, std::move(f));
      }
      const auto& config = rt.config();
      if (o->working_days && !config.calendar.is_working_day(config.zone.local_date(rt.now())))
        return;
      if (o->unit) o->unit = cases::require_unit(config, *o->unit);
      const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                     io::Format::csv, io::Format::tsv});
      auto& store = rt.store(store::Create::never);
      const auto groups = supervise::remind(store, config, rt.now(), *within, o->unit);
      if (!rt.options.quiet)
        supervise::render_reminders(rt.out, groups, format, config, rt.now(), rt.words());
      if (o->exit_code && !groups.empty()) rt.exit_status = 1;
    };
  });
}

}  // namespace duban::cmd
