// The parts of register_sprig_strings, one per file, and helpers they share.
#pragma once

#include "sparkc/functions.h"

namespace sparkc::gotmpl {

void register_sprig_conv(FunctionRegistry& r);      // atoi int int64 float64 toString toStrings
void register_sprig_case(FunctionRegistry& r);      // abbrev initials swapcase snakecase wrap ...
void register_sprig_defaults(FunctionRegistry& r);  // default empty coalesce all any ternary fail
void register_sprig_reflect(FunctionRegistry& r);   // typeOf typeIs kindOf kindIs deepEqual
void register_sprig_paths(FunctionRegistry& r);     // base dir clean ext isAbs and os* twins
void register_sprig_regex(FunctionRegistry& r);     // regexMatch ... regexQuoteMeta
void register_sprig_url(FunctionRegistry& r);       // urlParse urlJoin

// strings.Repeat, with Go's panics as FuncError and a guard against absurd sizes.
std::string go_repeat(std::string_view s, std::int64_t count);

}  // namespace sparkc::gotmpl
