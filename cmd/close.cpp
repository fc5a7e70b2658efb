// duban close: the cross-off (销号).
#include "runtime.hpp"

namespace duban::cmd {

void register_close(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("close", rt.help("close"));
  struct Options {
    std::vector<std::string> ids;
    bool force = false;
    std::optional<std::string> reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_flag("--force", o->force, rt.help("close.force"));
  sub->add_option("--reason", o->reason, rt.help("close.reason"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::close(ctx, rt.ids(o->ids),
                                    o->force ? cases::Force::yes : cases::Force::no, o->reason));
    };
  });
}

}  // namespace duban::cmd
