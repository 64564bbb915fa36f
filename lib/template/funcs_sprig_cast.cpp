// Loose conversions in the manner of spf13/cast and Sprig, over Go's strconv parsers.
#include "template/funcs_sprig_cast.h"

#include <cmath>
#include <limits>

#include "sparkc/functions.h"
#include "template/go_fmt.h"
#include "template/go_strconv.h"

namespace sparkc::gotmpl::sprig {
namespace {

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

}  // namespace

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
    case Type::String: {
      ParsedNumber<std::int64_t> n = go_parse_int(trim_zero_decimal(v.as_string()), 0);
      return n.ok() ? n.value : 0;
    }
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
    case Type::String: {
      ParsedNumber<double> f = go_parse_float(v.as_string());
      return f.ok() ? f.value : 0;
    }
    default: return 0;
  }
}

// time.Time and other Stringers print through Object::print(), which is their String().
std::string strval(const Value& v) {
  if (v.type() == Type::String || v.type() == Type::Bytes) return v.as_string();
  if (v.is_nil()) return "<nil>";
  return go_print_value(v);
}

std::vector<std::string> strslice(const Value& v) {
  std::vector<std::string> out;
  if (v.is_nil()) return out;
  if (v.type() == Type::Bytes) {
    // []byte is a slice of uint8: each byte prints as a number.
    for (unsigned char c : v.as_string()) out.push_back(std::to_string(c));
    return out;
  }
  if (!v.is_list()) return {strval(v)};
  for (const Value& e : v.as_list()) {
    if (!e.is_nil()) out.push_back(strval(e));
  }
  return out;
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
