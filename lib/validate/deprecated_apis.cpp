// The table of deprecated and removed Kubernetes APIs.
//
// Source: the Kubernetes "Deprecated API Migration Guide" (kubernetes.io, docs/reference/
// using-api/deprecation-guide) for the removal releases and replacements, and the
// prerelease-lifecycle markers of the beta API packages for the release that deprecated each
// version. Only built-in kinds are listed; a custom resource is never reported. Alpha APIs are
// left out: they are off by default and a chart that needs one says so in its documentation.
#include "validate/deprecated_apis.h"

#include <re2/re2.h>

#include <array>

namespace sparkc::validate::detail {
namespace {

// Ordered by removal release, then group, then kind.
constexpr std::array kDeprecatedApis = {
    // Removed in 1.16: the workload, NetworkPolicy and PodSecurityPolicy betas.
    DeprecatedApi{"extensions/v1beta1", "DaemonSet", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"extensions/v1beta1", "Deployment", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"extensions/v1beta1", "ReplicaSet", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"extensions/v1beta1", "NetworkPolicy", {1, 9}, {1, 16}, "networking.k8s.io/v1"},
    DeprecatedApi{"extensions/v1beta1", "PodSecurityPolicy", {1, 11}, {1, 16}, "policy/v1beta1"},
    DeprecatedApi{"apps/v1beta1", "Deployment", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta1", "StatefulSet", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta1", "ReplicaSet", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta1", "ControllerRevision", {1, 8}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "DaemonSet", {1, 9}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "Deployment", {1, 9}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "StatefulSet", {1, 9}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "ReplicaSet", {1, 9}, {1, 16}, "apps/v1"},
    DeprecatedApi{"apps/v1beta2", "ControllerRevision", {1, 9}, {1, 16}, "apps/v1"},
    // Removed in 1.22: the betas that went GA by 1.19.
    DeprecatedApi{"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", {1, 16}, {1, 22},
                  "admissionregistration.k8s.io/v1"},
    DeprecatedApi{"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", {1, 16}, {1, 22},
                  "admissionregistration.k8s.io/v1"},
    DeprecatedApi{"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", {1, 16}, {1, 22},
                  "apiextensions.k8s.io/v1"},
    DeprecatedApi{"apiregistration.k8s.io/v1beta1", "APIService", {1, 19}, {1, 22}, "apiregistration.k8s.io/v1"},
    DeprecatedApi{"authentication.k8s.io/v1beta1", "TokenReview", {1, 19}, {1, 22}, "authentication.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", {1, 19}, {1, 22},
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", {1, 19}, {1, 22},
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"authorization.k8s.io/v1beta1", "SubjectAccessReview", {1, 19}, {1, 22},
                  "authorization.k8s.io/v1"},
    DeprecatedApi{"certificates.k8s.io/v1beta1", "CertificateSigningRequest", {1, 19}, {1, 22},
                  "certificates.k8s.io/v1"},
    DeprecatedApi{"coordination.k8s.io/v1beta1", "Lease", {1, 19}, {1, 22}, "coordination.k8s.io/v1"},
    DeprecatedApi{"extensions/v1beta1", "Ingress", {1, 14}, {1, 22}, "networking.k8s.io/v1"},
    DeprecatedApi{"networking.k8s.io/v1beta1", "Ingress", {1, 19}, {1, 22}, "networking.k8s.io/v1"},
    DeprecatedApi{"networking.k8s.io/v1beta1", "IngressClass", {1, 19}, {1, 22}, "networking.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "ClusterRole", {1, 17}, {1, 22},
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", {1, 17}, {1, 22},
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "Role", {1, 17}, {1, 22}, "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"rbac.authorization.k8s.io/v1beta1", "RoleBinding", {1, 17}, {1, 22},
                  "rbac.authorization.k8s.io/v1"},
    DeprecatedApi{"scheduling.k8s.io/v1beta1", "PriorityClass", {1, 14}, {1, 22}, "scheduling.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "CSIDriver", {1, 19}, {1, 22}, "storage.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "CSINode", {1, 17}, {1, 22}, "storage.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "StorageClass", {1, 19}, {1, 22}, "storage.k8s.io/v1"},
    DeprecatedApi{"storage.k8s.io/v1beta1", "VolumeAttachment", {1, 19}, {1, 22}, "storage.k8s.io/v1"},
    // Removed in 1.25.
    DeprecatedApi{"autoscaling/v2beta1", "HorizontalPodAutoscaler", {1, 22}, {1, 25}, "autoscaling/v2"},
    DeprecatedApi{"batch/v1beta1", "CronJob", {1, 21}, {1, 25}, "batch/v1"},
    DeprecatedApi{"discovery.k8s.io/v1beta1", "EndpointSlice", {1, 21}, {1, 25}, "discovery.k8s.io/v1"},
    DeprecatedApi{"events.k8s.io/v1beta1", "Event", {1, 19}, {1, 25}, "events.k8s.io/v1"},
    DeprecatedApi{"node.k8s.io/v1beta1", "RuntimeClass", {1, 20}, {1, 25}, "node.k8s.io/v1"},
    DeprecatedApi{"policy/v1beta1", "PodDisruptionBudget", {1, 21}, {1, 25}, "policy/v1"},
    // PodSecurityPolicy has no successor: Pod Security Admission replaces it.
    DeprecatedApi{"policy/v1beta1", "PodSecurityPolicy", {1, 21}, {1, 25}, ""},
    // Removed in 1.26.
    DeprecatedApi{"autoscaling/v2beta2", "HorizontalPodAutoscaler", {1, 23}, {1, 26}, "autoscaling/v2"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", {1, 23}, {1, 26},
                  "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", {1, 23}, {1, 26},
                  "flowcontrol.apiserver.k8s.io/v1"},
    // Removed in 1.27.
    DeprecatedApi{"storage.k8s.io/v1beta1", "CSIStorageCapacity", {1, 24}, {1, 27}, "storage.k8s.io/v1"},
    // Removed in 1.29.
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", {1, 26}, {1, 29},
                  "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", {1, 26}, {1, 29},
                  "flowcontrol.apiserver.k8s.io/v1"},
    // Removed in 1.32.
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", {1, 29}, {1, 32},
                  "flowcontrol.apiserver.k8s.io/v1"},
    DeprecatedApi{"flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", {1, 29}, {1, 32},
                  "flowcontrol.apiserver.k8s.io/v1"},
};

}  // namespace

std::span<const DeprecatedApi> deprecated_apis() { return kDeprecatedApis; }

const DeprecatedApi* find_deprecated_api(std::string_view api_version, std::string_view kind) {
  for (const auto& a : kDeprecatedApis) {
    if (a.api_version == api_version && a.kind == kind) return &a;
  }
  return nullptr;
}

std::optional<ApiLifecycleFinding> api_lifecycle_finding(std::string_view api_version, std::string_view kind,
                                                         KubeMinor kube) {
  const DeprecatedApi* d = find_deprecated_api(api_version, kind);
  if (!d || kube < d->deprecated) return std::nullopt;
  std::string replacement(d->replacement);
  std::string use = replacement.empty() ? "" : "; use " + replacement;
  ApiLifecycleFinding f;
  f.hint = replacement.empty() ? "remove it (nothing replaces it)" : "use apiVersion " + replacement;
  std::string what = std::string(kind) + " " + std::string(api_version);
  if (kube >= d->removed) {
    f.rule = "chart-removed-api";
    f.message = what + " is not served by Kubernetes " + kube.str() + ": removed in " + d->removed.str() + use;
  } else {
    f.rule = "chart-deprecated-api";
    f.message = what + " is deprecated in " + d->deprecated.str() + "+, unavailable in " + d->removed.str() + "+" + use;
  }
  return f;
}

std::optional<KubeMinor> parse_kube_minor(std::string_view v) {
  // Masterminds/semver's lenient form, as Helm's ParseKubeVersion accepts it: a "v" prefix,
  // minor and patch optional, then a pre-release or build suffix.
  static const RE2 re("v?([0-9]{1,6})(?:\\.([0-9]{1,6}))?(?:\\.[0-9]{1,6})?(?:[-+][0-9A-Za-z.+-]*)?");
  int major = 0;
  std::string minor;
  if (!RE2::FullMatch(re2::StringPiece(v.data(), v.size()), re, &major, &minor)) return std::nullopt;
  return KubeMinor{major, minor.empty() ? 0 : std::stoi(minor)};
}

}  // namespace sparkc::validate::detail
