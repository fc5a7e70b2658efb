// What every verb shares: the global options, the environment read once in
// main, and the config, store and clock opened only when a verb asks.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cases/cases.hpp"
#include "catalogue.hpp"
#include "config/config.hpp"
#include "io/render.hpp"
#include "store/store.hpp"

namespace duban::cmd {

struct GlobalOptions {
  std::optional<std::string> config, store, actor, now, format;
  bool quiet = false;
  // A requester's phone in full outside JSON (SPEC §8: masked by default).
  bool show_contact = false;
};

// Thrown when ids were to come from standard input and none came: the
// command has nothing to do, and main exits 0 having done nothing.
struct NothingToDo {};

class Runtime {
public:
  Runtime(std::map<std::string, std::string> env, std::istream& in, std::ostream& out,
          bool out_is_terminal);

  GlobalOptions options;
  std::istream& in;
  std::ostream& out;
  // The verb chosen on the command line; run after parsing succeeds.
  std::function<void()> action;
  // What main returns when the action succeeds: 1 where a check found
  // something and a flag asked to be told (remind --exit-code).
  int exit_status = 0;

  // The language of every word shown (SPEC §10): the config's `lang`, read
  // from the config the command line names before any option is parsed;
  // with no config, the locale's. Chosen once, before the help is built.
  void choose_language(int argc, char** argv);
  const Catalogue& words() const { return *m_words; }
  // The help text of "help.<key>" ("assign.lead"), for CLI11.
  std::string help(std::string_view key) const;
  // The word for a code, "<prefix>.<code>" ("status", "listed" → 已交办), or
  // the code itself when the catalogue has none.
  std::string word(std::string_view prefix, std::string_view code) const;
  Lang lang() const { return m_words->lang(); }

  const config::Config& config();
  store::Store& store(store::Create create = store::Create::if_missing);
  time::Instant now();
  std::string actor() const;
  cases::Context context(store::Create create = store::Create::if_missing);
  config::Environment environment() const;
  std::optional<std::string> env(const std::string& name) const;

  // --format, checked against what the verb can render.
  io::Format format(std::initializer_list<io::Format> allowed);
  io::RenderOptions render_options() const;

  // Ids from arguments; "-" reads more from standard input, one a line.
  // None at all is Error(Kind::no_ids); a "-" that read none throws
  // NothingToDo (SPEC §6: like `xargs -r`).
  std::vector<std::int64_t> ids(const std::vector<std::string>& words);
  // The one id of a command that takes one (an argument, or "-" reading one
  // line): several are Error(Kind::one_id_only), never some dropped.
  std::int64_t id(const std::string& word);

private:
  std::map<std::string, std::string> m_env;
  bool m_out_is_terminal;
  std::optional<Catalogue> m_words;  // made once, by choose_language
  std::optional<config::Config> m_config;
  std::optional<config::Config> m_preloaded;  // read by choose_language, for config()
  std::optional<store::Store> m_store;
  std::optional<time::Instant> m_now;
};

// Each verb adds its subcommand and sets Runtime::action when chosen.
using Register = void (*)(CLI::App& app, Runtime& rt);

// The options of intake's fields (cmd/intake.cpp), for intake and amend:
// amend corrects them all but class, received and proxy (SPEC §3).
enum class IntakeOptionSet { intake, amend };
void add_intake_field_options(CLI::App& sub, Runtime& rt, cases::IntakeFields& fields,
                              IntakeOptionSet set);

void register_init(CLI::App&, Runtime&);
void register_intake(CLI::App&, Runtime&);
void register_assign(CLI::App&, Runtime&);
void register_ack(CLI::App&, Runtime&);
void register_return(CLI::App&, Runtime&);
void register_note(CLI::App&, Runtime&);
void register_resolve(CLI::App&, Runtime&);
void register_close(CLI::App&, Runtime&);
void register_reopen(CLI::App&, Runtime&);
void register_followup(CLI::App&, Runtime&);
void register_escalate(CLI::App&, Runtime&);
void register_remind(CLI::App&, Runtime&);
void register_report(CLI::App&, Runtime&);
void register_list(CLI::App&, Runtime&);
void register_show(CLI::App&, Runtime&);
void register_slip(CLI::App&, Runtime&);
void register_meeting(CLI::App&, Runtime&);
void register_unit(CLI::App&, Runtime&);
void register_doctor(CLI::App&, Runtime&);
void register_backup(CLI::App&, Runtime&);
void register_suspend(CLI::App&, Runtime&);
void register_resume(CLI::App&, Runtime&);
void register_extend(CLI::App&, Runtime&);
void register_merge(CLI::App&, Runtime&);
void register_unmerge(CLI::App&, Runtime&);
void register_appeal(CLI::App&, Runtime&);
void register_amend(CLI::App&, Runtime&);
void register_topic(CLI::App&, Runtime&);

// Renders cases: a short table, or every field of SPEC §9 for programs.
void render_cases(Runtime& rt, const std::vector<store::CaseRow>& rows);
// The same of the cases a walk gives, one held at a time; a table walks
// them twice (its widths first), in the same order.
using CaseWalk = std::function<void(const std::function<void(const store::CaseRow&)>&)>;
void render_cases(Runtime& rt, const CaseWalk& walk);

// The same one case at a time, none held (io::RowStream): a table measures
// every case first, then writes every case, in the same order.
class CaseStream {
public:
  CaseStream(Runtime& rt, io::Format format);
  bool measures() const { return m_rows.measures(); }
  void measure(const store::CaseRow& c);
  void write(const store::CaseRow& c);
  // A case as its row is made, to measure and write it later without
  // making it again.
  io::Json object(const store::CaseRow& c) const;
  void measure(const io::Json& row) { m_rows.measure(row); }
  void write(const io::Json& row) { m_rows.write(row); }
  void finish() { m_rows.finish(); }

private:
  Runtime& m_rt;
  io::Format m_format;
  bool m_mask;
  const time::Zone* m_zone = nullptr;  // a table's, for its instants
  io::RowStream m_rows;
};

}  // namespace duban::cmd
