// duban appeal: a unit asks that a case not count against it (申诉/核减), and
// the office grants or denies it.
#include "cases/practice.hpp"
#include "runtime.hpp"

namespace duban::cmd {

void register_appeal(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("appeal", rt.help("appeal"));
  struct Options {
    std::string id, reason;
    bool grant = false, deny = false;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->id, rt.help("id"))->required();
  sub->add_flag("--grant", o->grant, rt.help("appeal.grant"));
  sub->add_flag("--deny", o->deny, rt.help("appeal.deny"));
  sub->add_option("--reason", o->reason, rt.help("appeal.reason"))->required();
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->grant && o->deny)
        throw Error(Kind::options_conflict, Fields{.field = "grant", .choices = {"--deny"}});
      const auto id = rt.id(o->id);
      auto ctx = rt.context();
      if (!o->grant && !o->deny) {
        render_cases(rt, {cases::appeal(ctx, id, o->reason)});
        return;
      }
      render_cases(rt, {cases::decide_appeal(
                           ctx, id, o->grant ? cases::Decision::approve : cases::Decision::reject,
                           o->reason)});
    };
  });
}

}  // namespace duban::cmd
