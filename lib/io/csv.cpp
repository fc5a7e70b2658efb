#include "io/records.hpp"

#include <csv.h>

#include <algorithm>
#include <map>
#include <set>

#include "io/formats.hpp"
#include "util/error.hpp"

namespace duban::io {

namespace {

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

// What the libcsv callbacks fill in. They must not throw (they are called
// from C), so all checks happen on the rows afterwards.
struct Rows {
  std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;  // (line, cells)
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
  r.rows.emplace_back(r.row_line != 0 ? r.row_line : r.line, std::move(r.cells));
  r.cells.clear();
  r.row_line = 0;
}

}  // namespace

namespace detail {

struct CsvParser::Impl {
  std::string source;
  csv_parser parser{};
  Rows rows;
  std::vector<std::string> header;  // field names; empty until the header is read
  bool have_header = false;

  explicit Impl(std::string_view s) : source(s) { csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI); }
  ~Impl() { csv_free(&parser); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // The rows libcsv has ended, as records (the first as the header).
  void drain(std::deque<Record>& out) {
    for (auto& [line, cells] : rows.rows) {
      // Excel writes rows of empty cells for rows that were merely formatted.
      if (std::all_of(cells.begin(), cells.end(), [](const auto& cell) { return cell.empty(); }))
        continue;
      if (!have_header) {
        take_header(line, std::move(cells));
        continue;
      }
      if (cells.size() != header.size()) {
        fail_at(
            source, line, Kind::csv_cell_count,
            {.value = std::to_string(cells.size()), .choices = {std::to_string(header.size())}});
      }
      Record& record = out.emplace_back();
      record.line = line;
      record.fields.reserve(cells.size());
      for (std::size_t i = 0; i < cells.size(); ++i)
        record.fields.emplace_back(header[i], std::move(cells[i]));
    }
    rows.rows.clear();
  }

  void take_header(std::size_t line, std::vector<std::string> cells) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string& name = cells[i];
      if (name.empty())
        fail_at(source, line, Kind::csv_unnamed_column, {.value = std::to_string(i + 1)});
      // 标题 and title are one column: both in a header would drop one.
      const std::string given = name;
      name = std::string(field_of_header(name));
      if (!names.insert(name).second)
        fail_at(source, line, Kind::csv_duplicate_column, {.value = given});
    }
    header = std::move(cells);
    have_header = true;
  }
};

CsvParser::CsvParser(std::string_view source) : m_impl(std::make_unique<Impl>(source)) {}
CsvParser::CsvParser(CsvParser&&) noexcept = default;
CsvParser::~CsvParser() = default;

void CsvParser::feed(std::string_view line, std::deque<Record>& out) {
  auto& m = *m_impl;
  // Fed a piece at a time, so that the line of each row start is known
  // (libcsv does not count lines): a piece ends at the first CR or LF, so a
  // row can only end at a piece's last byte.
  while (!line.empty()) {
    const auto end = line.find_first_of("\r\n");
    const std::string_view chunk =
        line.substr(0, end == std::string_view::npos ? line.size() : end + 1);
    line.remove_prefix(chunk.size());
    if (m.rows.row_line == 0 && chunk.find_first_not_of(" \t\r\n") != std::string_view::npos)
      m.rows.row_line = m.rows.line;
    if (csv_parse(&m.parser, chunk.data(), chunk.size(), on_cell, on_row_end, &m.rows) !=
        chunk.size())
      fail_at(m.source, m.rows.line, Kind::csv_stray_quote);
    if (chunk.back() == '\n') ++m.rows.line;
  }
  m.drain(out);
}

void CsvParser::finish(std::deque<Record>& out) {
  auto& m = *m_impl;
  if (csv_fini(&m.parser, on_cell, on_row_end, &m.rows) != 0)
    fail_at(m.source, m.rows.row_line, Kind::csv_unclosed_quote);
  m.drain(out);
}

}  // namespace detail

std::vector<Record> read_csv(std::string_view text, std::string_view source) {
  return detail::read_all(text, RecordFormat::csv, source);
}

}  // namespace duban::io
