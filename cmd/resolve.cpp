// duban resolve: the lead unit reports its outcome.
#include "cli.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

void register_resolve(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("resolve", rt.help("resolve"));
  struct Options {
    std::vector<std::string> ids;
    std::string outcome;
    std::optional<std::string> note;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("ids"))->required();
  sub->add_option("--outcome", o->outcome, rt.help("resolve.outcome"))
      ->type_name("OUTCOME")
      ->required()
      ->check(one_of(rt.words(), {"solved", "explained"}));
  sub->add_option("--note", o->note, rt.help("resolve.note"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      const auto outcome =
          o->outcome == "solved" ? cases::Outcome::solved : cases::Outcome::explained;
      render_cases(rt, cases::resolve(ctx, rt.ids(o->ids), outcome, o->note));
    };
  });
}

}  // namespace duban::cmd
