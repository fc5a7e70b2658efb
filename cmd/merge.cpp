// duban merge / unmerge: repeat requests linked to one master case (并单).
#include "cases/practice.hpp"
#include "runtime.hpp"

namespace duban::cmd {

void register_merge(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("merge", rt.help("merge"));
  struct Options {
    std::vector<std::string> ids;
    std::string into, reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--into", o->into, rt.help("merge.into"))->type_name("ID")->required();
  sub->add_option("--reason", o->reason, rt.help("merge.reason"))->required();
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto master = cases::parse_ids({o->into}).front();
      auto ctx = rt.context();
      render_cases(rt, cases::merge(ctx, rt.ids(o->ids), master, o->reason));
    };
  });
}

void register_unmerge(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("unmerge", rt.help("unmerge"));
  struct Options {
    std::vector<std::string> ids;
    std::string reason;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--reason", o->reason, rt.help("unmerge.reason"))->required();
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      render_cases(rt, cases::unmerge(ctx, rt.ids(o->ids), o->reason));
    };
  });
}

}  // namespace duban::cmd
