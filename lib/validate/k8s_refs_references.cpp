// k8s-reference-missing: every ConfigMap (and key), Secret (and key), ServiceAccount,
// PersistentVolumeClaim, Role, PriorityClass, Service, scale target or pod volume an object
// names is in the chart, provided by the cluster (is_external: --external, the namespace's
// default ServiceAccount, kube-root-ca.crt; built-in ClusterRoles and PriorityClasses), or
// the reference is optional. A pod that names a missing object stays in ContainerCreating or
// CreateContainerConfigError; a binding to a missing Role grants nothing. A name the values
// give under an "existing..." key (existingSecret, existingClaim), or as the name of a
// serviceAccount with create: false, is one the user creates before installing, by Helm
// convention, so its absence from the chart is no finding. Each missing object is reported
// once per object that names it.
#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "sparkc/chart.h"
#include "sparkc/yaml.h"
#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

const char* kRule = "k8s-reference-missing";

// ClusterRoles every cluster has: the user-facing roles and the system: ones.
bool builtin_cluster_role(const std::string& name) {
  return name == "view" || name == "edit" || name == "admin" || name == "cluster-admin" ||
         name.starts_with("system:");
}

// One reference found in an object.
struct Ref {
  Ref(std::string kind_, std::string name_, FieldPath at_, std::string key_ = "", FieldPath key_at_ = {})
      : kind(std::move(kind_)), name(std::move(name_)), at(std::move(at_)), key(std::move(key_)),
        key_at(std::move(key_at_)) {}
  std::string kind, name;
  FieldPath at;           // the field holding the name
  std::string key;        // a ConfigMap or Secret key the reference needs ("" for none)
  FieldPath key_at;       // the field holding the key
  bool optional = false;  // optional: true
  bool key_only = false;  // repeats an earlier reference to add one of its keys
};

// The string values under keys named "existing..." (existingSecret, auth.existingSecret,
// persistence.existingClaim), apart from the keys of such objects (existingSecretKey), and the
// name of a serviceAccount block that does not create it ({create: false, name: spark}: the
// other Helm convention for an object made before installing), in `v`.
void collect_existing(const Value& v, std::set<std::string>& out) {
  if (!v.is_map()) return;
  for (const auto& [k, x] : v.as_map()) {
    std::string lower;
    for (char ch : k) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower.ends_with("serviceaccount") && x.is_map()) {
      const Value* create = x.find("create");
      if (create && create->is_bool() && !create->as_bool() && !string_at(x, "name").empty()) {
        out.insert(string_at(x, "name"));
      }
    }
    if (lower.starts_with("existing") && !lower.ends_with("key") && !lower.ends_with("keys") && x.is_string() &&
        !x.as_string().empty()) {
      out.insert(x.as_string());
    }
    collect_existing(x, out);
  }
}

// `over` laid over `base` as Helm coalesces user values over a chart's defaults (maps merge,
// anything else replaces).
Value overlay(const Value& base, const Value& over) {
  if (!base.is_map() || !over.is_map()) return over;
  Value out = base.deep_copy();
  for (const auto& [k, v] : over.as_map()) {
    const Value* b = out.find(k);
    out.mutable_map()[k] = b ? overlay(*b, v) : v;
  }
  return out;
}

// The names the values (the chart's defaults with -f and --set over them) give as existing
// objects.
std::set<std::string> existing_names(Context& ctx) {
  Value values = Value::map();
  try {
    if (auto text = ctx.read("values.yaml")) values = yaml::load(*text, "values.yaml");
  } catch (const std::exception&) {
    // chart-values-invalid reports a values file that does not parse.
  }
  try {
    values = overlay(values, chart::merge_user_values(ctx.options().values));
  } catch (const std::exception&) {
    // The render already failed on these values and said why.
  }
  std::set<std::string> out;
  collect_existing(values, out);
  return out;
}

bool optional_flag(const Value& v) {
  const Value* o = v.is_map() ? v.find("optional") : nullptr;
  return o && o->is_bool() && o->as_bool();
}

FieldPath plus(FieldPath p, std::initializer_list<std::string> more) {
  p.insert(p.end(), more);
  return p;
}

// A configMap or secret source (of a volume or a projected volume): its name and items' keys.
void source_refs(std::vector<Ref>& out, const Value& src, const FieldPath& at, const std::string& kind,
                 const char* name_field) {
  if (!src.is_map()) return;
  Ref r{kind, string_at(src, name_field), plus(at, {name_field})};
  r.optional = optional_flag(src);
  out.push_back(r);
  const Value* items = src.find("items");
  if (!items || !items->is_list()) return;
  for (size_t i = 0; i < items->as_list().size(); ++i) {
    Ref k = r;
    k.key = string_at(items->as_list()[i], "key");
    k.key_at = plus(at, {"items", std::to_string(i), "key"});
    k.key_only = true;
    out.push_back(k);
  }
}

// The objects a list of volumes (at `at`) refers to.
void volume_refs(std::vector<Ref>& out, const Value* volumes, const FieldPath& at) {
  if (!volumes || !volumes->is_list()) return;
  for (size_t i = 0; i < volumes->as_list().size(); ++i) {
    const Value& v = volumes->as_list()[i];
    if (!v.is_map()) continue;
    FieldPath vp = plus(at, {std::to_string(i)});
    if (const Value* cm = v.find("configMap")) source_refs(out, *cm, plus(vp, {"configMap"}), "ConfigMap", "name");
    if (const Value* s = v.find("secret")) source_refs(out, *s, plus(vp, {"secret"}), "Secret", "secretName");
    if (const Value* pvc = v.find("persistentVolumeClaim"); pvc && pvc->is_map()) {
      out.push_back({"PersistentVolumeClaim", string_at(*pvc, "claimName"), plus(vp, {"persistentVolumeClaim", "claimName"})});
    }
    const Value* sources = value_at(v, {"projected", "sources"});
    if (!sources || !sources->is_list()) continue;
    for (size_t j = 0; j < sources->as_list().size(); ++j) {
      const Value& s = sources->as_list()[j];
      FieldPath sp = plus(vp, {"projected", "sources", std::to_string(j)});
      if (const Value* cm = s.find("configMap")) source_refs(out, *cm, plus(sp, {"configMap"}), "ConfigMap", "name");
      if (const Value* sec = s.find("secret")) source_refs(out, *sec, plus(sp, {"secret"}), "Secret", "name");
    }
  }
}

// envFrom and env valueFrom of a container (or a SparkApplication role) at `at`.
void env_refs(std::vector<Ref>& out, const Value& c, const FieldPath& at) {
  static const std::pair<const char*, const char*> from_kinds[] = {{"configMapRef", "ConfigMap"}, {"secretRef", "Secret"}};
  static const std::pair<const char*, const char*> key_kinds[] = {{"configMapKeyRef", "ConfigMap"}, {"secretKeyRef", "Secret"}};
  if (const Value* ef = c.find("envFrom"); ef && ef->is_list()) {
    for (size_t i = 0; i < ef->as_list().size(); ++i) {
      for (const auto& [field, kind] : from_kinds) {
        const Value* ref = ef->as_list()[i].is_map() ? ef->as_list()[i].find(field) : nullptr;
        if (!ref || !ref->is_map()) continue;
        Ref r{kind, string_at(*ref, "name"), plus(at, {"envFrom", std::to_string(i), field, "name"})};
        r.optional = optional_flag(*ref);
        out.push_back(r);
      }
    }
  }
  if (const Value* env = c.find("env"); env && env->is_list()) {
    for (size_t i = 0; i < env->as_list().size(); ++i) {
      for (const auto& [field, kind] : key_kinds) {
        const Value* ref = value_at(env->as_list()[i], {"valueFrom", field});
        if (!ref || !ref->is_map()) continue;
        FieldPath rp = plus(at, {"env", std::to_string(i), "valueFrom", field});
        Ref r{kind, string_at(*ref, "name"), plus(rp, {"name"}), string_at(*ref, "key"), plus(rp, {"key"})};
        r.optional = optional_flag(*ref);
        out.push_back(r);
      }
    }
  }
}

// Every reference of a pod spec, with field paths in its owner.
std::vector<Ref> pod_refs(const Pod& pod) {
  std::vector<Ref> out;
  const Value& spec = pod.spec;
  for (const char* f : {"serviceAccountName", "serviceAccount"}) {
    if (std::string sa = string_at(spec, f); !sa.empty()) {
      out.push_back({"ServiceAccount", sa, pod.path_of({f})});
      break;
    }
  }
  // The priority admission plugin rejects a pod whose PriorityClass does not exist.
  if (std::string pc = string_at(spec, "priorityClassName"); !pc.empty()) {
    out.push_back({"PriorityClass", pc, pod.path_of({"priorityClassName"})});
  }
  if (const Value* ips = spec.find("imagePullSecrets"); ips && ips->is_list()) {
    for (size_t i = 0; i < ips->as_list().size(); ++i) {
      out.push_back({"Secret", string_at(ips->as_list()[i], "name"), pod.path_of({"imagePullSecrets", std::to_string(i), "name"})});
    }
  }
  volume_refs(out, spec.find("volumes"), pod.path_of({"volumes"}));
  for (const auto& [cpath, c] : pod.containers()) env_refs(out, *c, pod.path_of(cpath));
  return out;
}

// Every reference of a SparkApplication (or a ScheduledSparkApplication's template) at `base`.
std::vector<Ref> spark_app_refs(const Value& app, const FieldPath& base) {
  std::vector<Ref> out;
  for (const char* key : {"sparkConfigMap", "hadoopConfigMap"}) {
    if (std::string n = string_at(app, key); !n.empty()) out.push_back({"ConfigMap", n, plus(base, {key})});
  }
  if (const Value* ips = app.find("imagePullSecrets"); ips && ips->is_list()) {
    for (size_t i = 0; i < ips->as_list().size(); ++i) {
      out.push_back({"Secret", scalar_text(ips->as_list()[i]), plus(base, {"imagePullSecrets", std::to_string(i)})});
    }
  }
  volume_refs(out, app.find("volumes"), plus(base, {"volumes"}));
  for (const char* role : {"driver", "executor"}) {
    const Value* r = app.find(role);
    if (!r || !r->is_map()) continue;
    FieldPath rp = plus(base, {role});
    if (std::string sa = string_at(*r, "serviceAccount"); !sa.empty()) {
      out.push_back({"ServiceAccount", sa, plus(rp, {"serviceAccount"})});
    }
    for (const auto& [field, kind] : {std::pair{"configMaps", "ConfigMap"}, std::pair{"secrets", "Secret"}}) {
      const Value* list = r->find(field);
      if (!list || !list->is_list()) continue;
      for (size_t i = 0; i < list->as_list().size(); ++i) {
        out.push_back({kind, string_at(list->as_list()[i], "name"), plus(rp, {field, std::to_string(i), "name"})});
      }
    }
    env_refs(out, *r, rp);
  }
  return out;
}

// Kinds a reference may name that live outside namespaces.
bool cluster_scoped(const std::string& kind) {
  return kind == "ClusterRole" || kind == "Namespace" || kind == "PersistentVolume" || kind == "StorageClass" ||
         kind == "PriorityClass" || kind == "IngressClass";
}

// The objects of the chart by kind and "namespace/name" (cluster-scoped kinds: "/name").
class Index {
 public:
  explicit Index(Context& ctx) {
    for (const auto& o : *ctx.objects()) {
      if (o.name.empty()) continue;
      by_kind_[o.kind][(cluster_scoped(o.kind) ? "" : namespace_of(ctx, o)) + "/" + o.name] = &o;
    }
  }
  const RenderedObject* find(const std::string& kind, const std::string& ns, const std::string& name) const {
    auto k = by_kind_.find(kind);
    if (k == by_kind_.end()) return nullptr;
    auto it = k->second.find((cluster_scoped(kind) ? "" : ns) + "/" + name);
    return it == k->second.end() ? nullptr : it->second;
  }
  // Names of `kind` in `ns`, for did-you-mean hints.
  std::set<std::string> names(const std::string& kind, const std::string& ns) const {
    std::set<std::string> out;
    auto k = by_kind_.find(kind);
    if (k == by_kind_.end()) return out;
    for (const auto& [key, o] : k->second) {
      if (cluster_scoped(kind) || key.starts_with(ns + "/")) out.insert(o->name);
    }
    return out;
  }

 private:
  std::map<std::string, std::map<std::string, const RenderedObject*>> by_kind_;
};

// Whether a ConfigMap or Secret of the chart has `key`.
bool has_key(const RenderedObject& o, const std::string& key) {
  for (const char* field : {"data", "binaryData", "stringData"}) {
    const Value* d = o.doc.find(field);
    if (d && d->is_map() && d->find(key)) return true;
  }
  return false;
}

// What a run has found so far: the names the values call existing, and the missing objects
// already reported per referring object (a pod naming a Secret in two env vars and a volume
// gets one finding).
struct Seen {
  std::set<std::string> existing;
  std::set<std::tuple<const RenderedObject*, std::string, std::string>> reported;
};

void check_ref(Context& ctx, const Index& index, Seen& seen, const RenderedObject& o, const std::string& ns,
               const Ref& r) {
  if (r.name.empty() || r.optional) return;
  const RenderedObject* target = index.find(r.kind, ns, r.name);
  if (!target) {
    if (r.kind == "ClusterRole" && builtin_cluster_role(r.name)) return;
    if (r.kind == "PriorityClass" && r.name.starts_with("system-")) return;  // the built-in two
    if (is_external(ctx, r.kind, r.name)) return;
    if (seen.existing.count(r.name)) return;
    if (r.key_only) return;  // the object itself is reported once
    if (!seen.reported.emplace(&o, r.kind, r.name).second) return;
    std::string hint = "add the " + r.kind + " to the chart";
    if (r.kind == "ConfigMap" || r.kind == "Secret") hint += ", mark the reference `optional: true`";
    hint += ", or pass --external " + r.kind + "/" + r.name + " when the cluster provides it";
    if (std::string dym = did_you_mean(r.name, index.names(r.kind, ns)); !dym.empty()) {
      hint = "did you mean " + dym + "? " + hint;
    }
    ctx.report_object(kRule, o, r.at, r.kind + " \"" + r.name + "\" is not in the chart", hint);
    return;
  }
  if (r.key.empty() || has_key(*target, r.key)) return;
  std::set<std::string> keys;
  for (const char* field : {"data", "binaryData", "stringData"}) {
    if (const Value* d = target->doc.find(field); d && d->is_map()) {
      for (const auto& [k, v] : d->as_map()) keys.insert(k);
    }
  }
  std::string dym = did_you_mean(r.key, keys);
  ctx.report_object(kRule, o, r.key_at, r.kind + " \"" + r.name + "\" has no key \"" + r.key + "\"",
                    (dym.empty() ? std::string() : "did you mean " + dym + "? ") +
                        "add the key to the " + r.kind + ", or mark the reference `optional: true`");
}

// Volume mounts and devices name a volume of their own pod (or a StatefulSet claim template).
void check_mounts(Context& ctx, const Pod& pod) {
  std::set<std::string> volumes(pod.claim_templates.begin(), pod.claim_templates.end());
  if (const Value* vs = pod.spec.find("volumes"); vs && vs->is_list()) {
    for (const auto& v : vs->as_list()) volumes.insert(string_at(v, "name"));
  }
  for (const auto& [cpath, c] : pod.containers()) {
    for (const char* field : {"volumeMounts", "volumeDevices"}) {
      const Value* mounts = c->find(field);
      if (!mounts || !mounts->is_list()) continue;
      for (size_t i = 0; i < mounts->as_list().size(); ++i) {
        std::string name = string_at(mounts->as_list()[i], "name");
        if (name.empty() || volumes.count(name)) continue;
        FieldPath at = cpath;
        at.insert(at.end(), {field, std::to_string(i), "name"});
        std::string dym = did_you_mean(name, volumes);
        ctx.report_object(kRule, *pod.owner, pod.path_of(at),
                          std::string(field == std::string("volumeMounts") ? "volume mount" : "volume device") +
                              " \"" + name + "\" of container \"" + string_at(*c, "name") + "\" names no volume of " +
                              pod.ident,
                          (dym.empty() ? std::string() : "did you mean " + dym + "? ") +
                              "add a volume named \"" + name + "\" to the pod's volumes");
      }
    }
  }
}

// References of non-pod objects: bindings, Ingress backends, autoscalers, StatefulSets.
std::vector<Ref> object_refs(Context& ctx, const RenderedObject& o) {
  std::vector<Ref> out;
  const Value& d = o.doc;
  if (o.kind == "RoleBinding" || o.kind == "ClusterRoleBinding") {
    std::string kind = string_at(d.find("roleRef") ? *d.find("roleRef") : Value(), "kind");
    // A ClusterRoleBinding can only bind a ClusterRole; the API server says so itself.
    if (kind == "ClusterRole" || (kind == "Role" && o.kind == "RoleBinding")) {
      out.push_back({kind, string_at(*d.find("roleRef"), "name"), {"roleRef", "name"}});
    }
    if (const Value* subjects = d.find("subjects"); subjects && subjects->is_list()) {
      for (size_t i = 0; i < subjects->as_list().size(); ++i) {
        const Value& s = subjects->as_list()[i];
        if (string_at(s, "kind") != "ServiceAccount") continue;
        // ServiceAccounts of another namespace belong to someone else.
        std::string ns = string_at(s, "namespace");
        if (!ns.empty() && ns != namespace_of(ctx, o)) continue;
        out.push_back({"ServiceAccount", string_at(s, "name"), {"subjects", std::to_string(i), "name"}});
      }
    }
  } else if (o.kind == "Ingress") {
    for (const auto& b : ingress_backends(d)) {
      const Value* name = value_at(d, plus(b, {"service", "name"}));
      if (name && name->is_string()) out.push_back({"Service", name->as_string(), plus(b, {"service", "name"})});
    }
  } else if (o.kind == "HorizontalPodAutoscaler") {
    const Value* t = value_at(d, {"spec", "scaleTargetRef"});
    if (t && t->is_map()) out.push_back({string_at(*t, "kind"), string_at(*t, "name"), {"spec", "scaleTargetRef", "name"}});
  } else if (o.kind == "StatefulSet") {
    // The governing Service gives the pods their stable DNS names.
    if (std::string svc = string_at(d.find("spec") ? *d.find("spec") : Value(), "serviceName"); !svc.empty()) {
      out.push_back({"Service", svc, {"spec", "serviceName"}});
    }
  } else if (o.kind == "SparkApplication") {
    if (const Value* spec = d.find("spec"); spec && spec->is_map()) return spark_app_refs(*spec, {"spec"});
  } else if (o.kind == "ScheduledSparkApplication") {
    if (const Value* t = value_at(d, {"spec", "template"}); t && t->is_map()) {
      return spark_app_refs(*t, {"spec", "template"});
    }
  }
  return out;
}

}  // namespace

void check_references(Context& ctx) {
  Index index(ctx);
  Seen seen{existing_names(ctx), {}};
  for (const auto& o : *ctx.objects()) {
    std::string ns = namespace_of(ctx, o);
    for (const auto& r : object_refs(ctx, o)) check_ref(ctx, index, seen, o, ns, r);
  }
  for (const auto& pod : ctx.pods()) {
    std::string ns = namespace_of(ctx, *pod.owner);
    for (const auto& r : pod_refs(pod)) check_ref(ctx, index, seen, *pod.owner, ns, r);
    check_mounts(ctx, pod);
  }
}

}  // namespace sparkc::validate::detail
