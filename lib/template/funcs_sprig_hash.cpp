// b64enc, b64dec, b32enc, b32dec, sha1sum, sha256sum, adler32sum.
//
// The decoders report errors the way Sprig does: not as template errors but as the returned
// string, Go's CorruptInputError text ("illegal base64 data at input byte 4"). Reproducing
// the byte offset Go reports means following Go's decoding loop rather than OpenSSL's.
#include <openssl/evp.h>

#include <array>
#include <cstdint>

#include "template/funcs_sprig_encoding.h"

namespace sparkc::gotmpl {

namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Maps each byte to its value in `alphabet`, or 0xff.
std::array<std::uint8_t, 256> decode_map(std::string_view alphabet) {
  std::array<std::uint8_t, 256> m;
  m.fill(0xff);
  for (size_t i = 0; i < alphabet.size(); ++i) m[static_cast<unsigned char>(alphabet[i])] = i;
  return m;
}

struct CorruptInput {
  size_t at;
};

bool is_newline(char c) { return c == '\n' || c == '\r'; }

// One 4-character quantum of Go's base64 decodeQuantum; advances `si`, appends to `out`.
void base64_quantum(std::string_view src, size_t& si, std::string& out) {
  static const auto map = decode_map(kBase64);
  std::uint8_t dbuf[4] = {0, 0, 0, 0};
  size_t dlen = 4;
  for (size_t j = 0; j < 4; ++j) {
    if (si == src.size()) {
      if (j == 0) return;
      throw CorruptInput{si - j};  // StdEncoding pads, so a short tail is always corrupt
    }
    char in = src[si++];
    std::uint8_t v = map[static_cast<unsigned char>(in)];
    if (v != 0xff) {
      dbuf[j] = v;
      continue;
    }
    if (is_newline(in)) {
      --j;
      continue;
    }
    if (in != '=') throw CorruptInput{si - 1};
    // Padding: "xx==" or "xxx=", then only newlines may follow.
    if (j < 2) throw CorruptInput{si - 1};
    if (j == 2) {
      while (si < src.size() && is_newline(src[si])) ++si;
      if (si == src.size()) throw CorruptInput{src.size()};
      if (src[si] != '=') throw CorruptInput{si - 1};
      ++si;
    }
    while (si < src.size() && is_newline(src[si])) ++si;
    if (si < src.size()) throw CorruptInput{si};
    dlen = j;
    break;
  }
  unsigned val = unsigned{dbuf[0]} << 18 | unsigned{dbuf[1]} << 12 | unsigned{dbuf[2]} << 6 | dbuf[3];
  char bytes[3] = {char(val >> 16), char(val >> 8), char(val)};
  out.append(bytes, dlen - 1);
}

std::string base32_encode(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); i += 5) {
    size_t n = std::min<size_t>(5, raw.size() - i);
    std::uint64_t block = 0;
    for (size_t k = 0; k < 5; ++k)
      block = block << 8 | (k < n ? static_cast<unsigned char>(raw[i + k]) : 0);
    static constexpr size_t kChars[6] = {0, 2, 4, 5, 7, 8};  // characters for 0..5 bytes
    for (size_t k = 0; k < 8; ++k)
      out += k < kChars[n] ? kBase32[(block >> (35 - 5 * k)) & 31] : '=';
  }
  return out;
}

// Go's base32.StdEncoding.DecodeString: newlines are removed first, then 8-character blocks
// are decoded; offsets in errors refer to the text without newlines.
std::string base32_decode(std::string_view text) {
  static const auto map = decode_map(kBase32);
  std::string src;
  for (char c : text)
    if (!is_newline(c)) src += c;
  std::string out;
  const size_t olen = src.size();
  size_t pos = 0;
  bool end = false;
  while (pos < olen && !end) {
    std::uint8_t dbuf[8] = {};
    size_t dlen = 8;
    for (size_t j = 0; j < 8;) {
      size_t left = olen - pos;
      if (left == 0) throw CorruptInput{olen - left - j};
      char in = src[pos++];
      left = olen - pos;
      if (in == '=' && j >= 2 && left < 8) {
        if (left + j < 7) throw CorruptInput{olen};
        for (size_t k = 0; k < 7 - j; ++k)
          if (left > k && src[pos + k] != '=') throw CorruptInput{olen - left + k - 1};
        dlen = j;
        end = true;
        if (dlen == 1 || dlen == 3 || dlen == 6) throw CorruptInput{olen - left - 1};
        break;
      }
      dbuf[j] = map[static_cast<unsigned char>(in)];
      if (dbuf[j] == 0xff) throw CorruptInput{olen - left - 1};
      ++j;
    }
    std::uint64_t block = 0;
    for (auto d : dbuf) block = block << 5 | d;
    static constexpr size_t kBytes[9] = {0, 0, 1, 0, 2, 3, 0, 4, 5};  // bytes per dlen
    for (size_t k = 0; k < kBytes[dlen]; ++k) out += char(block >> (32 - 8 * k));
  }
  return out;
}

std::string hex_digest(const EVP_MD* md, std::string_view input) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(input.data(), input.size(), digest, &len, md, nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

// Adler-32 (RFC 1950), which Go's hash/adler32 implements. OpenSSL has no Adler-32 and zlib
// is not a dependency of this module; the checksum is two running sums modulo 65521.
std::uint32_t adler32(std::string_view data) {
  constexpr std::uint32_t kMod = 65521;
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % kMod;
    b = (b + a) % kMod;
  }
  return b << 16 | a;
}

using Args = std::span<const Value>;

}  // namespace

std::string base64_encode(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); i += 3) {
    size_t n = std::min<size_t>(3, raw.size() - i);
    unsigned v = 0;
    for (size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(raw[i + k]) : 0);
    for (size_t k = 0; k < 4; ++k) out += k <= n ? kBase64[(v >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

std::string base64_decode(std::string_view text) {
  std::string out;
  size_t si = 0;
  try {
    while (si < text.size()) base64_quantum(text, si, out);
  } catch (const CorruptInput& e) {
    throw FuncError("illegal base64 data at input byte " + std::to_string(e.at));
  }
  return out;
}

void register_sprig_hash(FunctionRegistry& r) {
  const Signature one_string{{Param::String}};
  r.add("b64enc", one_string, [](CallContext&, Args a) { return Value(base64_encode(a[0].as_string())); });
  // Sprig returns a decoding error as the result string, not as an error.
  r.add("b64dec", one_string, [](CallContext&, Args a) {
    try {
      return Value(base64_decode(a[0].as_string()));
    } catch (const FuncError& e) {
      return Value(e.what());
    }
  });
  r.add("b32enc", one_string, [](CallContext&, Args a) { return Value(base32_encode(a[0].as_string())); });
  r.add("b32dec", one_string, [](CallContext&, Args a) {
    try {
      return Value(base32_decode(a[0].as_string()));
    } catch (const CorruptInput& e) {
      return Value("illegal base32 data at input byte " + std::to_string(e.at));
    }
  });
  r.add("sha1sum", one_string, [](CallContext&, Args a) { return Value(hex_digest(EVP_sha1(), a[0].as_string())); });
  r.add("sha256sum", one_string,
        [](CallContext&, Args a) { return Value(hex_digest(EVP_sha256(), a[0].as_string())); });
  r.add("adler32sum", one_string,
        [](CallContext&, Args a) { return Value(std::to_string(adler32(a[0].as_string()))); });
}

}  // namespace sparkc::gotmpl
