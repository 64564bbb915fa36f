// Sprig's loose conversions (spf13/cast ToInt64, ToInt, ToFloat64 and sprig's strval and
// strslice), the one copy shared by the string, list, math, dict and date families. The
// number syntax underneath is Go's strconv (go_strconv.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::gotmpl::sprig {

// cast.ToInt64 (also cast.ToInt: Go's int is 64 bits here): ints, floats (truncated as amd64
// does), bools, numeric strings ("0x1f", "3.0"); 0 for anything else, since sprig drops the error.
std::int64_t to_int64(const Value& v);

// cast.ToFloat64: numbers, bools and strings strconv.ParseFloat accepts; 0 otherwise.
double to_float64(const Value& v);

// sprig's strval: strings and bytes as they are, anything else as fmt's %v prints it.
std::string strval(const Value& v);

// sprig's strslice (toStrings): a slice's non-nil elements through strval ([]byte elements as
// numbers), nil as [], anything else as a one-element list.
std::vector<std::string> strslice(const Value& v);

// True for the values reflect reports as kind Slice or Array ([]T and []byte).
inline bool is_slice(const Value& v) { return v.is_list() || v.type() == Type::Bytes; }

// The elements of a slice value as Values; []byte elements become ints.
List slice_items(const Value& v);

// Throws the panic Go raises when Sprig calls reflect.TypeOf(nil).Kind().
[[noreturn]] void throw_nil_dereference();

// Throws unless `v` is a slice, with Sprig's "<what> type <kind>" wording; nil dereferences.
void require_slice(const Value& v, std::string_view what);

}  // namespace sparkc::gotmpl::sprig
