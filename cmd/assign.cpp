// duban assign: lead unit, co-units, leader, class, due.
#include "runtime.hpp"
#include "util/strings.hpp"

namespace duban::cmd {

void register_assign(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("assign", rt.help("assign"));
  struct Options {
    std::vector<std::string> ids;
    cases::AssignOptions assign;
    std::optional<std::string> co;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--lead", o->assign.lead, rt.help("assign.lead"))->type_name("UNIT")->required();
  sub->add_option("--co", o->co, rt.help("assign.co"))->type_name("UNITS");
  sub->add_option("--leader", o->assign.leader, rt.help("assign.leader"))->type_name("NAME");
  sub->add_option("--class", o->assign.klass, rt.help("assign.class"))->type_name("CLASS");
  sub->add_option("--due", o->assign.due, rt.help("assign.due"))->type_name("DUE");
  sub->add_option("--reason", o->assign.reason, rt.help("assign.reason"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->co) o->assign.co = util::split_list(*o->co);
      auto ctx = rt.context();
      render_cases(rt, cases::assign(ctx, rt.ids(o->ids), o->assign));
    };
  });
}

}  // namespace duban::cmd
