// Sprig's conversions: strval, strslice and spf13/cast's ToInt64/ToFloat64, plus the strconv
// parsers they rest on. Shared by the string, list and math families.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::gotmpl {

// Sprig's strval: strings and []byte as they are, anything else as fmt's %v prints it.
std::string sprig_strval(const Value& v);
// Sprig's strslice (toStrings): a slice's non-nil elements through strval, nil as [],
// anything else as a one-element list.
std::vector<std::string> sprig_strslice(const Value& v);

// cast.ToInt64 (also cast.ToInt, as Go's int is 64 bits here): 0 when Go's cast fails.
std::int64_t cast_to_int64(const Value& v);
// cast.ToFloat64: 0 when Go's cast fails.
double cast_to_float64(const Value& v);

// strconv.ParseInt(s, base, 64): nullopt on a syntax error; `out_of_range` is set and the
// clamped value returned (as Go does) when the number does not fit.
std::optional<std::int64_t> go_parse_int(std::string_view s, int base, bool* out_of_range = nullptr);
// strconv.ParseFloat(s, 64): nullopt on a syntax or range error.
std::optional<double> go_parse_float(std::string_view s);
// Go's float64 -> int64 conversion as amd64 performs it: NaN and out-of-range give MinInt64.
std::int64_t go_float_to_int64(double d);

}  // namespace sparkc::gotmpl
