// k8s-service-no-pods, k8s-service-target-port, k8s-monitor-port, k8s-probe-port and
// k8s-port-undeclared: Services that reach pods on ports the pods serve, Ingress backends and
// monitors that name a port their targets have, and probes that knock on a port the
// container has.
//
// A named port is resolved against the declared ports and fails when it is missing: the
// endpoints controller leaves the pod out of the Service and the kubelet fails the probe. A
// number reaches the pod whether or not it is declared (containerPort is informational), so
// an undeclared number is only suspicious when the container declares other ports: then it
// is most likely a typo or a port that changed on one side only.
#include <algorithm>

#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

const char* kNoPods = "k8s-service-no-pods";
const char* kTargetPort = "k8s-service-target-port";
const char* kProbePort = "k8s-probe-port";
const char* kUndeclared = "k8s-port-undeclared";

std::string port_text(const Value& v) { return v.is_string() ? "\"" + v.as_string() + "\"" : scalar_text(v); }

// How many entries of a plain map selector `labels` misses, to name the closest pod.
size_t missed(const Value& selector, const Value& labels) {
  size_t n = 0;
  for (const auto& [k, v] : selector.as_map()) {
    const Value* have = labels.find(k);
    if (!have || scalar_text(*have) != scalar_text(v)) ++n;
  }
  return n;
}

// A selector-less Service needs Endpoints of its name or EndpointSlices labelled with it;
// their ports pair with the Service's by name.
void check_manual_endpoints(Context& ctx, const RenderedObject& svc, const Value& spec) {
  std::string ns = namespace_of(ctx, svc);
  bool found = false;
  std::set<std::string> names;
  auto add_ports = [&](const Value* ports) {
    if (!ports || !ports->is_list()) return;
    for (const auto& p : ports->as_list()) names.insert(string_at(p, "name"));
  };
  for (const auto& o : *ctx.objects()) {
    if (namespace_of(ctx, o) != ns) continue;
    if (o.kind == "Endpoints" && o.name == svc.name) {
      found = true;
      if (const Value* subsets = o.doc.find("subsets"); subsets && subsets->is_list()) {
        for (const auto& s : subsets->as_list()) add_ports(s.is_map() ? s.find("ports") : nullptr);
      }
    } else if (o.kind == "EndpointSlice") {
      const Value* owner = value_at(o.doc, {"metadata", "labels", "kubernetes.io/service-name"});
      if (owner && scalar_text(*owner) == svc.name) {
        found = true;
        add_ports(o.doc.find("ports"));
      }
    }
  }
  // Endpoints managed outside the chart are declared with --external Endpoints/NAME.
  if (!found && (is_external(ctx, "Endpoints", svc.name) || is_external(ctx, "EndpointSlice", svc.name))) return;
  if (!found) {
    ctx.report_object(kNoPods, svc, {"spec"},
                      "Service \"" + svc.name + "\" has no selector and no Endpoints or EndpointSlice of its own",
                      "add spec.selector with the labels of the pods it serves, an EndpointSlice "
                      "labelled kubernetes.io/service-name: " + svc.name + ", or pass --external Endpoints/" +
                          svc.name + " when they are managed elsewhere");
    return;
  }
  const Value* ports = spec.find("ports");
  if (!ports || !ports->is_list()) return;
  for (size_t i = 0; i < ports->as_list().size(); ++i) {
    std::string name = string_at(ports->as_list()[i], "name");
    if (names.count(name)) continue;
    ctx.report_object(kTargetPort, svc, {"spec", "ports", std::to_string(i), name.empty() ? "port" : "name"},
                      "port \"" + name + "\" of Service \"" + svc.name + "\" has no endpoint port of that name",
                      "name the endpoint ports exactly as the Service ports");
  }
}

void check_service(Context& ctx, const RenderedObject& svc) {
  const Value* spec = svc.doc.find("spec");
  if (!spec || !spec->is_map() || string_at(*spec, "type") == "ExternalName") return;
  const Value* sel = spec->find("selector");
  if (!sel || !sel->is_map() || sel->as_map().empty()) {
    check_manual_endpoints(ctx, svc, *spec);
    return;
  }
  std::string ns = namespace_of(ctx, svc);
  std::vector<const Pod*> matched;
  const Pod* closest = nullptr;
  size_t closest_missed = 0;
  for (const auto& pod : ctx.pods()) {
    if (!can_be_selected(pod) || namespace_of(ctx, *pod.owner) != ns) continue;
    size_t m = missed(*sel, selectable_labels(pod));
    if (m == 0) {
      matched.push_back(&pod);
    } else if (!closest || m < closest_missed) {
      closest = &pod;
      closest_missed = m;
    }
  }
  if (matched.empty()) {
    std::string msg = "Service \"" + svc.name + "\" selects no pod of the chart (" + format_labels(*sel) + ")";
    if (closest && closest_missed < sel->as_map().size()) {
      msg += ": the closest, " + closest->ident + ", " + map_selector_mismatch(*sel, selectable_labels(*closest));
    }
    ctx.report_object(kNoPods, svc, {"spec", "selector"}, msg,
                      "select the labels of the pod template the Service is for (one helper for both); "
                      "Spark pods carry spark-role: driver or executor");
    return;
  }
  const Value* ports = spec->find("ports");
  if (!ports || !ports->is_list()) return;
  for (size_t i = 0; i < ports->as_list().size(); ++i) {
    const Value& port = ports->as_list()[i];
    if (!port.is_map()) continue;
    const Value* target = port.find("targetPort");
    FieldPath at = {"spec", "ports", std::to_string(i), target ? "targetPort" : "port"};
    if (!target) target = port.find("port");
    if (!target) continue;
    std::string protocol = string_at(port, "protocol");
    if (protocol.empty()) protocol = "TCP";
    bool named = target->is_string();
    auto number = int_of(*target);
    if (!named && !number) continue;
    for (const Pod* pod : matched) {
      auto declared = pod_ports(*pod);
      auto same = [&](const PortDecl& d) {
        return (named ? d.name == target->as_string() : d.number == *number) && d.protocol == protocol;
      };
      if (std::any_of(declared.begin(), declared.end(), same)) continue;
      std::string what = "targetPort " + port_text(*target) + " of Service \"" + svc.name + "\"";
      if (named) {
        ctx.report_object(kTargetPort, svc, at,
                          what + " is not a " + protocol + " port name of " + pod->ident,
                          "name a port the pod's containers declare, or declare `- name: " +
                              target->as_string() + "` under the container's ports");
      } else if (!declared.empty() && pod->spark_role.empty()) {
        // Spark pods listen on the numbers their configuration sets (spark.ui.port, ...),
        // which the ports it declares by name do not show.
        ctx.report_object(kUndeclared, svc, at,
                          what + " is not among the declared " + protocol + " ports of " + pod->ident,
                          "declare the port on the container (and target it by name), or fix the number");
      }
    }
  }
}

// Ingress backends name a port of their Service by number or by name.
void check_ingress(Context& ctx, const RenderedObject& ing) {
  std::string ns = namespace_of(ctx, ing);
  for (FieldPath at : ingress_backends(ing.doc)) {
    at.push_back("service");
    const Value* backend = value_at(ing.doc, at);
    if (!backend || !backend->is_map()) continue;
    std::string name = string_at(*backend, "name");
    const RenderedObject* svc = nullptr;
    for (const auto& o : *ctx.objects()) {
      if (o.kind == "Service" && o.name == name && namespace_of(ctx, o) == ns) svc = &o;
    }
    const Value* port = backend->find("port");
    if (!svc || !port || !port->is_map()) continue;  // a missing Service is k8s-reference-missing
    const Value* ports = value_at(svc->doc, {"spec", "ports"});
    auto has = [&](const char* key, const Value& want) {
      if (!ports || !ports->is_list()) return false;
      return std::any_of(ports->as_list().begin(), ports->as_list().end(), [&](const Value& p) {
        const Value* v = p.is_map() ? p.find(key) : nullptr;
        return v && scalar_text(*v) == scalar_text(want);
      });
    };
    for (const char* key : {"number", "name"}) {
      const Value* want = port->find(key);
      if (!want || has(key == std::string("number") ? "port" : "name", *want)) continue;
      FieldPath p = at;
      p.insert(p.end(), {"port", key});
      ctx.report_object(kTargetPort, ing, p,
                        "Service \"" + name + "\" has no port " + (key == std::string("name") ? "named " : "") +
                            port_text(*want),
                        "use a port of spec.ports of Service \"" + name + "\"");
    }
  }
}

// k8s-monitor-port: ServiceMonitor endpoints name a port of the Services they select,
// PodMonitor endpoints a container port of the pods they select. Prometheus resolves the
// name on each target and scrapes nothing where it is missing. A monitor that selects
// nothing is k8s-selector-no-pods.
void check_monitor(Context& ctx, const RenderedObject& mon) {
  bool pods = mon.kind == "PodMonitor";
  const Value* sel = value_at(mon.doc, {"spec", "selector"});
  const char* list_field = pods ? "podMetricsEndpoints" : "endpoints";
  const Value* endpoints = value_at(mon.doc, {"spec", list_field});
  if (!sel || !selector_has_requirements(*sel) || !endpoints || !endpoints->is_list()) return;
  std::string ns = namespace_of(ctx, mon);
  // Port names of each selected target: (target, names).
  std::vector<std::pair<std::string, std::set<std::string>>> targets;
  if (pods) {
    for (const auto& pod : ctx.pods()) {
      if (!can_be_selected(pod) || namespace_of(ctx, *pod.owner) != ns) continue;
      if (!selector_mismatch(*sel, selectable_labels(pod)).empty()) continue;
      std::set<std::string> names;
      for (const auto& d : pod_ports(pod)) names.insert(d.name);
      targets.push_back({pod.ident, names});
    }
  } else {
    for (const auto& s : *ctx.objects()) {
      if (s.kind != "Service" || namespace_of(ctx, s) != ns) continue;
      const Value* labels = value_at(s.doc, {"metadata", "labels"});
      if (!selector_mismatch(*sel, labels ? *labels : Value::map()).empty()) continue;
      std::set<std::string> names;
      if (const Value* ports = value_at(s.doc, {"spec", "ports"}); ports && ports->is_list()) {
        for (const auto& p : ports->as_list()) names.insert(string_at(p, "name"));
      }
      targets.push_back({s.ident(), names});
    }
  }
  for (size_t i = 0; i < endpoints->as_list().size(); ++i) {
    std::string port = string_at(endpoints->as_list()[i], "port");
    if (port.empty()) continue;
    for (const auto& [target, names] : targets) {
      if (names.count(port)) continue;
      ctx.report_object("k8s-monitor-port", mon, {"spec", list_field, std::to_string(i), "port"},
                        mon.kind + " \"" + mon.name + "\" scrapes port \"" + port + "\", which " + target +
                            (pods ? " does not declare" : " does not serve"),
                        pods ? "name a container port of the selected pods (Spark drivers serve spark-ui)"
                             : "name a port of the selected Services' spec.ports");
    }
  }
}

// The probe and lifecycle handlers of a container that name a port: (field path, port).
std::vector<std::pair<FieldPath, const Value*>> handler_ports(const Value& c) {
  std::vector<std::pair<FieldPath, const Value*>> out;
  auto add = [&](const FieldPath& base, const Value* handler_owner) {
    if (!handler_owner || !handler_owner->is_map()) return;
    for (const char* h : {"httpGet", "tcpSocket", "grpc"}) {
      const Value* port = value_at(*handler_owner, {h, "port"});
      if (port) {
        FieldPath p = base;
        p.insert(p.end(), {h, "port"});
        out.push_back({p, port});
      }
    }
  };
  for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"}) add({probe}, c.find(probe));
  for (const char* hook : {"postStart", "preStop"}) add({"lifecycle", hook}, value_at(c, {"lifecycle", hook}));
  return out;
}

void check_pod_probes(Context& ctx, const Pod& pod) {
  auto containers = pod.containers();
  for (const auto& [cpath, c] : containers) {
    auto declared = container_ports(pod, cpath, *c);
    std::string cname = string_at(*c, "name");
    // Spark's container listens on the numbers its configuration sets (spark.ui.port, ...).
    bool spark_container = !pod.spark_role.empty() && cpath == FieldPath{"containers", "0"};
    for (const auto& [below, port] : handler_ports(*c)) {
      FieldPath field = cpath;
      field.insert(field.end(), below.begin(), below.end());
      std::string what = format_field_path(FieldPath(below.begin(), below.end() - 2)) + " of container \"" + cname + "\" in " + pod.ident;
      if (port->is_string()) {
        const std::string& name = port->as_string();
        if (std::any_of(declared.begin(), declared.end(), [&](const PortDecl& d) { return d.name == name; })) continue;
        std::string other;
        for (const auto& [opath, oc] : containers) {
          if (opath == cpath) continue;
          for (const auto& d : container_ports(pod, opath, *oc)) {
            if (d.name == name) other = string_at(*oc, "name");
          }
        }
        ctx.report_object(kProbePort, *pod.owner, pod.path_of(field),
                          what + " targets port \"" + name + "\", which the container does not declare" +
                              (other.empty() ? "" : " (container \"" + other + "\" does)"),
                          "declare `- name: " + name + "` under the container's ports, or use the port number");
      } else if (auto number = int_of(*port); number && !declared.empty() && !spark_container) {
        int64_t n = *number;
        if (std::any_of(declared.begin(), declared.end(), [&](const PortDecl& d) { return d.number == n; })) continue;
        ctx.report_object(kUndeclared, *pod.owner, pod.path_of(field),
                          what + " targets port " + std::to_string(n) +
                              ", which is not among the ports the container declares",
                          "probe a declared port (by name), or declare this one");
      }
    }
  }
}

}  // namespace

void check_services(Context& ctx) {
  for (const auto& o : *ctx.objects()) {
    if (o.kind == "Service") check_service(ctx, o);
    if (o.kind == "Ingress") check_ingress(ctx, o);
    if (o.kind == "ServiceMonitor" || o.kind == "PodMonitor") check_monitor(ctx, o);
  }
}

void check_probes(Context& ctx) {
  for (const auto& pod : ctx.pods()) check_pod_probes(ctx, pod);
}

}  // namespace sparkc::validate::detail
