// Internals of the JSON Schema validator: URI handling, the resource registry and helpers
// shared by compilation (json_schema.cpp) and evaluation (json_schema_eval.cpp).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "validate/json_schema.h"

namespace re2 {
class RE2;
}

namespace sparkc::validate::detail {

// Resolves `ref` against the absolute `base` as RFC 3986 section 5.2 says.
std::string resolve_uri(std::string_view base, std::string_view ref);
// Splits "uri#frag" into the URI and the (still percent-encoded) fragment.
std::pair<std::string, std::string> split_fragment(std::string_view uri);
// Escapes one JSON pointer token (~ and /).
std::string pointer_token(std::string_view token);
// JSON equality: 1 and 1.0 are equal, maps compare by keys, lists item by item.
bool json_equal(const Value& a, const Value& b);
// The JSON type name of a value: "null", "boolean", "integer" or "number", "string", ...
std::string json_type(const Value& v);
// Numbers as doubles (int or float).
double number_of(const Value& v);
// True when a number has no fractional part (1.0 is an integer in JSON Schema).
bool is_integral(const Value& v);
// Number of Unicode code points in UTF-8 text.
std::size_t code_points(std::string_view s);
// The value as JSON for messages.
std::string json_text(const Value& v);

// The dialect a `$schema` URI names; `fallback` when it names neither draft.
Draft draft_from_uri(std::string_view uri, Draft fallback);
// The base URI inside `schema` given the base around it (its `$id` applied; draft 7 ignores an
// `$id` next to `$ref`).
std::string apply_id(const Value& schema, const std::string& base, Draft draft);

// Rewrites an ECMA-262 pattern into RE2 syntax. Throws JsonSchemaError when the pattern uses
// something RE2 cannot run (look-around, back-references).
std::string translate_ecma_regex(std::string_view pattern);

// Every indexed schema resource and anchor, plus the lazily loaded remote documents.
class Registry {
 public:
  explicit Registry(SchemaOptions options);
  ~Registry();  // out of line: re2::RE2 is incomplete here

  // Indexes a document whose root has base URI `base` (before the root's own $id).
  void add_document(const Value& root, const std::string& base, Draft draft);

  // A resolved reference: the target schema and the base URI in effect around it.
  struct Target {
    Value schema;
    std::string base;  // base URI around the target (for targets that were never indexed)
    Draft draft = Draft::Draft2020_12;
  };
  // Resolves an absolute URI with optional fragment (JSON pointer or anchor); loads remote
  // documents through the loader. nullopt when nothing matches.
  std::optional<Target> lookup(const std::string& absolute_uri);
  // The $dynamicAnchor `name` of resource `resource_uri`, if it declares one.
  std::optional<Target> dynamic_anchor(const std::string& resource_uri, const std::string& name);

  // The base URI inside an indexed schema object, or nullptr when it was never indexed.
  const std::string* base_of(const Value& schema) const;
  // The dialect of an indexed schema object.
  Draft draft_of(const Value& schema, Draft fallback) const;
  // A compiled regular expression for `pattern` (cached). Throws JsonSchemaError.
  const re2::RE2& regex(const std::string& pattern);

  Value root;
  Draft root_draft = Draft::Draft2020_12;
  std::string root_base;

 private:
  struct Node {
    std::string base;
    Draft draft;
  };
  void walk(const Value& schema, std::string base, Draft draft);
  std::optional<Target> lookup_locked(const std::string& absolute_uri);

  SchemaOptions options_;
  mutable std::mutex mu_;  // guards the maps below: lookups may load documents during validation
  std::map<std::string, Target> resources_;        // absolute URI without fragment
  std::map<std::string, Target> anchors_;          // "uri#name" ($anchor, draft-7 "#name" ids)
  std::map<std::string, Target> dynamic_anchors_;  // "uri#name" for $dynamicAnchor
  std::unordered_map<const void*, Node> nodes_;    // schema object -> base and dialect
  std::mutex regex_mu_;  // regexes are compiled while mu_ may be held by a document load
  std::map<std::string, std::unique_ptr<re2::RE2>> regexes_;
  std::vector<Value> documents_;                   // keeps loaded documents alive
};

// Evaluates the root schema against `instance` (json_schema_eval.cpp).
std::vector<SchemaError> evaluate(Registry& registry, const Value& instance);

}  // namespace sparkc::validate::detail
