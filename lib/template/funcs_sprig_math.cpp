// Sprig's math (functions.go and numeric.go): integer arithmetic through cast.ToInt64, float
// arithmetic through shopspring/decimal, ranges (until, untilStep, seq), rounding, toDecimal.
#include <algorithm>
#include <cmath>
#include <limits>

#include "sparkc/functions.h"
#include "template/funcs_sprig_cast.h"
#include "template/funcs_sprig_decimal.h"
#include "template/go_strconv.h"

namespace sparkc::gotmpl {
namespace {

using sprig::Decimal;
using sprig::to_float64;
using sprig::to_int64;

// Go's int64 arithmetic wraps around; do it in unsigned to keep C++ defined.
std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
std::int64_t wrap_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

// Go's / and % panic on zero and wrap MinInt64 / -1 (to MinInt64 and 0).
std::int64_t int_div(std::int64_t a, std::int64_t b, bool mod) {
  if (b == 0) throw FuncError("runtime error: integer divide by zero");
  if (b == -1) return mod ? 0 : wrap_mul(a, -1);
  return mod ? a % b : a / b;
}

// Sprig's execDecimalOp: each operand read with NewFromFloat(toFloat64(x)), folded with `op`.
template <typename Op>
Value decimal_fold(const Value& first, std::span<const Value> rest, Op op) {
  Decimal acc = Decimal::from_float(to_float64(first));
  for (const Value& v : rest) acc = op(acc, Decimal::from_float(to_float64(v)));
  return Value::float64(acc.to_float());
}

// untilStep: counts from start towards stop (exclusive) by step; a step pointing away from
// stop, or zero, gives an empty list.
List until_step(std::int64_t start, std::int64_t stop, std::int64_t step) {
  List out;
  if (stop < start) {
    if (step >= 0) return out;
    for (std::int64_t i = start; i > stop; i += step) out.push_back(Value::integer(i));
    return out;
  }
  if (step <= 0) return out;
  for (std::int64_t i = start; i < stop; i += step) out.push_back(Value::integer(i));
  return out;
}

std::string join_ints(const List& l) {
  std::string out;
  for (const Value& v : l) {
    if (!out.empty()) out += ' ';
    out += std::to_string(v.as_int());
  }
  return out;
}

// seq in the manner of GNU seq: seq END, seq START END, seq START STEP END; the end is
// inclusive and the direction follows START and END.
std::string seq(std::span<const Value> a) {
  switch (a.size()) {
    case 1: {
      std::int64_t end = a[0].as_int(), inc = end < 1 ? -1 : 1;
      return join_ints(until_step(1, end + inc, inc));
    }
    case 2: {
      std::int64_t start = a[0].as_int(), end = a[1].as_int(), step = end < start ? -1 : 1;
      return join_ints(until_step(start, end + step, step));
    }
    case 3: {
      std::int64_t start = a[0].as_int(), step = a[1].as_int(), end = a[2].as_int(), inc = 1;
      if (end < start) {
        inc = -1;
        if (step > 0) return "";
      }
      return join_ints(until_step(start, end + inc, step));
    }
    default: return "";
  }
}

// round(x, places[, roundOn]): scales by 10^places, rounds up when the fraction (as Modf gives
// it, negative for negative numbers) reaches roundOn, and scales back.
double round_places(double val, std::int64_t places, double round_on) {
  double pow = std::pow(10.0, static_cast<double>(places));
  double digit = pow * val;
  double int_part;
  double frac = std::modf(digit, &int_part);
  double r = frac >= round_on ? std::ceil(digit) : std::floor(digit);
  return r / pow;
}

// toDecimal reads fmt.Sprint(v) as an octal number ("0755" -> 493); 0 when it is not one.
std::int64_t to_decimal(const Value& v) {
  ParsedNumber<std::int64_t> n = go_parse_int(sprig::strval(v), 8);
  return n.ok() ? n.value : 0;
}

// Sprig's integer functions all return int64, which matters to typeOf and eq.
Value i64(std::int64_t v) { return Value::int64(v); }

}  // namespace

void register_sprig_math(FunctionRegistry& r) {
  using S = std::span<const Value>;
  const Signature one{{Param::Any}};
  const Signature two{{Param::Any, Param::Any}};
  const Signature one_and_many{{Param::Any, Param::Any}, true};
  const Signature many{{Param::Any}, true};
  auto add = [&r](const char* name, const Signature& sig, Value (*fn)(S)) {
    r.add(name, sig, [fn](CallContext&, S a) { return fn(a); });
  };
  // Integer arithmetic: every operand goes through cast.ToInt64 (floats truncate, bad strings
  // are 0) and int64 overflow wraps, as Go's does.
  add("add1", one, [](S a) { return i64(wrap_add(to_int64(a[0]), 1)); });
  add("add", many, [](S a) {
    std::int64_t sum = 0;
    for (const Value& v : a) sum = wrap_add(sum, to_int64(v));
    return i64(sum);
  });
  add("sub", two, [](S a) { return i64(wrap_add(to_int64(a[0]), wrap_mul(to_int64(a[1]), -1))); });
  add("div", two, [](S a) { return i64(int_div(to_int64(a[0]), to_int64(a[1]), false)); });
  add("mod", two, [](S a) { return i64(int_div(to_int64(a[0]), to_int64(a[1]), true)); });
  add("mul", one_and_many, [](S a) {
    std::int64_t prod = to_int64(a[0]);
    for (const Value& v : a.subspan(1)) prod = wrap_mul(prod, to_int64(v));
    return i64(prod);
  });
  for (const char* name : {"biggest", "max"}) {
    add(name, one_and_many, [](S a) {
      std::int64_t m = to_int64(a[0]);
      for (const Value& v : a.subspan(1)) m = std::max(m, to_int64(v));
      return i64(m);
    });
  }
  add("min", one_and_many, [](S a) {
    std::int64_t m = to_int64(a[0]);
    for (const Value& v : a.subspan(1)) m = std::min(m, to_int64(v));
    return i64(m);
  });
  // math.Max and math.Min: NaN wins over everything, infinities over numbers, +0 over -0.
  add("maxf", one_and_many, [](S a) {
    double m = to_float64(a[0]);
    for (const Value& v : a.subspan(1)) {
      double x = to_float64(v);
      if (std::isinf(m) && m > 0) continue;
      if (std::isinf(x) && x > 0) m = x;
      else if (std::isnan(m) || std::isnan(x)) m = std::numeric_limits<double>::quiet_NaN();
      else if (m == 0 && x == 0) m = std::signbit(m) ? x : m;
      else m = x > m ? x : m;
    }
    return Value::float64(m);
  });
  add("minf", one_and_many, [](S a) {
    double m = to_float64(a[0]);
    for (const Value& v : a.subspan(1)) {
      double x = to_float64(v);
      if (std::isinf(m) && m < 0) continue;
      if (std::isinf(x) && x < 0) m = x;
      else if (std::isnan(m) || std::isnan(x)) m = std::numeric_limits<double>::quiet_NaN();
      else if (m == 0 && x == 0) m = std::signbit(m) ? m : x;
      else m = x < m ? x : m;
    }
    return Value::float64(m);
  });
  // Float arithmetic goes through shopspring/decimal: operands are read by their shortest
  // decimal form, so 0.1 + 0.2 is exactly 0.3 here, unlike in float64.
  add("add1f", one, [](S a) {
    Value one_int = Value::integer(1);
    return decimal_fold(a[0], S(&one_int, 1), [](const Decimal& x, const Decimal& y) { return x.add(y); });
  });
  add("addf", many, [](S a) {
    return decimal_fold(Value::float64(0), a, [](const Decimal& x, const Decimal& y) { return x.add(y); });
  });
  add("subf", one_and_many, [](S a) {
    return decimal_fold(a[0], a.subspan(1), [](const Decimal& x, const Decimal& y) { return x.sub(y); });
  });
  add("mulf", one_and_many, [](S a) {
    return decimal_fold(a[0], a.subspan(1), [](const Decimal& x, const Decimal& y) { return x.mul(y); });
  });
  add("divf", one_and_many, [](S a) {
    return decimal_fold(a[0], a.subspan(1), [](const Decimal& x, const Decimal& y) { return x.div(y); });
  });
  add("ceil", one, [](S a) { return Value::float64(std::ceil(to_float64(a[0]))); });
  add("floor", one, [](S a) { return Value::float64(std::floor(to_float64(a[0]))); });
  // round(x, places, roundOn=0.5); places is a Go int, roundOn an optional float64.
  add("round", Signature{{Param::Any, Param::Int, Param::Float64}, true}, [](S a) {
    double round_on = a.size() > 2 ? a[2].as_float() : 0.5;
    return Value::float64(round_places(to_float64(a[0]), a[1].as_int(), round_on));
  });
  add("toDecimal", one, [](S a) { return i64(to_decimal(a[0])); });
  add("seq", Signature{{Param::Int}, true}, [](S a) { return Value(seq(a)); });
  // until and untilStep return []int, which prints like a list but is typed []int.
  add("until", Signature{{Param::Int}}, [](S a) {
    std::int64_t n = a[0].as_int();
    return Value::list(until_step(0, n, n < 0 ? -1 : 1), ElemType::Int);
  });
  add("untilStep", Signature{{Param::Int, Param::Int, Param::Int}}, [](S a) {
    return Value::list(until_step(a[0].as_int(), a[1].as_int(), a[2].as_int()), ElemType::Int);
  });
  // rand.Intn panics for a non-positive bound. Go's math/rand stream is not reproduced; the
  // engine's random source is used instead.
  r.add("randInt", Signature{{Param::Int, Param::Int}}, [](CallContext& ctx, S a) {
    std::int64_t lo = a[0].as_int(), hi = a[1].as_int();
    std::int64_t span = wrap_add(hi, wrap_mul(lo, -1));
    if (span <= 0) throw FuncError("invalid argument to Intn");
    auto n = static_cast<std::uint64_t>(span);
    unsigned char bytes[8];
    ctx.random_bytes(bytes);
    std::uint64_t x = 0;
    for (unsigned char b : bytes) x = (x << 8) | b;
    return Value::integer(static_cast<std::int64_t>(x % n) + lo);
  });
}

}  // namespace sparkc::gotmpl
