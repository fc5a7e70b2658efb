// duban return: the lead unit hands a case back as outside its remit (退单).
#include "runtime.hpp"

namespace duban::cmd {

void register_return(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("return", rt.help("return"));
  struct Options {
    std::vector<std::string> ids;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--reason", o->reason, rt.help("return.reason"))->required();
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::give_back(ctx, rt.ids(o->ids), o->reason));
    };
  });
}

}  // namespace duban::cmd
