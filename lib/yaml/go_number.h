// Go's float64 -> text conversions that YAML and JSON output depend on (private to lib/yaml).
#pragma once

#include <string>

namespace sparkc::yaml::detail {

// strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form when exp < -4 || exp >= 6
// ("1e+06", "0.0001", "1.5e-05"), and "+Inf", "-Inf", "NaN".
std::string format_float_g(double f);

// strconv.FormatFloat(float64(float32(f)), 'g', -1, 32): the shortest float32 digits.
std::string format_float_g32(double f);

// encoding/json's float64 encoder: 'f' for 1e-6 <= |f| < 1e21, else 'e' with a one-digit
// negative exponent ("1e-7", "1e+21"). NaN and infinities are the caller's error.
std::string format_float_json(double f);

// strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent.
std::string format_float_fixed(double f);

}  // namespace sparkc::yaml::detail
