// The command line's own words in the chosen language (SPEC §10): the help
// screens CLI11 draws, and its refusals worded as duban's usage errors, each
// naming what was wrong and the help of the command it was given to.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "catalogue.hpp"

namespace duban::cmd {

// Before any option or command is added: help drawn in `words`' language
// (its labels, groups and the -h/--help and --version flags). The
// catalogue must outlive the app.
void prepare_help(CLI::App& app, const Catalogue& words, const std::string& version);
// After every command is added: each one's -h/--help in the same words.
void finish_help(CLI::App& app, const Catalogue& words);

// A usage error worded for a person: what was wrong, with the nearest known
// name for a typo, and the help command of the (sub)command it concerns.
struct UsageError {
  std::string message;
  std::string help;  // "duban list --help"
};
UsageError explain(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv,
                   const Catalogue& words);

// "duban report monthly": the commands chosen on a parsed command line.
std::string command_path(const CLI::App& app);

// A check that the value is one of `choices`, worded in the catalogue's
// language with the nearest choice (CLI::IsMember says it in English).
CLI::Validator one_of(const Catalogue& words, std::vector<std::string> choices);

}  // namespace duban::cmd
