// k8s-label-syntax, k8s-selector-mismatch and k8s-selector-no-pods: labels the API server
// accepts, workload selectors that select their own pod template, and policy or monitor
// selectors that select something.
#include <algorithm>

#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

const char* kLabelSyntax = "k8s-label-syntax";

// The API server stores annotations only up to this total size (keys and values).
constexpr size_t kAnnotationsMaxBytes = 256 * 1024;

const char* kKeyHint =
    "write keys as [prefix/]name: an optional DNS subdomain prefix, then a name of at most 63 "
    "alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric";
const char* kValueHint =
    "keep label values to 63 alphanumerics, '-', '_' or '.' (`trunc 63 | trimSuffix \"-\"`); "
    "put longer text in an annotation";

// Checks one label-like map: keys always; values when `values` (labels and selectors), else
// only that they are strings (annotations). `what` names the map in messages ("label").
void check_map(Context& ctx, const RenderedObject& o, const FieldPath& at, const Value& m,
               const std::string& what, bool values) {
  if (!m.is_map()) return;
  for (const auto& [k, v] : m.as_map()) {
    FieldPath p = at;
    p.push_back(k);
    if (std::string problem = label_key_problem(k); !problem.empty()) {
      ctx.report_object(kLabelSyntax, o, p, what + " key \"" + k + "\" " + problem, kKeyHint);
      continue;
    }
    if (v.is_nil() || v.is_map() || v.is_list()) continue;  // a type error: k8s-schema's
    if (!v.is_string()) {
      // Numbers and booleans written without quotes fail to decode into map[string]string.
      ctx.report_object(kLabelSyntax, o, p,
                        what + " \"" + k + "\" has the " + (v.is_bool() ? "boolean" : "number") + " value " +
                            scalar_text(v) + ", not a string",
                        "quote the value in the template (`{{ ... | quote }}`)");
      continue;
    }
    if (!values) continue;
    if (std::string problem = label_value_problem(v.as_string()); !problem.empty()) {
      ctx.report_object(kLabelSyntax, o, p,
                        "value \"" + v.as_string() + "\" of " + what + " \"" + k + "\" " + problem, kValueHint);
    }
  }
}

// matchExpressions: keys, and the values of In and NotIn, follow label syntax.
void check_expressions(Context& ctx, const RenderedObject& o, const FieldPath& at, const Value& list) {
  if (!list.is_list()) return;
  for (size_t i = 0; i < list.as_list().size(); ++i) {
    const Value& e = list.as_list()[i];
    FieldPath p = at;
    p.push_back(std::to_string(i));
    std::string key = string_at(e, "key");
    if (std::string problem = label_key_problem(key); !problem.empty()) {
      p.push_back("key");
      ctx.report_object(kLabelSyntax, o, p, "selector key \"" + key + "\" " + problem, kKeyHint);
      continue;
    }
    const Value* vs = e.find("values");
    if (!vs || !vs->is_list()) continue;
    for (size_t j = 0; j < vs->as_list().size(); ++j) {
      std::string text = scalar_text(vs->as_list()[j]);
      if (std::string problem = label_value_problem(text); !problem.empty()) {
        FieldPath vp = p;
        vp.insert(vp.end(), {"values", std::to_string(j)});
        ctx.report_object(kLabelSyntax, o, vp,
                          "value \"" + text + "\" of selector key \"" + key + "\" " + problem, kValueHint);
      }
    }
  }
}

// The labels and annotations of one ObjectMeta (an object's own, a pod template's, a volume
// claim template's).
void check_meta(Context& ctx, const RenderedObject& o, const FieldPath& at, const Value& labels,
                const Value& annotations) {
  FieldPath lp = at, ap = at;
  lp.push_back("labels");
  ap.push_back("annotations");
  check_map(ctx, o, lp, labels, "label", true);
  check_map(ctx, o, ap, annotations, "annotation", false);
  if (!annotations.is_map()) return;
  size_t total = 0;
  for (const auto& [k, v] : annotations.as_map()) total += k.size() + scalar_text(v).size();
  if (total > kAnnotationsMaxBytes) {
    ctx.report_object(kLabelSyntax, o, ap,
                      "annotations take " + std::to_string(total) + " bytes, more than the " +
                          std::to_string(kAnnotationsMaxBytes) + " Kubernetes stores",
                      "move large content into a ConfigMap");
  }
}

// Every ObjectMeta and label selector in `v`, found by their field names so pod templates,
// job templates, claim templates and custom resources are covered alike.
void walk(Context& ctx, const RenderedObject& o, const Value& v, FieldPath& path) {
  if (v.is_list()) {
    for (size_t i = 0; i < v.as_list().size(); ++i) {
      path.push_back(std::to_string(i));
      walk(ctx, o, v.as_list()[i], path);
      path.pop_back();
    }
    return;
  }
  if (!v.is_map()) return;
  for (const auto& [k, child] : v.as_map()) {
    path.push_back(k);
    if (k == "metadata" && child.is_map()) {
      const Value* labels = child.find("labels");
      const Value* annotations = child.find("annotations");
      check_meta(ctx, o, path, labels ? *labels : Value(), annotations ? *annotations : Value());
    } else if (k == "matchLabels") {
      check_map(ctx, o, path, child, "selector label", true);
    } else if (k == "matchExpressions") {
      check_expressions(ctx, o, path, child);
    } else {
      walk(ctx, o, child, path);
    }
    path.pop_back();
  }
}

// A workload whose spec.selector must select its own pod template.
bool needs_selector(const RenderedObject& o) {
  static const std::set<std::string> apps = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"};
  return apps.count(o.kind) && o.api_version.starts_with("apps/");
}

void check_workload_selector(Context& ctx, const RenderedObject& o) {
  const char* rule = "k8s-selector-mismatch";
  const Value* spec = o.doc.find("spec");
  if (!spec || !spec->is_map()) return;
  const Value* labels = value_at(*spec, {"template", "metadata", "labels"});
  Value template_labels = labels ? *labels : Value::map();
  const Value* sel = spec->find("selector");
  // An unnamed object is template-missing-name's finding; here it is just its kind.
  std::string who = o.name.empty() ? o.kind : o.kind + " \"" + o.name + "\"";
  if (needs_selector(o)) {
    if (!sel || sel->is_nil()) {
      ctx.report_object(rule, o, {"spec"}, who + " has no spec.selector, which " + o.api_version + " requires",
                        "add `selector: {matchLabels: ...}` with the pod template's identifying labels, "
                        "written by the same helper as spec.template.metadata.labels");
      return;
    }
    if (!selector_has_requirements(*sel)) {
      ctx.report_object(rule, o, {"spec", "selector"}, "spec.selector of " + who + " is empty, which " +
                                                           o.api_version + " rejects",
                        "select the pod template's identifying labels in matchLabels");
      return;
    }
  } else if (o.kind == "Job") {
    const Value* manual = spec->find("manualSelector");
    bool is_manual = manual && manual->is_bool() && manual->as_bool();
    if (!is_manual) {
      if (sel && !sel->is_nil()) {
        ctx.report_object(rule, o, {"spec", "selector"},
                          who + " sets spec.selector without manualSelector: true; Kubernetes generates "
                                "the selector of a Job and rejects this one",
                          "remove spec.selector (or set manualSelector: true and keep it unique)");
      }
      return;
    }
    if (!sel || !selector_has_requirements(*sel)) {
      ctx.report_object(rule, o, {"spec", "manualSelector"},
                        who + " sets manualSelector: true without a spec.selector",
                        "add a selector that matches the pod template labels, or drop manualSelector");
      return;
    }
  } else if (o.kind == "ReplicationController") {
    // A plain map, defaulted from the template labels when left out.
    if (!sel || !sel->is_map() || sel->as_map().empty()) return;
    if (std::string m = map_selector_mismatch(*sel, template_labels); !m.empty()) {
      ctx.report_object(rule, o, {"spec", "selector"},
                        "selector of " + who + " does not select its pod template: the template " + m,
                        "give spec.template.metadata.labels every label of spec.selector");
    }
    return;
  } else {
    return;
  }
  if (std::string m = selector_mismatch(*sel, template_labels); !m.empty()) {
    ctx.report_object(rule, o, {"spec", "selector"},
                      "selector of " + who + " does not select its pod template: the template " + m,
                      "give spec.template.metadata.labels every label of spec.selector.matchLabels "
                      "(one helper for both)");
  }
}

// Whether a monitor's namespaceSelector keeps it to the namespace of `o` (absent: yes).
bool watches_own_namespace(const Context& ctx, const RenderedObject& o) {
  const Value* ns = value_at(o.doc, {"spec", "namespaceSelector"});
  if (!ns || !ns->is_map() || ns->as_map().empty()) return true;
  const Value* names = ns->find("matchNames");
  if (!names || !names->is_list() || ns->find("any")) return false;
  std::string own = namespace_of(ctx, o);
  return std::all_of(names->as_list().begin(), names->as_list().end(),
                     [&](const Value& n) { return scalar_text(n) == own; });
}

// Whether `sel` asks for Spark's driver or executor pods (spark-role: driver or executor, in
// matchLabels or matchExpressions).
bool selects_spark_role(const Value& sel) {
  auto role = [](const Value& v) { return v.is_string() && (v.as_string() == "driver" || v.as_string() == "executor"); };
  if (const Value* ml = sel.find("matchLabels"); ml && ml->is_map()) {
    if (const Value* r = ml->find("spark-role"); r && role(*r)) return true;
  }
  if (const Value* me = sel.find("matchExpressions"); me && me->is_list()) {
    for (const auto& e : me->as_list()) {
      const Value* vals = e.is_map() ? e.find("values") : nullptr;
      if (string_at(e, "key") != "spark-role" || string_at(e, "operator") != "In" || !vals || !vals->is_list()) continue;
      if (std::any_of(vals->as_list().begin(), vals->as_list().end(), role)) return true;
    }
  }
  return false;
}

// PodDisruptionBudgets, NetworkPolicies and monitors that select nothing the chart runs.
void check_selects_something(Context& ctx, const RenderedObject& o) {
  const char* rule = "k8s-selector-no-pods";
  FieldPath at;
  if (o.kind == "PodDisruptionBudget" || o.kind == "PodMonitor" || o.kind == "ServiceMonitor") {
    at = {"spec", "selector"};
  } else if (o.kind == "NetworkPolicy") {
    at = {"spec", "podSelector"};
  } else {
    return;
  }
  const Value* sel = value_at(o.doc, at);
  // An empty selector means every pod of the namespace; nothing to compare.
  if (!sel || !selector_has_requirements(*sel) || !watches_own_namespace(ctx, o)) return;
  std::string ns = namespace_of(ctx, o);
  // An unnamed object is template-missing-name's finding; here it is just its kind.
  std::string who = o.name.empty() ? o.kind : o.kind + " \"" + o.name + "\"";
  std::string wanted;
  if (const Value* ml = sel->find("matchLabels"); ml && ml->is_map() && !ml->as_map().empty()) {
    wanted = " (" + format_labels(*ml) + ")";
  }
  if (o.kind == "ServiceMonitor") {
    for (const auto& s : *ctx.objects()) {
      if (s.kind != "Service" || namespace_of(ctx, s) != ns) continue;
      const Value* labels = value_at(s.doc, {"metadata", "labels"});
      if (selector_mismatch(*sel, labels ? *labels : Value::map()).empty()) return;
    }
    ctx.report_object(rule, o, at, who + " selects no Service of the chart" + wanted,
                      "select the labels of the Service that serves the metrics port");
    return;
  }
  // Spark pods that applications submitted from outside the chart create (spark-submit from a
  // laptop or a CI job) are not described anywhere in it: a policy or monitor for them is
  // judged only when the chart describes Spark pods of its own.
  if (selects_spark_role(*sel) &&
      std::none_of(ctx.pods().begin(), ctx.pods().end(), [](const Pod& p) { return !p.spark_role.empty(); })) {
    return;
  }
  for (const auto& pod : ctx.pods()) {
    // A pod template file (Airflow's KubernetesExecutor task pods) describes pods a program
    // creates at run time: a policy or a monitor may well be meant for them.
    if ((!can_be_selected(pod) && !pod.embedded) || namespace_of(ctx, *pod.owner) != ns) continue;
    if (selector_mismatch(*sel, selectable_labels(pod)).empty()) return;
  }
  ctx.report_object(rule, o, at, who + " selects no pod of the chart" + wanted,
                    "select the labels of the pod template it is meant for (Spark pods carry "
                    "spark-role: driver or executor)");
}

}  // namespace

void check_label_syntax(Context& ctx) {
  for (const auto& o : *ctx.objects()) {
    // A CRD's schema has fields named metadata and matchLabels that describe, not hold, them.
    if (o.kind == "CustomResourceDefinition") continue;
    // A List's items are objects of their own, checked as such (with their own annotations).
    if (is_list_object(o)) continue;
    if (o.kind == "ConfigMap" || o.kind == "Secret") {
      // data holds text only; the metadata is all there is to check.
      if (const Value* md = o.doc.find("metadata"); md && md->is_map()) {
        const Value* labels = md->find("labels");
        const Value* annotations = md->find("annotations");
        check_meta(ctx, o, {"metadata"}, labels ? *labels : Value(), annotations ? *annotations : Value());
      }
    } else {
      FieldPath path;
      walk(ctx, o, o.doc, path);
    }
    // Plain map selectors: a Service's and a ReplicationController's.
    if (o.kind == "Service" || o.kind == "ReplicationController") {
      if (const Value* sel = value_at(o.doc, {"spec", "selector"})) {
        check_map(ctx, o, {"spec", "selector"}, *sel, "selector label", true);
      }
    }
  }
  // Labels of the pods Spark creates: pod template files inside ConfigMaps, and the driver
  // and executor sections of a SparkApplication. Spark's own spark-role label is valid.
  for (const auto& pod : ctx.pods()) {
    Value labels = Value::map();
    for (const auto& [k, v] : pod.labels.as_map()) {
      if (!(pod.spark_role.size() && k == "spark-role")) labels.mutable_map()[k] = v;
    }
    if (pod.embedded) {
      FieldPath meta = pod.spec_path;
      meta.back() = "metadata";
      check_meta(ctx, *pod.owner, meta, labels, pod.annotations);
    } else if (!pod.spark_role.empty() && pod.owner->kind.find("SparkApplication") != std::string::npos) {
      check_meta(ctx, *pod.owner, pod.spec_path, labels, pod.annotations);
    }
  }
}

void check_selectors(Context& ctx) {
  for (const auto& o : *ctx.objects()) {
    check_workload_selector(ctx, o);
    check_selects_something(ctx, o);
  }
}

}  // namespace sparkc::validate::detail
