// The rendered side of a chart, as the k8s, security and spark rules see it: every object the
// chart renders (traced back to its template), every pod it describes (workload templates,
// bare Pods, Spark driver and executor pod templates embedded in ConfigMaps, SparkApplication
// roles), and the location of a field of an object in its template source.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"
#include "sparkc/yaml.h"

namespace sparkc::validate::detail {

class Context;

// A path to a field inside an object: map keys, and list indexes as decimal strings
// ({"spec", "template", "spec", "containers", "0", "image"}).
using FieldPath = std::vector<std::string>;

// One object of the rendered chart and where it came from. The items of a List ("kind: List",
// or a typed one such as SecretList) are objects of their own, right after the List, since
// Helm and kubectl install them one by one: kind, name, namespace and annotations are the
// item's, and `base` says where the item sits in the List's document.
struct RenderedObject {
  Value doc;
  std::string api_version, kind, name, namespace_;
  std::string rel;                 // template path relative to the chart root
  size_t doc_index = 0;            // position among the documents of that template's output
  size_t kind_index = 0;           // position among the objects of this kind in that output
  std::set<std::string> disabled;  // rules listed in the spark-constructor.io/disable annotation
  // For an item of a List: its path in the List's document ({"items", "3"}), which
  // locate_field puts before every field path, and the List's kind, which the template section
  // writes (doc_index and kind_index are the List's). Both empty for any other object.
  FieldPath base;
  std::string list_kind;

  // "Kind/name".
  std::string ident() const { return kind + "/" + name; }
  // Whether the object's annotation disables `rule`.
  bool suppresses(std::string_view rule) const { return disabled.count(std::string(rule)) > 0; }
};

// "spec.template.spec.containers[0].image".
std::string format_field_path(const FieldPath& path);

// The value at `path` in `v`, or nullptr.
const Value* value_at(const Value& v, const FieldPath& path);

// A pod the chart describes.
struct Pod {
  const RenderedObject* owner = nullptr;
  std::string ident;   // "Deployment/web", "ConfigMap/conf[executor-pod-template.yaml]"
  FieldPath spec_path; // where the pod spec sits in owner->doc; for an embedded pod template,
                       // {"data", KEY, "spec"} (the path continues inside the embedded text)
  Value spec;          // the pod spec (a map; empty when the object has none)
  Value labels;        // pod labels (a map), Spark's spark-role label included for Spark pods
  Value annotations;   // pod annotations (a map)
  bool selectable = true;  // can be a Service endpoint (not a hook Pod or a pod template file)
  bool embedded = false;   // parsed from a pod template file in a ConfigMap
  std::string spark_role;  // "driver" or "executor" for pods Spark creates at run time
  // Ports Spark adds to the pods it creates (name, number).
  std::vector<std::pair<std::string, int64_t>> extra_ports;
  // StatefulSet volumeClaimTemplates names: volumes the pod may mount without declaring.
  std::vector<std::string> claim_templates;

  // Init, regular and ephemeral containers with their field path below the spec:
  // {"containers", "0"}.
  std::vector<std::pair<FieldPath, const Value*>> containers() const;
  // The full field path of `below` (relative to the pod spec) inside owner->doc.
  FieldPath path_of(const FieldPath& below) const;
};

// The ports Spark gives the pods it creates: the driver serves RPC, the block manager and the
// UI; executors the block manager.
const std::vector<std::pair<std::string, int64_t>>& spark_driver_ports();
const std::vector<std::pair<std::string, int64_t>>& spark_executor_ports();

// A Spark pod template file kept in a ConfigMap entry: the entry's text parsed, when it is a
// YAML document of kind Pod; nullopt otherwise.
std::optional<Value> pod_template_file(const Value& text);

// Every pod `objects` describe, in object order.
std::vector<Pod> pods_of(const std::vector<RenderedObject>& objects);

// Whether `o` is a List whose items are installed as objects: "kind: List", or a typed list
// (SecretList) with an items field, so that a custom kind that merely ends in "List" is not.
bool is_list_object(const RenderedObject& o);

// Kinds whose spec.template is a pod template.
bool is_workload_kind(std::string_view kind);

// The path on disk, relative to the chart root `chart_dir`, of the template Helm names `rel`.
// Helm names a subchart's templates after the dependency's alias ("charts/jobs/templates/
// cronjob.yaml" for chart worker aliased jobs), which is no file of the chart. `rel` itself when
// the subchart is not a directory (a .tgz).
std::string template_file(const std::string& chart_dir, const std::string& rel);

// Renders the chart as `helm template` does and splits the output into objects; nullopt after
// reporting template-render-error when the chart does not load or render.
std::optional<std::vector<RenderedObject>> render_objects(Context& ctx);

// The line and column of the field at `path` of `o` (below o.base) in its template source,
// found by following the keys through indentation; the deepest part of the path the template
// writes plainly (a field produced by `include` or `toYaml` is found at its parent). {0, 0}
// when the template cannot be read.
yaml::Mark locate_field(Context& ctx, const RenderedObject& o, const FieldPath& path);

// The line inside the multi-line string at `path` of `o` (a defaults file, a script, a DAG in a
// block scalar) that `match` picks: the first template line below the field, within its block,
// for which `match` returns a column (0-based; npos for no match). The field's own line is tried
// too when `from_field_line` (a quoted string may start there). The field's location
// (locate_field) when no line matches or the template cannot be read.
yaml::Mark locate_in_block(Context& ctx, const RenderedObject& o, const FieldPath& path, bool from_field_line,
                           const std::function<size_t(std::string_view line)>& match);

// Kubernetes resource quantities ("500m", "2Gi", "1e3"): the amount in base units (cores,
// bytes), or nullopt when `s` is not a quantity.
std::optional<double> parse_quantity(std::string_view s);
// A quantity value from YAML: a string or a number.
std::optional<double> quantity_of(const Value& v);

// The text of a string map entry, or "".
std::string string_at(const Value& v, std::string_view key);

}  // namespace sparkc::validate::detail
