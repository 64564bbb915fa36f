// Kubernetes OpenAPI schemas and a strict validator for rendered objects, as kubectl's
// server-side field validation (`Strict`, the default since Kubernetes 1.27) and kubeconform
// --strict see them.
//
// Sources:
//   - an OpenAPI v2 document (`kubectl get --raw /openapi/v2`, Kubernetes' swagger.json):
//     `definitions` tagged with x-kubernetes-group-version-kind, `$ref: #/definitions/...`;
//   - an OpenAPI v3 directory (api__v1_openapi.json, apis__apps__v1_openapi.json, ..., or
//     kubectl-validate's api/v1.json, apis/apps/v1.json):
//     `components.schemas`, `$ref` wrapped in a one-element `allOf`; a file is read when an
//     object of its group and version is first validated;
//   - a kubeconform-style directory of standalone per-kind schemas (deployment-apps-v1.json,
//     service-v1.json, sparkoperator.k8s.io/sparkapplication_v1beta2.json), read on demand;
//   - CustomResourceDefinition files (v1 `versions[].schema.openAPIV3Schema`, v1beta1
//     `validation.openAPIV3Schema`).
//
// Schemas are compiled into a graph of nodes the first time an object of their kind is
// validated; a `$ref` becomes a pointer to the referenced node, so each definition is
// compiled once however many objects use it.
//
// What "strict" means here:
//   - a field an object schema does not declare is an error, unless the schema has
//     `additionalProperties` (a map), `x-kubernetes-preserve-unknown-fields`, or declares no
//     properties at all (RawExtension, FieldsV1: free-form in built-in types; in a CRD such an
//     object keeps no fields, so they are unknown);
//   - `x-kubernetes-embedded-resource` objects also accept apiVersion, kind and metadata;
//   - a null field value counts as absent (the API server drops it); a null list item needs
//     `nullable`;
//   - YAML reads every number as float64 (as Helm does), so an integer is a number with no
//     fraction: `replicas: 2.0` is sent as 2 and accepted, `replicas: 2.5` is not;
//   - the built-in schemas carry no enums (Kubernetes documents them in descriptions); the
//     values the API server enforces for the fields charts most often get wrong are built in;
//   - a custom resource's metadata is validated as ObjectMeta when a source defines it;
//   - x-kubernetes-list-type set/map uniqueness is checked in CRDs, where the API server
//     enforces it; for built-in types its own validation decides (duplicate container or
//     volume names are the k8s-refs rules' business).
//
// Not checked: CEL rules (x-kubernetes-validations), formats other than int32, date-time,
// byte and int-or-string, and the API server's own validation beyond the schema (name
// syntax, cross-field rules), which other rules cover where it matters.
//
// Why not the JSON Schema validator of values.schema.json (json_schema.h): Kubernetes'
// dialect needs its extensions (int-or-string, quantities, preserve-unknown-fields, embedded
// resources, list types), strictness by default, and paths into the object for locations and
// did-you-mean hints; a small dedicated walker does that with less machinery.
#pragma once

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::validate::openapi {

// A schema source that cannot be used, with the position of a syntax error when known.
class SourceError : public std::runtime_error {
 public:
  SourceError(std::string msg, std::string file, int line = 0, int col = 0)
      : std::runtime_error(std::move(msg)), file(std::move(file)), line(line), col(col) {}
  std::string file;
  int line, col;
};

// One way an object breaks its schema.
struct Violation {
  enum class Kind { UnknownField, Required, Type, Enum, Format, Constraint };
  Kind kind = Kind::Type;
  // The offending field: the unknown field itself, the object missing a required field, or
  // the value of the wrong type ({"spec", "template", "spec", "containers", "0", "image"}).
  std::vector<std::string> path;
  std::string message;  // "unknown field \"replica\" in Deployment spec"
  std::string hint;     // "did you mean \"replicas\"?"; may be empty
};

// Every schema of the sources given, by apiVersion and kind. Compiles lazily; safe to use
// from several threads.
class SchemaSet {
 public:
  SchemaSet();
  ~SchemaSet();
  SchemaSet(const SchemaSet&) = delete;
  SchemaSet& operator=(const SchemaSet&) = delete;

  // Adds a --kube-openapi source: an OpenAPI v2 or v3 JSON file, a directory of OpenAPI v3
  // files, or a kubeconform-style schema directory. Throws SourceError.
  void add_openapi_path(const std::string& path);
  // Adds a --crd file (YAML, possibly several documents; non-CRD documents are skipped).
  // Throws SourceError, also when the file holds no CustomResourceDefinition.
  void add_crd_file(const std::string& path);
  // Adds a parsed OpenAPI v2 or v3 document; `origin` names it in errors.
  void add_openapi_document(Value doc, const std::string& origin);
  // Adds a parsed CustomResourceDefinition. Throws SourceError when it has no schema.
  void add_crd(const Value& crd, const std::string& origin);
  // Adds a standalone JSON schema for one apiVersion and kind (kubeconform style).
  void add_kind_schema(const std::string& api_version, const std::string& kind, Value schema,
                       const std::string& origin);

  // Whether some source has a schema for apiVersion/kind (reads on-demand files as needed).
  bool has_schema(const std::string& api_version, const std::string& kind) const;
  // Validates `object` against the schema of its apiVersion and kind; empty when valid or
  // when no schema is known (ask has_schema). Violations are in document order.
  std::vector<Violation> validate(const Value& object) const;

  // The index and compiled nodes (openapi_detail.h); internal.
  struct State;

 private:
  std::unique_ptr<State> state_;
  mutable std::mutex mu_;
};

// The schemas of --kube-openapi and --crd sources, and the sources that could not be used.
struct Sources {
  std::shared_ptr<const SchemaSet> schemas;
  std::vector<SourceError> errors;
};

// Loads the sources; a source that fails is left out and listed in `errors`. The result is
// shared between runs while the files stay unchanged (a render followed by validate, the
// test suite's presets), so the compiled schemas are reused too.
Sources load_sources(const std::vector<std::string>& kube_openapi,
                     const std::vector<std::string>& crds);

}  // namespace sparkc::validate::openapi
