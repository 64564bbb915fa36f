// The helpers of the k8s cross-reference rules whose edge cases the fixtures do not show one by
// one: label key and value syntax (apimachinery's IsQualifiedName and IsValidLabelValue) and
// label selector matching (metav1.LabelSelector semantics).
#include <doctest/doctest.h>

#include "sparkc/yaml.h"
#include "validate/k8s_refs.h"

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
