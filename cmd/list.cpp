// duban list: cases matching filters.
#include "cases/query.hpp"
#include "runtime.hpp"
#include "util/strings.hpp"

namespace duban::cmd {

void register_list(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("list", "List cases matching every filter given");
  struct Options {
    cases::ListOptions list;
    std::optional<std::string> status;
  };
  auto o = std::make_shared<Options>();
  auto& l = o->list;
  sub->add_option("--status", o->status, "received, listed, in_progress, resolved, closed "
                                          "(comma-separated for several)");
  sub->add_option("--unit", l.unit, "Lead unit or co-unit");
  sub->add_option("--class", l.klass, "A, B or C");
  sub->add_option("--channel", l.channel);
  sub->add_option("--category", l.category);
  sub->add_option("--meeting", l.meeting, "Meeting id or title");
  sub->add_flag("--overdue", l.overdue, "Open cases past their due");
  sub->add_option("--due-within", l.due_within, "Open cases due within a DURATION");
  sub->add_option("--received-from", l.received_from, "Received on or after DATE");
  sub->add_option("--received-to", l.received_to, "Received on or before DATE");
  sub->add_option("--search", l.search, "Text in title, description or address (中文 too)");
  sub->add_option("--limit", l.limit, "At most N cases");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->status) o->list.statuses = util::split_list(*o->status);
      auto& store = rt.store(store::Create::never);
      render_cases(rt, cases::list(store, rt.config(), rt.now(), o->list));
    };
  });
}

}  // namespace duban::cmd
