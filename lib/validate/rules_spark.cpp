// The spark group: the Spark-on-Kubernetes failures that only show up at run time.
#include "validate/rules.h"

namespace sparkc::validate::detail {

std::vector<RuleInfo> spark_rule_infos() { return {}; }

void run_spark_rules(Context& ctx) { (void)ctx; }

}  // namespace sparkc::validate::detail
