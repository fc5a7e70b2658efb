// Every kind of fault the library throws, with its exit code (SPEC §6) and
// its words in zh and en. A kind with no words here fails the build
// (-Wswitch): every fault a user can meet is worded.
#include "errors.hpp"

#include <fmt/format.h>

#include <map>

namespace duban::cmd {

namespace {

struct Wording {
  Exit exit;
  std::string_view zh, en;
};

// The placeholders a wording may use: {where} (the option, or file:line:
// field), {value}, {nearest} (the did-you-mean hint, or nothing), {case},
// {choices} (joined), {a} and {b} (the first two choices), {source}, {line}.
// A fault in a value is bad usage (64) on the command line and bad data (65)
// in a file: `input` marks those kinds.
Wording wording(Kind kind) {
  switch (kind) {
    // --- values given by a person or a file ------------------------------
    case Kind::required: return {Exit::usage, "{where}: 必须给出", "{where} is required"};
    case Kind::not_one_of:
      return {Exit::usage, "{where}: “{value}” 不是 {choices} 之一{nearest}",
              "{where} '{value}' is not one of {choices}{nearest}"};
    case Kind::not_a_when:
      return {Exit::usage, "{where}: “{value}” 不是时间（如 2025-09-27、2025-09-27 09:00、2025/9/27 9:00）",
              "{where} '{value}' is not a time (2025-09-27, 2025-09-27 09:00, 2025/9/27 9:00)"};
    case Kind::not_a_duration:
      return {Exit::usage, "{where}: “{value}” 不是时长（如 2h、3d、5wd、1mo）",
              "{where} '{value}' is not a duration (2h, 3d, 5wd, 1mo)"};
    case Kind::not_a_date:
      return {Exit::usage, "{where}: “{value}” 不是日期（如 2025-09-27）",
              "{where} '{value}' is not a date (2025-09-27)"};
    case Kind::not_a_number:
      return {Exit::usage, "{where}: “{value}” 不是整数", "{where} '{value}' is not a whole number"};
    case Kind::out_of_range:
      return {Exit::usage, "{where}: {value} 不在 {a}..{b} 之内", "{where} {value} is outside {a}..{b}"};
    case Kind::several: return {Exit::data, "", ""};

    // --- cases (lib/cases) -----------------------------------------------

    // --- supervision and reports (lib/supervise, lib/report) -------------
    case Kind::level_not_raised:
      return {Exit::usage, "案件 {case} 已在第 {a} 级，{where} {value} 不是升级",
              "case {case} is at level {a}; {where} {value} does not raise it"};
    case Kind::not_above:
      return {Exit::usage, "“{value}” 不是 “{a}” 的上级单位：{where} 只能把案件移交上级",
              "'{value}' is not above '{a}' in the unit tree; {where} moves a case up only"};
    case Kind::whistle_without_units:
      return {Exit::usage, "{where}: 至少要给出一个单位", "{where} needs at least one unit"};
    case Kind::no_meeting:
      return {Exit::unavailable, "没有会议 {value}{nearest}", "no meeting {value}{nearest}"};
    case Kind::not_a_month:
      return {Exit::usage, "{where}: “{value}” 不是月份（如 2026-10、previous、current）",
              "{where} '{value}' is not a month (2026-10, previous, current)"};
    case Kind::empty_period:
      return {Exit::usage, "{where} {value} 须早于 {a}：统计期间为 [from, to)",
              "{where} {value} must come before {a}: the period is [from, to)"};
    case Kind::one_mode_of:
      return {Exit::usage, "须给出且只给出 {choices} 之一", "give exactly one of {choices}"};
    case Kind::no_ids_with:
      return {Exit::usage, "{where} 作用于所有案件，不要给出案件编号",
              "{where} applies to every case; give no ids"};
    case Kind::options_conflict:
      return {Exit::usage, "{where} 与 {a} 不能同时给出", "give {where} or {a}, not both"};
    case Kind::option_needs:
      return {Exit::usage, "{where} 须与 {a} 一起使用", "{where} goes with {a}"};

    // --- config (lib/config) ---------------------------------------------

    // --- input files (lib/io) --------------------------------------------

    // --- the store (lib/store) -------------------------------------------

    case Kind::legacy: return {Exit::io, "", ""};
  }
  return {Exit::io, "", ""};
}

// Kinds whose fault lies in a value: 64 from the command line, 65 from a file.
bool is_value_fault(Kind kind) {
  switch (kind) {
    case Kind::required:
    case Kind::not_one_of:
    case Kind::not_a_when:
    case Kind::not_a_duration:
    case Kind::not_a_date:
    case Kind::not_a_number:
    case Kind::out_of_range: return true;
    default: return false;
  }
}

std::string where_of(const Fields& f) {
  if (f.source.empty()) return f.field.empty() ? std::string() : option_of(f.field);
  std::string where = f.source;
  if (f.line > 0) where += fmt::format(":{}", f.line);
  if (f.column > 0) where += fmt::format(":{}", f.column);
  if (!f.field.empty()) where += ": " + f.field;
  return where;
}

std::string one(const Error& e, const Catalogue& words) {
  if (e.kind() == Kind::legacy) return e.what();
  const auto& f = e.fields();
  const auto w = wording(e.kind());
  const auto text = words.lang() == Lang::zh ? w.zh : w.en;
  const std::string nearest = f.nearest.empty() ? std::string() : words.format("error.nearest", f.nearest);
  const std::string choices = fmt::format("{}", fmt::join(f.choices, words("list.sep")));
  const std::string a = f.choices.size() > 0 ? f.choices[0] : std::string();
  const std::string b = f.choices.size() > 1 ? f.choices[1] : std::string();
  const std::string case_id = f.case_id ? std::to_string(*f.case_id) : std::string();
  return fmt::vformat(text, fmt::make_format_args(
      fmt::arg("where", where_of(f)), fmt::arg("value", f.value), fmt::arg("nearest", nearest),
      fmt::arg("case", case_id), fmt::arg("choices", choices), fmt::arg("a", a), fmt::arg("b", b),
      fmt::arg("source", f.source), fmt::arg("line", f.line)));
}

}  // namespace

int exit_code(const Error& e) {
  if (e.kind() == Kind::legacy) return static_cast<int>(e.code());
  if (e.kind() == Kind::several && !e.faults.empty()) return exit_code(e.faults.front());
  if (is_value_fault(e.kind()) && !e.fields().source.empty()) return static_cast<int>(Exit::data);
  return static_cast<int>(wording(e.kind()).exit);
}

std::string describe(const Error& e, const Catalogue& words) {
  if (e.kind() != Kind::several) return one(e, words);
  std::string out;
  for (const auto& f : e.faults) {
    if (!out.empty()) out += '\n';
    out += one(f, words);
  }
  return out;
}

std::string option_of(std::string_view field) {
  // Where an option's name differs from the field it sets (SPEC §9).
  static const std::map<std::string_view, std::string_view> k_options = {
      {"lead_unit", "lead"}, {"co_units", "co"}, {"received_at", "received"},
      {"due_at", "due"},     {"klass", "class"},
  };
  std::string name(field);
  if (auto it = k_options.find(field); it != k_options.end()) name = it->second;
  for (auto& c : name)
    if (c == '_') c = '-';
  return "--" + name;
}

}  // namespace duban::cmd
