// Go's fmt package as templates see it: print, println, printf and how values print.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "sparkc/value.h"

namespace sparkc::gotmpl {

// fmt.Sprint: operands printed with %v, a space between operands when neither is a string.
std::string go_sprint(std::span<const Value> args);
// fmt.Sprintln: operands printed with %v, always space-separated, newline appended.
std::string go_sprintln(std::span<const Value> args);
// fmt.Sprintf with Go's verbs, flags, width, precision, argument indexes and its
// %!verb(type=value) error forms.
std::string go_sprintf(std::string_view format, std::span<const Value> args);
// fmt.Sprint(v) of one value: what {{ . }} prints for a non-nil value
// (maps as map[k:v], lists as [a b], float64 as %v does: 1e+06, 3.5).
std::string go_print_value(const Value& v);
// strconv.FormatFloat(d, fmt, prec, 64); prec -1 means the shortest exact representation.
std::string go_format_float(double d, char fmt = 'g', int prec = -1);

}  // namespace sparkc::gotmpl
