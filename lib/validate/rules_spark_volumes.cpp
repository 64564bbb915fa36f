// The spark group, volumes Spark adds to its pods: types Spark on Kubernetes cannot mount, and
// volumes that clash with the pod template or with each other.
#include <map>
#include <set>

#include "validate/rules_spark_detail.h"

namespace sparkc::validate::detail {

// --- spark-configmap-volume ------------------------------------------------------------------

void check_volume_types(Reporter& r, const std::vector<SparkConf>& confs) {
  for (const auto& c : confs) {
    std::set<std::string> seen;  // one finding per volume
    for (const auto& e : c.entries) {
      auto v = parse_volume_key(e.key);
      if (!v || is_supported_volume_type(v->type) || !seen.insert(v->role + "." + v->type + "." + v->name).second) {
        continue;
      }
      bool secret = v->type == "secret";
      r.entry("spark-configmap-volume", e,
              "Spark cannot mount " + v->role + " volume " + quoted(v->name) + " of type " + quoted(v->type) +
                  ": only hostPath, emptyDir, nfs and persistentVolumeClaim are supported there",
              secret ? "mount the secret with spark.kubernetes." + v->role + ".secrets.SECRET_NAME=/mount/path"
                     : "declare the volume and its mount in the " + v->role +
                           " pod template (spark.kubernetes." + v->role + ".podTemplateFile)");
    }
  }
}

// --- k8s-spark-volume-conflict ---------------------------------------------------------------

// The volumes a Spark process adds to its driver or executor pods, one per type and name, with
// the entry that sets the mount path (else the first entry of the volume).
namespace {

struct SparkVolume {
  std::string name, mount_path;
  const SparkConfEntry* at = nullptr;
};

std::vector<SparkVolume> spark_volumes(const SparkConf& c, const std::string& role) {
  std::map<std::string, SparkVolume> by_volume;  // "TYPE.NAME"
  std::vector<std::string> order;
  for (const auto& e : c.entries) {
    auto v = parse_volume_key(e.key);
    if (!v || v->role != role) continue;
    std::string id = v->type + "." + v->name;
    if (!by_volume.count(id)) order.push_back(id);
    SparkVolume& sv = by_volume[id];
    sv.name = v->name;
    if (!sv.at) sv.at = &e;
    if (v->rest == "mount.path") {
      sv.mount_path = without_trailing_slash(e.value);
      sv.at = &e;
    }
  }
  std::vector<SparkVolume> out;
  for (const auto& id : order) out.push_back(by_volume[id]);
  return out;
}

// The pod template file of `role` the configuration names, found among the chart's embedded
// pod templates by file name.
const Pod* pod_template(Context& ctx, const SparkConf& c, const std::string& role) {
  std::string file = c.get("spark.kubernetes." + role + ".podTemplateFile");
  if (file.empty()) return nullptr;
  std::string base = file.substr(file.rfind('/') + 1);
  for (const auto& p : ctx.pods()) {
    if (p.embedded && p.spark_role == role && p.ident.ends_with("[" + base + "]")) return &p;
  }
  return nullptr;
}

}  // namespace

void check_volume_conflicts(Reporter& r, const std::vector<SparkConf>& confs) {
  for (const auto& c : confs) {
    for (const std::string role : {"driver", "executor"}) {
      auto vols = spark_volumes(c, role);
      if (vols.empty()) continue;
      std::map<std::string, std::string> names, paths;  // -> what declares them
      // Spark mounts its own configuration volume at /opt/spark/conf.
      std::string conf_volume = role == "driver" ? "spark-conf-volume-driver" : "spark-conf-volume-exec";
      names[conf_volume] = "Spark's own configuration volume";
      paths["/opt/spark/conf"] = "Spark's own configuration volume";
      if (const Pod* t = pod_template(r.ctx(), c, role)) {
        const Value* tv = t->spec.find("volumes");
        if (tv && tv->is_list()) {
          for (const auto& v : tv->as_list()) names[string_at(v, "name")] = "the " + role + " pod template " + quoted(t->ident);
        }
        std::string wanted = c.get("spark.kubernetes." + role + ".podTemplateContainerName");
        auto containers = t->containers();
        for (const auto& [cpath, ct] : containers) {
          if (cpath[0] != "containers") continue;
          if (!wanted.empty() && string_at(*ct, "name") != wanted) continue;
          const Value* mounts = ct->find("volumeMounts");
          if (mounts && mounts->is_list()) {
            for (const auto& m : mounts->as_list()) {
              paths[without_trailing_slash(string_at(m, "mountPath"))] = "the " + role + " pod template " + quoted(t->ident);
            }
          }
          break;  // Spark runs in the named container, else the first one
        }
      }
      for (const auto& v : vols) {
        if (auto it = names.find(v.name); it != names.end()) {
          r.entry("k8s-spark-volume-conflict", *v.at,
                  role + " volume " + quoted(v.name) + " from Spark's settings has the same name as a volume of " +
                      it->second,
                  "rename one of them; Spark adds its volume to the pod built from the template");
        } else if (!v.mount_path.empty()) {
          if (auto p = paths.find(v.mount_path); p != paths.end()) {
            r.entry("k8s-spark-volume-conflict", *v.at,
                    role + " volume " + quoted(v.name) + " mounts " + quoted(v.mount_path) + ", which " + p->second +
                        " already mounts",
                    "use another mount.path, or mount the volume in the pod template only");
          }
        }
        names[v.name] = "another spark.kubernetes." + role + ".volumes.* setting";
        if (!v.mount_path.empty()) paths.emplace(v.mount_path, "the Spark setting of volume " + quoted(v.name));
      }
    }
  }
}

}  // namespace sparkc::validate::detail
