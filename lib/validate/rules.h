// Private seam between the validate entry point and the rule groups: the context every rule
// reads from and reports into.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "sparkc/diagnostic.h"
#include "sparkc/validate.h"
#include "sparkc/value.h"
#include "sparkc/yaml.h"

namespace sparkc::validate::detail {

// The chart being validated and where findings go.
class Context {
 public:
  Context(std::string dir, std::string display_root, const Options& opts);

  const Options& options() const { return opts_; }
  const std::string& dir() const { return dir_; }
  // The text of `rel` (relative to the chart root, or absolute for -f files), registered in
  // the source map; nullopt when it cannot be read.
  std::optional<std::string> read(const std::string& rel);
  // Declares `path` a file outside the chart (a -f values file): read() takes it relative to
  // the working directory and diagnostics show it as given.
  void add_external(const std::string& path) { external_.insert(path); }
  // The name a file is shown under in diagnostics.
  std::string display(const std::string& rel) const;
  // Reports a finding of `rule_id` at its default severity unless the rule is disabled.
  void report(const std::string& rule_id, std::string message, const std::string& rel, int line,
              int col, std::string path = "", std::string hint = "");
  // The number of errors reported so far by rules whose ID starts with `prefix`.
  size_t errors_with_prefix(std::string_view prefix) const;
  // Diagnostics and the source map, moved out at the end of a run.
  Report finish();

 private:
  std::string dir_, display_root_;
  const Options& opts_;
  diag::DiagnosticSink sink_;
  diag::SourceMap sources_;
  std::map<std::string, std::optional<std::string>> cache_;
  std::set<std::string> external_;
};

// The position of the key `key` whose value starts at `value_mark` in `text`: the value's own
// line when the key is written there, else the nearest line above that starts with the key.
yaml::Mark key_mark(const std::string& text, yaml::Mark value_mark, const std::string& key);

// The closest candidates to `word` by edit distance, for "did you mean" hints; empty when
// nothing is close.
std::string did_you_mean(const std::string& word, const std::set<std::string>& candidates);

// The rule groups, each one explicit list of rules.
void run_chart_rules(Context& ctx);
void run_values_rules(Context& ctx);
// values-schema, apart because it needs the chart loaded and the JSON Schema validator.
void run_values_schema_rule(Context& ctx);
void run_k8s_rules(Context& ctx);

}  // namespace sparkc::validate::detail
