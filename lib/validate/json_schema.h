// JSON Schema validation (draft-07 and draft 2020-12) over sparkc::Value, for values.schema.json.
//
// A schema is compiled once (its resources, $id bases and anchors are indexed) and can then
// validate any number of instances. Validation never throws for bad instances: it returns
// errors, each with the instance location and the keyword location as JSON pointers.
//
// Known limits, chosen on purpose:
//   - numbers come from JSON as float64, so integers beyond 2^53 are not exact;
//   - `pattern` and `patternProperties` are ECMA-262 regular expressions run with RE2 after a
//     small translation (see translate_ecma_regex in json_schema_detail.h); look-around and
//     back-references are not supported and make compile() throw;
//   - `format` is an annotation only (never asserted), as both drafts allow by default;
//   - content* keywords are annotations and are ignored.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::validate {

// The JSON Schema dialect; `$schema` at the root selects it.
enum class Draft { Draft7, Draft2020_12 };

// A schema the validator cannot use: a bad regular expression, a $ref that names nothing, a
// keyword of the wrong JSON type.
class JsonSchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One failed assertion.
struct SchemaError {
  std::string instance_location;  // JSON pointer into the instance: "/spark/driver/memory"
  std::string keyword_location;   // JSON pointer through the schema: "/properties/spark/required"
  std::string message;            // "required property \"x\" is missing"
};

// Loads a remote schema document by absolute URI (no fragment); nullopt when unknown.
using SchemaLoader = std::function<std::optional<Value>(std::string_view uri)>;

// How to compile a schema.
struct SchemaOptions {
  Draft default_draft = Draft::Draft2020_12;  // used when the root has no `$schema`
  std::string base_uri = "urn:sparkc:schema";  // base of a root without `$id`
  SchemaLoader loader;                         // remote $ref documents; may be empty
};

namespace detail {
class Registry;
}

// A compiled schema; cheap to copy, safe to use from several threads.
class JsonSchema {
 public:
  // Indexes `schema` (a JSON document already parsed to a Value). Throws JsonSchemaError.
  static JsonSchema compile(const Value& schema, const SchemaOptions& options = {});

  // Validates `instance`; an empty result means it is valid.
  std::vector<SchemaError> validate(const Value& instance) const;
  // True when `instance` is valid.
  bool is_valid(const Value& instance) const { return validate(instance).empty(); }

  // The dialect the root schema is read with.
  Draft draft() const;

 private:
  std::shared_ptr<detail::Registry> registry_;
};

}  // namespace sparkc::validate
