// Private seam between the validate entry point and the rule groups: the context every rule
// reads from and reports into.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "sparkc/diagnostic.h"
#include "sparkc/validate.h"
#include "sparkc/value.h"
#include "sparkc/yaml.h"
#include "validate/objects.h"

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
  // Reports a finding of `rule_id` about the field `field` of `o` (empty: the object), located
  // in the object's template, unless the rule is disabled or the object's annotation
  // suppresses it. The diagnostic path is "Kind/name:field.path".
  void report_object(const std::string& rule_id, const RenderedObject& o, const FieldPath& field,
                     std::string message, std::string hint = "");
  // Every object the chart renders, rendered once on first use; nullptr when the chart does
  // not load or render (template-render-error has then been reported).
  const std::vector<RenderedObject>* objects();
  // Every pod those objects describe (empty when the chart does not render).
  const std::vector<Pod>& pods();
  // The text every template rendered to ("templates/x.yaml", text), before it was split into
  // objects; empty when the chart does not render. The template group checks it as YAML.
  const std::vector<std::pair<std::string, std::string>>& manifests() {
    objects();
    return manifests_;
  }
  // Keeps the rendered texts (called by render_objects).
  void set_manifests(std::vector<std::pair<std::string, std::string>> m) { manifests_ = std::move(m); }
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
  // What report() has recorded (rule, file, line, column, message): objects a `range` writes
  // from one template line would otherwise repeat the same finding word for word.
  std::set<std::tuple<std::string, std::string, int, int, std::string>> reported_;
  bool rendered_ = false;
  std::optional<std::vector<RenderedObject>> objects_;
  std::vector<Pod> pods_;
  std::vector<std::pair<std::string, std::string>> manifests_;
};

// The position of the key `key` whose value starts at `value_mark` in `text`: the value's own
// line when the key is written there, else the nearest line above that starts with the key.
yaml::Mark key_mark(const std::string& text, yaml::Mark value_mark, const std::string& key);

// The closest candidates to `word` by edit distance, for "did you mean" hints; empty when
// nothing is close.
std::string did_you_mean(const std::string& word, const std::set<std::string>& candidates);

// Whether `name` is a Kubernetes object the cluster provides rather than the chart: the
// namespace's `default` ServiceAccount and `kube-root-ca.crt` ConfigMap, or one declared with
// --external KIND/NAME.
bool is_external(const Context& ctx, std::string_view kind, std::string_view name);

// The rule groups. Each group file defines its registry entries (`*_rule_infos`, in the order
// docs/rules.md lists them) and runs its rules (`run_*_rules`), one explicit list each.
std::vector<RuleInfo> chart_rule_infos();
std::vector<RuleInfo> values_rule_infos();
std::vector<RuleInfo> template_rule_infos();
std::vector<RuleInfo> k8s_rule_infos();
std::vector<RuleInfo> k8s_schema_rule_infos();
std::vector<RuleInfo> k8s_refs_rule_infos();
std::vector<RuleInfo> security_rule_infos();
std::vector<RuleInfo> spark_rule_infos();
std::vector<RuleInfo> spark_runtime_rule_infos();

void run_chart_rules(Context& ctx);
// Rendered templates: YAML that parses, indentation, names and kinds, deprecated APIs.
void run_template_rules(Context& ctx);
// Reports template-render-error for a render failure at the template file, line and column
// the message names ("template: chart/templates/cm.yaml:7:20: executing ...").
void report_render_error(Context& ctx, const std::string& message);
// --kube-version as Helm prints it ("1.31" -> "v1.31.0"). Throws std::invalid_argument when
// it is not a version.
std::string normalize_kube_version(const std::string& v);
void run_values_rules(Context& ctx);
// values-schema, apart because it needs the chart loaded and the JSON Schema validator.
void run_values_schema_rule(Context& ctx);
void run_k8s_rules(Context& ctx);
// k8s-schema: objects against the Kubernetes OpenAPI schema and CRDs.
void run_k8s_schema_rules(Context& ctx);
// Objects that must fit together: labels, selectors, Services, references, names, probes.
void run_k8s_refs_rules(Context& ctx);
void run_security_rules(Context& ctx);
// Spark settings: configuration keys and values, storage, shuffle, volumes, networking.
void run_spark_rules(Context& ctx);
// Spark processes and versions: client/server versions, packages, command lines, mounts,
// replicas, and the capacity the pods need.
void run_spark_runtime_rules(Context& ctx);

}  // namespace sparkc::validate::detail
