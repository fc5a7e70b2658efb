// duban followup: the requester's satisfaction (回访).
#include "cli.hpp"
#include "runtime.hpp"

namespace duban::cmd {

void register_followup(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("followup", rt.help("followup"));
  struct Options {
    std::string id, rating;
    std::optional<int> score;
    std::optional<std::string> note;
    bool no_reopen = false;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->id, rt.help("followup.id"))->required();
  sub->add_option("--rating", o->rating, rt.help("followup.rating"))
      ->type_name("RATING")
      ->required()
      ->check(one_of(rt.words(), {"satisfied", "basic", "unsatisfied"}));
  sub->add_option("--score", o->score, rt.help("followup.score"))->type_name("SCORE");
  sub->add_option("--note", o->note, rt.help("followup.note"));
  sub->add_flag("--no-reopen", o->no_reopen, rt.help("followup.no_reopen"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto id = rt.id(o->id);
      auto ctx = rt.context();
      const auto rating = o->rating == "satisfied" ? cases::Rating::satisfied
                          : o->rating == "basic"   ? cases::Rating::basic
                                                   : cases::Rating::unsatisfied;
      const auto reopen =
          o->no_reopen ? cases::ReopenIfUnsatisfied::no : cases::ReopenIfUnsatisfied::yes;
      render_cases(rt, {cases::followup(ctx, id, rating, o->score, o->note, reopen)});
    };
  });
}

}  // namespace duban::cmd
