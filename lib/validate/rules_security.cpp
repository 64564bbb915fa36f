// The security group: restricted pod security, host access, RBAC, passwords and secrets.
#include "validate/rules.h"

namespace sparkc::validate::detail {

std::vector<RuleInfo> security_rule_infos() { return {}; }

void run_security_rules(Context& ctx) { (void)ctx; }

}  // namespace sparkc::validate::detail
