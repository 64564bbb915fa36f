// Objects that must fit together: labels, selectors, Services and their pods, references, names, probes.
#include "validate/rules.h"

namespace sparkc::validate::detail {

std::vector<RuleInfo> k8s_refs_rule_infos() { return {}; }

void run_k8s_refs_rules(Context& ctx) { (void)ctx; }

}  // namespace sparkc::validate::detail
