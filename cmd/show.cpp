// duban show: cases with their journals.
#include <fmt/format.h>

#include <algorithm>

#include "cases/view.hpp"
#include "runtime.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::cmd {

namespace {

// The requests merged into case `c` (并单): the other side of their link.
std::vector<std::int64_t> merged_ids(Runtime& rt, const store::CaseRow& c) {
  std::vector<std::int64_t> ids;
  for (const auto& m : rt.store(store::Create::never).cases_merged_into(c.id)) ids.push_back(m.id);
  return ids;
}

// A value as a person reads it: status, outcome and rating codes in words.
std::string shown_value(Runtime& rt, const std::string& key, const io::Json& value,
                        std::string_view separator) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (key == "status") return rt.word("status", text);
    if (key == "outcome") return rt.word("outcome", text);
    if (key == "satisfaction" || key == "rating") return rt.word("rating", text);
    if (key == "appeal") return rt.word("appeal", text);
  }
  if (value.is_boolean())
    return std::string(rt.words()(value.get<bool>() ? "value.true" : "value.false"));
  return io::cell_text(value, separator);
}

void show_text(Runtime& rt, const store::CaseRow& c, const std::vector<store::Event>& events) {
  const auto& zone = rt.config().zone;
  auto view = cases::case_display(c, zone);
  if (!rt.options.show_contact) cases::mask_contact(view, c.confidential);
  if (c.outcome_text) view["outcome_text"] = *c.outcome_text;
  cases::add_practice_display(view, c, zone);
  if (const auto merged = merged_ids(rt, c); !merged.empty()) view["merged"] = merged;
  // Each field under its label in the chosen language, the labels aligned.
  std::vector<std::pair<std::string, std::string>> lines;
  for (const auto& [key, value] : view.items()) {
    if (value.is_null() || (value.is_array() && value.empty())) continue;
    lines.emplace_back(rt.word("field", key), shown_value(rt, key, value, rt.words()("list.sep")));
  }
  std::size_t width = 0;
  for (const auto& [label, text] : lines) width = std::max(width, util::display_width(label));
  for (const auto& [label, text] : lines)
    rt.out << util::pad(label, width) << "  " << util::escape_controls(text) << '\n';
  // One event is one line: what people typed is shown with its controls escaped.
  rt.out << '\n' << rt.words()("show.journal") << '\n';
  for (const auto& e : events) {
    auto j = cases::event_json(e);
    if (!rt.options.show_contact) cases::mask_contact(j, c.confidential);
    std::string rest;
    for (const auto& [key, value] : j.items()) {
      if (key == "id" || key == "at" || key == "actor" || key == "action" || key == "unit" ||
          key == "lead")
        continue;
      // The fields an intake took are shown above; its line says how it came.
      if (e.action == store::Action::intake && key != "receipt" && key != "meeting" &&
          key != "confidential")
        continue;
      // Instants in the journal are UTC; a person reads them in the config's zone.
      auto text = shown_value(rt, key, value, ",");
      if (value.is_string() && text.size() == 20 && text.back() == 'Z')
        if (auto at = time::parse_when(text, zone)) text = time::format_local(*at, zone);
      rest += fmt::format("  {}={}", util::escape_controls(rt.word("field", key)),
                          util::escape_controls(text));
    }
    rt.out << fmt::format("  {}  {}  {}{}{}\n", time::format_local(e.at, zone),
                          util::escape_controls(e.actor),
                          rt.word("action", store::to_string(e.action)),
                          e.unit ? " " + util::escape_controls(*e.unit) : std::string(), rest);
  }
}

}  // namespace

void register_show(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("show", rt.help("show"));
  struct Options {
    std::vector<std::string> ids;
    std::optional<std::string> receipt;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("id", o->ids, rt.help("show.ids"))->type_name("ID");
  sub->add_option("--receipt", o->receipt, rt.help("show.receipt"))->type_name("CODE");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      if (o->ids.empty() == !o->receipt) throw Error(Kind::id_or_receipt);
      const auto format = rt.format({io::Format::table, io::Format::json});
      // Ids first: "-" that reads none does nothing (SPEC §6).
      const auto ids = o->receipt ? std::vector<std::int64_t>{} : rt.ids(o->ids);
      auto& store = rt.store(store::Create::never);
      std::vector<store::CaseRow> shown;
      if (o->receipt) shown.push_back(cases::find_by_receipt(store, *o->receipt));
      for (auto id : ids) shown.push_back(cases::find(store, id));
      if (format == io::Format::table) {
        for (std::size_t i = 0; i < shown.size(); ++i) {
          if (i > 0) rt.out << '\n';
          show_text(rt, shown[i], store.events(shown[i].id));
        }
        return;
      }
      // One case is its object (SPEC §9); several ids, or ids read from
      // stdin however many, an array of them: the shape follows the command
      // line, never how many lines a pipe happened to carry.
      const bool array =
          o->ids.size() > 1 || std::find(o->ids.begin(), o->ids.end(), "-") != o->ids.end();
      auto all = io::Json::array();
      for (const auto& c : shown) {
        auto j = cases::case_json(c);
        j["outcome_text"] = c.outcome_text ? io::Json(*c.outcome_text) : io::Json(nullptr);
        cases::add_practice_json(j, c);
        j["merged"] = merged_ids(rt, c);
        j["journal"] = io::Json::array();
        for (const auto& e : store.events(c.id)) j["journal"].push_back(cases::event_json(e));
        all.push_back(std::move(j));
      }
      rt.out << (array ? all : all.front()).dump(2) << '\n';
    };
  });
}

}  // namespace duban::cmd
