// spark-readonly-mount-write: the directories a Spark application process writes (local dirs,
// the Ivy cache of spark.jars.packages, file: event logs and warehouse) must be writable in the
// container that runs it.
#include <set>

#include "validate/rules.h"
#include "validate/spark_runtime.h"

namespace sparkc::validate::detail {
namespace {

// Launchers whose process runs an application (a driver) and so writes local dirs.
bool runs_application(const SparkConf& conf) {
  static const std::set<std::string> apps = {"spark-submit", "pyspark", "spark-shell", "spark-sql",
                                             "start-connect-server.sh", "start-thriftserver.sh"};
  if (apps.count(conf.program)) return true;
  // A notebook whose kernel is the driver (client mode) reads the defaults file and launches
  // no program of its own.
  const Value* c = conf_container(conf);
  return conf.program.empty() && conf.origin == "defaults-file" && c && !spark_image(string_at(*c, "image")) &&
         conf.find("spark.master");
}

// A directory written, and which setting (or default) makes Spark write it.
struct WrittenDir {
  std::string path;
  std::string why;      // "spark.local.dir", "the default local dir", ...
  std::string setting;  // what to change: "spark.local.dir", "spark.jars.ivy", ...
};

std::string strip_file_scheme(const std::string& v) {
  if (v.starts_with("file://")) return v.substr(7);
  if (v.starts_with("file:")) return v.substr(5);
  return v;
}

std::vector<WrittenDir> written_dirs(const SparkConf& conf, const Value& c) {
  std::vector<WrittenDir> out;
  // In cluster mode the driver, and all it writes, runs in a pod Spark creates.
  if (conf.get("spark.submit.deployMode") == "cluster") return out;
  {
    // Spark's local dirs: spark.local.dir, overridden by SPARK_LOCAL_DIRS, else java.io.tmpdir.
    std::string dirs = conf.get("spark.local.dir");
    std::string why = "spark.local.dir", setting = why;
    if (auto env = env_value(c, "SPARK_LOCAL_DIRS")) {
      dirs = *env;
      why = setting = "SPARK_LOCAL_DIRS";
    }
    if (dirs.empty()) {
      dirs = "/tmp";
      why = "the default local dir";
    }
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t comma = dirs.find(',', start);
      std::string d = dirs.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (d.starts_with("/")) out.push_back({d, why, setting});
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    // spark.jars.packages resolves through Ivy into spark.jars.ivy, else ~/.ivy2 (Spark 3)
    // or ~/.ivy2.5.2 (Spark 4).
    if (!conf.get("spark.jars.packages").empty()) {
      std::string ivy = conf.get("spark.jars.ivy");
      if (ivy.empty()) {
        if (auto home = env_value(c, "HOME"); home && home->starts_with("/")) {
          ivy = *home + (conf_spark_version(conf).starts_with("3.") ? "/.ivy2" : "/.ivy2.5.2");
        }
      }
      if (ivy.starts_with("/")) out.push_back({ivy, "the Ivy cache of spark.jars.packages", "spark.jars.ivy"});
    }
  }
  if (conf.is_true("spark.eventLog.enabled")) {
    std::string d = conf.get("spark.eventLog.dir");
    if (d.starts_with("file:") || d.starts_with("/")) out.push_back({strip_file_scheme(d), "spark.eventLog.dir", "spark.eventLog.dir"});
  }
  std::string wh = conf.get("spark.sql.warehouse.dir");
  if (wh.starts_with("file:") || wh.starts_with("/")) out.push_back({strip_file_scheme(wh), "spark.sql.warehouse.dir", "spark.sql.warehouse.dir"});
  return out;
}

// The kind of a read-only volume source, or "" for a writable one.
std::string readonly_source(const Value& volume) {
  for (const char* k : {"configMap", "secret", "downwardAPI", "projected"}) {
    if (volume.find(k)) return k;
  }
  return "";
}

}  // namespace

void check_readonly_mounts(Context& ctx, const std::vector<SparkConf>& confs) {
  const std::string rule = "spark-readonly-mount-write";
  std::set<std::string> seen;
  for (const auto& conf : confs) {
    const Value* c = conf_container(conf);
    if (!c || !runs_application(conf)) continue;
    const Pod& pod = *conf.pod;
    const Value* mounts = c->find("volumeMounts");
    const Value* vols = pod.spec.find("volumes");
    for (const auto& dir : written_dirs(conf, *c)) {
      std::string path = dir.path;
      while (path.size() > 1 && path.back() == '/') path.pop_back();
      // The mount that holds the directory: the longest mountPath that is it or a parent.
      long best = -1;
      size_t best_len = 0;
      if (mounts && mounts->is_list()) {
        for (size_t i = 0; i < mounts->as_list().size(); ++i) {
          std::string mp = string_at(mounts->as_list()[i], "mountPath");
          while (mp.size() > 1 && mp.back() == '/') mp.pop_back();
          bool covers = path == mp || path.starts_with(mp == "/" ? "/" : mp + "/");
          if (covers && mp.size() >= best_len) {
            best = static_cast<long>(i);
            best_len = mp.size();
          }
        }
      }
      std::string subject = dir.why + " \"" + dir.path + "\" of " + process_name(conf);
      std::string hint = "mount an emptyDir at \"" + dir.path + "\", or set " + dir.setting + " to a directory on a writable volume";
      FieldPath at = conf.container;
      std::string msg;
      if (best >= 0) {
        const Value& m = mounts->as_list()[static_cast<size_t>(best)];
        std::string name = string_at(m, "name");
        std::string source;
        if (vols && vols->is_list()) {
          for (const auto& v : vols->as_list()) {
            if (string_at(v, "name") == name) source = readonly_source(v);
          }
        }
        const Value* ro = m.find("readOnly");
        bool readonly_flag = ro && ro->is_bool() && ro->as_bool();
        if (source.empty() && !readonly_flag) continue;
        at.insert(at.end(), {"volumeMounts", std::to_string(best)});
        if (readonly_flag) at.push_back("readOnly");
        msg = subject + " is on " +
              (source.empty() ? "volume \"" + name + "\", mounted with readOnly: true at \"" + string_at(m, "mountPath") + "\""
                              : "the " + source + " volume \"" + name + "\" at \"" + string_at(m, "mountPath") +
                                    "\", which is always read-only");
      } else {
        const Value* rorf = value_at(*c, {"securityContext", "readOnlyRootFilesystem"});
        if (!rorf || !rorf->is_bool() || !rorf->as_bool()) continue;
        at.insert(at.end(), {"securityContext", "readOnlyRootFilesystem"});
        msg = subject + " is on the read-only root filesystem (readOnlyRootFilesystem: true) and no volume is mounted there";
      }
      FieldPath full = pod.path_of(at);
      if (!seen.insert(pod.owner->ident() + format_field_path(full) + msg).second) continue;
      ctx.report_object(rule, *pod.owner, full, msg, hint);
    }
  }
}

}  // namespace sparkc::validate::detail
