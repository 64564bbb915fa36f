// `spark-constructor validate`: checks a chart (a directory, or a preset composed in memory)
// and reports every finding as a Diagnostic with a stable rule ID and a location.
//
// Rules are small and pure: they read a ValidationInput and report into a sink. They are
// listed explicitly per group (lib/validate/rules_<group>.cpp) and described in one registry,
// which also generates docs/rules.md.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/chart.h"
#include "sparkc/diagnostic.h"

namespace sparkc::validate {

// What docs/rules.md and SARIF say about a rule; the ID never changes.
struct RuleInfo {
  std::string id;         // "values-unknown-key"
  std::string group;      // "chart", "values", "template", "k8s", "security", "spark"
  std::string summary;    // what it finds, one line
  std::string rationale;  // why it matters
  std::string fix;        // how to fix it
  diag::Severity severity = diag::Severity::Warning;  // default severity
  std::string example;    // a short YAML snippet that fires
};

// Every rule, grouped, in a fixed order.
const std::vector<RuleInfo>& rules();
// The rule with `id`, or nullptr.
const RuleInfo* find_rule(std::string_view id);
// The registry as SARIF rule descriptors.
std::vector<diag::RuleDescriptor> rule_descriptors();
// docs/rules.md: every rule with what, why, how to fix and an example.
std::string rules_markdown();

// Cluster capacity for --capacity: what all of the chart's pods may request together.
struct Capacity {
  std::optional<double> cpu;     // cores
  std::optional<double> memory;  // bytes
};

// Parses "cpu=N,memory=Q" (either may be left out; Kubernetes quantities). Throws
// std::invalid_argument naming the bad part.
Capacity parse_capacity(std::string_view spec);

// A --kube-version as Helm prints it ("1.31" -> "v1.31.0"). Throws std::invalid_argument when
// it is not a version.
std::string normalize_kube_version(const std::string& v);

// Options of a validation run.
struct Options {
  chart::ValueOptions values;      // -f and --set, merged over the chart's values
  std::set<std::string> disabled;  // --disable RULE
  std::string release_name = "release-name";
  std::string namespace_ = "default";
  // --kube-version: the cluster's Kubernetes version ("1.31", "v1.29.3"); empty: Helm's
  // default. Decides which deprecated and removed APIs are reported.
  std::string kube_version;
  // --kube-openapi: a cluster's OpenAPI v2 document (`kubectl get --raw /openapi/v2`), an
  // OpenAPI v3 directory, or a kubeconform-style directory of per-kind JSON schemas.
  std::vector<std::string> kube_openapi;
  // --crd: CustomResourceDefinition files whose openAPIV3Schema validates custom resources.
  std::vector<std::string> crds;
  // --capacity: pods whose requests together exceed it would stay Pending.
  std::optional<Capacity> capacity;
  // --external KIND/NAME: objects the cluster provides, so references to them are not
  // reported ("Secret/s3-credentials").
  std::set<std::string> external;
};

// The result: diagnostics sorted by location, and the source text of every file they point
// into (for the text renderer).
struct Report {
  std::vector<diag::Diagnostic> diagnostics;
  diag::SourceMap sources;
};

// Validates the chart directory `chart_dir`. Never throws for a bad chart: load and render
// failures are diagnostics too. Paths in locations are relative to `chart_dir`, prefixed with
// `display_root` ("mychart/values.yaml").
Report validate_chart(const std::string& chart_dir, const Options& opts,
                      const std::string& display_root = "");

// Validates a chart given as files (a composed chart before it is written): they are written
// to a private temporary directory, validated there and removed. Locations show
// `display_root` ("out/templates/x.yaml"). Throws std::runtime_error when no temporary
// directory can be written.
Report validate_files(const std::vector<chart::File>& files, const Options& opts,
                      const std::string& display_root);

// The number of diagnostics at `fail_on` or more serious.
size_t count_failing(const Report& report, diag::Severity fail_on);

}  // namespace sparkc::validate
