// Sprig's loose conversions (spf13/cast ToInt64, ToInt, ToFloat64 and sprig's strval) and the
// strconv parsers they rest on, shared by the list, math and date families.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sparkc/value.h"

namespace sparkc::gotmpl::sprig {

// strconv.ParseInt(s, base, 64): base 0 reads 0x, 0o, 0b and leading-0 octal prefixes and
// allows underscores between digits; nullopt for a syntax or range error.
std::optional<std::int64_t> parse_int(std::string_view s, int base);

// strconv.ParseFloat(s, 64): decimal and hexadecimal forms, inf, infinity, nan; nullopt for a
// syntax error or an overflow (Go returns an error for both).
std::optional<double> parse_float(std::string_view s);

// cast.ToInt64: ints and floats (truncated), bools, numeric strings ("0x1f", "3.0"); 0 for
// anything else, since sprig drops the error.
std::int64_t to_int64(const Value& v);

// cast.ToFloat64: numbers, bools and strings strconv.ParseFloat accepts; 0 otherwise.
double to_float64(const Value& v);

// sprig's strval: strings and bytes as they are, anything else as fmt's %v prints it.
std::string strval(const Value& v);

// True for the values reflect reports as kind Slice or Array ([]T and []byte).
inline bool is_slice(const Value& v) { return v.is_list() || v.type() == Type::Bytes; }

// The elements of a slice value as Values; []byte elements become ints.
List slice_items(const Value& v);

// Throws the panic Go raises when Sprig calls reflect.TypeOf(nil).Kind().
[[noreturn]] void throw_nil_dereference();

// Throws unless `v` is a slice, with Sprig's "<what> type <kind>" wording; nil dereferences.
void require_slice(const Value& v, std::string_view what);

}  // namespace sparkc::gotmpl::sprig
