// Private helpers of the k8s cross-reference rules (rules_k8s_refs.cpp and k8s_refs_*.cpp):
// label syntax, label selectors, the ports a pod exposes, and the checks each file runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"
#include "validate/objects.h"

namespace sparkc::validate::detail {

class Context;

// Why `key` is not a valid label or annotation key ("" when it is): an optional DNS-1123
// subdomain prefix of at most 253 characters and "/", then a name of at most 63 characters
// of alphanumerics, '-', '_' and '.' that starts and ends with an alphanumeric.
std::string label_key_problem(std::string_view key);

// Why `value` is not a valid label value ("" when it is): empty, or at most 63 characters
// with the same alphabet and ends as a key's name.
std::string label_value_problem(std::string_view value);

// A whole number from YAML (rendered numbers may load as floats), or nullopt.
std::optional<int64_t> int_of(const Value& v);

// A scalar label or selector value as text (strings as they are, numbers and booleans as YAML
// writes them), so a selector can be compared with labels whatever YAML made of them.
std::string scalar_text(const Value& v);

// The first requirement of a metav1.LabelSelector (matchLabels, matchExpressions) that
// `labels` does not meet, described for a message ("has no label \"app\""); "" when the
// labels are selected. An empty selector selects everything, as LabelSelectorAsSelector does.
std::string selector_mismatch(const Value& selector, const Value& labels);

// The first entry of a plain map selector (Service spec.selector) that `labels` lacks, or ""
// when every entry is there.
std::string map_selector_mismatch(const Value& selector, const Value& labels);

// Whether a metav1.LabelSelector has any requirement (matchLabels or matchExpressions).
bool selector_has_requirements(const Value& selector);

// "app=web, tier=api": a plain map selector or matchLabels for messages.
std::string format_labels(const Value& labels);

// A port a container declares, or one Spark adds to the pods it creates.
struct PortDecl {
  std::string name;
  int64_t number = 0;
  std::string protocol = "TCP";
};

// The ports container `c` of `pod` declares, with Spark's ports for the first regular
// container of a pod Spark creates (Spark puts them on the container it runs in, the first
// one of a pod template).
std::vector<PortDecl> container_ports(const Pod& pod, const FieldPath& container_path, const Value& c);

// Every port of every container of `pod`, Spark's ports included.
std::vector<PortDecl> pod_ports(const Pod& pod);

// Whether a Service of the chart can send traffic to `pod`: a workload pod, or a pod Spark
// creates from a template or a SparkApplication (it carries Spark's spark-role label).
bool can_be_selected(const Pod& pod);

// The labels of `pod` as selectors see them: for a Spark pod template inside a ConfigMap, also
// the spark.kubernetes.<role>.label.* settings of the spark-defaults files next to it, which
// spark-submit adds to the pods it creates; for a SparkApplication role, also the
// application's labels and the marks the Spark operator adds.
Value selectable_labels(const Pod& pod);

// The backends of an Ingress (`doc`): spec.defaultBackend and every rule path's backend.
std::vector<FieldPath> ingress_backends(const Value& doc);

// The namespace `o` lives in: its own, or the release namespace.
std::string namespace_of(const Context& ctx, const RenderedObject& o);

// The checks, one function per file.
void check_label_syntax(Context& ctx);                 // k8s_refs_labels.cpp
void check_selectors(Context& ctx);                    // k8s_refs_labels.cpp
void check_services(Context& ctx);                     // k8s_refs_ports.cpp
void check_probes(Context& ctx);                       // k8s_refs_ports.cpp
void check_references(Context& ctx);                   // k8s_refs_references.cpp
void check_service_urls(Context& ctx);                 // k8s_refs_urls.cpp
void check_duplicates(Context& ctx);                   // k8s_refs_duplicates.cpp

}  // namespace sparkc::validate::detail
