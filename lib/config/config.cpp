#include "config/config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::config {

namespace {

namespace fs = std::filesystem;

// A function, not a global, so that it is ready for other statics' use.
const std::vector<std::string>& default_channels() {
  static const std::vector<std::string> channels = {"breakfast", "night-talk", "hotline",   "grid",
                                                    "petition",  "proposal",   "proxy-desk"};
  return channels;
}

// A code is what options and files name a unit, category or channel by, and
// `--co a,b` splits on commas: so letters, digits, '_', '-' and '.' only.
bool is_code(std::string_view code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

// Reads one TOML table, remembering which keys were taken, so that whatever
// is left over can be reported as unknown. Every error names
// file:line:column and the dotted key.
class Reader {
public:
  Reader(const toml::table& table, std::string file, std::string prefix)
      : m_table(table), m_file(std::move(file)), m_prefix(std::move(prefix)) {}

  // A fault at `at`, in the key `key` of this table.
  [[noreturn]] void fail(const toml::node& at, std::string_view key, Kind kind,
                         std::string value = {}, std::string near = {},
                         std::vector<std::string> choices = {}) const {
    fail_at(at.source(), key, kind, std::move(value), std::move(near), std::move(choices));
  }
  [[noreturn]] void fail_at(const toml::source_region& where, std::string_view key, Kind kind,
                            std::string value = {}, std::string near = {},
                            std::vector<std::string> choices = {}) const {
    Fields f;
    f.field = dotted(key);
    f.value = std::move(value);
    f.nearest = std::move(near);
    f.source = m_file;
    f.line = static_cast<long>(where.begin.line);
    f.column = static_cast<long>(where.begin.column);
    f.choices = std::move(choices);
    throw Error(kind, std::move(f));
  }
  std::string dotted(std::string_view key) const {
    return m_prefix.empty() ? std::string(key) : fmt::format("{}.{}", m_prefix, key);
  }
  const std::string& file() const { return m_file; }

  const toml::node* take(std::string_view key) {
    m_taken.insert(std::string(key));
    return m_table.get(key);
  }

  std::optional<std::string> string(std::string_view key) {
    const auto* node = take(key);
    if (!node) return std::nullopt;
    const auto* s = node->as_string();
    if (!s) fail(*node, key, Kind::config_not_string);
    if (s->get().empty()) fail(*node, key, Kind::config_empty);
    return s->get();
  }

  // A string that must be a code (see is_code).
  std::optional<std::string> code(std::string_view key) {
    auto s = string(key);
    if (s && !is_code(*s)) fail(*m_table.get(key), key, Kind::config_not_code, *s);
    return s;
  }

  std::optional<Duration> duration(std::string_view key) {
    const auto* node = take(key);
    if (!node) return std::nullopt;
    return duration_of(*node, key);
  }

  Duration duration_of(const toml::node& node, std::string_view key) const {
    const auto* s = node.as_string();
    auto d = s ? time::parse_duration(s->get()) : std::nullopt;
    if (!d) fail(node, key, Kind::config_not_duration, s ? s->get() : std::string());
    return *d;
  }

  std::vector<std::pair<std::string, const toml::node*>> string_array(std::string_view key) {
    std::vector<std::pair<std::string, const toml::node*>> out;
    const auto* node = take(key);
    if (!node) return out;
    const auto* array = node->as_array();
    if (!array) fail(*node, key, Kind::config_not_strings);
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (!s) fail(item, key, Kind::config_not_strings);
      out.emplace_back(s->get(), &item);
    }
    return out;
  }

  // Unknown keys are errors: a typo must not silently drop a setting.
  void reject_unknown(const std::vector<std::string>& known) const {
    for (auto&& [key, node] : m_table) {
      const std::string name(key.str());
      if (m_taken.count(name)) continue;
      fail_at(key.source(), name, Kind::config_unknown_key, name,
              nearest(name, known).value_or(""));
    }
  }

private:
  const toml::table& m_table;
  std::string m_file;
  std::string m_prefix;
  std::set<std::string> m_taken;
};

const toml::table& table_of(Reader& parent, const toml::node& node, std::string_view key) {
  const auto* t = node.as_table();
  if (!t) parent.fail(node, key, Kind::config_not_table);
  return *t;
}

// Each [[name]] entry as a table with its Reader, in order.
template <class F> void each_table(Reader& parent, std::string_view key, F&& f) {
  const auto* node = parent.take(key);
  if (!node) return;
  const auto* array = node->as_array();
  if (!array) parent.fail(*node, key, Kind::config_not_tables);
  for (const auto& item : *array) {
    const auto& t = table_of(parent, item, key);
    Reader r(t, parent.file(), parent.dotted(key));
    f(r, t);
  }
}

ResolveSpec resolve_of(Reader& r, const toml::node& node, std::string_view key, bool complete) {
  ResolveSpec spec;
  if (node.is_string()) {
    const auto d = r.duration_of(node, key);
    for (char c : {'A', 'B', 'C'}) spec.per_class[c] = d;
    return spec;
  }
  const auto* t = node.as_table();
  if (!t) r.fail(node, key, Kind::config_not_resolve);
  Reader classes(*t, r.file(), r.dotted(key));
  for (char c : {'A', 'B', 'C'}) {
    const std::string name(1, c);
    if (auto d = classes.duration(name)) spec.per_class[c] = *d;
    else if (complete) r.fail(node, key, Kind::config_no_class, name);
  }
  classes.reject_unknown({"A", "B", "C"});
  return spec;
}

// `channels = ["hotline", ...]`, or with names for reports and input:
// `channels = [{ code = "hotline", name = "12345热线" }, ...]`, or a mix.
void read_channels(Reader& top, Config& config) {
  const auto* node = top.take("channels");
  if (!node) return;
  const auto* array = node->as_array();
  if (!array) top.fail(*node, "channels", Kind::config_not_strings);
  config.channels.clear();
  std::set<std::string, std::less<>> seen;
  for (const auto& item : *array) {
    std::string code;
    std::optional<std::string> name;
    if (const auto* s = item.as_string()) {
      code = s->get();
    } else if (const auto* t = item.as_table()) {
      Reader r(*t, top.file(), "channels");
      auto c = r.string("code");
      if (!c) r.fail(item, "code", Kind::config_needs, "channels");
      code = *c;
      name = r.string("name");
      r.reject_unknown({"code", "name"});
    } else {
      top.fail(item, "channels", Kind::config_not_channel);
    }
    if (!is_code(code)) top.fail(item, "channels", Kind::config_not_code, code);
    if (!seen.insert(code).second) top.fail(item, "channels", Kind::config_twice, code);
    config.channels.push_back(code);
    if (name) config.channel_names.emplace(code, *name);
  }
}

void read_calendar(Reader& top, Config& config) {
  const auto* node = top.take("calendar");
  if (!node) return;
  Reader r(table_of(top, *node, "calendar"), top.file(), "calendar");
  std::set<unsigned> weekend;
  bool weekend_given = false;
  if (const auto* weekend_at = r.take("weekend")) {
    weekend_given = true;
    for (auto& [name, at] : r.string_array("weekend")) {
      auto day = time::parse_weekday(name);
      if (!day) r.fail(*at, "weekend", Kind::config_not_weekday, name);
      weekend.insert(*day);
    }
    // With no working day in the week a "5wd" deadline would never come.
    if (weekend.size() == 7) r.fail(*weekend_at, "weekend", Kind::config_no_workday);
  }
  auto days = [&](std::string_view key) {
    std::set<time::LocalDays> out;
    for (auto& [text, at] : r.string_array(key)) {
      auto list = time::parse_day_or_range(text);
      if (!list) r.fail(*at, key, Kind::config_not_day_range, text);
      out.insert(list->begin(), list->end());
    }
    return out;
  };
  auto holidays = days("holidays");
  auto workdays = days("workdays");
  for (const auto& d : workdays)
    if (holidays.count(d))
      r.fail(*node, "workdays", Kind::config_holiday_workday, time::format_date(d));
  r.reject_unknown({"weekend", "holidays", "workdays"});
  if (!weekend_given) weekend = {0, 6};
  config.calendar = time::Calendar(weekend, holidays, workdays);
}

// Linear in the units (a city may list tens of thousands): duplicates by a
// set, parents by the index, cycles by one walk that marks what it has seen.
void read_units(Reader& top, Config& config) {
  std::vector<const toml::node*> parent_at;  // where each unit's parent is written
  std::set<std::string, std::less<>> seen;
  each_table(top, "unit", [&](Reader& r, const toml::table& t) {
    Unit u;
    auto code = r.code("code");
    if (!code) r.fail(t, "code", Kind::config_needs, "unit");
    u.code = *code;
    if (!seen.insert(u.code).second) r.fail(*t.get("code"), "code", Kind::config_twice, u.code);
    auto name = r.string("name");
    u.name = name.value_or(u.code);
    u.parent = r.string("parent");
    u.head = r.string("head");
    u.email = r.string("email");
    parent_at.push_back(t.get("parent"));
    r.reject_unknown({"code", "name", "parent", "head", "email"});
    config.units.push_back(std::move(u));
  });
  config.index_units();
  const auto& units = config.units;
  constexpr auto k_root = static_cast<std::size_t>(-1);
  std::vector<std::size_t> parent_of(units.size(), k_root);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!units[i].parent) continue;
    const auto* parent = config.find_unit(*units[i].parent);
    if (!parent) {
      std::vector<std::string> codes;
      for (const auto& u : units) codes.push_back(u.code);
      top.fail(*parent_at[i], "unit.parent", Kind::config_unknown_name, *units[i].parent,
               nearest(*units[i].parent, codes).value_or(""));
    }
    parent_of[i] = static_cast<std::size_t>(parent - units.data());
  }
  // Walk up from each unit until a root or a unit already known to reach
  // one; meeting the walk's own path again is a cycle, which would make
  // "up the tree" endless.
  enum class Seen : char { no, on_path, reaches_root };
  std::vector<Seen> state(units.size(), Seen::no);
  std::vector<std::size_t> path;
  for (std::size_t i = 0; i < units.size(); ++i) {
    path.clear();
    std::size_t at = i;
    while (at != k_root && state[at] == Seen::no) {
      state[at] = Seen::on_path;
      path.push_back(at);
      at = parent_of[at];
    }
    if (at != k_root && state[at] == Seen::on_path)
      top.fail(*parent_at[at], "unit.parent", Kind::config_own_ancestor, units[at].code);
    for (auto k : path) state[k] = Seen::reaches_root;
  }
}

void read_categories(Reader& top, Config& config) {
  std::set<std::string, std::less<>> seen;
  each_table(top, "category", [&](Reader& r, const toml::table& t) {
    Category c;
    auto code = r.code("code");
    if (!code) r.fail(t, "code", Kind::config_needs, "category");
    c.code = *code;
    if (!seen.insert(c.code).second) r.fail(*t.get("code"), "code", Kind::config_twice, c.code);
    c.name = r.string("name").value_or(c.code);
    r.reject_unknown({"code", "name"});
    config.categories.push_back(std::move(c));
  });
  // Each deadline rule names a category: found by the index, not by a scan
  // per rule (100,000 categories with 10,000 rules: 0.94 -> 0.19 s of CPU).
  config.index_categories();
}

void read_deadlines(Reader& top, Config& config) {
  const auto* node = top.take("deadlines");
  if (!node) return;
  Reader r(table_of(top, *node, "deadlines"), top.file(), "deadlines");
  auto& d = config.deadlines;
  if (auto v = r.duration("ack")) d.ack = *v;
  if (const auto* res = r.take("resolve")) d.resolve = resolve_of(r, *res, "resolve", true);
  if (auto v = r.duration("list_within")) d.list_within = *v;
  if (auto v = r.duration("meeting_report_after")) d.meeting_report_after = *v;
  each_table(r, "rule", [&](Reader& rr, const toml::table& t) {
    DeadlineRule rule;
    rule.line = t.source().begin.line;
    rule.channel = rr.string("channel");
    rule.category = rr.string("category");
    // A rule may name its channel or category by name too; it keeps the code.
    auto code_of = [&](std::optional<std::string>& value, std::string_view key, auto&& resolve) {
      if (!value) return;
      try {
        value = resolve(*value);
      } catch (const Error& e) {
        rr.fail(*t.get(key), key, Kind::config_unknown_name, *value, e.fields().nearest,
                e.fields().choices);
      }
    };
    code_of(rule.channel, "channel", [&](const std::string& v) { return config.channel_code(v); });
    code_of(rule.category, "category",
            [&](const std::string& v) { return config.category_code(v); });
    if (!rule.channel && !rule.category) rr.fail(t, "channel", Kind::config_rule_match);
    rule.ack = rr.duration("ack");
    if (const auto* res = rr.take("resolve")) rule.resolve = resolve_of(rr, *res, "resolve", false);
    if (!rule.ack && !rule.resolve) rr.fail(t, "ack", Kind::config_rule_duration);
    rr.reject_unknown({"channel", "category", "ack", "resolve"});
    d.rules.push_back(std::move(rule));
  });
  r.reject_unknown({"ack", "resolve", "list_within", "meeting_report_after", "rule"});
}

void read_escalation(Reader& top, Config& config) {
  if (!top.take("escalation")) return;
  config.escalation.clear();
  each_table(top, "escalation", [&](Reader& r, const toml::table& t) {
    EscalationStep step;
    auto when = r.string("when");
    if (!when) r.fail(t, "when", Kind::config_needs, "escalation");
    if (*when == "ack_overdue") step.when = EscalationStep::When::ack_overdue;
    else if (*when == "overdue") step.when = EscalationStep::When::overdue;
    else
      r.fail(*t.get("when"), "when", Kind::config_not_one_of, *when, "",
             {"ack_overdue", "overdue"});
    if (auto a = r.duration("after")) step.after = *a;
    const auto* level = r.take("level");
    if (!level) r.fail(t, "level", Kind::config_needs, "escalation");
    const auto* l = level->as_integer();
    if (!l || l->get() < 1 || l->get() > 99)
      r.fail(*level, "level", Kind::config_out_of_range, "", "", {"1", "99"});
    step.level = static_cast<int>(l->get());
    step.notify = r.string("notify").value_or("");
    r.reject_unknown({"when", "after", "level", "notify"});
    config.escalation.push_back(std::move(step));
  });
}

void read_scorecard(Reader& top, Config& config) {
  const auto* node = top.take("scorecard");
  if (!node) return;
  Reader r(table_of(top, *node, "scorecard"), top.file(), "scorecard");
  if (const auto* w = r.take("weights")) {
    Reader wr(table_of(r, *w, "weights"), top.file(), "scorecard.weights");
    auto weight = [&](std::string_view key, double& into) {
      const auto* v = wr.take(key);
      if (!v) return;
      auto x = v->value<double>();
      if (!x || *x < 0 || *x > 1) wr.fail(*v, key, Kind::config_out_of_range, "", "", {"0", "1"});
      into = *x;
    };
    auto& s = config.scorecard;
    weight("ack_rate", s.ack_rate);
    weight("closure_rate", s.closure_rate);
    weight("satisfaction_rate", s.satisfaction_rate);
    wr.reject_unknown({"ack_rate", "closure_rate", "satisfaction_rate"});
    // The score is a weighted mean of the three rates: weights that do not
    // sum to 1 would put it outside 0..100.
    if (const double sum = s.ack_rate + s.closure_rate + s.satisfaction_rate;
        std::abs(sum - 1.0) > 1e-9)
      r.fail(*w, "weights", Kind::config_weights_sum, fmt::format("{}", sum));
  }
  r.reject_unknown({"weights"});
}

void read_satisfaction(Reader& top, Config& config) {
  const auto* node = top.take("satisfaction");
  if (!node) return;
  Reader r(table_of(top, *node, "satisfaction"), top.file(), "satisfaction");
  if (const auto* v = r.take("basic_weight")) {
    const auto x = v->value<double>();
    if (!x || *x < 0 || *x > 1)
      r.fail(*v, "basic_weight", Kind::config_out_of_range, "", "", {"0", "1"});
    config.satisfaction_basic_weight = *x;
  }
  r.reject_unknown({"basic_weight"});
}

}  // namespace

const Unit* Config::find_unit(std::string_view code) const {
  if (m_unit_index.size() == units.size()) {
    const auto it = m_unit_index.find(code);
    if (it == m_unit_index.end()) return nullptr;
    if (it->second < units.size() && units[it->second].code == code) return &units[it->second];
  }
  for (const auto& u : units)
    if (u.code == code) return &u;
  return nullptr;
}

void Config::index_units() {
  m_unit_index.clear();
  for (std::size_t i = 0; i < units.size(); ++i) m_unit_index.emplace(units[i].code, i);
}

void Config::index_categories() {
  m_category_index.clear();
  for (std::size_t i = 0; i < categories.size(); ++i)
    m_category_index.emplace(categories[i].code, i);
}

const Category* Config::find_category(std::string_view code) const {
  if (m_category_index.size() == categories.size()) {
    const auto it = m_category_index.find(code);
    if (it == m_category_index.end()) return nullptr;
    if (it->second < categories.size() && categories[it->second].code == code)
      return &categories[it->second];
  }
  for (const auto& c : categories)
    if (c.code == code) return &c;
  return nullptr;
}

bool Config::has_channel(std::string_view code) const {
  return std::find(channels.begin(), channels.end(), code) != channels.end();
}

std::string Config::channel_name(std::string_view code) const {
  const auto it = channel_names.find(code);
  return it != channel_names.end() ? it->second : std::string(code);
}

namespace {

// A code or a name, of `count` things each with code(i) and name(i): the
// code itself, else the one thing of that exact name.
template <class Code, class Name>
std::string code_of(std::string_view text, std::string_view field, Kind unknown, std::size_t count,
                    bool is_code_known, Code&& code, Name&& name) {
  if (is_code_known) return std::string(text);
  std::vector<std::string> named;
  for (std::size_t i = 0; i < count; ++i)
    if (name(i) == text) named.push_back(code(i));
  if (named.size() == 1) return named.front();
  Fields f;
  f.field = std::string(field);
  f.value = std::string(text);
  if (named.size() > 1) {
    f.choices = std::move(named);
    throw Error(Kind::ambiguous_name, std::move(f));
  }
  std::vector<std::string> known;
  known.reserve(2 * count);
  for (std::size_t i = 0; i < count; ++i) {
    known.push_back(code(i));
    if (name(i) != code(i)) known.push_back(name(i));
  }
  f.nearest = nearest(text, known).value_or("");
  throw Error(unknown, std::move(f));
}

}  // namespace

std::string Config::unit_code(std::string_view text, std::string_view field) const {
  return code_of(
      text, field, Kind::unknown_unit, units.size(), find_unit(text) != nullptr,
      [&](std::size_t i) -> const std::string& { return units[i].code; },
      [&](std::size_t i) -> const std::string& { return units[i].name; });
}

std::string Config::category_code(std::string_view text, std::string_view field) const {
  if (categories.empty()) return std::string(text);  // free text when none are configured
  return code_of(
      text, field, Kind::unknown_category, categories.size(), find_category(text) != nullptr,
      [&](std::size_t i) -> const std::string& { return categories[i].code; },
      [&](std::size_t i) -> const std::string& { return categories[i].name; });
}

std::string Config::channel_code(std::string_view text, std::string_view field) const {
  return code_of(
      text, field, Kind::unknown_channel, channels.size(), has_channel(text),
      [&](std::size_t i) -> const std::string& { return channels[i]; },
      [&](std::size_t i) { return channel_name(channels[i]); });
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& known) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& k : known) {
    const auto d = util::edit_distance(word, k);
    if (!best || d < best_distance) {
      best = k;
      best_distance = d;
    }
  }
  // Close means at most a third of the word wrong (and at least one edit).
  if (best && best_distance <= std::max<std::size_t>(1, util::count_code_points(word) / 3))
    return best;
  // A name of Chinese is often typed short (城管局 for 市城市管理局): a known
  // name that holds the word, or that the word holds, is close too.
  const bool ascii = std::all_of(word.begin(), word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    for (const auto& k : known)
      if (k.find(word) != std::string::npos ||
          (!k.empty() && word.find(k) != std::string_view::npos))
        return k;
  }
  return std::nullopt;
}

Config defaults(const fs::path& default_store) {
  Config c;
  c.store = default_store;
  c.zone = time::Zone::locate(c.timezone);
  c.channels = default_channels();
  for (char k : {'A', 'B', 'C'})
    c.deadlines.resolve.per_class[k] = Duration{k == 'A'   ? 20
                                                : k == 'B' ? 60
                                                           : 5,
                                                Duration::Unit::working_days};
  c.escalation = {
      {EscalationStep::When::ack_overdue, {0, Duration::Unit::minutes}, 1, "unit head"},
      {EscalationStep::When::overdue, {0, Duration::Unit::minutes}, 2, "leader"},
  };
  return c;
}

Config parse(std::string_view text, const fs::path& file, const fs::path& default_store) {
  const std::string name = file.string();
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    Fields f;
    f.value = std::string(e.description());
    f.source = name;
    f.line = static_cast<long>(e.source().begin.line);
    f.column = static_cast<long>(e.source().begin.column);
    throw Error(Kind::config_syntax, std::move(f));
  }
  Config config = defaults(default_store);
  config.file = file;
  Reader top(root, name, "");
  if (const auto* node = top.take("store")) {
    auto store = top.string("store");
    fs::path p(*store);
    config.store = p.is_absolute() ? p : (file.parent_path() / p).lexically_normal();
    (void)node;
  }
  if (const auto* node = top.take("timezone")) {
    config.timezone = *top.string("timezone");
    try {
      config.zone = time::Zone::locate(config.timezone);
    } catch (const std::exception&) {
      top.fail(*node, "timezone", Kind::config_not_zone, config.timezone);
    }
  }
  if (const auto* node = top.take("lang")) {
    config.lang = *top.string("lang");
    if (config.lang != "zh" && config.lang != "en")
      top.fail(*node, "lang", Kind::config_not_one_of, config.lang, "", {"zh", "en"});
  }
  read_channels(top, config);
  read_calendar(top, config);
  read_units(top, config);
  if (const auto* node = top.take("office")) {
    config.office = *top.string("office");
    if (!config.find_unit(*config.office)) {
      std::vector<std::string> codes;
      for (const auto& u : config.units) codes.push_back(u.code);
      top.fail(*node, "office", Kind::config_unknown_name, *config.office,
               nearest(*config.office, codes).value_or(""));
    }
  }
  read_categories(top, config);
  read_deadlines(top, config);
  read_escalation(top, config);
  read_scorecard(top, config);
  read_satisfaction(top, config);
  top.reject_unknown({"store", "timezone", "lang", "office", "channels", "calendar", "unit",
                      "category", "deadlines", "escalation", "scorecard", "satisfaction"});
  return config;
}

Config load(const fs::path& file, const fs::path& default_store) {
  std::error_code ec;
  std::ifstream in(file, std::ios::binary);
  if (fs::is_directory(file, ec) || !in) {
    Fields f;
    f.source = file.string();
    throw Error(Kind::config_unreadable, std::move(f));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), file, default_store);
}

std::optional<std::string> peek_lang(const fs::path& file) {
  try {
    const auto root = toml::parse_file(file.string());
    if (const auto lang = root["lang"].value<std::string>()) return *lang;
    return Config{}.lang;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<fs::path> discover(const Environment& env) {
  for (const auto& explicit_path : {env.config_flag, env.config_env}) {
    if (!explicit_path) continue;
    if (!fs::exists(*explicit_path)) {
      Fields f;
      f.source = explicit_path->string();
      throw Error(Kind::config_missing, std::move(f));
    }
    return explicit_path;
  }
  if (auto here = env.cwd / "duban.toml"; fs::exists(here)) return here;
  std::optional<fs::path> base = env.xdg_config_home;
  if (!base && env.home) base = *env.home / ".config";
  if (base) {
    if (auto p = *base / "duban" / "config.toml"; fs::exists(p)) return p;
  }
  return std::nullopt;
}

fs::path default_store_path(const Environment& env) {
  if (env.xdg_data_home) return *env.xdg_data_home / "duban" / "duban.db";
  if (env.home) return *env.home / ".local" / "share" / "duban" / "duban.db";
  return env.cwd / "duban.db";
}

std::string_view starter_config() {
  // The calendar is the State Council's (国务院办公厅关于2026年部分节假日安排的通知,
  // 2025-11-04, published by Xinhua, e.g. politics.gmw.cn/2025-11/04/content_38391083.htm).
  // 2027's notice was not yet to be found on 2026-12-01: add it here when it is.
  return R"toml(# duban 配置文件（SPEC §5）。未知的键一律报错，写错一个字母不会悄悄改掉期限。
# 一个完整城市的示例见 examples/duban.toml。
# duban configuration: an unknown key is an error, so a typo cannot silently change a deadline.

store    = "duban.db"            # 数据库，相对于本文件所在的文件夹
timezone = "Asia/Shanghai"       # 日、月和期限都按这个时区计算
lang     = "zh"                  # 界面语言：zh 中文 | en English
office   = "dcs"                 # 督查室：会议清单、审定和逾期提醒送到这里

# 问题从哪些渠道来：周末早餐会、居民夜谈会、12345 热线、网格员、信访、人民建议、便民代办
channels = ["breakfast", "night-talk", "hotline", "grid", "petition", "proposal", "proxy-desk"]

# 工作日历：所有“wd”（工作日）期限都按它算。节假日和调休上班日依
# 《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日）。
# 没有列出的年份只按周末算：每年国务院办公厅公布下一年的安排后（通常在11月），
# 把那一年的放假日（holidays）和调休上班日（workdays）补在下面。
[calendar]
weekend  = ["sat", "sun"]
holidays = [
  "2026-01-01..2026-01-03",   # 元旦
  "2026-02-15..2026-02-23",   # 春节
  "2026-04-04..2026-04-06",   # 清明节
  "2026-05-01..2026-05-05",   # 劳动节
  "2026-06-19..2026-06-21",   # 端午节
  "2026-09-25..2026-09-27",   # 中秋节
  "2026-10-01..2026-10-07",   # 国庆节
]
workdays = [                  # 调休上班的周末
  "2026-01-04",               # 元旦调休（周日）
  "2026-02-14", "2026-02-28", # 春节调休（周六、周六）
  "2026-05-09",               # 劳动节调休（周六）
  "2026-09-20", "2026-10-10", # 国庆节调休（周日、周六）
]

# 单位树：除根以外，每个单位用 parent 指向上级单位（上级要写在前面）。
# code 是命令和表格里用的代码（字母、数字、- _ .），name 是名称；
# head 和 email 是单位负责人和邮箱，督办提醒和升级通知发给他们。例如：
#   [[unit]]
#   code   = "cgj"
#   name   = "市城市管理局"
#   parent = "city"
#   head   = "张三"
#   email  = "cgj@example.gov.cn"
[[unit]]
code = "city"
name = "市人民政府"

[[unit]]
code   = "dcs"
name   = "督查室"              # 督查室：核实销号，写每月通报
parent = "city"

# 问题分类：报表按它分组，期限规则可以按它细化。
[[category]]
code = "city-management"
name = "市容环卫"

[[category]]
code = "road"
name = "道路交通"

[[category]]
code = "utilities"
name = "水电气暖"

[[category]]
code = "housing"
name = "住房物业"

[[category]]
code = "wages"
name = "劳动工资"

[[category]]
code = "social-security"
name = "社保医保"

[[category]]
code = "education"
name = "教育入学"

[[category]]
code = "assistance"
name = "社会救助"

[[category]]
code = "registration"
name = "户籍证照"

[[category]]
code = "environment"
name = "生态环境"

[[category]]
code = "market"
name = "市场监管"

[[category]]
code = "other"
name = "其他"

# 期限：交办时起算。ack 是首次响应，resolve 是办结，按分类 A（重要）、B（复杂）、C（即办）。
[deadlines]
ack     = "1wd"
resolve = { A = "20wd", B = "60wd", C = "5wd" }
list_within          = "3d"    # 会议后多久内要把问题全部交办
meeting_report_after = "2mo"   # 多久后向常委会报送落实情况表

# 12345 热线（接诉即办）：2 小时内响应，5 个工作日内办结。
[[deadlines.rule]]
channel = "hotline"
ack     = "2h"
resolve = "5wd"

# 督办升级：duban escalate --auto（由 cron 每小时运行）逐级执行，每一级对每件只执行一次。
# 超时未响应：立即通知承办单位负责人。
[[escalation]]
when   = "ack_overdue"
after  = "0m"
level  = 1
notify = "unit head"

# 超期未办结：立即报告领办领导。
[[escalation]]
when   = "overdue"
after  = "0m"
level  = 2
notify = "leader"

# 超期 5 个工作日仍未办结：督查室接手督办。
[[escalation]]
when   = "overdue"
after  = "5wd"
level  = 3
notify = "supervision office"

# 单位评分（report scorecard）：响应率、办结率、满意率的权重，三项之和须为 1。
[scorecard]
weights = { ack_rate = 0.2, closure_rate = 0.4, satisfaction_rate = 0.4 }

# 满意率中“基本满意”按多少计：1 为与“满意”同计，北京式排名用 0.9。
[satisfaction]
basic_weight = 1.0
)toml";
}

}  // namespace duban::config
