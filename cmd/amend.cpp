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
  auto& f = o->fields;
  sub->add_option("id", o->id, rt.help("id"))->required();
  sub->add_option("--title", f.title, rt.help("intake.title"));
  sub->add_option("--description", f.description, rt.help("intake.description"));
  sub->add_option("--channel", f.channel, rt.help("intake.channel"))->type_name("CHANNEL");
  sub->add_option("--category", f.category, rt.help("intake.category"))->type_name("CATEGORY");
  sub->add_option("--requester", f.requester, rt.help("intake.requester"))->type_name("NAME");
  sub->add_option("--phone", f.phone, rt.help("intake.phone"));
  sub->add_option("--town", f.town, rt.help("intake.town"));
  sub->add_option("--village", f.village, rt.help("intake.village"));
  sub->add_option("--address", f.address, rt.help("intake.address"));
  sub->add_option("--meeting", f.meeting, rt.help("intake.meeting"))->type_name("ID");
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
