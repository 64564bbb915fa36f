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
      {"chart-version-strict-semver", "chart",
       "Chart.yaml version is accepted by Helm but is not strict SemVer 2 (\"1.2\", \"v1.2.3\")",
       "helm lint warns; OCI registries store the chart under its version as a tag and dependency "
       "ranges compare full versions, so a short or prefixed version resolves differently",
       "write all three parts without a \"v\": `version: 1.2.0`", Severity::Warning, "version: \"1.2\"\n"},
      {"chart-app-version", "chart", "Chart.yaml appVersion is a number instead of a string",
       "Helm reads it as a string; an unquoted 1.10 is the number 1.1, so the chart's labels and "
       "image tags built from it are wrong (helm lint fails)",
       "quote it: `appVersion: \"1.10\"`", Severity::Error, "appVersion: 1.10\n"},
      {"chart-maintainer", "chart", "a Chart.yaml maintainer has no name, or an invalid email or url",
       "helm lint fails on it, and chart repositories show maintainers from these fields",
       "give every maintainer a `name:`, and a well-formed `email:` and `url:` when set",
       Severity::Error, "maintainers:\n  - email: team@example.org\n"},
      {"chart-url", "chart", "a Chart.yaml source or the icon is not a URL with a scheme",
       "helm lint fails on it; chart repositories and Artifact Hub link these URLs",
       "write full URLs: `icon: https://example.org/icon.svg`", Severity::Error,
       "sources:\n  - github.com/org/repo\n"},
      {"chart-dependency-alias", "chart", "a dependency alias has characters other than letters, digits, '-' and '_'",
       "Helm refuses to load the chart: the alias becomes the key of the subchart's values",
       "rename the alias, e.g. `alias: cache-redis`", Severity::Error,
       "dependencies:\n  - name: redis\n    alias: cache.redis\n"},
      {"chart-dependency-undeclared", "chart", "a chart under charts/ is not listed in Chart.yaml dependencies",
       "helm lint fails (\"chart metadata is missing these dependencies\"); Helm installs it "
       "regardless, with no version, condition or alias to control it",
       "add it to `dependencies:` in Chart.yaml, or delete it from charts/", Severity::Error,
       "# charts/redis/ exists, but Chart.yaml has no dependencies\n"},
      {"chart-crd-kind", "chart", "a file in crds/ holds something other than a CustomResourceDefinition",
       "Helm applies crds/ before the templates, untemplated and never upgraded; other objects there "
       "are created out of order and helm lint fails",
       "keep only apiextensions.k8s.io CustomResourceDefinitions in crds/ and move the rest to templates/",
       Severity::Error, "# crds/config.yaml\napiVersion: v1\nkind: ConfigMap\n"},
      {"chart-file-extension", "chart",
       "a file in templates/ has an extension other than .yaml, .yml, .tpl or .txt",
       "helm lint fails; Helm still renders the file and applies it as a manifest, so a README or "
       "backup copy in templates/ breaks install with a YAML error",
       "rename manifests to .yaml and helpers to .tpl, or move the file out of templates/",
       Severity::Error, "templates/README.md\n"},
      {"chart-kube-version", "chart",
       "Chart.yaml kubeVersion is not met by --kube-version (default: the version Helm assumes, 1.34)",
       "helm install and helm template refuse the chart (\"chart requires kubeVersion ... which is "
       "incompatible with Kubernetes ...\")",
       "pass the cluster's version with --kube-version, or widen the constraint", Severity::Error,
       "kubeVersion: \">=1.35.0\"\n"},
      {"chart-deprecated-api", "chart",
       "an object uses an API version that is deprecated at --kube-version and removed later",
       "the chart installs today but stops installing when the cluster is upgraded to the "
       "release that removes the API (helm lint warns)",
       "change apiVersion to the replacement the message names and adapt the fields it changed",
       Severity::Warning, "# --kube-version 1.24\napiVersion: batch/v1beta1\nkind: CronJob\n"},
      {"chart-removed-api", "chart",
       "an object uses an API version that --kube-version no longer serves (default: 1.34)",
       "helm install fails: the cluster has no such resource type (\"no matches for kind\")",
       "change apiVersion to the replacement the message names and adapt the fields it changed",
       Severity::Error, "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n"},
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
      {"template-invalid-yaml", "template",
       "a template renders text that is not YAML, or a document that is not an object",
       "helm install fails with \"YAML parse error\"; the usual cause is included text or toYaml "
       "output indented with the wrong `nindent` width",
       "fix the indentation at the traced line (the message gives the rendered line too)",
       Severity::Error,
       "spec:\n  template:\n    metadata:\n      labels:\n{{ include \"x.labels\" . | nindent 4 }}\n"},
      {"template-leading-indent", "template", "a rendered document starts with an indented line",
       "whether such a document parses depends on how the text is normalised before parsing; "
       "helm lint warns (helm/helm#8467)",
       "start each document at column 1: trim the whitespace before it with `{{-`", Severity::Warning,
       "{{ if .Values.x }}\n  apiVersion: v1\n  kind: ConfigMap\n{{ end }}\n"},
      {"template-missing-kind", "template", "a rendered object has no apiVersion or no kind",
       "the API server cannot tell what the object is and helm install fails",
       "add `apiVersion:` and `kind:` at the top of the document", Severity::Error,
       "metadata:\n  name: conf\ndata: {}\n"},
      {"template-missing-name", "template",
       "a rendered object has no metadata.name (and no generateName), or the name is not a string",
       "helm install fails: the API server requires a name, and Helm tracks objects by it",
       "set `metadata.name`, usually from the chart's fullname helper", Severity::Error,
       "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n"},
      {"template-metadata-name", "template",
       "a Service name that starts with a digit, or an RBAC name that is not a path segment",
       "the API server rejects it: Service names are DNS-1035 labels (they start with a letter), "
       "RBAC names may not contain '/' or '%' or be \".\" or \"..\" (helm lint warns)",
       "start Service names with a letter; write RBAC names with ':' or '-' instead of '/'",
       Severity::Error, "kind: Service\nmetadata:\n  name: 1-api\n"},
      {"template-hardcoded-namespace", "template", "a template writes metadata.namespace as a literal",
       "`helm install -n NS` does not move the object: part of the release lands in another "
       "namespace, references from the release's namespace miss it and `helm uninstall` leaves "
       "it behind when Helm cannot find it",
       "write `namespace: {{ .Release.Namespace }}` (or a value), or leave the field out",
       Severity::Warning, "metadata:\n  name: conf\n  namespace: default\n"},
      {"template-release-time", "template", "a template uses .Release.Time",
       "Helm 3 removed it: it renders as nothing, so a timestamp annotation or label is empty "
       "(helm lint fails)",
       "use the `now` function: `{{ now | date \"2006-01-02\" }}`", Severity::Error,
       "annotations:\n  deployed-at: {{ .Release.Time }}\n"},
      {"template-crd-install-hook", "template", "a template uses the Helm 2 crd-install hook",
       "Helm 3 ignores the hook: the CustomResourceDefinition is created with the other "
       "templates, after the custom resources that need it (helm lint warns)",
       "move the CustomResourceDefinition to the chart's crds/ directory", Severity::Warning,
       "annotations:\n  helm.sh/hook: crd-install\n"},
      {"template-list-resource-policy", "template",
       "an item of a List carries the helm.sh/resource-policy annotation",
       "Helm reads the annotation only on top-level objects: the item is deleted on uninstall "
       "although the annotation says keep (helm lint fails)",
       "write the item as its own document instead of a List item", Severity::Error,
       "kind: List\nitems:\n  - kind: PersistentVolumeClaim\n    metadata:\n      annotations:\n"
       "        helm.sh/resource-policy: keep\n"},
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
      {"k8s-env-reference", "k8s",
       "a $(VAR) in a container's command, args or env value names no variable defined before it",
       "Kubernetes expands $(VAR) only from the container's own env (entries above it, and "
       "envFrom); an undefined reference is passed on literally, so the process gets the text "
       "\"$(POD_IP)\" instead of an address and fails at run time, far from the cause",
       "define the variable in the container's env (for the pod IP: `valueFrom: {fieldRef: "
       "{fieldPath: status.podIP}}`) above its first use, or write $$(VAR) for a literal",
       Severity::Warning,
       "args: [\"--conf\", \"spark.driver.host=$(POD_IP)\"]   # no POD_IP in env\n"},
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
