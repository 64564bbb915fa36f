// lib/yaml's UTF-8 helpers (private to lib/yaml) over the decoder in value/utf8.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "value/utf8.h"

namespace sparkc::yaml::detail {

// Decodes the rune at s[i] (i < s.size()); on invalid or short input returns U+FFFD with
// size 1, as utf8.DecodeRuneInString does. The decoder is the one lib/template uses too.
inline char32_t decode_rune(std::string_view s, size_t i, size_t* size) {
  utf8::DecodedRune d = utf8::decode(s.substr(i));
  *size = d.size;
  return d.rune;
}

// Appends the UTF-8 encoding of r, as it is.
inline void append_rune(std::string& out, char32_t r) { utf8::append_raw(out, r); }

// True when s is valid UTF-8 (utf8.ValidString).
inline bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    if (decode_rune(s, i, &n) == 0xFFFD && n == 1) return false;
    i += n;
  }
  return true;
}

}  // namespace sparkc::yaml::detail
