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
struct Verb {
  std::string_view name;
  Register add;
};
constexpr Verb k_verbs[] = {
    {"init", register_init},         {"intake", register_intake},   {"assign", register_assign},
    {"ack", register_ack},           {"return", register_return},   {"note", register_note},
    {"resolve", register_resolve},   {"close", register_close},     {"reopen", register_reopen},
    {"followup", register_followup}, {"suspend", register_suspend}, {"resume", register_resume},
    {"extend", register_extend},     {"merge", register_merge},     {"unmerge", register_unmerge},
    {"appeal", register_appeal},     {"amend", register_amend},     {"escalate", register_escalate},
    {"remind", register_remind},     {"report", register_report},   {"list", register_list},
    {"show", register_show},         {"slip", register_slip},       {"topic", register_topic},
    {"meeting", register_meeting},   {"unit", register_unit},       {"doctor", register_doctor},
    {"backup", register_backup},
};

// The verb the command line names, when it names one and asks for no help
// nor version: only that verb's subcommand is built then, since building
// all 28 with their options and help is a third of a one-shot `show`
// (issue 10). Help, and every line that names no verb, build them all: the
// help lists them, and a mistyped verb is told the nearest.
const Verb* chosen_verb(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--help" || word == "--version" ||
        (word.size() > 1 && word[0] == '-' && word[1] != '-' && word.find('h') != word.npos))
      return nullptr;
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--" || word.empty()) return nullptr;
    if (word[0] == '-') {
      // The global options that take a value, given as two words.
      for (const std::string_view valued : {"--config", "--store", "--as", "--now", "--format"})
        if (word == valued) ++i;
      continue;
    }
    for (const auto& verb : k_verbs)
      if (verb.name == word) return &verb;
    return nullptr;
  }
  return nullptr;
}

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
  if (const auto* verb = chosen_verb(argc, argv)) verb->add(app, rt);
  else
    for (const auto& verb : k_verbs) verb.add(app, rt);
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
