// Private to openapi*.cpp: the compiled schema graph, the source index, the compiler and the
// checker.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "validate/openapi.h"

namespace re2 {
class RE2;
}

namespace sparkc::validate::openapi {

// One compiled schema. Keywords that do not apply to a value's type are ignored, as in JSON
// Schema: `properties` constrain maps only, `pattern` strings only.
struct Node {
  // JSON types the value may have; 0 accepts any type.
  enum TypeBit : unsigned {
    kObject = 1,
    kArray = 2,
    kString = 4,
    kInteger = 8,
    kNumber = 16,
    kBoolean = 32
  };
  unsigned types = 0;
  // Kubernetes value types with their own syntax.
  enum class Special { None, IntOrString, Quantity };
  Special special = Special::None;
  bool nullable = false;
  // Map keys: fields known to the schema, in key order.
  std::map<std::string, const Node*, std::less<>> properties;
  // additionalProperties as a schema (a map's values); nullptr otherwise.
  const Node* additional = nullptr;
  // Whether fields that `properties` does not declare are errors.
  bool closed = false;
  bool embedded_resource = false;  // x-kubernetes-embedded-resource
  std::vector<std::string> required;
  std::optional<size_t> min_properties, max_properties;
  // Arrays.
  const Node* items = nullptr;
  std::optional<size_t> min_items, max_items;
  enum class ListType { Atomic, Set, Map };
  ListType list_type = ListType::Atomic;
  std::vector<std::string> list_map_keys;
  // Strings.
  std::string format;
  std::shared_ptr<const re2::RE2> pattern;
  std::string pattern_text;
  std::optional<size_t> min_length, max_length;
  // Numbers.
  std::optional<double> minimum, maximum, multiple_of;
  bool exclusive_minimum = false, exclusive_maximum = false;
  // Any type.
  std::vector<Value> enum_values;
  std::vector<const Node*> all_of, any_of, one_of;
  const Node* not_ = nullptr;
  Value default_value;  // `default`, for list-map keys left out
  // From a CRD: the API server enforces x-kubernetes-list-type uniqueness there (for built-in
  // types its own validation decides, see the k8s-refs rules).
  bool crd = false;
  // The definition this node was compiled from ("io.k8s.api.apps.v1.DeploymentSpec"), or "".
  std::string definition;
};

// A parsed source document.
struct Document {
  Value root;
  std::string origin;  // the file it came from, for messages and relative $refs
};

// A schema by apiVersion and kind, before compilation.
struct KindEntry {
  const Value* schema = nullptr;
  const Document* doc = nullptr;
  std::string definition;  // the definition name for built-in types; "" for CRDs
  bool crd = false;        // custom resource: closed empty objects, metadata as ObjectMeta
};

// A file read when first needed: an OpenAPI v3 file of one group version, or a kubeconform
// per-kind schema.
struct LazyFile {
  std::string path;
  bool loaded = false;
};

struct SchemaSet::State {
  std::deque<Document> docs;  // a deque: entries keep their address
  std::unordered_map<std::string, std::pair<const Value*, const Document*>> definitions;
  std::map<std::pair<std::string, std::string>, KindEntry> kinds;  // (apiVersion, kind)
  std::map<std::string, LazyFile> v3_files;                        // apiVersion -> file
  std::map<std::string, LazyFile> kind_files;              // lower-case relative name -> file
  std::map<std::string, std::vector<LazyFile>> crd_files;  // CRD files by API group
  std::map<std::string, const Document*> docs_by_path;
  // Compiled nodes by the schema value they came from; roots by (apiVersion, kind).
  std::deque<Node> nodes;
  std::unordered_map<const Value*, const Node*> compiled;
  std::map<std::pair<std::string, std::string>, const Node*> roots;
  const Node* any = nullptr;  // accepts everything (`true`, `{}`)

  // Loads `path` (JSON) as a document and indexes its definitions and kinds. Throws SourceError.
  const Document& load_json_file(const std::string& path);
  // Parses a CRD file and adds every CustomResourceDefinition in it. Throws SourceError.
  void load_crd_file(const std::string& path, const std::string& text);
  // Adds the served versions of a parsed CustomResourceDefinition. Throws SourceError.
  void add_crd(const Value& crd, const std::string& origin);
  // Indexes the definitions and kinds of a parsed document.
  const Document& add_document(Value root, std::string origin);
  // The schema of apiVersion/kind, reading on-demand files; nullptr when none.
  const KindEntry* find_kind(const std::string& api_version, const std::string& kind);
  // A definition by name, reading pending OpenAPI v3 files until one defines it.
  std::pair<const Value*, const Document*> find_definition(const std::string& name);
};

// Turns schema values into nodes, following $refs.
class Compiler {
 public:
  explicit Compiler(SchemaSet::State& st) : st_(st) {}
  // The node of `schema` from `doc`; `definition` names it when it is a definition. `crd`
  // selects CRD semantics for objects without properties. Throws SourceError for a $ref that
  // names nothing.
  const Node* compile(const Value& schema, const Document* doc, const std::string& definition,
                      bool crd);
  // The root node of a kind: its schema, with ObjectMeta for a custom resource's metadata.
  const Node* compile_root(const KindEntry& e);

 private:
  const Node* resolve_ref(const std::string& ref, const Document* doc, bool crd);
  SchemaSet::State& st_;
};

// Walks an object along its schema and collects violations.
std::vector<Violation> check_object(const Value& object, const Node* root);

// The built-in enums the API server enforces for `definition`'s `field` (nullptr if none).
const std::vector<std::string>* builtin_enum(const std::string& definition,
                                             const std::string& field);

}  // namespace sparkc::validate::openapi
