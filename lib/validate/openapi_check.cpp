// The strict walk of an object along its compiled schema.
#include <re2/re2.h>

#include <cmath>

#include "sparkc/yaml.h"
#include "validate/objects.h"
#include "validate/openapi_detail.h"
#include "validate/rules.h"
#include "yaml/base64.h"

namespace sparkc::validate::openapi {

const std::vector<std::string>* builtin_enum(const std::string& definition,
                                             const std::string& field) {
  // Values the API server's validation accepts, from the type documentation of Kubernetes
  // 1.31 (k8s.io/api). Only fields where a typo installs nothing or a pod never starts.
  static const std::vector<std::string> protocols = {"SCTP", "TCP", "UDP"};
  static const std::map<std::pair<std::string, std::string>, std::vector<std::string>> table = {
      {{"io.k8s.api.core.v1.Container", "imagePullPolicy"}, {"Always", "IfNotPresent", "Never"}},
      {{"io.k8s.api.core.v1.EphemeralContainer", "imagePullPolicy"},
       {"Always", "IfNotPresent", "Never"}},
      {{"io.k8s.api.core.v1.PodSpec", "restartPolicy"}, {"Always", "Never", "OnFailure"}},
      {{"io.k8s.api.core.v1.PodSpec", "dnsPolicy"},
       {"ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "type"},
       {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "sessionAffinity"}, {"ClientIP", "None"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "externalTrafficPolicy"}, {"Cluster", "Local"}},
      {{"io.k8s.api.core.v1.ServiceSpec", "internalTrafficPolicy"}, {"Cluster", "Local"}},
      {{"io.k8s.api.core.v1.ServicePort", "protocol"}, protocols},
      {{"io.k8s.api.core.v1.ContainerPort", "protocol"}, protocols},
      {{"io.k8s.api.networking.v1.NetworkPolicyPort", "protocol"}, protocols},
      {{"io.k8s.api.core.v1.SeccompProfile", "type"},
       {"Localhost", "RuntimeDefault", "Unconfined"}},
      {{"io.k8s.api.core.v1.PersistentVolumeClaimSpec", "volumeMode"}, {"Block", "Filesystem"}},
      {{"io.k8s.api.core.v1.PersistentVolumeClaimSpec", "accessModes"},
       {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"}},
      {{"io.k8s.api.core.v1.Toleration", "operator"}, {"Equal", "Exists"}},
      {{"io.k8s.api.core.v1.Toleration", "effect"},
       {"NoExecute", "NoSchedule", "PreferNoSchedule"}},
      {{"io.k8s.api.apps.v1.DeploymentStrategy", "type"}, {"Recreate", "RollingUpdate"}},
      {{"io.k8s.api.apps.v1.StatefulSetSpec", "podManagementPolicy"}, {"OrderedReady", "Parallel"}},
      {{"io.k8s.api.batch.v1.CronJobSpec", "concurrencyPolicy"}, {"Allow", "Forbid", "Replace"}},
      {{"io.k8s.api.networking.v1.HTTPIngressPath", "pathType"},
       {"Exact", "ImplementationSpecific", "Prefix"}},
      {{"io.k8s.api.networking.v1.NetworkPolicySpec", "policyTypes"}, {"Egress", "Ingress"}},
  };
  auto it = table.find({definition, field});
  return it == table.end() ? nullptr : &it->second;
}

namespace {

using detail::FieldPath;
using Kind = Violation::Kind;

bool is_integral(const Value& v) {
  if (v.is_integer()) return true;
  if (!v.is_float()) return false;
  double d = v.as_float();
  return std::isfinite(d) && d == std::floor(d);
}

double number_of(const Value& v) {
  return v.is_float() ? v.as_float() : static_cast<double>(v.as_int());
}

std::string type_name(const Value& v) {
  if (v.is_nil()) return "null";
  if (v.is_bool()) return "boolean";
  if (v.is_number()) return is_integral(v) ? "integer" : "number";
  if (v.is_string()) return "string";
  if (v.is_list()) return "array";
  if (v.is_map()) return "object";
  return v.go_type_name();
}

// A scalar as the user wrote it, for messages: "two" quoted, 2.5 bare; collections by type.
std::string show(const Value& v) {
  if (v.is_string() || v.is_number() || v.is_bool()) return yaml::to_json(v, false);
  return "";
}

// "string \"two\"", "object".
std::string described(const Value& v) {
  std::string s = show(v);
  return s.empty() ? type_name(v) : type_name(v) + " " + s;
}

std::string expected_types(unsigned bits) {
  static const std::pair<unsigned, const char*> names[] = {
      {Node::kObject, "object"},   {Node::kArray, "array"},   {Node::kString, "string"},
      {Node::kInteger, "integer"}, {Node::kNumber, "number"}, {Node::kBoolean, "boolean"}};
  std::string out;
  for (const auto& [bit, name] : names) {
    if (bits & bit) out += (out.empty() ? "" : " or ") + std::string(name);
  }
  return out;
}

bool has_type(const Value& v, unsigned bits) {
  if (bits == 0) return true;
  if (v.is_map()) return bits & Node::kObject;
  if (v.is_list()) return bits & Node::kArray;
  if (v.is_string()) return bits & Node::kString;
  if (v.is_bool()) return bits & Node::kBoolean;
  if (v.is_number()) return (bits & Node::kNumber) || ((bits & Node::kInteger) && is_integral(v));
  return false;
}

// Enum membership by JSON value: numbers by value (YAML and JSON both read float64, but a
// schema may come from elsewhere).
bool json_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return number_of(a) == number_of(b);
  if (a.is_string() && b.is_string()) return a.as_string() == b.as_string();
  if (a.is_bool() && b.is_bool()) return a.as_bool() == b.as_bool();
  if (a.is_nil() || b.is_nil()) return a.is_nil() && b.is_nil();
  if (a.is_list() && b.is_list()) {
    const auto &x = a.as_list(), &y = b.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!json_equal(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.is_map() && b.is_map()) {
    const auto &x = a.as_map(), &y = b.as_map();
    if (x.size() != y.size()) return false;
    for (const auto& [k, v] : x) {
      const Value* o = b.find(k);
      if (!o || !json_equal(v, *o)) return false;
    }
    return true;
  }
  return false;
}

bool is_date_time(const std::string& s) {
  static const RE2 re(R"(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))");
  return RE2::FullMatch(s, re);
}

// format "byte": what the API server decodes into []byte (Go's base64.StdEncoding: padded,
// line breaks ignored, so a block scalar of wrapped base64 is accepted).
bool is_base64(const std::string& s) {
  std::string decoded;
  return yaml::detail::base64_decode(s, &decoded);
}

class Walker {
 public:
  Walker(std::string kind, std::vector<Violation>& out) : kind_(std::move(kind)), out_(out) {}

  // Checks `v` against `n`. `strict` is false inside allOf/anyOf/oneOf/not alternatives:
  // they constrain a value, while the enclosing schema decides which fields exist.
  void walk(const Value& v, const Node* n, bool strict) {
    if (v.is_nil()) return;  // an absent field; list items are checked in walk_array
    if (n->special == Node::Special::Quantity) {
      if (v.is_string() ? detail::parse_quantity(v.as_string()).has_value()
                        : (v.is_number() && !v.is_bool()))
        return;
      if (v.is_string()) {
        add(Kind::Format, path_, where() + ": " + show(v) + " is not a resource quantity",
            "write a number with an optional suffix: 500m, 2, 1.5Gi, 512Mi, 1G");
      } else {
        add(Kind::Type, path_,
            where() + ": expected a quantity (string or number), got " + described(v),
            "write a number with an optional suffix: 500m, 2, 1.5Gi, 512Mi, 1G");
      }
      return;
    }
    if (n->special == Node::Special::IntOrString) {
      if (!v.is_string() && !(v.is_number() && is_integral(v))) {
        add(Kind::Type, path_, where() + ": expected integer or string, got " + described(v),
            "write a whole number or a string (a port name, a percentage such as 25%)");
        return;
      }
    } else if (!has_type(v, n->types)) {
      add(Kind::Type, path_,
          where() + ": expected " + expected_types(n->types) + ", got " + described(v),
          type_hint(v, n->types));
      return;
    }
    for (const Node* sub : n->all_of) walk(v, sub, false);
    alternatives(v, n->any_of, false);
    alternatives(v, n->one_of, true);
    if (n->not_ && passes(v, n->not_)) {
      add(Kind::Constraint, path_, where() + ": matches a schema it must not match", "");
    }
    if (!n->enum_values.empty()) check_enum(v, n);
    if (v.is_map())
      walk_object(v, n, strict);
    else if (v.is_list())
      walk_array(v, n, strict);
    else if (v.is_string())
      check_string(v.as_string(), n);
    else if (v.is_number())
      check_number(v, n);
  }

 private:
  // "spec.replicas", or the kind for the object itself.
  std::string where() const { return path_.empty() ? kind_ : detail::format_field_path(path_); }
  // "Deployment spec", "Deployment".
  std::string in_where() const {
    return path_.empty() ? kind_ : kind_ + " " + detail::format_field_path(path_);
  }

  void add(Kind k, FieldPath path, std::string message, std::string hint) {
    out_.push_back({k, std::move(path), std::move(message), std::move(hint)});
  }

  static std::string type_hint(const Value& v, unsigned bits) {
    if (v.is_string() && (bits & (Node::kInteger | Node::kNumber | Node::kBoolean))) {
      return "remove the quotes, or use `int` / `toYaml` rather than `quote` in the template";
    }
    if ((v.is_number() || v.is_bool()) && bits == Node::kString) return "quote the value";
    if (v.is_number() && (bits & Node::kInteger)) return "write a whole number";
    if (v.is_string() && (bits & (Node::kObject | Node::kArray))) {
      return "write the " + expected_types(bits) + " as YAML, e.g. with `toYaml ... | nindent N`";
    }
    return "";
  }

  // Whether `v` satisfies `n` (violations discarded).
  bool passes(const Value& v, const Node* n) {
    std::vector<Violation> probe;
    Walker w(kind_, probe);
    w.path_ = path_;
    w.walk(v, n, false);
    return probe.empty();
  }

  void alternatives(const Value& v, const std::vector<const Node*>& alts, bool one) {
    if (alts.empty()) return;
    size_t passing = 0;
    std::string first_error;
    for (const Node* alt : alts) {
      std::vector<Violation> probe;
      Walker w(kind_, probe);
      w.path_ = path_;
      w.walk(v, alt, false);
      if (probe.empty())
        ++passing;
      else if (first_error.empty())
        first_error = probe.front().message;
    }
    // The alternative's message repeats this value's path; the diagnostic already names it.
    if (std::string prefix = where() + ": "; first_error.starts_with(prefix)) {
      first_error.erase(0, prefix.size());
    }
    if (passing == 0) {
      add(Kind::Constraint, path_,
          where() + ": matches none of the " + std::to_string(alts.size()) +
              (one ? " oneOf" : " anyOf") + " alternatives",
          first_error.empty() ? "" : "the first one fails with: " + first_error);
    } else if (one && passing > 1) {
      add(Kind::Constraint, path_,
          where() + ": matches " + std::to_string(passing) +
              " oneOf alternatives, exactly one is allowed",
          "");
    }
  }

  void check_enum(const Value& v, const Node* n) {
    for (const auto& e : n->enum_values) {
      if (json_equal(v, e)) return;
    }
    std::set<std::string> names;
    std::string allowed;
    for (const auto& e : n->enum_values) {
      std::string s = show(e);
      if (s.empty()) continue;
      if (e.is_string()) names.insert(e.as_string());
      allowed += (allowed.empty() ? "" : ", ") + s;
    }
    std::string hint;
    if (v.is_string()) {
      std::string close = detail::did_you_mean(v.as_string(), names);
      if (!close.empty()) hint = "did you mean " + close + "? ";
    }
    hint += "allowed: " + allowed;
    add(Kind::Enum, path_, where() + ": " + described(v) + " is not an allowed value", hint);
  }

  void walk_object(const Value& v, const Node* n, bool strict) {
    for (const auto& r : n->required) {
      const Value* f = v.find(r);
      if (!f || f->is_nil()) {
        add(Kind::Required, path_, "missing required field \"" + r + "\" in " + in_where(),
            "add `" + r + ":`");
      }
    }
    for (const auto& [key, item] : v.as_map()) {
      auto it = n->properties.find(key);
      const Node* sub = it != n->properties.end() ? it->second : n->additional;
      if (!sub) {
        if (n->closed && strict) unknown_field(key, n);
        continue;
      }
      path_.push_back(key);
      walk(item, sub, strict);
      path_.pop_back();
    }
    size_t size = v.as_map().size();
    if (n->min_properties && size < *n->min_properties) {
      add(Kind::Constraint, path_,
          where() + ": has " + std::to_string(size) + " fields, at least " +
              std::to_string(*n->min_properties) + " required",
          "");
    }
    if (n->max_properties && size > *n->max_properties) {
      add(Kind::Constraint, path_,
          where() + ": has " + std::to_string(size) + " fields, at most " +
              std::to_string(*n->max_properties) + " allowed",
          "");
    }
  }

  void unknown_field(const std::string& key, const Node* n) {
    std::set<std::string> known;
    for (const auto& [k, sub] : n->properties) known.insert(k);
    std::string close = detail::did_you_mean(key, known);
    FieldPath p = path_;
    p.push_back(key);
    std::string hint = !close.empty() ? "did you mean " + close + "?"
                       : known.empty()
                           ? "remove it: this object has no fields"
                           : "remove it, or check its indentation: it may belong to another level";
    add(Kind::UnknownField, std::move(p), "unknown field \"" + key + "\" in " + in_where(), hint);
  }

  void walk_array(const Value& v, const Node* n, bool strict) {
    const auto& list = v.as_list();
    for (size_t i = 0; i < list.size(); ++i) {
      path_.push_back(std::to_string(i));
      if (list[i].is_nil()) {
        // Unlike a field, a null item is not dropped: it decodes to an empty value.
        if (n->items && n->items->types != 0 && !n->items->nullable &&
            n->items->special == Node::Special::None) {
          add(Kind::Type, path_,
              where() + ": expected " + expected_types(n->items->types) + ", got null",
              "remove the empty list item");
        }
      } else if (n->items) {
        walk(list[i], n->items, strict);
      }
      path_.pop_back();
    }
    if (n->min_items && list.size() < *n->min_items) {
      add(Kind::Constraint, path_,
          where() + ": has " + std::to_string(list.size()) + " items, at least " +
              std::to_string(*n->min_items) + " required",
          "");
    }
    if (n->max_items && list.size() > *n->max_items) {
      add(Kind::Constraint, path_,
          where() + ": has " + std::to_string(list.size()) + " items, at most " +
              std::to_string(*n->max_items) + " allowed",
          "");
    }
    if (n->crd && n->list_type != Node::ListType::Atomic) check_unique(list, n);
  }

  // x-kubernetes-list-type set (whole items) and map (the key fields) must not repeat.
  void check_unique(const List& list, const Node* n) {
    std::set<std::string> seen;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string key;
      if (n->list_type == Node::ListType::Set) {
        key = yaml::to_json(list[i], false);
      } else {
        if (!list[i].is_map()) continue;
        for (const auto& k : n->list_map_keys) {
          const Value* f = list[i].find(k);
          if ((!f || f->is_nil()) && n->items) {
            // A key left out takes its default (a port's protocol: TCP).
            auto it = n->items->properties.find(k);
            if (it != n->items->properties.end() && !it->second->default_value.is_nil())
              f = &it->second->default_value;
          }
          key += (key.empty() ? "" : ", ") + k + "=" + (f ? yaml::to_json(*f, false) : "null");
        }
      }
      if (!seen.insert(key).second) {
        FieldPath p = path_;
        p.push_back(std::to_string(i));
        add(Kind::Constraint, p, detail::format_field_path(p) + ": duplicate entry " + key,
            n->list_type == Node::ListType::Set
                ? "remove the repeated value (the list is a set)"
                : "each entry needs its own " + key.substr(0, key.find('=')));
      }
    }
  }

  void check_string(const std::string& s, const Node* n) {
    size_t len = 0;  // in characters (UTF-8 continuation bytes not counted)
    for (unsigned char c : s) len += (c & 0xC0) != 0x80;
    if (n->min_length && len < *n->min_length) {
      add(Kind::Constraint, path_,
          where() + ": " + yaml::to_json(Value(s), false) + " is shorter than " +
              std::to_string(*n->min_length) + " characters",
          "");
    }
    if (n->max_length && len > *n->max_length) {
      add(Kind::Constraint, path_,
          where() + ": is " + std::to_string(len) + " characters long, at most " +
              std::to_string(*n->max_length) + " allowed",
          "");
    }
    if (n->pattern && !RE2::PartialMatch(s, *n->pattern)) {
      add(Kind::Format, path_,
          where() + ": " + yaml::to_json(Value(s), false) + " does not match the pattern " +
              yaml::to_json(Value(n->pattern_text), false),
          "");
    }
    if (n->format == "date-time" && !is_date_time(s)) {
      add(Kind::Format, path_,
          where() + ": " + yaml::to_json(Value(s), false) + " is not an RFC 3339 date-time",
          "write it as 2024-01-31T12:00:00Z");
    } else if (n->format == "byte" && !is_base64(s)) {
      add(Kind::Format, path_, where() + ": is not valid base64",
          "encode it with `b64enc`, or use stringData");
    }
  }

  void check_number(const Value& v, const Node* n) {
    double d = number_of(v);
    if (n->format == "int32" && is_integral(v) && (d < -2147483648.0 || d > 2147483647.0)) {
      add(Kind::Constraint, path_, where() + ": " + show(v) + " does not fit in 32 bits", "");
    }
    if (n->minimum && (n->exclusive_minimum ? d <= *n->minimum : d < *n->minimum)) {
      add(Kind::Constraint, path_,
          where() + ": " + show(v) + " is below the minimum " +
              (n->exclusive_minimum ? "(exclusive) " : "") + show(Value::float64(*n->minimum)),
          "");
    }
    if (n->maximum && (n->exclusive_maximum ? d >= *n->maximum : d > *n->maximum)) {
      add(Kind::Constraint, path_,
          where() + ": " + show(v) + " is above the maximum " +
              (n->exclusive_maximum ? "(exclusive) " : "") + show(Value::float64(*n->maximum)),
          "");
    }
    if (n->multiple_of && *n->multiple_of > 0) {
      double q = d / *n->multiple_of;
      if (std::fabs(q - std::round(q)) > 1e-9) {
        add(Kind::Constraint, path_,
            where() + ": " + show(v) + " is not a multiple of " +
                show(Value::float64(*n->multiple_of)),
            "");
      }
    }
  }

  std::string kind_;
  std::vector<Violation>& out_;
  FieldPath path_;
};

}  // namespace

std::vector<Violation> check_object(const Value& object, const Node* root) {
  std::vector<Violation> out;
  const Value* kind = object.find("kind");
  Walker w(kind && kind->is_string() ? kind->as_string() : "object", out);
  w.walk(object, root, true);
  return out;
}

}  // namespace sparkc::validate::openapi
