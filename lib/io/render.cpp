#include "io/render.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "util/utf8.hpp"

namespace duban::io {

namespace {

constexpr std::array<std::pair<std::string_view, Format>, 8> k_formats{{
    {"table", Format::table},
    {"json", Format::json},
    {"jsonl", Format::jsonl},
    {"csv", Format::csv},
    {"tsv", Format::tsv},
    {"ids", Format::ids},
    {"md", Format::md},
    {"html", Format::html},
}};

constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";

const Json* find(const Json& row, const std::string& key) {
  if (!row.is_object()) return nullptr;
  const auto it = row.find(key);
  return it == row.end() ? nullptr : &*it;
}

std::string cell(const Json& row, const Column& column, std::string_view separator) {
  const Json* value = find(row, column.key);
  return value != nullptr ? cell_text(*value, separator) : "";
}

// Tabs and line breaks would break a TSV file's layout.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  return text;
}

std::string double_text(double value) {
  if (!std::isfinite(value)) return "";
  std::array<char, 400> buffer{};  // fixed notation of 1e308 needs 316
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                     std::chars_format::fixed, 6);
  std::string text(buffer.data(), written.ptr);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

// Our CSV reader drops spaces around unquoted cells, so such cells are
// quoted too, to read back the same.
std::string csv_cell(const std::string& text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                     (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                        text.back() == ' ' || text.back() == '\t'));
  if (!quote) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + '"';
}

// A cell a spreadsheet would run as a formula (OWASP "CSV injection");
// a leading ' makes Excel, WPS and LibreOffice read it as text.
bool runs_as_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

// A cell of csv/tsv: numbers as they are (-3 is not a formula), text made
// inert, TSV on one line.
std::string delimited_cell(const Json& row, const Column& column, char separator) {
  const Json* value = find(row, column.key);
  if (value == nullptr) return "";
  std::string text = cell_text(*value, ";");
  if (!value->is_number() && runs_as_formula(text)) text.insert(0, 1, '\'');
  return separator == ',' ? csv_cell(text) : one_line(std::move(text));
}

void write_separated(std::ostream& out, const std::vector<std::string>& cells, char separator) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << separator;
    out << cells[i];
  }
  out << '\n';
}

void render_table(std::ostream& out, const std::vector<Column>& columns,
                  const std::vector<Json>& rows, const RenderOptions& options) {
  if (rows.empty()) return;
  std::vector<std::vector<std::string>> lines(1);
  for (const Column& column : columns) lines[0].push_back(util::escape_controls(column.header));
  for (const Json& row : rows) {
    auto& line = lines.emplace_back();
    for (const Column& column : columns)
      line.push_back(util::escape_controls(cell(row, column, ", ")));
  }
  std::vector<std::size_t> widths(columns.size(), 0);
  for (const auto& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      widths[i] = std::max(widths[i], util::display_width(line[i]));
    }
  }
  for (std::size_t l = 0; l < lines.size(); ++l) {
    std::string text;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) text += "  ";
      text += util::pad(lines[l][i], widths[i],
                        columns[i].numeric ? util::Align::right : util::Align::left);
    }
    text.erase(text.find_last_not_of(' ') + 1);
    if (l == 0 && options.color) text = std::string(k_bold) + text + std::string(k_reset);
    out << text << '\n';
  }
}

void render_md(std::ostream& out, const std::vector<Column>& columns,
               const std::vector<Json>& rows) {
  std::string header = "|";
  std::string rule = "|";
  for (const Column& column : columns) {
    header += " " + md_text(column.header) + " |";
    rule += column.numeric ? " ---: |" : " --- |";
  }
  out << header << '\n' << rule << '\n';
  for (const Json& row : rows) {
    std::string line = "|";
    for (const Column& column : columns) line += " " + md_text(cell(row, column, ", ")) + " |";
    out << line << '\n';
  }
}

void render_delimited(std::ostream& out, const std::vector<Column>& columns,
                      const std::vector<Json>& rows, char separator) {
  std::vector<std::string> cells;
  for (const Column& column : columns)
    cells.push_back(separator == ',' ? csv_cell(column.key) : one_line(column.key));
  write_separated(out, cells, separator);
  for (const Json& row : rows) {
    cells.clear();
    for (const Column& column : columns) cells.push_back(delimited_cell(row, column, separator));
    write_separated(out, cells, separator);
  }
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [text, format] : k_formats) {
    if (name == text) return format;
  }
  return std::nullopt;
}

std::string_view to_string(Format f) {
  for (const auto& [text, format] : k_formats) {
    if (f == format) return text;
  }
  return "";
}

std::string md_text(std::string_view text) {
  std::string escaped;
  for (std::size_t begin = 0; begin <= text.size();) {
    auto end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (begin > 0) escaped += "<br>";
    std::string line(text.substr(begin, end - begin));
    std::erase(line, '\r');
    for (const char c : util::escape_controls(line)) {
      switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '|': escaped += "\\|"; break;
      default: escaped += c;
      }
    }
    begin = end + 1;
  }
  return escaped;
}

std::string cell_text(const Json& value, std::string_view separator) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return double_text(value.get<double>());
  if (value.is_array()) {
    std::string joined;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i > 0) joined += separator;
      joined += cell_text(value[i], separator);
    }
    return joined;
  }
  return value.dump();  // integers, booleans; an object as compact JSON
}

void render_rows(std::ostream& out, const std::vector<Column>& columns,
                 const std::vector<Json>& rows, Format format, const RenderOptions& options) {
  switch (format) {
  case Format::table: render_table(out, columns, rows, options); return;
  case Format::json: {
    Json array = Json::array();
    for (const Json& row : rows) array.push_back(row);
    out << array.dump(2) << '\n';
    return;
  }
  case Format::jsonl:
    for (const Json& row : rows) out << row.dump() << '\n';
    return;
  case Format::csv: render_delimited(out, columns, rows, ','); return;
  case Format::tsv: render_delimited(out, columns, rows, '\t'); return;
  case Format::ids:
    for (const Json& row : rows) {
      const Json* id = find(row, "id");
      if (id != nullptr && !id->is_null()) out << cell_text(*id) << '\n';
    }
    return;
  case Format::md: render_md(out, columns, rows); return;
  case Format::html: break;
  }
  throw std::invalid_argument("render_rows: html is not a row format");
}

}  // namespace duban::io
