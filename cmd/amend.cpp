// duban amend: correct what intake recorded (更正), with a reason.
#include "cases/practice.hpp"
#include "runtime.hpp"

namespace duban::cmd {

void register_amend(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("amend", rt.help("amend"));
  struct Options {
    std::string id, reason;
    cases::IntakeFields fields;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->id, rt.help("id"))->required();
  add_intake_field_options(*sub, rt, o->fields, IntakeOptionSet::amend);
  sub->add_option("--reason", o->reason, rt.help("amend.reason"))->required();
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto id = rt.id(o->id);
      auto ctx = rt.context();
      render_cases(rt, {cases::amend(ctx, id, o->fields, o->reason)});
    };
  });
}

}  // namespace duban::cmd
