// YAML, JSON and TOML functions: Helm's (pkg/engine/funcs.go) and Sprig's JSON family
// (defaults.go). Helm registers its toJson and fromJson over Sprig's, so the Helm forms win.
//
// Helm's functions never fail a render: toYaml and toJson return "" on error, toToml returns
// the error text, and the from* functions put the error under an "Error" key (or as the only
// item of the returned list). Sprig's must* forms return the error instead.
#include <string>

#include "sparkc/functions.h"
#include "sparkc/yaml.h"

namespace sparkc::gotmpl {
namespace {

// The JSON type name encoding/json uses in "cannot unmarshal X into Go value of type T".
const char* json_kind(const Value& v) {
  switch (v.type()) {
    case Type::Map: return "object";
    case Type::List: return "array";
    case Type::String: return "string";
    case Type::Bool: return "bool";
    default: return "number";
  }
}

std::string cannot_unmarshal(const Value& v, std::string_view go_type) {
  return std::string("json: cannot unmarshal ") + json_kind(v) + " into Go value of type " +
         std::string(go_type);
}

constexpr std::string_view kMapType = "map[string]interface {}";
constexpr std::string_view kListType = "[]interface {}";
// sigs.k8s.io/yaml wraps errors of its JSON step in this prefix.
constexpr std::string_view kJsonStep = "error unmarshaling JSON: while decoding JSON: ";

Value error_map(std::string msg) {
  Map m;
  m.emplace("Error", Value(std::move(msg)));
  return Value(std::move(m));
}

Value error_list(std::string msg) { return Value(List{Value(std::move(msg))}); }

// fromYaml: yaml::load, then the JSON step's type check against map[string]interface{}.
Value from_yaml(std::string_view text) {
  Value v;
  try {
    v = yaml::load(text);
  } catch (const yaml::YamlError& e) {
    return error_map(e.what());
  }
  if (v.is_nil()) return Value::map();
  if (!v.is_map()) return error_map(std::string(kJsonStep) + cannot_unmarshal(v, kMapType));
  return v;
}

Value from_yaml_array(std::string_view text) {
  Value v;
  try {
    v = yaml::load(text);
  } catch (const yaml::YamlError& e) {
    return error_list(e.what());
  }
  if (v.is_nil()) return Value::list({});
  if (!v.is_list()) return error_list(std::string(kJsonStep) + cannot_unmarshal(v, kListType));
  return v;
}

// Helm's fromJson: a number out of range keeps the partial map next to the error, as Go does.
Value from_json_map(std::string_view text) {
  yaml::JsonResult r = yaml::decode_json(text);
  if (r.value.is_nil()) return r.error.empty() ? Value::map() : error_map(r.error);
  if (!r.value.is_map()) return error_map(cannot_unmarshal(r.value, kMapType));
  if (!r.error.empty()) r.value.mutable_map().insert_or_assign("Error", Value(r.error));
  return r.value;
}

Value from_json_array(std::string_view text) {
  yaml::JsonResult r = yaml::decode_json(text);
  if (r.value.is_nil()) return r.error.empty() ? Value::list({}) : error_list(r.error);
  if (!r.value.is_list()) return error_list(cannot_unmarshal(r.value, kListType));
  if (!r.error.empty()) return error_list(r.error);
  return r.value;
}

// Runs an encoder; on error returns `fallback` or, when `fallback` is null, rethrows as the
// function's error.
template <typename F>
Value encode(F f, const char* fallback) {
  try {
    return Value(f());
  } catch (const yaml::YamlError& e) {
    if (fallback) return Value(fallback);
    throw FuncError(e.what());
  }
}

std::string trim_newline(std::string s) {
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

void register_helm_yaml(FunctionRegistry& r) {
  const Signature any_in{{Param::Any}};
  const Signature any_in_err{{Param::Any}, false, true};
  const Signature str_in{{Param::String}};
  const Signature str_in_err{{Param::String}, false, true};

  // Helm (pkg/engine/funcs.go).
  r.add("toYaml", any_in, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return trim_newline(yaml::to_yaml(a[0])); }, "");
  });
  // Helm's mustToYaml: like toYaml, but a marshalling error fails the render.
  r.add("mustToYaml", any_in_err, [](CallContext&, std::span<const Value> a) {
    try {
      return Value(trim_newline(yaml::to_yaml(a[0])));
    } catch (const std::exception& e) {
      throw FuncError(e.what());
    }
  });
  r.add("toYamlPretty", any_in, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return trim_newline(yaml::to_yaml_pretty(a[0])); }, "");
  });
  r.add("fromYaml", str_in,
        [](CallContext&, std::span<const Value> a) { return from_yaml(a[0].as_string()); });
  r.add("fromYamlArray", str_in,
        [](CallContext&, std::span<const Value> a) { return from_yaml_array(a[0].as_string()); });
  r.add("toToml", any_in, [](CallContext&, std::span<const Value> a) {
    try {
      return Value(yaml::to_toml(a[0]));
    } catch (const yaml::YamlError& e) {
      return Value(std::string(e.what()));  // Helm returns the error text itself
    }
  });
  r.add("fromToml", str_in, [](CallContext&, std::span<const Value> a) {
    try {
      return yaml::from_toml(a[0].as_string());
    } catch (const yaml::YamlError& e) {
      return error_map(e.what());
    }
  });
  r.add("toJson", any_in, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return yaml::to_json(a[0]); }, "");
  });
  r.add("fromJson", str_in,
        [](CallContext&, std::span<const Value> a) { return from_json_map(a[0].as_string()); });
  r.add("fromJsonArray", str_in,
        [](CallContext&, std::span<const Value> a) { return from_json_array(a[0].as_string()); });

  // Sprig (defaults.go); its fromJson and toJson are shadowed by Helm's above.
  r.add("toPrettyJson", any_in, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return yaml::to_json_indent(a[0], "", "  "); }, "");
  });
  // toRawJson panics on error, which the template reports like a returned error.
  r.add("toRawJson", any_in, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return yaml::to_json(a[0], false); }, nullptr);
  });
  r.add("mustToJson", any_in_err, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return yaml::to_json(a[0]); }, nullptr);
  });
  r.add("mustToPrettyJson", any_in_err, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return yaml::to_json_indent(a[0], "", "  "); }, nullptr);
  });
  r.add("mustToRawJson", any_in_err, [](CallContext&, std::span<const Value> a) {
    return encode([&] { return yaml::to_json(a[0], false); }, nullptr);
  });
  r.add("mustFromJson", str_in_err, [](CallContext&, std::span<const Value> a) {
    yaml::JsonResult res = yaml::decode_json(a[0].as_string());
    if (!res.error.empty()) throw FuncError(res.error);
    return res.value;
  });
}

}  // namespace sparkc::gotmpl
