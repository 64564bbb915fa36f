// bcrypt as golang.org/x/crypto/bcrypt computes it ("$2a$", cost 10), on an EksBlowfish of
// our own.
//
// Why not OpenSSL: its Blowfish (BF_*, deprecated in 3.0, cipher in the legacy provider) only
// offers the standard key schedule, and bcrypt needs the salted, repeated "expensive" schedule
// that rewrites the P-array and S-boxes directly. Blowfish's initial state is the hexadecimal
// expansion of pi; rather than carry 4 KiB of constants, it is computed once with OpenSSL's
// big numbers (Machin's formula), and a test pins its first and last words.
#include <openssl/bn.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>

#include "template/funcs_sprig_crypto.h"

namespace sparkc::gotmpl {

namespace {

constexpr int kStateWords = 18 + 4 * 256;

using BnPtr = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

BnPtr bn() { return BnPtr(BN_new(), &BN_free); }

// atan(1/x) scaled by 2^bits: sum of (-1)^k / ((2k+1) x^(2k+1)).
BnPtr scaled_arctan_inverse(unsigned x, int bits) {
  BnPtr sum = bn(), power = bn(), term = bn();
  BN_zero(sum.get());
  BN_one(power.get());
  BN_lshift(power.get(), power.get(), bits);
  BN_div_word(power.get(), x);  // 2^bits / x
  for (unsigned k = 0; !BN_is_zero(power.get()); ++k) {
    BN_copy(term.get(), power.get());
    BN_div_word(term.get(), 2 * k + 1);
    if (k % 2 == 0)
      BN_add(sum.get(), sum.get(), term.get());
    else
      BN_sub(sum.get(), sum.get(), term.get());
    BN_div_word(power.get(), x * x);
  }
  return sum;
}

}  // namespace

const std::array<std::uint32_t, 1042>& blowfish_pi_words() {
  static const std::array<std::uint32_t, 1042> words = [] {
    constexpr int kFracBits = kStateWords * 32;
    constexpr int kGuard = 64;  // absorbs the truncation error of the ~7000 series terms
    const int bits = kFracBits + kGuard;
    BnPtr pi = scaled_arctan_inverse(5, bits);
    BN_mul_word(pi.get(), 16);
    BnPtr a239 = scaled_arctan_inverse(239, bits);
    BN_mul_word(a239.get(), 4);
    BN_sub(pi.get(), pi.get(), a239.get());
    BN_rshift(pi.get(), pi.get(), kGuard);
    BN_mask_bits(pi.get(), kFracBits);  // drop the integer part 3
    std::array<unsigned char, kStateWords * 4> bytes{};
    BN_bn2binpad(pi.get(), bytes.data(), bytes.size());
    std::array<std::uint32_t, 1042> w{};
    for (int i = 0; i < kStateWords; ++i)
      w[i] = std::uint32_t{bytes[4 * i]} << 24 | std::uint32_t{bytes[4 * i + 1]} << 16 |
             std::uint32_t{bytes[4 * i + 2]} << 8 | bytes[4 * i + 3];
    return w;
  }();
  return words;
}

namespace {

struct Blowfish {
  std::uint32_t p[18];
  std::uint32_t s[4][256];

  Blowfish() {
    const auto& pi = blowfish_pi_words();
    std::copy(pi.begin(), pi.begin() + 18, p);
    for (int i = 0; i < 4; ++i) std::copy(pi.begin() + 18 + 256 * i, pi.begin() + 18 + 256 * (i + 1), s[i]);
  }

  std::uint32_t f(std::uint32_t x) const {
    return ((s[0][x >> 24] + s[1][(x >> 16) & 0xff]) ^ s[2][(x >> 8) & 0xff]) + s[3][x & 0xff];
  }

  void encrypt(std::uint32_t& l, std::uint32_t& r) const {
    std::uint32_t xl = l, xr = r;
    xl ^= p[0];
    for (int i = 1; i <= 16; i += 2) {
      xr ^= f(xl) ^ p[i];
      xl ^= f(xr) ^ p[i + 1];
    }
    xr ^= p[17];
    l = xr;
    r = xl;
  }

  // The next 4 bytes of `b` as a big-endian word, wrapping around (x/crypto's getNextWord).
  static std::uint32_t next_word(std::string_view b, size_t& pos) {
    std::uint32_t w = 0;
    for (int i = 0; i < 4; ++i) {
      w = w << 8 | static_cast<unsigned char>(b[pos]);
      pos = (pos + 1) % b.size();
    }
    return w;
  }

  // The key schedule: key into P, then the chained encryptions rewrite P and the S-boxes;
  // with a salt, salt words are mixed into each block first (EksBlowfish's expandKeyWithSalt).
  void expand(std::string_view key, std::string_view salt) {
    size_t j = 0;
    for (auto& word : p) word ^= next_word(key, j);
    std::uint32_t l = 0, r = 0;
    j = 0;
    auto step = [&](std::uint32_t& a, std::uint32_t& b) {
      if (!salt.empty()) {
        l ^= next_word(salt, j);
        r ^= next_word(salt, j);
      }
      encrypt(l, r);
      a = l;
      b = r;
    };
    for (int i = 0; i < 18; i += 2) step(p[i], p[i + 1]);
    for (auto& box : s)
      for (int i = 0; i < 256; i += 2) step(box[i], box[i + 1]);
  }
};

constexpr std::string_view kBcryptAlphabet =
    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// Base64 in bcrypt's alphabet without padding.
std::string bcrypt_base64(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); i += 3) {
    size_t n = std::min<size_t>(3, raw.size() - i);
    unsigned v = 0;
    for (size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(raw[i + k]) : 0);
    for (size_t k = 0; k <= n; ++k) out += kBcryptAlphabet[(v >> (18 - 6 * k)) & 63];
  }
  return out;
}

}  // namespace

std::string bcrypt_hash(std::string_view password, std::string_view salt, int cost) {
  // The key is the password with its terminating NUL, as in the C original.
  std::string key(password);
  key += '\0';
  Blowfish bf;
  bf.expand(key, salt);
  for (std::uint64_t i = 0, rounds = std::uint64_t{1} << cost; i < rounds; ++i) {
    bf.expand(key, "");
    bf.expand(salt, "");
  }
  std::uint32_t data[6];
  constexpr std::string_view kMagic = "OrpheanBeholderScryDoubt";
  size_t pos = 0;
  for (auto& w : data) w = Blowfish::next_word(kMagic, pos);
  for (int i = 0; i < 6; i += 2)
    for (int k = 0; k < 64; ++k) bf.encrypt(data[i], data[i + 1]);
  std::string raw;
  for (auto w : data)
    for (int shift = 24; shift >= 0; shift -= 8) raw += static_cast<char>(w >> shift);
  raw.resize(23);  // bcrypt keeps 23 of the 24 bytes
  std::string cost_text = (cost < 10 ? "0" : "") + std::to_string(cost);
  return "$2a$" + cost_text + "$" + bcrypt_base64(salt) + bcrypt_base64(raw);
}

}  // namespace sparkc::gotmpl
