// `spark-constructor validate`: checks a chart (a directory, or a preset composed in memory)
// and reports every finding as a Diagnostic with a stable rule ID and a location.
//
// Rules are small and pure: they read a ValidationInput and report into a sink. They are
// listed explicitly per group (lib/validate/rules_<group>.cpp) and described in one registry,
// which also generates docs/rules.md.
#pragma once

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

// Options of a validation run.
struct Options {
  chart::ValueOptions values;      // -f and --set, merged over the chart's values
  std::set<std::string> disabled;  // --disable RULE
  std::string release_name = "release-name";
  std::string namespace_ = "default";
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

}  // namespace sparkc::validate
