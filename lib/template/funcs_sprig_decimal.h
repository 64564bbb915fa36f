// The slice of shopspring/decimal that Sprig's float math (addf, subf, mulf, divf, add1f) uses:
// exact decimal arithmetic on numbers read from float64 by their shortest representation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sparkc::gotmpl::sprig {

// An arbitrary-precision decimal: (-1)^neg * digits * 10^exp.
class Decimal {
 public:
  // decimal.NewFromFloat: the shortest decimal that reads back as `d`; throws FuncError
  // "Cannot create a Decimal from +Inf" for infinities and NaN, as the library panics.
  static Decimal from_float(double d);

  Decimal add(const Decimal& o) const;
  Decimal sub(const Decimal& o) const;
  Decimal mul(const Decimal& o) const;
  // decimal.Div: the quotient rounded half away from zero to 16 decimal places; throws
  // FuncError "decimal division by 0".
  Decimal div(const Decimal& o) const;
  // The nearest float64 (big.Rat.Float64): rounds to nearest even, overflows to infinity.
  double to_float() const;

 private:
  // Magnitude in base 1e9, least significant limb first; empty means zero.
  using Limbs = std::vector<std::uint32_t>;
  bool neg_ = false;
  Limbs mag_;
  std::int64_t exp_ = 0;

  static Limbs scale_pow10(const Limbs& m, std::int64_t n);
  friend struct DecimalOps;
};

}  // namespace sparkc::gotmpl::sprig
