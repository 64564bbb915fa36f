// The Kubernetes OpenAPI validator (lib/validate/openapi.h): each keyword firing and staying
// quiet on small inline schemas, the four kinds of sources, source errors, and every preset
// against the real Kubernetes 1.31 and CRD schemas in ../shared/k8s-schemas.
#include "validate/openapi.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sparkc/compose.h"
#include "sparkc/validate.h"
#include "sparkc/yaml.h"
#include "validate/objects.h"
#include "validate/preset_matrix.h"

namespace fs = std::filesystem;
using namespace sparkc;
using validate::openapi::SchemaSet;
using validate::openapi::SourceError;

namespace {

// A small OpenAPI v2 document shaped like Kubernetes' own: a kind, its spec, and the
// apimachinery types with special syntax.
const char* kSwagger = R"({
  "swagger": "2.0",
  "definitions": {
    "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {
      "type": "object",
      "properties": {
        "name": {"type": "string"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}}
      }
    },
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": "string", "format": "int-or-string"},
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"},
    "io.k8s.apimachinery.pkg.runtime.RawExtension": {"type": "object"},
    "io.k8s.api.core.v1.ServiceSpec": {
      "type": "object",
      "properties": {"type": {"type": "string"}, "clusterIP": {"type": "string"}}
    },
    "io.k8s.api.core.v1.Service": {
      "type": "object",
      "properties": {
        "apiVersion": {"type": "string"}, "kind": {"type": "string"},
        "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
        "spec": {"$ref": "#/definitions/io.k8s.api.core.v1.ServiceSpec"}
      },
      "x-kubernetes-group-version-kind": [{"group": "", "kind": "Service", "version": "v1"}]
    },
    "example.v1.Item": {
      "type": "object",
      "properties": {"key": {"type": "string"}, "value": {"type": "string"}},
      "required": ["key"]
    },
    "example.v1.WidgetSpec": {
      "type": "object",
      "required": ["name"],
      "properties": {
        "name": {"type": "string"},
        "replicas": {"type": "integer", "format": "int32"},
        "ratio": {"type": "number"},
        "enabled": {"type": "boolean"},
        "port": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString"},
        "memory": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "items": {"type": "array", "items": {"$ref": "#/definitions/example.v1.Item"}},
        "raw": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.runtime.RawExtension"},
        "since": {"type": "string", "format": "date-time"},
        "data": {"type": "string", "format": "byte"},
        "child": {"$ref": "#/definitions/example.v1.WidgetSpec"}
      }
    },
    "example.v1.Widget": {
      "type": "object",
      "properties": {
        "apiVersion": {"type": "string"}, "kind": {"type": "string"},
        "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
        "spec": {"$ref": "#/definitions/example.v1.WidgetSpec"}
      },
      "x-kubernetes-group-version-kind": [{"group": "example.com", "kind": "Widget", "version": "v1"}]
    }
  }
})";

// A CRD using the keywords structural schemas allow.
const char* kCrd = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.example.com
spec:
  group: example.com
  names: {kind: Gadget, plural: gadgets}
  scope: Namespaced
  versions:
    - name: v1alpha1
      served: false
      storage: false
      schema:
        openAPIV3Schema: {type: object}
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            apiVersion: {type: string}
            kind: {type: string}
            metadata: {type: object}
            spec:
              type: object
              required: [mode]
              properties:
                mode: {type: string, enum: [Batch, Streaming]}
                name: {type: string, pattern: '^[a-z]+$', minLength: 2, maxLength: 8}
                cores: {type: integer, minimum: 1, maximum: 8}
                tags:
                  type: array
                  maxItems: 2
                  items: {type: string}
                  x-kubernetes-list-type: set
                ports:
                  type: array
                  items:
                    type: object
                    properties:
                      port: {type: integer}
                      protocol: {type: string, default: TCP}
                  x-kubernetes-list-type: map
                  x-kubernetes-list-map-keys: [port, protocol]
                memory:
                  anyOf: [{type: integer}, {type: string}]
                  pattern: '^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$'
                  x-kubernetes-int-or-string: true
                target: {x-kubernetes-int-or-string: true}
                conf:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                  properties:
                    level: {type: integer}
                empty: {type: object}
                note: {type: string, nullable: true}
                maybe:
                  type: array
                  items: {type: string, nullable: true}
                template:
                  type: object
                  x-kubernetes-embedded-resource: true
                  x-kubernetes-preserve-unknown-fields: true
                source:
                  type: object
                  properties:
                    url: {type: string}
                    bucket: {type: string}
                  oneOf:
                    - required: [url]
                    - required: [bucket]
                limits:
                  type: object
                  properties:
                    low: {type: integer}
                    high: {type: integer}
                  anyOf:
                    - required: [low]
                    - required: [high]
                  not: {required: [low, high]}
                  allOf: [{maxProperties: 1}]
)";

SchemaSet& fixture_set() {
  static SchemaSet* set = [] {
    auto* s = new SchemaSet();
    s->add_openapi_document(yaml::from_json(kSwagger), "swagger.json");
    for (const auto& d : yaml::load_all(kCrd)) s->add_crd(d, "gadget-crd.yaml");
    return s;
  }();
  return *set;
}

// The violations of one object as "path: message | hint" lines.
std::string violations(const SchemaSet& s, const std::string& object_yaml) {
  std::string out;
  for (const auto& v : s.validate(yaml::load(object_yaml))) {
    // Type and value messages start with their path already.
    std::string path = validate::detail::format_field_path(v.path);
    if (!v.message.starts_with(path + ": ")) out += path + ": ";
    out += v.message;
    if (!v.hint.empty()) out += " | " + v.hint;
    out += "\n";
  }
  return out;
}

struct Case {
  const char* name;
  std::string object;  // YAML
  std::string want;    // violations() of it; "" when valid
};

std::string widget(const std::string& spec) {
  return "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n" + spec;
}

std::string gadget(const std::string& spec) {
  return "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec:\n  mode: Batch\n" +
         spec;
}

void run_table(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(violations(fixture_set(), c.object) == c.want);
  }
}

fs::path temp_dir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("sparkc-openapi-test-" + name);
  std::error_code ec;
  fs::remove_all(p, ec);
  fs::create_directories(p);
  return p;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

fs::path shared_schemas() {
  return fs::path(SPARKC_SOURCE_DIR).parent_path() / "shared" / "k8s-schemas";
}

}  // namespace

TEST_CASE("built-in types: unknown fields, types, required fields, maps, free-form objects") {
  run_table({
      {"valid",
       widget("  name: a\n  replicas: 2\n  ratio: 0.5\n  enabled: true\n  labels: {a: b}\n"), ""},
      {"unknown field with a suggestion", widget("  name: a\n  replica: 2\n"),
       "spec.replica: unknown field \"replica\" in Widget spec | did you mean \"replicas\"?\n"},
      {"unknown field without a close name", widget("  name: a\n  zzzzzz: 2\n"),
       "spec.zzzzzz: unknown field \"zzzzzz\" in Widget spec | remove it, or check its "
       "indentation: it may belong "
       "to another level\n"},
      {"unknown top-level field", "apiVersion: example.com/v1\nkind: Widget\nspce: {}\n",
       "spce: unknown field \"spce\" in Widget | did you mean \"spec\"?\n"},
      {"metadata is ObjectMeta",
       "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, label: {}}\nspec: {name: "
       "a}\n",
       "metadata.label: unknown field \"label\" in Widget metadata | did you mean \"labels\"?\n"},
      {"integer from a string", widget("  name: a\n  replicas: \"two\"\n"),
       "spec.replicas: expected integer, got string \"two\" | remove the quotes, or use `int` / "
       "`toYaml` rather "
       "than `quote` in the template\n"},
      {"integer with a fraction", widget("  name: a\n  replicas: 2.5\n"),
       "spec.replicas: expected integer, got number 2.5 | write a whole number\n"},
      {"integer written as 2.0 is sent as 2", widget("  name: a\n  replicas: 2.0\n"), ""},
      {"int32 range", widget("  name: a\n  replicas: 3000000000\n"),
       "spec.replicas: 3000000000 does not fit in 32 bits\n"},
      {"number accepts integers", widget("  name: a\n  ratio: 3\n"), ""},
      {"number from a string", widget("  name: a\n  ratio: \"0.5\"\n"),
       "spec.ratio: expected number, got string \"0.5\" | remove the quotes, or use `int` / "
       "`toYaml` rather than "
       "`quote` in the template\n"},
      {"boolean from a string", widget("  name: a\n  enabled: \"true\"\n"),
       "spec.enabled: expected boolean, got string \"true\" | remove the quotes, or use `int` / "
       "`toYaml` rather "
       "than `quote` in the template\n"},
      {"string from a number", widget("  name: 5\n"),
       "spec.name: expected string, got integer 5 | quote the value\n"},
      {"object from a string", widget("  name: a\n  labels: \"a=b\"\n"),
       "spec.labels: expected object, got string \"a=b\" | write the object as YAML, e.g. with "
       "`toYaml ... | "
       "nindent N`\n"},
      {"map values", widget("  name: a\n  labels: {a: 1}\n"),
       "spec.labels.a: expected string, got integer 1 | quote the value\n"},
      {"required field", widget("  replicas: 1\n"),
       "spec: missing required field \"name\" in Widget spec | add `name:`\n"},
      {"null counts as absent", widget("  name: a\n  replicas:\n"), ""},
      {"required field given as null", widget("  name:\n"),
       "spec: missing required field \"name\" in Widget spec | add `name:`\n"},
      {"array items by $ref",
       widget("  name: a\n  items:\n    - key: k\n    - value: v\n    - key: k\n      valeu: v\n"),
       "spec.items[1]: missing required field \"key\" in Widget spec.items[1] | add `key:`\n"
       "spec.items[2].valeu: unknown field \"valeu\" in Widget spec.items[2] | did you mean "
       "\"value\"?\n"},
      {"null list item", widget("  name: a\n  items: [null]\n"),
       "spec.items[0]: expected object, got null | remove the empty list item\n"},
      {"array from an object", widget("  name: a\n  items: {key: k}\n"),
       "spec.items: expected array, got object\n"},
      {"free-form object", widget("  name: a\n  raw: {anything: [1, 2], goes: true}\n"), ""},
      {"recursive definition",
       widget("  name: a\n  child: {name: b, child: {name: c, replicas: x}}\n"),
       "spec.child.child.replicas: expected integer, got string \"x\" | remove the quotes, or use "
       "`int` / `toYaml` "
       "rather than `quote` in the template\n"},
  });
}

TEST_CASE("built-in types: int-or-string, quantities, formats, enums the API server enforces") {
  run_table({
      {"int-or-string integer", widget("  name: a\n  port: 8080\n"), ""},
      {"int-or-string name", widget("  name: a\n  port: http\n"), ""},
      {"int-or-string boolean", widget("  name: a\n  port: true\n"),
       "spec.port: expected integer or string, got boolean true | write a whole number or a string "
       "(a port name, a percentage such as 25%)\n"},
      {"int-or-string fraction", widget("  name: a\n  port: 80.5\n"),
       "spec.port: expected integer or string, got number 80.5 | write a whole number or a string "
       "(a port name, a percentage such as 25%)\n"},
      {"quantity strings and numbers", widget("  name: a\n  memory: 512Mi\n"), ""},
      {"quantity number", widget("  name: a\n  memory: 1.5\n"), ""},
      {"quantity exponent", widget("  name: a\n  memory: 1e3\n"), ""},
      {"quantity with a bad suffix", widget("  name: a\n  memory: 2GB\n"),
       "spec.memory: \"2GB\" is not a resource quantity | write a number with an optional suffix: "
       "500m, 2, 1.5Gi, "
       "512Mi, 1G\n"},
      {"quantity object", widget("  name: a\n  memory: {size: 1}\n"),
       "spec.memory: expected a quantity (string or number), got object | write a number with an "
       "optional suffix: "
       "500m, 2, 1.5Gi, 512Mi, 1G\n"},
      {"date-time", widget("  name: a\n  since: 2024-01-31T12:00:00Z\n"), ""},
      {"bad date-time", widget("  name: a\n  since: yesterday\n"),
       "spec.since: \"yesterday\" is not an RFC 3339 date-time | write it as "
       "2024-01-31T12:00:00Z\n"},
      {"base64", widget("  name: a\n  data: aGVsbG8=\n"), ""},
      {"bad base64", widget("  name: a\n  data: hello!\n"),
       "spec.data: is not valid base64 | encode it with `b64enc`, or use stringData\n"},
      {"built-in enum", "apiVersion: v1\nkind: Service\nspec: {type: ClusterIp}\n",
       "spec.type: string \"ClusterIp\" is not an allowed value | did you mean \"ClusterIP\"? "
       "allowed: "
       "\"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"\n"},
      {"built-in enum valid", "apiVersion: v1\nkind: Service\nspec: {type: NodePort}\n", ""},
      {"other fields of the type have no enum",
       "apiVersion: v1\nkind: Service\nspec: {clusterIP: None}\n", ""},
  });
}

TEST_CASE("CRD schemas: enums, patterns, bounds, list types, alternatives, extensions") {
  run_table({
      {"valid", gadget("  name: abc\n  cores: 4\n  tags: [a, b]\n  memory: 2Gi\n  target: 80\n"),
       ""},
      {"unserved version has no schema", "apiVersion: example.com/v1alpha1\nkind: Gadget\n", ""},
      {"enum", "apiVersion: example.com/v1\nkind: Gadget\nspec: {mode: batch}\n",
       "spec.mode: string \"batch\" is not an allowed value | did you mean \"Batch\"? allowed: "
       "\"Batch\", "
       "\"Streaming\"\n"},
      {"required", "apiVersion: example.com/v1\nkind: Gadget\nspec: {}\n",
       "spec: missing required field \"mode\" in Gadget spec | add `mode:`\n"},
      {"pattern", gadget("  name: ABC\n"),
       "spec.name: \"ABC\" does not match the pattern \"^[a-z]+$\"\n"},
      {"minLength", gadget("  name: a\n"), "spec.name: \"a\" is shorter than 2 characters\n"},
      {"maxLength", gadget("  name: abcdefghij\n"),
       "spec.name: is 10 characters long, at most 8 allowed\n"},
      {"minimum", gadget("  cores: 0\n"), "spec.cores: 0 is below the minimum 1\n"},
      {"maximum", gadget("  cores: 9\n"), "spec.cores: 9 is above the maximum 8\n"},
      {"maxItems", gadget("  tags: [a, b, c]\n"), "spec.tags: has 3 items, at most 2 allowed\n"},
      {"list-type set", gadget("  tags: [a, a]\n"),
       "spec.tags[1]: duplicate entry \"a\" | remove the repeated value (the list is a set)\n"},
      {"list-type map with a defaulted key",
       gadget("  ports:\n    - {port: 80}\n    - {port: 80, protocol: UDP}\n    - {port: 80, "
              "protocol: TCP}\n"),
       "spec.ports[2]: duplicate entry port=80, protocol=\"TCP\" | each entry needs its own "
       "port\n"},
      {"quantity int-or-string", gadget("  memory: 2GB\n"),
       "spec.memory: \"2GB\" is not a resource quantity | write a number with an optional suffix: "
       "500m, 2, 1.5Gi, "
       "512Mi, 1G\n"},
      {"quantity number", gadget("  memory: 2\n"), ""},
      {"int-or-string without a type", gadget("  target: [1]\n"),
       "spec.target: expected integer or string, got array | write a whole number or a string (a "
       "port name, a percentage such as 25%)\n"},
      {"preserve-unknown-fields keeps unknown fields", gadget("  conf: {anything: 1, level: 2}\n"),
       ""},
      {"preserve-unknown-fields still checks known ones", gadget("  conf: {level: high}\n"),
       "spec.conf.level: expected integer, got string \"high\" | remove the quotes, or use `int` / "
       "`toYaml` "
       "rather than `quote` in the template\n"},
      {"an object without properties keeps no fields", gadget("  empty: {x: 1}\n"),
       "spec.empty.x: unknown field \"x\" in Gadget spec.empty | remove it: this object has no "
       "fields\n"},
      {"nullable list item", gadget("  maybe: [a, null]\n"), ""},
      {"nullable field", gadget("  note: null\n"), ""},
      {"embedded resource",
       gadget("  template: {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {}}\n"), ""},
      {"embedded resource metadata is ObjectMeta", gadget("  template: {metadata: {nmae: p}}\n"),
       "spec.template.metadata.nmae: unknown field \"nmae\" in Gadget spec.template.metadata | did "
       "you mean "
       "\"name\"?\n"},
      {"custom resource metadata is ObjectMeta",
       "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {nam: g}\nspec: {mode: Batch}\n",
       "metadata.nam: unknown field \"nam\" in Gadget metadata | did you mean \"name\"?\n"},
      {"oneOf: exactly one", gadget("  source: {url: u}\n"), ""},
      {"oneOf: none", gadget("  source: {}\n"),
       "spec.source: matches none of the 2 oneOf alternatives | the first one fails with: missing "
       "required field "
       "\"url\" in Gadget spec.source\n"},
      {"oneOf: both", gadget("  source: {url: u, bucket: b}\n"),
       "spec.source: matches 2 oneOf alternatives, exactly one is allowed\n"},
      {"anyOf: one", gadget("  limits: {low: 1}\n"), ""},
      {"anyOf: none", gadget("  limits: {}\n"),
       "spec.limits: matches none of the 2 anyOf alternatives | the first one fails with: missing "
       "required field "
       "\"low\" in Gadget spec.limits\n"},
      {"not and allOf", gadget("  limits: {low: 1, high: 2}\n"),
       "spec.limits: has 2 fields, at most 1 allowed\nspec.limits: matches a schema it must not "
       "match\n"},
  });
}

TEST_CASE("sources: OpenAPI v2 file, v3 directory, kubeconform directory, CRD files, errors") {
  SUBCASE("v2 file") {
    fs::path dir = temp_dir("v2");
    write(dir / "swagger.json", kSwagger);
    SchemaSet s;
    s.add_openapi_path((dir / "swagger.json").string());
    CHECK(s.has_schema("example.com/v1", "Widget"));
    CHECK(s.has_schema("v1", "Service"));
    CHECK_FALSE(s.has_schema("example.com/v2", "Widget"));
  }
  SUBCASE("v3 directory: files read by group version, $refs wrapped in allOf") {
    fs::path dir = temp_dir("v3");
    write(dir / "apis__example.com__v1_openapi.json",
          R"({"openapi": "3.0.0", "components": {"schemas": {
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": {"type": "object", "properties": {"name": {"type": "string"}}},
      "example.v1.Spec": {"type": "object", "properties": {"size": {"type": "integer"}}},
      "example.v1.Thing": {"type": "object", "properties": {
        "apiVersion": {"type": "string"}, "kind": {"type": "string"},
        "metadata": {"allOf": [{"$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}], "default": {}},
        "spec": {"allOf": [{"$ref": "#/components/schemas/example.v1.Spec"}], "default": {}}},
        "x-kubernetes-group-version-kind": [{"group": "example.com", "kind": "Thing", "version": "v1"}]}}}})");
    write(dir / "api__v1_openapi.json", "{ not json");  // never read: no core object is validated
    SchemaSet s;
    s.add_openapi_path(dir.string());
    CHECK(s.has_schema("example.com/v1", "Thing"));
    CHECK(violations(s,
                     "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec: {size: "
                     "big, colour: red}\n") ==
          "spec.colour: unknown field \"colour\" in Thing spec | remove it, or check its "
          "indentation: it may belong "
          "to another level\n"
          "spec.size: expected integer, got string \"big\" | remove the quotes, or use `int` / "
          "`toYaml` rather "
          "than `quote` in the template\n");
    // The broken core file is read on demand, and reported with its position.
    try {
      s.has_schema("v1", "ConfigMap");
      FAIL("expected a SourceError");
    } catch (const SourceError& e) {
      CHECK(e.file == (dir / "api__v1_openapi.json").string());
      CHECK(std::string(e.what()).starts_with("schema source is not valid JSON: "));
      CHECK(e.line >= 1);  // where the YAML parser (JSON is YAML) stops
    }
  }
  SUBCASE("a $ref whose list index is too long for size_t names no schema") {
    // std::stoul threw std::out_of_range here, which nothing caught (found in the sanitizer run).
    fs::path dir = temp_dir("v3-long-index");
    write(dir / "apis__example.com__v1_openapi.json",
          R"({"openapi": "3.0.0", "x-sizes": [{"type": "integer"}], "components": {"schemas": {
      "example.v1.Thing": {"type": "object", "properties": {"apiVersion": {"type": "string"},
        "kind": {"type": "string"}, "size": {"$ref": "#/x-sizes/99999999999999999999"}},
        "x-kubernetes-group-version-kind": [{"group": "example.com", "kind": "Thing", "version": "v1"}]}}}})");
    SchemaSet s;
    s.add_openapi_path(dir.string());
    try {
      violations(s, "apiVersion: example.com/v1\nkind: Thing\nsize: 2\n");
      FAIL("expected a SourceError");
    } catch (const SourceError& e) {
      CHECK(std::string(e.what()) == "$ref \"#/x-sizes/99999999999999999999\" names no schema");
    }
  }
  SUBCASE("v3 directory in kubectl-validate's layout: api/v1.json, apis/GROUP/VERSION.json") {
    fs::path dir = temp_dir("v3-tree");
    write(dir / "apis" / "example.com" / "v1.json",
          R"({"openapi": "3.0.0", "components": {"schemas": {
      "example.v1.Thing": {"type": "object", "properties": {"apiVersion": {"type": "string"},
        "kind": {"type": "string"}, "size": {"type": "integer"}},
        "x-kubernetes-group-version-kind": [{"group": "example.com", "kind": "Thing", "version": "v1"}]}}}})");
    write(dir / "api" / "v1.json", "{ not json");  // never read until a core kind is asked for
    SchemaSet s;
    s.add_openapi_path(dir.string());
    CHECK(violations(s, "apiVersion: example.com/v1\nkind: Thing\nsize: 2\nsise: 3\n") ==
          "sise: unknown field \"sise\" in Thing | did you mean \"size\"?\n");
    CHECK_THROWS_AS(s.has_schema("v1", "Pod"), SourceError);
  }
  SUBCASE(
      "kubeconform directory: standalone schemas, null types, the CRD catalog layout, "
      "_definitions.json") {
    fs::path dir = temp_dir("kubeconform");
    write(dir / "v1.31.0-standalone-strict" / "service-v1.json",
          R"({"type": "object", "additionalProperties": false,
      "properties": {"apiVersion": {"type": ["string", "null"]}, "kind": {"type": ["string", "null"]},
                     "spec": {"type": ["object", "null"], "additionalProperties": false,
                              "properties": {"type": {"type": ["string", "null"]}}}}})");
    write(dir / "v1.31.0-standalone-strict" / "deployment-apps-v1.json", R"({"type": "object",
      "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                     "spec": {"$ref": "_definitions.json#/definitions/io.k8s.api.apps.v1.DeploymentSpec"}}})");
    write(dir / "v1.31.0-standalone-strict" / "_definitions.json", R"({"definitions": {
      "io.k8s.api.apps.v1.DeploymentSpec": {"type": "object", "properties": {"replicas": {"type": "integer"}}}}})");
    write(dir / "example.com" / "gizmo_v1.json",
          R"({"type": "object", "properties": {"apiVersion": {"type": "string"},
      "kind": {"type": "string"}, "spec": {"type": "object", "properties": {"size": {"type": "integer"}}}}})");
    SchemaSet s;
    s.add_openapi_path(dir.string());
    CHECK(violations(s, "apiVersion: v1\nkind: Service\nspec: {type: null, typ: x}\n") ==
          "spec.typ: unknown field \"typ\" in Service spec | did you mean \"type\"?\n");
    CHECK(violations(s, "apiVersion: apps/v1\nkind: Deployment\nspec: {replicas: x}\n") ==
          "spec.replicas: expected integer, got string \"x\" | remove the quotes, or use `int` / "
          "`toYaml` rather "
          "than `quote` in the template\n");
    CHECK(violations(s, "apiVersion: example.com/v1\nkind: Gizmo\nspec: {size: 1, color: red}\n") ==
          "spec.color: unknown field \"color\" in Gizmo spec | remove it, or check its "
          "indentation: it may belong to "
          "another level\n");
    CHECK_FALSE(s.has_schema("apps/v1", "StatefulSet"));
    // The whole group in the name works too.
    write(dir / "gadget-example.com-v2.json",
          R"({"type": "object", "properties": {"size": {"type": "integer"}}})");
    SchemaSet t;
    t.add_openapi_path(dir.string());
    CHECK(violations(t, "apiVersion: example.com/v2\nkind: Gadget\nsize: big\n") ==
          "size: expected integer, got string \"big\" | remove the quotes, or use `int` / `toYaml` "
          "rather "
          "than `quote` in the template\n");
  }
  SUBCASE("CRD files: several documents, v1beta1 validation, no CRD at all") {
    fs::path dir = temp_dir("crd");
    write(dir / "crds.yaml",
          std::string(kCrd) +
              "---\napiVersion: v1\nkind: ConfigMap\n---\n"
              "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\n"
              "spec:\n  group: old.example.com\n  version: v1\n  names: {kind: Relic}\n"
              "  validation:\n    openAPIV3Schema:\n      type: object\n      properties:\n"
              "        spec: {type: object, properties: {age: {type: integer}}}\n");
    write(dir / "none.yaml", "apiVersion: v1\nkind: ConfigMap\n");
    write(dir / "broken.yaml", "a: [unclosed\n");
    SchemaSet s;
    s.add_crd_file((dir / "crds.yaml").string());
    CHECK(s.has_schema("example.com/v1", "Gadget"));
    CHECK_FALSE(s.has_schema("example.com/v1alpha1", "Gadget"));
    CHECK(violations(s, "apiVersion: old.example.com/v1\nkind: Relic\nspec: {age: old}\n") ==
          "spec.age: expected integer, got string \"old\" | remove the quotes, or use `int` / "
          "`toYaml` rather than "
          "`quote` in the template\n");
    // Without built-in definitions, a custom resource's metadata is not checked.
    CHECK(violations(s,
                     "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, x: 1}\nspec: "
                     "{mode: Batch}\n") == "");
    // A file with one CRD is read when an object of its group and kind is first checked.
    write(dir / "gadget.yaml", kCrd);
    write(dir / "lazy-broken.yaml",
          "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n"
          "  group: broken.io\n  names:\n    kind: Thing\n  versions: [unclosed\n");
    SchemaSet lazy;
    lazy.add_crd_file((dir / "gadget.yaml").string());
    lazy.add_crd_file((dir / "lazy-broken.yaml").string());
    CHECK_FALSE(lazy.has_schema("other.io/v1", "Thing"));
    CHECK_FALSE(lazy.has_schema("broken.io/v1", "Other"));
    CHECK_THROWS_AS(lazy.has_schema("broken.io/v1", "Thing"), SourceError);
    CHECK(lazy.has_schema("example.com/v1", "Gadget"));
    CHECK(
        violations(lazy, "apiVersion: example.com/v1\nkind: Gadget\nspec: {mode: Fast}\n") ==
        "spec.mode: string \"Fast\" is not an allowed value | allowed: \"Batch\", \"Streaming\"\n");
    CHECK_THROWS_WITH_AS(s.add_crd_file((dir / "none.yaml").string()),
                         "the file holds no CustomResourceDefinition", SourceError);
    try {
      s.add_crd_file((dir / "broken.yaml").string());
      FAIL("expected a SourceError");
    } catch (const SourceError& e) {
      CHECK(e.line == 2);
      CHECK(std::string(e.what()).starts_with("CRD file is not valid YAML: "));
    }
  }
  SUBCASE("errors: not an OpenAPI document, an empty directory, a $ref that names nothing") {
    fs::path dir = temp_dir("errors");
    write(dir / "plain.json", R"({"hello": "world"})");
    write(dir / "dangling.json", R"({"definitions": {"x.Thing": {"type": "object",
      "properties": {"spec": {"$ref": "#/definitions/x.Missing"}},
      "x-kubernetes-group-version-kind": [{"group": "x.io", "kind": "Thing", "version": "v1"}]}}})");
    fs::create_directories(dir / "empty");
    SchemaSet s;
    CHECK_THROWS_AS(s.add_openapi_path((dir / "plain.json").string()), SourceError);
    CHECK_THROWS_AS(s.add_openapi_path((dir / "empty").string()), SourceError);
    s.add_openapi_path((dir / "dangling.json").string());
    CHECK_THROWS_WITH_AS(s.validate(yaml::load("apiVersion: x.io/v1\nkind: Thing\n")),
                         "$ref \"#/definitions/x.Missing\" names no schema", SourceError);
  }
}

TEST_CASE(
    "load_sources: errors are listed, the rest loads, results are shared while files are "
    "unchanged") {
  fs::path dir = temp_dir("load-sources");
  write(dir / "swagger.json", kSwagger);
  write(dir / "bad.json", "[1, 2");
  auto a = validate::openapi::load_sources(
      {(dir / "swagger.json").string(), (dir / "bad.json").string()}, {});
  REQUIRE(a.errors.size() == 1);
  CHECK(a.errors[0].file == (dir / "bad.json").string());
  CHECK(a.schemas->has_schema("v1", "Service"));
  auto b = validate::openapi::load_sources(
      {(dir / "swagger.json").string(), (dir / "bad.json").string()}, {});
  CHECK(a.schemas == b.schemas);
}

TEST_CASE("the Kubernetes 1.31 OpenAPI v2 and v3 documents load fast and agree") {
  fs::path k8s = shared_schemas() / "kubernetes" / "v1.31";
  if (!fs::exists(k8s / "swagger.json")) {
    std::cerr << "skipped: Kubernetes OpenAPI check, ../shared/k8s-schemas not found\n";
    return;
  }
  auto start = std::chrono::steady_clock::now();
  SchemaSet v2;
  v2.add_openapi_path((k8s / "swagger.json").string());
  const char* bad =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replica: 2\n"
      "  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n"
      "    spec:\n      containers:\n        - name: c\n          image: i\n"
      "          imagePullPolicy: always\n          ports: [{containerPort: \"8080\"}]\n"
      "          resources: {limits: {memory: 2GB}}\n";
  std::string got = violations(v2, bad);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "swagger.json (Kubernetes 1.31) loaded and a Deployment validated in " << ms
            << " ms\n";
  CHECK(ms < 1000);
  CHECK(got ==
        "spec.replica: unknown field \"replica\" in Deployment spec | did you mean \"replicas\"?\n"
        "spec.template.spec.containers[0].imagePullPolicy: string \"always\" is not an allowed "
        "value | did you mean "
        "\"Always\"? allowed: \"Always\", \"IfNotPresent\", \"Never\"\n"
        "spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "
        "\"8080\" | remove "
        "the quotes, or use `int` / `toYaml` rather than `quote` in the template\n"
        "spec.template.spec.containers[0].resources.limits.memory: \"2GB\" is not a resource "
        "quantity | write a "
        "number with an optional suffix: 500m, 2, 1.5Gi, 512Mi, 1G\n");
  SchemaSet v3;
  v3.add_openapi_path((k8s / "openapi-v3").string());
  CHECK(violations(v3, bad) == got);
}

namespace {

// Every preset composed for each Spark line (and each backend when the preset leaves it
// open), validated against Kubernetes 1.31 and every CRD in ../shared/k8s-schemas.
void check_presets_against_shared_schemas(const std::vector<std::string>& openapi) {
  fs::path shared = shared_schemas();
  validate::Options opts;
  opts.kube_openapi = openapi;
  for (const auto& e : fs::recursive_directory_iterator(shared / "crds")) {
    if (e.path().extension() == ".yaml") opts.crds.push_back(e.path().string());
  }
  std::sort(opts.crds.begin(), opts.crds.end());
  compose::Catalog catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
  REQUIRE_FALSE(catalog.presets().empty());
  fs::path root = temp_dir("presets");
  size_t checked = 0;
  for (const auto& v : testing::preset_variants(catalog)) {
    CAPTURE(v.name);
    compose::Composition c;
    try {
      c = compose::compose(catalog, v.options);
    } catch (const compose::ComposeError& e) {
      FAIL(e.what());
      continue;
    }
    fs::path dir = root / v.name;
    compose::write_chart(compose::build_chart(catalog, c), dir.string(), true);
    validate::Report r = validate::validate_chart(dir.string(), opts, v.options.preset);
    std::vector<diag::Diagnostic> schema;
    for (const auto& d : r.diagnostics) {
      if (d.rule_id == "k8s-schema" || d.rule_id == "k8s-schema-missing") schema.push_back(d);
    }
    CHECK(diag::render_text(schema, r.sources) == "");
    ++checked;
  }
  CHECK(checked > 2 * catalog.presets().size());
  std::error_code ec;
  fs::remove_all(root, ec);
}

}  // namespace

TEST_CASE("every preset passes the Kubernetes 1.31 OpenAPI v2 schema and the shared CRDs") {
  fs::path swagger = shared_schemas() / "kubernetes" / "v1.31" / "swagger.json";
  if (!fs::exists(swagger)) {
    std::cerr << "skipped: presets against Kubernetes schemas, ../shared/k8s-schemas not found\n";
    return;
  }
  check_presets_against_shared_schemas({swagger.string()});
}

TEST_CASE("every preset passes the Kubernetes 1.31 OpenAPI v3 schemas and the shared CRDs") {
  fs::path k8s = shared_schemas() / "kubernetes" / "v1.31";
  if (!fs::exists(k8s / "openapi-v3")) {
    std::cerr
        << "skipped: presets against Kubernetes v3 schemas, ../shared/k8s-schemas not found\n";
    return;
  }
  // The v3 copy holds 7 groups; swagger.json, given second, covers the rest (EndpointSlice).
  check_presets_against_shared_schemas(
      {(k8s / "openapi-v3").string(), (k8s / "swagger.json").string()});
}

namespace {

// Objects for the differential test: each either valid or broken in one way that both
// validators must see. Left out on purpose, where the two disagree by design: integral
// floats (`replicas: 2.0`, sent as 2 by Helm; the oracle wants a Python int), null list
// items (the oracle skips every null), list-map duplicates in built-in types (left to the
// k8s-refs rules here).
const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports: [{name: http, containerPort: 8080, protocol: TCP}]
          resources: {requests: {cpu: 0.5, memory: 256Mi}, limits: {memory: 1Gi}}
          securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}
)";

const char* kSparkApplication = R"(apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata: {name: pi}
spec:
  type: Scala
  mode: cluster
  sparkVersion: 4.0.0
  mainClass: org.apache.spark.examples.SparkPi
  mainApplicationFile: local:///opt/spark/examples/jars/spark-examples.jar
  sparkConf: {spark.ui.port: "4040"}
  restartPolicy: {type: OnFailure, onFailureRetries: 3}
  driver: {cores: 1, coreLimit: 1200m, memory: 512m, serviceAccount: spark, labels: {version: "4.0.0"}}
  executor: {instances: 2, cores: 1, memory: 512m}
)";

// `base` with the first occurrence of `from` replaced by `to`.
std::string mutate(const char* base, const std::string& from, const std::string& to) {
  std::string s(base);
  size_t at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("differential: tests/presets/k8s_schema.py accepts and rejects the same objects") {
  fs::path shared = shared_schemas();
  fs::path oracle = fs::path(SPARKC_SOURCE_DIR) / "tests" / "presets" / "k8s_schema.py";
  if (!fs::exists(shared / "kubernetes" / "v1.31" / "swagger.json") ||
      std::system("python3 -c 'import yaml' >/dev/null 2>&1") != 0) {
    std::cerr << "skipped: differential schema test, ../shared/k8s-schemas not found or python3 "
                 "without PyYAML\n";
    return;
  }
  struct Diff {
    const char* name;
    std::string object;
    bool valid;
  };
  const char* d = kDeployment;
  const char* a = kSparkApplication;
  std::vector<Diff> cases = {
      {"valid Deployment", d, true},
      {"misspelt field", mutate(d, "replicas: 2", "replica: 2"), false},
      {"quoted replicas", mutate(d, "replicas: 2", "replicas: \"2\""), false},
      {"fractional replicas", mutate(d, "replicas: 2", "replicas: 2.5"), false},
      {"quoted containerPort", mutate(d, "containerPort: 8080", "containerPort: \"8080\""), false},
      {"pull policy case", mutate(d, "IfNotPresent", "ifNotPresent"), false},
      {"memory unit", mutate(d, "memory: 1Gi", "memory: 1GB"), false},
      {"cpu as a string", mutate(d, "cpu: 0.5", "cpu: 500m"), true},
      {"protocol", mutate(d, "protocol: TCP", "protocol: HTTP"), false},
      {"unknown field in securityContext",
       mutate(d, "runAsNonRoot: true", "runAsNonRoot: true, privileged: false, runAsRoot: false"),
       false},
      {"labels must be strings", mutate(d, "labels: {app: web}}", "labels: {app: web, tier: 1}}"),
       false},
      {"metadata unknown field",
       mutate(d, "metadata: {name: web,", "metadata: {name: web, label: {},"), false},
      {"containers as a string",
       mutate(d, "      containers:\n", "      containers: web\n      initContainers:\n"), false},
      {"missing required container name", mutate(d, "- name: web\n", "- \n"), false},
      {"Service",
       "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, ports: [{port: "
       "80, targetPort: http}]}\n",
       true},
      {"Service type",
       "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: Nodeport, ports: [{port: "
       "80}]}\n",
       false},
      {"Service port string",
       "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: \"80\"}]}\n",
       false},
      {"ConfigMap data number",
       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: 1}\n", false},
      {"ConfigMap binaryData",
       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbinaryData: {a: aGVsbG8=}\n", true},
      {"ConfigMap bad binaryData",
       "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbinaryData: {a: \"hello!\"}\n",
       false},
      {"Job backoffLimit",
       "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {backoffLimit: 2.5, template: "
       "{spec: {containers: [{name: c, image: i}]}}}\n",
       false},
      {"PVC access mode",
       "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: p}\nspec: {accessModes: "
       "[ReadWriteOnly], resources: {requests: {storage: 1Gi}}}\n",
       false},
      {"valid SparkApplication", a, true},
      {"SparkApplication type", mutate(a, "type: Scala", "type: scala"), false},
      {"SparkApplication unknown field",
       mutate(a, "mode: cluster", "mode: cluster\n  deployMode: cluster"), false},
      {"SparkApplication missing sparkVersion", mutate(a, "  sparkVersion: 4.0.0\n", ""), false},
      {"SparkApplication cores string", mutate(a, "driver: {cores: 1,", "driver: {cores: \"1\","),
       false},
      {"SparkApplication cores minimum", mutate(a, "driver: {cores: 1,", "driver: {cores: 0,"),
       false},
      {"SparkApplication sparkConf value",
       mutate(a, "spark.ui.port: \"4040\"", "spark.ui.port: 4040"), false},
      {"SparkApplication restart policy", mutate(a, "type: OnFailure", "type: Sometimes"), false},
      {"SparkApplication metadata",
       mutate(a, "metadata: {name: pi}", "metadata: {name: pi, labelz: {}}"), false},
  };
  fs::path dir = temp_dir("differential");
  std::string stream;
  for (const auto& c : cases) stream += "---\n" + c.object;
  write(dir / "objects.yaml", stream);
  write(dir / "oracle.py",
        "import sys, yaml\nsys.path.insert(0, sys.argv[1])\nimport k8s_schema\n"
        "store = k8s_schema.SchemaStore(sys.argv[2])\n"
        "for doc in yaml.safe_load_all(open(sys.argv[3])):\n    print(len(store.validate(doc)))\n");
  std::string cmd = "python3 -B " + (dir / "oracle.py").string() + " " +
                    oracle.parent_path().string() + " " + shared.string() + " " +
                    (dir / "objects.yaml").string() + " > " + (dir / "out.txt").string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream out(dir / "out.txt");
  std::vector<size_t> oracle_errors;
  for (size_t n; out >> n;) oracle_errors.push_back(n);
  REQUIRE(oracle_errors.size() == cases.size());

  // The same sources the oracle reads: the v3 files first, swagger.json for the rest, all CRDs.
  std::vector<std::string> crds;
  for (const auto& e : fs::recursive_directory_iterator(shared / "crds")) {
    if (e.path().extension() == ".yaml") crds.push_back(e.path().string());
  }
  std::sort(crds.begin(), crds.end());
  auto sources =
      validate::openapi::load_sources({(shared / "kubernetes" / "v1.31" / "openapi-v3").string(),
                                       (shared / "kubernetes" / "v1.31" / "swagger.json").string()},
                                      crds);
  REQUIRE(sources.errors.empty());
  for (size_t i = 0; i < cases.size(); ++i) {
    CAPTURE(cases[i].name);
    std::string ours = violations(*sources.schemas, cases[i].object);
    CAPTURE(ours);
    CHECK((oracle_errors[i] == 0) == cases[i].valid);
    CHECK(ours.empty() == cases[i].valid);
  }
}
