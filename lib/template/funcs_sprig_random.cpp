// randAlphaNum, randAlpha, randAscii, randNumeric, randBytes, shuffle, uuidv4.
//
// Every random byte comes from CallContext::random_bytes, so an executor that seeds it gets
// reproducible output. The draws follow the Go libraries' algorithms (goutils' CryptoRandom,
// crypto/rand.Int, google/uuid) so that the distributions, and the alphabets, are the same.
#include <cstdint>
#include <string>

#include "template/funcs_sprig_encoding.h"
#include "template/funcs_sprig_random.h"

namespace sparkc::gotmpl {

std::uint64_t random_below(CallContext& ctx, std::uint64_t max) {
  // crypto/rand.Int: draw just enough bytes for max-1, mask the excess high bits of the first
  // byte, and retry until the number is below max.
  if (max <= 1) return 0;
  std::uint64_t top = max - 1;
  int bits = 64 - __builtin_clzll(top);
  int nbytes = (bits + 7) / 8;
  int high_bits = bits % 8 == 0 ? 8 : bits % 8;
  unsigned char buf[8];
  for (;;) {
    ctx.random_bytes(std::span(buf, nbytes));
    buf[0] &= static_cast<unsigned char>((1u << high_bits) - 1);
    std::uint64_t n = 0;
    for (int i = 0; i < nbytes; ++i) n = n << 8 | buf[i];
    if (n < max) return n;
  }
}

namespace {

enum class Accept { Letters, Digits, LettersDigits, All };

bool accepts(Accept a, char c) {
  bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  bool digit = c >= '0' && c <= '9';
  switch (a) {
    case Accept::Letters: return letter;
    case Accept::Digits: return digit;
    case Accept::LettersDigits: return letter || digit;
    case Accept::All: return true;
  }
  return false;
}

// goutils.CryptoRandom for the ASCII ranges Sprig uses: candidates are drawn uniformly from
// [start, end) and rejected unless accepted, so randAlphaNum draws from ' '..'z' and keeps
// letters and digits. Like goutils it fills the string from the end. A negative count is an
// error that Sprig discards, leaving "".
std::string crypto_random(CallContext& ctx, std::int64_t count, int start, int end, Accept accept) {
  if (count <= 0) return "";
  std::string out(static_cast<size_t>(count), ' ');
  for (std::int64_t i = count; i > 0;) {
    char c = static_cast<char>(start + random_below(ctx, end - start));
    if (accepts(accept, c)) out[--i] = c;
  }
  return out;
}

// Decodes UTF-8 as Go's []rune conversion does: each invalid byte becomes U+FFFD.
std::vector<char32_t> to_runes(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    char32_t r = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cc = s[i + k];
      ok = (cc & 0xc0) == 0x80;
      r = r << 6 | (cc & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (r < kMin[len] || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff))) ok = false;
    if (!ok) {
      out.push_back(0xfffd);
      ++i;
      continue;
    }
    out.push_back(r);
    i += len;
  }
  return out;
}

std::string to_utf8(const std::vector<char32_t>& runes) {
  std::string out;
  for (char32_t r : runes) {
    if (r < 0x80) {
      out += static_cast<char>(r);
    } else if (r < 0x800) {
      out += static_cast<char>(0xc0 | r >> 6);
      out += static_cast<char>(0x80 | (r & 0x3f));
    } else if (r < 0x10000) {
      out += static_cast<char>(0xe0 | r >> 12);
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (r & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | r >> 18);
      out += static_cast<char>(0x80 | ((r >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (r & 0x3f));
    }
  }
  return out;
}

// xstrings.Shuffle: a Fisher-Yates shuffle of the runes. Go draws from math/rand; here the
// draws come from the context like every other random function.
std::string shuffle(CallContext& ctx, std::string_view s) {
  if (s.empty()) return "";
  auto runes = to_runes(s);
  for (size_t i = runes.size() - 1; i > 0; --i) {
    size_t j = random_below(ctx, i + 1);
    std::swap(runes[i], runes[j]);
  }
  return to_utf8(runes);
}

// google/uuid New().String(): 16 random bytes with the version (4) and variant (RFC 4122)
// bits set, printed as 8-4-4-4-12 lower-case hex.
std::string uuid_v4(CallContext& ctx) {
  unsigned char b[16];
  ctx.random_bytes(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

using Args = std::span<const Value>;

}  // namespace

void register_sprig_random(FunctionRegistry& r) {
  const Signature one_int{{Param::Int}};
  r.add("randAlphaNum", one_int, [](CallContext& c, Args a) {
    return Value(crypto_random(c, a[0].as_int(), ' ', 'z' + 1, Accept::LettersDigits));
  });
  r.add("randAlpha", one_int, [](CallContext& c, Args a) {
    return Value(crypto_random(c, a[0].as_int(), ' ', 'z' + 1, Accept::Letters));
  });
  r.add("randNumeric", one_int, [](CallContext& c, Args a) {
    return Value(crypto_random(c, a[0].as_int(), ' ', 'z' + 1, Accept::Digits));
  });
  r.add("randAscii", one_int, [](CallContext& c, Args a) {
    return Value(crypto_random(c, a[0].as_int(), 32, 127, Accept::All));
  });
  // randBytes returns (string, error): base64 of `count` random bytes.
  r.add("randBytes", {{Param::Int}, false, true}, [](CallContext& c, Args a) {
    std::int64_t n = a[0].as_int();
    if (n < 0) throw FuncError("runtime error: makeslice: len out of range");  // Go's make panics
    std::string buf(static_cast<size_t>(n), '\0');
    c.random_bytes(std::span(reinterpret_cast<unsigned char*>(buf.data()), buf.size()));
    return Value(base64_encode(buf));
  });
  r.add("shuffle", {{Param::String}}, [](CallContext& c, Args a) { return Value(shuffle(c, a[0].as_string())); });
  r.add("uuidv4", {}, [](CallContext& c, Args) { return Value(uuid_v4(c)); });
}

}  // namespace sparkc::gotmpl
