// The pieces of the template group that fixtures show only indirectly: tracing a rendered line
// back to its template line, --kube-version parsing, and the deprecated-API table.
#include <doctest/doctest.h>

#include <set>
#include <stdexcept>
#include <string>

#include "validate/deprecated_apis.h"
#include "validate/rules.h"
#include "validate/template_trace.h"

using namespace sparkc;
using namespace sparkc::validate::detail;

namespace {

// The template line (1-based) and column that wrote rendered line `r` (0-based) of `out`.
std::pair<int, int> trace(const std::string& tmpl, const std::string& out, int r) {
  std::vector<std::string_view> lines = split_text_lines(out);
  yaml::Mark m = trace_rendered_line(tmpl, lines, r);
  return {m.line, m.col};
}

}  // namespace

TEST_CASE("a rendered line is traced to the template line that wrote it") {
  const std::string tmpl =
      "apiVersion: v1\n"                              // 1
      "kind: ConfigMap\n"                             // 2
      "metadata:\n"                                   // 3
      "  name: {{ .Values.name }}\n"                  // 4
      "  {{- if .Values.labels }}\n"                  // 5
      "  labels:\n"                                   // 6
      "{{ include \"labels\" . | indent 6 }}\n"       // 7
      "  {{- end }}\n"                                // 8
      "data:\n"                                       // 9
      "  key: {{ .Values.key }}: x\n";                // 10
  const std::string out =
      "apiVersion: v1\n"    // 0
      "kind: ConfigMap\n"   // 1
      "metadata:\n"         // 2
      "  name: web\n"       // 3
      "  labels:\n"         // 4
      "      app: web\n"    // 5
      "      tier: front\n" // 6
      "data:\n"             // 7
      "  key: a: x\n";      // 8
  // Literal lines are found as they are.
  CHECK(trace(tmpl, out, 2) == std::pair{3, 1});
  CHECK(trace(tmpl, out, 4) == std::pair{6, 3});
  // A line with an action and literal text: the action's column.
  CHECK(trace(tmpl, out, 3) == std::pair{4, 9});
  CHECK(trace(tmpl, out, 8) == std::pair{10, 8});
  // Lines written by an include are blamed on it, never on the if/end around it.
  CHECK(trace(tmpl, out, 5) == std::pair{7, 1});
  CHECK(trace(tmpl, out, 6) == std::pair{7, 1});
}

TEST_CASE("a rendered line nothing explains is traced to the line before it or not at all") {
  CHECK(trace("{{ .Values.text }}\n", "hello\n", 0) == std::pair{1, 1});
  CHECK(trace("a: 1\n", "a: 1\nb: 2\n", 1) == std::pair{1, 1});
  CHECK(trace("{{- if .x }}\n{{- end }}\n", "stray\n", 0) == std::pair{0, 0});
}

TEST_CASE("--kube-version is normalised as Helm prints it") {
  CHECK(normalize_kube_version("1.31") == "v1.31.0");
  CHECK(normalize_kube_version("v1.29.3") == "v1.29.3");
  CHECK(normalize_kube_version("1") == "v1.0.0");
  CHECK(normalize_kube_version("1.30.2-gke.1") == "v1.30.2-gke.1");
  CHECK_THROWS_AS(normalize_kube_version("banana"), std::invalid_argument);
  CHECK_THROWS_AS(normalize_kube_version("1.x"), std::invalid_argument);
  CHECK(parse_kube_minor("v1.29.3") == KubeMinor{1, 29});
  CHECK(parse_kube_minor("1.31") == KubeMinor{1, 31});
  CHECK_FALSE(parse_kube_minor("latest").has_value());
  CHECK(parse_kube_minor(kDefaultKubeVersion) == KubeMinor{1, 34});
}

TEST_CASE("the deprecated-API table knows removed betas and leaves current APIs alone") {
  const DeprecatedApi* cron = find_deprecated_api("batch/v1beta1", "CronJob");
  REQUIRE(cron != nullptr);
  CHECK(cron->deprecated == KubeMinor{1, 21});
  CHECK(cron->removed == KubeMinor{1, 25});
  CHECK(cron->replacement == "batch/v1");
  const DeprecatedApi* psp = find_deprecated_api("policy/v1beta1", "PodSecurityPolicy");
  REQUIRE(psp != nullptr);
  CHECK(psp->replacement.empty());
  CHECK(find_deprecated_api("extensions/v1beta1", "Ingress")->removed == KubeMinor{1, 22});
  CHECK(find_deprecated_api("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema")->removed == KubeMinor{1, 32});
  // The kind matters: policy/v1beta1 never served Deployments.
  CHECK(find_deprecated_api("policy/v1beta1", "Deployment") == nullptr);
  CHECK(find_deprecated_api("batch/v1", "CronJob") == nullptr);
  CHECK(find_deprecated_api("apps/v1", "Deployment") == nullptr);
  CHECK(find_deprecated_api("sparkoperator.k8s.io/v1beta2", "SparkApplication") == nullptr);
}

TEST_CASE("every deprecated API is deprecated before it is removed and listed once") {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  KubeMinor last_removed{1, 0};
  for (const auto& a : deprecated_apis()) {
    CAPTURE(a.api_version);
    CAPTURE(a.kind);
    CHECK(a.deprecated < a.removed);
    CHECK(a.replacement != a.api_version);
    CHECK(last_removed <= a.removed);  // ordered by removal
    last_removed = a.removed;
    CHECK(seen.insert({a.api_version, a.kind}).second);
    CHECK(find_deprecated_api(a.api_version, a.kind) == &a);
  }
  CHECK(seen.size() > 40);
}
