// Label syntax, label selectors and pod ports for the k8s cross-reference rules.
#include <re2/re2.h>

#include <algorithm>

#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {

namespace {

// The name part of a qualified name and a label value share one alphabet (apimachinery's
// IsQualifiedName and IsValidLabelValue).
const RE2& name_re() {
  static const RE2 re("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  return re;
}

const char* kNameAlphabet =
    "must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric";

}  // namespace

std::string label_key_problem(std::string_view key) {
  static const RE2 subdomain("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  std::string_view name = key;
  size_t slash = key.find('/');
  if (slash != std::string_view::npos) {
    std::string_view prefix = key.substr(0, slash);
    name = key.substr(slash + 1);
    if (prefix.empty()) return "has an empty prefix before '/'";
    if (prefix.size() > 253) {
      return "has a prefix of " + std::to_string(prefix.size()) + " characters, more than 253";
    }
    if (!RE2::FullMatch(prefix, subdomain)) {
      return "has a prefix \"" + std::string(prefix) +
             "\" that is not a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.')";
    }
    if (name.find('/') != std::string_view::npos) return "has more than one '/'";
  }
  if (name.empty()) return "has an empty name";
  if (name.size() > 63) {
    return "has a name of " + std::to_string(name.size()) + " characters, more than 63";
  }
  if (!RE2::FullMatch(name, name_re())) return std::string("has a name that ") + kNameAlphabet;
  return "";
}

std::string label_value_problem(std::string_view value) {
  if (value.empty()) return "";
  if (value.size() > 63) return "is " + std::to_string(value.size()) + " characters long, more than 63";
  if (!RE2::FullMatch(value, name_re())) return kNameAlphabet;
  return "";
}

std::optional<int64_t> int_of(const Value& v) {
  if (v.is_integer()) return v.as_int();
  if (v.is_float() && v.as_float() == static_cast<double>(static_cast<int64_t>(v.as_float()))) {
    return static_cast<int64_t>(v.as_float());
  }
  return std::nullopt;
}

std::string scalar_text(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (auto n = int_of(v)) return std::to_string(*n);
  if (v.is_float()) {
    std::string s = std::to_string(v.as_float());
    // std::to_string prints six decimals; YAML wrote the shortest form.
    s.erase(s.find_last_not_of('0') + 1);
    if (s.ends_with('.')) s.pop_back();
    return s;
  }
  return "";
}

std::string map_selector_mismatch(const Value& selector, const Value& labels) {
  if (!selector.is_map()) return "";
  for (const auto& [k, v] : selector.as_map()) {
    const Value* have = labels.is_map() ? labels.find(k) : nullptr;
    if (!have) return "has no label \"" + k + "\"";
    if (scalar_text(*have) != scalar_text(v)) {
      return "has \"" + k + "\": \"" + scalar_text(*have) + "\", not \"" + scalar_text(v) + "\"";
    }
  }
  return "";
}

std::string selector_mismatch(const Value& selector, const Value& labels) {
  if (!selector.is_map()) return "";
  if (const Value* ml = selector.find("matchLabels")) {
    std::string m = map_selector_mismatch(*ml, labels);
    if (!m.empty()) return m;
  }
  const Value* exprs = selector.find("matchExpressions");
  if (!exprs || !exprs->is_list()) return "";
  for (const auto& e : exprs->as_list()) {
    std::string key = string_at(e, "key"), op = string_at(e, "operator");
    const Value* have = labels.is_map() ? labels.find(key) : nullptr;
    std::vector<std::string> values;
    if (const Value* vs = e.is_map() ? e.find("values") : nullptr; vs && vs->is_list()) {
      for (const auto& v : vs->as_list()) values.push_back(scalar_text(v));
    }
    bool in = have && std::find(values.begin(), values.end(), scalar_text(*have)) != values.end();
    if (op == "In" && !in) {
      return have ? "has \"" + key + "\": \"" + scalar_text(*have) + "\", not one of the In values"
                  : "has no label \"" + key + "\" (operator In)";
    }
    if (op == "NotIn" && in) return "has \"" + key + "\": \"" + scalar_text(*have) + "\", a NotIn value";
    if (op == "Exists" && !have) return "has no label \"" + key + "\" (operator Exists)";
    if (op == "DoesNotExist" && have) return "has the label \"" + key + "\" (operator DoesNotExist)";
    if (op != "In" && op != "NotIn" && op != "Exists" && op != "DoesNotExist") {
      return "cannot meet operator \"" + op + "\" of key \"" + key + "\"";
    }
  }
  return "";
}

bool selector_has_requirements(const Value& selector) {
  if (!selector.is_map()) return false;
  const Value* ml = selector.find("matchLabels");
  const Value* me = selector.find("matchExpressions");
  return (ml && ml->is_map() && !ml->as_map().empty()) || (me && me->is_list() && !me->as_list().empty());
}

std::string format_labels(const Value& labels) {
  std::string out;
  if (!labels.is_map()) return out;
  for (const auto& [k, v] : labels.as_map()) {
    if (!out.empty()) out += ", ";
    out += k + "=" + scalar_text(v);
  }
  return out;
}

std::vector<PortDecl> container_ports(const Pod& pod, const FieldPath& container_path, const Value& c) {
  std::vector<PortDecl> out;
  if (const Value* ports = c.find("ports"); ports && ports->is_list()) {
    for (const auto& p : ports->as_list()) {
      PortDecl d;
      d.name = string_at(p, "name");
      const Value* n = p.is_map() ? p.find("containerPort") : nullptr;
      d.number = n ? int_of(*n).value_or(0) : 0;
      if (std::string proto = string_at(p, "protocol"); !proto.empty()) d.protocol = proto;
      out.push_back(d);
    }
  }
  bool spark_container = container_path == FieldPath{"containers", "0"};
  if (spark_container) {
    for (const auto& [name, number] : pod.extra_ports) out.push_back({name, number, "TCP"});
  }
  return out;
}

std::vector<PortDecl> pod_ports(const Pod& pod) {
  std::vector<PortDecl> out;
  bool has_first = false;
  for (const auto& [path, c] : pod.containers()) {
    if (path == FieldPath{"containers", "0"}) has_first = true;
    auto ports = container_ports(pod, path, *c);
    out.insert(out.end(), ports.begin(), ports.end());
  }
  // A SparkApplication role or an empty template: Spark creates the container and its ports.
  if (!has_first) {
    for (const auto& [name, number] : pod.extra_ports) out.push_back({name, number, "TCP"});
  }
  return out;
}

Value selectable_labels(const Pod& pod) {
  if (pod.spark_role.empty()) return pod.labels;
  const std::string& kind = pod.owner->kind;
  if (kind == "SparkApplication" || kind == "ScheduledSparkApplication") {
    // The Spark operator copies the application's own labels to its pods and adds its marks;
    // a scheduled run's name carries a time stamp, so only the plain application's is known.
    Value out = Value::map();
    if (const Value* own = value_at(pod.owner->doc, {"metadata", "labels"}); own && own->is_map()) {
      for (const auto& [k, v] : own->as_map()) out.mutable_map()[k] = v;
    }
    for (const auto& [k, v] : pod.labels.as_map()) out.mutable_map()[k] = v;
    out.mutable_map()["sparkoperator.k8s.io/launched-by-spark-operator"] = Value("true");
    if (kind == "SparkApplication") out.mutable_map()["sparkoperator.k8s.io/app-name"] = Value(pod.owner->name);
    return out;
  }
  if (!pod.embedded) return pod.labels;
  const Value* data = pod.owner->doc.find("data");
  if (!data || !data->is_map()) return pod.labels;
  Value out = Value::map();
  for (const auto& [k, v] : pod.labels.as_map()) out.mutable_map()[k] = v;
  // "spark.kubernetes.driver.label.team=data" or "... team data" (spark-defaults syntax).
  const RE2 re("[ \\t]*spark\\.kubernetes\\." + pod.spark_role + "\\.label\\.([^ \\t=]+)[ \\t]*[= \\t][ \\t]*(.*?)[ \\t]*");
  for (const auto& [key, text] : data->as_map()) {
    if (!key.ends_with(".conf") || !text.is_string()) continue;
    std::string_view rest(text.as_string());
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      std::string name, value;
      if (RE2::FullMatch(line, re, &name, &value)) out.mutable_map()[name] = Value(value);
    }
  }
  return out;
}

bool can_be_selected(const Pod& pod) { return pod.selectable || !pod.spark_role.empty(); }

std::vector<FieldPath> ingress_backends(const Value& doc) {
  std::vector<FieldPath> out = {{"spec", "defaultBackend"}};
  const Value* rules = value_at(doc, {"spec", "rules"});
  if (!rules || !rules->is_list()) return out;
  for (size_t r = 0; r < rules->as_list().size(); ++r) {
    const Value* paths = value_at(rules->as_list()[r], {"http", "paths"});
    if (!paths || !paths->is_list()) continue;
    for (size_t p = 0; p < paths->as_list().size(); ++p) {
      out.push_back({"spec", "rules", std::to_string(r), "http", "paths", std::to_string(p), "backend"});
    }
  }
  return out;
}

std::string namespace_of(const Context& ctx, const RenderedObject& o) {
  return o.namespace_.empty() ? ctx.options().namespace_ : o.namespace_;
}

}  // namespace sparkc::validate::detail
