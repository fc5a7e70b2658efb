#include "io/records.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "io/formats.hpp"
#include "util/error.hpp"

namespace duban::io {

namespace {

using Json = nlohmann::ordered_json;

// The reason in nlohmann's message, without its "[json.exception...] parse
// error at line 1, column 5: " prefix, which would name the wrong line.
std::string parse_reason(const Json::parse_error& error) {
  const std::string_view what = error.what();
  const auto column = what.find("column ");
  const auto colon = what.find(": ", column == std::string_view::npos ? 0 : column);
  return colon == std::string_view::npos ? std::string(what) : std::string(what.substr(colon + 2));
}

// A field value as text; throws for shapes a record field cannot hold.
std::string field_text(const std::string& key, const Json& value, std::string_view source,
                       std::size_t line) {
  if (value.is_string()) {
    auto text = value.get<std::string>();
    if (text.find('\0') != std::string::npos) fail_at(source, line, Kind::json_nul, {.field = key});
    return text;
  }
  if (value.is_number() || value.is_boolean()) return value.dump();
  if (value.is_array()) {
    std::string joined;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) fail_at(source, line, Kind::json_bad_value, {.field = key});
      joined += (i == 0 ? "" : ";") + field_text(key, value[i], source, line);
    }
    return joined;
  }
  fail_at(source, line, Kind::json_bad_value, {.field = key});
}

Record parse_line(std::string_view text, std::string_view source, std::size_t line) {
  // nlohmann keeps the last of duplicate keys silently; a typo must not drop data.
  std::set<std::string> keys;
  const auto reject_duplicates = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::key && depth == 1 &&
        !keys.insert(parsed.get<std::string>()).second) {
      fail_at(source, line, Kind::json_duplicate_key, {.field = parsed.get<std::string>()});
    }
    return true;
  };
  Json object;
  try {
    object = Json::parse(text, reject_duplicates);
  } catch (const Json::parse_error& error) {
    fail_at(source, line, Kind::json_invalid, {.value = parse_reason(error)});
  }
  if (!object.is_object())
    fail_at(source, line, Kind::json_not_object, {.value = object.type_name()});

  Record record;
  record.line = line;
  for (const auto& [key, value] : object.items()) {
    if (!value.is_null()) record.fields.emplace_back(key, field_text(key, value, source, line));
  }
  return record;
}

}  // namespace

namespace detail {

void JsonlParser::feed(std::string_view line, std::size_t number, std::deque<Record>& out) {
  if (line.ends_with('\n')) line.remove_suffix(1);
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  // Every bad line is reported, not only the first: a file is fixed in one go.
  try {
    out.push_back(parse_line(line, m_source, number));
  } catch (Error& e) {
    m_faults.push_back(std::move(e));
  }
}

void JsonlParser::finish() {
  if (m_faults.size() == 1) throw std::move(m_faults.front());
  if (!m_faults.empty()) {
    Error several(Kind::several);
    several.faults = std::move(m_faults);
    throw several;
  }
}

}  // namespace detail

std::vector<Record> read_jsonl(std::string_view text, std::string_view source) {
  return detail::read_all(text, RecordFormat::jsonl, source);
}

}  // namespace duban::io
