// Input records read from CSV or JSON Lines for `intake`: named text fields
// with the line each record starts on, so errors can name it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/error.hpp"

namespace duban::io {

// Throws a fault of `kind` at `source`:`line`, with the rest of its fields:
// the one way every reader of lib/io names where a bad record lies.
[[noreturn]] inline void fail_at(std::string_view source, std::size_t line, Kind kind,
                                 Fields fields = {}) {
  fields.source = std::string(source);
  fields.line = static_cast<long>(line);
  throw Error(kind, std::move(fields));
}

struct Record {
  std::size_t line = 0;  // 1-based line of the source where the record starts
  // (field name, value) in source order. CSV: every header column, empty
  // cells as "". JSON Lines: every key; null is omitted; numbers as their
  // JSON text; an array of strings (co_units) joined with ';'.
  std::vector<std::pair<std::string, std::string>> fields;
};

// RFC 4180 CSV (libcsv) with a header row. A leading UTF-8 BOM is stripped.
// A header may be the field's Chinese name of SPEC §9 (标题, 描述 or 内容,
// ...): the record names the field (title, description, ...). Blank lines
// and rows of only empty cells (Excel writes them) are skipped; spaces
// around an unquoted cell are dropped; CRLF in a quoted cell becomes LF.
// Throws duban::Error with `source` and `line`: file_nul, not_utf8 (or
// not_utf8_gb18030), csv_unnamed_column, csv_duplicate_column (two headers
// for one field too), csv_cell_count, csv_stray_quote, csv_unclosed_quote.
// Line numbers count physical lines, so a quoted cell spanning lines moves
// the next record's line on.
std::vector<Record> read_csv(std::string_view text, std::string_view source);

// JSON Lines: one JSON object per non-blank line. A leading BOM is stripped.
// Throws duban::Error with `source` and `line`: file_nul, not_utf8 (or
// not_utf8_gb18030) for the whole text; then for every bad line, all of
// them (Kind::several when more than one): json_invalid, json_not_object,
// json_duplicate_key, json_nul (a string holding \u0000), json_bad_value
// (an object, a nested array or an array with a non-string). Booleans read
// as "true"/"false".
std::vector<Record> read_jsonl(std::string_view text, std::string_view source);

// Throws duban::Error(Kind::file_nul) with its line if `text` holds a NUL
// byte: it is not text (UTF-16 is full of them), and SQLite and C strings
// would cut the value there. Both readers call it first.
void refuse_nul(std::string_view text, std::string_view source);

// Throws duban::Error(Kind::not_utf8) with the line of the first invalid
// byte, or Kind::not_utf8_gb18030 when the whole text reads as GB18030 (a
// file saved by Chinese Excel/WPS: --encoding gb18030 reads it).
void refuse_invalid_utf8(std::string_view text, std::string_view source);

// Converts `bytes` in `encoding` (an iconv name such as "gb18030", "gbk",
// "utf-8") to UTF-8. Throws duban::Error(Kind::unknown_encoding) for an
// unknown encoding, Kind::bad_encoding_bytes with its line for bytes that
// do not convert, and Kind::utf8_not_gb18030 when a Chinese encoding
// (gb18030, gbk, gb2312) is asked for but `bytes` is valid UTF-8 holding
// non-ASCII text: short UTF-8 Chinese also decodes as GB18030, into other
// characters (路灯 as 璺伅), so it is refused rather than guessed at.
// "utf-8"/"utf8" returns the input unchanged (validity is checked by the
// readers).
std::string to_utf8(std::string_view bytes, std::string_view encoding, std::string_view source);

}  // namespace duban::io
