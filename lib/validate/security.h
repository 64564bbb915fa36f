// Private seam between the security rule files: the pod checks (restricted profile,
// privileged containers, host access), RBAC and secrets each have their own file and entry
// point; rules_security.cpp lists them and their registry entries.
#pragma once

#include "validate/rules.h"

namespace sparkc::validate::detail {

// security-pss-restricted, security-privileged, security-host-access on every pod.
void check_pod_security(Context& ctx);
// security-rbac-wildcard, security-rbac-cluster-scope, security-rbac-spark-driver.
void check_rbac(Context& ctx);
// security-hardcoded-password, security-secret-in-configmap.
void check_secrets(Context& ctx);

}  // namespace sparkc::validate::detail
