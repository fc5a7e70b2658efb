// Renders rows of named values as a table, JSON, JSON Lines, CSV, TSV or ids.
// Writes to a stream it is given; knows nothing of cases or SQLite.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace duban::io {

using Json = nlohmann::ordered_json;

enum class Format { table, json, jsonl, csv, tsv, ids, md, html };

// "table" -> Format::table ...; nullopt for an unknown name.
std::optional<Format> parse_format(std::string_view name);
std::string_view to_string(Format f);

struct Column {
  std::string key;       // key in each row object
  std::string header;    // heading in table/md; csv/tsv headers use `key`
  bool numeric = false;  // right-aligned in tables
};

struct RenderOptions {
  bool color = false;  // bold header in tables (ANSI), only on a terminal
};

// Each row is a JSON object; missing keys and nulls render empty in
// table/csv/tsv ("—" is the caller's choice of value). Arrays render as
// ';'-joined in csv/tsv and ", "-joined in tables. Format:
// - table: columns aligned by display width (Chinese counts 2), two spaces
//   between, a header line; no trailing spaces; control characters in cells
//   shown escaped (util::escape_controls: a line break as \n), so a row is
//   one line. Nothing at all for 0 rows.
// - json: a JSON array of the row objects (all keys of each row, in order),
//   pretty-printed with 2 spaces, then a newline. "[]\n" for no rows.
// - jsonl: one compact object per line.
// - csv: RFC 4180 (quote when a cell has , " CR or LF, or spaces at either
//   end, which read_csv would drop; lines end in \n), header of column keys.
//   A text cell that a spreadsheet would run as a formula (starting with
//   = + - @ tab or CR) gets a leading ' (OWASP); numbers stay as they are.
// - tsv: tab-separated, header of keys; text cells made inert as in csv;
//   tabs/newlines in cells become spaces.
// - ids: the "id" value of each row, one a line (rows without one skipped).
// - md: a GitHub Markdown table, each cell as md_text.
// html is not a row format here; it throws std::invalid_argument.
void render_rows(std::ostream& out, const std::vector<Column>& columns,
                 const std::vector<Json>& rows, Format format, const RenderOptions& options = {});

// The rows of render_rows one at a time, none held: what a list of a million
// cases is written through. The bytes are render_rows' for the same rows.
// A table's columns are as wide as its widest cell, so a table is read twice:
// every row is measured (measure), then every row written (write), in the
// same order; the other formats need no measuring (measures() is false).
class RowStream {
public:
  RowStream(std::ostream& out, std::vector<Column> columns, Format format,
            const RenderOptions& options = {});
  bool measures() const { return m_format == Format::table; }
  void measure(const Json& row);
  void write(const Json& row);
  // What ends the output: "]" of JSON, the header of an empty CSV.
  void finish();

private:
  void begin();
  std::ostream& m_out;
  std::vector<Column> m_columns;
  Format m_format;
  RenderOptions m_options;
  std::vector<std::size_t> m_widths;  // table: header and every cell measured
  std::vector<std::string> m_cells;   // one row's, reused
  std::string m_line;                 // one line's, reused
  bool m_begun = false;
  std::size_t m_written = 0;
};

// Text for a Markdown document: < > & as HTML entities, '|' as \|, a line
// break as <br>, CR dropped, other controls escaped as in tables.
std::string md_text(std::string_view text);

// One value as table/csv text: null -> "", string as is, integer, double
// with up to 6 decimals and no trailing zeros (97.96, 2), bool true/false,
// array ';'-joined (`separator`).
std::string cell_text(const Json& value, std::string_view separator = ";");

}  // namespace duban::io
