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

namespace {

// A reflect.Value holding nothing: what Go's builtins receive for an invalid argument.
class ZeroReflectValue : public Object {
 public:
  std::string go_type_name() const override { return "reflect.Value"; }
  std::string kind_name() const override { return "invalid"; }
  std::optional<Value> field(std::string_view) const override { return std::nullopt; }
  std::string print() const override { return "<invalid reflect.Value>"; }
};

}  // namespace

Value zero_reflect_value() {
  static const std::shared_ptr<Object> zero = std::make_shared<ZeroReflectValue>();
  return Value(zero);
}

bool is_zero_reflect_value(const Value& v) {
  return v.is_object() && dynamic_cast<const ZeroReflectValue*>(v.as_object().get()) != nullptr;
}

}  // namespace sparkc::gotmpl
