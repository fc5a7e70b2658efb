// duban assign: lead unit, co-units, leader, class, due.
#include "runtime.hpp"
#include "util/strings.hpp"

namespace duban::cmd {

void register_assign(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("assign", "Give cases a lead unit, co-units, leader and deadline");
  struct Options {
    std::vector<std::string> ids;
    cases::AssignOptions assign;
    std::optional<std::string> co;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, "Case ids, or - to read them from stdin")->required();
  sub->add_option("--lead", o->assign.lead, "Lead unit (牵头单位)")->required();
  sub->add_option("--co", o->co, "Co-units, comma-separated (责任单位); a reassignment keeps them unless given ('' for none)");
  sub->add_option("--leader", o->assign.leader, "Responsible leader (领办)");
  sub->add_option("--class", o->assign.klass, "A, B or C");
  sub->add_option("--due", o->assign.due, "Deadline: a WHEN or a DURATION (needs --reason)");
  sub->add_option("--reason", o->assign.reason, "Why (reassigning, or a --due of its own)");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->co) o->assign.co = util::split_list(*o->co);
      auto ctx = rt.context();
      render_cases(rt, cases::assign(ctx, rt.ids(o->ids), o->assign));
    };
  });
}

}  // namespace duban::cmd
