// What the readers of lib/io share inside it: a converter to UTF-8, and the
// CSV and JSON Lines parsers that take a physical line at a time.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/records.hpp"

namespace duban::io::detail {

// iconv from one encoding to UTF-8, opened once for line after line.
class Decoder {
public:
  // Throws Error(Kind::unknown_encoding) for a name iconv does not know.
  explicit Decoder(std::string_view encoding);
  Decoder(Decoder&&) noexcept;
  ~Decoder();
  // Appends `bytes` as UTF-8 to `out`; false when they are not of the
  // encoding (or are cut off at the end), with `bad` the offset in `bytes`.
  bool convert(std::string_view bytes, std::string& out, std::size_t& bad);
  // gb18030, gbk, gb2312, cp936: short UTF-8 Chinese reads as these too.
  bool chinese() const { return m_chinese; }

private:
  void* m_cd;
  bool m_chinese;
};

// Lowercase ASCII: encoding names are matched without case.
std::string lower(std::string_view text);

// CSV rows from physical lines (each with its '\n', if it had one), as
// read_csv reads them: the first row not of empty cells names the columns.
class CsvParser {
public:
  explicit CsvParser(std::string_view source);
  CsvParser(CsvParser&&) noexcept;
  ~CsvParser();
  void feed(std::string_view line, std::deque<Record>& out);
  void finish(std::deque<Record>& out);

  struct Impl;

private:
  std::unique_ptr<Impl> m_impl;
};

// JSON Lines records from physical lines, as read_jsonl reads them: the
// faults of bad lines are kept, and thrown together by finish().
class JsonlParser {
public:
  explicit JsonlParser(std::string_view source) : m_source(source) {}
  void feed(std::string_view line, std::size_t number, std::deque<Record>& out);
  void finish();

private:
  std::string m_source;
  std::vector<Error> m_faults;
};

// Every record of a whole text, through a RecordReader.
std::vector<Record> read_all(std::string_view text, RecordFormat format, std::string_view source);

}  // namespace duban::io::detail
