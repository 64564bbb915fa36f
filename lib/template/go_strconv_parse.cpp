// strconv's reading side: numbers (ParseUint, ParseInt, ParseFloat) and quoted literals
// (Unquote, UnquoteChar). These rules decide which templates parse, what their constants are
// and what Sprig's loose conversions return, so they follow Go's code paths closely,
// including its leniencies (underscores in base-0 numbers, clamped values on overflow).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "template/go_strconv.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {
namespace {

// Go's lower(): ASCII letters to lower case, and harmless for the digits it is used on.
unsigned char lower(unsigned char c) { return c | 0x20; }

bool valid_rune(char32_t r) { return r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF); }

bool unhex(char c, char32_t& v) {
  if (c >= '0' && c <= '9') v = c - '0';
  else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
  else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
  else return false;
  return true;
}

// strconv's underscoreOK: underscores may only separate digits (or follow a base prefix).
bool underscore_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); i++) {
    unsigned char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// The syntax check of strconv's readFloat: true when all of `s` is one float literal.
bool float_syntax_ok(std::string_view s) {
  std::size_t i = 0;
  bool underscores = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool sawdot = false, sawdigits = false;
  for (; i < s.size(); i++) {
    unsigned char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (sawdot) break;
      sawdot = true;
    } else if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      sawdigits = true;
    } else {
      break;
    }
  }
  if (!sawdigits) return false;
  if (i < s.size() && lower(s[i]) == (hex ? 'p' : 'e')) {
    i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;  // a hex mantissa needs a 'p' exponent
  }
  if (underscores && !underscore_ok(s.substr(0, i))) return false;
  return i == s.size();
}

// strconv's special(): [+-]inf, [+-]infinity and unsigned nan, in any case.
std::optional<double> parse_special(std::string_view s) {
  auto iequals = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (lower(a[i]) != b[i]) return false;
    }
    return true;
  };
  double sign = 1;
  bool is_signed = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    is_signed = true;
    s.remove_prefix(1);
  }
  if (iequals(s, "inf") || iequals(s, "infinity")) return sign * std::numeric_limits<double>::infinity();
  if (!is_signed && iequals(s, "nan")) return std::numeric_limits<double>::quiet_NaN();
  return std::nullopt;
}

}  // namespace

ParsedNumber<std::uint64_t> go_parse_uint(std::string_view s, int base) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  if (s.empty() || base < 0 || base == 1 || base > 36) return {0, NumError::kSyntax};
  const std::string_view s0 = s;
  const bool base0 = base == 0;
  if (base0) {
    // A lone leading 0 means octal ("010" is 8), as in Go source.
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b') base = 2, s.remove_prefix(2);
      else if (s.size() >= 3 && lower(s[1]) == 'o') base = 8, s.remove_prefix(2);
      else if (s.size() >= 3 && lower(s[1]) == 'x') base = 16, s.remove_prefix(2);
      else base = 8, s.remove_prefix(1);
    }
  }
  const std::uint64_t cutoff = kMax / base + 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    unsigned d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    if (c >= '0' && c <= '9') d = c - '0';
    else if (lower(c) >= 'a' && lower(c) <= 'z') d = lower(c) - 'a' + 10;
    else return {0, NumError::kSyntax};
    if (d >= static_cast<unsigned>(base)) return {0, NumError::kSyntax};
    // Go stops at the first overflow: later bad digits or underscores are not looked at.
    if (n >= cutoff) return {kMax, NumError::kRange};  // n*base overflows
    n *= base;
    std::uint64_t n1 = n + d;
    if (n1 < n) return {kMax, NumError::kRange};
    n = n1;
  }
  if (underscores && !underscore_ok(s0)) return {0, NumError::kSyntax};
  return {n, NumError::kNone};
}

ParsedNumber<std::int64_t> go_parse_int(std::string_view s, int base) {
  if (s.empty()) return {0, NumError::kSyntax};
  bool neg = false;
  if (s[0] == '+') s.remove_prefix(1);
  else if (s[0] == '-') neg = true, s.remove_prefix(1);
  ParsedNumber<std::uint64_t> un = go_parse_uint(s, base);
  if (un.error == NumError::kSyntax) return {0, NumError::kSyntax};
  // A range error from ParseUint still gets clamped here, to the int64 bound of its sign.
  constexpr std::uint64_t cutoff = std::uint64_t{1} << 63;
  if (!neg && un.value >= cutoff) return {std::numeric_limits<std::int64_t>::max(), NumError::kRange};
  if (neg && un.value > cutoff) return {std::numeric_limits<std::int64_t>::min(), NumError::kRange};
  return {neg ? static_cast<std::int64_t>(0 - un.value) : static_cast<std::int64_t>(un.value),
          NumError::kNone};
}

ParsedNumber<double> go_parse_float(std::string_view s) {
  // Special names first: Go accepts "inf" and "NaN" but rejects strtod's "nan(123)".
  if (std::optional<double> special = parse_special(s)) return {*special, NumError::kNone};
  if (!float_syntax_ok(s)) return {0, NumError::kSyntax};
  std::string clean;
  clean.reserve(s.size());
  for (char c : s) {
    if (c != '_') clean += c;
  }
  errno = 0;
  char* endp = nullptr;
  // The syntax is Go's, so strtod only has to round; glibc rounds decimal and hex input
  // correctly, as Go's ParseFloat does.
  double f = std::strtod(clean.c_str(), &endp);
  if (endp != clean.c_str() + clean.size()) return {0, NumError::kSyntax};
  if (std::isinf(f)) return {f, NumError::kRange};  // overflow; underflow to zero is fine
  return {f, NumError::kNone};
}

bool go_unquote_char(std::string_view s, char quote, UnquotedChar& out) {
  out = {};
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) return false;
  if (c >= 0x80) {
    DecodedRune d = utf8_decode(s);
    out.value = d.rune;
    out.multibyte = true;
    out.tail = s.substr(d.size);
    return true;
  }
  if (c != '\\') {
    out.value = c;
    out.tail = s.substr(1);
    return true;
  }
  if (s.size() <= 1) return false;
  char e = s[1];
  s.remove_prefix(2);
  switch (e) {
    case 'a': out.value = '\a'; break;
    case 'b': out.value = '\b'; break;
    case 'f': out.value = '\f'; break;
    case 'n': out.value = '\n'; break;
    case 'r': out.value = '\r'; break;
    case 't': out.value = '\t'; break;
    case 'v': out.value = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
      std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (s.size() < n) return false;
      char32_t v = 0;
      for (std::size_t j = 0; j < n; j++) {
        char32_t x;
        if (!unhex(s[j], x)) return false;
        v = (v << 4) | x;
      }
      s.remove_prefix(n);
      if (e != 'x') {
        if (!valid_rune(v)) return false;
        out.multibyte = true;
      }
      // \x yields a single byte, possibly not UTF-8.
      out.value = v;
      break;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      char32_t v = e - '0';
      if (s.size() < 2) return false;
      for (int j = 0; j < 2; j++) {
        int x = s[j] - '0';
        if (x < 0 || x > 7) return false;
        v = (v << 3) | static_cast<char32_t>(x);
      }
      s.remove_prefix(2);
      if (v > 255) return false;
      out.value = v;
      break;
    }
    case '\\': out.value = '\\'; break;
    case '\'':
    case '"':
      if (e != quote) return false;
      out.value = static_cast<unsigned char>(e);
      break;
    default: return false;
  }
  out.tail = s;
  return true;
}

std::optional<std::string> go_unquote(std::string_view in) {
  if (in.size() < 2) return std::nullopt;
  char quote = in[0];
  std::size_t end = in.find(quote, 1);
  if (end == std::string_view::npos) return std::nullopt;
  end += 1;  // just after the first closing quote candidate
  if (quote == '`') {
    if (end != in.size()) return std::nullopt;
    std::string out;
    out.reserve(end - 2);
    // Carriage returns are dropped from raw strings, as in Go source.
    for (std::size_t i = 1; i + 1 < end; i++) {
      if (in[i] != '\r') out += in[i];
    }
    return out;
  }
  if (quote != '"' && quote != '\'') return std::nullopt;
  std::string_view head = in.substr(0, end);
  if (head.find('\\') == std::string_view::npos && head.find('\n') == std::string_view::npos) {
    // Fast path: no escapes. Valid only if the body is valid UTF-8 (one rune for '...').
    std::string_view body = in.substr(1, end - 2);
    bool valid = true;
    if (quote == '"') {
      for (std::string_view b = body; !b.empty();) {
        DecodedRune d = utf8_decode(b);
        if (d.rune == kRuneError && d.size == 1) {
          valid = false;
          break;
        }
        b.remove_prefix(d.size);
      }
    } else {
      DecodedRune d = utf8_decode(body);
      valid = 2 + d.size == end && (d.rune != kRuneError || d.size != 1);
    }
    if (valid) {
      if (end != in.size()) return std::nullopt;
      return std::string(body);
    }
  }
  std::string out;
  out.reserve(in.size());
  std::string_view rest = in.substr(1);
  while (!rest.empty() && rest[0] != quote) {
    UnquotedChar uc;
    if (rest[0] == '\n' || !go_unquote_char(rest, quote, uc)) return std::nullopt;
    rest = uc.tail;
    if (uc.value < 0x80 || !uc.multibyte) out += static_cast<char>(uc.value);
    else utf8_append(out, uc.value);
    if (quote == '\'') break;  // a character literal holds one character
  }
  if (rest.empty() || rest[0] != quote) return std::nullopt;
  rest.remove_prefix(1);
  if (!rest.empty()) return std::nullopt;
  return out;
}

}  // namespace sparkc::gotmpl
