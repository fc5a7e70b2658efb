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
    bool bom = false;
  };
  auto o = std::make_shared<Options>();
  auto& l = o->list;
  sub->add_option("--status", o->status, "received, listed, in_progress, resolved, closed "
                                          "(comma-separated for several)");
  sub->add_option("--unit", l.unit, "Lead unit or co-unit");
  sub->add_option("--class", l.klass, "A, B or C");
  sub->add_option("--channel", l.channel);
  sub->add_option("--category", l.category);
  sub->add_option("--meeting", l.meeting, "Meeting id");
  sub->add_flag("--overdue", l.overdue, "Open cases past their due");
  sub->add_option("--due-within", l.due_within, "Open cases due within a DURATION");
  sub->add_option("--received-from", l.received_from, "Received on or after DATE");
  sub->add_option("--received-to", l.received_to, "Received on or before DATE");
  sub->add_option("--search", l.search, "Text in title, description or address (中文 too)");
  sub->add_option("--limit", l.limit, "At most N cases");
  const auto& words = rt.words();
  sub->add_option("--closed-from", l.closed_from, std::string(words("help.list.closed_from")));
  sub->add_option("--closed-to", l.closed_to, std::string(words("help.list.closed_to")));
  sub->add_option("--leader", l.leader, std::string(words("help.list.leader")));
  sub->add_option("--town", l.town, std::string(words("help.list.town")));
  sub->add_flag("--bom", o->bom, std::string(words("help.list.bom")));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->status) o->list.statuses = util::split_list(*o->status);
      auto& store = rt.store(store::Create::never);
      const auto rows = cases::list(store, rt.config(), rt.now(), o->list);
      // A byte-order mark tells Excel and WPS that a CSV is UTF-8, so they
      // read its Chinese; other formats are for programs, which want none.
      const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                     io::Format::csv, io::Format::tsv, io::Format::ids});
      if (o->bom && !rt.options.quiet && (format == io::Format::csv || format == io::Format::tsv))
        rt.out << "\xEF\xBB\xBF";
      render_cases(rt, rows);
    };
  });
}

}  // namespace duban::cmd
