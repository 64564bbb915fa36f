// Exact decimal arithmetic for Sprig's float functions; see funcs_sprig_decimal.h.
//
// Magnitudes stay small (a float64 has at most 17 significant digits and a decimal exponent
// within about +-340), so schoolbook algorithms on base-1e9 limbs are ample.
#include "template/funcs_sprig_decimal.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "sparkc/functions.h"
#include "template/go_fmt.h"

namespace sparkc::gotmpl::sprig {

constexpr std::uint32_t kBase = 1000000000;

struct DecimalOps {
  using Limbs = std::vector<std::uint32_t>;

  // Drops leading zero limbs so that zero is the empty vector and sizes compare magnitudes.
  static void trim(Limbs& a) {
    while (!a.empty() && a.back() == 0) a.pop_back();
  }

  // Three-way comparison of magnitudes.
  static int cmp(const Limbs& a, const Limbs& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
      if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  }

  static Limbs add(const Limbs& a, const Limbs& b) {
    Limbs out;
    std::uint64_t carry = 0;
    for (size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
      std::uint64_t s = carry + (i < a.size() ? a[i] : 0) + (i < b.size() ? b[i] : 0);
      out.push_back(static_cast<std::uint32_t>(s % kBase));
      carry = s / kBase;
    }
    trim(out);
    return out;
  }

  // a - b for a >= b.
  static Limbs sub(const Limbs& a, const Limbs& b) {
    Limbs out = a;
    std::int64_t borrow = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      std::int64_t s = static_cast<std::int64_t>(out[i]) - borrow - (i < b.size() ? b[i] : 0);
      borrow = s < 0 ? 1 : 0;
      out[i] = static_cast<std::uint32_t>(s + borrow * kBase);
    }
    trim(out);
    return out;
  }

  // Schoolbook product; 64-bit accumulators hold a limb product plus carries without overflow.
  static Limbs mul(const Limbs& a, const Limbs& b) {
    if (a.empty() || b.empty()) return {};
    std::vector<std::uint64_t> acc(a.size() + b.size() + 1, 0);
    for (size_t i = 0; i < a.size(); ++i) {
      std::uint64_t carry = 0;
      for (size_t j = 0; j < b.size() || carry; ++j) {
        std::uint64_t cur = acc[i + j] + carry + (j < b.size() ? std::uint64_t{a[i]} * b[j] : 0);
        acc[i + j] = cur % kBase;
        carry = cur / kBase;
      }
    }
    Limbs out(acc.begin(), acc.end());
    trim(out);
    return out;
  }

  static Limbs mul_small(const Limbs& a, std::uint32_t m) {
    Limbs out;
    std::uint64_t carry = 0;
    for (size_t i = 0; i < a.size() || carry; ++i) {
      std::uint64_t cur = carry + (i < a.size() ? std::uint64_t{a[i]} * m : 0);
      out.push_back(static_cast<std::uint32_t>(cur % kBase));
      carry = cur / kBase;
    }
    trim(out);
    return out;
  }

  // Truncating division: returns the quotient, leaves the remainder in `rem`. Each quotient
  // limb is found by binary search, which is slow but simple and plenty for our sizes.
  static Limbs divmod(const Limbs& a, const Limbs& b, Limbs& rem) {
    Limbs q(a.size(), 0);
    rem.clear();
    for (size_t i = a.size(); i-- > 0;) {
      rem.insert(rem.begin(), a[i]);
      trim(rem);
      std::uint32_t lo = 0, hi = kBase - 1;
      while (lo < hi) {
        std::uint32_t mid = lo + (hi - lo + 1) / 2;
        if (cmp(mul_small(b, mid), rem) <= 0) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      q[i] = lo;
      if (lo) rem = sub(rem, mul_small(b, lo));
    }
    trim(q);
    return q;
  }

  // Decimal digits to limbs, nine digits per limb from the right.
  static Limbs from_digits(std::string_view digits) {
    Limbs out;
    for (size_t end = digits.size(); end > 0;) {
      size_t start = end >= 9 ? end - 9 : 0;
      out.push_back(static_cast<std::uint32_t>(std::stoul(std::string(digits.substr(start, end - start)))));
      end = start;
    }
    trim(out);
    return out;
  }

  // Limbs to decimal digits; inner limbs are zero-padded to nine digits.
  static std::string to_digits(const Limbs& a) {
    if (a.empty()) return "0";
    std::string out = std::to_string(a.back());
    for (size_t i = a.size() - 1; i-- > 0;) {
      std::string part = std::to_string(a[i]);
      out += std::string(9 - part.size(), '0') + part;
    }
    return out;
  }
};

// m * 10^n for n >= 0, one limb (10^9) at a time, then the remainder.
Decimal::Limbs Decimal::scale_pow10(const Limbs& m, std::int64_t n) {
  Limbs out = m;
  for (; n >= 9; n -= 9) out = DecimalOps::mul_small(out, kBase);
  static const std::uint32_t kPow[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  return n > 0 ? DecimalOps::mul_small(out, kPow[n]) : out;
}

Decimal Decimal::from_float(double d) {
  if (std::isnan(d) || std::isinf(d)) {
    throw FuncError("Cannot create a Decimal from " + go_format_float(d, 'g', -1));
  }
  Decimal out;
  if (d == 0) return out;
  // The shortest round-trip digits, as Go's strconv (and so the decimal library) finds them.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  if (s[0] == '-') {
    out.neg_ = true;
    s.remove_prefix(1);
  }
  size_t e = s.find('e');
  std::string digits;
  for (char c : s.substr(0, e)) {
    if (c != '.') digits += c;
  }
  out.exp_ = std::stoll(std::string(s.substr(e + 1))) - static_cast<std::int64_t>(digits.size()) + 1;
  out.mag_ = DecimalOps::from_digits(digits);
  return out;
}

Decimal Decimal::add(const Decimal& o) const {
  // Align both on the smaller exponent, then add signed magnitudes.
  std::int64_t exp = std::min(exp_, o.exp_);
  Limbs a = scale_pow10(mag_, exp_ - exp), b = scale_pow10(o.mag_, o.exp_ - exp);
  Decimal out;
  out.exp_ = exp;
  if (neg_ == o.neg_) {
    out.mag_ = DecimalOps::add(a, b);
    out.neg_ = neg_;
  } else if (DecimalOps::cmp(a, b) >= 0) {
    out.mag_ = DecimalOps::sub(a, b);
    out.neg_ = neg_;
  } else {
    out.mag_ = DecimalOps::sub(b, a);
    out.neg_ = o.neg_;
  }
  if (out.mag_.empty()) out.neg_ = false;
  return out;
}

// a - b as a + (-b); zero stays positive so that signs of results stay canonical.
Decimal Decimal::sub(const Decimal& o) const {
  Decimal neg = o;
  neg.neg_ = !o.neg_ && !o.mag_.empty();
  return add(neg);
}

// Exact: digits multiply, exponents add.
Decimal Decimal::mul(const Decimal& o) const {
  Decimal out;
  out.mag_ = DecimalOps::mul(mag_, o.mag_);
  out.exp_ = exp_ + o.exp_;
  out.neg_ = !out.mag_.empty() && neg_ != o.neg_;
  return out;
}

Decimal Decimal::div(const Decimal& o) const {
  constexpr std::int64_t kPrecision = 16;  // decimal.DivisionPrecision
  if (o.mag_.empty()) throw FuncError("decimal division by 0");
  // q = trunc(a * 10^(ea - eb + 16) / b), at exponent -16; then round half away from zero
  // by comparing twice the remainder with the divisor.
  std::int64_t e = exp_ - o.exp_ + kPrecision;
  Limbs num = mag_, den = o.mag_;
  if (e >= 0) {
    num = scale_pow10(num, e);
  } else {
    den = scale_pow10(den, -e);
  }
  Limbs rem;
  Limbs q = DecimalOps::divmod(num, den, rem);
  if (DecimalOps::cmp(DecimalOps::mul_small(rem, 2), den) >= 0) q = DecimalOps::add(q, {1});
  Decimal out;
  out.mag_ = q;
  out.exp_ = -kPrecision;
  out.neg_ = !q.empty() && neg_ != o.neg_;
  return out;
}

double Decimal::to_float() const {
  if (mag_.empty()) return 0;
  // strtod rounds correctly however long the digit string is; no decimal point is written, so
  // the locale does not matter.
  std::string s = (neg_ ? "-" : "") + DecimalOps::to_digits(mag_) + "e" + std::to_string(exp_);
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace sparkc::gotmpl::sprig
