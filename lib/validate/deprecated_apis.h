// Kubernetes API versions that were deprecated and later removed, as the chart-deprecated-api
// and chart-removed-api rules look them up.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sparkc::validate::detail {

// A Kubernetes release as MAJOR.MINOR; patch levels never change which APIs are served.
struct KubeMinor {
  int major = 1;
  int minor = 0;
  auto operator<=>(const KubeMinor&) const = default;
  // "v1.25".
  std::string str() const {
    std::string out = "v";
    out += std::to_string(major);
    out += '.';
    out += std::to_string(minor);
    return out;
  }
};

// One built-in kind served at a group/version that Kubernetes deprecated and then removed.
struct DeprecatedApi {
  std::string_view api_version;  // "batch/v1beta1"
  std::string_view kind;         // "CronJob"
  KubeMinor deprecated;          // first release that announces the removal
  KubeMinor removed;             // first release that no longer serves it
  std::string_view replacement;  // "batch/v1", or "" when nothing replaces it
};

// Every entry, ordered by the release that removed it.
std::span<const DeprecatedApi> deprecated_apis();

// The entry for `api_version` and `kind`, or nullptr for APIs that are current (or unknown:
// custom resources are never reported).
const DeprecatedApi* find_deprecated_api(std::string_view api_version, std::string_view kind);

// What chart-deprecated-api or chart-removed-api says about `kind` at `api_version` on a
// cluster at `kube`.
struct ApiLifecycleFinding {
  std::string rule;     // "chart-deprecated-api" or "chart-removed-api"
  std::string message;  // "CronJob batch/v1beta1 is not served by Kubernetes v1.34: ..."
  std::string hint;     // "use apiVersion batch/v1"
};

// The finding for an object, or nullopt when its API is served and not deprecated at `kube`.
std::optional<ApiLifecycleFinding> api_lifecycle_finding(std::string_view api_version, std::string_view kind,
                                                         KubeMinor kube);

// The Kubernetes version Helm 3.19 assumes when none is given: its default
// .Capabilities.KubeVersion and the version `helm lint` checks deprecations against are both
// taken from the Kubernetes client libraries it is built with (1.34).
inline constexpr std::string_view kDefaultKubeVersion = "v1.34.0";

// MAJOR.MINOR of a version as Helm's semver parser reads it ("1.31", "v1.29.3",
// "1.30.2-gke.1"); nullopt when it is not a version.
std::optional<KubeMinor> parse_kube_minor(std::string_view v);

}  // namespace sparkc::validate::detail
