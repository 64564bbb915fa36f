// k8s-schema: every rendered object (and every Spark pod template file a ConfigMap carries)
// against the Kubernetes OpenAPI schema and the CRDs given with --kube-openapi and --crd. Without a
// source these rules do not run: the tool ships no schemas, and guessing the cluster's version
// would report fields it may well serve.
#include <filesystem>

#include "validate/openapi.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {

using diag::Severity;

std::vector<RuleInfo> k8s_schema_rule_infos() {
  return {
      {"k8s-schema", "k8s",
       "an object, or a Spark pod template file in a ConfigMap, does not match the Kubernetes "
       "OpenAPI schema or its CRD: an unknown field, a wrong type, a missing required field, a "
       "value outside an enum, a bad quantity",
       "the API server rejects the object and `helm install` fails (kubectl and Helm 4 validate "
       "fields strictly, and even where unknown fields are only dropped, the setting you wrote "
       "never takes effect); runs only when --kube-openapi or --crd gives a schema source, which "
       "itself is reported here when it cannot be read",
       "fix the field the message names (see the did-you-mean hint and the allowed values); pass "
       "the cluster's schema with --kube-openapi (`kubectl get --raw /openapi/v2`) and custom "
       "resource definitions with --crd",
       Severity::Error,
       "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replica: 2   # unknown field: replicas\n"},
      {"k8s-schema-missing", "k8s",
       "no --kube-openapi or --crd source has a schema for an object's apiVersion and kind",
       "the object goes unchecked, and a kind the cluster does not serve fails the install with "
       "\"no matches for kind\"; reported only when a schema source is given, and for built-in "
       "kinds only when --kube-openapi is",
       "pass the CRD that defines the kind with --crd FILE, or the cluster's OpenAPI with "
       "--kube-openapi; check the apiVersion and kind for typos",
       Severity::Warning, "apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\n"},
  };
}

namespace {

// A source file as the user named it: relative to the working directory when it lies below.
std::string shown_path(const std::string& path) {
  std::error_code ec;
  std::filesystem::path rel = std::filesystem::proximate(path, ec);
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

class SourceReporter {
 public:
  explicit SourceReporter(Context& ctx) : ctx_(ctx) {}
  // Reports a source that cannot be used, once per file, located in the file itself.
  void report(const openapi::SourceError& e) {
    std::string file = shown_path(e.file);
    if (!reported_.insert(file + "\n" + e.what()).second) return;
    ctx_.add_external(file);
    if (e.line > 0) ctx_.read(file);  // so the report shows the offending line
    ctx_.report("k8s-schema", e.what(), file, e.line, e.col, "",
                "fix or replace the file; objects it would describe are not checked");
  }

 private:
  Context& ctx_;
  std::set<std::string> reported_;
};

// Whether `api_version` belongs to Kubernetes itself: the core group, the groups without a
// dot (apps, batch, policy, autoscaling) and the built-in *.k8s.io groups.
bool is_builtin_api(const std::string& api_version) {
  static const std::set<std::string, std::less<>> groups = {"admissionregistration.k8s.io",
                                                            "apiextensions.k8s.io",
                                                            "apiregistration.k8s.io",
                                                            "authentication.k8s.io",
                                                            "authorization.k8s.io",
                                                            "certificates.k8s.io",
                                                            "coordination.k8s.io",
                                                            "discovery.k8s.io",
                                                            "events.k8s.io",
                                                            "flowcontrol.apiserver.k8s.io",
                                                            "internal.apiserver.k8s.io",
                                                            "networking.k8s.io",
                                                            "node.k8s.io",
                                                            "rbac.authorization.k8s.io",
                                                            "resource.k8s.io",
                                                            "scheduling.k8s.io",
                                                            "storage.k8s.io",
                                                            "storagemigration.k8s.io"};
  size_t slash = api_version.find('/');
  if (slash == std::string::npos) return true;
  std::string_view group(api_version.data(), slash);
  return group.find('.') == std::string_view::npos || groups.count(group) > 0;
}

// Spark's driver and executor pod template files, kept in a ConfigMap: Spark reads them as
// Pods and lays its own pod over them, so fields the template leaves out are not missing,
// but a misspelt field is dropped and a wrong type fails the driver or executor.
void check_pod_templates(Context& ctx, const openapi::SchemaSet& schemas, const RenderedObject& o) {
  const Value* data = o.doc.find("data");
  if (!data || !data->is_map() || !schemas.has_schema("v1", "Pod")) return;
  for (const auto& [key, text] : data->as_map()) {
    std::optional<Value> pod = pod_template_file(text);
    if (!pod || string_at(*pod, "apiVersion") != "v1") continue;
    for (auto& v : schemas.validate(*pod)) {
      if (v.kind == openapi::Violation::Kind::Required) continue;
      FieldPath path = {"data", key};
      path.insert(path.end(), v.path.begin(), v.path.end());
      ctx.report_object("k8s-schema", o, path, "pod template \"" + key + "\": " + v.message,
                        std::move(v.hint));
    }
  }
}

}  // namespace

void run_k8s_schema_rules(Context& ctx) {
  const Options& opts = ctx.options();
  if (opts.kube_openapi.empty() && opts.crds.empty()) return;
  openapi::Sources sources = openapi::load_sources(opts.kube_openapi, opts.crds);
  SourceReporter reporter(ctx);
  for (const auto& e : sources.errors) reporter.report(e);
  const auto* objects = ctx.objects();
  if (!objects) return;
  for (const auto& o : *objects) {
    // An object without apiVersion or kind fails to render into a manifest Helm can apply;
    // that is not a schema question.
    if (o.api_version.empty() || o.kind.empty()) continue;
    // Helm and kubectl send the items of a List, never the List: the items are checked as
    // objects of their own (checking a typed List's items again would report them twice, and
    // "kind: List" has no schema at all).
    if (is_list_object(o)) continue;
    try {
      if (!sources.schemas->has_schema(o.api_version, o.kind)) {
        // With only --crd given, the user asked about custom resources: built-in kinds are
        // not "missing", they were not asked for.
        if (opts.kube_openapi.empty() && is_builtin_api(o.api_version)) continue;
        ctx.report_object(
            "k8s-schema-missing", o, {"apiVersion"},
            "no schema for " + o.kind + " \"" + o.api_version +
                "\" in the --kube-openapi and --crd sources, so it is not checked",
            "pass the CRD that defines it with --crd FILE, or check apiVersion and kind");
        continue;
      }
      for (auto& v : sources.schemas->validate(o.doc)) {
        ctx.report_object("k8s-schema", o, v.path, std::move(v.message), std::move(v.hint));
      }
      if (o.kind == "ConfigMap") check_pod_templates(ctx, *sources.schemas, o);
    } catch (const openapi::SourceError& e) {
      reporter.report(e);  // a lazily read file or a $ref that names nothing
    }
  }
}

}  // namespace sparkc::validate::detail
