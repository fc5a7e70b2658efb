#include "io/records.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <memory>

#include "util/error.hpp"

namespace duban::io {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using Iconv = std::unique_ptr<void, IconvCloser>;

}  // namespace

void refuse_nul(std::string_view text, std::string_view source) {
  const auto nul = text.find('\0');
  if (nul == std::string_view::npos) return;
  const auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
  throw Error(Exit::data, std::string(source) + ":" + std::to_string(line) +
                              ": NUL byte (not text; a UTF-16 file must be saved as UTF-8)");
}

std::string to_utf8(std::string_view bytes, std::string_view encoding, std::string_view source) {
  const std::string name = lower(encoding);
  if (name == "utf-8" || name == "utf8") return std::string(bytes);
  const auto failed = reinterpret_cast<iconv_t>(std::intptr_t{-1});
  // iconv reads "//IGNORE" and the like as options; only a plain name is an encoding.
  const iconv_t cd =
      name.find('/') == std::string::npos ? iconv_open("UTF-8", name.c_str()) : failed;
  if (cd == failed) throw Error(Exit::usage, "unknown encoding '" + std::string(encoding) + "'");
  const Iconv closer(cd);

  // Enough for GB18030, which grows at most by half; other encodings may grow more.
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* in_pos = const_cast<char*>(bytes.data());  // iconv's API is not const-correct
  std::size_t in_left = bytes.size();
  std::size_t out_used = 0;
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
      // EILSEQ: bytes that are not `encoding`; EINVAL: a sequence cut off at the end.
      const auto offset = static_cast<std::size_t>(in_pos - bytes.data());
      const auto line = 1 + std::count(bytes.begin(), bytes.begin() + offset, '\n');
      throw Error(Exit::data, std::string(source) + ":" + std::to_string(line) + ": invalid " +
                                  std::string(encoding) + " byte sequence");
    }
  }
  out.resize(out_used);
  return out;
}

}  // namespace duban::io
