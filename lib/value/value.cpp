#include "sparkc/value.h"

#include <cassert>
#include <cmath>

namespace sparkc {

std::string_view elem_type_name(ElemType t) {
  switch (t) {
    case ElemType::Any: return "interface {}";
    case ElemType::String: return "string";
    case ElemType::Int: return "int";
    case ElemType::Int64: return "int64";
    case ElemType::Float64: return "float64";
    case ElemType::Bool: return "bool";
    case ElemType::AnyList: return "[]interface {}";
    case ElemType::Bytes: return "[]uint8";
  }
  return "interface {}";
}

Value::Value(List l, ElemType elem)
    : type_(Type::List), elem_(elem), data_(std::make_shared<const List>(std::move(l))) {}

Value::Value(Map m, ElemType elem)
    : type_(Type::Map), elem_(elem), data_(std::make_shared<Map>(std::move(m))) {}

Value::Value(std::shared_ptr<Object> o) {
  if (o) {
    type_ = Type::Object;
    data_ = std::move(o);
  }
}

Value Value::float64(double d) {
  Value v;
  v.type_ = Type::Float64;
  v.data_ = d;
  return v;
}

Value Value::bytes(std::string raw) {
  Value v(std::move(raw));
  v.type_ = Type::Bytes;
  return v;
}

bool Value::as_bool() const {
  assert(type_ == Type::Bool);
  return std::get<bool>(data_);
}

std::int64_t Value::as_int() const {
  assert(is_integer());
  return std::get<std::int64_t>(data_);
}

std::uint64_t Value::as_uint() const {
  assert(is_integer());
  return static_cast<std::uint64_t>(std::get<std::int64_t>(data_));
}

double Value::as_float() const {
  assert(type_ == Type::Float64);
  return std::get<double>(data_);
}

const std::string& Value::as_string() const {
  assert(type_ == Type::String || type_ == Type::Bytes);
  return std::get<std::string>(data_);
}

const List& Value::as_list() const {
  assert(type_ == Type::List);
  return *std::get<std::shared_ptr<const List>>(data_);
}

const Map& Value::as_map() const {
  assert(type_ == Type::Map);
  return *std::get<std::shared_ptr<Map>>(data_);
}

Map& Value::mutable_map() const {
  assert(type_ == Type::Map);
  return *std::get<std::shared_ptr<Map>>(data_);
}

const std::shared_ptr<Object>& Value::as_object() const {
  assert(type_ == Type::Object);
  return std::get<std::shared_ptr<Object>>(data_);
}

std::string Value::go_type_name() const {
  switch (type_) {
    case Type::Nil: return "<nil>";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Int64: return "int64";
    case Type::Uint64: return "uint64";
    case Type::Float64: return "float64";
    case Type::String: return "string";
    case Type::Bytes: return "[]uint8";
    case Type::List: return "[]" + std::string(elem_type_name(elem_));
    case Type::Map: return "map[string]" + std::string(elem_type_name(elem_));
    case Type::Object: return as_object()->go_type_name();
  }
  return "<nil>";
}

std::string Value::kind_name() const {
  switch (type_) {
    case Type::Nil: return "invalid";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Int64: return "int64";
    case Type::Uint64: return "uint64";
    case Type::Float64: return "float64";
    case Type::String: return "string";
    case Type::Bytes:
    case Type::List: return "slice";
    case Type::Map: return "map";
    case Type::Object: return as_object()->kind_name();
  }
  return "invalid";
}

const Value* Value::find(std::string_view key) const {
  if (type_ != Type::Map) return nullptr;
  const Map& m = as_map();
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

Value Value::deep_copy() const {
  switch (type_) {
    case Type::Map: {
      Map out;
      for (const auto& [k, v] : as_map()) out.emplace(k, v.deep_copy());
      return Value(std::move(out), elem_);
    }
    case Type::List: {
      List out;
      out.reserve(as_list().size());
      for (const auto& v : as_list()) out.push_back(v.deep_copy());
      return Value(std::move(out), elem_);
    }
    default: return *this;
  }
}

bool deep_equal(const Value& a, const Value& b) {
  if (a.type_ != b.type_) return false;
  switch (a.type_) {
    case Type::Nil: return true;
    case Type::Bool: return a.as_bool() == b.as_bool();
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: return a.as_int() == b.as_int();
    case Type::Float64: return a.as_float() == b.as_float();
    case Type::String:
    case Type::Bytes: return a.as_string() == b.as_string();
    case Type::List: {
      if (a.elem_ != b.elem_) return false;
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!deep_equal(x[i], y[i])) return false;
      return true;
    }
    case Type::Map: {
      if (a.elem_ != b.elem_) return false;
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
        if (i->first != j->first || !deep_equal(i->second, j->second)) return false;
      return true;
    }
    case Type::Object: return a.as_object()->equals(*b.as_object());
  }
  return false;
}

}  // namespace sparkc
