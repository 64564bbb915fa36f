// k8s-duplicate-name and k8s-duplicate-env: names that must be unique within a pod, a
// container or the chart.
#include <map>

#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

const char* kRule = "k8s-duplicate-name";

// Remembers the first place of each name and reports every later one.
class Seen {
 public:
  // True (and nothing recorded) for a name seen before; `first` is then where it was.
  bool repeat(const std::string& name, const std::string& where, std::string* first) {
    auto [it, inserted] = first_.emplace(name, where);
    if (!inserted) *first = it->second;
    return !inserted;
  }

 private:
  std::map<std::string, std::string> first_;
};

void check_pod(Context& ctx, const Pod& pod) {
  const RenderedObject& o = *pod.owner;
  auto containers = pod.containers();
  std::string first;

  // Container names are unique across init, regular and ephemeral containers.
  Seen names;
  for (const auto& [cpath, c] : containers) {
    std::string name = string_at(*c, "name");
    if (!name.empty() && names.repeat(name, format_field_path(cpath), &first)) {
      FieldPath at = cpath;
      at.push_back("name");
      ctx.report_object(kRule, o, pod.path_of(at),
                        "container name \"" + name + "\" is used twice in " + pod.ident + " (first at " + first + ")",
                        "give each container of the pod its own name");
    }
  }

  Seen volumes;
  if (const Value* vs = pod.spec.find("volumes"); vs && vs->is_list()) {
    for (size_t i = 0; i < vs->as_list().size(); ++i) {
      std::string name = string_at(vs->as_list()[i], "name");
      if (!name.empty() && volumes.repeat(name, "volumes[" + std::to_string(i) + "]", &first)) {
        ctx.report_object(kRule, o, pod.path_of({"volumes", std::to_string(i), "name"}),
                          "volume name \"" + name + "\" is used twice in " + pod.ident + " (first at " + first + ")",
                          "rename one of the volumes, or merge them");
      }
    }
  }

  // Ports share the pod's network: a name or a number and protocol exists once per pod.
  Seen port_names, port_numbers;
  for (const auto& [cpath, c] : containers) {
    const Value* ports = c->find("ports");
    if (!ports || !ports->is_list()) continue;
    std::string cname = string_at(*c, "name");
    for (size_t i = 0; i < ports->as_list().size(); ++i) {
      const Value& p = ports->as_list()[i];
      FieldPath at = cpath;
      at.insert(at.end(), {"ports", std::to_string(i)});
      std::string where = "container \"" + cname + "\"";
      std::string name = string_at(p, "name");
      if (!name.empty() && port_names.repeat(name, where, &first)) {
        at.push_back("name");
        ctx.report_object(kRule, o, pod.path_of(at),
                          "port name \"" + name + "\" is declared twice in " + pod.ident + " (first in " + first + ")",
                          "give each port of the pod its own name");
        continue;
      }
      const Value* number = p.find("containerPort");
      auto n = number ? int_of(*number) : std::nullopt;
      if (!n) continue;
      std::string proto = string_at(p, "protocol");
      std::string key = std::to_string(*n) + "/" + (proto.empty() ? "TCP" : proto);
      if (port_numbers.repeat(key, where, &first)) {
        at.push_back("containerPort");
        ctx.report_object(kRule, o, pod.path_of(at),
                          "port " + key + " is declared twice in " + pod.ident + " (first in " + first +
                              "); only one process of the pod can listen on it",
                          "remove the second declaration, or move one process to another port");
      }
    }
  }

  for (const auto& [cpath, c] : containers) {
    std::string cname = string_at(*c, "name");
    Seen paths;
    if (const Value* mounts = c->find("volumeMounts"); mounts && mounts->is_list()) {
      for (size_t i = 0; i < mounts->as_list().size(); ++i) {
        std::string path = string_at(mounts->as_list()[i], "mountPath");
        while (path.size() > 1 && path.ends_with('/')) path.pop_back();
        if (path.empty() || !paths.repeat(path, "volumeMounts[" + std::to_string(i) + "]", &first)) continue;
        FieldPath at = cpath;
        at.insert(at.end(), {"volumeMounts", std::to_string(i), "mountPath"});
        ctx.report_object(kRule, o, pod.path_of(at),
                          "mountPath \"" + path + "\" is mounted twice in container \"" + cname + "\" of " +
                              pod.ident + " (first at " + first + ")",
                          "mount each volume at its own path (use subPath to place single files)");
      }
    }
    Seen env;
    if (const Value* vars = c->find("env"); vars && vars->is_list()) {
      for (size_t i = 0; i < vars->as_list().size(); ++i) {
        std::string name = string_at(vars->as_list()[i], "name");
        if (name.empty() || !env.repeat(name, "env[" + std::to_string(i) + "]", &first)) continue;
        FieldPath at = cpath;
        at.insert(at.end(), {"env", std::to_string(i), "name"});
        ctx.report_object("k8s-duplicate-env", o, pod.path_of(at),
                          "environment variable \"" + name + "\" is set twice in container \"" + cname + "\" of " +
                              pod.ident + " (first at " + first + "); the last one wins",
                          "set it once; when a value comes from values.yaml, drop the fixed entry");
      }
    }
  }
}

// The API group of an apiVersion ("apps/v1" -> "apps", "v1" -> "").
std::string group_of(const std::string& api_version) {
  size_t slash = api_version.find('/');
  return slash == std::string::npos ? "" : api_version.substr(0, slash);
}

}  // namespace

void check_duplicates(Context& ctx) {
  for (const auto& pod : ctx.pods()) check_pod(ctx, pod);
  // Two objects of one group, kind, namespace and name: the second create fails.
  Seen objects;
  std::string first;
  for (const auto& o : *ctx.objects()) {
    if (o.name.empty() || o.kind.empty()) continue;
    std::string key = group_of(o.api_version) + "/" + o.kind + "/" + namespace_of(ctx, o) + "/" + o.name;
    if (!objects.repeat(key, o.rel, &first)) continue;
    ctx.report_object(kRule, o, {"metadata", "name"},
                      o.kind + " \"" + o.name + "\" is rendered twice" +
                          (first == o.rel ? " by " + o.rel : " (also by " + first + ")"),
                      "give the objects distinct names (release-scoped through the fullname helper), or "
                      "render only one of them");
  }
}

}  // namespace sparkc::validate::detail
