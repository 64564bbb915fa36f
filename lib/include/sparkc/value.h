// Value: the one dynamic type that flows through values files, templates and functions.
//
// It stands for the Go values Helm templates see. The Go type matters to templates (typeOf,
// kindIs, printf "%T", comparison rules, argument conversion), so a Value remembers it:
//   - numbers are int (Go `int`), int64 or float64; values read from YAML or JSON are float64,
//     values from `--set` are int64, literals in templates are int or float64;
//   - a list remembers its element type ([]interface {}, []string, []int, ...);
//   - a map is map[string]interface {} or map[string]string;
//   - host objects (.Chart, .Capabilities, .Files, time.Time, *semver.Version) are Objects.
// Maps are shared by reference, as Go maps are: `set $d "k" 1` changes every holder of $d.
// Lists are immutable and shared; functions that "change" a list build a new one.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sparkc {

class Value;
class Object;

using List = std::vector<Value>;
using Map = std::map<std::string, Value, std::less<>>;

// The Go dynamic type of a Value.
enum class Type : std::uint8_t {
  Nil,      // no value: a nil interface, a missing key
  Bool,     // bool
  Int,      // int
  Int64,    // int64
  Uint64,   // uint64 (rare: a template literal too large for int64)
  Float64,  // float64
  String,   // string
  Bytes,    // []uint8 ([]byte); payload is a std::string of raw bytes
  List,     // a slice; see ElemType
  Map,      // map[string]X; see ElemType
  Object,   // a host object: struct or pointer with fields and methods
};

// Element type of a List or Map, for Go type names and conversions.
enum class ElemType : std::uint8_t {
  Any,        // interface {}
  String,     // string
  Int,        // int
  Int64,      // int64
  Float64,    // float64
  Bool,       // bool
  AnyList,    // []interface {} (sprig chunk)
  Bytes,      // []uint8 (Helm's files map)
};

// Returns the Go spelling of an element type: "interface {}", "string", "[]interface {}".
std::string_view elem_type_name(ElemType t);

class Value {
 public:
  Value() = default;  // nil
  Value(std::nullptr_t) {}
  Value(bool b) : type_(Type::Bool), data_(b) {}
  Value(int i) : type_(Type::Int), data_(std::int64_t{i}) {}
  Value(const char* s) : type_(Type::String), data_(std::string(s)) {}
  Value(std::string s) : type_(Type::String), data_(std::move(s)) {}
  Value(std::string_view s) : type_(Type::String), data_(std::string(s)) {}
  Value(List l, ElemType elem = ElemType::Any);
  Value(Map m, ElemType elem = ElemType::Any);
  Value(std::shared_ptr<Object> o);

  // Named constructors for the numeric types, which C++ overloads cannot tell apart.
  static Value integer(std::int64_t i) { return Value(Type::Int, i); }    // Go int
  static Value int64(std::int64_t i) { return Value(Type::Int64, i); }    // Go int64
  static Value uint64(std::uint64_t u) { return Value(Type::Uint64, static_cast<std::int64_t>(u)); }
  static Value float64(double d);
  static Value bytes(std::string raw);
  static Value string(std::string s) { return Value(std::move(s)); }
  static Value list(List l, ElemType elem = ElemType::Any) { return Value(std::move(l), elem); }
  static Value map(Map m = {}, ElemType elem = ElemType::Any) { return Value(std::move(m), elem); }

  Type type() const { return type_; }
  ElemType elem_type() const { return elem_; }
  bool is_nil() const { return type_ == Type::Nil; }
  bool is_bool() const { return type_ == Type::Bool; }
  bool is_string() const { return type_ == Type::String; }
  bool is_list() const { return type_ == Type::List; }
  bool is_map() const { return type_ == Type::Map; }
  bool is_object() const { return type_ == Type::Object; }
  // True for int, int64 and uint64.
  bool is_integer() const { return type_ == Type::Int || type_ == Type::Int64 || type_ == Type::Uint64; }
  bool is_float() const { return type_ == Type::Float64; }
  bool is_number() const { return is_integer() || is_float(); }

  // Accessors; calling one for another type is a programming error (asserts).
  bool as_bool() const;
  std::int64_t as_int() const;    // int, int64 (uint64 reinterpreted)
  std::uint64_t as_uint() const;  // uint64
  double as_float() const;        // float64 only
  const std::string& as_string() const;  // string and bytes
  const List& as_list() const;
  const Map& as_map() const;
  // The shared map itself; changes are seen by every Value that holds it.
  Map& mutable_map() const;
  const std::shared_ptr<Object>& as_object() const;

  // Go's type name as printf "%T" and sprig typeOf print it: "float64", "[]interface {}",
  // "map[string]interface {}", "<nil>" for nil.
  std::string go_type_name() const;
  // reflect.Kind name as sprig kindOf prints it: "int", "float64", "string", "slice", "map",
  // "ptr", "struct", "bool", "invalid" for nil.
  std::string kind_name() const;

  // Looks a key up in a map; nullptr when absent or when this is not a map.
  const Value* find(std::string_view key) const;

  // A deep copy: new maps all the way down (sprig deepCopy, Helm's values coalescing).
  Value deep_copy() const;

  // Structural equality as reflect.DeepEqual sees it (types included).
  friend bool deep_equal(const Value& a, const Value& b);

 private:
  Value(Type t, std::int64_t i) : type_(t), data_(i) {}
  using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string,
                            std::shared_ptr<const List>, std::shared_ptr<Map>,
                            std::shared_ptr<Object>>;
  Type type_ = Type::Nil;
  ElemType elem_ = ElemType::Any;
  Data data_;
};

bool deep_equal(const Value& a, const Value& b);

// A host object: a Go struct or pointer that templates reach through fields and methods.
// Method calls with arguments (`.Files.Get "x"`) are described by the template layer's
// Function type; see template/functions.h.
class Object {
 public:
  virtual ~Object() = default;
  // Go type name as printed by %T: "*chart.Metadata", "time.Time", "*semver.Version".
  virtual std::string go_type_name() const = 0;
  // reflect.Kind name: "ptr" (default) or "struct".
  virtual std::string kind_name() const { return "ptr"; }
  // A field, or a method that takes no arguments, by name; nullopt when there is none.
  virtual std::optional<Value> field(std::string_view name) const = 0;
  // True when the object has a method called `name` (fields excluded).
  virtual bool has_method(std::string_view name) const { return false; }
  // How fmt's %v prints the object.
  virtual std::string print() const = 0;
  // The object as plain data for toYaml/toJson (a map of its exported fields), or nil.
  virtual Value to_data() const { return Value(); }
  // True when both objects stand for the same Go value (deepEqual, eq on structs).
  virtual bool equals(const Object& other) const { return this == &other; }
};

}  // namespace sparkc
