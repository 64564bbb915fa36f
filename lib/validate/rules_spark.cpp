// The spark group: the Spark-on-Kubernetes failures that only show up at run time, found in
// the Spark configuration each process of the chart gets (validate/spark_conf.h).
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>

#include "validate/rules.h"
#include "validate/spark_conf.h"

namespace sparkc::validate::detail {

using diag::Severity;

std::vector<RuleInfo> spark_rule_infos() {
  return {
      {"k8s-spark-volume-conflict", "k8s",
       "a volume from spark.kubernetes.*.volumes.* clashes with the Spark pod template or another "
       "volume setting (same volume name or mountPath)",
       "Spark adds these volumes to the pods it builds from the template; duplicate volume names or "
       "mountPaths make the API server reject the driver or executor pod, so the application never starts",
       "rename the volume or move its mount.path, or declare the volume in the pod template only",
       Severity::Error,
       "spark.kubernetes.executor.podTemplateFile: /opt/spark/conf/executor.yaml\n"
       "spark.kubernetes.executor.volumes.emptyDir.tmp.mount.path: /tmp   # the template mounts /tmp too\n"},
      {"spark-unknown-key", "spark",
       "a spark.* configuration key that Spark 3.5 and 4.x do not know",
       "Spark silently ignores keys it does not know: a misspelt setting never takes effect",
       "use the key of Spark's configuration documentation (see the did-you-mean hint)", Severity::Warning,
       "spark.executor.memroy 4g\n"},
      {"spark-invalid-value", "spark",
       "a known Spark configuration key has a value of the wrong type or outside its choices",
       "Spark fails at start-up (NumberFormatException, \"Invalid ... value\") or when the setting is "
       "first read",
       "write the value in the form the key takes: true/false, a whole number, a JVM size like 4g, a "
       "duration like 60s, or one of the listed choices",
       Severity::Error, "spark.executor.memory 4Gi\nspark.submit.deployMode server\n"},
      {"spark-event-log-dir", "spark",
       "event logging is on but spark.eventLog.dir is unset or differs from the History Server's "
       "spark.history.fs.logDirectory",
       "without a directory Spark writes to file:/tmp/spark-events and fails when it does not exist; "
       "with another directory the History Server never shows the application",
       "set spark.eventLog.dir to the History Server's spark.history.fs.logDirectory", Severity::Error,
       "spark.eventLog.enabled true\nspark.eventLog.dir s3a://logs/events   # history: s3a://logs/history\n"},
      {"spark-dynamic-allocation", "spark",
       "dynamic allocation on Kubernetes with shuffle tracking off and no shuffle block migration",
       "there is no external shuffle service on Kubernetes, so SparkContext refuses to start (\"Dynamic "
       "allocation of executors requires one of the following conditions\")",
       "set spark.dynamicAllocation.shuffleTracking.enabled=true (and a shuffleTracking.timeout so idle "
       "executors can go), or turn on decommissioning with spark.storage.decommission.shuffleBlocks.enabled",
       Severity::Error,
       "spark.master k8s://https://kubernetes.default.svc\nspark.dynamicAllocation.enabled true\n"
       "spark.dynamicAllocation.shuffleTracking.enabled false\n"},
      {"spark-external-shuffle-service", "spark",
       "spark.shuffle.service.enabled=true for a Spark process on Kubernetes",
       "Kubernetes has no external shuffle service: executors fail to register with it on port 7337 "
       "and the job fails",
       "remove spark.shuffle.service.enabled and use spark.dynamicAllocation.shuffleTracking.enabled",
       Severity::Error, "spark.master k8s://https://kubernetes.default.svc\nspark.shuffle.service.enabled true\n"},
      {"spark-configmap-volume", "spark",
       "a spark.kubernetes.{driver,executor}.volumes.* setting of a type Spark cannot mount",
       "Spark mounts only hostPath, emptyDir, nfs and persistentVolumeClaim volumes from its settings "
       "and fails the submission for any other type (\"Kubernetes Volume type ... is not supported\")",
       "mount ConfigMaps through a pod template (spark.kubernetes.*.podTemplateFile) and secrets with "
       "spark.kubernetes.*.secrets.NAME=/path",
       Severity::Error, "spark.kubernetes.driver.volumes.configMap.conf.mount.path /etc/conf\n"},
      {"spark-ipv6-wildcard-bind", "spark",
       "the driver or Spark Connect server binds to the IPv6 wildcard (::)",
       "on IPv4-only clusters, or with java.net.preferIPv4Stack, binding :: fails at start-up (\"Cannot "
       "assign requested address\"); where it works, the IPv4 probes and executors depend on the node's "
       "dual-stack settings",
       "bind to 0.0.0.0, or to the pod IP from the downward API (status.podIP)", Severity::Warning,
       "spark.driver.bindAddress ::\n"},
      {"spark-executor-pod-name-prefix", "spark",
       "a fixed executor pod name prefix (or driver pod name) that is not release-scoped, is shared by "
       "two Spark processes of the chart, or is not a valid name prefix",
       "executor pods are named PREFIX-exec-N: two releases or two drivers with the same prefix in one "
       "namespace fail to create pods that already exist, or take each other's executors",
       "derive the prefix from the release name ({{ .Release.Name }}-connect), one per Spark process, "
       "lower-case, at most 47 characters",
       Severity::Error, "spark.kubernetes.executor.podNamePrefix spark\n"},
      {"spark-s3-path-style", "spark",
       "spark.hadoop.fs.s3a.endpoint names a non-AWS endpoint (MinIO) without path-style access",
       "S3A then addresses buckets as BUCKET.ENDPOINT host names, which do not resolve for MinIO and "
       "other self-hosted stores: reads and writes fail with UnknownHostException",
       "set spark.hadoop.fs.s3a.path.style.access=true", Severity::Error,
       "spark.hadoop.fs.s3a.endpoint http://minio:9000\n"},
      {"spark-client-mode-driver-host", "spark",
       "a client-mode driver on Kubernetes without a spark.driver.host executors can reach",
       "executors connect back to the driver: with an unset host (the pod name does not resolve), a "
       "name that is not a Service selecting the driver pod, or a Service without fixed driver and "
       "block manager ports, executors fail to register and the job hangs",
       "set spark.driver.host to a (headless) Service selecting the driver pod, and fix "
       "spark.driver.port and spark.driver.blockManager.port to ports that Service exposes",
       Severity::Error,
       "spark.master k8s://https://kubernetes.default.svc\nspark.submit.deployMode client\n"},
  };
}

namespace {

// Findings reported once per rule and entry, though several processes share an entry.
class Reporter {
 public:
  explicit Reporter(Context& ctx) : ctx_(ctx) {}
  void entry(const std::string& rule, const SparkConfEntry& e, const std::string& msg, const std::string& hint) {
    std::string id = rule + "\n" + e.owner->ident() + "\n" + format_field_path(e.path) + "\n" + e.key;
    if (!seen_.insert(id).second) return;
    report_entry(ctx_, rule, e, msg, hint);
  }
  void object(const std::string& rule, const RenderedObject& o, const FieldPath& path, const std::string& msg,
              const std::string& hint) {
    std::string id = rule + "\n" + o.ident() + "\n" + format_field_path(path);
    if (!seen_.insert(id).second) return;
    ctx_.report_object(rule, o, path, msg, hint);
  }
  Context& ctx() { return ctx_; }

 private:
  Context& ctx_;
  std::set<std::string> seen_;
};

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// A spark.kubernetes.{driver,executor}.volumes.TYPE.NAME.REST key.
struct VolumeKey {
  std::string role, type, name, rest;
};

std::optional<VolumeKey> parse_volume_key(const std::string& key) {
  for (const char* role : {"driver", "executor"}) {
    std::string prefix = std::string("spark.kubernetes.") + role + ".volumes.";
    if (!key.starts_with(prefix)) continue;
    std::string tail = key.substr(prefix.size());
    size_t a = tail.find('.');
    if (a == std::string::npos) return std::nullopt;
    size_t b = tail.find('.', a + 1);
    if (b == std::string::npos) return std::nullopt;
    return VolumeKey{role, tail.substr(0, a), tail.substr(a + 1, b - a - 1), tail.substr(b + 1)};
  }
  return std::nullopt;
}

bool is_supported_volume_type(const std::string& t) {
  return t == "hostPath" || t == "emptyDir" || t == "nfs" || t == "persistentVolumeClaim";
}

// --- spark-unknown-key, spark-invalid-value ---------------------------------------------

// The key a commonly confused spelling stands for: Spark's environment keys are not
// spark.kubernetes.{driver,executor}.env.*.
std::string env_key_fix(const std::string& key) {
  const std::string d = "spark.kubernetes.driver.env.", x = "spark.kubernetes.executor.env.";
  if (key.starts_with(d)) return "spark.kubernetes.driverEnv." + key.substr(d.size());
  if (key.starts_with(x)) return "spark.executorEnv." + key.substr(x.size());
  return "";
}

void check_keys(Reporter& r, const std::vector<SparkConf>& confs) {
  for (const auto& c : confs) {
    for (const auto& e : c.entries) {
      if (!e.key.starts_with("spark.")) continue;
      if (const SparkKey* k = find_spark_key(e.key)) {
        std::string problem = spark_value_problem(*k, e.value);
        if (!problem.empty()) {
          r.entry("spark-invalid-value", e, quoted(e.key) + " value " + quoted(e.value) + " " + problem,
                  "write the value in the form " + quoted(e.key) + " takes");
        }
        continue;
      }
      if (auto v = parse_volume_key(e.key)) {
        // The volume type is spark-configmap-volume's; here only the part after the name.
        static const std::set<std::string> fixed = {"mount.path", "mount.subPath", "mount.subPathExpr",
                                                    "mount.readOnly"};
        bool ok = fixed.count(v->rest) || v->rest.starts_with("options.") || v->rest.starts_with("label.") ||
                  v->rest.starts_with("annotation.");
        if (!ok) {
          r.entry("spark-unknown-key", e, "unknown Spark volume setting " + quoted(e.key),
                  "a volume takes mount.path, mount.subPath, mount.subPathExpr, mount.readOnly and options.*");
        } else if (v->rest == "mount.readOnly") {
          SparkKey b{"", SparkValueType::kBool, "", false};
          std::string problem = spark_value_problem(b, e.value);
          if (!problem.empty()) {
            r.entry("spark-invalid-value", e, quoted(e.key) + " value " + quoted(e.value) + " " + problem,
                    "write true or false");
          }
        }
        continue;
      }
      if (is_spark_key_family(e.key)) continue;
      std::string fix = env_key_fix(e.key);
      std::string dym = fix.empty() ? did_you_mean(e.key, spark_key_names()) : quoted(fix);
      // In namespaces with more keys than we list, only a near miss of a listed key is suspect.
      if (dym.empty() && is_open_spark_namespace(e.key)) continue;
      r.entry("spark-unknown-key", e, "unknown Spark configuration key " + quoted(e.key),
              dym.empty() ? "Spark ignores keys it does not know; check the key against Spark's configuration "
                            "documentation"
                          : "did you mean " + dym + "?");
    }
  }
}

// --- spark-event-log-dir ---------------------------------------------------------------------

std::string without_trailing_slash(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool is_history_server(const SparkConf& c) {
  return c.program == "start-history-server.sh" || c.main_class == "org.apache.spark.deploy.history.HistoryServer";
}

void check_event_log_dir(Reporter& r, const std::vector<SparkConf>& confs) {
  std::set<std::string> history_dirs;
  for (const auto& c : confs) {
    if (!is_history_server(c)) continue;
    std::string d = c.get("spark.history.fs.logDirectory");
    // The History Server reads file:/tmp/spark-events when none is set.
    history_dirs.insert(without_trailing_slash(d.empty() ? "file:/tmp/spark-events" : d));
  }
  for (const auto& c : confs) {
    if (is_history_server(c) || !c.is_true("spark.eventLog.enabled")) continue;
    const SparkConfEntry* dir = c.find("spark.eventLog.dir");
    if (!dir) {
      r.entry("spark-event-log-dir", *c.find("spark.eventLog.enabled"),
              "event logging is enabled without spark.eventLog.dir: Spark writes to file:/tmp/spark-events, "
              "which the image does not have",
              history_dirs.empty() ? "set spark.eventLog.dir to shared storage (s3a://..., a PVC path)"
                                   : "set spark.eventLog.dir to " + quoted(*history_dirs.begin()) +
                                         ", the History Server's spark.history.fs.logDirectory");
      continue;
    }
    if (history_dirs.empty() || dir->value.find('$') != std::string::npos) continue;
    if (history_dirs.count(without_trailing_slash(dir->value))) continue;
    r.entry("spark-event-log-dir", *dir,
            "spark.eventLog.dir " + quoted(dir->value) +
                " is not the History Server's spark.history.fs.logDirectory " + quoted(*history_dirs.begin()),
            "set spark.eventLog.dir to " + quoted(*history_dirs.begin()) +
                ", or the History Server never shows these applications");
  }
}

// --- spark-dynamic-allocation, spark-external-shuffle-service ----------------------------

void check_shuffle(Reporter& r, const std::vector<SparkConf>& confs) {
  for (const auto& c : confs) {
    if (!c.on_kubernetes()) continue;
    if (c.is_true("spark.shuffle.service.enabled")) {
      r.entry("spark-external-shuffle-service", *c.find("spark.shuffle.service.enabled"),
              "spark.shuffle.service.enabled is true but Kubernetes has no external shuffle service",
              "remove it and use spark.dynamicAllocation.shuffleTracking.enabled=true");
      continue;
    }
    if (!c.is_true("spark.dynamicAllocation.enabled")) continue;
    const SparkConfEntry* tracking = c.find("spark.dynamicAllocation.shuffleTracking.enabled");
    // Shuffle tracking defaults to true in Spark 3.5 and 4.x; only turning it off breaks.
    if (!tracking || c.is_true("spark.dynamicAllocation.shuffleTracking.enabled")) continue;
    bool migration = c.is_true("spark.decommission.enabled") && c.is_true("spark.storage.decommission.enabled") &&
                     c.is_true("spark.storage.decommission.shuffleBlocks.enabled");
    if (migration || !c.get("spark.shuffle.sort.io.plugin.class").empty()) continue;
    r.entry("spark-dynamic-allocation", *tracking,
            "dynamic allocation on Kubernetes with spark.dynamicAllocation.shuffleTracking.enabled " +
                quoted(tracking->value) + " and no shuffle block migration: SparkContext refuses to start",
            "set spark.dynamicAllocation.shuffleTracking.enabled=true and a shuffleTracking.timeout");
  }
}

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

// --- spark-ipv6-wildcard-bind ----------------------------------------------------------------

bool is_ipv6_wildcard(std::string v) {
  v.erase(0, v.find_first_not_of(" \t\"'"));
  v.erase(v.find_last_not_of(" \t\"'") + 1);
  return v == "::" || v == "[::]" || v == "0:0:0:0:0:0:0:0" || v == "::0";
}

void check_ipv6_bind(Reporter& r, const std::vector<SparkConf>& confs) {
  for (const auto& c : confs) {
    for (const std::string key : {"spark.driver.bindAddress", "spark.connect.grpc.binding.address"}) {
      const SparkConfEntry* e = c.find(key);
      if (e && e->value == ":" && format_field_path(e->path).starts_with("data.")) {
        // "key ::" in a properties file: the first ':' after the blank separates key and value.
        r.entry("spark-invalid-value", *e,
                quoted(key) + " reads as \":\": in a properties file a ':' after the key is a separator, so "
                "\"" + key + " ::\" loses one colon",
                "write \"" + key + " 0.0.0.0\" (or \"" + key + "=::\" where IPv6 is available)");
        continue;
      }
      if (!e || !is_ipv6_wildcard(e->value)) continue;
      r.entry("spark-ipv6-wildcard-bind", *e,
              key + " binds the IPv6 wildcard " + quoted(e->value) +
                  ", which fails on clusters without IPv6 and leaves IPv4 probes to the node's settings",
              "use 0.0.0.0, or the pod IP from the downward API (status.podIP)");
    }
  }
  // SPARK_LOCAL_IP is what Spark binds when no bindAddress is set.
  for (const auto& pod : r.ctx().pods()) {
    for (const auto& [cpath, c] : pod.containers()) {
      const Value* env = c->find("env");
      if (!env || !env->is_list()) continue;
      for (size_t i = 0; i < env->as_list().size(); ++i) {
        const Value& e = env->as_list()[i];
        if (string_at(e, "name") != "SPARK_LOCAL_IP" || !is_ipv6_wildcard(string_at(e, "value"))) continue;
        FieldPath below = cpath;
        below.insert(below.end(), {"env", std::to_string(i), "value"});
        r.object("spark-ipv6-wildcard-bind", *pod.owner, pod.path_of(below),
                 "SPARK_LOCAL_IP binds Spark to the IPv6 wildcard " + quoted(string_at(e, "value")) +
                     ", which fails on clusters without IPv6",
                 "set SPARK_LOCAL_IP from the downward API (status.podIP), or to 0.0.0.0");
      }
    }
  }
}

// --- spark-executor-pod-name-prefix ------------------------------------------------------

void check_pod_name_prefix(Reporter& r, const std::vector<SparkConf>& confs) {
  const std::string& release = r.ctx().options().release_name;
  // Spark's own check (3.3+): a DNS-1123 label of at most 47 characters, so that
  // "-exec-N" still fits in 63.
  static const RE2 label("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  std::map<std::string, const SparkConfEntry*> first_use;  // prefix -> the first entry using it
  for (const auto& c : confs) {
    const SparkConfEntry* e = c.find("spark.kubernetes.executor.podNamePrefix");
    if (e && c.on_kubernetes() && e->value.find('$') == std::string::npos) {
      if (e->value.size() > 47 || !RE2::FullMatch(e->value, label)) {
        r.entry("spark-executor-pod-name-prefix", *e,
                "executor pod name prefix " + quoted(e->value) +
                    " is not a lower-case DNS label of at most 47 characters: Spark refuses it",
                "use lower-case letters, digits and '-', at most 47 characters");
      } else if (e->value.find(release) == std::string::npos) {
        r.entry("spark-executor-pod-name-prefix", *e,
                "executor pod name prefix " + quoted(e->value) + " does not contain the release name " +
                    quoted(release) + ": two releases in one namespace would create the same executor pods",
                "derive it from the release name, e.g. {{ .Release.Name }}-" + e->value);
      } else {
        auto [it, fresh] = first_use.emplace(e->value, e);
        if (!fresh && !(it->second->owner == e->owner && it->second->path == e->path)) {
          r.entry("spark-executor-pod-name-prefix", *e,
                  "executor pod name prefix " + quoted(e->value) + " is also used by " + it->second->owner->ident() +
                      ": the two drivers would create the same executor pods",
                  "give each Spark process its own prefix");
        }
      }
    }
    // In cluster mode a fixed driver pod name collides the same way.
    const SparkConfEntry* d = c.find("spark.kubernetes.driver.pod.name");
    if (d && c.on_kubernetes() && c.get("spark.submit.deployMode") == "cluster" &&
        d->value.find('$') == std::string::npos && d->value.find(release) == std::string::npos) {
      r.entry("spark-executor-pod-name-prefix", *d,
              "driver pod name " + quoted(d->value) + " does not contain the release name " + quoted(release) +
                  ": a second release or run fails to create its driver pod",
              "leave spark.kubernetes.driver.pod.name unset in cluster mode, or derive it from the release name");
    }
  }
}

// --- spark-s3-path-style ---------------------------------------------------------------------

// The host of an endpoint URL or host[:port].
std::string endpoint_host(std::string v) {
  size_t scheme = v.find("://");
  if (scheme != std::string::npos) v = v.substr(scheme + 3);
  v = v.substr(0, v.find_first_of("/:"));
  return v;
}

bool is_aws_host(const std::string& host) {
  return host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn") || host == "amazonaws.com";
}

void check_s3_path_style(Reporter& r, const std::vector<SparkConf>& confs) {
  const auto* objects = r.ctx().objects();
  static const std::string kPrefix = "spark.hadoop.fs.s3a.";
  for (const auto& c : confs) {
    for (const auto& e : c.entries) {
      // The global endpoint, or a per-bucket one (fs.s3a.bucket.NAME.endpoint), whose
      // path.style.access falls back to the global setting.
      if (!e.key.starts_with(kPrefix) || !e.key.ends_with(".endpoint") || c.find(e.key) != &e) continue;
      std::string scope = e.key.substr(kPrefix.size(), e.key.size() - kPrefix.size() - 8);  // "" or "bucket.NAME."
      if (!scope.empty() && !(scope.starts_with("bucket.") && scope.size() > 7)) continue;
      if (e.value.empty() || e.value.find('$') != std::string::npos) continue;
      std::string host = endpoint_host(e.value);
      std::string style_key = kPrefix + scope + "path.style.access";
      const SparkConfEntry* style = c.find(style_key);
      if (!style && !scope.empty()) style = c.find(kPrefix + "path.style.access");
      bool path_style = style && c.is_true(style->key);
      if (host.empty() || is_aws_host(host) || path_style) continue;
      std::string what = "a non-AWS endpoint";
      std::string short_name = host.substr(0, host.find('.'));
      for (const auto& o : objects ? *objects : std::vector<RenderedObject>{}) {
        if (o.kind == "Service" && o.name == short_name) what = "Service " + quoted(o.name) + " of the chart";
      }
      r.entry("spark-s3-path-style", e,
              quoted(e.key) + " " + quoted(e.value) + " is " + what + " but " + style_key +
                  " is not true: S3A looks up " + (scope.empty() ? "BUCKET" : scope.substr(7, scope.size() - 8)) +
                  "." + host,
              "set " + style_key + "=true");
    }
  }
}

// --- spark-client-mode-driver-host -------------------------------------------------------

bool is_daemon(const SparkConf& c) {
  return is_history_server(c) || c.program == "start-master.sh" || c.program == "start-worker.sh" ||
         c.program == "start-slave.sh";
}

bool is_ip_literal(const std::string& h) {
  static const RE2 v4("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  return RE2::FullMatch(h, v4) || h.find(':') != std::string::npos;
}

// Whether the labels of `pod` satisfy the Service selector `sel`.
bool selects(const Value& sel, const Pod& pod) {
  if (!sel.is_map() || sel.as_map().empty()) return false;
  for (const auto& [k, v] : sel.as_map()) {
    const Value* l = pod.labels.find(k);
    if (!l || !l->is_string() || !v.is_string() || l->as_string() != v.as_string()) return false;
  }
  return true;
}

// The port numbers a Service exposes.
std::set<int64_t> service_ports(const Value& svc) {
  std::set<int64_t> out;
  const Value* ports = value_at(svc, {"spec", "ports"});
  if (!ports || !ports->is_list()) return out;
  for (const auto& p : ports->as_list()) {
    const Value* n = p.find("port");
    // Numbers may come back as floats, as Helm reads YAML numbers.
    if (n && n->is_integer()) out.insert(n->as_int());
    else if (n && n->is_float()) out.insert(static_cast<int64_t>(n->as_float()));
  }
  return out;
}

void check_client_mode_driver_host(Reporter& r, const std::vector<SparkConf>& confs) {
  const auto* objects = r.ctx().objects();
  if (!objects) return;
  for (const auto& c : confs) {
    if (!c.pod || !c.pod->spark_role.empty() || c.origin == "spark-application" || is_daemon(c)) continue;
    if (!c.on_kubernetes() || c.get("spark.submit.deployMode", "client") != "client") continue;
    // Spark 4.1 can hand executors the bind address instead (the pod IP from the downward API).
    std::string bind = c.get("spark.driver.bindAddress");
    if (c.is_true("spark.kubernetes.executor.useDriverPodIP") && !bind.empty() && bind != "0.0.0.0" &&
        !is_ipv6_wildcard(bind)) {
      continue;
    }
    const SparkConfEntry* host = c.find("spark.driver.host");
    const SparkConfEntry* anchor = c.find("spark.master");
    if (!anchor && c.entries.empty()) continue;
    if (!anchor) anchor = &c.entries.front();
    if (!host) {
      r.entry("spark-client-mode-driver-host", *anchor,
              "client-mode driver in " + quoted(c.pod->ident) +
                  " has no spark.driver.host: executors cannot resolve the pod's host name",
              "create a headless Service selecting the driver pod and set spark.driver.host to its DNS name, "
              "with fixed spark.driver.port and spark.driver.blockManager.port");
      continue;
    }
    std::string h = host->value;
    if (h.empty() || h.find('$') != std::string::npos || is_ip_literal(h)) continue;
    std::string name = h.substr(0, h.find('.'));
    const RenderedObject* svc = nullptr;
    for (const auto& o : *objects) {
      if (o.kind == "Service" && o.name == name) svc = &o;
    }
    if (!svc) {
      r.entry("spark-client-mode-driver-host", *host,
              "spark.driver.host " + quoted(h) + " is not a Service of the chart: executors cannot reach the driver",
              "point spark.driver.host at a (headless) Service selecting " + quoted(c.pod->ident));
      continue;
    }
    const Value* sel = value_at(svc->doc, {"spec", "selector"});
    if (!sel || !selects(*sel, *c.pod)) {
      r.entry("spark-client-mode-driver-host", *host,
              "spark.driver.host " + quoted(h) + " names Service " + quoted(svc->name) + ", which does not select " +
                  quoted(c.pod->ident),
              "make the Service's selector match the driver pod's labels");
      continue;
    }
    std::set<int64_t> exposed = service_ports(svc->doc);
    // The driver's block manager listens on spark.driver.blockManager.port, else on
    // spark.blockManager.port.
    const SparkConfEntry* block = c.find("spark.driver.blockManager.port");
    if (!block) block = c.find("spark.blockManager.port");
    std::pair<std::string, const SparkConfEntry*> ports[] = {{"spark.driver.port", c.find("spark.driver.port")},
                                                             {"spark.driver.blockManager.port", block}};
    for (const auto& [key, pe] : ports) {
      std::string v = pe ? pe->value : "";
      bool numeric = !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      int64_t port = numeric ? std::stoll(v) : 0;
      std::string wanted = key == "spark.driver.port" ? "7078" : "7079";
      if (port == 0) {
        r.entry("spark-client-mode-driver-host", pe ? *pe : *host,
                key + " is " + (v.empty() ? "unset" : quoted(v)) + ", so the driver listens on a random port that "
                "Service " + quoted(svc->name) + " cannot expose to executors",
                "set " + key + " to a fixed port (e.g. " + wanted + ") and expose it on Service " + quoted(svc->name));
      } else if (!exposed.count(port)) {
        r.entry("spark-client-mode-driver-host", *pe,
                key + " " + std::to_string(port) + " is not a port of Service " + quoted(svc->name) +
                    ": executors cannot connect to the driver",
                "add port " + std::to_string(port) + " to Service " + quoted(svc->name));
      }
    }
  }
}

}  // namespace

void run_spark_rules(Context& ctx) {
  if (!ctx.objects()) return;
  std::vector<SparkConf> confs = spark_confs(ctx);
  Reporter r(ctx);
  check_keys(r, confs);
  check_event_log_dir(r, confs);
  check_shuffle(r, confs);
  check_volume_types(r, confs);
  check_volume_conflicts(r, confs);
  check_ipv6_bind(r, confs);
  check_pod_name_prefix(r, confs);
  check_s3_path_style(r, confs);
  check_client_mode_driver_host(r, confs);
}

}  // namespace sparkc::validate::detail
