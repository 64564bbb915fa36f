// The chart group's checks of charts/, crds/ and templates/ file names
// (lib/validate/rules_chart_files.cpp), run by run_chart_rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sparkc/value.h"
#include "validate/deprecated_apis.h"

namespace sparkc::validate::detail {

class Context;

// chart-dependency-undeclared, given the parsed Chart.yaml.
void check_undeclared_dependencies(Context& ctx, const Value& chart_yaml);
// The names of the root chart's files as Helm loads them ("templates/x.yaml", "crds/y.yaml"),
// .helmignore applied, sorted; empty when the chart does not load.
std::vector<std::string> loaded_file_names(const std::string& dir);
// The cluster's Kubernetes MAJOR.MINOR: --kube-version, or the version Helm assumes; nullopt
// when --kube-version is not a version (the render reports it).
std::optional<KubeMinor> cluster_kube_minor(const Context& ctx);
// chart-crd-kind on the crds/ files among `files`, and chart-deprecated-api /
// chart-removed-api on the CustomResourceDefinitions there.
void check_crds(Context& ctx, const std::vector<std::string>& files);
// chart-file-extension on the templates/ files among `files`.
void check_template_extensions(Context& ctx, const std::vector<std::string>& files);

}  // namespace sparkc::validate::detail
