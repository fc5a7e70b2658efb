// The configuration of SPEC §5: found, parsed with toml++, and validated in
// full (an unknown key or a bad value is an error naming file:line:column and
// the key), so a typo never silently changes a deadline.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/calendar.hpp"
#include "time/duration.hpp"
#include "time/instant.hpp"

namespace duban::config {

using time::Duration;

struct Unit {
  std::string code, name;
  std::optional<std::string> parent, head, email;
};

struct Category {
  std::string code, name;
};

// A resolve deadline: one duration for every class, or one per class.
struct ResolveSpec {
  std::map<char, Duration> per_class;  // 'A', 'B', 'C'; a single duration fills all three
};

struct DeadlineRule {
  std::optional<std::string> channel, category;
  std::optional<Duration> ack;
  std::optional<ResolveSpec> resolve;  // classes it leaves out fall back to the defaults
  std::size_t line = 0;                // where it is written, for messages
};

struct Deadlines {
  Duration ack{1, Duration::Unit::working_days};
  ResolveSpec resolve;
  Duration list_within{3, Duration::Unit::days};
  Duration meeting_report_after{2, Duration::Unit::months};
  std::vector<DeadlineRule> rules;
};

struct EscalationStep {
  enum class When { ack_overdue, overdue };
  When when = When::ack_overdue;
  Duration after{0, Duration::Unit::minutes};
  int level = 1;
  std::string notify;
};

struct ScorecardWeights {
  double ack_rate = 0.2, closure_rate = 0.4, satisfaction_rate = 0.4;
};

struct Config {
  std::optional<std::filesystem::path> file;  // the file read; none for built-in defaults
  std::filesystem::path store;                // resolved store path
  std::string timezone = "Asia/Shanghai";
  time::Zone zone;
  std::string lang = "zh";
  // The supervision office's unit (SPEC §5): meetings' lists and reports go to it.
  std::optional<std::string> office;
  std::vector<std::string> channels;  // the channels' codes, in the config's order
  // A channel's name where the config gives one ({ code, name }); reports
  // and input may use it.
  std::map<std::string, std::string, std::less<>> channel_names;
  time::Calendar calendar;
  std::vector<Unit> units;
  std::vector<Category> categories;
  Deadlines deadlines;
  std::vector<EscalationStep> escalation;
  ScorecardWeights scorecard;
  // How much a 基本满意 rating counts in 满意率 (SPEC §5, §7): 0..1.
  double satisfaction_basic_weight = 1.0;

  // The unit with `code`, or nullptr; by the index when it is current.
  const Unit* find_unit(std::string_view code) const;
  const Category* find_category(std::string_view code) const;
  bool has_channel(std::string_view code) const;
  // The name of channel `code`: its configured name, else the code.
  std::string channel_name(std::string_view code) const;

  // The code of the unit, category or channel that `text` names: its code,
  // or else the exact name of exactly one (SPEC §9). `field` is what the
  // text was given as (lead_unit, co_units, unit, category, channel, ...).
  // Throws Error(Kind::unknown_unit / unknown_category / unknown_channel)
  // with `nearest` taken from codes and names alike, or
  // Error(Kind::ambiguous_name) with every code that bears the name. With
  // no categories configured any category is taken as it is.
  std::string unit_code(std::string_view text, std::string_view field = "unit") const;
  std::string category_code(std::string_view text, std::string_view field = "category") const;
  std::string channel_code(std::string_view text, std::string_view field = "channel") const;

  // Rebuild find_unit's and find_category's indexes from `units` and
  // `categories`; parse() calls them. Code that changes either afterwards
  // calls its one again (until then the finder scans, as long as the count
  // differs from the index's).
  void index_units();
  void index_categories();

private:
  // code -> position in `units` / `categories`: positions, not pointers, so
  // a copy of the Config keeps a valid index.
  std::map<std::string, std::size_t, std::less<>> m_unit_index, m_category_index;
};

// Where the config and the default store are looked for: the caller reads
// the environment and passes it in (the library reads none).
struct Environment {
  std::optional<std::filesystem::path> config_flag;  // --config
  std::optional<std::filesystem::path> config_env;   // $DUBAN_CONFIG
  std::filesystem::path cwd;
  std::optional<std::filesystem::path> xdg_config_home, xdg_data_home, home;
};

// The config file to read per SPEC §5's order, or nullopt for the built-in
// defaults. An explicit --config or $DUBAN_CONFIG must exist (Error
// config_missing).
std::optional<std::filesystem::path> discover(const Environment& env);

// Parses `text` as the config file `file`. Throws Error with a config_*
// kind on any fault, with file, line, column and the dotted key in its
// fields. `default_store` is used when it sets none.
Config parse(std::string_view text, const std::filesystem::path& file,
             const std::filesystem::path& default_store);

// Reads `file` (Error config_unreadable if it cannot) and parses it.
Config load(const std::filesystem::path& file, const std::filesystem::path& default_store);

// The `lang` a config file asks for, read before anything else so that even
// its own faults are reported in it: nullopt when the file cannot be read or
// parsed, "zh" when it sets none.
std::optional<std::string> peek_lang(const std::filesystem::path& file);

// The built-in defaults: SPEC §5's values, no units, no categories.
Config defaults(const std::filesystem::path& default_store);

// $XDG_DATA_HOME/duban/duban.db (or ~/.local/share/duban/duban.db).
std::filesystem::path default_store_path(const Environment& env);

// The nearest of `known` to `word`, for "did you mean" hints (Fields'
// `nearest`); nullopt when none is close. Close is at most a third of the
// code points wrong; for a word of Chinese, a name that holds it (or that
// it holds) is close too.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& known);

// The starter config `duban init` writes: valid, commented, small.
std::string_view starter_config();

}  // namespace duban::config
