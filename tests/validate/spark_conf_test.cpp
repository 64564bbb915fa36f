// The Spark configuration model: properties files, launcher command lines, shell scripts,
// DAG files and SparkApplications read into per-process settings.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "validate/rules.h"
#include "validate/spark_conf.h"

namespace fs = std::filesystem;
using namespace sparkc;
using namespace sparkc::validate::detail;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct TempChart {
  fs::path dir;
  explicit TempChart(const std::string& tmpl) {
    dir = fs::temp_directory_path() / "sparkc-spark-conf-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "templates");
    std::ofstream(dir / "Chart.yaml") << "apiVersion: v2\nname: t\nversion: 0.1.0\n";
    std::ofstream(dir / "values.yaml") << "{}\n";
    std::ofstream(dir / "templates" / "all.yaml") << tmpl;
  }
  ~TempChart() { fs::remove_all(dir); }
};

std::string keys_values(const SparkConf& c) {
  std::string out;
  for (const auto& e : c.entries) out += e.key + "=" + e.value + ";";
  return out;
}

}  // namespace

TEST_CASE("parse_properties reads Java properties as Spark does") {
  struct Row {
    const char* text;
    Pairs want;
  };
  const Row rows[] = {
      {"spark.a 1\n", {{"spark.a", "1"}}},
      {"spark.a=1\nspark.b:2\n", {{"spark.a", "1"}, {"spark.b", "2"}}},
      {"spark.a = 1 \n", {{"spark.a", "1"}}},                  // blanks around = and trailing
      {"  spark.a\t\t4g\n", {{"spark.a", "4g"}}},               // leading blanks, tabs
      {"# comment\n! also\n\nspark.a x\n", {{"spark.a", "x"}}},  // comments, blank lines
      {"spark.a a \\\n    b\n", {{"spark.a", "a b"}}},           // continuation drops indentation
      {"spark.a x\\\\\nspark.b y\n", {{"spark.a", "x\\"}, {"spark.b", "y"}}},  // escaped backslash
      {"spark\\ a b\n", {{"spark a", "b"}}},                     // escaped separator in key
      {"spark.a\n", {{"spark.a", ""}}},                          // key alone
      {"spark.a =b=c\n", {{"spark.a", "b=c"}}},                  // only the first = separates
      {"spark.a \\u0041\n", {{"spark.a", "A"}}},
      {"spark.a 1\r\nspark.b 2\r\n", {{"spark.a", "1"}, {"spark.b", "2"}}},
      {"spark.a 1\nspark.a 2\n", {{"spark.a", "1"}, {"spark.a", "2"}}},  // order kept
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    CHECK(parse_properties(r.text) == r.want);
  }
}

TEST_CASE("shell_words splits like sh") {
  using W = std::vector<std::string>;
  CHECK(shell_words("a b  c") == W{"a", "b", "c"});
  CHECK(shell_words("a 'b c' \"d e\"") == W{"a", "b c", "d e"});
  CHECK(shell_words("a \\\n  b") == W{"a", "b"});
  CHECK(shell_words("a; b && c\nd") == W{"a", ";", "b", ";", "c", ";", "d"});
  CHECK(shell_words("x=$(hostname -i) y # comment\nz") == W{"x=$(hostname -i)", "y", ";", "z"});
  CHECK(shell_words("\"a\\\"b\" c\\ d") == W{"a\"b", "c d"});
}

TEST_CASE("parse_launcher_args maps --conf and the keyed options") {
  std::vector<std::string> w = {"spark-submit", "--master", "k8s://https://x:443", "--deploy-mode=cluster",
                                "--conf",       "spark.a=1", "--conf=spark.b=2=3", "-c",
                                "spark.c=",     "--class",  "org.Main",          "--verbose",
                                "--num-executors", "3",     "app.jar",           "--conf",
                                "spark.app.arg=1"};
  std::string main_class;
  auto s = parse_launcher_args(w, 1, &main_class);
  REQUIRE(s.size() == 6);
  CHECK(s[0].key == "spark.master");
  CHECK(s[0].value == "k8s://https://x:443");
  CHECK(s[0].word == 2);
  CHECK(s[1].key == "spark.submit.deployMode");
  CHECK(s[1].value == "cluster");
  CHECK(s[1].word == 3);
  CHECK(s[2].key == "spark.a");
  CHECK(s[2].word == 5);
  CHECK(s[3].key == "spark.b");
  CHECK(s[3].value == "2=3");
  CHECK(s[4].key == "spark.c");
  CHECK(s[4].value == "");
  CHECK(s[5].key == "spark.executor.instances");
  CHECK(s[5].value == "3");
  CHECK(main_class == "org.Main");  // and nothing after the primary resource app.jar
}

TEST_CASE("launchers and JVM options") {
  CHECK(is_spark_launcher("/opt/spark/bin/spark-submit"));
  CHECK(is_spark_launcher("\"$SPARK_HOME/bin/spark-submit\""));
  CHECK(is_spark_launcher("start-connect-server.sh"));
  CHECK_FALSE(is_spark_launcher("spark-submit-wrapper"));
  CHECK(parse_java_options("-Xmx1g -Dspark.history.fs.logDirectory=s3a://b/e -Dspark.x") ==
        Pairs{{"spark.history.fs.logDirectory", "s3a://b/e"}, {"spark.x", ""}});
}

TEST_CASE("spark_confs joins a defaults file with the command line of the pod that mounts it") {
  TempChart chart(
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "metadata:\n"
      "  name: conf\n"
      "data:\n"
      "  spark-defaults.conf: |\n"
      "    spark.master k8s://https://kubernetes.default.svc\n"
      "    spark.driver.memory 1g\n"
      "  dag.py: |\n"
      "    \"\"\"runs spark-submit in cluster mode\"\"\"\n"
      "    ENV = {\"SPARK_CONF_DIR\": \"/opt/conf\"}\n"
      "    SUBMIT = (\n"
      "        '\"$SPARK_HOME/bin/spark-submit\"'\n"
      "        \" --deploy-mode cluster\"\n"
      "        \" --conf spark.executor.instances=2\"\n"
      "        \" local:///app.py\"\n"
      "    )\n"
      "---\n"
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: server\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: spark\n"
      "          args: [/opt/spark/bin/spark-submit, --conf, spark.driver.memory=2g, --class, X]\n"
      "          env:\n"
      "            - {name: SPARK_HISTORY_OPTS, value: \"-Dspark.ui.port=4041\"}\n"
      "          volumeMounts:\n"
      "            - {name: c, mountPath: /opt/spark/conf}\n"
      "      volumes:\n"
      "        - name: c\n"
      "          configMap: {name: conf}\n"
      "---\n"
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: airflow\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: worker\n"
      "          volumeMounts:\n"
      "            - {name: c, mountPath: /opt/conf}\n"
      "            - {name: c, mountPath: /dags/dag.py, subPath: dag.py}\n"
      "        - name: script\n"
      "          command: [/bin/bash, -ec]\n"
      "          args:\n"
      "            - |\n"
      "              set -e\n"
      "              exec /opt/spark/sbin/start-connect-server.sh \\\n"
      "                --conf \"spark.connect.grpc.binding.port=15002\"\n"
      "      volumes:\n"
      "        - name: c\n"
      "          configMap: {name: conf}\n"
      "---\n"
      "apiVersion: sparkoperator.k8s.io/v1beta2\n"
      "kind: SparkApplication\n"
      "metadata:\n"
      "  name: app\n"
      "spec:\n"
      "  sparkVersion: \"4.1.0\"\n"
      "  mode: cluster\n"
      "  sparkConf:\n"
      "    spark.eventLog.enabled: \"true\"\n"
      "  hadoopConf:\n"
      "    fs.s3a.path.style.access: \"true\"\n"
      "  driver: {cores: 1, serviceAccount: spark}\n"
      "  executor: {instances: 2}\n"
      "  dynamicAllocation: {enabled: true}\n");
  validate::Options opts;
  Context ctx(chart.dir.string(), "t", opts);
  auto confs = spark_confs(ctx);
  REQUIRE(confs.size() == 4);

  // The server: the file, then -D options and --conf (the command line wins).
  const SparkConf& server = confs[0];
  CHECK(server.ident == "ConfigMap/conf[spark-defaults.conf] + Deployment/server containers[0]");
  CHECK(server.origin == "defaults-file+command-line");
  CHECK(server.program == "spark-submit");
  CHECK(server.main_class == "X");
  REQUIRE(server.pod);
  CHECK(server.pod->ident == "Deployment/server");
  CHECK(server.get("spark.driver.memory") == "2g");
  CHECK(server.get("spark.ui.port") == "4041");
  CHECK(server.get("spark.unset", "d") == "d");
  CHECK(server.on_kubernetes());
  REQUIRE(server.find("spark.driver.memory"));
  CHECK(format_field_path(server.find("spark.driver.memory")->path) == "spec.template.spec.containers[0].args[2]");
  CHECK(format_field_path(server.find("spark.master")->path) == "data.spark-defaults.conf");

  // The DAG: it reads the file at its SPARK_CONF_DIR in the pod that mounts it.
  const SparkConf& dag = confs[1];
  CHECK(dag.ident == "ConfigMap/conf[spark-defaults.conf] + ConfigMap/conf[dag.py]");
  CHECK(dag.origin == "defaults-file+dag");
  REQUIRE(dag.pod);
  CHECK(dag.pod->ident == "Deployment/airflow");
  CHECK(keys_values(dag) ==
        "spark.master=k8s://https://kubernetes.default.svc;spark.driver.memory=1g;"
        "spark.submit.deployMode=cluster;spark.executor.instances=2;");

  // The sh -c script: its own process, without a defaults file (the container mounts none
  // at /opt/spark/conf and no other).
  const SparkConf& script = confs[2];
  CHECK(script.origin == "command-line");
  CHECK(script.program == "start-connect-server.sh");
  CHECK(keys_values(script) == "spark.connect.grpc.binding.port=15002;");
  CHECK(format_field_path(script.entries[0].path) == "spec.template.spec.containers[1].args[0]");
  CHECK_FALSE(script.on_kubernetes());

  const SparkConf& app = confs[3];
  CHECK(app.origin == "spark-application");
  CHECK(app.declared_version == "4.1.0");
  CHECK(app.on_kubernetes());
  REQUIRE(app.pod);
  CHECK(app.pod->spark_role == "driver");
  CHECK(app.get("spark.hadoop.fs.s3a.path.style.access") == "true");
  CHECK(app.get("spark.kubernetes.authenticate.driver.serviceAccountName") == "spark");
  CHECK(app.get("spark.executor.instances") == "2");
  CHECK(app.get("spark.driver.cores") == "1");
  CHECK(app.is_true("spark.dynamicAllocation.enabled"));
  CHECK(format_field_path(app.find("spark.eventLog.enabled")->path) == "spec.sparkConf.spark.eventLog.enabled");
}

TEST_CASE("report_entry points at the line of the key inside a defaults file") {
  TempChart chart(
      "apiVersion: v1\n"                  // 1
      "kind: ConfigMap\n"                 // 2
      "metadata:\n"                       // 3
      "  name: conf\n"                    // 4
      "data:\n"                           // 5
      "  spark-defaults.conf: |\n"        // 6
      "    spark.master local\n"          // 7
      "    spark.driver.memory 1g\n"      // 8
      "  other: x\n");                    // 9
  validate::Options opts;
  Context ctx(chart.dir.string(), "t", opts);
  auto confs = spark_confs(ctx);
  REQUIRE(confs.size() == 1);
  report_entry(ctx, "spark-unknown-key", *confs[0].find("spark.driver.memory"), "m", "h");
  auto r = ctx.finish();
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].location.line == 8);
  CHECK(r.diagnostics[0].location.col == 5);
  CHECK(r.diagnostics[0].path == "ConfigMap/conf:data.spark-defaults.conf:spark.driver.memory");
}

TEST_CASE("known keys, families and value types") {
  CHECK(find_spark_key("spark.executor.memory"));
  CHECK_FALSE(find_spark_key("spark.executor.memroy"));
  CHECK(spark_key_names().count("spark.kubernetes.executor.podNamePrefix"));
  CHECK(is_spark_key_family("spark.hadoop.fs.s3a.endpoint"));
  CHECK(is_spark_key_family("spark.kubernetes.driverEnv.HOME"));
  CHECK_FALSE(is_spark_key_family("spark.kubernetes.driverEnv."));  // the prefix alone names nothing
  CHECK_FALSE(is_spark_key_family("spark.kubernetes.driver.env.HOME"));
  CHECK(is_open_spark_namespace("spark.sql.optimizer.x"));
  CHECK_FALSE(is_open_spark_namespace("spark.kubernetes.x"));

  struct Row {
    const char* key;
    const char* value;
    bool ok;
  };
  const Row rows[] = {
      {"spark.executor.memory", "4g", true},       {"spark.executor.memory", "4G", true},
      {"spark.executor.memory", "512", true},      {"spark.executor.memory", "4gb", true},
      {"spark.executor.memory", "4Gi", false},     {"spark.executor.memory", "1.5g", false},
      {"spark.executor.memory", "four", false},    {"spark.sql.autoBroadcastJoinThreshold", "-1", true},
      {"spark.network.timeout", "120s", true},     {"spark.network.timeout", "120", true},
      {"spark.network.timeout", "2min", true},     {"spark.network.timeout", "2 minutes", false},
      {"spark.network.timeout", "1.5s", false},    {"spark.eventLog.enabled", "TRUE", true},
      {"spark.eventLog.enabled", " false ", true}, {"spark.eventLog.enabled", "yes", false},
      {"spark.executor.instances", "3", true},     {"spark.executor.instances", "3.0", false},
      {"spark.memory.fraction", "0.6", true},      {"spark.memory.fraction", "1.2", false},
      {"spark.submit.deployMode", "cluster", true}, {"spark.submit.deployMode", "Cluster", false},
      {"spark.scheduler.mode", "fair", true},      {"spark.scheduler.mode", "round-robin", false},
      {"spark.executor.instances", "${N}", true},  {"spark.kubernetes.driver.pod.name", "$(POD_NAME)", true},
  };
  for (const auto& r : rows) {
    CAPTURE(r.key);
    CAPTURE(r.value);
    const SparkKey* k = find_spark_key(r.key);
    REQUIRE(k);
    CHECK(spark_value_problem(*k, r.value).empty() == r.ok);
  }
}

TEST_CASE("master URLs") {
  const SparkKey* k = find_spark_key("spark.master");
  REQUIRE(k);
  for (const char* ok : {"local", "local[4]", "local[*]", "k8s://https://kubernetes.default.svc:443", "spark://m:7077",
                         "spark://a:7077,b:7077", "yarn"}) {
    CAPTURE(ok);
    CHECK(spark_value_problem(*k, ok).empty());
  }
  for (const char* bad : {"kubernetes", "k8s://", "https://kubernetes.default.svc", "local[4"}) {
    CAPTURE(bad);
    CHECK_FALSE(spark_value_problem(*k, bad).empty());
  }
}
