// duban list: cases matching filters.
#include <charconv>
#include <vector>

#include "cases/query.hpp"
#include "runtime.hpp"
#include "util/strings.hpp"

namespace duban::cmd {

void register_list(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("list", rt.help("list"));
  struct Options {
    cases::ListOptions list;
    std::optional<std::string> status;
    bool bom = false;
  };
  auto o = std::make_shared<Options>();
  auto& l = o->list;
  sub->add_option("--status", o->status, rt.help("list.status"))->type_name("STATUS");
  sub->add_option("--unit", l.unit, rt.help("list.unit"))->type_name("UNIT");
  sub->add_option("--class", l.klass, rt.help("list.class"))->type_name("CLASS");
  sub->add_option("--channel", l.channel, rt.help("list.channel"))->type_name("CHANNEL");
  sub->add_option("--category", l.category, rt.help("list.category"))->type_name("CATEGORY");
  sub->add_option("--meeting", l.meeting, rt.help("list.meeting"))->type_name("ID");
  sub->add_flag("--overdue", l.overdue, rt.help("list.overdue"));
  sub->add_option("--due-within", l.due_within, rt.help("list.due_within"))->type_name("DURATION");
  sub->add_option("--received-from", l.received_from, rt.help("list.received_from"))
      ->type_name("DATE");
  sub->add_option("--received-to", l.received_to, rt.help("list.received_to"))->type_name("DATE");
  sub->add_option("--search", l.search, rt.help("list.search"));
  sub->add_option("--limit", l.limit, rt.help("list.limit"))->type_name("N");
  sub->add_option("--closed-from", l.closed_from, rt.help("list.closed_from"))->type_name("DATE");
  sub->add_option("--closed-to", l.closed_to, rt.help("list.closed_to"))->type_name("DATE");
  sub->add_option("--leader", l.leader, rt.help("list.leader"))->type_name("NAME");
  sub->add_option("--town", l.town, rt.help("list.town"))->type_name("TOWN");
  sub->add_option("--proxy", l.proxy, rt.help("list.proxy"))->type_name("NAME");
  sub->add_flag("--suspended", l.suspended, rt.help("list.suspended"));
  sub->add_flag("--bom", o->bom, rt.help("list.bom"));
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->status) o->list.statuses = util::split_list(*o->status);
      auto& store = rt.store(store::Create::never);
      const auto filter = cases::list_filter(store, rt.config(), rt.now(), o->list);
      // A byte-order mark tells Excel and WPS that a CSV is UTF-8, so they
      // read its Chinese; other formats are for programs, which want none.
      const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                     io::Format::csv, io::Format::tsv, io::Format::ids});
      if (o->bom && !rt.options.quiet && (format == io::Format::csv || format == io::Format::tsv))
        rt.out << "\xEF\xBB\xBF";
      // The cases are streamed from the store to the output, one held at a
      // time: a million of them in the memory of one (issue 10).
      if (rt.options.quiet) return store.each_case_id(filter, [](std::int64_t) {});
      if (format == io::Format::ids) {
        // Only the ids are read: the list of every case at the speed of SQLite.
        char line[24];
        return store.each_case_id(filter, [&](std::int64_t id) {
          const auto end = std::to_chars(line, line + sizeof line - 1, id).ptr;
          *end = '\n';
          rt.out.write(line, end + 1 - line);
        });
      }
      CaseStream stream(rt, format);
      if (stream.measures()) {
        // A table's widths are its widest cells'. The rows of a list of up
        // to k_kept cases are kept as they are measured, and written from
        // memory (a few MiB); a longer one is read twice, in one snapshot,
        // and never held.
        constexpr std::size_t k_kept = 20000;
        std::vector<io::Json> kept;
        bool all_kept = true;
        store.read([&] {
          store.each_case(filter, [&](const store::CaseRow& c) {
            auto row = stream.object(c);
            stream.measure(row);
            if (!all_kept) return;
            if (kept.size() < k_kept) {
              kept.push_back(std::move(row));
            } else {
              all_kept = false;
              std::vector<io::Json>().swap(kept);
            }
          });
          if (all_kept)
            for (const auto& row : kept) stream.write(row);
          else store.each_case(filter, [&](const store::CaseRow& c) { stream.write(c); });
        });
      } else {
        store.each_case(filter, [&](const store::CaseRow& c) { stream.write(c); });
      }
      stream.finish();
    };
  });
}

}  // namespace duban::cmd
