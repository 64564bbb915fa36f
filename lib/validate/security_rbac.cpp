// RBAC: least privilege (no wildcards, no cluster-wide bindings of namespaced rights) and
// sufficiency (a Spark driver's ServiceAccount can manage its executors). Roles and bindings
// are read from the rendered chart; the cluster's built-in user-facing ClusterRoles
// (cluster-admin, admin, edit, view) are known by what they grant.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "validate/security.h"
#include "validate/spark_conf.h"

namespace sparkc::validate::detail {
namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

bool is_false(const Value* v) { return v && v->is_bool() && !v->as_bool(); }

std::vector<std::string> strings_of(const Value* v) {
  std::vector<std::string> out;
  if (!v || !v->is_list()) return out;
  for (const auto& x : v->as_list()) {
    if (x.is_string()) out.push_back(x.as_string());
  }
  return out;
}

bool has(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// The namespace an object lands in: its own, or the release namespace.
std::string namespace_of(const Context& ctx, const RenderedObject& o) {
  return o.namespace_.empty() ? ctx.options().namespace_ : o.namespace_;
}

// Resources that live in a namespace (core, apps, batch, networking, policy, RBAC,
// coordination, autoscaling, and the custom resources the blocks use). A rule on anything
// else may need cluster scope, so it never makes a binding "too wide".
bool is_namespaced_resource(std::string resource) {
  static const std::set<std::string> s = {
      "pods", "services", "endpoints", "endpointslices", "configmaps", "secrets", "persistentvolumeclaims",
      "serviceaccounts", "events", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs",
      "roles", "rolebindings", "ingresses", "networkpolicies", "poddisruptionbudgets", "leases",
      "horizontalpodautoscalers", "limitranges", "resourcequotas", "replicationcontrollers", "podtemplates",
      "controllerrevisions", "sparkapplications", "scheduledsparkapplications", "servicemonitors", "podmonitors",
      "prometheusrules"};
  size_t slash = resource.find('/');  // subresources: pods/log, pods/exec, serviceaccounts/token
  if (slash != std::string::npos) resource = resource.substr(0, slash);
  return s.count(resource) > 0;
}

// --- security-rbac-wildcard ----------------------------------------------------------------

void check_wildcards(Context& ctx, const RenderedObject& o) {
  const Value* rules = o.doc.find("rules");
  if (!rules || !rules->is_list()) return;
  static const std::pair<const char*, const char*> fields[] = {
      {"verbs", "every verb, escalate and bind included"},
      {"resources", "every resource, secrets included"},
      {"apiGroups", "every API group, present and future"},
      {"nonResourceURLs", "every non-resource URL"}};
  for (size_t i = 0; i < rules->as_list().size(); ++i) {
    const Value& r = rules->as_list()[i];
    if (!r.is_map()) continue;
    for (const auto& [field, what] : fields) {
      std::vector<std::string> list = strings_of(r.find(field));
      auto it = std::find(list.begin(), list.end(), "*");
      if (it == list.end()) continue;
      ctx.report_object("security-rbac-wildcard", o,
                        {"rules", std::to_string(i), field, std::to_string(it - list.begin())},
                        o.kind + " " + quoted(o.name) + " grants " + what + " (\"*\" in " + field + ")",
                        std::string("list the ") + field + " the workload uses");
    }
  }
}

// --- The rights a ServiceAccount gets -----------------------------------------------------------

// A role as far as the checks need it: its rules, or a built-in ClusterRole's summary.
struct RoleRights {
  const Value* rules = nullptr;  // the chart's Role or ClusterRole rules
  std::string builtin;           // "cluster-admin", "admin", "edit", "view"
};

class RbacIndex {
 public:
  explicit RbacIndex(Context& ctx) : ctx_(ctx) {
    for (const auto& o : *ctx.objects()) {
      if (o.kind == "Role") roles_[{namespace_of(ctx, o), o.name}] = &o;
      if (o.kind == "ClusterRole") cluster_roles_[o.name] = &o;
      if (o.kind == "RoleBinding" || o.kind == "ClusterRoleBinding") bindings_.push_back(&o);
    }
  }

  const std::vector<const RenderedObject*>& bindings() const { return bindings_; }

  // The rights `binding`'s roleRef names; nothing when the role is neither in the chart nor built in.
  std::optional<RoleRights> role_of(const RenderedObject& binding) const {
    const Value* ref = binding.doc.find("roleRef");
    std::string kind = ref ? string_at(*ref, "kind") : "", name = ref ? string_at(*ref, "name") : "";
    if (kind == "Role") {
      if (binding.kind != "RoleBinding") return std::nullopt;
      auto it = roles_.find({namespace_of(ctx_, binding), name});
      if (it == roles_.end()) return std::nullopt;
      return RoleRights{it->second->doc.find("rules"), ""};
    }
    if (kind != "ClusterRole") return std::nullopt;
    auto it = cluster_roles_.find(name);
    if (it != cluster_roles_.end()) return RoleRights{it->second->doc.find("rules"), ""};
    if (name == "cluster-admin" || name == "admin" || name == "edit" || name == "view") return RoleRights{nullptr, name};
    return std::nullopt;
  }

  const RenderedObject* cluster_role(const std::string& name) const {
    auto it = cluster_roles_.find(name);
    return it == cluster_roles_.end() ? nullptr : it->second;
  }

  // Whether ServiceAccount `ns`/`sa` may `verb` core-group `resource` in namespace `ns`.
  bool allows(const std::string& ns, const std::string& sa, const std::string& resource, const std::string& verb) const {
    for (const RenderedObject* b : bindings_) {
      if (b->kind == "RoleBinding" && namespace_of(ctx_, *b) != ns) continue;
      if (!binds(*b, ns, sa)) continue;
      auto role = role_of(*b);
      if (role && grants(*role, resource, verb)) return true;
    }
    return false;
  }

 private:
  bool binds(const RenderedObject& b, const std::string& ns, const std::string& sa) const {
    const Value* subjects = b.doc.find("subjects");
    if (!subjects || !subjects->is_list()) return false;
    for (const auto& s : subjects->as_list()) {
      if (string_at(s, "kind") != "ServiceAccount" || string_at(s, "name") != sa) continue;
      std::string sns = string_at(s, "namespace");
      if ((sns.empty() ? namespace_of(ctx_, b) : sns) == ns) return true;
    }
    return false;
  }

  static bool grants(const RoleRights& r, const std::string& resource, const std::string& verb) {
    if (r.builtin == "cluster-admin" || r.builtin == "admin" || r.builtin == "edit") return true;
    if (r.builtin == "view") return verb == "get" || verb == "list" || verb == "watch";
    if (!r.rules || !r.rules->is_list()) return false;
    for (const auto& rule : r.rules->as_list()) {
      auto groups = strings_of(rule.find("apiGroups"));
      auto resources = strings_of(rule.find("resources"));
      auto verbs = strings_of(rule.find("verbs"));
      // resourceNames restrict a rule to fixed names; Spark's objects get generated ones.
      if (!strings_of(rule.find("resourceNames")).empty()) continue;
      if ((has(groups, "") || has(groups, "*")) && (has(resources, resource) || has(resources, "*")) &&
          (has(verbs, verb) || has(verbs, "*"))) {
        return true;
      }
    }
    return false;
  }

  Context& ctx_;
  std::map<std::pair<std::string, std::string>, const RenderedObject*> roles_;
  std::map<std::string, const RenderedObject*> cluster_roles_;
  std::vector<const RenderedObject*> bindings_;
};

// cluster-admin bound anywhere is the widest wildcard of all.
void check_builtin_wildcard(Context& ctx, const RbacIndex& idx, const RenderedObject& b) {
  const Value* ref = b.doc.find("roleRef");
  if (!ref || string_at(*ref, "kind") != "ClusterRole" || string_at(*ref, "name") != "cluster-admin") return;
  if (idx.cluster_role("cluster-admin")) return;
  ctx.report_object("security-rbac-wildcard", b, {"roleRef", "name"},
                    b.kind + " " + quoted(b.name) + " grants the built-in ClusterRole \"cluster-admin\": every verb on every resource",
                    "bind a Role that lists the resources and verbs the workload uses");
}

// --- security-rbac-cluster-scope ---------------------------------------------------------------

void check_cluster_scope(Context& ctx, const RbacIndex& idx, const RenderedObject& b) {
  if (b.kind != "ClusterRoleBinding") return;
  const Value* ref = b.doc.find("roleRef");
  if (!ref || string_at(*ref, "kind") != "ClusterRole") return;
  std::string name = string_at(*ref, "name");
  std::string why;
  if (const RenderedObject* role = idx.cluster_role(name)) {
    const Value* rules = role->doc.find("rules");
    if (!rules || !rules->is_list() || rules->as_list().empty()) return;
    // An aggregated ClusterRole gets its rules from elsewhere.
    if (role->doc.find("aggregationRule")) return;
    for (const auto& r : rules->as_list()) {
      if (!strings_of(r.find("nonResourceURLs")).empty()) return;
      auto resources = strings_of(r.find("resources"));
      if (resources.empty()) return;
      for (const auto& res : resources) {
        if (!is_namespaced_resource(res)) return;
      }
    }
    why = "all its rules are on namespaced resources";
  } else if (name == "admin" || name == "edit" || name == "view") {
    why = "this built-in role grants namespaced resources and is meant for RoleBindings";
  } else {
    return;
  }
  ctx.report_object("security-rbac-cluster-scope", b, {"roleRef", "name"},
                    "ClusterRoleBinding " + quoted(b.name) + " grants ClusterRole " + quoted(name) +
                        " in every namespace, though " + why,
                    "use a RoleBinding in the release namespace (it may reference the ClusterRole), or a Role and a RoleBinding");
}

// --- security-rbac-spark-driver --------------------------------------------------------------

using Needs = std::vector<std::pair<std::string, std::vector<std::string>>>;  // resource -> verbs

// A ServiceAccount that a Spark process talks to the API server as, what it must be allowed
// to do, and where the chart says which account it is.
struct SparkAccount {
  std::string name, ns;
  std::string who;   // "the Spark driver in Deployment/x", "spark-submit in Deployment/y"
  std::string role;  // "driver" or "submitter"
  Needs needs;
  std::function<void(const std::string&, const std::string&)> report;
};

bool is_daemon(const std::string& program) {
  return program == "start-history-server.sh" || program == "start-master.sh" || program == "start-worker.sh" ||
         program == "start-shuffle-service.sh";
}

// What a driver does in its namespace: executor pods (created, watched, listed by the polling
// snapshot source, deleted when scaling down and at the end), the executors' ConfigMap
// (created at start, deleted at the end), Services (Spark's RBAC documentation asks for them;
// the driver deletes its application's Services when it stops), and on-demand claims.
Needs driver_needs(const SparkConf& c) {
  Needs n = {{"pods", {"create", "get", "list", "watch", "delete"}}, {"services", {"create", "delete"}}};
  if (!c.is_true("spark.kubernetes.executor.disableConfigMap")) n.push_back({"configmaps", {"create", "delete"}});
  for (const auto& e : c.entries) {
    if (e.key.starts_with("spark.kubernetes.") && e.key.find(".volumes.persistentVolumeClaim.") != std::string::npos &&
        e.key.ends_with(".options.claimName") && e.value == "OnDemand") {
      n.push_back({"persistentvolumeclaims", {"create", "list", "delete"}});
      break;
    }
  }
  return n;
}

// What spark-submit does in cluster mode: creates the driver pod, its ConfigMap and Service,
// then (spark.kubernetes.submission.waitAppCompletion, the default) watches the driver pod.
Needs submitter_needs(const SparkConf& c) {
  std::vector<std::string> pod_verbs = {"create"};
  if (c.get("spark.kubernetes.submission.waitAppCompletion", "true") != "false") {
    pod_verbs.insert(pod_verbs.end(), {"get", "watch"});
  }
  return {{"pods", pod_verbs}, {"services", {"create"}}, {"configmaps", {"create"}}};
}

// The account the pod runs as, reported at its serviceAccountName.
SparkAccount pod_account(Context& ctx, const Pod* pod, const std::string& who) {
  SparkAccount a;
  a.name = string_at(pod->spec, "serviceAccountName");
  if (a.name.empty()) a.name = "default";
  a.ns = namespace_of(ctx, *pod->owner);
  a.who = who;
  a.report = [&ctx, pod](const std::string& msg, const std::string& hint) {
    ctx.report_object("security-rbac-spark-driver", *pod->owner, pod->path_of({"serviceAccountName"}), msg, hint);
  };
  return a;
}

// Whether the configuration gives the Kubernetes client credentials of its own.
bool has_own_credentials(const SparkConf& c) {
  for (const auto& e : c.entries) {
    if (e.key.starts_with("spark.kubernetes.authenticate.") &&
        (e.key.find("oauthToken") != std::string::npos || e.key.find("clientCertFile") != std::string::npos)) {
      return true;
    }
  }
  return false;
}

std::vector<SparkAccount> spark_accounts(Context& ctx, const std::vector<SparkConf>& confs) {
  std::vector<SparkAccount> out;
  for (const auto& c : confs) {
    if (!c.on_kubernetes() || is_daemon(c.program)) continue;
    std::string mode = c.get("spark.submit.deployMode", c.origin == "spark-application" ? "cluster" : "client");
    bool runs_in_pod = c.pod && !c.pod->embedded && c.pod->spark_role.empty();
    if (mode == "cluster") {
      // spark-submit creates the driver pod with this ServiceAccount.
      SparkAccount a;
      const SparkConfEntry* e = c.find("spark.kubernetes.authenticate.driver.serviceAccountName");
      a.name = e ? e->value : "default";
      a.ns = c.get("spark.kubernetes.namespace", ctx.options().namespace_);
      a.who = "the Spark driver that " + c.ident + " submits";
      a.role = "driver";
      a.needs = driver_needs(c);
      if (e) {
        SparkConfEntry entry = *e;
        a.report = [&ctx, entry](const std::string& msg, const std::string& hint) {
          report_entry(ctx, "security-rbac-spark-driver", entry, msg, hint);
        };
      } else {
        const RenderedObject* owner = c.owner;
        FieldPath where = c.origin == "spark-application"
                              ? (owner->kind == "SparkApplication" ? FieldPath{"spec", "driver"} : FieldPath{"spec", "template", "driver"})
                              : FieldPath{};
        a.report = [&ctx, owner, where](const std::string& msg, const std::string& hint) {
          ctx.report_object("security-rbac-spark-driver", *owner, where, msg, hint);
        };
      }
      out.push_back(std::move(a));
      // The pod that runs spark-submit needs rights of its own.
      if (runs_in_pod && !has_own_credentials(c)) {
        SparkAccount s = pod_account(ctx, c.pod, "spark-submit in " + c.pod->ident);
        s.role = "submitter";
        s.needs = submitter_needs(c);
        out.push_back(std::move(s));
      }
    } else if (runs_in_pod) {
      // Client mode: the process that reads this configuration is the driver, in its own pod.
      if (is_false(c.pod->spec.find("automountServiceAccountToken")) && !has_own_credentials(c)) {
        const Pod* pod = c.pod;
        ctx.report_object("security-rbac-spark-driver", *pod->owner, pod->path_of({"automountServiceAccountToken"}),
                          "the Spark driver in " + pod->ident +
                              " gets no ServiceAccount token (automountServiceAccountToken: false), so it cannot create executors",
                          "set `automountServiceAccountToken: true` on the pod");
        continue;
      }
      SparkAccount a = pod_account(ctx, c.pod, "the Spark driver in " + c.pod->ident);
      a.role = "driver";
      a.needs = driver_needs(c);
      out.push_back(std::move(a));
    }
  }
  return out;
}

void check_driver_rights(Context& ctx, const RbacIndex& idx) {
  std::vector<SparkConf> confs = spark_confs(ctx);
  std::set<std::string> seen;
  for (const auto& a : spark_accounts(ctx, confs)) {
    // A ServiceAccount the cluster provides with its rights (--external) is not ours to check.
    if (ctx.options().external.count("ServiceAccount/" + a.name)) continue;
    // One finding per ServiceAccount and role, where the chart first names it.
    if (!seen.insert(a.ns + "/" + a.name + "|" + a.role).second) continue;
    std::vector<std::string> missing, rules;
    for (const auto& [resource, verbs] : a.needs) {
      std::string list;
      for (const auto& v : verbs) {
        if (!idx.allows(a.ns, a.name, resource, v)) list += (list.empty() ? "" : ", ") + v;
      }
      if (list.empty()) continue;
      missing.push_back(resource + " (" + list + ")");
      rules.push_back("{apiGroups: [\"\"], resources: [" + resource + "], verbs: [" + list + "]}");
    }
    if (missing.empty()) continue;
    std::string what, rule_text;
    for (size_t i = 0; i < missing.size(); ++i) {
      what += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
      rule_text += (i == 0 ? "" : ", ") + rules[i];
    }
    a.report("ServiceAccount " + quoted(a.name) + " of " + a.who + " lacks rights on " + what + " in namespace " +
                 quoted(a.ns) + ": no RoleBinding or ClusterRoleBinding in the chart grants them",
             "bind it with a RoleBinding to a Role with rules [" + rule_text +
                 "], or pass --external ServiceAccount/" + a.name + " if the cluster grants them");
  }
}

}  // namespace

void check_rbac(Context& ctx) {
  RbacIndex idx(ctx);
  for (const auto& o : *ctx.objects()) {
    if (o.kind == "Role" || o.kind == "ClusterRole") check_wildcards(ctx, o);
  }
  for (const RenderedObject* b : idx.bindings()) {
    check_builtin_wildcard(ctx, idx, *b);
    check_cluster_scope(ctx, idx, *b);
  }
  check_driver_rights(ctx, idx);
}

}  // namespace sparkc::validate::detail
