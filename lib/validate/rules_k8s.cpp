// The k8s group: rules on the objects the chart renders. Each object is traced back to the
// template it came from (and to the line of the field, where the template writes it plainly).
#include <re2/re2.h>

#include <algorithm>

#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

// k8s-dns1123-name: Services and Namespaces need a DNS-1123 label, most other kinds a
// DNS-1123 subdomain. RBAC objects accept any path segment and are left out.
void check_dns1123_name(Context& ctx, const RenderedObject& o) {
  static const RE2 label("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static const RE2 subdomain("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static const std::set<std::string> rbac = {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"};
  if (o.name.empty() || o.kind.empty() || rbac.count(o.kind)) return;
  bool is_label = o.kind == "Service" || o.kind == "Namespace";
  size_t max = is_label ? 63 : 253;
  const char* what = is_label ? "DNS-1123 label" : "DNS-1123 subdomain";
  std::string problem;
  if (o.name.size() > max) {
    problem = "is " + std::to_string(o.name.size()) + " characters long, more than " + std::to_string(max);
  } else if (!RE2::FullMatch(o.name, is_label ? label : subdomain)) {
    problem = is_label ? "must consist of lower-case alphanumerics or '-', and start and end with an alphanumeric"
                       : "must consist of lower-case alphanumerics, '-' or '.', and start and end with an alphanumeric";
  }
  if (problem.empty()) return;
  ctx.report_object("k8s-dns1123-name", o, {"metadata", "name"},
             o.kind + " name \"" + o.name + "\" is not a valid " + what + ": it " + problem,
             "lower-case it, use '-' instead of '_', and `trunc " + std::to_string(is_label ? 63 : 253) +
                 " | trimSuffix \"-\"`");
}

}  // namespace

void run_k8s_rules(Context& ctx) {
  const auto* objects = ctx.objects();
  if (!objects) return;
  for (const auto& o : *objects) {
    check_dns1123_name(ctx, o);
  }
}

}  // namespace sparkc::validate::detail
