// Truth and emptiness: Go's template.IsTrue and Sprig's empty, which agree on every type a
// Value can hold (Sprig adapted its empty from IsTrue).
#include "template/value_ops.h"

namespace sparkc::gotmpl {

bool is_true(const Value& v, bool* ok) {
  if (ok != nullptr) *ok = true;
  switch (v.type()) {
    case Type::Nil: return false;  // a nil interface: a form of nil
    case Type::Bool: return v.as_bool();
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: return v.as_int() != 0;
    case Type::Float64: return v.as_float() != 0;
    case Type::String:
    case Type::Bytes: return !v.as_string().empty();
    case Type::List: return !v.as_list().empty();
    case Type::Map: return !v.as_map().empty();
    case Type::Object: return true;  // a struct, or a non-nil pointer
  }
  return false;
}

// Sprig's empty: true for nil, false, 0, "", empty collections; a struct is never empty.
bool is_empty(const Value& v) { return !is_true(v); }

}  // namespace sparkc::gotmpl
