// duban extend: a later due asked for (延期), and the office's decision.
#include "cases/practice.hpp"
#include "runtime.hpp"

namespace duban::cmd {

void register_extend(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("extend", rt.help("extend"));
  struct Options {
    std::string id;
    std::optional<std::string> due, reason;
    bool approve = false, reject = false;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->id, rt.help("id"))->required();
  sub->add_option("--due", o->due, rt.help("extend.due"))->type_name("DUE");
  sub->add_flag("--approve", o->approve, rt.help("extend.approve"));
  sub->add_flag("--reject", o->reject, rt.help("extend.reject"));
  sub->add_option("--reason", o->reason, rt.help("extend.reason"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->due.has_value() + o->approve + o->reject != 1)
        throw Error(Kind::one_mode_of, Fields{.choices = {"--due DUE", "--approve", "--reject"}});
      const auto id = rt.id(o->id);
      auto ctx = rt.context();
      if (o->due) {
        render_cases(rt, {cases::request_extension(ctx, id, *o->due, o->reason.value_or(""))});
        return;
      }
      render_cases(rt, {cases::decide_extension(
                           ctx, id, o->approve ? cases::Decision::approve : cases::Decision::reject,
                           o->reason)});
    };
  });
}

}  // namespace duban::cmd
