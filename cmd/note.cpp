// duban note: a progress note, optionally with a new milestone due.
#include "runtime.hpp"

namespace duban::cmd {

void register_note(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("note", rt.help("note"));
  struct Options {
    std::string id, text;
    std::optional<std::string> due;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->id, rt.help("note.id"))->required();
  sub->add_option("text", o->text, rt.help("note.text"))->required();
  sub->add_option("--due", o->due, rt.help("note.due"))->type_name("DUE");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto id = rt.id(o->id);
      auto ctx = rt.context();
      render_cases(rt, {cases::note(ctx, id, o->text, o->due)});
    };
  });
}

}  // namespace duban::cmd
