// duban suspend / resume: stop a case's clocks (挂账) and start them again.
#include "cases/practice.hpp"
#include "runtime.hpp"

namespace duban::cmd {

void register_suspend(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("suspend", rt.help("suspend"));
  struct Options {
    std::vector<std::string> ids;
    std::string reason;
    std::optional<std::string> until;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--reason", o->reason, rt.help("suspend.reason"))->required();
  sub->add_option("--until", o->until, rt.help("suspend.until"))->type_name("DUE");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::suspend(ctx, rt.ids(o->ids), o->reason, o->until));
    };
  });
}

void register_resume(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("resume", rt.help("resume"));
  struct Options {
    std::vector<std::string> ids;
    std::optional<std::string> reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--reason", o->reason, rt.help("resume.reason"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::resume(ctx, rt.ids(o->ids), o->reason));
    };
  });
}

}  // namespace duban::cmd
