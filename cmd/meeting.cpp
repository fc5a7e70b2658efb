// duban meeting add|list: the sessions cases come from.
#include "cases/query.hpp"
#include "cases/view.hpp"
#include "runtime.hpp"

namespace duban::cmd {

namespace {

void render_meetings(Runtime& rt, const std::vector<store::MeetingRow>& meetings) {
  if (rt.options.quiet) return;
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                 io::Format::csv, io::Format::tsv, io::Format::ids});
  std::vector<io::Json> rows;
  for (const auto& m : meetings) rows.push_back(cases::meeting_json(m));
  const std::vector<io::Column> columns = {
      {"id", "id", true}, {"date", "date"}, {"kind", "kind"}, {"group", "group"}, {"title", "title"}};
  io::render_rows(rt.out, columns, rows, format, rt.render_options());
}

}  // namespace

void register_meeting(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("meeting", "Add and list meetings");
  sub->require_subcommand(1);
  auto o = std::make_shared<cases::MeetingOptions>();
  auto* add = sub->add_subcommand("add", "Add a meeting; prints its id");
  add->add_option("--kind", o->kind, "A channel: breakfast, night-talk, ...")->required();
  add->add_option("--title", o->title)->required();
  add->add_option("--date", o->date, "The day it was held (2021-10-23)")->required();
  add->add_option("--group", o->group, "Who met: 环卫工人, ...");
  add->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      const auto m = cases::add_meeting(ctx, *o);
      if (!rt.options.format) {
        if (!rt.options.quiet) rt.out << m.id << '\n';
        return;
      }
      render_meetings(rt, {m});
    };
  });
  auto* list = sub->add_subcommand("list", "List meetings");
  list->callback([&rt] {
    rt.action = [&rt] { render_meetings(rt, rt.store(store::Create::never).meetings()); };
  });
}

}  // namespace duban::cmd
