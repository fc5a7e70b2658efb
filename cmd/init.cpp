// duban init: write a starter config and create the store.
#include <fmt/format.h>

#include <fstream>
#include <system_error>

#include "runtime.hpp"
#include "util/error.hpp"

namespace duban::cmd {

namespace {

namespace fs = std::filesystem;

// The file init writes, and every later command reads (SPEC §5): --config,
// else --write, else $DUBAN_CONFIG, else ./duban.toml. Both --config and a
// different --write would leave a config that nothing reads: refused.
fs::path config_to_write(Runtime& rt, const std::optional<std::string>& write) {
  if (rt.options.config && write && fs::path(*rt.options.config) != fs::path(*write))
    throw Error(Kind::config_and_write, {.value = *rt.options.config, .choices = {*write}});
  if (rt.options.config) return *rt.options.config;
  if (write) return *write;
  if (auto v = rt.env("DUBAN_CONFIG")) return *v;
  return "duban.toml";
}

// Written to a temporary name and renamed, so no half config is left; the
// folder is made first ($DUBAN_CONFIG=/etc/duban/config.toml on a new machine).
void write_starter(const fs::path& file) {
  std::error_code ec;
  if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
  const fs::path tmp = file.string() + ".tmp";
  if (!ec) {
    std::ofstream out(tmp, std::ios::binary);
    out << config::starter_config();
    if (!out.flush()) ec = std::make_error_code(std::errc::io_error);
  }
  if (!ec) fs::rename(tmp, file, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw Error(Kind::cannot_write_file,
                {.value = std::to_string(ec.value()), .source = file.string()});
  }
}

// Whether later commands find `file` with no --config: if not, init says how
// to name it.
bool found_without_flag(const Runtime& rt, const fs::path& file) {
  auto e = rt.environment();
  e.config_flag.reset();
  try {
    std::error_code ec;
    const auto found = config::discover(e);
    return found && fs::equivalent(*found, file, ec);
  } catch (const Error&) {
    return false;  // $DUBAN_CONFIG names a missing file
  }
}

}  // namespace

void register_init(CLI::App& app, Runtime& rt) {
  auto* sub = app.add_subcommand("init", rt.help("init"));
  static std::string path = "duban.toml";
  auto* write = sub->add_option("--write", path, rt.help("init.write"))
                    ->type_name("PATH")
                    ->capture_default_str();
  sub->callback([&rt, write] {
    rt.action = [&rt, given = write->count() > 0 ? std::optional(path) : std::nullopt] {
      const fs::path file = config_to_write(rt, given);
      const auto& words = rt.words();
      if (!fs::exists(file)) {
        write_starter(file);
        if (!rt.options.quiet) rt.out << words.format("init.wrote", file.string()) << '\n';
      } else if (!rt.options.quiet) {
        rt.out << words.format("init.kept", file.string()) << '\n';
      }
      const bool found = found_without_flag(rt, file);
      rt.options.config = file.string();
      auto& store = rt.store(store::Create::if_missing);
      if (rt.options.quiet) return;
      rt.out << words.format("init.store", rt.config().store.string(), store.schema_version())
             << '\n';
      if (!found) rt.out << words.format("init.name_config", file.string()) << '\n';
      rt.out << words.format("init.next", file.string()) << '\n';
    };
  });
}

}  // namespace duban::cmd
