// Pod security: the Pod Security Standards "restricted" profile, privileged containers and
// host access, on every pod the chart describes. A pod is seen through a PodView that says
// where each setting may be written: a plain pod spec has one place per setting; a
// SparkApplication role has two (spec.driver.securityContext, then the role's pod template),
// and a Spark pod template without containers gets the container Spark adds at run time.
#include <algorithm>
#include <optional>

#include "validate/security.h"
#include "validate/spark_conf.h"

namespace sparkc::validate::detail {
namespace {

// One place a securityContext (or a pod spec) may be written; the first that sets a field wins.
struct Layer {
  const Value* map = nullptr;
  FieldPath path;
};

// A field found in a stack of layers.
struct Found {
  const Value* value = nullptr;
  FieldPath path;
};

Found lookup(const std::vector<Layer>& layers, const FieldPath& key) {
  for (const auto& l : layers) {
    if (!l.map || !l.map->is_map()) continue;
    const Value* v = value_at(*l.map, key);
    if (v && !v->is_nil()) {
      FieldPath p = l.path;
      p.insert(p.end(), key.begin(), key.end());
      return {v, p};
    }
  }
  return {};
}

FieldPath join(FieldPath base, const FieldPath& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

bool is_true(const Value* v) { return v && v->is_bool() && v->as_bool(); }

// A YAML number: values read as Helm reads them are float64, parsed manifests may hold ints.
std::optional<double> number(const Value* v) {
  if (v && v->is_integer()) return static_cast<double>(v->as_int());
  if (v && v->is_float()) return v->as_float();
  return std::nullopt;
}

bool is_zero(const Value* v) { return number(v) == 0.0; }

// A container as the pod security rules see it.
struct ContainerView {
  std::string label;         // `container "web"`, `Spark's executor container`
  std::vector<Layer> sc;     // its securityContext, by priority
  FieldPath anchor;          // where a missing securityContext field is reported
  std::string where;         // where the hint says to add a field
  bool spark_added = false;  // the container Spark adds to a pod template that has none
  const Value* ports = nullptr;
  FieldPath ports_path;
};

struct PodView {
  const Pod* pod = nullptr;
  std::vector<Layer> pod_sc;  // the pod's securityContext, by priority
  FieldPath pod_sc_anchor;
  std::string pod_where;      // where the hint says to add a pod-level field
  std::vector<Layer> specs;   // maps that hold hostNetwork, hostPID and hostIPC
  std::vector<std::pair<const Value*, FieldPath>> volumes;
  Value annotations;          // pod annotations (AppArmor)
  FieldPath annotations_path;
  std::vector<ContainerView> containers;
  bool windows = false;       // spec.os.name windows: Linux-only controls do not apply
};

void add_volumes(PodView& v, const Value* spec, const FieldPath& spec_path) {
  const Value* vols = spec && spec->is_map() ? spec->find("volumes") : nullptr;
  if (!vols || !vols->is_list()) return;
  for (size_t i = 0; i < vols->as_list().size(); ++i) {
    v.volumes.push_back({&vols->as_list()[i], join(spec_path, {"volumes", std::to_string(i)})});
  }
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// A pod spec written out: a workload template, a bare Pod, a Spark pod template file.
PodView plain_view(const Pod& pod) {
  PodView v;
  v.pod = &pod;
  v.pod_sc = {{pod.spec.find("securityContext"), pod.path_of({"securityContext"})}};
  v.pod_sc_anchor = pod.path_of({"securityContext"});
  v.pod_where = "the pod's securityContext (spec.securityContext)";
  v.specs = {{&pod.spec, pod.spec_path}};
  add_volumes(v, &pod.spec, pod.spec_path);
  v.annotations = pod.annotations;
  v.annotations_path = pod.spec_path;
  v.annotations_path.back() = "metadata";
  v.annotations_path.push_back("annotations");
  v.windows = string_at(pod.spec.find("os") ? *pod.spec.find("os") : Value(), "name") == "windows";
  bool has_main = false;
  for (const auto& [below, c] : pod.containers()) {
    const std::string& key = below[0];
    has_main = has_main || key == "containers";
    std::string kind = key == "initContainers" ? "init container" : key == "ephemeralContainers" ? "ephemeral container" : "container";
    ContainerView cv;
    cv.label = kind + " " + quoted(string_at(*c, "name"));
    cv.sc = {{c->find("securityContext"), pod.path_of(join(below, {"securityContext"}))}};
    cv.anchor = pod.path_of(join(below, {"securityContext"}));
    cv.where = "the " + kind + "'s securityContext";
    cv.ports = c->find("ports");
    cv.ports_path = pod.path_of(join(below, {"ports"}));
    v.containers.push_back(std::move(cv));
  }
  // Spark builds its driver or executor container on the template's first container; with
  // none, the container it adds has no securityContext at all.
  if (pod.embedded && !pod.spark_role.empty() && !has_main) {
    ContainerView cv;
    cv.label = "Spark's " + pod.spark_role + " container";
    cv.anchor = pod.path_of({"containers"});
    cv.spark_added = true;
    cv.where = "a first container of the pod template (Spark merges its own container into it), e.g. "
               "`containers: [{name: spark-kubernetes-" + pod.spark_role + ", securityContext: {...}}]`,";
    v.containers.push_back(std::move(cv));
  }
  return v;
}

// A SparkApplication role (spec.driver or spec.executor): the operator builds the pod from the
// role's fields and its optional pod template; the role's own fields win.
PodView spark_application_view(const Pod& pod) {
  PodView v;
  v.pod = &pod;
  const FieldPath& base = pod.spec_path;  // {"spec", "driver"} or {"spec", "template", "driver"}
  const std::string role = pod.spark_role;
  const Value* r = value_at(pod.owner->doc, base);
  FieldPath tmpl_path = join(base, {"template", "spec"});
  const Value* tmpl = r ? value_at(*r, {"template", "spec"}) : nullptr;
  std::string field = format_field_path(base);
  v.pod_sc = {{r ? r->find("podSecurityContext") : nullptr, join(base, {"podSecurityContext"})},
              {tmpl ? tmpl->find("securityContext") : nullptr, join(tmpl_path, {"securityContext"})}};
  v.pod_sc_anchor = join(base, {"podSecurityContext"});
  v.pod_where = field + ".podSecurityContext";
  v.specs = {{r, base}, {tmpl, tmpl_path}};
  add_volumes(v, tmpl, tmpl_path);
  if (role == "driver") {
    // spec.volumes belong to the application; checked once, with the driver.
    FieldPath app(base.begin(), base.end() - 1);
    add_volumes(v, value_at(pod.owner->doc, app), app);
  }
  v.annotations = pod.annotations;
  v.annotations_path = join(base, {"annotations"});

  ContainerView main;
  main.label = "the " + role + " container";
  main.sc = {{r ? r->find("securityContext") : nullptr, join(base, {"securityContext"})},
             {tmpl ? value_at(*tmpl, {"containers", "0", "securityContext"}) : nullptr,
              join(tmpl_path, {"containers", "0", "securityContext"})}};
  main.anchor = join(base, {"securityContext"});
  main.where = field + ".securityContext";
  v.containers.push_back(std::move(main));
  for (const auto& [key, kind] : {std::pair<const char*, const char*>{"initContainers", "init container"},
                                  {"sidecars", "sidecar"}}) {
    const Value* list = r ? r->find(key) : nullptr;
    if (!list || !list->is_list()) continue;
    for (size_t i = 0; i < list->as_list().size(); ++i) {
      const Value& c = list->as_list()[i];
      if (!c.is_map()) continue;
      FieldPath cp = join(base, {key, std::to_string(i)});
      ContainerView cv;
      cv.label = role + " " + kind + " " + quoted(string_at(c, "name"));
      cv.sc = {{c.find("securityContext"), join(cp, {"securityContext"})}};
      cv.anchor = join(cp, {"securityContext"});
      cv.where = "the " + std::string(kind) + "'s securityContext";
      cv.ports = c.find("ports");
      cv.ports_path = join(cp, {"ports"});
      v.containers.push_back(std::move(cv));
    }
  }
  return v;
}

std::string add_hint(const ContainerView& c, const std::string& yaml) {
  if (c.spark_added) return "add " + c.where + " with `" + yaml + "` in its securityContext";
  return "add `" + yaml + "` to " + c.where;
}

// --- security-host-access ---------------------------------------------------------------

void check_host_access(Context& ctx, const PodView& v) {
  const RenderedObject& o = *v.pod->owner;
  static const std::pair<const char*, const char*> flags[] = {
      {"hostNetwork", "the node's network namespace: it can bind any node port and reach every local service"},
      {"hostPID", "the node's process namespace: it can see and signal every process on the node"},
      {"hostIPC", "the node's IPC namespace: it can read shared memory of other processes"}};
  for (const auto& [flag, what] : flags) {
    for (const auto& layer : v.specs) {
      if (!layer.map || !layer.map->is_map() || !is_true(layer.map->find(flag))) continue;
      ctx.report_object("security-host-access", o, join(layer.path, {flag}),
                        std::string(flag) + ": true gives the pod " + what,
                        "remove `" + std::string(flag) + ": true`" +
                            (std::string(flag) == "hostNetwork" ? "; a Service reaches the pod's container ports without it" : ""));
    }
  }
  for (const auto& [vol, path] : v.volumes) {
    const Value* hp = vol->is_map() ? vol->find("hostPath") : nullptr;
    if (!hp) continue;
    std::string dir = hp->is_map() ? string_at(*hp, "path") : "";
    ctx.report_object("security-host-access", o, join(path, {"hostPath"}),
                      "volume " + quoted(string_at(*vol, "name")) + " mounts the node's directory" +
                          (dir.empty() ? "" : " " + quoted(dir)) + " (hostPath)",
                      "use an emptyDir for scratch space, a PersistentVolumeClaim for data, or a ConfigMap or Secret for files");
  }
  for (const auto& c : v.containers) {
    if (c.ports && c.ports->is_list()) {
      for (size_t i = 0; i < c.ports->as_list().size(); ++i) {
        const Value* hp = c.ports->as_list()[i].is_map() ? c.ports->as_list()[i].find("hostPort") : nullptr;
        if (!number(hp) || is_zero(hp)) continue;
        ctx.report_object("security-host-access", o, join(c.ports_path, {std::to_string(i), "hostPort"}),
                          c.label + " binds port " + std::to_string(static_cast<int64_t>(*number(hp))) + " on the node (hostPort)",
                          "remove `hostPort` and reach the port through a Service");
      }
    }
    Found hp = lookup(c.sc, {"windowsOptions", "hostProcess"});
    if (is_true(hp.value)) {
      ctx.report_object("security-host-access", o, hp.path, c.label + " runs as a Windows HostProcess container with the node's privileges",
                        "remove `windowsOptions.hostProcess: true`");
    }
  }
  Found hp = lookup(v.pod_sc, {"windowsOptions", "hostProcess"});
  if (is_true(hp.value)) {
    ctx.report_object("security-host-access", o, hp.path, "the pod runs as a Windows HostProcess pod with the node's privileges",
                      "remove `windowsOptions.hostProcess: true`");
  }
}

// --- security-privileged -----------------------------------------------------------------

void check_privileged(Context& ctx, const PodView& v) {
  for (const auto& c : v.containers) {
    Found p = lookup(c.sc, {"privileged"});
    if (!is_true(p.value)) continue;
    ctx.report_object("security-privileged", *v.pod->owner, p.path,
                      c.label + " is privileged: it has every capability and the node's devices",
                      "remove `privileged: true`; if the process needs one capability, add only that one");
  }
}

// --- security-pss-restricted ---------------------------------------------------------------

const std::set<std::string>& allowed_volume_types() {
  static const std::set<std::string> s = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
                                          "persistentVolumeClaim", "projected", "secret"};
  return s;
}

// Sysctls the kubelet treats as safe (namespaced and isolated per pod).
const std::set<std::string>& safe_sysctls() {
  static const std::set<std::string> s = {
      "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"};
  return s;
}

bool seccomp_ok(const Value* type) {
  return type && type->is_string() && (type->as_string() == "RuntimeDefault" || type->as_string() == "Localhost");
}

bool apparmor_ok(const Value* type) {
  return type && type->is_string() && (type->as_string() == "RuntimeDefault" || type->as_string() == "Localhost");
}

// SELinux: only the container types the runtimes ship, and no user or role.
void check_selinux(Context& ctx, const RenderedObject& o, const std::vector<Layer>& layers, const std::string& who) {
  static const std::set<std::string> types = {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"};
  Found t = lookup(layers, {"seLinuxOptions", "type"});
  if (t.value && t.value->is_string() && !types.count(t.value->as_string())) {
    ctx.report_object("security-pss-restricted", o, t.path,
                      who + " sets SELinux type " + quoted(t.value->as_string()) + ", which the restricted profile does not allow",
                      "remove seLinuxOptions.type or use container_t");
  }
  for (const char* f : {"user", "role"}) {
    Found u = lookup(layers, {"seLinuxOptions", f});
    if (u.value && u.value->is_string() && !u.value->as_string().empty()) {
      ctx.report_object("security-pss-restricted", o, u.path,
                        who + " sets SELinux " + f + " " + quoted(u.value->as_string()) + ", which the restricted profile does not allow",
                        std::string("remove seLinuxOptions.") + f);
    }
  }
}

void check_pod_level(Context& ctx, const PodView& v) {
  const RenderedObject& o = *v.pod->owner;
  const char* rule = "security-pss-restricted";
  Found non_root = lookup(v.pod_sc, {"runAsNonRoot"});
  if (non_root.value && non_root.value->is_bool() && !non_root.value->as_bool()) {
    ctx.report_object(rule, o, non_root.path, "the pod sets runAsNonRoot: false", "set `runAsNonRoot: true` in " + v.pod_where);
  }
  Found uid = lookup(v.pod_sc, {"runAsUser"});
  if (is_zero(uid.value)) {
    ctx.report_object(rule, o, uid.path, "the pod runs as root (runAsUser: 0)",
                      "set `runAsUser` to the image's non-root UID in " + v.pod_where);
  }
  Found seccomp = lookup(v.pod_sc, {"seccompProfile", "type"});
  if (!v.windows && seccomp.value && !seccomp_ok(seccomp.value)) {
    ctx.report_object(rule, o, seccomp.path,
                      "the pod's seccomp profile is " + quoted(seccomp.value->is_string() ? seccomp.value->as_string() : "?") +
                          ", not RuntimeDefault or Localhost",
                      "set `seccompProfile: {type: RuntimeDefault}` in " + v.pod_where);
  }
  Found apparmor = lookup(v.pod_sc, {"appArmorProfile", "type"});
  if (apparmor.value && !apparmor_ok(apparmor.value)) {
    ctx.report_object(rule, o, apparmor.path, "the pod's AppArmor profile is unconfined",
                      "remove appArmorProfile or set `appArmorProfile: {type: RuntimeDefault}`");
  }
  check_selinux(ctx, o, v.pod_sc, "the pod");
  Found sysctls = lookup(v.pod_sc, {"sysctls"});
  if (sysctls.value && sysctls.value->is_list()) {
    for (size_t i = 0; i < sysctls.value->as_list().size(); ++i) {
      std::string name = string_at(sysctls.value->as_list()[i], "name");
      if (name.empty() || safe_sysctls().count(name)) continue;
      ctx.report_object(rule, o, join(sysctls.path, {std::to_string(i), "name"}),
                        "sysctl " + quoted(name) + " is not one of the safe sysctls the restricted profile allows",
                        "remove it; a node-level setting belongs to the node's configuration");
    }
  }
  for (const auto& [vol, path] : v.volumes) {
    if (!vol->is_map()) continue;
    for (const auto& [key, _] : vol->as_map()) {
      // hostPath has its own rule, security-host-access.
      if (key == "name" || key == "hostPath" || allowed_volume_types().count(key)) continue;
      ctx.report_object(rule, o, join(path, {key}),
                        "volume " + quoted(string_at(*vol, "name")) + " is of type " + quoted(key) +
                            ", which the restricted profile does not allow",
                        "mount it through a PersistentVolumeClaim bound to a PersistentVolume of that type, or use csi");
    }
  }
  static const std::string prefix = "container.apparmor.security.beta.kubernetes.io/";
  if (v.annotations.is_map()) {
    for (const auto& [key, val] : v.annotations.as_map()) {
      if (!key.starts_with(prefix) || !val.is_string()) continue;
      const std::string& p = val.as_string();
      if (p == "runtime/default" || p.starts_with("localhost/")) continue;
      ctx.report_object(rule, o, join(v.annotations_path, {key}),
                        "container " + quoted(key.substr(prefix.size())) + " has AppArmor profile " + quoted(p) +
                            ", not runtime/default or localhost/*",
                        "remove the annotation or set it to runtime/default");
    }
  }
}

void check_container(Context& ctx, const PodView& v, const ContainerView& c) {
  const RenderedObject& o = *v.pod->owner;
  const char* rule = "security-pss-restricted";
  auto at = [&](const Found& f, const FieldPath& key) { return f.value ? f.path : join(c.anchor, key); };
  if (!v.windows) {
    Found ape = lookup(c.sc, {"allowPrivilegeEscalation"});
    if (!(ape.value && ape.value->is_bool() && !ape.value->as_bool())) {
      ctx.report_object(rule, o, at(ape, {"allowPrivilegeEscalation"}),
                        c.label + " does not set securityContext.allowPrivilegeEscalation to false",
                        add_hint(c, "allowPrivilegeEscalation: false"));
    }
    Found drop = lookup(c.sc, {"capabilities", "drop"});
    bool drops_all = drop.value && drop.value->is_list() &&
                     std::any_of(drop.value->as_list().begin(), drop.value->as_list().end(),
                                 [](const Value& x) { return x.is_string() && x.as_string() == "ALL"; });
    if (!drops_all) {
      ctx.report_object(rule, o, at(drop, {"capabilities", "drop"}),
                        c.label + " does not drop all capabilities (securityContext.capabilities.drop: [ALL])",
                        add_hint(c, "capabilities: {drop: [ALL]}"));
    }
    Found add = lookup(c.sc, {"capabilities", "add"});
    if (add.value && add.value->is_list()) {
      for (size_t i = 0; i < add.value->as_list().size(); ++i) {
        const Value& cap = add.value->as_list()[i];
        if (!cap.is_string() || cap.as_string() == "NET_BIND_SERVICE") continue;
        ctx.report_object(rule, o, join(add.path, {std::to_string(i)}),
                          c.label + " adds capability " + quoted(cap.as_string()) + "; only NET_BIND_SERVICE may be added",
                          "remove it from securityContext.capabilities.add");
      }
    }
    Found seccomp = lookup(c.sc, {"seccompProfile", "type"});
    if (seccomp.value && !seccomp_ok(seccomp.value)) {
      ctx.report_object(rule, o, seccomp.path,
                        c.label + " has seccomp profile " +
                            quoted(seccomp.value->is_string() ? seccomp.value->as_string() : "?") + ", not RuntimeDefault or Localhost",
                        "set `seccompProfile: {type: RuntimeDefault}` in " + c.where);
    } else if (!seccomp.value && !lookup(v.pod_sc, {"seccompProfile", "type"}).value) {
      ctx.report_object(rule, o, join(c.anchor, {"seccompProfile"}),
                        c.label + " has no seccomp profile: securityContext.seccompProfile is set neither on it nor on the pod",
                        "add `seccompProfile: {type: RuntimeDefault}` to " + v.pod_where);
    }
  }
  Found non_root = lookup(c.sc, {"runAsNonRoot"});
  if (non_root.value && non_root.value->is_bool() && !non_root.value->as_bool()) {
    ctx.report_object(rule, o, non_root.path, c.label + " sets runAsNonRoot: false", "set `runAsNonRoot: true` in " + c.where);
  } else if (!non_root.value && !is_true(lookup(v.pod_sc, {"runAsNonRoot"}).value)) {
    ctx.report_object(rule, o, join(c.anchor, {"runAsNonRoot"}),
                      c.label + " may run as root: securityContext.runAsNonRoot is true neither on it nor on the pod",
                      "add `runAsNonRoot: true` to " + v.pod_where);
  }
  Found uid = lookup(c.sc, {"runAsUser"});
  if (is_zero(uid.value)) {
    ctx.report_object(rule, o, uid.path, c.label + " runs as root (securityContext.runAsUser: 0)",
                      "set `runAsUser` to the image's non-root UID, or remove it to use the pod's");
  }
  Found proc = lookup(c.sc, {"procMount"});
  if (proc.value && proc.value->is_string() && proc.value->as_string() != "Default") {
    ctx.report_object(rule, o, proc.path, c.label + " sets procMount " + quoted(proc.value->as_string()) + ", which unmasks /proc",
                      "remove procMount (Default masks the sensitive /proc paths)");
  }
  Found apparmor = lookup(c.sc, {"appArmorProfile", "type"});
  if (apparmor.value && !apparmor_ok(apparmor.value)) {
    ctx.report_object(rule, o, apparmor.path, c.label + " runs without AppArmor confinement",
                      "remove appArmorProfile or set `appArmorProfile: {type: RuntimeDefault}`");
  }
  check_selinux(ctx, o, c.sc, c.label);
}

// Pods Spark creates without a pod template get no securityContext at all: Spark sets none, so
// a restricted namespace rejects them. Client-mode drivers create executors; cluster-mode
// submissions create the driver too. SparkApplications are checked through their roles.
void check_spark_pods_without_template(Context& ctx) {
  std::set<std::string> seen;
  for (const auto& c : spark_confs(ctx)) {
    if (!c.on_kubernetes() || c.origin == "spark-application") continue;
    if (c.program == "start-history-server.sh" || c.program == "start-master.sh" || c.program == "start-worker.sh") continue;
    const SparkConfEntry* master = c.find("spark.master");
    if (!master || !master->owner) continue;
    std::vector<std::string> roles = {"executor"};
    if (c.get("spark.submit.deployMode", "client") == "cluster") roles.insert(roles.begin(), "driver");
    for (const auto& role : roles) {
      std::string key = "spark.kubernetes." + role + ".podTemplateFile";
      if (!c.get(key).empty()) continue;
      if (!seen.insert(master->owner->ident() + ":" + format_field_path(master->path) + ":" + role).second) continue;
      report_entry(ctx, "security-pss-restricted", *master,
                   "the " + role + " pods of " + c.ident + " get no securityContext: " + key +
                       " is not set and Spark adds none to the pods it creates",
                   "set " + key + " to a pod template with runAsNonRoot: true and seccompProfile: {type: RuntimeDefault} "
                   "in its securityContext and a first container with allowPrivilegeEscalation: false and "
                   "capabilities: {drop: [ALL]}");
    }
  }
}

}  // namespace

void check_pod_security(Context& ctx) {
  check_spark_pods_without_template(ctx);
  for (const auto& pod : ctx.pods()) {
    bool app = pod.owner->kind == "SparkApplication" || pod.owner->kind == "ScheduledSparkApplication";
    PodView v = app ? spark_application_view(pod) : plain_view(pod);
    check_host_access(ctx, v);
    check_privileged(ctx, v);
    check_pod_level(ctx, v);
    for (const auto& c : v.containers) check_container(ctx, v, c);
  }
}

}  // namespace sparkc::validate::detail
