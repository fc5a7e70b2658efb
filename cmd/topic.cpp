// duban topic add|list|link|report: the month's chosen problems (每月一题).
#include "cases/topic.hpp"
#include "report/topic.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

namespace {

struct TopicOptions {
  cases::TopicOptions add;
  std::string topic;
  std::vector<std::string> ids;
  bool matching = false;
  int months = 6;
};

void render_topics(Runtime& rt, const std::vector<store::TopicRow>& topics) {
  if (rt.options.quiet) return;
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                 io::Format::csv, io::Format::tsv, io::Format::ids});
  std::vector<io::Json> rows;
  for (const auto& t : topics) rows.push_back(report::topic_json(t));
  const auto& w = rt.words();
  std::vector<io::Column> columns;
  for (std::string_view key : {"id", "month", "title", "category", "search", "cases"})
    columns.push_back({std::string(key), std::string(w("table.topic." + std::string(key))),
                       key == "id" || key == "cases"});
  io::render_rows(rt.out, columns, rows, format, rt.render_options());
}

void run_link(Runtime& rt, TopicOptions& o) {
  if (o.matching && !o.ids.empty()) throw Error(Kind::no_ids_with, Fields{.field = "matching"});
  std::vector<std::int64_t> ids;
  auto ctx = rt.context();
  if (o.matching) {
    ids = cases::matching_cases(ctx.store, ctx.config, cases::find_topic(ctx.store, o.topic));
    if (ids.empty()) {
      if (rt.options.format == "json") rt.out << "{\"linked\": [], \"already\": []}\n";
      return;
    }
  } else {
    ids = rt.ids(o.ids);
  }
  const auto done = cases::link_topic(ctx, o.topic, ids);
  if (rt.options.quiet) return;
  if (rt.options.format == "json") {
    rt.out << io::Json{{"linked", done.linked}, {"already", done.already}}.dump(2) << '\n';
    return;
  }
  for (auto id : done.linked) rt.out << id << '\n';
}

void run_report(Runtime& rt, const TopicOptions& o) {
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::csv,
                                 io::Format::tsv, io::Format::md, io::Format::html});
  if (o.months < 1 || o.months > 120)
    throw Error(
        Kind::out_of_range,
        Fields{.field = "months", .value = std::to_string(o.months), .choices = {"1", "120"}});
  auto& store = rt.store(store::Create::never);
  const auto topic = cases::find_topic(store, o.topic);
  const auto r = report::topic_report(store, rt.config(), topic, rt.now(), o.months);
  report::render_topic_report(rt.out, r, format, rt.config(), rt.words(), rt.render_options());
}

}  // namespace

void register_topic(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("topic", rt.help("topic"));
  sub->require_subcommand(1);
  auto o = std::make_shared<TopicOptions>();
  auto* add = sub->add_subcommand("add", rt.help("topic.add"));
  add->add_option("--month", o->add.month, rt.help("topic.month"))->type_name("MONTH")->required();
  add->add_option("--title", o->add.title, rt.help("topic.title"))->required();
  add->add_option("--category", o->add.category, rt.help("topic.category"))->type_name("CATEGORY");
  add->add_option("--search", o->add.search, rt.help("topic.search"));
  add->callback([&rt, o] {
    rt.action = [&rt, o] {
      auto ctx = rt.context();
      auto t = cases::add_topic(ctx, o->add);
      if (!rt.options.format) {
        if (!rt.options.quiet) rt.out << t.id << '\n';
        return;
      }
      render_topics(rt, {t});
    };
  });
  auto* list = sub->add_subcommand("list", rt.help("topic.list"));
  list->callback(
      [&rt] { rt.action = [&rt] { render_topics(rt, rt.store(store::Create::never).topics()); }; });
  auto* link = sub->add_subcommand("link", rt.help("topic.link"));
  link->add_option("topic", o->topic, rt.help("topic.id"))->required();
  link->add_option("ids", o->ids, rt.help("topic.ids"));
  link->add_flag("--matching", o->matching, rt.help("topic.matching"));
  link->callback([&rt, o] { rt.action = [&rt, o] { run_link(rt, *o); }; });
  auto* rep = sub->add_subcommand("report", rt.help("topic.report"));
  rep->add_option("topic", o->topic, rt.help("topic.id"))->required();
  rep->add_option("--months", o->months, rt.help("topic.months"))
      ->type_name("N")
      ->capture_default_str();
  rep->callback([&rt, o] { rt.action = [&rt, o] { run_report(rt, *o); }; });
}

}  // namespace duban::cmd
