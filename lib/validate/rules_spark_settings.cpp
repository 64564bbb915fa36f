// The spark group, settings read one by one: unknown keys and invalid values, the event log
// directory, dynamic allocation and the shuffle service, the executor pod name prefix.
#include <re2/re2.h>

#include <map>
#include <set>

#include "validate/rules_spark_detail.h"

namespace sparkc::validate::detail {

// --- spark-unknown-key, spark-invalid-value ---------------------------------------------

// The key a commonly confused spelling stands for: Spark's environment keys are not
// spark.kubernetes.{driver,executor}.env.*.
namespace {

std::string env_key_fix(const std::string& key) {
  const std::string d = "spark.kubernetes.driver.env.", x = "spark.kubernetes.executor.env.";
  if (key.starts_with(d)) return "spark.kubernetes.driverEnv." + key.substr(d.size());
  if (key.starts_with(x)) return "spark.executorEnv." + key.substr(x.size());
  return "";
}

}  // namespace

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
      } else if (e->value.find(release) == std::string::npos &&
                 // A release name of 47 characters or more cannot fit: the release name cut to
                 // the limit (trimSuffix may take a final '-') is as release-scoped as it gets.
                 !(release.size() >= 47 && e->value.size() >= 46 && release.starts_with(e->value))) {
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

}  // namespace sparkc::validate::detail
