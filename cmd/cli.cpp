#include "cli.hpp"

#include <fmt/format.h>

#include <sstream>

#include "config/config.hpp"
#include "util/utf8.hpp"

namespace duban::cmd {

namespace {

const CLI::App* root_of(const CLI::App* app) {
  while (app->get_parent()) app = app->get_parent();
  return app;
}

// CLI11's help, in the catalogue's words, aligned by display width (a
// Chinese character takes two columns), and with the global options on
// every subcommand's screen: they may be given after its name.
class Help : public CLI::Formatter {
public:
  explicit Help(const Catalogue& words) : m_words(words) {
    label("Usage", std::string(words("help.label.usage")));
    label("OPTIONS", std::string(words("help.label.options_badge")));
    label("SUBCOMMAND", std::string(words("help.label.command")));
    label("SUBCOMMANDS", std::string(words("help.label.command")));
    label("Positionals", std::string(words("help.label.positionals")));
    column_width(32);
  }

  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return make_expanded(app);
    std::ostringstream out;
    out << make_description(app) << make_usage(app, name) << make_positionals(app)
        << make_groups(app, mode);
    if (const auto* root = root_of(app); root != app) {
      auto global = root->get_options([root](const CLI::Option* o) {
        return o->nonpositional() && o != root->get_help_ptr() && o != root->get_version_ptr();
      });
      out << make_group(std::string(m_words("help.label.global")), false, global);
    }
    out << make_subcommands(app, mode) << '\n';
    if (!app->get_subcommands({}).empty()) out << m_words.format("help.footer", name) << '\n';
    return out.str();
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return line(make_option_name(opt, is_positional) + make_option_opts(opt),
                make_option_desc(opt));
  }

  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    if (is_positional) return meta(opt->get_name(true, false));
    return opt->get_name(false, true);
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    std::string out;
    if (opt->get_positional()) {
      if (opt->get_required()) out += m_words("help.label.required");
      return out;
    }
    if (opt->get_expected_max() > 0 && opt->get_type_size() != 0) {
      out += " " + meta(opt->get_type_name());
      if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
      if (opt->get_required()) out += m_words("help.label.required");
    }
    return out;
  }

  std::string make_option_usage(const CLI::Option* opt) const override {
    const auto name = make_option_name(opt, true);
    return opt->get_required() ? name : "[" + name + "]";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return line(sub->get_name(), sub->get_description());
  }

private:
  // An option's placeholder (UNIT, WHEN…) or an argument's name in words.
  std::string meta(const std::string& code) const {
    const auto key = "help.meta." + code;
    return m_words.has(key) ? std::string(m_words(key)) : code;
  }

  std::string line(const std::string& left, const std::string& description) const {
    const std::string name = "  " + left;
    std::string out = util::pad(name, column_width_);
    if (!description.empty()) {
      if (util::display_width(name) >= column_width_) out += "\n" + std::string(column_width_, ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') out += std::string(column_width_, ' ');
      }
    }
    return out + "\n";
  }

  const Catalogue& m_words;
};

std::vector<const CLI::App*> subcommands_of(const CLI::App* app) {
  return app->get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); });
}

std::vector<std::string> names_of(const std::vector<const CLI::App*>& subs) {
  std::vector<std::string> names;
  for (const auto* s : subs) names.push_back(s->get_name());
  return names;
}

// An option in `app` or, as the command line falls through, its parents.
const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
  for (; app; app = app->get_parent())
    if (const auto* o = app->get_option_no_throw(name); o && !o->get_positional()) return o;
  return nullptr;
}

bool is_option_word(std::string_view word) {
  if (word.size() < 2 || word[0] != '-') return false;
  // A negative number is a value, not an option.
  return !(word[1] >= '0' && word[1] <= '9');
}

std::string nearest_hint(const Catalogue& words, std::string_view word,
                         const std::vector<std::string>& known) {
  const auto near = config::nearest(word, known);
  return near ? words.format("error.nearest", *near) : std::string();
}

// What a person meant the words to be, walked as CLI11 reads them: the
// deepest command reached, and the first word that fits nowhere.
struct Walk {
  const CLI::App* at;
  std::string path;
  std::string message;  // empty when every word fitted
};

Walk walk(const CLI::App& app, int argc, char** argv, const Catalogue& words) {
  Walk w{&app, app.get_name(), {}};
  std::size_t taken = 0;  // positional words given to w.at
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word == "--") break;
    if (is_option_word(word)) {
      std::string name = word;
      bool inline_value = false;
      if (word.starts_with("--")) {
        if (const auto eq = word.find('='); eq != std::string::npos) {
          name = word.substr(0, eq);
          inline_value = true;
        }
      } else if (word.size() > 2) {
        name = word.substr(0, 2);
        inline_value = true;
      }
      const auto* opt = find_option(w.at, name);
      if (!opt) {
        std::vector<std::string> known;
        for (const auto* a = w.at; a; a = a->get_parent())
          for (const auto* o : a->get_options({}))
            for (const auto& l : o->get_lnames()) known.push_back("--" + l);
        w.message =
            words.format("usage.unknown_option", w.path, name, nearest_hint(words, name, known));
        return w;
      }
      if (opt->get_expected_max() > 0 && opt->get_type_size() != 0 && !inline_value) {
        if (i + 1 >= argc || is_option_word(argv[i + 1])) {
          w.message = words.format("usage.needs_value", name);
          return w;
        }
        ++i;
      }
      continue;
    }
    const auto subs = subcommands_of(w.at);
    const auto names = names_of(subs);
    if (const auto it = std::find(names.begin(), names.end(), word); it != names.end()) {
      w.at = subs[static_cast<std::size_t>(it - names.begin())];
      w.path += " " + word;
      taken = 0;
      continue;
    }
    std::size_t room = 0;
    bool unlimited = false;
    for (const auto* o :
         w.at->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
      if (o->get_expected_max() >= CLI::detail::expected_max_vector_size) unlimited = true;
      else room += static_cast<std::size_t>(std::max(1, o->get_expected_max()));
    }
    if (unlimited || taken < room) {
      ++taken;
      continue;
    }
    w.message = subs.empty() ? words.format("usage.unexpected", w.path, word)
                             : words.format("usage.unknown_command", w.path, word,
                                            nearest_hint(words, word, names));
    return w;
  }
  return w;
}

// The words for a required option or argument that was not given.
std::string missing(const CLI::App* at, const Catalogue& words) {
  for (const auto* a = at; a; a = a->get_parent())
    for (const auto* o : a->get_options({})) {
      if (!o->get_required() || o->count() > 0) continue;
      if (o->get_positional())
        return words.format("usage.required_arg",
                            words.text("usage.arg." + o->get_name(true, false)));
      return words.format("usage.required", o->get_name(false, false));
    }
  return {};
}

// The option a ConversionError names ("Could not convert: --limit = many").
const CLI::Option* named_in(const CLI::App* at, const std::string& what) {
  const CLI::Option* best = nullptr;
  for (const auto* a = at; a; a = a->get_parent())
    for (const auto* o : a->get_options({})) {
      const auto name = o->get_name(false, false);
      if (!name.empty() && what.find(name) != std::string::npos &&
          (!best || name.size() > best->get_name(false, false).size()))
        best = o;
    }
  return best;
}

std::string split_pair(const std::string& what, std::string_view between, std::string_view key,
                       const Catalogue& words) {
  const auto at = what.find(between);
  if (at == std::string::npos) return words.format("usage.other", what);
  return words.format(key, what.substr(0, at), what.substr(at + between.size()));
}

}  // namespace

void prepare_help(CLI::App& app, const Catalogue& words, const std::string& version) {
  app.formatter(std::make_shared<Help>(words));
  app.option_defaults()->group(std::string(words("help.label.options")));
  app.group(std::string(words("help.label.commands")));
  app.set_help_flag("-h,--help", std::string(words("help.help")));
  app.set_version_flag("--version", version, std::string(words("help.version")));
}

void finish_help(CLI::App& app, const Catalogue& words) {
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    // A subcommand made its help flag before it took its parent's option
    // group; made again, the flag is listed with the other options.
    sub->set_help_flag("-h,--help", std::string(words("help.help")));
    finish_help(*sub, words);
  }
}

UsageError explain(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv,
                   const Catalogue& words) {
  const auto w = walk(app, argc, argv, words);
  UsageError out{w.message, w.path + " --help"};
  if (!out.message.empty()) return out;
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    const auto subs = subcommands_of(w.at);
    if (!subs.empty() && w.at->get_subcommands().empty() && w.at->get_require_subcommand_min() > 0)
      out.message =
          words.format("usage.needs_command", w.path, fmt::join(names_of(subs), words("list.sep")));
    else out.message = missing(w.at, words);
  } else if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    if (const auto* o = named_in(w.at, what)) {
      const auto name = o->get_name(false, false);
      out.message = o->get_expected_max() == 0
                        ? words.format("usage.takes_no_value", name)
                        : words.format("usage.not_a_number", name,
                                       o->results().empty() ? std::string() : o->results().back());
    }
  } else if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    // Our checks (one_of) word their message; CLI11 puts the option first.
    out.message = what;
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    if (const auto* o = named_in(w.at, what))
      out.message = words.format("usage.too_many", o->get_name(false, false));
  } else if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    out.message = split_pair(what, " excludes ", "usage.excludes", words);
  } else if (dynamic_cast<const CLI::RequiresError*>(&e)) {
    out.message = split_pair(what, " requires ", "usage.requires", words);
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    const auto extras = w.at->remaining();
    if (!extras.empty()) out.message = words.format("usage.unexpected", w.path, extras.front());
  }
  if (out.message.empty()) out.message = words.format("usage.other", what);
  return out;
}

std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
    at = at->get_subcommands().front();
    path += " " + at->get_name();
  }
  return path;
}

CLI::Validator one_of(const Catalogue& words, std::vector<std::string> choices) {
  return CLI::Validator(
      [&words, choices](std::string& value) -> std::string {
        if (std::find(choices.begin(), choices.end(), value) != choices.end()) return {};
        return words.format("usage.value_not_one_of", value, fmt::join(choices, words("list.sep")),
                            nearest_hint(words, value, choices));
      },
      "");
}

}  // namespace duban::cmd
