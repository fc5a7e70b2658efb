// duban meeting add|issue|list: the sessions cases come from, and their lists.
#include "cases/practice.hpp"
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
  // Headers in the chosen language; csv and tsv keep the keys (SPEC §9).
  const auto& w = rt.words();
  const std::vector<io::Column> columns = {{"id", std::string(w("table.meeting.id")), true},
                                           {"date", std::string(w("table.meeting.date"))},
                                           {"kind", std::string(w("table.meeting.kind"))},
                                           {"group", std::string(w("table.meeting.group"))},
                                           {"title", std::string(w("table.meeting.title"))}};
  io::render_rows(rt.out, columns, rows, format, rt.render_options());
}

}  // namespace

void register_meeting(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("meeting", rt.help("meeting"));
  sub->require_subcommand(1);
  auto o = std::make_shared<cases::MeetingOptions>();
  auto* add = sub->add_subcommand("add", rt.help("meeting.add"));
  add->add_option("--kind", o->kind, rt.help("meeting.kind"))->type_name("KIND")->required();
  add->add_option("--title", o->title, rt.help("meeting.title"))->required();
  add->add_option("--date", o->date, rt.help("meeting.date"))->type_name("DATE")->required();
  add->add_option("--group", o->group, rt.help("meeting.group"));
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
  struct Issue {
    std::string meeting, approved_by;
  };
  auto i = std::make_shared<Issue>();
  auto* issue = sub->add_subcommand("issue", rt.help("meeting.issue"));
  issue->add_option("id", i->meeting, rt.help("meeting.issue.id"))->type_name("ID")->required();
  issue->add_option("--approved-by", i->approved_by, rt.help("meeting.issue.approved_by"))
      ->type_name("NAME")
      ->required();
  issue->callback([&rt, i] {
    rt.action = [&rt, i] {
      auto ctx = rt.context();
      const auto m = cases::issue_meeting(ctx, i->meeting, i->approved_by);
      if (!rt.options.format) {
        if (!rt.options.quiet) rt.out << m.id << '\n';
        return;
      }
      render_meetings(rt, {m});
    };
  });
  auto* list = sub->add_subcommand("list", rt.help("meeting.list"));
  list->callback([&rt] {
    rt.action = [&rt] { render_meetings(rt, rt.store(store::Create::never).meetings()); };
  });
}

}  // namespace duban::cmd
