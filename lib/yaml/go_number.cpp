#include "yaml/go_number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace sparkc::yaml::detail {
namespace {

// Shortest round-trip decimal digits of a finite value: "12345" and the decimal point position
// (value = 0.digits * 10^point), as Go's strconv computes them before laying them out.
struct Digits {
  bool neg = false;
  std::string digits;  // no leading or trailing zeros; "0" for zero
  int point = 0;
};

template <typename F>
Digits shortest(F f) {
  Digits d;
  char buf[64];
  // std::to_chars without a precision gives the shortest representation that round-trips,
  // the same digit string Go's Ryu-based shortest formatting produces.
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  size_t i = 0;
  if (s[i] == '-') {
    d.neg = true;
    ++i;
  }
  size_t e = s.find('e');
  for (size_t k = i; k < e; ++k) {
    if (s[k] != '.') d.digits += s[k];
  }
  int exp10 = std::atoi(s.c_str() + e + 1);
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits == "0") {
    d.point = 1;
  } else {
    d.point = exp10 + 1;
  }
  return d;
}

// %e layout: d.ddddde±XX with at least two exponent digits.
std::string layout_e(const Digits& d) {
  std::string out;
  if (d.neg) out += '-';
  out += d.digits[0];
  if (d.digits.size() > 1) {
    out += '.';
    out.append(d.digits, 1, std::string::npos);
  }
  int exp = d.digits == "0" ? 0 : d.point - 1;
  out += 'e';
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  if (exp < 10) out += '0';
  out += std::to_string(exp);
  return out;
}

// %f layout with exactly the significant digits.
std::string layout_f(const Digits& d) {
  std::string out;
  if (d.neg) out += '-';
  if (d.point <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-d.point), '0');
    out += d.digits;
    return out;
  }
  if (static_cast<size_t>(d.point) >= d.digits.size()) {
    out += d.digits;
    out.append(static_cast<size_t>(d.point) - d.digits.size(), '0');
    return out;
  }
  out.append(d.digits, 0, static_cast<size_t>(d.point));
  out += '.';
  out.append(d.digits, static_cast<size_t>(d.point), std::string::npos);
  return out;
}

std::string special(double f) {
  if (std::isnan(f)) return "NaN";
  return f > 0 ? "+Inf" : "-Inf";
}

// strconv's %g with shortest precision switches to the exponent form at 1e6 (fmt's %v, which
// uses 21, is a different rule).
std::string layout_g(const Digits& d) {
  int exp = d.digits == "0" ? 0 : d.point - 1;
  if (exp < -4 || exp >= 6) return layout_e(d);
  return layout_f(d);
}

}  // namespace

std::string format_float_g(double f) {
  if (!std::isfinite(f)) return special(f);
  return layout_g(shortest(f));
}

std::string format_float_g32(double f) {
  if (!std::isfinite(f)) return special(f);
  float g = static_cast<float>(f);
  if (!std::isfinite(g)) return special(g);
  return layout_g(shortest(g));
}

std::string format_float_fixed(double f) {
  if (!std::isfinite(f)) return special(f);
  return layout_f(shortest(f));
}

std::string format_float_json(double f) {
  double a = std::fabs(f);
  Digits d = shortest(f);
  if (a != 0 && (a < 1e-6 || a >= 1e21)) {
    std::string s = layout_e(d);
    // Go trims "e-07" to "e-7" (and "e+07" never occurs in this range) so the output matches
    // ES6 number formatting.
    size_t n = s.size();
    if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') s.erase(n - 2, 1);
    return s;
  }
  return layout_f(d);
}

}  // namespace sparkc::yaml::detail
