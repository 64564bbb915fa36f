// Go's strconv and unicode/utf8 behaviour for template literals. These rules decide which
// templates parse and what their constants are, so they follow Go's code paths closely,
// including its leniencies (underscores in base-0 numbers, U+FFFD for bad UTF-8).
#include "template/literals.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace sparkc::gotmpl {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

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
    if (i >= s.size()) return false;
    if (s[i] == '+' || s[i] == '-') i++;
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

}  // namespace

DecodedRune decode_rune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  int n;
  char32_t r;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, r = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, r = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, r = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < static_cast<std::size_t>(n)) return {kRuneError, 1};
  for (int k = 1; k < n; k++) {
    auto b = static_cast<unsigned char>(s[k]);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return {kRuneError, 1};
    r = (r << 6) | (b & 0x3F);
  }
  return {r, n};
}

void append_utf8(std::string& out, char32_t r) {
  if (!valid_rune(r)) r = kRuneError;
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

std::string go_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  while (!s.empty()) {
    DecodedRune d = decode_rune(s);
    if (d.width == 1 && d.rune == kRuneError) {
      // An invalid byte is shown as \x escape of that byte.
      auto b = static_cast<unsigned char>(s[0]);
      out += "\\x";
      out += kLowerHex[b >> 4];
      out += kLowerHex[b & 0xF];
      s.remove_prefix(1);
      continue;
    }
    s.remove_prefix(d.width);
    char32_t r = d.rune;
    if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
      continue;
    }
    if (is_unicode_print(r)) {
      append_utf8(out, r);
      continue;
    }
    switch (r) {
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    if (r < ' ' || r == 0x7F) {
      out += "\\x";
      out += kLowerHex[(r >> 4) & 0xF];
      out += kLowerHex[r & 0xF];
    } else if (r < 0x10000) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kLowerHex[(r >> shift) & 0xF];
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out += kLowerHex[(r >> shift) & 0xF];
    }
  }
  out += '"';
  return out;
}

std::string go_format_unicode(char32_t r) {
  static constexpr char kUpperHex[] = "0123456789ABCDEF";
  std::string out = "U+";
  int digits = 4;
  while (digits < 8 && (r >> (4 * digits)) != 0) digits++;
  for (int k = digits - 1; k >= 0; k--) out += kUpperHex[(r >> (4 * k)) & 0xF];
  if (r <= 0x10FFFF && is_unicode_print(r)) {
    out += " '";
    append_utf8(out, r);
    out += '\'';
  }
  return out;
}

bool go_unquote_char(std::string_view s, char quote, UnquotedChar& out) {
  out = {};
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) return false;
  if (c >= 0x80) {
    DecodedRune d = decode_rune(s);
    out.value = d.rune;
    out.multibyte = true;
    out.tail = s.substr(d.width);
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
        DecodedRune d = decode_rune(b);
        if (d.rune == kRuneError && d.width == 1) {
          valid = false;
          break;
        }
        b.remove_prefix(d.width);
      }
    } else {
      DecodedRune d = decode_rune(body);
      valid = 2 + static_cast<std::size_t>(d.width) == end && (d.rune != kRuneError || d.width != 1);
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
    else append_utf8(out, uc.value);
    if (quote == '\'') break;  // a character literal holds one character
  }
  if (rest.empty() || rest[0] != quote) return std::nullopt;
  rest.remove_prefix(1);
  if (!rest.empty()) return std::nullopt;
  return out;
}

std::optional<std::uint64_t> go_parse_uint(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::string_view s0 = s;
  unsigned base = 10;
  if (s[0] == '0') {
    if (s.size() >= 3 && lower(s[1]) == 'b') base = 2, s.remove_prefix(2);
    else if (s.size() >= 3 && lower(s[1]) == 'o') base = 8, s.remove_prefix(2);
    else if (s.size() >= 3 && lower(s[1]) == 'x') base = 16, s.remove_prefix(2);
    else base = 8, s.remove_prefix(1);
  }
  const std::uint64_t cutoff = UINT64_MAX / base + 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    unsigned d;
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (c >= '0' && c <= '9') d = c - '0';
    else if (lower(c) >= 'a' && lower(c) <= 'z') d = lower(c) - 'a' + 10;
    else return std::nullopt;
    if (d >= base) return std::nullopt;
    if (n >= cutoff) return std::nullopt;  // n*base overflows
    n *= base;
    std::uint64_t n1 = n + d;
    if (n1 < n) return std::nullopt;
    n = n1;
  }
  if (underscores && !underscore_ok(s0)) return std::nullopt;
  return n;
}

std::optional<std::int64_t> go_parse_int(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s[0] == '+') s.remove_prefix(1);
  else if (s[0] == '-') neg = true, s.remove_prefix(1);
  std::optional<std::uint64_t> un = go_parse_uint(s);
  if (!un) return std::nullopt;
  constexpr std::uint64_t cutoff = std::uint64_t{1} << 63;
  if (!neg && *un >= cutoff) return std::nullopt;
  if (neg && *un > cutoff) return std::nullopt;
  if (neg) return static_cast<std::int64_t>(0 - *un);
  return static_cast<std::int64_t>(*un);
}

std::optional<double> go_parse_float(std::string_view s, bool* out_of_range) {
  if (out_of_range) *out_of_range = false;
  // Lexer tokens never spell inf or nan (they start with a sign, a digit or '.'), so
  // only the numeric syntax is needed here.
  if (!float_syntax_ok(s)) return std::nullopt;
  std::string clean;
  clean.reserve(s.size());
  for (char c : s) {
    if (c != '_') clean += c;
  }
  errno = 0;
  char* endp = nullptr;
  // glibc's strtod rounds correctly for decimal and hex input, as Go's ParseFloat does.
  double f = std::strtod(clean.c_str(), &endp);
  if (endp != clean.c_str() + clean.size()) return std::nullopt;
  if (errno == ERANGE && std::isinf(f)) {  // overflow; underflow is fine
    if (out_of_range) *out_of_range = true;
    return std::nullopt;
  }
  return f;
}

}  // namespace sparkc::gotmpl
