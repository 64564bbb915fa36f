// spark-python-version-mismatch, spark-hadoop-aws-mismatch and spark-connect-client-missing:
// the versions and packages a client, a driver and its executors must agree on.
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "validate/rules.h"
#include "validate/spark_runtime.h"

namespace sparkc::validate::detail {
namespace {

// A fact and where it is written: an entry of a Spark configuration, or a field of an object.
struct Fact {
  std::string value;  // "3.10", "4.1.0"
  std::string what;   // how the message names its source: "image \"apache/spark:4.1.0-...\""
  const SparkConfEntry* entry = nullptr;
  const RenderedObject* owner = nullptr;
  FieldPath path;
  // Text to find inside the field when it holds a file or script (a requirement as written).
  std::string word;
};

void report_at(Context& ctx, const std::string& rule, const Fact& at, const std::string& msg,
               const std::string& hint, std::set<std::string>& seen) {
  const RenderedObject* owner = at.entry ? at.entry->owner : at.owner;
  const FieldPath& path = at.entry ? at.entry->path : at.path;
  if (!owner || !seen.insert(owner->ident() + "|" + format_field_path(path) + "|" + msg).second) return;
  if (at.entry) {
    report_entry(ctx, rule, *at.entry, msg, hint);
  } else if (!at.word.empty()) {
    report_entry(ctx, rule, SparkConfEntry{at.word, "", owner, path}, msg, hint);
  } else {
    ctx.report_object(rule, *owner, path, msg, hint);
  }
}

std::string python_of_image(const std::string& image) {
  if (auto s = spark_image(image)) return s->python;
  return image_python(image);
}

// The Python of the processes that run the executors of `conf`; empty value when unknown.
Fact executor_python(Context& ctx, const SparkConf& conf) {
  Fact f;
  // The interpreter the executors start: spark.pyspark.python, else PYSPARK_PYTHON in their
  // environment.
  for (const char* key : {"spark.pyspark.python", "spark.executorEnv.PYSPARK_PYTHON"}) {
    const SparkConfEntry* e = conf.find(key);
    if (!e) continue;
    if (std::string py = interpreter_python(e->value); !py.empty()) return {py, std::string(key) + " \"" + e->value + "\"", e};
  }
  std::string master = conf.get("spark.master");
  if (conf.on_kubernetes()) {
    const SparkConfEntry* e = conf.find("spark.kubernetes.executor.container.image");
    if (!e) e = conf.find("spark.kubernetes.container.image");
    if (e) return {python_of_image(e->value), "executor image \"" + e->value + "\"", e};
    return f;
  }
  if (master.starts_with("spark://")) {
    // Standalone: executors run in the workers' containers.
    for (const auto& pod : ctx.pods()) {
      for (const auto& [cpath, c] : pod.containers()) {
        for (const auto& [wpath, w] : command_words(cpath, *c)) {
          if (w.find("start-worker.sh") == std::string::npos) continue;
          std::string image = string_at(*c, "image");
          FieldPath p = cpath;
          p.push_back("image");
          return {python_of_image(image), "worker image \"" + image + "\" of \"" + pod.ident + "\"", nullptr,
                  pod.owner, pod.path_of(p)};
        }
      }
    }
    return f;
  }
  // Local mode: the executors are threads of the driver.
  if (const Value* c = conf_container(conf)) {
    std::string image = string_at(*c, "image");
    FieldPath p = conf.container;
    p.push_back("image");
    return {python_of_image(image), "image \"" + image + "\"", nullptr, conf.pod->owner, conf.pod->path_of(p)};
  }
  return f;
}

// The Spark version the executors of `conf` run (their image's), else the process's.
std::string executor_spark(const SparkConf& conf) {
  for (const char* key : {"spark.kubernetes.executor.container.image", "spark.kubernetes.container.image"}) {
    if (auto img = spark_image(conf.get(key))) return img->spark;
  }
  return conf_spark_version(conf);
}

// The Python the driver of `conf` runs, when the process is a Python driver.
Fact driver_python(const SparkConf& conf) {
  Fact f;
  const Value* c = conf_container(conf);
  if (conf.get("spark.submit.deployMode") == "cluster") {
    for (const char* key : {"spark.pyspark.driver.python", "spark.pyspark.python", "spark.kubernetes.driverEnv.PYSPARK_PYTHON"}) {
      const SparkConfEntry* e = conf.find(key);
      if (!e) continue;
      if (std::string py = interpreter_python(e->value); !py.empty()) return {py, std::string(key) + " \"" + e->value + "\"", e};
    }
    const SparkConfEntry* e = conf.find("spark.kubernetes.driver.container.image");
    if (!e) e = conf.find("spark.kubernetes.container.image");
    if (e) return {python_of_image(e->value), "driver image \"" + e->value + "\"", e};
    return f;
  }
  if (const SparkConfEntry* e = conf.find("spark.pyspark.driver.python")) {
    if (std::string py = interpreter_python(e->value); !py.empty()) return {py, "spark.pyspark.driver.python \"" + e->value + "\"", e};
  }
  if (!c) return f;
  for (const char* var : {"PYSPARK_DRIVER_PYTHON", "PYSPARK_PYTHON"}) {
    size_t i = 0;
    if (auto v = env_value(*c, var, &i); v && !interpreter_python(*v).empty()) {
      FieldPath p = conf.container;
      p.insert(p.end(), {"env", std::to_string(i), "value"});
      return {interpreter_python(*v), std::string(var) + " \"" + *v + "\"", nullptr, conf.pod->owner, conf.pod->path_of(p)};
    }
  }
  std::string image = string_at(*c, "image");
  FieldPath p = conf.container;
  p.push_back("image");
  return {python_of_image(image), "image \"" + image + "\"", nullptr, conf.pod->owner, conf.pod->path_of(p)};
}

// Whether `conf` runs Python on its driver: a .py application, pyspark, a Python
// SparkApplication, or a driver in a non-Spark (notebook) image.
bool python_driver(const SparkConf& conf) {
  if (conf.program == "pyspark") return true;
  for (const auto& w : conf.argv) {
    if (w.ends_with(".py")) return true;
  }
  if (conf.origin == "spark-application") {
    const Value* type = conf.owner ? value_at(conf.owner->doc, {"spec", "type"}) : nullptr;
    return type && type->is_string() && type->as_string() == "Python";
  }
  const Value* c = conf_container(conf);
  return c && !spark_image(string_at(*c, "image")) && !image_python(string_at(*c, "image")).empty();
}

bool is_pyspark_client(const PipRequirement& r) {
  return r.name == "pyspark" || r.name == "pyspark-client" || r.name == "pyspark-connect";
}

}  // namespace

void check_python_versions(Context& ctx, const std::vector<SparkConf>& confs) {
  const std::string rule = "spark-python-version-mismatch";
  std::set<std::string> seen;
  // Driver and executors of one application.
  for (const auto& conf : confs) {
    if (is_connect_server(conf) || !python_driver(conf)) continue;
    Fact d = driver_python(conf), x = executor_python(ctx, conf);
    if (!d.value.empty() && !x.value.empty() && d.value != x.value) {
      report_at(ctx, rule, x, "the executors of " + process_name(conf) + " run Python " + x.value + " (" + x.what +
                                 ") but the driver runs Python " + d.value + " (" + d.what + ")",
                "run the driver and the executors on one Python minor version (their images, spark.pyspark.python, PYSPARK_PYTHON)", seen);
    }
    // A client-mode driver's own PySpark against the executors' Spark.
    const Value* c = conf_container(conf);
    std::string xs = executor_spark(conf);
    if (!c || spark_image(string_at(*c, "image")) || xs.empty()) continue;
    for (const auto& r : pip_requirements(ctx, *conf.pod, conf.container, *c)) {
      if (r.name != "pyspark" || r.version.empty() || minor_of(r.version) == minor_of(xs)) continue;
      report_at(ctx, rule, {r.version, "", nullptr, r.owner, r.path, r.spec},
                "the driver " + process_name(conf) + " installs PySpark " + r.version + " but its executors run Spark " + xs,
                "pin pyspark==" + xs + " (the executors' Spark version)", seen);
    }
  }
  // Spark Connect clients against the servers of the chart.
  std::vector<std::pair<const SparkConf*, Fact>> servers;
  for (const auto& conf : confs) {
    if (is_connect_server(conf)) servers.push_back({&conf, executor_python(ctx, conf)});
  }
  if (servers.empty()) return;
  for (const auto& pod : ctx.pods()) {
    if (!pod.spark_role.empty()) continue;
    for (const auto& [cpath, c] : pod.containers()) {
      std::string image = string_at(*c, "image");
      if (spark_image(image)) continue;
      auto reqs = pip_requirements(ctx, pod, cpath, *c);
      bool connect = env_value(*c, "SPARK_REMOTE").has_value();
      for (const auto& conf : confs) {
        connect = connect || (conf.pod == &pod && conf.container == cpath && conf.get("spark.remote").starts_with("sc://"));
      }
      for (const auto& r : reqs) connect = connect || r.name == "pyspark-client" || r.name == "pyspark-connect" || r.extras.find("connect") != std::string::npos;
      if (!connect) continue;
      Fact client;
      size_t i = 0;
      FieldPath p = cpath;
      if (auto v = env_value(*c, "PYSPARK_PYTHON", &i); v && !interpreter_python(*v).empty()) {
        p.insert(p.end(), {"env", std::to_string(i), "value"});
        client = {interpreter_python(*v), "PYSPARK_PYTHON \"" + *v + "\"", nullptr, pod.owner, pod.path_of(p)};
      } else {
        p.push_back("image");
        client = {image_python(image), "image \"" + image + "\"", nullptr, pod.owner, pod.path_of(p)};
      }
      for (const auto& [server, py] : servers) {
        std::string who = "Spark Connect server \"" + (server->pod && server->pod->owner ? server->pod->owner->ident() : server->ident) + "\"";
        if (!client.value.empty() && !py.value.empty() && client.value != py.value) {
          report_at(ctx, rule, client,
                    "Spark Connect client \"" + pod.ident + "\" runs Python " + client.value + " (" + client.what +
                        ") but the executors of " + who + " run Python " + py.value + " (" + py.what +
                        "): Python UDFs fail",
                    "use a client image with Python " + py.value + ", or executor images with Python " + client.value, seen);
        }
        std::string sv = conf_spark_version(*server);
        for (const auto& r : reqs) {
          if (!is_pyspark_client(r) || r.version.empty() || sv.empty() || minor_of(r.version) == minor_of(sv)) continue;
          report_at(ctx, rule, {r.version, "", nullptr, r.owner, r.path, r.spec},
                    "Spark Connect client \"" + pod.ident + "\" installs " + r.spec + " but " + who +
                        " runs Spark " + sv,
                    "pin " + r.name + "==" + sv + " (the server's Spark version)", seen);
        }
      }
    }
  }
}

// --- spark-hadoop-aws-mismatch ------------------------------------------------------------

void check_hadoop_aws(Context& ctx, const std::vector<SparkConf>& confs) {
  const std::string rule = "spark-hadoop-aws-mismatch";
  std::set<std::string> seen;
  static const RE2 jar_aws("hadoop-aws-([0-9][0-9.]*[0-9])\\.jar");
  static const RE2 jar_v1("aws-java-sdk-bundle-([0-9][0-9.]*[0-9])\\.jar");
  static const RE2 jar_v2("(?:^|/)bundle-([0-9][0-9.]*[0-9])\\.jar");
  for (const auto& conf : confs) {
    struct Found {
      std::string version;
      const SparkConfEntry* entry = nullptr;
    };
    Found aws, sdk;
    std::string sdk_artifact;
    if (const SparkConfEntry* e = conf.find("spark.jars.packages")) {
      size_t start = 0;
      while (start <= e->value.size()) {
        size_t comma = e->value.find(',', start);
        std::string coord = e->value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        coord.erase(0, coord.find_first_not_of(" \t"));
        coord.erase(coord.find_last_not_of(" \t") + 1);
        size_t last = coord.rfind(':');
        if (last != std::string::npos) {
          std::string ga = coord.substr(0, last), v = coord.substr(last + 1);
          if (ga == "org.apache.hadoop:hadoop-aws") aws = {v, e};
          if (ga == "com.amazonaws:aws-java-sdk-bundle" || ga == "software.amazon.awssdk:bundle") {
            sdk = {v, e};
            sdk_artifact = ga;
          }
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    if (const SparkConfEntry* e = conf.find("spark.jars")) {
      std::string v;
      if (RE2::PartialMatch(e->value, jar_aws, &v)) aws = {v, e};
      if (RE2::PartialMatch(e->value, jar_v1, &v)) sdk = {v, e}, sdk_artifact = "com.amazonaws:aws-java-sdk-bundle";
      else if (RE2::PartialMatch(e->value, jar_v2, &v)) sdk = {v, e}, sdk_artifact = "software.amazon.awssdk:bundle";
    }
    if (!aws.entry) continue;
    std::string spark = conf_spark_version(conf);
    std::string hadoop = spark_hadoop_version(spark);
    if (!hadoop.empty() && aws.version != hadoop) {
      report_at(ctx, rule, {aws.version, "", aws.entry},
                "hadoop-aws " + aws.version + " does not match Hadoop " + hadoop + " that Spark " + spark +
                    " ships (" + process_name(conf) + ")",
                "use org.apache.hadoop:hadoop-aws:" + hadoop + " and the AWS SDK bundle it is built against", seen);
      continue;  // the SDK follows from the fixed hadoop-aws
    }
    auto [want_artifact, want_version] = hadoop_aws_sdk(aws.version);
    if (!sdk.entry || want_artifact.empty()) continue;
    if (sdk_artifact != want_artifact || sdk.version != want_version) {
      report_at(ctx, rule, {sdk.version, "", sdk.entry},
                "AWS SDK " + sdk_artifact + ":" + sdk.version + " is not the one hadoop-aws " + aws.version +
                    " is built against (" + want_artifact + ":" + want_version + ")",
                "use " + want_artifact + ":" + want_version, seen);
    }
  }
}

// --- spark-connect-client-missing ---------------------------------------------------------

namespace {

// Whether the requirements provide the Spark Connect Python client.
bool has_connect_packages(const std::vector<PipRequirement>& reqs) {
  std::set<std::string> names;
  for (const auto& r : reqs) {
    if (r.name == "pyspark-client" || r.name == "pyspark-connect") return true;
    if (r.name == "pyspark" && r.extras.find("connect") != std::string::npos) return true;
    names.insert(r.name);
  }
  // A plain pyspark with the Connect dependencies installed next to it.
  for (const char* dep : {"pyspark", "grpcio", "grpcio-status", "googleapis-common-protos", "pandas", "pyarrow"}) {
    if (!names.count(dep)) return false;
  }
  return true;
}

// Images known to ship Python without the Connect client (so a client that installs nothing
// lacks it); the Jupyter Spark images ship pyspark with grpcio and are not listed.
bool bare_python_image(const std::string& image) {
  std::string s = image.substr(0, image.find('@'));
  size_t slash = s.rfind('/'), colon = s.rfind(':');
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) s.resize(colon);
  std::string name = s.substr(slash == std::string::npos ? 0 : slash + 1);
  if (name == "pyspark-notebook" || name == "all-spark-notebook") return false;
  return name.ends_with("-notebook") || s.ends_with("apache/airflow") || s.ends_with("apache/zeppelin") ||
         name == "python";
}

}  // namespace

void check_connect_client(Context& ctx, const std::vector<SparkConf>& confs) {
  const std::string rule = "spark-connect-client-missing";
  std::set<std::string> seen;
  std::string hint = "install pyspark-client (Spark 4) or pyspark[connect] pinned to the server's Spark version";
  // Per pod: whether some container installs the client, and whether we can tell it does not.
  auto pod_state = [&](const Pod& pod, bool& has, bool& knowable) {
    has = false;
    knowable = false;
    for (const auto& [cpath, c] : pod.containers()) {
      auto reqs = pip_requirements(ctx, pod, cpath, *c);
      has = has || has_connect_packages(reqs);
      // An image we do not know may ship the client; a pod that installs PySpark itself, or
      // a stock Python image, tells us what it has.
      bool installs_pyspark = std::any_of(reqs.begin(), reqs.end(), [](const PipRequirement& r) { return r.name == "pyspark"; });
      knowable = knowable || installs_pyspark || bare_python_image(string_at(*c, "image"));
    }
  };
  std::map<const RenderedObject*, std::vector<const Pod*>> mounters;  // ConfigMap -> pods
  for (const auto& pod : ctx.pods()) {
    if (!pod.spark_role.empty()) continue;
    bool has = false, knowable = false;
    pod_state(pod, has, knowable);
    for (const auto& [cpath, c] : pod.containers()) {
      for (const auto& f : mounted_files(ctx, pod, *c)) mounters[f.configmap].push_back(&pod);
      if (spark_image(string_at(*c, "image")) || has || !knowable) continue;
      size_t i = 0;
      FieldPath at;
      if (auto v = env_value(*c, "SPARK_REMOTE", &i)) {
        at = cpath;
        at.insert(at.end(), {"env", std::to_string(i), "value"});
      } else {
        for (const auto& [p, w] : command_words(cpath, *c)) {
          if (w.find("sc://") != std::string::npos) at = p;
        }
      }
      if (at.empty()) continue;
      report_at(ctx, rule, {"", "", nullptr, pod.owner, pod.path_of(at)},
                "\"" + pod.ident + "\" connects to Spark Connect but installs no Spark Connect client "
                "(pyspark[connect] or pyspark-client)", hint, seen);
    }
  }
  // spark.remote in the configuration a client process reads (a defaults file, --remote).
  for (const auto& conf : confs) {
    const SparkConfEntry* remote = conf.find("spark.remote");
    const Value* c = conf_container(conf);
    if (!remote || !remote->value.starts_with("sc://") || !c || spark_image(string_at(*c, "image"))) continue;
    bool has = false, knowable = false;
    pod_state(*conf.pod, has, knowable);
    if (has || !knowable) continue;
    report_at(ctx, rule, {"", "", remote},
              process_name(conf) + " connects to Spark Connect (spark.remote) but installs no Spark Connect client "
              "(pyspark[connect] or pyspark-client)", hint, seen);
  }
  // Notebooks and DAG files that name an sc:// URL, against the pods that mount them.
  for (const auto& [cm, pods] : mounters) {
    const Value* data = cm->doc.find("data");
    if (!data || !data->is_map()) continue;
    for (const auto& [key, text] : data->as_map()) {
      if (!text.is_string() || key.ends_with(".conf") || text.as_string().find("sc://") == std::string::npos) continue;
      bool any_has = false, knowable = false;
      for (const Pod* p : pods) {
        bool has = false, k = false;
        pod_state(*p, has, k);
        any_has = any_has || has;
        knowable = knowable || k;
      }
      if (any_has || !knowable) continue;
      report_at(ctx, rule, {"", "", nullptr, cm, {"data", key}},
                "\"" + cm->ident() + "[" + key + "]\" connects to Spark Connect but no pod that mounts it installs a Spark "
                "Connect client (pyspark[connect] or pyspark-client)", hint, seen);
    }
  }
  // Spark 3.x servers need the Connect plugin as a package; Spark 4 builds it in.
  for (const auto& conf : confs) {
    if (!is_connect_server(conf)) continue;
    std::string version = conf_spark_version(conf);
    if (!version.starts_with("3.")) continue;
    std::string scala = "2.12";
    if (const Value* c = conf_container(conf)) RE2::PartialMatch(string_at(*c, "image"), "scala(2\\.1[0-9])", &scala);
    std::string want = "org.apache.spark:spark-connect_" + scala + ":" + version;
    std::string found;
    const SparkConfEntry* where = nullptr;
    for (const char* key : {"spark.jars.packages", "spark.jars"}) {
      const SparkConfEntry* e = conf.find(key);
      std::string v;
      if (e && RE2::PartialMatch(e->value, "spark-connect_2\\.1[0-9][:-]([0-9][0-9.]*[0-9])", &v)) {
        found = v;
        where = e;
      }
    }
    std::string server = conf.pod && conf.pod->owner ? conf.pod->owner->ident() : conf.ident;
    if (found == version) continue;
    std::string msg = found.empty() ? "Spark Connect server \"" + server + "\" runs Spark " + version +
                                          " without the spark-connect package (built into Spark only from 4.0)"
                                    : "Spark Connect server \"" + server + "\" runs Spark " + version +
                                          " but loads spark-connect " + found;
    Fact at{"", "", where ? where : conf.find("spark.jars.packages")};
    if (!at.entry) {
      at.owner = conf.pod ? conf.pod->owner : conf.owner;
      if (conf.pod && !conf.container.empty()) {
        at.path = conf.container;
        at.path.push_back("image");
        at.path = conf.pod->path_of(at.path);
      }
    }
    report_at(ctx, rule, at, msg, "add \"" + want + "\" to spark.jars.packages", seen);
  }
}

}  // namespace sparkc::validate::detail
