// spark-readonly-mount-write: the directories a Spark application process writes (local dirs,
// the Ivy cache of spark.jars.packages, file: event logs and warehouse) must be writable in the
// container that runs it.
#include <re2/re2.h>

#include <algorithm>
#include <optional>
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
  if (conf.program == "start-history-server.sh") {
    // The History Server's local store (its UI database), when configured.
    std::string store = conf.get("spark.history.store.path");
    if (store.starts_with("/")) out.push_back({store, "spark.history.store.path", "spark.history.store.path"});
    return out;
  }
  bool worker = conf.program == "start-worker.sh" || conf.program == "start-slave.sh";
  if (!worker && !runs_application(conf)) return out;
  if (worker) {
    // A standalone worker creates each executor's directory under its work dir
    // (SPARK_WORKER_DIR, else $SPARK_HOME/work; the apache/spark images use /opt/spark).
    std::string dir = env_value(c, "SPARK_WORKER_DIR").value_or("");
    if (dir.empty()) {
      std::string home = env_value(c, "SPARK_HOME").value_or(spark_image(string_at(c, "image")) ? "/opt/spark" : "");
      if (!home.empty()) dir = home + "/work";
    }
    if (dir.starts_with("/")) out.push_back({dir, "the worker directory", "SPARK_WORKER_DIR"});
  }
  // In cluster mode the driver, and all it writes, runs in a pod Spark creates.
  if (conf.get("spark.submit.deployMode") == "cluster") return out;
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
  if (!worker && !conf.get("spark.jars.packages").empty()) {
    std::string ivy = conf.get("spark.jars.ivy");
    if (ivy.empty()) {
      if (auto home = env_value(c, "HOME"); home && home->starts_with("/")) {
        ivy = *home + (conf_spark_version(conf).starts_with("3.") ? "/.ivy2" : "/.ivy2.5.2");
      }
    }
    if (ivy.starts_with("/")) out.push_back({ivy, "the Ivy cache of spark.jars.packages", "spark.jars.ivy"});
  }
  if (worker) return out;
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

// Why `path` is not writable in container `c` of `pod` (at `cpath` below the pod spec): the
// field to point at and the words that say it; nullopt when it is writable.
struct ReadOnly {
  FieldPath field;    // below the pod spec
  std::string where;  // "on the configMap volume \"conf\" at \"/opt/spark/conf\", which is always read-only"
};
std::optional<ReadOnly> readonly_at(const Pod& pod, const FieldPath& cpath, const Value& c, std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  const Value* mounts = c.find("volumeMounts");
  const Value* vols = pod.spec.find("volumes");
  // The mount that holds the path: the longest mountPath that is it or a parent.
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
  ReadOnly out{cpath, ""};
  if (best < 0) {
    const Value* rorf = value_at(c, {"securityContext", "readOnlyRootFilesystem"});
    if (!rorf || !rorf->is_bool() || !rorf->as_bool()) return std::nullopt;
    out.field.insert(out.field.end(), {"securityContext", "readOnlyRootFilesystem"});
    out.where = "on the read-only root filesystem (readOnlyRootFilesystem: true) and no volume is mounted there";
    return out;
  }
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
  if (source.empty() && !readonly_flag) return std::nullopt;
  out.field.insert(out.field.end(), {"volumeMounts", std::to_string(best)});
  if (readonly_flag) out.field.push_back("readOnly");
  out.where = source.empty() ? "on volume \"" + name + "\", mounted with readOnly: true at \"" + string_at(m, "mountPath") + "\""
                             : "on the " + source + " volume \"" + name + "\" at \"" + string_at(m, "mountPath") +
                                   "\", which is always read-only";
  return out;
}

// A path a shell script writes (`> P`, `>> P`, `tee P`, `cp ... P`, `mkdir P`, `touch P`), as
// written and with the container's literal environment variables expanded; variables the
// script assigns itself, or that the container does not set, leave the path unknown.
struct ScriptWrite {
  std::string written, path;
};
std::vector<ScriptWrite> script_writes(const std::string& script, const Value& c) {
  std::vector<ScriptWrite> out;
  std::vector<std::string> w = shell_words(script);
  std::set<std::string> assigned;
  static const RE2 assign("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=.*");
  for (const auto& word : w) {
    std::string var;
    if (RE2::FullMatch(word, assign, &var)) assigned.insert(var);
  }
  auto expand = [&](std::string p) -> std::string {
    static const RE2 ref("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");
    std::string var;
    while (RE2::PartialMatch(p, ref, &var)) {
      auto v = env_value(c, var);
      if (assigned.count(var) || !v) return "";
      RE2::Replace(&p, ref, *v);
    }
    return p;
  };
  auto add = [&](const std::string& target) {
    std::string p = expand(target);
    if (!p.starts_with("/") || p.starts_with("/dev/") || p.starts_with("/proc/") || p.starts_with("/sys/")) return;
    out.push_back({target, p});
  };
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string& a = w[i];
    if ((a == ">" || a == ">>") && i + 1 < w.size()) {
      add(w[i + 1]);
    } else if (a.starts_with(">>")) {
      add(a.substr(2));
    } else if (a.starts_with(">") && a.size() > 1 && a[1] != '&') {
      add(a.substr(1));
    } else if (a == "tee" || a == "mkdir" || a == "touch") {
      for (size_t j = i + 1; j < w.size() && w[j] != ";"; ++j) {
        if (!w[j].starts_with("-") && w[j] != ">" && w[j] != ">>") add(w[j]);
      }
    } else if (a == "cp") {
      size_t j = i + 1;
      while (j < w.size() && w[j] != ";") ++j;
      if (j > i + 2) add(w[j - 1]);
    }
  }
  return out;
}

// java.io.tmpdir of a Spark JVM: -Djava.io.tmpdir in the container's JVM option variables or
// the process's extraJavaOptions, else /tmp. The JVM unpacks the native libraries Spark loads
// there (snappy-java for Parquet and shuffle compression, zstd-jni, lz4-java), so a read-only
// one fails at the first compressed write ("Could not initialize class org.xerial.snappy.Snappy").
std::string java_tmpdir(const Value& c, const SparkConf* conf) {
  static const RE2 re("-Djava\\.io\\.tmpdir=([^ ]+)");
  std::string dir;
  if (conf) {
    for (const char* key : {"spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions"}) {
      if (RE2::PartialMatch(conf->get(key), re, &dir)) return dir;
    }
  }
  const Value* env = c.find("env");
  if (env && env->is_list()) {
    for (const auto& e : env->as_list()) {
      std::string name = string_at(e, "name");
      if ((name.ends_with("_OPTS") || name == "JAVA_TOOL_OPTIONS" || name == "_JAVA_OPTIONS") &&
          RE2::PartialMatch(string_at(e, "value"), re, &dir)) {
        return dir;
      }
    }
  }
  return "/tmp";
}

}  // namespace

void check_readonly_mounts(Context& ctx, const std::vector<SparkConf>& confs) {
  const std::string rule = "spark-readonly-mount-write";
  std::set<std::string> seen;
  for (const auto& conf : confs) {
    const Value* c = conf_container(conf);
    if (!c) continue;
    const Pod& pod = *conf.pod;
    {
      std::vector<WrittenDir> dirs = written_dirs(conf, *c);
      bool jvm = conf.program == "start-history-server.sh" ||
                 (runs_application(conf) && conf.get("spark.submit.deployMode") != "cluster");
      std::string tmp = java_tmpdir(*c, &conf);
      bool listed = std::any_of(dirs.begin(), dirs.end(), [&](const WrittenDir& d) { return d.path == tmp; });
      if (jvm && !listed) dirs.push_back({tmp, "java.io.tmpdir", "-Djava.io.tmpdir"});
      for (const auto& dir : dirs) {
        auto ro = readonly_at(pod, conf.container, *c, dir.path);
        if (!ro) continue;
        std::string msg = dir.why + " \"" + dir.path + "\" of " + process_name(conf) + " is " + ro->where;
        FieldPath full = pod.path_of(ro->field);
        if (!seen.insert(pod.owner->ident() + format_field_path(full) + msg).second) continue;
        ctx.report_object(rule, *pod.owner, full, msg,
                          "mount an emptyDir at \"" + dir.path + "\", or set " + dir.setting +
                              " to a directory on a writable volume");
      }
    }
    // The scripts that start the Spark process: its `sh -c` text, and files it runs from
    // ConfigMaps (an entry point that writes spark-defaults.conf into SPARK_CONF_DIR).
    std::vector<std::pair<SparkConfEntry, std::string>> scripts;  // where, text
    auto words = command_words(conf.container, *c);
    auto files = mounted_files(ctx, pod, *c);
    for (const auto& [p, text] : words) {
      if (text.find('\n') != std::string::npos || text.find(' ') != std::string::npos) {
        scripts.push_back({{"", "", pod.owner, pod.path_of(p)}, text});
      }
      for (const auto& f : files) {
        if (f.path == text) scripts.push_back({{"", "", f.configmap, {"data", f.key}}, *f.text});
      }
    }
    for (auto& [at, text] : scripts) {
      for (const auto& wr : script_writes(text, *c)) {
        auto ro = readonly_at(pod, conf.container, *c, wr.path);
        if (!ro) continue;
        std::string msg = "the start script of " + process_name(conf) + " writes \"" + wr.path + "\", " + ro->where;
        SparkConfEntry e = at;
        e.key = wr.written;
        if (!seen.insert(e.owner->ident() + format_field_path(e.path) + msg).second) continue;
        report_entry(ctx, rule, e, msg, "write to a directory on an emptyDir (or another writable volume) instead");
      }
    }
  }
  // The driver and executor pod templates: Spark mounts volumes for its local dirs, but not
  // for java.io.tmpdir.
  for (const auto& pod : ctx.pods()) {
    if (pod.spark_role.empty() || !pod.embedded) continue;
    auto containers = pod.containers();
    for (const auto& [cpath, c] : containers) {
      if (cpath.front() != "containers") continue;
      std::string tmp = java_tmpdir(*c, nullptr);
      auto ro = readonly_at(pod, cpath, *c, tmp);
      if (ro) {
        ctx.report_object(rule, *pod.owner, pod.path_of(ro->field),
                          "java.io.tmpdir \"" + tmp + "\" of the Spark " + pod.spark_role + " pods of \"" + pod.ident +
                              "\" is " + ro->where + ": the JVM cannot unpack native libraries (snappy, zstd)",
                          "mount an emptyDir at \"" + tmp + "\" in the pod template");
      }
      break;  // Spark takes the first container unless podTemplateContainerName names another
    }
  }
}

}  // namespace sparkc::validate::detail
