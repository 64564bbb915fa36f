// Conversions as Sprig performs them (strval, strslice) and as spf13/cast does for Sprig's
// int, int64 and float64, with strconv's number syntax: base prefixes, underscores, "inf".
#include "template/funcs_sprig_conv.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "sparkc/functions.h"
#include "template/funcs_sprig_strings.h"
#include "template/go_fmt.h"

namespace sparkc::gotmpl {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// strconv.underscoreOK: underscores may only sit between digits (a base prefix counts as one).
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
  for (; i < s.size(); ++i) {
    char c = s[i];
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

// strconv.ParseUint(s, base, 64) without the sign; nullopt on a syntax error.
std::optional<std::uint64_t> parse_uint(std::string_view s, int base, bool* range) {
  if (s.empty()) return std::nullopt;
  const bool base0 = base == 0;
  const std::string_view s0 = s;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && lower(s[1]) == 'b') {
        base = 2, s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'o') {
        base = 8, s.remove_prefix(2);
      } else if (s.size() >= 3 && lower(s[1]) == 'x') {
        base = 16, s.remove_prefix(2);
      } else {
        base = 8, s.remove_prefix(1);
      }
    }
  }
  std::uint64_t n = 0;
  bool underscores = false;
  for (char c : s) {
    int d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (lower(c) >= 'a' && lower(c) <= 'z') {
      d = lower(c) - 'a' + 10;
    } else {
      return std::nullopt;
    }
    if (d >= base) return std::nullopt;
    // Go stops at the first overflow: later bad digits or underscores are not looked at.
    if (n > (std::numeric_limits<std::uint64_t>::max() - d) / base) {
      *range = true;
      return std::numeric_limits<std::uint64_t>::max();
    }
    n = n * base + d;
  }
  if (underscores && !underscore_ok(s0)) return std::nullopt;
  return n;
}

}  // namespace

std::optional<std::int64_t> go_parse_int(std::string_view s, int base, bool* out_of_range) {
  bool range = false;
  if (out_of_range) *out_of_range = false;
  if (s.empty()) return std::nullopt;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  auto u = parse_uint(s, base, &range);
  if (!u) return std::nullopt;
  constexpr std::uint64_t cutoff = std::uint64_t{1} << 63;
  std::int64_t result;
  if (!neg && *u >= cutoff) {
    range = true, result = std::numeric_limits<std::int64_t>::max();
  } else if (neg && *u > cutoff) {
    range = true, result = std::numeric_limits<std::int64_t>::min();
  } else {
    result = neg ? static_cast<std::int64_t>(0 - *u) : static_cast<std::int64_t>(*u);
  }
  if (out_of_range) *out_of_range = range;
  return result;
}

std::optional<double> go_parse_float(std::string_view s) {
  // Special values: [+-]inf, [+-]infinity and unsigned nan, any case.
  auto iequals = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (lower(a[i]) != b[i]) return false;
    return true;
  };
  {
    std::string_view body = s;
    double sign = 1;
    bool signed_ = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
      sign = body[0] == '-' ? -1 : 1;
      signed_ = true;
      body.remove_prefix(1);
    }
    if (iequals(body, "inf") || iequals(body, "infinity")) return sign * HUGE_VAL;
    if (!signed_ && iequals(body, "nan")) return std::nan("");
  }
  // Check the syntax the way strconv.readFloat does, then let strtod round (both are exact).
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool underscores = false, sawdot = false, sawdigits = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
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
  if (!sawdigits) return std::nullopt;
  const char exp_char = hex ? 'p' : 'e';
  if (i < s.size() && lower(s[i]) == exp_char) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); ++i)
      if (s[i] == '_') underscores = true;
  } else if (hex) {
    return std::nullopt;  // a hexadecimal mantissa needs a 'p' exponent
  }
  if (underscores && !underscore_ok(s.substr(0, i))) return std::nullopt;
  if (i != s.size()) return std::nullopt;
  std::string digits;
  for (char c : s)
    if (c != '_') digits.push_back(c);
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(digits.c_str(), &end);
  // Overflow is a range error in Go; underflow to zero or a denormal is not.
  if (std::isinf(d)) return std::nullopt;
  return d;
}

std::int64_t go_float_to_int64(double d) {
  // CVTTSD2SI yields the "integer indefinite" value for NaN and out-of-range inputs.
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
    return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}

namespace {

// cast.trimZeroDecimal: "12.00" -> "12", so integer casts accept whole decimals.
std::string_view trim_zero_decimal(std::string_view s) {
  bool found_zero = false;
  for (std::size_t i = s.size(); i > 0; --i) {
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

}  // namespace

std::int64_t cast_to_int64(const Value& v) {
  switch (v.type()) {
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: return v.as_int();
    case Type::Float64: return go_float_to_int64(v.as_float());
    case Type::String: {
      bool range = false;
      auto n = go_parse_int(trim_zero_decimal(v.as_string()), 0, &range);
      return (n && !range) ? *n : 0;
    }
    case Type::Bool: return v.as_bool() ? 1 : 0;
    default: return 0;  // nil, and the types cast cannot convert
  }
}

double cast_to_float64(const Value& v) {
  switch (v.type()) {
    case Type::Int:
    case Type::Int64: return static_cast<double>(v.as_int());
    case Type::Uint64: return static_cast<double>(v.as_uint());
    case Type::Float64: return v.as_float();
    case Type::String: return go_parse_float(v.as_string()).value_or(0.0);
    case Type::Bool: return v.as_bool() ? 1.0 : 0.0;
    default: return 0.0;
  }
}

std::string sprig_strval(const Value& v) {
  switch (v.type()) {
    case Type::String:
    case Type::Bytes: return v.as_string();
    default: return go_print_value(v);
  }
}

std::vector<std::string> sprig_strslice(const Value& v) {
  std::vector<std::string> out;
  if (v.is_nil()) return out;
  if (v.type() == Type::Bytes) {
    // []byte is a slice of uint8: each byte prints as a number.
    for (unsigned char c : v.as_string()) out.push_back(std::to_string(c));
    return out;
  }
  if (!v.is_list()) return {sprig_strval(v)};
  for (const Value& e : v.as_list())
    if (!e.is_nil()) out.push_back(sprig_strval(e));
  return out;
}

void register_sprig_conv(FunctionRegistry& r) {
  // atoi ignores strconv.Atoi's error, so out-of-range input gives the clamped value.
  r.add("atoi", {{Param::String}}, [](CallContext&, std::span<const Value> a) {
    return Value::integer(go_parse_int(a[0].as_string(), 10).value_or(0));
  });
  r.add("int", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::integer(cast_to_int64(a[0]));
  });
  r.add("int64", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::int64(cast_to_int64(a[0]));
  });
  r.add("float64", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::float64(cast_to_float64(a[0]));
  });
  r.add("toString", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value(sprig_strval(a[0]));
  });
  r.add("toStrings", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    List out;
    for (auto& s : sprig_strslice(a[0])) out.emplace_back(std::move(s));
    return Value::list(std::move(out), ElemType::String);
  });
}

}  // namespace sparkc::gotmpl
