// The spark group, runtime half: Spark processes and versions (client and server Python and
// PySpark, packages, command lines, mounts, replicas) and the capacity their pods need.
#include "validate/rules.h"

namespace sparkc::validate::detail {

std::vector<RuleInfo> spark_runtime_rule_infos() { return {}; }

void run_spark_runtime_rules(Context& ctx) { (void)ctx; }

}  // namespace sparkc::validate::detail
