// Truth, emptiness and comparison as Go's text/template and Sprig define them, in one place.
#pragma once

#include "sparkc/value.h"

namespace sparkc::gotmpl {

// Go's template.IsTrue: false for the zero value of the type (false, 0, "", nil, empty list
// or map); structs and objects are true. `ok` is false only for values Go cannot judge.
bool is_true(const Value& v, bool* ok = nullptr);

// Sprig's empty: like !is_true, but also true for nil and for a zero struct.
bool is_empty(const Value& v);

// The zero reflect.Value that an invalid value becomes when Go passes it to a builtin taking a
// reflect.Value (Param::Reflect), and the test for it. Only Go's builtins ever see it.
Value zero_reflect_value();
bool is_zero_reflect_value(const Value& v);

}  // namespace sparkc::gotmpl
