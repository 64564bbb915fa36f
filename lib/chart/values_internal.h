// Helpers shared by the chart module's files; not part of the public API.
#pragma once

#include <string>

#include "sparkc/chart.h"
#include "sparkc/functions.h"

namespace sparkc::chart {

// A call context for using template functions (semver, toYaml) outside a template.
struct NullCallContext : gotmpl::CallContext {
  std::string include(std::string_view, const Value&) override { return ""; }
  std::string tpl(std::string_view, const Value&) override { return ""; }
  std::string_view template_name() const override { return ""; }
  void random_bytes(std::span<unsigned char> out) override {
    for (auto& b : out) b = 0;
  }
};

// Helm's Values.Table: the map at a dotted path, or nullptr.
const Value* values_table(const Value& v, const std::string& path);

// Helm's ProcessDependenciesWithMerge: conditions, tags, aliases, import-values.
void process_dependencies(Chart& chart, const Value& user_values);

// The objects templates see: .Chart, .Capabilities, .Files.
Value make_chart_object(const Chart& chart);
Value make_files_object(const std::vector<File>& files);

// Helm's chartutil.Capabilities for `helm template`.
struct Capabilities {
  std::string kube_version = "v1.34.0";
  std::string kube_major = "1";
  std::string kube_minor = "34";
  std::vector<std::string> api_versions;
};
Capabilities default_capabilities();
Value make_capabilities_object(const Capabilities& caps);

}  // namespace sparkc::chart
