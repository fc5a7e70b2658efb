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
// {choices} (joined), {a} and {b} (the first two choices), {source}, {line};
// {at}: {where} and ": ", or nothing when there is no where.
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

    // --- config (lib/config) ---------------------------------------------
    case Kind::unknown_unit:
      return {Exit::unavailable, "{where}: 没有单位“{value}”（代码或名称）{nearest}",
              "{where}: unknown unit '{value}' (neither a code nor a name){nearest}"};
    case Kind::unknown_category:
      return {Exit::unavailable, "{where}: 没有类别“{value}”（代码或名称）{nearest}",
              "{where}: unknown category '{value}' (neither a code nor a name){nearest}"};
    case Kind::unknown_channel:
      return {Exit::unavailable, "{where}: 没有渠道“{value}”（代码或名称）{nearest}",
              "{where}: unknown channel '{value}' (neither a code nor a name){nearest}"};
    case Kind::unknown_meeting:
      return {Exit::unavailable, "{where}: 没有会议“{value}”（编号或名称）{nearest}",
              "{where}: no meeting '{value}' (neither an id nor a title){nearest}"};
    case Kind::ambiguous_name:
      return {Exit::usage, "{where}: “{value}” 是多个的名称（{choices}），请用代码",
              "{where}: '{value}' is the name of several ({choices}); give the code"};
    case Kind::config_missing:
      return {Exit::no_input, "没有配置文件 {source}", "no config file at {source}"};
    case Kind::config_unreadable:
      return {Exit::no_input, "无法读取配置文件 {source}", "cannot read config {source}"};
    case Kind::config_syntax:
      return {Exit::config, "{where}: 不是有效的 TOML：{value}", "{where}: not valid TOML: {value}"};
    case Kind::config_unknown_key:
      return {Exit::config, "{where}: 未知的键{nearest}", "{where}: unknown key{nearest}"};
    case Kind::config_not_string:
      return {Exit::config, "{where}: 必须是字符串", "{where}: must be a string"};
    case Kind::config_empty:
      return {Exit::config, "{where}: 不能为空", "{where}: must not be empty"};
    case Kind::config_not_code:
      return {Exit::config, "{where}: “{value}” 不是代码：只用字母、数字、“_”、“-”、“.”（不含空格或逗号）",
              "{where}: '{value}' is not a code: use letters, digits, '_', '-' and '.' "
              "(no spaces or commas)"};
    case Kind::config_not_duration:
      return {Exit::config, "{where}: “{value}” 不是时长（如 2h、3d、5wd、1mo）",
              "{where}: '{value}' is not a duration (2h, 3d, 5wd, 1mo)"};
    case Kind::config_not_strings:
      return {Exit::config, "{where}: 必须是字符串数组", "{where}: must be an array of strings"};
    case Kind::config_not_table:
      return {Exit::config, "{where}: 必须是表", "{where}: must be a table"};
    case Kind::config_not_tables:
      return {Exit::config, "{where}: 必须写成 [[表]]", "{where}: must be written as [[tables]]"};
    case Kind::config_not_channel:
      return {Exit::config, "{where}: 渠道须是代码字符串或 {{ code = \"…\", name = \"…\" }}",
              "{where}: a channel is a code or {{ code = \"...\", name = \"...\" }}"};
    case Kind::config_not_resolve:
      return {Exit::config, "{where}: 必须是时长或表 {{ A = …, B = …, C = … }}",
              "{where}: must be a duration or a table {{ A = ..., B = ..., C = ... }}"};
    case Kind::config_no_class:
      return {Exit::config, "{where}: 缺少 {value} 类的时长",
              "{where}: has no duration for class {value}"};
    case Kind::config_needs:
      return {Exit::config, "{where}: 每个 [[{value}]] 都需要此项", "{where}: every [[{value}]] needs it"};
    case Kind::config_twice:
      return {Exit::config, "{where}: “{value}” 重复定义", "{where}: '{value}' is defined twice"};
    case Kind::config_not_weekday:
      return {Exit::config, "{where}: “{value}” 不是星期几（mon .. sun）",
              "{where}: '{value}' is not a weekday (mon .. sun)"};
    case Kind::config_no_workday:
      return {Exit::config, "{where}: 七天都是周末，至少要有一个工作日",
              "{where}: lists all seven days; at least one must be a working day"};
    case Kind::config_not_day_range:
      return {Exit::config, "{where}: “{value}” 不是日期（2025-10-01）或日期范围（2025-10-01..2025-10-08）",
              "{where}: '{value}' is not a date (2025-10-01) or a range (2025-10-01..2025-10-08)"};
    case Kind::config_holiday_workday:
      return {Exit::config, "{where}: {value} 既是节假日又是调休工作日",
              "{where}: {value} is both a holiday and a make-up working day"};
    case Kind::config_unknown_name:
      return {Exit::config, "{where}: 没有“{value}”{nearest}", "{where}: unknown '{value}'{nearest}"};
    case Kind::config_own_ancestor:
      return {Exit::config, "{where}: 单位“{value}”是自己的上级",
              "{where}: unit '{value}' is its own ancestor"};
    case Kind::config_rule_match:
      return {Exit::config, "{where}: 规则需要 channel 和/或 category 来匹配",
              "{where}: a rule needs a channel and/or a category to match on"};
    case Kind::config_rule_duration:
      return {Exit::config, "{where}: 规则需要 ack 或 resolve 时长",
              "{where}: a rule needs an ack or a resolve duration"};
    case Kind::config_not_one_of:
      return {Exit::config, "{where}: “{value}” 不是 {choices} 之一",
              "{where}: '{value}' is not one of {choices}"};
    case Kind::config_out_of_range:
      return {Exit::config, "{where}: 必须是 {a} 到 {b} 之间的数",
              "{where}: must be a number from {a} to {b}"};
    case Kind::config_no_weight:
      return {Exit::config, "{where}: 至少一个权重要大于 0", "{where}: at least one weight must be above 0"};
    case Kind::config_not_zone:
      return {Exit::config, "{where}: “{value}” 不是 IANA 时区（如 Asia/Shanghai）",
              "{where}: '{value}' is not an IANA time zone (such as Asia/Shanghai)"};

    // --- input files (lib/io) --------------------------------------------
    case Kind::file_nul:
      return {Exit::data, "{where}: 含 NUL 字节（不是文本；UTF-16 文件请另存为 UTF-8）",
              "{where}: NUL byte (not text; a UTF-16 file must be saved as UTF-8)"};
    case Kind::not_utf8:
      return {Exit::data, "{where}: 不是有效的 UTF-8", "{where}: invalid UTF-8"};
    case Kind::not_utf8_gb18030:
      return {Exit::data, "{where}: 不是有效的 UTF-8，但可按 GB18030 读出：请加 --encoding gb18030",
              "{where}: invalid UTF-8, but it reads as GB18030: give --encoding gb18030"};
    case Kind::utf8_not_gb18030:
      return {Exit::data, "{where}: 给了 --encoding gb18030，但文件是含中文的有效 UTF-8：去掉 --encoding 再试",
              "{where}: --encoding gb18030 given, but the file is valid UTF-8 with non-ASCII text; "
              "leave --encoding out"};
    case Kind::unknown_encoding:
      return {Exit::usage, "--encoding: 未知的编码“{value}”", "--encoding: unknown encoding '{value}'"};
    case Kind::bad_encoding_bytes:
      return {Exit::data, "{where}: 不是有效的 {value} 字节序列", "{where}: invalid {value} byte sequence"};
    case Kind::csv_stray_quote:
      return {Exit::data, "{where}: 单元格中有多余的 '\"'（请给整个单元格加引号，里面的引号写两遍）",
              "{where}: stray '\"' in a cell (quote the whole cell and double the quotes inside)"};
    case Kind::csv_unclosed_quote:
      return {Exit::data, "{where}: 带引号的单元格没有结束", "{where}: quoted cell is never closed"};
    case Kind::csv_unnamed_column:
      return {Exit::data, "{where}: 第 {value} 列没有列名", "{where}: column {value} has no name"};
    case Kind::csv_duplicate_column:
      return {Exit::data, "{where}: 列“{value}”重复", "{where}: duplicate column '{value}'"};
    case Kind::csv_cell_count:
      return {Exit::data, "{where}: 有 {value} 个单元格，但表头有 {a} 列",
              "{where}: {value} cells, but the header has {a} columns"};
    case Kind::json_invalid:
      return {Exit::data, "{where}: 不是有效的 JSON（{value}）", "{where}: invalid JSON: {value}"};
    case Kind::json_not_object:
      return {Exit::data, "{where}: 应是 JSON 对象，而不是 {value}",
              "{where}: expected a JSON object, not {value}"};
    case Kind::json_duplicate_key:
      return {Exit::data, "{where}: 键重复", "{where}: duplicate key"};
    case Kind::json_bad_value:
      return {Exit::data, "{where}: 必须是字符串、数字或字符串数组",
              "{where}: must be a string, a number or an array of strings"};
    case Kind::json_nul:
      return {Exit::data, "{where}: 含 NUL（\\u0000）", "{where}: holds a NUL (\\u0000)"};

    // --- the store (lib/store) -------------------------------------------
    case Kind::store_missing:
      return {Exit::no_input, "没有存储文件 {source}（先运行 “duban init” 创建）",
              "no store at {source} (run 'duban init' to create one)"};
    case Kind::store_empty:
      return {Exit::no_input, "{source} 是空文件，不是 duban 存储（先运行 “duban init” 创建）",
              "{source} is empty, not a duban store (run 'duban init' to create one)"};
    case Kind::store_newer:
      return {Exit::data, "存储 {source} 的结构版本 {value} 比本 duban 认识的（{a}）新：请升级 duban",
              "the store {source} has schema version {value}, newer than this duban knows ({a}); "
              "upgrade duban"};
    case Kind::store_foreign:
      return {Exit::data, "{source} 是 SQLite 文件，但不是 duban 存储",
              "{source} is an SQLite file but not a duban store"};
    case Kind::store_cant_create:
      return {Exit::cant_create, "无法创建 {source}：{value}", "cannot create {source}: {value}"};
    case Kind::store_busy:
      return {Exit::busy, "存储正忙（另一个 duban 正在写入），请稍后再试",
              "the store is busy (another duban is writing); try again"};
    case Kind::store_damaged:
      return {
          Exit::data, "存储 {source} 不是 duban 存储或已损坏（{value}）：运行 “duban doctor”",
          "the store {source} is not a duban store or is damaged ({value}); run 'duban doctor'"};
    case Kind::store_bad_row:
      return {Exit::data, "存储中有 duban 不会写出的数据：{field} “{value}”",
              "the store holds what duban never writes: {field} '{value}'"};
    case Kind::store_constraint:
      return {Exit::data, "{at}存储拒绝了这一行（{value}）", "{at}the store refused the row ({value})"};
    case Kind::store_io:
      return {Exit::io, "无法读写存储 {source}：{value}",
              "cannot read or write the store {source}: {value}"};

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
    case Kind::out_of_range:
    case Kind::ambiguous_name: return true;
    default: return false;
  }
}

// Kinds naming what does not exist: 69 from the command line, but a file
// that names it holds bad data (65), like a bad value.
bool is_name_fault(Kind kind) {
  switch (kind) {
    case Kind::unknown_unit:
    case Kind::unknown_category:
    case Kind::unknown_channel:
    case Kind::unknown_meeting: return true;
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
  const std::string where = where_of(f);
  return fmt::vformat(
      text, fmt::make_format_args(
                fmt::arg("where", where), fmt::arg("at", where.empty() ? where : where + ": "),
                fmt::arg("value", f.value), fmt::arg("nearest", nearest), fmt::arg("case", case_id),
                fmt::arg("choices", choices), fmt::arg("a", a), fmt::arg("b", b),
                fmt::arg("source", f.source), fmt::arg("line", f.line)));
}

}  // namespace

int exit_code(const Error& e) {
  if (e.kind() == Kind::legacy) return static_cast<int>(e.code());
  if (e.kind() == Kind::several && !e.faults.empty()) return exit_code(e.faults.front());
  if ((is_value_fault(e.kind()) || is_name_fault(e.kind())) && !e.fields().source.empty())
    return static_cast<int>(Exit::data);
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
