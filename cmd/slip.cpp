// duban slip: the two-part slip (两单制) of cases, as a proxy desk prints it.
#include "report/slip.hpp"
#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

void register_slip(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("slip", rt.help("slip"));
  struct Options {
    std::vector<std::string> ids;
    std::optional<std::string> format;
  };
  auto o = std::make_shared<Options>();
  sub->add_option("ids", o->ids, rt.help("slip.ids"))->required();
  // Its own --format: a slip is text or html, none of the global table forms.
  sub->add_option("--format", o->format, rt.help("slip.format"))->type_name("text|html");
  sub->callback([&rt, o] {
    rt.action = [&rt, o] {
      const auto format = o->format.value_or(rt.options.format.value_or("text"));
      if (format != "text" && format != "html") {
        const std::vector<std::string> names = {"text", "html"};
        throw Error(Kind::not_one_of, {.field = "format",
                                       .value = format,
                                       .nearest = config::nearest(format, names).value_or(""),
                                       .choices = names});
      }
      const auto ids = rt.ids(o->ids);
      auto& store = rt.store(store::Create::never);
      const auto contact =
          rt.options.show_contact ? report::Contact::shown : report::Contact::masked;
      std::vector<report::Slip> slips;
      for (auto id : ids)
        slips.push_back(report::make_slip(cases::find(store, id), rt.config(), contact));
      if (format == "html") report::render_slips_html(rt.out, slips, rt.words());
      else report::render_slips_text(rt.out, slips, rt.words());
    };
  });
}

}  // namespace duban::cmd
