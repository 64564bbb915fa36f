// The k8s group: rules on the objects the chart renders. Each object is traced back to the
// template it came from (and to the line of the field, where the template writes it plainly).
#include <re2/re2.h>

#include <algorithm>

#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

// k8s-dns1123-name: Services and Namespaces need a DNS-1123 label, most other kinds a
// DNS-1123 subdomain. RBAC objects accept any path segment and are left out.
void check_dns1123_name(Context& ctx, const RenderedObject& o) {
  static const RE2 label("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static const RE2 subdomain("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static const std::set<std::string> rbac = {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"};
  if (o.name.empty() || o.kind.empty() || rbac.count(o.kind)) return;
  bool is_label = o.kind == "Service" || o.kind == "Namespace";
  size_t max = is_label ? 63 : 253;
  const char* what = is_label ? "DNS-1123 label" : "DNS-1123 subdomain";
  std::string problem;
  if (o.name.size() > max) {
    problem = "is " + std::to_string(o.name.size()) + " characters long, more than " + std::to_string(max);
  } else if (!RE2::FullMatch(o.name, is_label ? label : subdomain)) {
    problem = is_label ? "must consist of lower-case alphanumerics or '-', and start and end with an alphanumeric"
                       : "must consist of lower-case alphanumerics, '-' or '.', and start and end with an alphanumeric";
  }
  if (problem.empty()) return;
  ctx.report_object("k8s-dns1123-name", o, {"metadata", "name"},
             o.kind + " name \"" + o.name + "\" is not a valid " + what + ": it " + problem,
             "lower-case it, use '-' instead of '_', and `trunc " + std::to_string(is_label ? 63 : 253) +
                 " | trimSuffix \"-\"`");
}

// The keys of the ConfigMap or Secret an envFrom entry names, when the chart renders it;
// nullopt when it is not in the chart (its keys are unknown).
std::optional<std::set<std::string>> env_from_keys(const std::vector<RenderedObject>& objects,
                                                   const Value& source) {
  for (const char* kind : {"ConfigMap", "Secret"}) {
    std::string field = kind == std::string("ConfigMap") ? "configMapRef" : "secretRef";
    const Value* ref = source.find(field);
    if (!ref) continue;
    std::string name = string_at(*ref, "name");
    for (const auto& o : objects) {
      if (o.kind != kind || o.name != name) continue;
      std::set<std::string> keys;
      for (const char* data : {"data", "stringData", "binaryData"}) {
        const Value* d = o.doc.find(data);
        if (d && d->is_map()) {
          for (const auto& [k, v] : d->as_map()) keys.insert(string_at(source, "prefix") + k);
        }
      }
      return keys;
    }
  }
  return std::nullopt;
}

// k8s-env-reference: Kubernetes expands $(NAME) in command, args and env values from the
// variables defined before it; $$ escapes. Only upper-case names are judged: a lower-case
// $(date) inside a `sh -c` script is the shell's command substitution, left alone by
// Kubernetes on purpose.
void check_env_references(Context& ctx, const std::vector<RenderedObject>& objects, const Pod& pod) {
  // Spark's own container gets SPARK_* and the pod's env from Spark at run time.
  if (!pod.spark_role.empty()) return;
  static const RE2 ref("\\$\\(([A-Z_][A-Z0-9_]*)\\)");
  for (const auto& [cpath, c] : pod.containers()) {
    std::set<std::string> defined;
    bool unknown_source = false;  // an envFrom outside the chart may define anything
    if (const Value* from = c->find("envFrom"); from && from->is_list()) {
      for (const auto& src : from->as_list()) {
        if (auto keys = env_from_keys(objects, src)) {
          defined.insert(keys->begin(), keys->end());
        } else {
          unknown_source = true;
        }
      }
    }
    if (unknown_source) continue;
    std::string cname = string_at(*c, "name");
    auto check = [&](const std::string& text, const FieldPath& field, const std::set<std::string>& known) {
      // Drop the $$ escapes first: "$$(X)" is a literal "$(X)".
      std::string s;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '$') {
          ++i;
          s += '#';
          continue;
        }
        s += text[i];
      }
      re2::StringPiece in(s);
      std::string name;
      std::set<std::string> seen;
      while (RE2::FindAndConsume(&in, ref, &name)) {
        if (known.count(name) || !seen.insert(name).second) continue;
        FieldPath full = pod.path_of(cpath);
        full.insert(full.end(), field.begin(), field.end());
        ctx.report_object("k8s-env-reference", *pod.owner, full,
                          "container \"" + cname + "\" uses $(" + name +
                              ") but defines no " + name +
                              " before it: Kubernetes passes the text on unexpanded",
                          "add `- name: " + name + "` to the container's env above its first use" +
                              std::string(name.ends_with("IP") ? " (the pod IP: `valueFrom: {fieldRef: "
                                                                 "{fieldPath: status.podIP}}`)"
                                                               : "") +
                              ", or write $$(" + name + ") for a literal");
      }
    };
    std::set<std::string> all_env = defined;
    const Value* env = c->find("env");
    if (env && env->is_list()) {
      for (size_t i = 0; i < env->as_list().size(); ++i) {
        const Value& e = env->as_list()[i];
        const Value* value = e.find("value");
        if (value && value->is_string()) check(value->as_string(), {"env", std::to_string(i), "value"}, defined);
        defined.insert(string_at(e, "name"));
      }
      all_env = defined;
    }
    for (const char* key : {"command", "args"}) {
      const Value* list = c->find(key);
      if (!list || !list->is_list()) continue;
      for (size_t i = 0; i < list->as_list().size(); ++i) {
        const Value& arg = list->as_list()[i];
        if (arg.is_string()) check(arg.as_string(), {key, std::to_string(i)}, all_env);
      }
    }
  }
}

}  // namespace

void run_k8s_rules(Context& ctx) {
  const auto* objects = ctx.objects();
  if (!objects) return;
  for (const auto& o : *objects) {
    check_dns1123_name(ctx, o);
  }
  for (const auto& pod : ctx.pods()) check_env_references(ctx, *objects, pod);
}

}  // namespace sparkc::validate::detail
