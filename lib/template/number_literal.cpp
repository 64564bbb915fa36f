// Numeric constants of templates: Go's Tree.newNumber, which records every exact
// interpretation (int64, uint64, float64, complex) of a number, character or complex token.
// The conversions go through Go's strconv rules (go_strconv_parse.cpp) and, for complex constants,
// through what fmt.Sscan accepts, so that errors read exactly as Go's.
#include <cmath>

#include "template/number_literal.h"

#include "template/go_strconv.h"

namespace sparkc::gotmpl {
namespace {

// Go's float64(int64(f)) == f on amd64: f is integral and within int64.
bool float_is_int64(double f) { return f >= -0x1p63 && f < 0x1p63 && std::trunc(f) == f; }
bool float_is_uint64(double f) { return f >= 0 && f < 0x1p64 && std::trunc(f) == f; }

// Go's NumberNode.simplifyComplex: a complex with zero imaginary part is also a float,
// and an integral float is also an int and/or uint.
void simplify_complex(NumberNode& n) {
  n.is_float = n.complex_imag == 0;
  if (!n.is_float) return;
  n.float64 = n.complex_real;
  n.is_int = float_is_int64(n.float64);
  if (n.is_int) n.int64 = static_cast<std::int64_t>(n.float64);
  n.is_uint = float_is_uint64(n.float64);
  if (n.is_uint) n.uint64 = static_cast<std::uint64_t>(n.float64);
}

// fmt's floatToken as used by Sscan for complex numbers: the longest float-looking prefix.
std::string_view scan_float_token(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  auto accept = [&](std::string_view set) {
    if (i < s.size() && set.find(s[i]) != std::string_view::npos) {
      i++;
      return true;
    }
    return false;
  };
  if (accept("nN") && accept("aA") && accept("nN")) return s.substr(start, i - start);
  accept("+-");
  if (accept("iI") && accept("nN") && accept("fF")) return s.substr(start, i - start);
  std::string_view digits = "0123456789_", exp = "eEpP";
  if (accept("0") && accept("xX")) {
    digits = "0123456789aAbBcCdDeEfF_";
    exp = "pP";
  }
  while (accept(digits)) {
  }
  if (accept(".")) {
    while (accept(digits)) {
    }
  }
  if (accept(exp)) {
    accept("+-");
    while (accept("0123456789_")) {
    }
  }
  return s.substr(start, i - start);
}

// fmt's convertFloat for one part of a complex constant; empty string when it succeeds,
// otherwise the error text of the Go error.
std::string convert_complex_part(std::string_view part, double& out) {
  // fmt has its own rule for a decimal mantissa with a 'p' exponent, but the lexer never
  // produces one ('p' after decimal digits is a bad number), so ParseFloat decides.
  ParsedNumber<double> f = go_parse_float(part);
  if (f.ok()) {
    out = f.value;
    return {};
  }
  return "strconv.ParseFloat: parsing " + go_quote(part) +
         (f.error == NumError::kRange ? ": value out of range" : ": invalid syntax");
}

// Go's fmt.Sscan(text, &complex128) for a lexed complex constant such as 1+2i.
std::string scan_complex(std::string_view text, NumberNode& n) {
  static const std::string kErrComplex = "syntax error scanning complex number";
  std::size_t i = 0;
  std::string_view real = scan_float_token(text, i);
  if (i >= text.size() || (text[i] != '+' && text[i] != '-')) return kErrComplex;
  std::size_t sign = i++;
  scan_float_token(text, i);
  std::string_view imag = text.substr(sign, i - sign);
  if (i >= text.size() || text[i] != 'i') return kErrComplex;
  if (std::string err = convert_complex_part(real, n.complex_real); !err.empty()) return err;
  return convert_complex_part(imag, n.complex_imag);
}

}  // namespace

// Integers are tried first (so 0x1F is an int), then floats; a float that is integral
// also counts as an int or uint when it fits, as in Go.
std::string convert_number(NumberNode& n, TokenType type) {
  std::string_view text = n.text;
  if (type == TokenType::CharConstant) {
    UnquotedChar uc;
    if (!go_unquote_char(text.substr(1), text[0], uc)) return "invalid syntax";
    if (uc.tail != "'") return "malformed character constant: " + std::string(text);
    n.int64 = uc.value;
    n.is_int = true;
    n.uint64 = uc.value;
    n.is_uint = true;
    n.float64 = uc.value;  // odd, but those are Go's rules
    n.is_float = true;
    return {};
  }
  if (type == TokenType::Complex) {
    if (std::string err = scan_complex(text, n); !err.empty()) return err;
    n.is_complex = true;
    simplify_complex(n);
    return {};
  }
  // Imaginary constants can only be complex, unless they are zero.
  if (!text.empty() && text.back() == 'i') {
    if (ParsedNumber<double> f = go_parse_float(text.substr(0, text.size() - 1)); f.ok()) {
      n.is_complex = true;
      n.complex_real = 0;
      n.complex_imag = f.value;
      simplify_complex(n);
      return {};
    }
  }
  ParsedNumber<std::uint64_t> u = go_parse_uint(text, 0);
  if (u.ok()) {
    n.is_uint = true;
    n.uint64 = u.value;
  }
  if (ParsedNumber<std::int64_t> i = go_parse_int(text, 0); i.ok()) {
    n.is_int = true;
    n.int64 = i.value;
    if (i.value == 0) {  // "-0" fails ParseUint but is a fine unsigned zero
      n.is_uint = true;
      n.uint64 = u.ok() ? u.value : 0;
    }
  }
  if (n.is_int) {
    n.is_float = true;
    n.float64 = static_cast<double>(n.int64);
  } else if (n.is_uint) {
    n.is_float = true;
    n.float64 = static_cast<double>(n.uint64);
  } else if (ParsedNumber<double> parsed = go_parse_float(text); parsed.ok()) {
    const double f = parsed.value;
    // A float spelled like an integer is an integer too large for 64 bits.
    if (text.find_first_of(".eEpP") == std::string_view::npos) {
      return "integer overflow: " + go_quote(text);
    }
    n.is_float = true;
    n.float64 = f;
    if (float_is_int64(f)) {
      n.is_int = true;
      n.int64 = static_cast<std::int64_t>(f);
    }
    if (float_is_uint64(f)) {
      n.is_uint = true;
      n.uint64 = static_cast<std::uint64_t>(f);
    }
  }
  if (!n.is_int && !n.is_uint && !n.is_float) return "illegal number syntax: " + go_quote(text);
  return {};
}

}  // namespace sparkc::gotmpl
