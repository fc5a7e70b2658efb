// duban close: the cross-off (销号).
#include "runtime.hpp"

namespace duban::cmd {

void register_close(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("close", "Cross resolved cases off (销号)");
  struct Options {
    std::vector<std::string> ids;
    bool force = false;
    std::optional<std::string> reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, "Case ids, or - to read them from stdin")->required();
  sub->add_flag("--force", o->force, "Close a case that is not resolved (needs --reason)");
  sub->add_option("--reason", o->reason, "Why");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::close(ctx, rt.ids(o->ids),
                                    o->force ? cases::Force::yes : cases::Force::no, o->reason));
    };
  });
}

}  // namespace duban::cmd
