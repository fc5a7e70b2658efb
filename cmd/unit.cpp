// duban unit list: the unit tree from the config.
#include <fmt/format.h>

#include <map>

#include "runtime.hpp"

namespace duban::cmd {

void register_unit(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("unit", rt.help("unit"));
  sub->require_subcommand(1);
  auto* list = sub->add_subcommand("list", rt.help("unit.list"));
  list->callback([&rt] {
    rt.action = [&rt] {
      if (rt.options.quiet) return;
      const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                     io::Format::csv, io::Format::tsv});
      const auto& config = rt.config();
      std::vector<io::Json> rows;
      // Each parent's children in config order, found once: scanning every
      // unit for every parent was quadratic in a big tree.
      std::map<std::optional<std::string>, std::vector<const config::Unit*>> children;
      for (const auto& u : config.units) children[u.parent].push_back(&u);
      // Depth-first from the roots, so the table reads as a tree.
      std::function<void(const std::optional<std::string>&, int)> walk =
          [&](const std::optional<std::string>& parent, int depth) {
            const auto it = children.find(parent);
            if (it == children.end()) return;
            for (const auto* up : it->second) {
              const auto& u = *up;
              io::Json row;
              row["code"] = u.code;
              row["name"] = format == io::Format::table
                                ? std::string(std::size_t(depth) * 2, ' ') + u.name
                                : u.name;
              row["parent"] = u.parent ? io::Json(*u.parent) : io::Json(nullptr);
              row["head"] = u.head ? io::Json(*u.head) : io::Json(nullptr);
              row["email"] = u.email ? io::Json(*u.email) : io::Json(nullptr);
              rows.push_back(std::move(row));
              walk(u.code, depth + 1);
            }
          };
      walk(std::nullopt, 0);
      // A table shows the tree by indenting names; data formats name the parent.
      const auto& w = rt.words();
      auto column = [&](const char* key) {
        return io::Column{key, std::string(w(fmt::format("table.unit.{}", key)))};
      };
      std::vector<io::Column> columns = {column("code"), column("name")};
      if (format != io::Format::table) columns.push_back(column("parent"));
      columns.insert(columns.end(), {column("head"), column("email")});
      io::render_rows(rt.out, columns, rows, format, rt.render_options());
    };
  });
}

}  // namespace duban::cmd
