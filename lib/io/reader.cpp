// RecordReader: input read a physical line at a time, decoded and checked,
// then parsed as CSV or JSON Lines.
#include <cstring>
#include <deque>
#include <variant>

#include "io/formats.hpp"
#include "io/records.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::io {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr std::size_t k_read_size = 1 << 16;

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Physical lines, each with its '\n' if it had one, read from `read` as
// needed: only the line being handed out is held, and what is read ahead.
class RawLines {
public:
  explicit RawLines(ReadBytes read) : m_read(std::move(read)) {}

  std::optional<std::string_view> next() {
    for (;;) {
      const auto end = m_buffer.find('\n', m_pos);
      if (end != std::string::npos) return take(end + 1);
      if (m_end) {
        if (m_pos == m_buffer.size()) return std::nullopt;
        return take(m_buffer.size());
      }
      m_buffer.erase(0, m_pos);
      m_pos = 0;
      const auto had = m_buffer.size();
      m_buffer.resize(had + k_read_size);
      const auto got = m_read(m_buffer.data() + had, k_read_size);
      m_buffer.resize(had + got);
      m_bytes += got;
      if (got == 0) m_end = true;
    }
  }
  std::size_t bytes_read() const { return m_bytes; }

private:
  std::string_view take(std::size_t end) {
    const std::string_view line(m_buffer.data() + m_pos, end - m_pos);
    m_pos = end;
    return line;
  }

  ReadBytes m_read;
  std::string m_buffer;
  std::size_t m_pos = 0, m_bytes = 0;
  bool m_end = false;
};

}  // namespace

struct RecordReader::Impl {
  RawLines raw;
  std::string source;
  std::optional<detail::Decoder> decoder;
  std::string encoding;  // as given, for messages
  std::variant<detail::CsvParser, detail::JsonlParser> parser;
  std::deque<Record> ready;
  std::string decoded;
  std::size_t number = 0;  // of the line last read
  bool done = false;
  // For the hints of the faults of encoding (see records.hpp).
  bool utf8_so_far = true;
  std::size_t first_non_ascii = 0;  // its line; 0 while there is none

  Impl(ReadBytes read, RecordFormat format, std::string_view s,
       const std::optional<std::string>& encoding)
      : raw(std::move(read)), source(s),
        parser(format == RecordFormat::csv
                   ? std::variant<detail::CsvParser, detail::JsonlParser>(detail::CsvParser(s))
                   : std::variant<detail::CsvParser, detail::JsonlParser>(detail::JsonlParser(s))) {
    if (encoding) {
      const auto name = detail::lower(*encoding);
      if (name != "utf-8" && name != "utf8") decoder.emplace(*encoding);
      this->encoding = *encoding;
    }
  }

  // Notes what a raw line says of the whole input being UTF-8.
  void note_utf8(std::string_view line) {
    if (!utf8_so_far) return;
    if (is_ascii(line)) return;
    if (!util::is_valid_utf8(line)) {
      utf8_so_far = false;
      return;
    }
    if (first_non_ascii == 0) first_non_ascii = number;
  }

  // The next physical line as UTF-8, checked; none at the end.
  std::optional<std::string_view> line() {
    auto line = raw.next();
    if (!line) {
      // A Chinese encoding asked for on UTF-8 Chinese: 路灯 would become 璺伅.
      if (decoder && decoder->chinese() && utf8_so_far && first_non_ascii != 0)
        fail_at(source, first_non_ascii, Kind::utf8_not_gb18030);
      return std::nullopt;
    }
    ++number;
    // A NUL is not text (UTF-16 is full of them), and SQLite and C strings
    // would cut the value there.
    if (std::memchr(line->data(), '\0', line->size())) fail_at(source, number, Kind::file_nul);
    std::string_view text = *line;
    if (decoder) {
      note_utf8(text);
      decoded.clear();
      std::size_t bad = 0;
      if (!decoder->convert(text, decoded, bad)) refuse_bytes();
      text = decoded;
    } else if (!is_ascii(text) && !util::is_valid_utf8(text)) {
      refuse_utf8(text);
    }
    if (number == 1 && text.starts_with(k_bom)) text.remove_prefix(k_bom.size());
    return text;
  }

  // Bytes the encoding does not have at line `number`: unless the whole
  // input is UTF-8 Chinese, which is said instead, as to_utf8 says it.
  [[noreturn]] void refuse_bytes() {
    const auto bad_line = number;
    if (decoder->chinese())
      while (utf8_so_far) {
        const auto rest = raw.next();
        if (!rest) break;
        ++number;
        note_utf8(*rest);
      }
    if (decoder->chinese() && utf8_so_far && first_non_ascii != 0)
      fail_at(source, first_non_ascii, Kind::utf8_not_gb18030);
    fail_at(source, bad_line, Kind::bad_encoding_bytes, {.value = encoding});
  }

  // Invalid UTF-8 in `text`, the line `number`: said to read as GB18030
  // when it and the rest read so (the lines before were UTF-8).
  [[noreturn]] void refuse_utf8(std::string_view text) {
    const auto bad_line = number;
    detail::Decoder gb("gb18030");
    std::string out;
    std::size_t bad = 0;
    bool gb18030 = gb.convert(text, out, bad);
    while (gb18030) {
      const auto rest = raw.next();
      if (!rest) break;
      out.clear();
      gb18030 = gb.convert(*rest, out, bad);
    }
    fail_at(source, bad_line, gb18030 ? Kind::not_utf8_gb18030 : Kind::not_utf8);
  }
};

RecordReader::RecordReader(ReadBytes read, RecordFormat format, std::string_view source,
                           const std::optional<std::string>& encoding)
    : m_impl(std::make_unique<Impl>(std::move(read), format, source, encoding)) {}
RecordReader::RecordReader(RecordReader&&) noexcept = default;
RecordReader::~RecordReader() = default;

std::size_t RecordReader::bytes_read() const { return m_impl->raw.bytes_read(); }

std::optional<Record> RecordReader::next() {
  auto& m = *m_impl;
  while (m.ready.empty() && !m.done) {
    const auto text = m.line();
    if (auto* csv = std::get_if<detail::CsvParser>(&m.parser)) {
      if (text) csv->feed(*text, m.ready);
      else csv->finish(m.ready);
    } else {
      auto& jsonl = std::get<detail::JsonlParser>(m.parser);
      if (text) jsonl.feed(*text, m.number, m.ready);
      else jsonl.finish();
    }
    if (!text) m.done = true;
  }
  if (m.ready.empty()) return std::nullopt;
  Record record = std::move(m.ready.front());
  m.ready.pop_front();
  return record;
}

namespace detail {

std::vector<Record> read_all(std::string_view text, RecordFormat format, std::string_view source) {
  RecordReader reader(
      [text](char* buffer, std::size_t size) mutable {
        const auto n = std::min(size, text.size());
        std::memcpy(buffer, text.data(), n);
        text.remove_prefix(n);
        return n;
      },
      format, source);
  std::vector<Record> records;
  while (auto r = reader.next()) records.push_back(std::move(*r));
  return records;
}

}  // namespace detail

}  // namespace duban::io
