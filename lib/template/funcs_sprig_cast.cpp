// Loose conversions in the manner of spf13/cast and the strconv parsers behind them.
#include "template/funcs_sprig_cast.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "sparkc/functions.h"
#include "template/go_fmt.h"

namespace sparkc::gotmpl::sprig {
namespace {

// ASCII lower case, as strconv compares base prefixes and exponent letters.
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// strconv's underscoreOK: underscores may only separate digits (a base prefix counts as one).
bool underscores_ok(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
    } else if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

// The value of a digit in bases up to 36; 99 for anything that is not a digit.
int digit_value(char c) {
  c = lower(c);
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return 99;
}

// cast's trimZeroDecimal: "3.00" -> "3", so ToInt64 accepts integral float strings.
std::string_view trim_zero_decimal(std::string_view s) {
  bool found_zero = false;
  for (size_t i = s.size(); i > 0; --i) {
    char c = s[i - 1];
    if (c == '.') {
      if (found_zero) return s.substr(0, i - 1);
    } else if (c == '0') {
      found_zero = true;
    } else {
      return s;
    }
  }
  return s;
}

// Checks Go's float grammar (readFloat plus the special names) so strtod, which accepts more,
// only ever sees strings Go would accept.
bool valid_float_syntax(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool saw_dot = false, saw_digits = false, underscores = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
    } else if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  char exp_char = hex ? 'p' : 'e';
  if (i < s.size() && lower(s[i]) == exp_char) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); ++i) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;  // a hexadecimal mantissa needs a p exponent
  }
  if (i != s.size()) return false;
  return !underscores || underscores_ok(s);
}

// Go's special(): inf, infinity and nan in any case, with an optional sign for inf.
std::optional<double> parse_special(std::string_view s) {
  double sign = 1;
  std::string_view rest = s;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    if (rest[0] == '-') sign = -1;
    rest.remove_prefix(1);
  }
  std::string low;
  for (char c : rest) low += lower(c);
  if (low == "inf" || low == "infinity") return sign * std::numeric_limits<double>::infinity();
  if (rest.size() == s.size() && low == "nan") return std::numeric_limits<double>::quiet_NaN();
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> parse_int(std::string_view s, int base) {
  // Keep the original text: underscores are validated on it, prefix included.
  std::string_view s0 = s;
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
  }
  // Base 0 picks the base from the prefix; a lone leading 0 means octal ("010" is 8).
  bool base0 = base == 0;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b') {
        base = 2;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'o') {
        base = 8;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'x') {
        base = 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  }
  // Accumulate as unsigned and check the int64 range at the end, as ParseInt does.
  std::uint64_t n = 0;
  bool underscores = false;
  const std::uint64_t limit = std::uint64_t{1} << 63;
  bool overflow = false;
  for (char c : s) {
    if (c == '_' && base0) {
      underscores = true;
      continue;
    }
    int d = digit_value(c);
    if (d >= base) return std::nullopt;
    if (n > (std::numeric_limits<std::uint64_t>::max() - d) / base) {
      overflow = true;
      n = std::numeric_limits<std::uint64_t>::max();
    } else if (!overflow) {
      n = n * base + d;
    }
  }
  if (underscores && !underscores_ok(s0.substr(s0[0] == '+' || s0[0] == '-' ? 1 : 0))) return std::nullopt;
  if (overflow) return std::nullopt;
  if (!neg && n >= limit) return std::nullopt;
  if (neg && n > limit) return std::nullopt;
  return neg ? static_cast<std::int64_t>(0 - n) : static_cast<std::int64_t>(n);
}

std::optional<double> parse_float(std::string_view s) {
  // Special names first: Go accepts "inf" and "NaN" but rejects strtod's "nan(123)".
  if (s.empty()) return std::nullopt;
  if (auto special = parse_special(s)) return special;
  if (!valid_float_syntax(s)) return std::nullopt;
  // The syntax is Go's, so strtod only has to round; it does so correctly, as Go does.
  std::string clean;
  for (char c : s) {
    if (c != '_') clean += c;
  }
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(clean.c_str(), &end);
  // Go reports overflow to infinity as an error; underflow to zero is a valid result.
  if (std::isinf(d)) return std::nullopt;
  return d;
}

std::int64_t to_int64(const Value& v) {
  // cast.ToInt64E, with its error dropped as sprig does: everything unknown is 0.
  switch (v.type()) {
    case Type::Bool: return v.as_bool() ? 1 : 0;
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: return v.as_int();
    case Type::Float64: {
      // Go's float-to-int conversion of out-of-range values is what amd64 gives.
      double d = v.as_float();
      if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
        return std::numeric_limits<std::int64_t>::min();
      }
      return static_cast<std::int64_t>(d);
    }
    // Base 0: "0x1f", "0o17", "0b1", "017" (octal) and "1_000" all count; "3.0" is trimmed to
    // "3" first, but "3.5" and " 3" are errors, hence 0.
    case Type::String: return parse_int(trim_zero_decimal(v.as_string()), 0).value_or(0);
    default: return 0;
  }
}

double to_float64(const Value& v) {
  // cast.ToFloat64E, error dropped: strings go through ParseFloat, so "1e400" (a range
  // error in Go) gives 0, not infinity.
  switch (v.type()) {
    case Type::Bool: return v.as_bool() ? 1 : 0;
    case Type::Int:
    case Type::Int64: return static_cast<double>(v.as_int());
    case Type::Uint64: return static_cast<double>(v.as_uint());
    case Type::Float64: return v.as_float();
    case Type::String: return parse_float(v.as_string()).value_or(0);
    default: return 0;
  }
}

// time.Time and other Stringers print through Object::print(), which is their String().
std::string strval(const Value& v) {
  if (v.type() == Type::String || v.type() == Type::Bytes) return v.as_string();
  if (v.is_nil()) return "<nil>";
  return go_print_value(v);
}

// reflect.Value.Index over a []byte yields uint8 values; we have no uint8, so ints stand in.
List slice_items(const Value& v) {
  if (v.is_list()) return v.as_list();
  List out;
  if (v.type() == Type::Bytes) {
    for (unsigned char c : v.as_string()) out.push_back(Value::integer(c));
  }
  return out;
}

void throw_nil_dereference() {
  throw FuncError("runtime error: invalid memory address or nil pointer dereference");
}

void require_slice(const Value& v, std::string_view what) {
  if (v.is_nil()) throw_nil_dereference();
  if (!is_slice(v)) throw FuncError(std::string(what) + " type " + v.kind_name());
}

}  // namespace sparkc::gotmpl::sprig
