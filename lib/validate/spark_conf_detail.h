// Private to spark_conf*.cpp: the text helpers the parsers and the gathering share, and the
// sources of Spark settings (defaults files, container command lines, DAG files,
// SparkApplications) that spark_confs() joins per Spark process.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "validate/spark_conf.h"

namespace sparkc::validate::detail {

// A blank inside a line of a properties file: space, tab or form feed.
bool is_space(char c);
// `s` in lower case (ASCII).
std::string lower(std::string_view s);
// `s` without leading and trailing blanks and line breaks.
std::string trim(std::string_view s);
// The last path segment of a command word, without quotes.
std::string basename(std::string_view w);

// A spark-defaults file: a ConfigMap entry whose name ends in .conf and that sets spark.* keys.
struct DefaultsFile {
  const RenderedObject* owner;
  std::string key;
  std::vector<SparkConfEntry> entries;
};

// Something that runs (or may run) Spark with a command line: a container, or a DAG file.
struct Launch {
  const Pod* pod = nullptr;
  FieldPath container;
  const RenderedObject* owner = nullptr;  // owner of the command-line entries
  std::string ident, program, main_class, kind;  // kind: "command-line" or "dag"
  std::vector<std::string> argv;
  std::vector<SparkConfEntry> entries;
  const DefaultsFile* defaults = nullptr;
};

// The files a container sees from ConfigMaps: absolute path -> (ConfigMap name, key).
std::map<std::string, std::pair<std::string, std::string>> configmap_files(const Pod& pod, const Value& c);

// The spark-defaults files among the ConfigMap entries of `objects`.
std::vector<DefaultsFile> defaults_files(const std::vector<RenderedObject>& objects);

// The literal value of the container's environment variable `name`, or "".
std::string env_text(const Value& c, std::string_view name);

// The defaults file the process sees: the one at its configuration directory, else the one
// its --properties-file names, else (when `anywhere`) any it mounts.
const DefaultsFile* defaults_seen(const std::vector<DefaultsFile>& files,
                                  const std::map<std::string, std::pair<std::string, std::string>>& mounted,
                                  const std::string& conf_dir, const std::string& properties_file,
                                  bool anywhere = true);

// The word after --properties-file in `words`, or "".
std::string properties_file_of(const std::vector<std::string>& words);

// The Spark process a container runs: its launcher and settings on the command line (directly
// or in an `sh -c` script) and in *_OPTS environment variables.
Launch container_launch(const Pod& pod, const FieldPath& cpath, const Value& c);

// The spark-submit command lines of a DAG file: each run of lines whose string literals
// concatenate (Python joins adjacent literals) is read as one shell command.
std::vector<Launch> dag_launches(const RenderedObject& o, const std::string& key, const std::string& text);

// The directory a DAG sets SPARK_CONF_DIR to ("SPARK_CONF_DIR": "/x" or SPARK_CONF_DIR=/x), or "".
std::string dag_conf_dir(const std::string& text);

// A SparkApplication's settings: spec.sparkConf, spec.hadoopConf as spark.hadoop.*, and the
// typed fields the operator passes to spark-submit as configuration.
SparkConf application_conf(const RenderedObject& o, const std::vector<Pod>& pods);

}  // namespace sparkc::validate::detail
