// The chart group's checks of charts/, crds/ and templates/ file names
// (lib/validate/rules_chart_files.cpp), run by run_chart_rules.
#pragma once

#include "sparkc/value.h"

namespace sparkc::validate::detail {

class Context;

// chart-dependency-undeclared, given the parsed Chart.yaml.
void check_undeclared_dependencies(Context& ctx, const Value& chart_yaml);
// chart-crd-kind.
void check_crds(Context& ctx);
// chart-file-extension.
void check_template_extensions(Context& ctx);

}  // namespace sparkc::validate::detail
