// Facts the spark runtime rules share: what an image tag says about Spark and Python, which
// Python packages a container installs, the files it mounts from ConfigMaps, which Spark
// process is a Spark Connect server, and the version tables the rules compare against.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "validate/objects.h"
#include "validate/spark_conf.h"

namespace sparkc::validate::detail {

class Context;

// A version as "major.minor" ("4.1.0" -> "4.1"); "" when `v` does not start with one.
std::string minor_of(std::string_view v);

// What the tag of a Spark image says: apache/spark (or spark, apache/spark-py) tags start with
// the Spark version; the Python of the apache/spark Ubuntu images comes from the version
// catalogue (templates/versions.yaml) for the lines it knows, or from a python3.X tag part.
struct SparkImage {
  std::string spark;   // "4.1.0"
  std::string python;  // "3.10"; "" when not known
};
std::optional<SparkImage> spark_image(std::string_view image);

// The Python minor version a non-Spark image ships, from its tag: "python-3.10",
// "3.1.8-python3.12", python:3.11-slim; "" when the tag does not say.
std::string image_python(std::string_view image);

// The Python minor version an interpreter path names ("python3.11", "/usr/bin/python3.9");
// "" for "python3" or "python".
std::string interpreter_python(std::string_view path);

// A Python requirement a container installs.
struct PipRequirement {
  std::string name;     // normalised: lower case, '_' -> '-' ("pyspark")
  std::string extras;   // "connect" for pyspark[connect]
  std::string version;  // the pinned or minimum version, "" when unpinned
  std::string spec;     // as written ("pyspark[connect]==3.5.7")
  // Where it is written: the object and field (a container's command/args entry or a
  // ConfigMap data key).
  const RenderedObject* owner = nullptr;
  FieldPath path;
};

// A file a container sees from a ConfigMap volume (or a projected ConfigMap source).
struct MountedFile {
  const RenderedObject* configmap = nullptr;
  std::string key;   // the data key
  std::string path;  // where the container sees it
  const std::string* text = nullptr;
};
std::vector<MountedFile> mounted_files(Context& ctx, const Pod& pod, const Value& container);

// The container's command and args with their field paths below the pod spec.
std::vector<std::pair<FieldPath, std::string>> command_words(const FieldPath& container_path,
                                                              const Value& container);

// Every requirement the container installs: `pip install` words on its command line and in the
// scripts it mounts, and requirements files (`-r FILE`, or *requirements*.txt) it mounts.
std::vector<PipRequirement> pip_requirements(Context& ctx, const Pod& pod,
                                             const FieldPath& container_path,
                                             const Value& container);

// The value of the container's env var `name` (literal values only), or nullopt; `index` gets
// the position in env.
std::optional<std::string> env_value(const Value& container, std::string_view name,
                                     size_t* index = nullptr);

// Whether `conf` starts a Spark Connect server.
bool is_connect_server(const SparkConf& conf);

// How messages name the process of `conf`: "Deployment/x" container "y" when its pod is
// known, else its configuration ("ConfigMap/x[spark-defaults.conf]").
std::string process_name(const SparkConf& conf);

// The container value of `conf` (nullptr when its pod or container is unknown).
const Value* conf_container(const SparkConf& conf);

// The Spark version `conf` runs: the SparkApplication's sparkVersion, else the Spark image of
// its container, else of spark.kubernetes.container.image; "" when unknown.
std::string conf_spark_version(const SparkConf& conf);

// The Hadoop release a Spark release bundles ("3.5.7" -> "3.3.4"); "" when not in our table.
std::string spark_hadoop_version(std::string_view spark_version);

// The AWS SDK artifact and version a hadoop-aws release is built against ({"", ""} when not
// in our table).
std::pair<std::string, std::string> hadoop_aws_sdk(std::string_view hadoop_version);

// The rules, one function each (spark_runtime_*.cpp).
void check_python_versions(Context& ctx, const std::vector<SparkConf>& confs);
void check_hadoop_aws(Context& ctx, const std::vector<SparkConf>& confs);
void check_connect_client(Context& ctx, const std::vector<SparkConf>& confs);
void check_properties_file_order(Context& ctx, const std::vector<SparkConf>& confs);
void check_readonly_mounts(Context& ctx, const std::vector<SparkConf>& confs);
void check_connect_replicas(Context& ctx, const std::vector<SparkConf>& confs);
void check_capacity(Context& ctx, const std::vector<SparkConf>& confs);

}  // namespace sparkc::validate::detail
