// Standard base64 (RFC 4648, padded), as Go's encoding/base64.StdEncoding (private to lib/yaml,
// and lib/validate, which decodes Secret data as the API server does).
#pragma once

#include <string>
#include <string_view>

namespace sparkc::yaml::detail {

inline std::string base64_encode(std::string_view raw) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((raw.size() + 2) / 3 * 4);
  auto byte = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(raw[i])); };
  size_t i = 0;
  for (; i + 2 < raw.size(); i += 3) {
    unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
  }
  if (i < raw.size()) {
    unsigned v = byte(i) << 16;
    if (i + 1 < raw.size()) v |= byte(i + 1) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < raw.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Decodes padded base64, skipping line breaks; false on any other character or bad padding.
inline bool base64_decode(std::string_view in, std::string* out) {
  unsigned buf = 0;
  int bits = 0;
  size_t pad = 0, count = 0;
  for (char c : in) {
    if (c == '\n' || c == '\r') continue;
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+') v = 62;
    else if (c == '/') v = 63;
    else if (c == '=') { ++pad; ++count; continue; }
    else return false;
    if (pad) return false;
    ++count;
    buf = (buf << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return count % 4 == 0 && pad <= 2;
}

}  // namespace sparkc::yaml::detail
