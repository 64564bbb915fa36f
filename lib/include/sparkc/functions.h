// The contract between the template engine and the functions it calls (builtins, Sprig, Helm).
//
// A function declares Go parameter types; the engine converts each argument the way Go's
// text/template does (exec.go: evalArg, validateType) before the call, so a function body
// receives values already of the declared type and never re-checks them. Errors a Go function
// returns (or panics with) are thrown as FuncError; the engine adds "error calling NAME: ".
#pragma once

#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::gotmpl {

// A Go parameter type, as the engine must convert arguments to it.
enum class Param : std::uint8_t {
  Any,      // interface{}: any value; nil passes as nil
  String,   // string
  Int,      // int
  Int64,    // int64
  Float64,  // float64
  Bool,     // bool
  List,     // []interface{}: a List of ElemType::Any, nil becomes an empty list
  StrList,  // []string
  Map,      // map[string]interface{}: a Map of ElemType::Any, nil becomes nil map
  Bytes,    // []byte
  // reflect.Value: Go's own builtins (len, index, ...) take this; an invalid value (a missing
  // one after a pipeline) reaches them as a zero reflect.Value, see is_zero_reflect_value.
  Reflect,
};

// Returns the Go spelling of a parameter type for error messages: "string", "[]interface {}".
std::string_view param_type_name(Param p);

// Go signature of a function: parameter types, and whether the last one is variadic
// (`...interface{}`); `returns_error` marks a second `error` result, which matters only for
// documentation since errors are thrown.
struct Signature {
  std::vector<Param> params;
  bool variadic = false;
  bool returns_error = false;
};

class CallContext;

// The body of a function: converted arguments in, one value out.
using Callable = std::function<Value(CallContext&, std::span<const Value>)>;

// A named template function.
struct Function {
  std::string name;
  Signature sig;
  Callable fn;
};

// Thrown by a function body for an error Go would return or panic with.
class FuncError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a function can ask of the engine that called it. Helm's include, tpl, required and fail
// use this instead of closures over the engine.
class CallContext {
 public:
  virtual ~CallContext() = default;
  // Executes the named template with dot bound to `data` (Helm include).
  virtual std::string include(std::string_view name, const Value& data) = 0;
  // Parses `text` as a template of the running set and executes it with `data` (Helm tpl).
  virtual std::string tpl(std::string_view text, const Value& data) = 0;
  // The name of the template being executed (Go's Template.Name()).
  virtual std::string_view template_name() const = 0;
  // Random bytes for randAlphaNum, uuidv4, genPrivateKey; deterministic when seeded.
  virtual void random_bytes(std::span<unsigned char> out) = 0;
};

// An Object whose methods take arguments (`.Files.Get "x"`, `.Capabilities.APIVersions.Has`).
class MethodObject : public Object {
 public:
  // The method called `name` bound to this object, or nullptr.
  virtual const Function* method(std::string_view name) const = 0;
  bool has_method(std::string_view name) const override { return method(name) != nullptr; }
};

// The function map: name -> Function.
class FunctionRegistry {
 public:
  // Adds or replaces a function.
  void add(std::string name, Signature sig, Callable fn);
  // Looks a function up; nullptr when absent.
  const Function* find(std::string_view name) const;
  bool has(std::string_view name) const { return find(name) != nullptr; }
  // All function names, sorted.
  std::vector<std::string> names() const;
  size_t size() const { return funcs_.size(); }

 private:
  std::unordered_map<std::string, Function> funcs_;
};

// Registration of each family; defined in the funcs_*.cpp files.
void register_builtins(FunctionRegistry& r);        // Go's builtins (funcs_builtin.cpp)
void register_sprig_strings(FunctionRegistry& r);   // strings, conversions, defaults, flow, reflection, paths
void register_sprig_lists(FunctionRegistry& r);     // lists and dicts
void register_sprig_math(FunctionRegistry& r);      // integer, float and decimal math
void register_sprig_dates(FunctionRegistry& r);     // dates and durations
void register_sprig_encoding(FunctionRegistry& r);  // regex, semver, encodings, hashes, random, uuid, crypto, urls
void register_helm(FunctionRegistry& r);            // include, tpl, required, fail, lookup, getHostByName
void register_helm_yaml(FunctionRegistry& r);       // toYaml, fromYaml, toJson, toToml... (Sprig's and Helm's)

// The whole map a Helm chart template sees: builtins, Sprig without env/expandenv, Helm's own.
const FunctionRegistry& helm_functions();

}  // namespace sparkc::gotmpl
