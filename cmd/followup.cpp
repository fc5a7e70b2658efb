// duban followup: the requester's satisfaction (回访).
#include "runtime.hpp"

namespace duban::cmd {

void register_followup(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("followup", "Record the requester's satisfaction");
  struct Options {
    std::string id, rating;
    std::optional<int> score;
    std::optional<std::string> note;
    bool no_reopen = false;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->id, "Case id")->required();
  sub->add_option("--rating", o->rating, "satisfied, basic or unsatisfied")
      ->required()
      ->check(CLI::IsMember({"satisfied", "basic", "unsatisfied"}));
  sub->add_option("--score", o->score, "1 to 5");
  sub->add_option("--note", o->note);
  sub->add_flag("--no-reopen", o->no_reopen, "Do not reopen an unsatisfied case");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto id = rt.id(o->id);
      auto ctx = rt.context();
      const auto rating = o->rating == "satisfied" ? cases::Rating::satisfied
                          : o->rating == "basic"   ? cases::Rating::basic
                                                   : cases::Rating::unsatisfied;
      const auto reopen =
          o->no_reopen ? cases::ReopenIfUnsatisfied::no : cases::ReopenIfUnsatisfied::yes;
      render_cases(rt, {cases::followup(ctx, id, rating, o->score, o->note,
                                        reopen)});
    };
  });
}

}  // namespace duban::cmd
