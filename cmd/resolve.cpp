// duban resolve: the lead unit reports its outcome.
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

void register_resolve(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("resolve", "Report the outcome: solved, or explained (why not)");
  struct Options {
    std::vector<std::string> ids;
    std::string outcome;
    std::optional<std::string> note;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, "Case ids, or - to read them from stdin")->required();
  sub->add_option("--outcome", o->outcome, "solved or explained")
      ->required()
      ->check(CLI::IsMember({"solved", "explained"}));
  sub->add_option("--note", o->note, "What was done, or why it cannot be (required if explained)");
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
