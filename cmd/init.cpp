// duban init: write a starter config and create the store.
#include <fmt/format.h>

#include <fstream>

#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

void register_init(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("init", rt.help("init"));
  static std::string path = "duban.toml";
  sub->add_option("--write", path, rt.help("init.write"))->type_name("PATH")->capture_default_str();
  sub->callback([&rt] {
    rt.action = [&rt] {
      namespace fs = std::filesystem;
      const fs::path file = rt.options.config ? fs::path(*rt.options.config) : fs::path(path);
      if (!fs::exists(file)) {
        // Written to a temporary name and renamed, so no half config is left.
        const fs::path tmp = file.string() + ".tmp";
        {
          std::ofstream out(tmp, std::ios::binary);
          out << config::starter_config();
          if (!out.flush())
            throw Error(Exit::cant_create, fmt::format("cannot write {}", file.string()));
        }
        fs::rename(tmp, file);
        if (!rt.options.quiet) rt.out << rt.words().format("init.wrote", file.string()) << '\n';
      } else if (!rt.options.quiet) {
        rt.out << rt.words().format("init.kept", file.string()) << '\n';
      }
      rt.options.config = file.string();
      auto& store = rt.store(store::Create::if_missing);
      if (!rt.options.quiet)
        rt.out << rt.words().format("init.store", rt.config().store.string(),
                                    store.schema_version())
               << '\n';
    };
  });
}

}  // namespace duban::cmd
