// UTF-8 as Go's unicode/utf8 reads and writes it: the one decoder shared by lib/yaml and
// lib/template, kept here because value is the lowest module both depend on. Private to the
// library (included as "value/utf8.h"), not part of the public API.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sparkc::utf8 {

// U+FFFD, what Go decodes an invalid byte to.
inline constexpr char32_t kRuneError = 0xFFFD;

// A decoded rune and the number of bytes it took.
struct DecodedRune {
  char32_t rune;
  std::size_t size;  // 0 only for empty input; 1 for an invalid byte
};

// utf8.DecodeRuneInString: the first rune of `s`. Invalid, overlong or truncated sequences,
// surrogates and values past U+10FFFF give (U+FFFD, 1), so callers advance one byte at a time.
inline DecodedRune decode(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t need;
  char32_t r;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2, r = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3, r = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4, r = b0 & 0x07, min = 0x10000;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < need) return {kRuneError, 1};
  for (std::size_t i = 1; i < need; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) return {kRuneError, 1};
    r = (r << 6) | (c & 0x3F);
  }
  if (r < min || (r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF) return {kRuneError, 1};
  return {r, need};
}

// Appends the UTF-8 bytes of `r` as they are, surrogates included; utf8.AppendRune's U+FFFD
// for invalid runes is the caller's choice (template code makes it, the YAML emitter does not).
inline void append_raw(std::string& out, char32_t r) {
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

}  // namespace sparkc::utf8
