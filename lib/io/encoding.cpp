#include "io/records.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <memory>

#include "io/formats.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"

namespace duban::io {

namespace {

std::size_t line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool is_chinese_encoding(const std::string& name) {
  return name == "gb18030" || name == "gbk" || name == "gb2312" || name == "cp936";
}

}  // namespace

namespace detail {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

Decoder::Decoder(std::string_view encoding) {
  const std::string name = lower(encoding);
  m_chinese = is_chinese_encoding(name);
  const auto failed = reinterpret_cast<iconv_t>(std::intptr_t{-1});
  // iconv reads "//IGNORE" and the like as options; only a plain name is an encoding.
  const iconv_t cd =
      name.find('/') == std::string::npos ? iconv_open("UTF-8", name.c_str()) : failed;
  if (cd == failed) {
    Fields f;
    f.field = "encoding";
    f.value = std::string(encoding);
    throw Error(Kind::unknown_encoding, std::move(f));
  }
  m_cd = cd;
}

Decoder::Decoder(Decoder&& other) noexcept : m_cd(other.m_cd), m_chinese(other.m_chinese) {
  other.m_cd = nullptr;
}

Decoder::~Decoder() {
  if (m_cd) iconv_close(static_cast<iconv_t>(m_cd));
}

bool Decoder::convert(std::string_view bytes, std::string& out, std::size_t& bad) {
  const auto cd = static_cast<iconv_t>(m_cd);
  const std::size_t start = out.size();
  // Enough for GB18030, which grows at most by half; other encodings may grow more.
  out.resize(start + bytes.size() + bytes.size() / 2 + 16);
  char* in_pos = const_cast<char*>(bytes.data());  // iconv's API is not const-correct
  std::size_t in_left = bytes.size();
  std::size_t out_used = start;
  // A null input flushes any shift state at the end.
  for (bool flushing = false;;) {
    char* out_pos = out.data() + out_used;
    std::size_t out_left = out.size() - out_used;
    const std::size_t status = flushing ? iconv(cd, nullptr, nullptr, &out_pos, &out_left)
                                        : iconv(cd, &in_pos, &in_left, &out_pos, &out_left);
    out_used = out.size() - out_left;
    if (status != static_cast<std::size_t>(-1)) {
      if (flushing) break;
      flushing = true;
    } else if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {
      // EILSEQ: bytes that are not the encoding; EINVAL: a sequence cut off at the end.
      bad = static_cast<std::size_t>(in_pos - bytes.data());
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
      out.resize(start);
      return false;
    }
  }
  out.resize(out_used);
  return true;
}

}  // namespace detail

std::string to_utf8(std::string_view bytes, std::string_view encoding, std::string_view source) {
  const std::string name = detail::lower(encoding);
  if (name == "utf-8" || name == "utf8") return std::string(bytes);
  detail::Decoder decoder(encoding);
  if (decoder.chinese() && util::is_valid_utf8(bytes)) {
    const auto it = std::find_if(bytes.begin(), bytes.end(),
                                 [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (it != bytes.end())
      fail_at(source, line_at(bytes, static_cast<std::size_t>(it - bytes.begin())),
              Kind::utf8_not_gb18030);
  }
  std::string out;
  std::size_t bad = 0;
  if (!decoder.convert(bytes, out, bad))
    fail_at(source, line_at(bytes, bad), Kind::bad_encoding_bytes,
            {.value = std::string(encoding)});
  return out;
}

}  // namespace duban::io
