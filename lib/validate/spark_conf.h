// The Spark configuration model: every Spark configuration the chart hands a Spark process,
// entry by entry, with the field of the rendered object that writes it. Sources:
//   - spark-defaults files in ConfigMaps (Java properties syntax),
//   - `--conf k=v` and the spark-submit options that stand for a key (--master, --name, ...)
//     in container commands, `sh -c` scripts and Airflow DAG files,
//   - `-Dspark.k=v` in the *_OPTS environment variables of Spark daemons,
//   - SparkApplication and ScheduledSparkApplication specs (sparkConf, hadoopConf, and the
//     fields the operator turns into configuration).
// A defaults file is joined with the command line of each container that mounts it, so a
// SparkConf is what one Spark process sees (the command line wins, as in spark-submit).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "validate/objects.h"

namespace sparkc::validate::detail {

class Context;

// One key=value setting and where it is written.
struct SparkConfEntry {
  std::string key, value;
  const RenderedObject* owner = nullptr;  // the object whose template writes it
  FieldPath path;  // the field of owner->doc that writes it: {"data", "spark-defaults.conf"},
                   // {..., "containers", "0", "args", "3"}, {"spec", "sparkConf", KEY}
};

// The configuration of one Spark process.
struct SparkConf {
  const RenderedObject* owner = nullptr;  // where the configuration starts (the defaults file's
                                          // ConfigMap, the workload, the SparkApplication)
  // "ConfigMap/x[spark-defaults.conf]", "Deployment/y containers[0]",
  // "ConfigMap/x[spark-defaults.conf] + Deployment/y containers[0]", "SparkApplication/z".
  std::string ident;
  // "defaults-file", "command-line", "defaults-file+command-line", "dag", "defaults-file+dag",
  // "spark-application".
  std::string origin;
  // The pod that runs the Spark process, when known (it mounts the defaults file or runs the
  // command line; for a SparkApplication, its driver); nullptr otherwise.
  const Pod* pod = nullptr;
  // The container of `pod` that runs it ({"containers", "0"} below the pod spec), when known.
  FieldPath container;
  // The launcher: "spark-submit", "start-connect-server.sh", "start-history-server.sh",
  // "pyspark", ... (basename); "spark-operator" for a SparkApplication; "" when not known.
  std::string program;
  std::string main_class;       // --class, when given
  std::string declared_version; // SparkApplication spec.sparkVersion
  // The launcher's command line (launcher first), as written; empty for files and apps.
  std::vector<std::string> argv;
  // All settings in the order Spark applies them: the defaults file, then the command line.
  std::vector<SparkConfEntry> entries;

  // The effective entry of `key` (the last one), or nullptr.
  const SparkConfEntry* find(std::string_view key) const;
  // The effective value of `key`, or `fallback`.
  std::string get(std::string_view key, std::string_view fallback = "") const;
  // Whether `key` is set to true (case-insensitive, as Spark reads booleans).
  bool is_true(std::string_view key) const;
  // Whether the process talks to Kubernetes: spark.master starts with k8s://, or it is a
  // SparkApplication.
  bool on_kubernetes() const;
};

// Every Spark configuration of the chart, in object order (empty when the chart does not
// render). Pointers refer into ctx.objects() and ctx.pods().
std::vector<SparkConf> spark_confs(Context& ctx);

// Reports a finding about `e` located at its line: inside a defaults file or a DAG the line
// that writes the key when the template writes it plainly, else the field. Per-object
// suppression and --disable apply as for Context::report_object.
void report_entry(Context& ctx, const std::string& rule_id, const SparkConfEntry& e,
                  std::string message, std::string hint = "");

// --- Known keys (spark_keys.cpp) -------------------------------------------------------------

// How Spark reads the value of a key.
enum class SparkValueType {
  kAny,       // any text (paths, class names, lists, URLs)
  kBool,      // true or false, case-insensitive
  kInt,       // a whole number
  kSize,      // a JVM byte size: a whole number with an optional b/k/m/g/t/p suffix (4g, 512m)
  kTime,      // a duration: a whole number with an optional us/ms/s/m/min/h/d suffix (60s)
  kFraction,  // a decimal number from 0 to 1
  kDouble,    // a decimal number
  kEnum,      // one of a fixed list of words
  kMaster,    // a master URL: local, local[N], local[*], k8s://..., spark://..., yarn
};

// A key of Spark's configuration documentation (3.5 and 4.x).
struct SparkKey {
  std::string_view key;
  SparkValueType type = SparkValueType::kAny;
  std::string_view choices;  // kEnum: the words, separated by '|'
  bool ignore_case = false;  // kEnum: whether Spark compares them case-insensitively
};

// The documented key `key`, or nullptr.
const SparkKey* find_spark_key(std::string_view key);
// Every documented key, for did-you-mean hints.
const std::set<std::string>& spark_key_names();
// Whether `key` belongs to a documented family of free-form keys (spark.hadoop.*,
// spark.executorEnv.*, spark.kubernetes.driver.label.*, ...).
bool is_spark_key_family(std::string_view key);
// Whether `key` lies in a namespace whose keys are too many to list (spark.sql.*, spark.ui.*,
// ...): an unlisted key there is only suspect when it is close to a listed one.
bool is_open_spark_namespace(std::string_view key);
// Why `value` is not valid for `k`, or "" when it is (values with ${...} or $(...)
// substitutions are taken as valid).
std::string spark_value_problem(const SparkKey& k, std::string_view value);

// --- Parsers, exposed for tests -------------------------------------------------------------

// The key/value pairs of a Java properties text, as java.util.Properties.load reads it
// (comments with # or !, `k v`, `k=v`, `k:v`, backslash continuation lines and escapes), with
// values trimmed as Spark does, in file order.
std::vector<std::pair<std::string, std::string>> parse_properties(std::string_view text);

// Splits a shell script into words as sh does for simple commands: quotes, backslashes and
// comments; command separators (newline, ;, &&, ||, |, &) become the word ";".
std::vector<std::string> shell_words(std::string_view script);

// The settings a spark launcher command line gives, from the word after the launcher on:
// --conf k=v, --conf=k=v, -c k=v, and the options that stand for keys (--master,
// --deploy-mode, --name, --driver-memory, --executor-memory, --driver-cores,
// --executor-cores, --num-executors, --packages, --jars, --py-files, --files,
// --repositories, --exclude-packages, --queue, --total-executor-cores, --driver-java-options,
// --driver-library-path, --driver-class-path, --proxy-user). Each pair is (index of the word
// holding the value, key, value); the main class goes to `main_class` when given.
struct CommandLineSetting {
  size_t word = 0;
  std::string key, value;
};
std::vector<CommandLineSetting> parse_launcher_args(const std::vector<std::string>& words, size_t from,
                                                    std::string* main_class = nullptr);

// Whether `word` names a Spark launcher (spark-submit, pyspark, spark-shell, spark-sql,
// start-connect-server.sh, start-thriftserver.sh, start-history-server.sh, start-master.sh,
// start-worker.sh, spark-class), by its basename.
bool is_spark_launcher(std::string_view word);

// The -Dspark.k=v settings of a JVM options string (SPARK_HISTORY_OPTS, ...).
std::vector<std::pair<std::string, std::string>> parse_java_options(std::string_view opts);

}  // namespace sparkc::validate::detail
