// duban reopen: undo a resolve or a close.
#include "runtime.hpp"

namespace duban::cmd {

void register_reopen(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("reopen", rt.help("reopen"));
  struct Options {
    std::vector<std::string> ids;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--reason", o->reason, rt.help("reopen.reason"))->required();
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::reopen(ctx, rt.ids(o->ids), o->reason));
    };
  });
}

}  // namespace duban::cmd
