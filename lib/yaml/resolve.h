// Plain-scalar typing as gopkg.in/yaml.v2 resolves it (resolve.go): YAML 1.1 booleans, nulls,
// base-prefixed integers, floats, timestamps and the merge key (private to lib/yaml).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sparkc::yaml::detail {

// The tag a scalar resolves to and its Go value.
struct Resolved {
  enum Kind : std::uint8_t { Null, Bool, Int, Uint, Float, Str, Timestamp, Merge } kind = Str;
  bool b = false;
  std::int64_t i = 0;   // Int
  std::uint64_t u = 0;  // Uint
  double f = 0;         // Float
};

// resolve("", s): what an untagged plain scalar `s` means.
Resolved resolve_plain(std::string_view s);

// The yaml.v2 short tag name of a resolved kind: "!!int", "!!str", ...
std::string_view short_tag(Resolved::Kind k);

// True when `s` is a YAML 1.1 sexagesimal number ("1:30", "-12:30:45.5"), which yaml.v2
// quotes on output although it does not read it as a number.
bool is_base60_float(std::string_view s);

// True when `s` parses with one of the timestamp layouts yaml.v2 accepts.
bool is_timestamp(std::string_view s);

}  // namespace sparkc::yaml::detail
