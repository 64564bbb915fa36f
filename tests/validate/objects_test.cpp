// The rendered-object layer every k8s, security and spark rule stands on: objects traced to
// their template, fields located on their template line, pods found (Spark pod templates
// included), and Kubernetes quantities.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "validate/rules.h"

namespace fs = std::filesystem;
using namespace sparkc;
using namespace sparkc::validate::detail;

namespace {

// A chart in a temporary directory with one template, removed at the end of the test.
struct TempChart {
  fs::path dir;
  explicit TempChart(const std::string& tmpl) {
    dir = fs::temp_directory_path() / "sparkc-objects-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "templates");
    std::ofstream(dir / "Chart.yaml") << "apiVersion: v2\nname: t\nversion: 0.1.0\n";
    std::ofstream(dir / "values.yaml") << "image: spark:4.1.0\nitems: [a, b]\n";
    std::ofstream(dir / "templates" / "all.yaml") << tmpl;
  }
  ~TempChart() { fs::remove_all(dir); }
};

const char* kTemplate =
    "apiVersion: v1\n"                                   // 1
    "kind: ConfigMap\n"                                  // 2
    "metadata:\n"                                        // 3
    "  name: conf\n"                                     // 4
    "data:\n"                                            // 5
    "  executor-pod-template.yaml: |\n"                  // 6
    "    apiVersion: v1\n"                               // 7
    "    kind: Pod\n"                                    // 8
    "    spec:\n"                                        // 9
    "      containers:\n"                                // 10
    "        - name: executor\n"                         // 11
    "          image: {{ .Values.image }}\n"             // 12
    "---\n"                                              // 13
    "apiVersion: apps/v1\n"                              // 14
    "kind: Deployment\n"                                 // 15
    "metadata:\n"                                        // 16
    "  name: web\n"                                      // 17
    "spec:\n"                                            // 18
    "  selector:\n"                                      // 19
    "    matchLabels: {app: web}\n"                      // 20
    "  template:\n"                                      // 21
    "    metadata:\n"                                    // 22
    "      labels:\n"                                    // 23
    "        app: web\n"                                 // 24
    "    spec:\n"                                        // 25
    "      {{- with .Values.items }}\n"                  // 26
    "      initContainers:\n"                            // 27
    "      {{- range . }}\n"                             // 28
    "      - name: init-{{ . }}\n"                       // 29
    "        image: busybox\n"                           // 30
    "      {{- end }}\n"                                 // 31
    "      {{- end }}\n"                                 // 32
    "      containers:\n"                                // 33
    "      - name: web\n"                                // 34
    "        image: {{ .Values.image }}\n"               // 35
    "        ports:\n"                                   // 36
    "        - containerPort: 8080\n"                    // 37
    "          name: http\n"                             // 38
    "      - name: sidecar\n"                            // 39
    "        securityContext:\n"                         // 40
    "          {{- toYaml (dict \"runAsNonRoot\" true) | nindent 10 }}\n"  // 41
    "---\n"                                              // 42
    "apiVersion: v1\n"                                   // 43
    "kind: Service\n"                                    // 44
    "metadata:\n"                                        // 45
    "  name: web\n"                                      // 46
    "spec:\n"                                            // 47
    "  ports:\n"                                         // 48
    "    - port: 80\n"                                   // 49
    "      targetPort: http\n";                          // 50

}  // namespace

TEST_CASE("objects are rendered once and fields are found on their template lines") {
  TempChart chart(kTemplate);
  validate::Options opts;
  Context ctx(chart.dir.string(), "t", opts);
  const auto* objects = ctx.objects();
  REQUIRE(objects != nullptr);
  REQUIRE(objects->size() == 3);
  CHECK(objects->at(1).ident() == "Deployment/web");
  CHECK(objects->at(1).api_version == "apps/v1");
  CHECK(ctx.objects() == objects);

  struct Row {
    size_t object;
    FieldPath path;
    int line, col;
  };
  const Row rows[] = {
      {1, {}, 15, 1},
      {1, {"metadata", "name"}, 17, 3},
      {1, {"spec", "template", "metadata", "labels", "app"}, 24, 9},
      {1, {"spec", "template", "spec", "containers", "0", "image"}, 35, 9},
      {1, {"spec", "template", "spec", "containers", "0", "ports", "0", "name"}, 38, 11},
      {1, {"spec", "template", "spec", "containers", "1", "name"}, 39, 9},
      // Written by toYaml: found at the nearest field the template writes.
      {1, {"spec", "template", "spec", "containers", "1", "securityContext", "runAsNonRoot"}, 40, 9},
      // Items of a range: the written item stands for every one of them.
      {1, {"spec", "template", "spec", "initContainers", "1", "image"}, 30, 9},
      {1, {"spec", "template", "spec", "initContainers", "0", "name"}, 29, 9},
      // Inside an embedded pod template file.
      {0, {"data", "executor-pod-template.yaml", "spec", "containers", "0", "image"}, 12, 11},
      {2, {"spec", "ports", "0", "targetPort"}, 50, 7},
      {2, {"spec", "nosuch"}, 47, 1},
  };
  for (const auto& r : rows) {
    CAPTURE(format_field_path(r.path));
    yaml::Mark m = locate_field(ctx, objects->at(r.object), r.path);
    CHECK(m.line == r.line);
    CHECK(m.col == r.col);
  }
}

TEST_CASE("the items of a List are objects of their own, found below the List's items") {
  TempChart chart(
      "apiVersion: v1\n"                                            // 1
      "kind: ConfigMap\n"                                           // 2
      "metadata:\n"                                                 // 3
      "  name: first\n"                                             // 4
      "---\n"                                                       // 5
      "apiVersion: v1\n"                                            // 6
      "kind: List\n"                                                // 7
      "items:\n"                                                    // 8
      "  # a comment between items\n"                               // 9
      "  - apiVersion: v1\n"                                        // 10
      "    kind: ConfigMap\n"                                       // 11
      "    metadata:\n"                                             // 12
      "      name: listed\n"                                        // 13
      "      namespace: ns\n"                                       // 14
      "      annotations:\n"                                        // 15
      "        spark-constructor.io/disable: k8s-dns1123-name\n"    // 16
      "  - apiVersion: v1\n"                                        // 17
      "    kind: Pod\n"                                             // 18
      "    metadata:\n"                                             // 19
      "      name: runner\n"                                        // 20
      "    spec:\n"                                                 // 21
      "      containers:\n"                                         // 22
      "        - name: main\n"                                      // 23
      "          image: {{ .Values.image }}\n"                      // 24
      "---\n"                                                       // 25
      "apiVersion: v1\n"                                            // 26
      "kind: SecretList\n"                                          // 27
      "items:\n"                                                    // 28
      "{{- range .Values.items }}\n"                                // 29
      "  - apiVersion: v1\n"                                        // 30
      "    kind: Secret\n"                                          // 31
      "    metadata:\n"                                             // 32
      "      name: s-{{ . }}\n"                                     // 33
      "{{- end }}\n"                                                // 34
      "---\n"                                                       // 35
      "apiVersion: example.com/v1\n"                                // 36
      "kind: AllowList\n"                                           // 37
      "metadata:\n"                                                 // 38
      "  name: allow\n");                                           // 39
  validate::Options opts;
  Context ctx(chart.dir.string(), "t", opts);
  const auto* objects = ctx.objects();
  REQUIRE(objects != nullptr);
  std::vector<std::string> idents;
  for (const auto& o : *objects) idents.push_back(o.ident());
  // Each List, then its items in order; a kind that only ends in "List" has no items.
  CHECK(idents == std::vector<std::string>{"ConfigMap/first", "List/", "ConfigMap/listed", "Pod/runner",
                                           "SecretList/", "Secret/s-a", "Secret/s-b", "AllowList/allow"});
  const RenderedObject& listed = objects->at(2);
  CHECK(listed.namespace_ == "ns");
  CHECK(listed.base == FieldPath{"items", "0"});
  CHECK(listed.list_kind == "List");
  CHECK(listed.suppresses("k8s-dns1123-name"));
  CHECK_FALSE(objects->at(1).suppresses("k8s-dns1123-name"));
  CHECK(objects->at(0).base.empty());
  CHECK(is_list_object(objects->at(1)));
  CHECK(is_list_object(objects->at(4)));
  CHECK_FALSE(is_list_object(objects->at(7)));

  struct Row {
    size_t object;
    FieldPath path;
    int line, col;
  };
  const Row rows[] = {
      {0, {"metadata", "name"}, 4, 3},
      {1, {"items", "1", "kind"}, 18, 5},
      // An item itself: its list dash.
      {2, {}, 10, 3},
      {2, {"metadata", "namespace"}, 14, 7},
      {3, {"spec", "containers", "0", "image"}, 24, 11},
      // Items of a range: the written item stands for every one of them.
      {6, {"metadata", "name"}, 33, 7},
      {7, {"metadata", "name"}, 39, 3},
  };
  for (const auto& r : rows) {
    CAPTURE(r.object);
    CAPTURE(format_field_path(r.path));
    yaml::Mark m = locate_field(ctx, objects->at(r.object), r.path);
    CHECK(m.line == r.line);
    CHECK(m.col == r.col);
  }
  // The Pod item is a pod the rules see, with its spec below the item.
  const auto& pods = ctx.pods();
  REQUIRE(pods.size() == 1);
  CHECK(pods[0].ident == "Pod/runner");
  CHECK(pods[0].owner == &objects->at(3));
}

TEST_CASE("pods: workloads, and Spark pod templates with Spark's label and ports") {
  TempChart chart(kTemplate);
  validate::Options opts;
  Context ctx(chart.dir.string(), "t", opts);
  const auto& pods = ctx.pods();
  REQUIRE(pods.size() == 2);
  CHECK(pods[0].ident == "ConfigMap/conf[executor-pod-template.yaml]");
  CHECK(pods[0].spark_role == "executor");
  CHECK(pods[0].embedded);
  CHECK_FALSE(pods[0].selectable);
  CHECK(string_at(pods[0].labels, "spark-role") == "executor");
  CHECK(pods[0].extra_ports.size() == 1);
  CHECK(pods[0].path_of({"containers", "0"}) ==
        FieldPath{"data", "executor-pod-template.yaml", "spec", "containers", "0"});
  CHECK(pods[1].ident == "Deployment/web");
  CHECK(pods[1].selectable);
  auto containers = pods[1].containers();
  REQUIRE(containers.size() == 4);
  CHECK(containers[0].first == FieldPath{"initContainers", "0"});
  CHECK(string_at(*containers[3].second, "name") == "sidecar");
}

TEST_CASE("Kubernetes quantities") {
  struct Row {
    const char* text;
    std::optional<double> want;
  };
  const Row rows[] = {
      {"1", 1},       {"500m", 0.5},  {"2Gi", 2.0 * 1024 * 1024 * 1024}, {"1.5", 1.5},
      {"1e3", 1000},  {"1E-3", 0.001}, {"128974848", 128974848},       {"129M", 129e6},
      {"123Mi", 123.0 * 1024 * 1024}, {".5", 0.5}, {"-1", -1},          {"1Gb", std::nullopt},
      {"", std::nullopt}, {"one", std::nullopt}, {"1 Gi", std::nullopt}, {"5i", std::nullopt},
  };
  for (const auto& r : rows) {
    CAPTURE(r.text);
    auto got = parse_quantity(r.text);
    REQUIRE(got.has_value() == r.want.has_value());
    if (got) CHECK(*got == doctest::Approx(*r.want));
  }
  CHECK(quantity_of(Value::integer(4)) == 4.0);
  CHECK_FALSE(quantity_of(Value(true)).has_value());
}

TEST_CASE("--capacity") {
  auto c = validate::parse_capacity("cpu=16,memory=64Gi");
  CHECK(*c.cpu == 16.0);
  CHECK(*c.memory == doctest::Approx(64.0 * 1024 * 1024 * 1024));
  CHECK_FALSE(validate::parse_capacity("memory=1Gi").cpu.has_value());
  CHECK_THROWS_WITH(validate::parse_capacity("gpu=1"), "unknown capacity \"gpu\": use cpu or memory");
  CHECK_THROWS_WITH(validate::parse_capacity("cpu"), "\"cpu\" is not KEY=QUANTITY (cpu=16,memory=64Gi)");
  CHECK_THROWS_WITH(validate::parse_capacity("cpu=lots"),
                    "\"lots\" is not a Kubernetes quantity (e.g. 16, 500m, 64Gi)");
}
