#include "catalogue.hpp"

#include <fmt/format.h>

namespace duban::cmd {

Catalogue::Catalogue(Lang lang) : m_lang(lang) {
  const auto parts = {words_common(), words_help(), words_reports()};
  std::size_t size = 0;
  for (auto part : parts) size += part.size();
  m_words.reserve(size);
  for (auto part : parts)
    for (const auto& e : part) m_words.emplace(e.key, lang == Lang::zh ? e.zh : e.en);
}

std::string_view Catalogue::text(std::string_view key) const {
  if (auto it = m_words.find(key); it != m_words.end()) return it->second;
  auto it = m_missing.find(key);
  if (it == m_missing.end())
    it = m_missing.emplace(std::string(key), fmt::format("⟦{}⟧", key)).first;
  return it->second;
}

bool Catalogue::has(std::string_view key) const { return m_words.count(key) > 0; }

Lang lang_from_locale(const std::map<std::string, std::string>& env) {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    auto it = env.find(name);
    if (it == env.end() || it->second.empty()) continue;
    return it->second.starts_with("zh") ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "zh") return Lang::zh;
  if (code == "en") return Lang::en;
  return std::nullopt;
}

}  // namespace duban::cmd
