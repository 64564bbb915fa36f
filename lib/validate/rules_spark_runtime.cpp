// The spark group, runtime half: Spark processes and versions (client and server Python and
// PySpark, packages, command lines, mounts, replicas) and the capacity their pods need. The
// registry entries and the command-line and replica rules live here; the others in
// spark_runtime_{versions,mounts,capacity}.cpp.
#include <set>

#include "validate/rules.h"
#include "validate/spark_runtime.h"

namespace sparkc::validate::detail {

using diag::Severity;

std::vector<RuleInfo> spark_runtime_rule_infos() {
  return {
      {"spark-python-version-mismatch", "spark",
       "Python or PySpark minor versions differ between a client, the driver and the executors",
       "PySpark refuses to run Python code on executors whose Python minor version differs from the "
       "driver's or the Spark Connect client's (\"Python in worker has different version 3.10 than "
       "that in driver 3.12\"), and a PySpark client of another Spark line than the server fails "
       "on plans and protocol messages the server does not know",
       "use images with the same Python minor version for the client, the driver and the "
       "executors, and pin the PySpark client to the server's Spark version",
       Severity::Error,
       "image: apache/airflow:3.1.8-python3.12   # client\n"
       "spark.kubernetes.container.image: apache/spark:4.1.0-scala2.13-java17-python3-ubuntu  # Python 3.10\n"},
      {"spark-hadoop-aws-mismatch", "spark",
       "hadoop-aws differs from Spark's Hadoop, or the AWS SDK from hadoop-aws's",
       "hadoop-aws must be the exact version of the hadoop-common jars Spark ships, and it is "
       "built against one AWS SDK release: any other pair fails at the first s3a:// access with "
       "NoSuchMethodError, ClassNotFoundException or NumberFormatException",
       "use org.apache.hadoop:hadoop-aws at the Hadoop version of your Spark release and the AWS "
       "SDK bundle that hadoop-aws release names",
       Severity::Error,
       "spark.jars.packages: org.apache.hadoop:hadoop-aws:3.3.6   # Spark 3.5 ships Hadoop 3.3.4\n"},
      {"spark-connect-client-missing", "spark",
       "a Spark Connect client without the Connect client packages, or a Spark 3.5 Connect server "
       "without the spark-connect package",
       "`SparkSession.builder.remote(...)` fails with \"ImportError: grpcio >= ... must be "
       "installed\" (or pyspark-client is missing entirely); a Spark 3.x server started without "
       "org.apache.spark:spark-connect fails with ClassNotFoundException: SparkConnectServer",
       "install pyspark[connect] or pyspark-client pinned to the server's Spark version in the "
       "client; on Spark 3.x add org.apache.spark:spark-connect_<scala>:<spark> to "
       "spark.jars.packages of the server",
       Severity::Error,
       "env:\n  - name: SPARK_REMOTE\n    value: sc://connect:15002   # and no pip install of pyspark[connect]\n"},
      {"spark-properties-file-order", "spark",
       "a spark-submit option comes after the application jar or .py file",
       "spark-submit passes every word after the primary resource to the application: the "
       "option (--properties-file, --conf, --master, ...) is silently ignored, and the job runs "
       "with other settings than the ones written",
       "move the spark-submit options before the application; only the application's own "
       "arguments follow it",
       Severity::Error,
       "args: [spark-submit, --class, Main, app.jar, --properties-file, /etc/spark/job.conf]\n"},
      {"spark-readonly-mount-write", "spark",
       "a directory Spark writes is a read-only mount or on a read-only root filesystem",
       "ConfigMap, Secret, downwardAPI and projected volumes are always read-only, as are mounts "
       "with readOnly: true and, with readOnlyRootFilesystem, every path no volume covers: Spark "
       "fails at start or at the first shuffle with \"Read-only file system\" or \"Failed to "
       "create local dir\", and without a writable java.io.tmpdir at the first compressed write "
       "(\"Could not initialize class org.xerial.snappy.Snappy\")",
       "mount an emptyDir (or a writable volume) at the directory, or point the setting at one",
       Severity::Error,
       "spark.local.dir: /opt/spark/conf/tmp   # /opt/spark/conf is a ConfigMap volume\n"},
      {"spark-connect-replicas", "spark",
       "a Spark Connect server on Kubernetes runs more than one replica",
       "each replica is an independent driver with its own sessions and executors: a client "
       "behind the Service lands on another replica at its next connection and loses its "
       "session, temporary views and cached data (\"INVALID_HANDLE.SESSION_NOT_FOUND\")",
       "run one replica per Connect server; scale executors (dynamic allocation) instead, or "
       "give each team its own server and Service",
       Severity::Error,
       "kind: Deployment\nspec:\n  replicas: 2   # runs SparkConnectServer with spark.master k8s://...\n"},
      {"spark-capacity", "spark",
       "the chart's pods and the Spark pods they create request more than --capacity",
       "pods whose requests do not fit stay Pending: executors never start and jobs hang "
       "waiting for resources (\"Initial job has not accepted any resources\")",
       "lower the requests, replicas or executor counts, or give the namespace more capacity",
       Severity::Error,
       "# --capacity cpu=4,memory=8Gi\nspark.executor.instances: 8\nspark.executor.memory: 4g\n"},
  };
}

// --- spark-properties-file-order ----------------------------------------------------------

namespace {

// spark-submit options that take a value (SparkSubmitOptionParser).
const std::set<std::string>& submit_valued_options() {
  static const std::set<std::string> s = {
      "--master", "--remote", "--deploy-mode", "--name", "--jars", "--packages", "--exclude-packages",
      "--repositories", "--files", "--archives", "--py-files", "--driver-memory", "--driver-java-options",
      "--driver-library-path", "--driver-class-path", "--driver-cores", "--executor-memory",
      "--executor-cores", "--num-executors", "--total-executor-cores", "--queue", "--principal",
      "--keytab", "--class", "--properties-file", "--proxy-user", "--kill", "--status", "--conf", "-c"};
  return s;
}

void check_submit_order(Context& ctx, const SparkConf& conf, std::set<std::string>& seen) {
  if (conf.program != "spark-submit" || conf.argv.size() < 2) return;
  const auto& w = conf.argv;
  size_t resource = 0;
  for (size_t i = 1; i < w.size() && w[i] != ";"; ++i) {
    std::string opt = w[i].substr(0, w[i].find('='));
    if (submit_valued_options().count(opt)) {
      if (w[i].find('=') == std::string::npos || opt == "-c") ++i;
      continue;
    }
    if (w[i].starts_with("-")) continue;  // a switch: --verbose, --supervise
    resource = i;
    break;
  }
  if (resource == 0) return;
  for (size_t i = resource + 1; i < w.size() && w[i] != ";"; ++i) {
    std::string opt = w[i].substr(0, w[i].find('='));
    if (opt == "-c" || !submit_valued_options().count(opt)) continue;
    std::string msg = "spark-submit option \"" + opt + "\" comes after the application \"" + w[resource] +
                      "\": spark-submit passes it to the application and ignores it";
    std::string hint = "move \"" + opt + "\" and its value before \"" + w[resource] +
                       "\"; only the application's own arguments follow it";
    // Where to point: the argument that is the option, else the script or DAG file that
    // writes the command (report_entry then finds the option's line inside it).
    const std::string rule = "spark-properties-file-order";
    if (const Value* c = conf_container(conf)) {
      bool after = false, done = false;
      for (const auto& [p, text] : command_words(conf.container, *c)) {
        if (text == w[resource]) after = true;
        if (after && text == w[i]) {
          FieldPath full = conf.pod->path_of(p);
          if (seen.insert(conf.pod->owner->ident() + format_field_path(full) + opt).second) {
            ctx.report_object(rule, *conf.pod->owner, full, msg, hint);
          }
          done = true;
          break;
        }
        if (text.find(w[resource]) != std::string::npos && text.find(opt) != std::string::npos) {
          SparkConfEntry at{opt, "", conf.pod->owner, conf.pod->path_of(p)};
          if (seen.insert(at.owner->ident() + format_field_path(at.path) + opt).second) report_entry(ctx, rule, at, msg, hint);
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    for (const auto& e : conf.entries) {
      // A DAG file's entries sit at its data key; a defaults file's key ends in .conf.
      if (!e.owner || e.path.size() != 2 || e.path[0] != "data" || e.path[1].ends_with(".conf")) continue;
      SparkConfEntry at{opt, "", e.owner, e.path};
      if (seen.insert(at.owner->ident() + format_field_path(at.path) + opt).second) report_entry(ctx, rule, at, msg, hint);
      break;
    }
  }
}

}  // namespace

void check_properties_file_order(Context& ctx, const std::vector<SparkConf>& confs) {
  std::set<std::string> seen;
  for (const auto& conf : confs) check_submit_order(ctx, conf, seen);
}

// --- spark-connect-replicas ---------------------------------------------------------------

void check_connect_replicas(Context& ctx, const std::vector<SparkConf>& confs) {
  const auto* objects = ctx.objects();
  if (!objects) return;
  std::set<const RenderedObject*> done;
  for (const auto& conf : confs) {
    if (!is_connect_server(conf) || !conf.on_kubernetes() || !conf.pod || !conf.pod->owner) continue;
    const RenderedObject& w = *conf.pod->owner;
    if (w.kind != "Deployment" && w.kind != "StatefulSet" && w.kind != "ReplicaSet") continue;
    if (!done.insert(&w).second) continue;
    std::string hint = "set replicas to 1 and scale executors instead (spark.dynamicAllocation.maxExecutors)";
    // Numbers come out of YAML as integers or floats, as Helm's do.
    const Value* rv = value_at(w.doc, {"spec", "replicas"});
    int64_t r = rv ? static_cast<int64_t>(quantity_of(*rv).value_or(1)) : 1;
    if (r > 1) {
      ctx.report_object("spark-connect-replicas", w, {"spec", "replicas"},
                        "Spark Connect server \"" + w.ident() + "\" runs " + std::to_string(r) +
                            " replicas on Kubernetes: each is its own driver, so clients lose their "
                            "sessions when the Service sends them to another replica",
                        hint);
    }
    // An autoscaler adds replicas the same way.
    for (const auto& o : *objects) {
      if (o.kind != "HorizontalPodAutoscaler") continue;
      const Value* ref = value_at(o.doc, {"spec", "scaleTargetRef"});
      const Value* mv = value_at(o.doc, {"spec", "maxReplicas"});
      if (!ref || string_at(*ref, "kind") != w.kind || string_at(*ref, "name") != w.name) continue;
      int64_t max = mv ? static_cast<int64_t>(quantity_of(*mv).value_or(1)) : 1;
      if (max <= 1) continue;
      ctx.report_object("spark-connect-replicas", o, {"spec", "maxReplicas"},
                        "\"" + o.ident() + "\" scales Spark Connect server \"" + w.ident() + "\" to " +
                            std::to_string(max) +
                            " replicas: each is its own driver, so clients lose their sessions",
                        "remove the autoscaler or set maxReplicas to 1");
    }
  }
}

void run_spark_runtime_rules(Context& ctx) {
  if (!ctx.objects()) return;
  std::vector<SparkConf> confs = spark_confs(ctx);
  check_python_versions(ctx, confs);
  check_hadoop_aws(ctx, confs);
  check_connect_client(ctx, confs);
  check_properties_file_order(ctx, confs);
  check_readonly_mounts(ctx, confs);
  check_connect_replicas(ctx, confs);
  check_capacity(ctx, confs);
}

}  // namespace sparkc::validate::detail
