// Sprig's dict functions (dict.go): dict, get, set, unset, hasKey, pluck, keys, pick, omit,
// values, dig, deepCopy and the mergo-based merge family.
//
// Maps are shared by reference as in Go: set, unset and merge change the map they are given
// and return it; pick, omit and dict build new maps.
#include "sparkc/functions.h"
#include "template/funcs_sprig_cast.h"
#include "template/funcs_sprig_registry.h"

namespace sparkc::gotmpl {
namespace {

Value any_map(Map m = {}) { return Value::map(std::move(m), ElemType::Any); }

// A map argument's entries; a nil map (passed as nil) has none.
const Map& entries(const Value& m) {
  static const Map kEmpty;
  return m.is_map() ? m.as_map() : kEmpty;
}

Value dict(std::span<const Value> a) {
  Map out;
  for (size_t i = 0; i < a.size(); i += 2) {
    // A trailing key without a value maps to "".
    out.insert_or_assign(sprig::strval(a[i]), i + 1 < a.size() ? a[i + 1] : Value(""));
  }
  return any_map(std::move(out));
}

Value get(std::span<const Value> a) {
  const Value* v = a[0].find(a[1].as_string());
  return v ? *v : Value("");
}

Value set(std::span<const Value> a) {
  if (!a[0].is_map()) throw FuncError("assignment to entry in nil map");
  a[0].mutable_map().insert_or_assign(a[1].as_string(), a[2]);
  return a[0];
}

Value unset(std::span<const Value> a) {
  if (a[0].is_map()) {
    Map& m = a[0].mutable_map();
    if (auto it = m.find(a[1].as_string()); it != m.end()) m.erase(it);
  }
  return a[0].is_map() ? a[0] : any_map();
}

Value has_key(std::span<const Value> a) { return Value(a[0].find(a[1].as_string()) != nullptr); }

Value pluck(std::span<const Value> a) {
  List out;
  for (const Value& d : a.subspan(1)) {
    if (const Value* v = d.find(a[0].as_string())) out.push_back(*v);
  }
  return Value::list(std::move(out), ElemType::Any);
}

// Go ranges over maps in random order; we give keys and values in key order, which is one of
// the orders Go may produce.
Value keys(std::span<const Value> a) {
  List out;
  for (const Value& d : a) {
    for (const auto& [k, v] : entries(d)) out.emplace_back(k);
  }
  return Value::list(std::move(out), ElemType::String);
}

Value values(std::span<const Value> a) {
  List out;
  for (const auto& [k, v] : entries(a[0])) out.push_back(v);
  return Value::list(std::move(out), ElemType::Any);
}

Value pick(std::span<const Value> a) {
  Map out;
  for (const Value& k : a.subspan(1)) {
    if (const Value* v = a[0].find(k.as_string())) out.insert_or_assign(k.as_string(), *v);
  }
  return any_map(std::move(out));
}

Value omit(std::span<const Value> a) {
  Map out;
  for (const auto& [k, v] : entries(a[0])) {
    bool dropped = false;
    for (const Value& o : a.subspan(1)) dropped = dropped || o.as_string() == k;
    if (!dropped) out.emplace(k, v);
  }
  return any_map(std::move(out));
}

// Go's panic text for a failed type assertion x.(T) on an interface{} value.
[[noreturn]] void bad_assertion(const Value& v, std::string_view want) {
  std::string got = v.is_nil() ? "nil" : v.go_type_name();
  throw FuncError("interface conversion: interface {} is " + got + ", not " + std::string(want));
}

// dig walks nested maps by the given keys and returns the default at the first missing key;
// it asserts types the way sprig does, so a non-map on the way panics.
Value dig(std::span<const Value> a) {
  if (a.size() < 3) throw FuncError("dig needs at least three arguments");
  const Value& last = a.back();
  if (!last.is_map() || last.elem_type() != ElemType::Any) bad_assertion(last, "map[string]interface {}");
  for (size_t i = 0; i + 2 < a.size(); ++i) {
    if (!a[i].is_string()) bad_assertion(a[i], "string");
  }
  const Value& def = a[a.size() - 2];
  const Value* cur = &last;
  for (size_t i = 0; i + 2 < a.size(); ++i) {
    const Value* step = cur->find(a[i].as_string());
    if (!step) return def;
    if (i + 3 == a.size()) return *step;
    if (!step->is_map() || step->elem_type() != ElemType::Any) bad_assertion(*step, "map[string]interface {}");
    cur = step;
  }
  return def;
}

// mergo's isEmptyValue: zero numbers, false, empty strings, lists and maps, and nil.
bool mergo_empty(const Value& v) {
  switch (v.type()) {
    case Type::Nil: return true;
    case Type::Bool: return !v.as_bool();
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: return v.as_int() == 0;
    case Type::Float64: return v.as_float() == 0;
    case Type::String:
    case Type::Bytes: return v.as_string().empty();
    case Type::List: return v.as_list().empty();
    case Type::Map: return v.as_map().empty();
    case Type::Object: return false;
  }
  return false;
}

// mergo.Merge (overwrite false) and mergo.MergeWithOverwrite for map[string]interface{} as
// mergo 0.3.x walks it, entry by entry:
//   - a nil source value is copied only when overwriting;
//   - a source map is merged into a destination map in place, recursively;
//   - a source map or list never replaces a destination value that is not empty, even when
//     overwriting (so {a: "x"} stays "x" against {a: {b: 1}});
//   - a source list replaces the destination one when overwriting (or the destination map is
//     empty);
//   - anything else is copied when overwriting, or when the destination key is missing or
//     holds an empty value.
void merge_into(Map& dst, const Map& src, bool overwrite) {
  for (const auto& [key, s] : src) {
    auto it = dst.find(key);
    const bool present = it != dst.end();
    // A copy of the destination value: maps inside still share state, as Go's do.
    const Value d = present ? it->second : Value();
    if (s.is_nil()) {
      if (overwrite) dst.insert_or_assign(key, s);
      continue;
    }
    const bool src_container = s.is_map() || sprig::is_slice(s);
    if (s.is_map() && present && d.is_map()) {
      merge_into(d.mutable_map(), s.as_map(), overwrite);
    } else if (sprig::is_slice(s)) {
      // mergo stores a slice (its own, or the source one when overwriting) before the final
      // decision below; only the final value matters.
      Value stored = (!present || d.is_nil()) ? Value::list({}, s.elem_type()) : d;
      if (overwrite || dst.empty()) stored = s;
      dst.insert_or_assign(key, stored);
    }
    if (present && !mergo_empty(d) && src_container) continue;
    if (overwrite || !present || mergo_empty(d)) dst.insert_or_assign(key, s);
  }
}

// merge(dst, srcs...): merges each source into dst in turn and returns dst; a nil dst becomes
// a new map as soon as a source is merged into it.
Value merge(std::span<const Value> a, bool overwrite) {
  Value dst = a[0];
  for (const Value& src : a.subspan(1)) {
    if (!dst.is_map() && src.is_map()) dst = any_map();
    if (src.is_map()) merge_into(dst.mutable_map(), src.as_map(), overwrite);
  }
  return dst.is_map() ? dst : any_map();
}

// copystructure.Copy: nil panics inside reflect; everything else is copied deeply.
Value deep_copy(std::span<const Value> a) {
  if (a[0].is_nil()) throw FuncError("reflect: call of reflect.Value.Type on zero Value");
  return a[0].deep_copy();
}

}  // namespace

void register_sprig_dicts(FunctionRegistry& r) {
  auto add = [&r](const char* name, Signature sig, Value (*fn)(std::span<const Value>)) {
    r.add(name, std::move(sig), [fn](CallContext&, std::span<const Value> a) { return fn(a); });
  };
  add("dict", {{Param::Any}, true}, dict);
  add("get", {{Param::Map, Param::String}}, get);
  add("set", {{Param::Map, Param::String, Param::Any}}, set);
  add("unset", {{Param::Map, Param::String}}, unset);
  add("hasKey", {{Param::Map, Param::String}}, has_key);
  add("pluck", {{Param::String, Param::Map}, true}, pluck);
  add("keys", {{Param::Map}, true}, keys);
  add("pick", {{Param::Map, Param::String}, true}, pick);
  add("omit", {{Param::Map, Param::String}, true}, omit);
  add("values", {{Param::Map}}, values);
  add("dig", {{Param::Any}, true, true}, dig);
  add("merge", {{Param::Map, Param::Map}, true}, [](std::span<const Value> a) { return merge(a, false); });
  add("mustMerge", {{Param::Map, Param::Map}, true, true}, [](std::span<const Value> a) { return merge(a, false); });
  add("mergeOverwrite", {{Param::Map, Param::Map}, true}, [](std::span<const Value> a) { return merge(a, true); });
  add("mustMergeOverwrite", {{Param::Map, Param::Map}, true, true},
      [](std::span<const Value> a) { return merge(a, true); });
  add("deepCopy", {{Param::Any}}, deep_copy);
  add("mustDeepCopy", {{Param::Any}, false, true}, deep_copy);
}

}  // namespace sparkc::gotmpl
