// Helm charts: loading (directories and .tgz), values from -f/--set, dependency processing,
// rendering, and the output of `helm template`.
//
// Everything here mirrors Helm v3's behaviour (pkg/chart/loader, pkg/chartutil,
// pkg/strvals, pkg/engine, pkg/releaseutil, pkg/action) so that `spark-constructor template`
// prints the bytes `helm template` prints.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::chart {

// A chart error with Helm's wording; what() is the message Helm prints after "Error: ".
class ChartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file of a chart: its path relative to the chart root and its bytes.
struct File {
  std::string name;
  std::string data;
};

// A dependency declared in Chart.yaml (or requirements.yaml for apiVersion v1).
struct Dependency {
  std::string name;
  std::string version;
  std::string repository;
  std::string condition;
  std::vector<std::string> tags;
  bool enabled = true;
  std::vector<Value> import_values;  // strings or {child, parent} maps
  std::string alias;
};

// Chart.yaml. `raw` keeps the parsed document; the typed fields are what Helm reads.
struct Metadata {
  Value raw;  // the parsed Chart.yaml
  std::string name, version, api_version, app_version, kube_version, description, type;
  std::vector<Dependency> dependencies;
  bool has_dependencies = false;  // a dependencies list is declared (even an empty one)
};

// A loaded chart and its subcharts.
struct Chart {
  Metadata metadata;
  Value values;                     // values.yaml as a map (nil-free map when absent)
  std::string schema;               // values.schema.json, raw
  std::vector<File> templates;      // templates/**
  std::vector<File> files;          // every other file (.Files), including crds/
  std::vector<std::shared_ptr<Chart>> dependencies;  // loaded subcharts
  Chart* parent = nullptr;
  // An aliased copy keeps the chart it was copied from alive, as its subcharts may still
  // name that chart as their parent (Helm's getAliasDependency shares them).
  std::shared_ptr<Chart> keep_alive;

  const std::string& name() const { return metadata.name; }
  bool is_root() const { return parent == nullptr; }
  // "parent/charts/child": the prefix of this chart's template names.
  std::string full_path() const;
  bool is_library() const { return metadata.type == "library"; }
};

// Loads a chart from a directory or a .tgz archive, as Helm's loader.Load does, and
// validates Chart.yaml. Throws ChartError.
std::shared_ptr<Chart> load_chart(const std::string& path);

// Where user values come from, in Helm's precedence order (lowest first).
struct ValueOptions {
  std::vector<std::string> value_files;   // -f
  std::vector<std::string> set_json;      // --set-json
  std::vector<std::string> set;           // --set
  std::vector<std::string> set_string;    // --set-string
  std::vector<std::string> set_file;      // --set-file
  std::vector<std::string> set_literal;   // --set-literal
};

// Merges the user values as Helm's values.Options.MergeValues does. Throws ChartError.
Value merge_user_values(const ValueOptions& opts);

// Helm's --set grammar (pkg/strvals): parses `line` into `dest`. `as_string` forces string
// values (--set-string). Throws ChartError with Helm's message.
void parse_set(const std::string& line, Value& dest, bool as_string = false);
// --set-json: values are JSON documents.
void parse_set_json(const std::string& line, Value& dest);
// --set-file: values are paths whose contents become the string value.
void parse_set_file(const std::string& line, Value& dest);
// --set-literal: the whole value after the first '=' is a literal string.
void parse_set_literal(const std::string& line, Value& dest);

// Helm's CoalesceValues: chart defaults under user values, recursively through subcharts,
// with globals copied down. A null user value deletes the key.
Value coalesce_values(const Chart& chart, const Value& user_values);

// Options of `helm template`.
struct TemplateOptions {
  std::string release_name = "release-name";
  std::string namespace_ = "default";
  std::optional<std::string> kube_version;  // --kube-version
  std::vector<std::string> api_versions;    // -a
  std::vector<std::string> show_only;       // --show-only
  bool include_crds = false;
  bool skip_tests = false;
  bool no_hooks = false;
  std::string output_dir;  // --output-dir
  bool use_release_name = false;  // --release-name: write under output_dir/release_name
  bool is_upgrade = false;        // --is-upgrade: .Release.IsUpgrade true, IsInstall false
  bool strict = false;     // missingkey=error (Helm's --strict lint mode)
};

// What `helm template` prints: `stdout` on success. Throws ChartError with the message Helm
// prints after "Error: ".
struct TemplateResult {
  std::string stdout_text;
  std::string stderr_text;  // warnings Helm prints (a deprecated chart)
  std::string notes;
};
TemplateResult helm_template(const std::string& chart_path, const ValueOptions& values,
                             const TemplateOptions& opts);

// Renders every template of a chart (Helm's engine.Render): template name -> output, with
// partials skipped and "<no value>" removed. `top` is the render values from
// make_render_values. Throws ChartError.
std::vector<std::pair<std::string, std::string>> render_templates(const Chart& chart,
                                                                  const Value& top,
                                                                  bool strict = false);

// Renders one template text named `name` with `data` as dot, as a chart file is rendered
// (Helm's function map, missingkey=zero, "<no value>" removed). Errors are worded as Helm
// words them for a chart file ("parse error at (...)", "execution error at (...)").
// Throws ChartError.
std::string render_string(const std::string& name, const std::string& text, const Value& data);

// Builds the top-level object templates see (.Values .Release .Chart .Capabilities), after
// dependency processing. `chart` is modified as Helm modifies it (disabled subcharts removed,
// aliases applied, imported values merged).
Value make_render_values(Chart& chart, const Value& user_values, const TemplateOptions& opts);

}  // namespace sparkc::chart
