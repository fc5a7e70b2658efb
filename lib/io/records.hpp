// Input records read from CSV or JSON Lines for `intake`: named text fields
// with the line each record starts on, so errors can name it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duban::io {

struct Record {
  std::size_t line = 0;  // 1-based line of the source where the record starts
  // (field name, value) in source order. CSV: every header column, empty
  // cells as "". JSON Lines: every key; null is omitted; numbers as their
  // JSON text; an array of strings (co_units) joined with ';'.
  std::vector<std::pair<std::string, std::string>> fields;
};

// RFC 4180 CSV (libcsv) with a header row. A leading UTF-8 BOM is stripped.
// Blank lines and rows of only empty cells (Excel writes them) are skipped;
// spaces around an unquoted cell are dropped; CRLF in a quoted cell becomes
// LF. Throws duban::Error(Exit::data) with "<source>:<line>: <what>" on a
// NUL byte, invalid UTF-8, a duplicate or empty header name, a row with more or fewer
// cells than the header, a stray or unterminated quote. Line numbers count
// physical lines, so a quoted cell spanning lines moves the next record's
// line on.
std::vector<Record> read_csv(std::string_view text, std::string_view source);

// JSON Lines: one JSON object per non-blank line. A leading BOM is stripped.
// Throws duban::Error(Exit::data) "<source>:<line>: <what>" on a NUL byte or
// a string holding \u0000, invalid UTF-8,
// a line that is not valid JSON or not an object, a duplicate key, or a value
// that is an object, a nested array or an array with a non-string. Booleans
// read as "true"/"false".
std::vector<Record> read_jsonl(std::string_view text, std::string_view source);

// Throws duban::Error(Exit::data) "<source>:<line>: NUL byte ..." if `text`
// holds a NUL byte: it is not text (UTF-16 is full of them), and SQLite and
// C strings would cut the value there. Both readers call it first.
void refuse_nul(std::string_view text, std::string_view source);

// Converts `bytes` in `encoding` (an iconv name such as "gb18030", "gbk",
// "utf-8") to UTF-8. Throws duban::Error(Exit::usage) for an unknown
// encoding and Error(Exit::data) "<source>:<line>: invalid <encoding> byte
// sequence" for bytes that do not convert. "utf-8"/"utf8" returns the input
// unchanged (validity is checked by the readers).
std::string to_utf8(std::string_view bytes, std::string_view encoding,
                    std::string_view source);

}  // namespace duban::io
