#include "runtime.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <iostream>
#include <istream>

#include "cases/view.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"
#include "util/utf8.hpp"

namespace duban::cmd {

Runtime::Runtime(std::map<std::string, std::string> env, std::istream& in_, std::ostream& out_,
                 bool out_is_terminal)
    : in(in_), out(out_), m_env(std::move(env)), m_out_is_terminal(out_is_terminal) {}

std::optional<std::string> Runtime::env(const std::string& name) const {
  auto it = m_env.find(name);
  if (it == m_env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

config::Environment Runtime::environment() const {
  config::Environment e;
  if (options.config) e.config_flag = *options.config;
  if (auto v = env("DUBAN_CONFIG")) e.config_env = *v;
  e.cwd = std::filesystem::current_path();
  if (auto v = env("XDG_CONFIG_HOME")) e.xdg_config_home = *v;
  if (auto v = env("XDG_DATA_HOME")) e.xdg_data_home = *v;
  if (auto v = env("HOME")) e.home = *v;
  return e;
}

void Runtime::choose_language(int argc, char** argv) {
  auto e = environment();
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--config" && i + 1 < argc) e.config_flag = argv[i + 1];
    else if (word.starts_with("--config=")) e.config_flag = std::string(word.substr(9));
  }
  // The config is read once: here, for its language, and kept for the verb.
  // One that does not load is read again by the verb, which reports why; its
  // words are in the language it asks for, if that much of it parses.
  std::optional<Lang> lang;
  try {
    if (const auto file = config::discover(e)) {
      try {
        m_preloaded = config::load(*file, config::default_store_path(e));
        lang = parse_lang(m_preloaded->lang);
      } catch (const Error&) {
        if (const auto code = config::peek_lang(*file)) lang = parse_lang(*code);
      }
    }
  } catch (const Error&) {
    // A missing config is reported when a verb reads it, in the locale's words.
  }
  m_words.emplace(lang.value_or(lang_from_locale(m_env)));
}

std::string Runtime::help(std::string_view key) const {
  return std::string(words().text(fmt::format("help.{}", key)));
}

std::string Runtime::word(std::string_view prefix, std::string_view code) const {
  const auto key = fmt::format("{}.{}", prefix, code);
  return words().has(key) ? std::string(words().text(key)) : std::string(code);
}

const config::Config& Runtime::config() {
  if (!m_config) {
    const auto e = environment();
    const auto default_store = config::default_store_path(e);
    const auto file = config::discover(e);
    if (m_preloaded && file && m_preloaded->file == *file) m_config = std::move(*m_preloaded);
    else m_config = file ? config::load(*file, default_store) : config::defaults(default_store);
    m_preloaded.reset();
    if (!file) m_config->lang = lang() == Lang::zh ? "zh" : "en";
    // --store, then $DUBAN_STORE, override the config's store.
    if (options.store) m_config->store = *options.store;
    else if (auto v = env("DUBAN_STORE")) m_config->store = *v;
  }
  return *m_config;
}

store::Store& Runtime::store(store::Create create) {
  if (!m_store) {
    m_store.emplace(store::Store::open(config().store, create));
    for (const auto& w : m_store->warnings()) std::cerr << words()("warning.prefix") << w << '\n';
    // A command that may not create the store only reads it: it sees the
    // store as it stood at the clock (SPEC §4).
    if (create == store::Create::never) cases::read_as_of(*m_store, now());
  }
  return *m_store;
}

time::Instant Runtime::now() {
  if (!m_now) {
    std::optional<std::string> text = options.now;
    // --now, or the environment's $DUBAN_NOW.
    Fields where{.field = "now"};
    if (!text && (text = env("DUBAN_NOW"))) where.source = "$DUBAN_NOW";
    if (text) {
      auto at = time::parse_when(*text, config().zone);
      if (!at) {
        where.value = *text;
        throw Error(Kind::not_a_when, std::move(where));
      }
      m_now = cases::require_in_range(*at, where);
    } else {
      m_now =
          time::Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())};
    }
  }
  return *m_now;
}

std::string Runtime::actor() const {
  if (options.actor && !options.actor->empty()) return *options.actor;
  if (auto v = env("DUBAN_ACTOR")) return *v;
  if (const auto* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  if (auto v = env("USER")) return *v;
  return "unknown";
}

cases::Context Runtime::context(store::Create create) {
  auto& s = store(create);
  const auto who = actor();
  if (!util::is_valid_utf8(who)) throw Error(Kind::actor_not_utf8);
  // Receipt codes are random; DUBAN_RECEIPT_SEED makes them repeatable, for
  // tests and demonstrations, as --now does the clock.
  auto random = env("DUBAN_RECEIPT_SEED") ? cases::seeded_random(*env("DUBAN_RECEIPT_SEED"))
                                          : cases::system_random();
  return cases::Context{s, config(), now(), who, std::move(random)};
}

io::Format Runtime::format(std::initializer_list<io::Format> allowed) {
  const std::string name = options.format.value_or("table");
  auto f = io::parse_format(name);
  if (!f || std::find(allowed.begin(), allowed.end(), *f) == allowed.end()) {
    std::vector<std::string> names;
    for (auto a : allowed) names.emplace_back(io::to_string(a));
    throw Error(Kind::not_one_of, {.field = "format",
                                   .value = name,
                                   .nearest = config::nearest(name, names).value_or(""),
                                   .choices = names});
  }
  return *f;
}

io::RenderOptions Runtime::render_options() const {
  io::RenderOptions r;
  // Colour only for a person at a terminal, and never under NO_COLOR.
  r.color = m_out_is_terminal && !env("NO_COLOR");
  return r;
}

std::vector<std::int64_t> Runtime::ids(const std::vector<std::string>& words) {
  std::vector<std::string> all;
  bool stdin_read = false;
  for (const auto& w : words) {
    if (w != "-") {
      all.push_back(w);
      continue;
    }
    if (stdin_read) continue;
    stdin_read = true;
    std::string line;
    while (std::getline(in, line))
      if (const auto id = util::trim(line); !id.empty()) all.emplace_back(id);
  }
  auto ids = cases::parse_ids(all);
  if (ids.empty()) {
    if (stdin_read) throw NothingToDo{};
    throw Error(Kind::no_ids);
  }
  return ids;
}

std::int64_t Runtime::id(const std::string& word) {
  const auto all = ids({word});
  if (all.size() > 1) throw Error(Kind::one_id_only, {.value = std::to_string(all.size())});
  return all.front();
}

namespace {

std::vector<io::Column> case_columns(Runtime& rt, io::Format format) {
  if (format == io::Format::table) {
    const auto& w = rt.words();
    return {{"id", std::string(w("table.case.id")), true},
            {"status", std::string(w("table.case.status"))},
            {"class", std::string(w("table.case.class"))},
            {"lead_unit", std::string(w("table.case.lead"))},
            {"due_at", std::string(w("table.case.due"))},
            {"title", std::string(w("table.case.title"))}};
  }
  std::vector<io::Column> columns;
  const auto keys = cases::case_json(store::CaseRow{});
  for (const auto& [key, value] : keys.items()) columns.push_back({key, key});
  return columns;
}

}  // namespace

CaseStream::CaseStream(Runtime& rt, io::Format format)
    : m_rt(rt), m_format(format),
      // Programs get the full phone in JSON; people and spreadsheets a masked one.
      m_mask(!rt.options.show_contact && format != io::Format::json && format != io::Format::jsonl),
      m_zone(format == io::Format::table ? &rt.config().zone : nullptr),
      m_rows(rt.out, case_columns(rt, format), format, rt.render_options()) {}

io::Json CaseStream::object(const store::CaseRow& c) const {
  io::Json j;
  if (m_zone) {
    // A table shows its six columns (case_columns), and only they are made:
    // none of them is masked.
    const auto opt = [](const std::optional<std::string>& v) {
      return v ? io::Json(*v) : io::Json(nullptr);
    };
    j["id"] = c.id;
    j["status"] = m_rt.word("status", store::to_string(c.status));
    j["class"] = opt(c.klass);
    j["lead_unit"] = opt(c.lead_unit);
    j["due_at"] = c.due_at ? io::Json(time::format_local(*c.due_at, *m_zone)) : io::Json(nullptr);
    j["title"] = c.title;
    return j;
  }
  j = cases::case_json(c);
  if (m_mask) cases::mask_contact(j, c.confidential);
  return j;
}

void CaseStream::measure(const store::CaseRow& c) {
  if (measures()) m_rows.measure(object(c));
}

void CaseStream::write(const store::CaseRow& c) {
  if (m_format == io::Format::ids) {
    // Nothing but the id: no object made.
    m_rt.out << c.id << '\n';
    return;
  }
  m_rows.write(object(c));
}

void render_cases(Runtime& rt, const std::vector<store::CaseRow>& rows) {
  render_cases(rt, [&rows](const std::function<void(const store::CaseRow&)>& each) {
    for (const auto& c : rows) each(c);
  });
}

void render_cases(Runtime& rt, const CaseWalk& walk) {
  if (rt.options.quiet) return;
  const auto format = rt.format({io::Format::table, io::Format::json, io::Format::jsonl,
                                 io::Format::csv, io::Format::tsv, io::Format::ids});
  CaseStream stream(rt, format);
  if (stream.measures()) walk([&](const store::CaseRow& c) { stream.measure(c); });
  walk([&](const store::CaseRow& c) { stream.write(c); });
  stream.finish();
}

}  // namespace duban::cmd
