// The one catalogue of words a person reads (SPEC §10): every help text,
// header, status word, report and reminder text, in zh and en, by stable
// key. Its entries live in words_*.cpp, one file per area; errors are worded
// in errors.cpp. The library names keys only (util/words.hpp).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/words.hpp"

namespace duban::cmd {

enum class Lang { zh, en };

struct Entry {
  std::string_view key, zh, en;
};

class Catalogue : public Words {
public:
  explicit Catalogue(Lang lang);
  Lang lang() const noexcept { return m_lang; }
  // A key missing from the catalogue is shown as ⟦key⟧, so that a test of
  // the screens finds it; it never aborts a user's command.
  std::string_view text(std::string_view key) const override;
  bool has(std::string_view key) const;

private:
  Lang m_lang;
  // Hashed: built at every start, in a fifth of the time of a tree (issue 10).
  std::unordered_map<std::string_view, std::string_view> m_words;
  mutable std::map<std::string, std::string, std::less<>> m_missing;
};

// The parts of the catalogue, each kept with its area.
std::span<const Entry> words_common();   // status and outcome words, table headers, shared phrases
std::span<const Entry> words_help();     // --help of every command and option
std::span<const Entry> words_reports();  // reports, reminders, escalation mail, slips

// zh when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with "zh",
// else en: the language with no config (SPEC §10).
Lang lang_from_locale(const std::map<std::string, std::string>& env);
std::optional<Lang> parse_lang(std::string_view code);

}  // namespace duban::cmd
