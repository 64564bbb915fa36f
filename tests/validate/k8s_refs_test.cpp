// The helpers of the k8s cross-reference rules whose edge cases the fixtures do not show one by
// one: label key and value syntax (apimachinery's IsQualifiedName and IsValidLabelValue) and
// label selector matching (metav1.LabelSelector semantics); and the preset self-test's
// cross-reference mutations, so the rules keep the coverage of tests/presets/xref.py.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "sparkc/validate.h"
#include "sparkc/yaml.h"
#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace fs = std::filesystem;
using namespace sparkc;
using namespace sparkc::validate::detail;

TEST_CASE("label keys: optional DNS subdomain prefix, name of at most 63 characters") {
  struct Row {
    std::string key;
    bool ok;
  };
  const Row rows[] = {
      {"app", true},
      {"app.kubernetes.io/name", true},
      {"A_b.c-D9", true},
      {"9", true},
      {"example.com/Upper_Name", true},
      {"spark-role", true},
      {std::string(63, 'a'), true},
      {std::string(64, 'a'), false},
      {std::string(253, 'a') + "/x", true},
      {std::string(254, 'a') + "/x", false},
      {"", false},
      {"/name", false},
      {"example.com/", false},
      {"a/b/c", false},
      {"-app", false},
      {"app-", false},
      {"app name", false},
      {"tier!", false},
      {"Example.com/name", false},  // prefixes are lower case
      {"example_com/name", false},
      {"-example.com/name", false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.key);
    CHECK(label_key_problem(r.key).empty() == r.ok);
  }
}

TEST_CASE("label values: empty, or at most 63 alphanumerics, '-', '_', '.' with alphanumeric ends") {
  struct Row {
    std::string value;
    bool ok;
  };
  const Row rows[] = {
      {"", true},
      {"web", true},
      {"3.5.4", true},
      {"a_b-c.d", true},
      {std::string(63, 'x'), true},
      {std::string(64, 'x'), false},
      {"3.5.4+scala", false},
      {"data team", false},
      {"web/v1", false},
      {"-web", false},
      {"web.", false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.value);
    CHECK(label_value_problem(r.value).empty() == r.ok);
  }
  CHECK(label_value_problem(std::string(64, 'x')) == "is 64 characters long, more than 63");
}

TEST_CASE("label selectors: matchLabels and every matchExpressions operator") {
  Value labels = yaml::load("{app: web, tier: db, replicas: 2}");
  struct Row {
    const char* selector;
    std::string mismatch;  // "" when the labels are selected
  };
  const Row rows[] = {
      {"{}", ""},  // an empty selector selects everything
      {"{matchLabels: {app: web}}", ""},
      {"{matchLabels: {app: web, tier: db}}", ""},
      {"{matchLabels: {replicas: \"2\"}}", ""},  // numbers compare as their text
      {"{matchLabels: {app: api}}", "has \"app\": \"web\", not \"api\""},
      {"{matchLabels: {zone: a}}", "has no label \"zone\""},
      {"{matchExpressions: [{key: tier, operator: In, values: [db, cache]}]}", ""},
      {"{matchExpressions: [{key: tier, operator: In, values: [cache]}]}",
       "has \"tier\": \"db\", not one of the In values"},
      {"{matchExpressions: [{key: zone, operator: In, values: [a]}]}", "has no label \"zone\" (operator In)"},
      {"{matchExpressions: [{key: tier, operator: NotIn, values: [cache]}]}", ""},
      {"{matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}", ""},
      {"{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}", "has \"tier\": \"db\", a NotIn value"},
      {"{matchExpressions: [{key: app, operator: Exists}]}", ""},
      {"{matchExpressions: [{key: zone, operator: Exists}]}", "has no label \"zone\" (operator Exists)"},
      {"{matchExpressions: [{key: zone, operator: DoesNotExist}]}", ""},
      {"{matchExpressions: [{key: app, operator: DoesNotExist}]}",
       "has the label \"app\" (operator DoesNotExist)"},
      {"{matchExpressions: [{key: app, operator: Equals, values: [web]}]}",
       "cannot meet operator \"Equals\" of key \"app\""},
      {"{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [cache]}]}",
       "has \"tier\": \"db\", not one of the In values"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.selector);
    CHECK(selector_mismatch(yaml::load(r.selector), labels) == r.mismatch);
  }
  CHECK_FALSE(selector_has_requirements(yaml::load("{}")));
  CHECK_FALSE(selector_has_requirements(yaml::load("{matchLabels: {}}")));
  CHECK(selector_has_requirements(yaml::load("{matchExpressions: [{key: a, operator: Exists}]}")));
}

TEST_CASE("plain map selectors and their text") {
  Value labels = yaml::load("{app: web, version: 2}");
  CHECK(map_selector_mismatch(yaml::load("{app: web}"), labels) == "");
  CHECK(map_selector_mismatch(yaml::load("{app: web, version: \"2\"}"), labels) == "");
  CHECK(map_selector_mismatch(yaml::load("{app: webb}"), labels) == "has \"app\": \"web\", not \"webb\"");
  CHECK(format_labels(yaml::load("{b: 2, a: x}")) == "a=x, b=2");
  CHECK(scalar_text(yaml::load("true")) == "true");
  CHECK(scalar_text(yaml::load("1.5")) == "1.5");
  CHECK(int_of(yaml::load("8080")) == 8080);
  CHECK_FALSE(int_of(yaml::load("80.5")).has_value());
  CHECK_FALSE(int_of(yaml::load("http")).has_value());
}

// The mutation table of tests/presets/selftest.py for the cross-reference checks this group
// took over from tests/presets/xref.py: a small chart that passes every check, and one
// defect per row with the rule it must trigger.
namespace {

const char* kBaseChart = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: release-name-server
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: release-name-conf
data:
  spark-defaults.conf: |
    spark.driver.port 7078
---
apiVersion: v1
kind: Secret
metadata:
  name: release-name-minio
data:
  pw: cHc=
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: release-name-server
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: release-name-server
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: release-name-server
subjects:
  - kind: ServiceAccount
    name: release-name-server
---
apiVersion: v1
kind: Service
metadata:
  name: release-name-server
spec:
  selector:
    app.kubernetes.io/instance: release-name
    app.kubernetes.io/component: server
  ports:
    - name: grpc
      port: 15002
      targetPort: grpc
    - name: ui
      port: 4040
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: release-name-server
spec:
  selector:
    matchLabels:
      app.kubernetes.io/instance: release-name
      app.kubernetes.io/component: server
  template:
    metadata:
      labels:
        app.kubernetes.io/instance: release-name
        app.kubernetes.io/component: server
    spec:
      serviceAccountName: release-name-server
      volumes:
        - name: conf
          configMap:
            name: release-name-conf
        - name: tmp
          emptyDir: {}
      containers:
        - name: server
          image: spark
          ports:
            - name: grpc
              containerPort: 15002
            - name: ui
              containerPort: 4040
          envFrom:
            - secretRef:
                name: release-name-minio
          args:
            - --remote=sc://release-name-server.spark-proofs.svc.cluster.local:15002
          volumeMounts:
            - name: conf
              mountPath: /opt/spark/conf
            - name: tmp
              mountPath: /tmp
)";

struct Mutation {
  const char* name;
  std::string from, to;  // text replaced in the base chart
  const char* rule;      // the rule it must trigger
};

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

// The IDs of this group's findings on `chart_text`.
std::set<std::string> refs_findings(const std::string& chart_text) {
  fs::path dir = fs::temp_directory_path() / "sparkc-k8s-refs-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "templates");
  std::ofstream(dir / "Chart.yaml") << "apiVersion: v2\nname: t\nversion: 0.1.0\n";
  std::ofstream(dir / "values.yaml") << "";
  std::ofstream(dir / "templates" / "all.yaml") << chart_text;
  validate::Options opts;
  opts.namespace_ = "spark-proofs";
  validate::Report r = validate::validate_chart(dir.string(), opts);
  fs::remove_all(dir);
  std::set<std::string> ours;
  for (const auto& info : k8s_refs_rule_infos()) ours.insert(info.id);
  std::set<std::string> out;
  for (const auto& d : r.diagnostics) {
    if (ours.count(d.rule_id)) out.insert(d.rule_id);
  }
  return out;
}

}  // namespace

TEST_CASE("the cross-reference mutations of the preset self-test trigger their rule") {
  CHECK(refs_findings(kBaseChart).empty());
  const std::string sel = "    app.kubernetes.io/component: server\n  ports:";
  const Mutation rows[] = {
      {"service selects nothing", sel, "    app.kubernetes.io/component: other\n  ports:", "k8s-service-no-pods"},
      {"selector-less Service without endpoints",
       "  selector:\n    app.kubernetes.io/instance: release-name\n    app.kubernetes.io/component: server\n  ports:",
       "  ports:", "k8s-service-no-pods"},
      {"EndpointSlice without the Service's port",
       "  selector:\n    app.kubernetes.io/instance: release-name\n    app.kubernetes.io/component: server\n  ports:",
       "  ports:",  // the slice below serves grpc only, the Service also ui
       "k8s-service-target-port"},
      {"service targets an unnamed port", "      targetPort: grpc", "      targetPort: rpc", "k8s-service-target-port"},
      {"service port defaults to a number not declared", "      port: 4040\n---", "      port: 4041\n---",
       "k8s-port-undeclared"},
      {"missing ConfigMap", "  name: release-name-conf\ndata:", "  name: release-name-config\ndata:",
       "k8s-reference-missing"},
      {"missing Secret", "  name: release-name-minio\ndata:", "  name: release-name-s3\ndata:", "k8s-reference-missing"},
      {"missing ServiceAccount", "kind: ServiceAccount\nmetadata:\n  name: release-name-server",
       "kind: ServiceAccount\nmetadata:\n  name: release-name-other", "k8s-reference-missing"},
      {"missing Role", "kind: Role\nmetadata:\n  name: release-name-server", "kind: Role\nmetadata:\n  name: release-name-x",
       "k8s-reference-missing"},
      {"mount without volume", "            - name: tmp\n              mountPath: /tmp",
       "            - name: work\n              mountPath: /tmp", "k8s-reference-missing"},
      {"URL to a Service that does not exist", "sc://release-name-server.", "sc://release-name-connect.",
       "k8s-service-url"},
      {"URL to a port the Service does not serve", "cluster.local:15002", "cluster.local:15003", "k8s-service-url"},
      {"URL in another namespace", "release-name-server.spark-proofs.svc", "release-name-server.default.svc",
       "k8s-service-url"},
  };
  for (const auto& m : rows) {
    CAPTURE(m.name);
    std::string chart = replace_once(kBaseChart, m.from, m.to);
    if (std::string(m.name) == "EndpointSlice without the Service's port") {
      chart += "---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: release-name-server-1\n"
               "  labels:\n    kubernetes.io/service-name: release-name-server\naddressType: IPv4\n"
               "endpoints:\n  - addresses: [10.0.0.1]\nports:\n  - name: grpc\n    port: 15002\n";
    }
    CHECK(refs_findings(chart) == std::set<std::string>{m.rule});
  }
}
