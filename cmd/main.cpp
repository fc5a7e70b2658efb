// duban: responsibility lists (责任清单) from intake to cross-off.
// main parses the command line, runs the chosen verb, and maps every error
// to an exit code of SPEC §6 in this one place.
#include <unistd.h>

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli.hpp"
#include "errors.hpp"
#include "runtime.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

extern char** environ;

namespace {

std::map<std::string, std::string> read_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

using namespace duban::cmd;
constexpr Register k_verbs[] = {
    register_init,    register_intake,  register_assign,   register_ack,    register_return,
    register_note,    register_resolve, register_close,    register_reopen, register_followup,
    register_suspend, register_resume,  register_extend,   register_merge,  register_unmerge,
    register_appeal,  register_amend,   register_escalate, register_remind, register_report,
    register_list,    register_show,    register_slip,     register_topic,  register_meeting,
    register_unit,    register_doctor,  register_backup,
};

// An error as it reaches the terminal: what a user typed may be quoted in
// it, so each of its lines is shown with its controls escaped (SPEC §8).
std::string shown(std::string_view message) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const auto end = message.find('\n', start);
    out += duban::util::escape_controls(message.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    out += '\n';
    start = end + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  using duban::Error;
  std::ios::sync_with_stdio(false);
  duban::cmd::Runtime rt(read_environment(), std::cin, std::cout, ::isatty(STDOUT_FILENO));
  rt.choose_language(argc, argv);
  const auto& words = rt.words();

  CLI::App app{rt.help("app"), "duban"};
  prepare_help(app, words, "duban 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  auto& o = rt.options;
  app.add_option("--config", o.config, rt.help("global.config"))->type_name("PATH");
  app.add_option("--store", o.store, rt.help("global.store"))->type_name("PATH");
  app.add_option("--as", o.actor, rt.help("global.as"))->type_name("NAME");
  app.add_option("--now", o.now, rt.help("global.now"))->type_name("WHEN");
  app.add_option("--format", o.format, rt.help("global.format"))->type_name("FORMAT");
  app.add_flag("-q,--quiet", o.quiet, rt.help("global.quiet"));
  app.add_flag("--show-contact", o.show_contact, rt.help("global.show_contact"));
  for (auto add : k_verbs) add(app, rt);
  finish_help(app, words);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end parsing with code 0; CLI11's own error codes
    // are 100-127, but bad usage is 64 here, said like every other error.
    if (e.get_exit_code() == 0) return app.exit(e);
    const auto usage = explain(app, e, argc, argv, words);
    std::cerr << words("error.prefix") << shown(usage.message) << '\n'
              << words.format("error.see_help", usage.help) << '\n';
    return static_cast<int>(duban::Exit::usage);
  }
  try {
    if (rt.action) rt.action();
    std::cout.flush();
    if (!std::cout) throw Error(duban::Kind::output_failed);
    return rt.exit_status;
  } catch (const duban::cmd::NothingToDo&) {
    // `-` read no ids: nothing was done, and that is no error (SPEC §6).
    std::cout.flush();
    return 0;
  } catch (const Error& e) {
    std::cout.flush();
    std::cerr << words("error.prefix") << shown(duban::cmd::describe(e, words)) << '\n';
    const int code = duban::cmd::exit_code(e);
    // Bad usage points at the help of the command it was given to.
    if (code == static_cast<int>(duban::Exit::usage))
      std::cerr << words.format("error.see_help", command_path(app) + " --help") << '\n';
    return code;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << words("error.prefix") << shown(e.what()) << '\n';
    return static_cast<int>(duban::Exit::io);
  }
}
