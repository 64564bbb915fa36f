// The rule registry: one explicit list per group, in the order docs/rules.md shows them.
// IDs never change once published; suppressions and CI configurations name them.
#include <algorithm>

#include "validate/rules.h"

namespace sparkc::validate {
namespace detail {

using diag::Severity;

std::vector<RuleInfo> chart_rule_infos() {
  return {
      {"chart-yaml-invalid", "chart", "Chart.yaml is missing or is not valid YAML",
       "Helm refuses to load a chart without a readable Chart.yaml",
       "create Chart.yaml with apiVersion, name and version, and fix the YAML syntax at the "
       "reported line",
       Severity::Error, "apiVersion: v2\nname: [broken\n"},
      {"chart-api-version", "chart", "Chart.yaml apiVersion is missing or not v1 or v2",
       "Helm 3 loads only apiVersion v1 and v2 charts; anything else fails at install",
       "set `apiVersion: v2`", Severity::Error, "apiVersion: v3\n"},
      {"chart-name", "chart", "Chart.yaml name is missing or has characters Helm rejects",
       "the chart name becomes part of object names and of the chart's package file name",
       "set `name:` to lower-case letters, digits and dashes", Severity::Error, "name: My Chart\n"},
      {"chart-version-semver", "chart", "Chart.yaml version is missing or not SemVer 2",
       "Helm requires a SemVer 2 version to package, install and resolve dependencies",
       "write the version as MAJOR.MINOR.PATCH, e.g. `version: 0.1.0`", Severity::Error,
       "version: one\n"},
      {"chart-type", "chart", "Chart.yaml type is neither application nor library",
       "Helm rejects other chart types at load time", "set `type: application` or remove it",
       Severity::Error, "type: app\n"},
      {"chart-dependency-missing", "chart",
       "a local dependency (no repository, or file://) is not present in charts/",
       "helm install fails with \"found in Chart.yaml, but missing in charts/ directory\"; "
       "dependencies from a remote repository are left to `helm dependency build`",
       "run `helm dependency build`, or remove the dependency", Severity::Error,
       "dependencies:\n  - name: minio\n    version: 5.0.0\n    repository: file://../minio\n"},
      {"chart-dependency-duplicate", "chart", "two dependencies share a name or alias",
       "the second one silently replaces the first one's values and templates",
       "give one of them a distinct `alias:`", Severity::Error,
       "dependencies:\n  - name: redis\n  - name: redis\n"},
      {"chart-templates-dir", "chart", "the chart has no templates/ directory",
       "a chart without templates installs nothing (helm lint warns too)",
       "add templates/ with the chart's manifests", Severity::Warning, ""},
      {"chart-values-invalid", "chart", "values.yaml is not valid YAML",
       "Helm fails to load the chart; the error names the line", "fix the YAML at the reported line",
       Severity::Error, "spark:\n  image: [unclosed\n"},
  };
}

std::vector<RuleInfo> values_rule_infos() {
  return {
      {"values-schema", "values",
       "the values do not satisfy values.schema.json",
       "helm install and helm template refuse values that fail the chart's schema",
       "change the value to what the schema asks for (see the schema location in the hint)",
       Severity::Error, "replicaCount: \"two\"   # schema: {type: integer}\n"},
      {"values-unknown-key", "values",
       "a values key is not declared in values.schema.json",
       "a misspelt key is silently ignored by Helm: the setting you meant never takes effect",
       "use the key the schema declares (see the did-you-mean hint), or add it to the schema",
       Severity::Warning, "sparkConnect:\n  replicaCuont: 1\n"},
      {"values-duplicate-key", "values", "a YAML mapping has the same key twice",
       "Helm's YAML parser silently keeps the last value, so the first one is lost",
       "remove one of the two keys or merge their contents", Severity::Warning,
       "spark:\n  image: a\n  image: b\n"},
      {"values-exponent-number", "values",
       "an integer of a million or more, which Helm prints in exponent form",
       "values are read as float64, so `{{ .Values.x }}` prints 1000000 as 1e+06 and the "
       "consumer fails to parse it",
       "quote the number (\"1000000\") or print it with `int64` or `printf \"%d\"`",
       Severity::Warning, "maxFileSize: 1000000\n"},
  };
}

std::vector<RuleInfo> template_rule_infos() {
  return {
      {"template-render-error", "template", "the chart does not render",
       "helm install fails with the same error", "fix the template or the values it names",
       Severity::Error, "{{ .Values.missing.key }}\n"},
  };
}

std::vector<RuleInfo> k8s_rule_infos() {
  return {
      {"k8s-dns1123-name", "k8s",
       "a rendered object name is not a valid DNS-1123 name",
       "the API server rejects the object: names are lower-case alphanumerics and '-' (and '.' "
       "for most kinds), at most 253 characters, 63 for Services, Namespaces and labels-like names",
       "lower-case the name, replace '_' with '-', and truncate it with `trunc 63 | trimSuffix \"-\"`",
       Severity::Error, "metadata:\n  name: My_Service\n"},
  };
}

}  // namespace detail

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> all = [] {
    using namespace detail;
    std::vector<RuleInfo> out;
    for (auto group : {chart_rule_infos(), values_rule_infos(), template_rule_infos(), k8s_rule_infos(),
                       k8s_schema_rule_infos(), k8s_refs_rule_infos(), security_rule_infos(),
                       spark_rule_infos(), spark_runtime_rule_infos()}) {
      out.insert(out.end(), group.begin(), group.end());
    }
    // A group file may contribute rules of another group (the spark files add k8s rules about
    // Spark's own pod settings): the list is ordered by group, then as written.
    static const std::vector<std::string> order = {"chart", "values", "template", "k8s", "security", "spark"};
    auto rank = [](const RuleInfo& r) {
      return std::find(order.begin(), order.end(), r.group) - order.begin();
    };
    std::stable_sort(out.begin(), out.end(), [&](const RuleInfo& a, const RuleInfo& b) { return rank(a) < rank(b); });
    return out;
  }();
  return all;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const auto& r : rules()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<diag::RuleDescriptor> rule_descriptors() {
  std::vector<diag::RuleDescriptor> out;
  for (const auto& r : rules()) out.push_back({r.id, r.summary, r.fix, r.severity});
  return out;
}

std::string rules_markdown() {
  std::string out =
      "# Validation rules\n\n"
      "Generated by `spark-constructor validate --list-rules --format markdown`; do not edit.\n"
      "Disable a rule with `--disable RULE`, or for one object with the annotation\n"
      "`spark-constructor.io/disable: rule-a,rule-b`.\n";
  std::string group;
  for (const auto& r : rules()) {
    if (r.group != group) {
      group = r.group;
      out += "\n## " + group + "\n";
    }
    out += "\n### `" + r.id + "`\n\n";
    out += "- **What**: " + r.summary + "\n";
    out += "- **Severity**: " + std::string(diag::severity_name(r.severity)) + "\n";
    out += "- **Why**: " + r.rationale + "\n";
    out += "- **Fix**: " + r.fix + "\n";
    if (!r.example.empty()) out += "\nExample that fires:\n\n```yaml\n" + r.example + "```\n";
  }
  return out;
}

}  // namespace sparkc::validate
