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
  RowStream stream(out, columns, format, options);
  if (stream.measures())
    for (const Json& row : rows) stream.measure(row);
  for (const Json& row : rows) stream.write(row);
  stream.finish();
}

RowStream::RowStream(std::ostream& out, std::vector<Column> columns, Format format,
                     const RenderOptions& options)
    : m_out(out), m_columns(std::move(columns)), m_format(format), m_options(options) {
  if (format == Format::html) throw std::invalid_argument("render_rows: html is not a row format");
  if (format == Format::table) {
    m_widths.assign(m_columns.size(), 0);
    for (std::size_t i = 0; i < m_columns.size(); ++i)
      m_widths[i] = util::display_width(util::escape_controls(m_columns[i].header));
  }
}

void RowStream::measure(const Json& row) {
  if (m_format != Format::table) return;
  for (std::size_t i = 0; i < m_columns.size(); ++i)
    m_widths[i] = std::max(
        m_widths[i], util::display_width(util::escape_controls(cell(row, m_columns[i], ", "))));
}

// What comes before the first row: the header of a table, CSV, TSV or Markdown.
void RowStream::begin() {
  if (m_begun) return;
  m_begun = true;
  switch (m_format) {
  case Format::table: {
    m_line.clear();
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      if (i > 0) m_line += "  ";
      m_line += util::pad(util::escape_controls(m_columns[i].header), m_widths[i],
                          m_columns[i].numeric ? util::Align::right : util::Align::left);
    }
    m_line.erase(m_line.find_last_not_of(' ') + 1);
    if (m_options.color) m_out << k_bold << m_line << k_reset << '\n';
    else m_out << m_line << '\n';
    return;
  }
  case Format::md: {
    std::string header = "|";
    std::string rule = "|";
    for (const Column& column : m_columns) {
      header += " " + md_text(column.header) + " |";
      rule += column.numeric ? " ---: |" : " --- |";
    }
    m_out << header << '\n' << rule << '\n';
    return;
  }
  case Format::csv:
  case Format::tsv: {
    const char separator = m_format == Format::csv ? ',' : '\t';
    m_cells.clear();
    for (const Column& column : m_columns)
      m_cells.push_back(separator == ',' ? csv_cell(column.key) : one_line(column.key));
    write_separated(m_out, m_cells, separator);
    return;
  }
  case Format::json:
  case Format::jsonl:
  case Format::ids:
  case Format::html: return;
  }
}

void RowStream::write(const Json& row) {
  begin();
  ++m_written;
  switch (m_format) {
  case Format::table:
    m_line.clear();
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      if (i > 0) m_line += "  ";
      m_line += util::pad(util::escape_controls(cell(row, m_columns[i], ", ")), m_widths[i],
                          m_columns[i].numeric ? util::Align::right : util::Align::left);
    }
    m_line.erase(m_line.find_last_not_of(' ') + 1);
    m_out << m_line << '\n';
    return;
  case Format::json: {
    // The row as an element of a pretty-printed array: each line indented.
    m_out << (m_written == 1 ? "[\n  " : ",\n  ");
    const auto text = row.dump(2);
    std::size_t start = 0;
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
      m_out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
      m_out << "  ";
      start = nl + 1;
    }
    m_out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
    return;
  }
  case Format::jsonl: m_out << row.dump() << '\n'; return;
  case Format::csv:
  case Format::tsv: {
    const char separator = m_format == Format::csv ? ',' : '\t';
    m_cells.clear();
    for (const Column& column : m_columns)
      m_cells.push_back(delimited_cell(row, column, separator));
    write_separated(m_out, m_cells, separator);
    return;
  }
  case Format::ids: {
    const Json* id = find(row, "id");
    if (id != nullptr && !id->is_null()) m_out << cell_text(*id) << '\n';
    return;
  }
  case Format::md: {
    std::string line = "|";
    for (const Column& column : m_columns) line += " " + md_text(cell(row, column, ", ")) + " |";
    m_out << line << '\n';
    return;
  }
  case Format::html: return;
  }
}

void RowStream::finish() {
  switch (m_format) {
  case Format::table: return;  // nothing at all for no rows
  case Format::json: m_out << (m_written == 0 ? "[]\n" : "\n]\n"); return;
  default: begin(); return;
  }
}

}  // namespace duban::io
