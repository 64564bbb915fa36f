#include "yaml/resolve.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace sparkc::yaml::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The fixed spellings yaml.v2 looks up before trying numbers.
bool lookup(std::string_view s, Resolved* r) {
  static const std::string_view kTrue[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
                                           "on", "On", "ON"};
  static const std::string_view kFalse[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE",
                                            "off", "Off", "OFF"};
  static const std::string_view kNull[] = {"", "~", "null", "Null", "NULL"};
  for (auto w : kTrue) {
    if (s == w) return r->kind = Resolved::Bool, r->b = true, true;
  }
  for (auto w : kFalse) {
    if (s == w) return r->kind = Resolved::Bool, r->b = false, true;
  }
  for (auto w : kNull) {
    if (s == w) return r->kind = Resolved::Null, true;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    return r->kind = Resolved::Float, r->f = std::numeric_limits<double>::quiet_NaN(), true;
  }
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    return r->kind = Resolved::Float, r->f = std::numeric_limits<double>::infinity(), true;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    return r->kind = Resolved::Float, r->f = -std::numeric_limits<double>::infinity(), true;
  }
  if (s == "<<") return r->kind = Resolved::Merge, true;
  return false;
}

// strconv.ParseUint(s, 0, 64) on an unsigned body: base prefixes 0x 0o 0b, a leading 0 for octal.
bool parse_uint_base0(std::string_view s, std::uint64_t* out) {
  if (s.empty()) return false;
  int base = 10;
  if (s[0] == '0' && s.size() > 1) {
    char p = s[1];
    if (p == 'x' || p == 'X') base = 16, s.remove_prefix(2);
    else if (p == 'o' || p == 'O') base = 8, s.remove_prefix(2);
    else if (p == 'b' || p == 'B') base = 2, s.remove_prefix(2);
    else base = 8, s.remove_prefix(1);
    if (s.empty()) return false;
  }
  std::uint64_t v = 0;
  for (char c : s) {
    int d;
    if (is_digit(c)) d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    if (v > (std::numeric_limits<std::uint64_t>::max() - d) / base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

// strconv.ParseInt(s, 0, 64).
bool parse_int_base0(std::string_view s, std::int64_t* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t u;
  if (!parse_uint_base0(s, &u)) return false;
  if (neg) {
    if (u > std::uint64_t{1} << 63) return false;
    *out = static_cast<std::int64_t>(0 - u);
  } else {
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
    *out = static_cast<std::int64_t>(u);
  }
  return true;
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool yaml_style_float(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t st = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == st) return false;
  } else {
    size_t st = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == st) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && is_digit(s[i])) ++i;
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t st = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == st) return false;
  }
  return i == s.size();
}

// strconv.ParseFloat for the decimal forms that reach it here; false on syntax errors and on
// overflow (Go reports a range error), true on underflow to zero (Go does not).
bool parse_float(std::string_view s, double* out) {
  if (!yaml_style_float(s)) return false;
  std::string z(s);
  errno = 0;
  double d = std::strtod(z.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(d)) return false;
  *out = d;
  return true;
}

// Reads 1 or 2 digits (Go's getnum with fixed=false) within [lo, hi].
bool num12(std::string_view s, size_t* i, int lo, int hi, int* out) {
  if (*i >= s.size() || !is_digit(s[*i])) return false;
  int v = s[(*i)++] - '0';
  if (*i < s.size() && is_digit(s[*i])) v = v * 10 + (s[(*i)++] - '0');
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool two_digits(std::string_view s, size_t* i, int hi) {
  if (*i + 2 > s.size() || !is_digit(s[*i]) || !is_digit(s[*i + 1])) return false;
  int v = (s[*i] - '0') * 10 + (s[*i + 1] - '0');
  *i += 2;
  return v <= hi;
}

int days_in(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

}  // namespace

// The layouts are parsed the way Go's time.Parse reads them: month, day, hour, minute and
// second take one or two digits, the year exactly four, the fraction any number of digits,
// and the date must exist (2001-02-30 is not a timestamp, so it stays a plain string).
bool is_timestamp(std::string_view s) {
  // Layouts: "2006-1-2", "2006-1-2 15:4:5.999999999", "2006-1-2T15:4:5.999999999Z07:00" (also 't').
  size_t i = 0;
  for (; i < 4; ++i) {
    if (i >= s.size() || !is_digit(s[i])) return false;
  }
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int month, day, h, m, sec;
  if (i >= s.size() || s[i++] != '-' || !num12(s, &i, 1, 12, &month)) return false;
  if (i >= s.size() || s[i++] != '-' || !num12(s, &i, 1, 31, &day)) return false;
  if (day > days_in(year, month)) return false;
  if (i == s.size()) return true;
  char sep = s[i++];
  if (sep != ' ' && sep != 'T' && sep != 't') return false;
  if (!num12(s, &i, 0, 23, &h) || i >= s.size() || s[i++] != ':') return false;
  if (!num12(s, &i, 0, 59, &m) || i >= s.size() || s[i++] != ':') return false;
  if (!num12(s, &i, 0, 59, &sec)) return false;
  if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  if (sep == ' ') return i == s.size();
  if (i >= s.size()) return false;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  ++i;
  if (!two_digits(s, &i, 24) || i >= s.size() || s[i++] != ':' || !two_digits(s, &i, 60)) return false;
  return i == s.size();
}

bool is_base60_float(std::string_view s) {
  // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i >= s.size() || !is_digit(s[i])) return false;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) ++i;
  int groups = 0;
  while (i < s.size() && s[i] == ':') {
    ++i;
    // [0-5]?[0-9]: one digit, or two with the first in 0-5.
    if (i >= s.size() || !is_digit(s[i])) return false;
    if (i + 1 < s.size() && is_digit(s[i + 1]) && s[i] <= '5') i += 2;
    else ++i;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) ++i;
  }
  return i == s.size();
}

// yaml.v2 looks only at the first character to decide what to try: a sign or digit may be a
// number or timestamp, '.' a float, a few letters a bool or null from the fixed table; any
// other text is a string without further tests.
Resolved resolve_plain(std::string_view s) {
  Resolved r;
  char c = s.empty() ? 'N' : s[0];
  bool sign = c == '+' || c == '-';
  bool digit = is_digit(c);
  bool in_map = std::string_view("yYnNtTfFoO~").find(c) != std::string_view::npos;
  if (!(sign || digit || in_map || c == '.' || s.empty())) return r;
  if (lookup(s, &r)) return r;
  if (c == '.') {
    double f;
    if (parse_float(s, &f)) r.kind = Resolved::Float, r.f = f;
    return r;
  }
  if (!(sign || digit)) return r;
  if (is_timestamp(s)) {
    r.kind = Resolved::Timestamp;
    return r;
  }
  // Underscores are dropped everywhere before the number parsers run (yaml.v2 does the same),
  // so "1_000" is 1000 and "0x_1F" is 31.
  std::string plain;
  plain.reserve(s.size());
  for (char ch : s) {
    if (ch != '_') plain += ch;
  }
  std::int64_t iv;
  if (parse_int_base0(plain, &iv)) {
    r.kind = Resolved::Int, r.i = iv;
    return r;
  }
  std::uint64_t uv;
  if (parse_uint_base0(plain, &uv)) {
    r.kind = Resolved::Uint, r.u = uv;
    return r;
  }
  double f;
  if (parse_float(plain, &f)) r.kind = Resolved::Float, r.f = f;
  return r;
}

std::string_view short_tag(Resolved::Kind k) {
  switch (k) {
    case Resolved::Null: return "!!null";
    case Resolved::Bool: return "!!bool";
    case Resolved::Int:
    case Resolved::Uint: return "!!int";
    case Resolved::Float: return "!!float";
    case Resolved::Str: return "!!str";
    case Resolved::Timestamp: return "!!timestamp";
    case Resolved::Merge: return "!!merge";
  }
  return "!!str";
}

}  // namespace sparkc::yaml::detail
