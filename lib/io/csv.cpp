#include "io/records.hpp"

#include <csv.h>

#include <algorithm>
#include <map>
#include <set>

#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::io {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// The Chinese headers offices type in Excel/WPS (SPEC §9), by the field
// each names.
std::string_view field_of_header(std::string_view header) {
  static const std::map<std::string_view, std::string_view, std::less<>> k_fields = {
      {"标题", "title"},   {"描述", "description"}, {"内容", "description"},
      {"渠道", "channel"}, {"来源", "channel"},     {"类别", "category"},
      {"分类", "class"},   {"诉求人", "requester"}, {"反映人", "requester"},
      {"电话", "phone"},   {"联系电话", "phone"},   {"乡镇", "town"},
      {"街道", "town"},    {"村", "village"},       {"社区", "village"},
      {"地址", "address"}, {"会议", "meeting"},     {"受理时间", "received_at"},
      {"代办员", "proxy"}, {"代理人", "proxy"},
  };
  const auto it = k_fields.find(header);
  return it == k_fields.end() ? header : it->second;
}

struct Row {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

// What the libcsv callbacks fill in. They must not throw (they are called
// from C), so all checks happen on the rows afterwards.
struct Rows {
  std::vector<Row> rows;
  std::vector<std::string> cells;
  std::size_t line = 1;      // line being parsed
  std::size_t row_line = 0;  // line the current row starts on; 0 between rows
};

// A cell may hold CRLF when typed on Windows; keep the newline only.
std::string without_cr_before_lf(const char* data, std::size_t size) {
  std::string cell;
  cell.reserve(size);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] != '\r' || i + 1 == size || data[i + 1] != '\n') cell += data[i];
  }
  return cell;
}

void on_cell(void* data, std::size_t size, void* rows) {
  static_cast<Rows*>(rows)->cells.push_back(
      without_cr_before_lf(static_cast<const char*>(data), size));
}

void on_row_end(int, void* rows) {
  auto& r = *static_cast<Rows*>(rows);
  r.rows.push_back({r.row_line != 0 ? r.row_line : r.line, std::move(r.cells)});
  r.cells.clear();
  r.row_line = 0;
}

class Parser {
public:
  Parser() { csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI); }
  ~Parser() { csv_free(&m_parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  csv_parser* get() { return &m_parser; }

private:
  csv_parser m_parser{};
};

// Splits `text` into rows, each with the physical line it starts on.
std::vector<Row> parse_rows(std::string_view text, std::string_view source) {
  Parser parser;
  Rows rows;
  // Fed one line at a time, so that the line of each row start is known
  // (libcsv does not count lines): a chunk ends at the first CR or LF, so a
  // row can only end at a chunk's last byte.
  while (!text.empty()) {
    const auto end = text.find_first_of("\r\n");
    const std::string_view chunk =
        text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
    text.remove_prefix(chunk.size());
    if (rows.row_line == 0 && chunk.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      rows.row_line = rows.line;
    }
    if (csv_parse(parser.get(), chunk.data(), chunk.size(), on_cell, on_row_end, &rows) !=
        chunk.size()) {
      fail_at(source, rows.line, Kind::csv_stray_quote);
    }
    if (chunk.back() == '\n') ++rows.line;
  }
  if (csv_fini(parser.get(), on_cell, on_row_end, &rows) != 0) {
    fail_at(source, rows.row_line, Kind::csv_unclosed_quote);
  }
  // Excel writes rows of empty cells for rows that were merely formatted.
  std::erase_if(rows.rows, [](const Row& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const auto& cell) { return cell.empty(); });
  });
  return std::move(rows.rows);
}

}  // namespace

std::vector<Record> read_csv(std::string_view text, std::string_view source) {
  refuse_nul(text, source);
  refuse_invalid_utf8(text, source);
  if (text.starts_with(k_bom)) text.remove_prefix(k_bom.size());

  std::vector<Row> rows = parse_rows(text, source);
  if (rows.empty()) return {};
  Row& header = rows.front();
  std::set<std::string> names;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    std::string& name = header.cells[i];
    if (name.empty())
      fail_at(source, header.line, Kind::csv_unnamed_column, {.value = std::to_string(i + 1)});
    // 标题 and title are one column: both in a header would drop one.
    const std::string given = name;
    name = std::string(field_of_header(name));
    if (!names.insert(name).second)
      fail_at(source, header.line, Kind::csv_duplicate_column, {.value = given});
  }

  std::vector<Record> records;
  records.reserve(rows.size() - 1);
  for (auto row = rows.begin() + 1; row != rows.end(); ++row) {
    if (row->cells.size() != header.cells.size()) {
      fail_at(source, row->line, Kind::csv_cell_count,
              {.value = std::to_string(row->cells.size()),
               .choices = {std::to_string(header.cells.size())}});
    }
    Record& record = records.emplace_back();
    record.line = row->line;
    record.fields.reserve(row->cells.size());
    for (std::size_t i = 0; i < row->cells.size(); ++i) {
      record.fields.emplace_back(header.cells[i], row->cells[i]);
    }
  }
  return records;
}

}  // namespace duban::io
