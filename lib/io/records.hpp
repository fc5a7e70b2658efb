// Input records read from CSV or JSON Lines for `intake`: named text fields
// with the line each record starts on, so errors can name it.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
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

// Bytes from a file or a pipe, a piece at a time: puts up to `size` bytes
// in `buffer` and returns how many, 0 at the end. Throws to stop.
using ReadBytes = std::function<std::size_t(char* buffer, std::size_t size)>;

enum class RecordFormat { csv, jsonl };

// Records of CSV or JSON Lines read from `read` a line at a time, so that an
// input of any size is held a line and a record at a time. `encoding` (none,
// or "utf-8": UTF-8) converts each line first, as to_utf8 does. Each fault
// read_csv, read_jsonl and to_utf8 name is thrown as its line is read (the
// faults of JSON Lines together at the end), with two differences the
// stream cannot avoid: a NUL or an invalid byte is found in its line, not
// before a fault of an earlier line; and invalid UTF-8 is said to read as
// GB18030 when it and the lines after it read as GB18030 (the lines before
// it, valid UTF-8, are not read again).
// Kind::unknown_encoding is thrown at construction, before anything is read.
class RecordReader {
public:
  RecordReader(ReadBytes read, RecordFormat format, std::string_view source,
               const std::optional<std::string>& encoding = std::nullopt);
  RecordReader(RecordReader&&) noexcept;
  ~RecordReader();
  // The next record; none at the end.
  std::optional<Record> next();
  // How many bytes of input have been read so far.
  std::size_t bytes_read() const;

  struct Impl;

private:
  std::unique_ptr<Impl> m_impl;
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
