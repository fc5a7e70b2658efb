// duban ack: a unit's first response (响应).
#include "runtime.hpp"

namespace duban::cmd {

void register_ack(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("ack", rt.help("ack"));
  struct Options {
    std::vector<std::string> ids;
    std::optional<std::string> unit;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--unit", o->unit, rt.help("ack.unit"))->type_name("UNIT");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::ack(ctx, rt.ids(o->ids), o->unit));
    };
  });
}

}  // namespace duban::cmd
