// The JSON Schema validator against the official JSON-Schema-Test-Suite (Debian package
// json-schema-test-suite) and against a table of our own cases with exact error messages.
//
// The Debian package (2.0.0) ships draft3, draft4, draft6 and draft7 only: there is no
// draft2020-12 directory, so 2020-12 is covered by the table below. The suite run prints
//   json-schema-test-suite draft7: N/M passed (P%)
// and fails when the rate drops below the threshold, set just under the rate reached.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sparkc/yaml.h"
#include "validate/json_schema.h"

using namespace sparkc;
using namespace sparkc::validate;
namespace fs = std::filesystem;

namespace {

// Just under the pass rates reached (see the report in the commit that set them).
constexpr double kMinRequiredRate = 99.5;  // reached 423/423 (100%)
constexpr double kMinOptionalRate = 59.0;  // reached 86/143 (60.1%): format is not asserted

const fs::path kSuite = "/usr/share/json-schema-test-suite";
// The draft-07 meta-schema, which a few suite cases $ref; Debian's python3-jsonschema has it.
const fs::path kDraft7Meta = "/usr/lib/python3/dist-packages/jsonschema/schemas/draft7.json";

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Serves the suite's remotes/ directory as http://localhost:1234/, as the suite's README asks.
std::optional<Value> suite_loader(std::string_view uri) {
  constexpr std::string_view kRemote = "http://localhost:1234/";
  fs::path file;
  if (uri.starts_with(kRemote)) file = kSuite / "remotes" / std::string(uri.substr(kRemote.size()));
  else if (uri == "http://json-schema.org/draft-07/schema") file = kDraft7Meta;
  else return std::nullopt;
  if (!fs::is_regular_file(file)) return std::nullopt;
  return yaml::from_json(read_text(file));
}

struct Tally {
  int passed = 0;
  int total = 0;
  std::vector<std::string> failures;
  double rate() const { return total ? 100.0 * passed / total : 0; }
};

// Runs every case of every file under `dir` (optional/ included only when `optional`).
void run_suite_dir(const fs::path& dir, Draft draft, bool optional, Tally& tally) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    bool in_optional = e.path().string().find("/optional/") != std::string::npos;
    if (in_optional == optional) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    Value groups = yaml::from_json(read_text(file));
    for (const Value& group : groups.as_list()) {
      const List& tests = group.find("tests")->as_list();
      std::string where = file.filename().string() + ": " + group.find("description")->as_string();
      std::optional<JsonSchema> schema;
      std::string compile_error;
      try {
        schema = JsonSchema::compile(*group.find("schema"), {draft, "urn:sparkc:suite", suite_loader});
      } catch (const std::exception& e) {
        compile_error = e.what();
      }
      for (const Value& t : tests) {
        ++tally.total;
        bool want = t.find("valid")->as_bool();
        bool got = schema && schema->is_valid(*t.find("data"));
        if (schema && got == want) ++tally.passed;
        else tally.failures.push_back(where + " / " + t.find("description")->as_string() +
                                      (compile_error.empty() ? "" : " (compile: " + compile_error + ")"));
      }
    }
  }
}

void report(const std::string& name, const Tally& t) {
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f", t.rate());
  std::cout << "json-schema-test-suite " << name << ": " << t.passed << "/" << t.total << " passed (" << pct
            << "%)\n";
  if (std::getenv("SPARKC_SCHEMA_SUITE_VERBOSE"))
    for (const auto& f : t.failures) std::cout << "  FAIL " << f << "\n";
}

}  // namespace

TEST_CASE("json-schema-test-suite draft7") {
  fs::path dir = kSuite / "tests" / "draft7";
  if (!fs::is_directory(dir)) {
    MESSAGE("json-schema-test-suite not installed: skipped");
    return;
  }
  CHECK_FALSE(fs::exists(kSuite / "tests" / "draft2020-12"));  // revisit the thresholds if it appears
  Tally required, optional;
  run_suite_dir(dir, Draft::Draft7, false, required);
  run_suite_dir(dir, Draft::Draft7, true, optional);
  report("draft7", required);
  report("draft7 optional", optional);
  CHECK(required.total >= 400);
  CHECK(required.rate() >= kMinRequiredRate);
  CHECK(optional.rate() >= kMinOptionalRate);
}

namespace {

// One case: a schema, an instance, and every error as "[instance] [keyword] message", one a line.
struct Case {
  const char* name;
  const char* schema;
  const char* instance;
  const char* want;
};

constexpr const char* kDraft7 = R"("$schema":"http://json-schema.org/draft-07/schema#",)";

const Case kCases[] = {
    {"integer accepts 1.0", R"({"type":"integer"})", "1.0", ""},
    {"integer refuses 1.5", R"({"type":"integer"})", "1.5", "[] [/type] expected integer, got number"},
    {"type list", R"({"type":["string","null"]})", "3", "[] [/type] expected string or null, got integer"},
    {"maxLength counts code points", R"({"maxLength":2})", R"("h\u00e9\u00e9")",
     "[] [/maxLength] string has 3 characters, want at most 2"},
    {"minLength", R"({"minLength":2})", R"("h")", "[] [/minLength] string has 1 character, want at least 2"},
    {"pattern", R"({"pattern":"^\\d+$"})", R"("12a")", R"([] [/pattern] "12a" does not match pattern "^\\d+$")"},
    {"pattern is unanchored", R"({"pattern":"\\d"})", R"("a1b")", ""},
    {"ECMA \\s includes no-break space", R"({"pattern":"^\\s$"})", R"("\u00a0")", ""},
    {"enum", R"({"enum":[1,"a",null]})", "2", R"([] [/enum] value must be one of 1, "a", null)"},
    {"const 1 equals 1.0", R"({"const":1})", "1.0", ""},
    {"const", R"({"const":{"a":[1]}})", R"({"a":[2]})", R"([] [/const] value must be {"a":[1]})"},
    {"uniqueItems with 1 == 1.0", R"({"uniqueItems":true})", "[1,\"x\",1.0]", "[] [/uniqueItems] array items 0 and 2 are equal"},
    {"minimum", R"({"minimum":5})", "3", "[] [/minimum] value 3 is less than the minimum 5"},
    {"maximum", R"({"maximum":5})", "5.5", "[] [/maximum] value 5.5 is greater than the maximum 5"},
    {"exclusiveMinimum", R"({"exclusiveMinimum":5})", "5", "[] [/exclusiveMinimum] value 5 must be greater than 5"},
    {"exclusiveMaximum", R"({"exclusiveMaximum":5})", "5", "[] [/exclusiveMaximum] value 5 must be less than 5"},
    {"multipleOf float", R"({"multipleOf":0.01})", "19.99", ""},
    {"multipleOf fails", R"({"multipleOf":0.01})", "0.015", "[] [/multipleOf] value 0.015 is not a multiple of 0.01"},
    {"required", R"({"properties":{"spark":{"required":["image"]}}})", R"({"spark":{}})",
     R"([/spark] [/properties/spark/required] required property "image" is missing)"},
    {"additionalProperties false", R"({"properties":{"spark":{"properties":{"a":{}},"additionalProperties":false}}})",
     R"({"spark":{"a":1,"b":2}})", R"([/spark/b] [/properties/spark/additionalProperties] property "b" is not allowed)"},
    {"pointer escaping", R"({"additionalProperties":false})", R"({"a/b~":1})",
     R"([/a~1b~0] [/additionalProperties] property "a/b~" is not allowed)"},
    {"patternProperties", R"({"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false})",
     R"({"x-a":"s","x-b":1,"y":1})",
     "[/x-b] [/patternProperties/^x-/type] expected string, got integer\n"
     R"([/y] [/additionalProperties] property "y" is not allowed)"},
    {"propertyNames", R"({"propertyNames":{"pattern":"^[a-z]+$"}})", R"({"Ab":1})",
     R"([/Ab] [/propertyNames/pattern] "Ab" does not match pattern "^[a-z]+$")"},
    {"min/maxProperties", R"({"minProperties":2,"maxProperties":0})", R"({"a":1})",
     "[] [/minProperties] object has 1 property, want at least 2\n[] [/maxProperties] object has 1 property, want at most 0"},
    {"min/maxItems", R"({"minItems":2,"maxItems":0})", "[1]",
     "[] [/minItems] array has 1 item, want at least 2\n[] [/maxItems] array has 1 item, want at most 0"},
    {"false schema", R"({"properties":{"x":false}})", R"({"x":1})", "[/x] [/properties/x] no value is allowed here (false schema)"},
    {"$ref into $defs", R"({"$defs":{"port":{"type":"integer","maximum":65535}},"properties":{"p":{"$ref":"#/$defs/port"}}})",
     R"({"p":70000})", "[/p] [/properties/p/$ref/maximum] value 70000 is greater than the maximum 65535"},
    {"$ref with escaped pointer", R"({"$defs":{"a/b":{"type":"string"}},"$ref":"#/$defs/a~1b"})", "1",
     "[] [/$ref/type] expected string, got integer"},
    {"$ref siblings apply in 2020-12", R"({"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","maxLength":1})", R"("ab")",
     "[] [/maxLength] string has 2 characters, want at most 1"},
    {"$ref siblings ignored in draft 7", R"({"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s","maxLength":1})",
     R"("ab")", ""},
    {"unresolvable $ref", R"({"$ref":"#/$defs/missing"})", "1", R"([] [/$ref] cannot resolve $ref "#/$defs/missing")"},
    // An index too long for size_t once threw std::out_of_range out of validate.
    {"$ref with a list index too long for size_t", R"({"allOf":[true],"$ref":"#/allOf/99999999999999999999999"})", "1",
     R"([] [/$ref] cannot resolve $ref "#/allOf/99999999999999999999999")"},
    {"$anchor", R"({"$defs":{"x":{"$anchor":"port","type":"integer"}},"$ref":"#port"})", R"("a")",
     "[] [/$ref/type] expected integer, got string"},
    {"$id-based resolution", R"({"$id":"https://example.com/root.json","$defs":{"a":{"$id":"item.json","type":"string"}},"items":{"$ref":"item.json"}})",
     "[1]", "[/0] [/items/$ref/type] expected string, got integer"},
    {"draft 7 anchor as $id", R"({"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"a":{"$id":"#foo","type":"string"}},"items":{"$ref":"#foo"}})",
     "[1]", "[/0] [/items/$ref/type] expected string, got integer"},
    {"allOf", R"({"allOf":[{"required":["a"]},{"required":["b"]}]})", "{}",
     "[] [/allOf/0/required] required property \"a\" is missing\n[] [/allOf/1/required] required property \"b\" is missing"},
    {"anyOf", R"({"anyOf":[{"type":"string"},{"type":"integer"}]})", "1.5", R"([] [/anyOf] value does not match any schema of "anyOf")"},
    {"oneOf none", R"({"oneOf":[{"type":"string"},{"type":"integer"}]})", "1.5", R"([] [/oneOf] value does not match any schema of "oneOf")"},
    {"oneOf two", R"({"oneOf":[{"type":"number"},{"type":"integer"}]})", "1",
     R"([] [/oneOf] value matches schemas 0 and 1 of "oneOf", want exactly one)"},
    {"oneOf one", R"({"oneOf":[{"type":"number"},{"type":"string"}]})", "1", ""},
    {"not", R"({"not":{"type":"string"}})", R"("a")", R"([] [/not] value must not match the schema of "not")"},
    {"if/then", R"({"if":{"properties":{"kind":{"const":"s3"}}},"then":{"required":["bucket"]},"else":{"required":["path"]}})",
     R"({"kind":"s3"})", R"([] [/then/required] required property "bucket" is missing)"},
    {"if/else", R"({"if":{"properties":{"kind":{"const":"s3"}}},"then":{"required":["bucket"]},"else":{"required":["path"]}})",
     R"({"kind":"gcs"})", R"([] [/else/required] required property "path" is missing)"},
    {"draft 7 items tuple", R"({"$schema":"http://json-schema.org/draft-07/schema#","items":[{"type":"string"}],"additionalItems":false})",
     R"([1,2])", "[/0] [/items/0/type] expected string, got integer\n[/1] [/additionalItems] additional item 1 is not allowed"},
    {"prefixItems and items false", R"({"prefixItems":[{"type":"string"}],"items":false})", R"(["a",2])",
     "[/1] [/items] additional item 1 is not allowed"},
    {"items applies after prefixItems", R"({"prefixItems":[{}],"items":{"type":"string"}})", R"([1,"a",3])",
     "[/2] [/items/type] expected string, got integer"},
    {"contains", R"({"contains":{"const":1}})", "[2]", R"([] [/contains] array contains no item that matches "contains")"},
    {"minContains", R"({"contains":{"const":1},"minContains":2})", "[1,2]",
     "[] [/minContains] array contains 1 matching item, want at least 2"},
    {"maxContains", R"({"contains":{"const":1},"maxContains":1})", "[1,1]",
     "[] [/maxContains] array contains 2 matching items, want at most 1"},
    {"minContains 0", R"({"contains":{"const":1},"minContains":0})", "[]", ""},
    {"draft 7 has no minContains", R"({"$schema":"http://json-schema.org/draft-07/schema#","contains":{"const":1},"minContains":2})", "[1]", ""},
    {"dependentRequired", R"({"dependentRequired":{"a":["b"]}})", R"({"a":1})",
     R"([] [/dependentRequired/a] property "a" requires property "b")"},
    {"dependentSchemas", R"({"dependentSchemas":{"a":{"required":["b"]}}})", R"({"a":1})",
     R"([] [/dependentSchemas/a/required] required property "b" is missing)"},
    {"draft 7 dependencies", R"({"$schema":"http://json-schema.org/draft-07/schema#","dependencies":{"a":["b"],"c":{"required":["d"]}}})",
     R"({"a":1,"c":1})",
     "[] [/dependencies/a] property \"a\" requires property \"b\"\n[] [/dependencies/c/required] required property \"d\" is missing"},
    {"unevaluatedProperties sees allOf", R"({"allOf":[{"properties":{"a":{}}}],"unevaluatedProperties":false})",
     R"({"a":1,"b":2})", R"([/b] [/unevaluatedProperties] unevaluated property "b" is not allowed)"},
    {"unevaluatedProperties ignores failed branches",
     R"({"anyOf":[{"properties":{"a":{"type":"string"}}},{"properties":{"b":{}}}],"unevaluatedProperties":false})",
     R"({"a":1,"b":1})", R"([/a] [/unevaluatedProperties] unevaluated property "a" is not allowed)"},
    {"unevaluatedProperties sees then", R"({"if":{"required":["a"]},"then":{"properties":{"b":{}}},"unevaluatedProperties":false})",
     R"({"a":1,"b":2})", R"([/a] [/unevaluatedProperties] unevaluated property "a" is not allowed)"},
    {"unevaluatedItems", R"({"prefixItems":[{}],"allOf":[{"prefixItems":[{},{}]}],"unevaluatedItems":false})", "[1,2,3]",
     "[/2] [/unevaluatedItems] unevaluated item 2 is not allowed"},
    {"unevaluatedItems sees contains", R"({"contains":{"const":9},"unevaluatedItems":{"type":"string"}})", R"([9,"a",1])",
     "[/2] [/unevaluatedItems/type] expected string, got integer"},
    {"$dynamicRef extends a tree",
     R"({"$id":"https://example.com/strict-tree","$dynamicAnchor":"node","$ref":"tree","unevaluatedProperties":false,
        "$defs":{"tree":{"$id":"https://example.com/tree","$dynamicAnchor":"node","type":"object",
        "properties":{"data":true,"children":{"type":"array","items":{"$dynamicRef":"#node"}}}}}})",
     R"({"children":[{"daat":1}]})",
     // The failed $ref drops its annotations, so the root also finds "children" unevaluated.
     R"([/children/0/daat] [/$ref/properties/children/items/$dynamicRef/unevaluatedProperties] unevaluated property "daat" is not allowed)"
     "\n"
     R"([/children] [/unevaluatedProperties] unevaluated property "children" is not allowed)"},
    {"$dynamicRef valid tree",
     R"({"$id":"https://example.com/strict-tree","$dynamicAnchor":"node","$ref":"tree","unevaluatedProperties":false,
        "$defs":{"tree":{"$id":"https://example.com/tree","$dynamicAnchor":"node","type":"object",
        "properties":{"data":true,"children":{"type":"array","items":{"$dynamicRef":"#node"}}}}}})",
     R"({"children":[{"data":1}]})", ""},
    {"$dynamicRef without a dynamic anchor in scope acts as $ref",
     R"({"$id":"https://example.com/list","$defs":{"item":{"$dynamicAnchor":"item","type":"string"}},"items":{"$dynamicRef":"#item"}})",
     "[1]", "[/0] [/items/$dynamicRef/type] expected string, got integer"},
    {"a dynamic scope ends with its subschema",
     // "if" enters resource "a", which is gone when "then" reaches the $dynamicRef; the outer
     // resource "b" (entered through "then") supplies the anchor.
     R"({"$id":"https://example.com/main","if":{"$id":"a","$defs":{"t":{"$dynamicAnchor":"t","type":"number"}}},
        "then":{"$id":"b","$ref":"start","$defs":{"t":{"$dynamicAnchor":"t","type":"boolean"}}},
        "$defs":{"start":{"$id":"start","$dynamicRef":"inner#t"},"inner":{"$id":"inner","$dynamicAnchor":"t","type":"string"}}})",
     "7", "[] [/then/$ref/$dynamicRef/type] expected boolean, got integer"},
    {"$dynamicRef to a false schema", R"({"$defs":{"no":false},"properties":{"x":{"$dynamicRef":"#/$defs/no"}}})",
     R"({"x":1})", "[/x] [/properties/x/$dynamicRef] no value is allowed here (false schema)"},
    {"format is an annotation", R"({"format":"email"})", R"("not an email")", ""},
    {"errors at several depths", R"({"type":"object","properties":{"a":{"type":"array","items":{"enum":["x"]}}},"required":["b"]})",
     R"({"a":["x","y"]})", "[/a/1] [/properties/a/items/enum] value must be one of \"x\"\n[] [/required] required property \"b\" is missing"},
};

std::string render(const std::vector<SchemaError>& errs) {
  std::string out;
  for (const auto& e : errs)
    out += (out.empty() ? "" : "\n") + ("[" + e.instance_location + "] [" + e.keyword_location + "] " + e.message);
  return out;
}

}  // namespace

TEST_CASE("json schema: own cases with exact errors") {
  for (const Case& c : kCases) {
    std::string name = c.name;
    CAPTURE(name);
    auto schema = JsonSchema::compile(yaml::from_json(c.schema));
    CHECK(render(schema.validate(yaml::from_json(c.instance))) == std::string(c.want));
  }
}

TEST_CASE("json schema: dialect and remote documents") {
  CHECK(JsonSchema::compile(yaml::from_json("{}")).draft() == Draft::Draft2020_12);
  CHECK(JsonSchema::compile(yaml::from_json(std::string("{") + kDraft7 + R"("type":"string"})")).draft() == Draft::Draft7);
  SchemaOptions opts;
  opts.loader = [](std::string_view uri) -> std::optional<Value> {
    if (uri == "https://example.com/port.json") return yaml::from_json(R"({"$defs":{"p":{"type":"integer"}}})");
    return std::nullopt;
  };
  auto s = JsonSchema::compile(yaml::from_json(R"({"items":{"$ref":"https://example.com/port.json#/$defs/p"}})"), opts);
  CHECK(render(s.validate(yaml::from_json(R"([1,"x"])"))) == "[/1] [/items/$ref/type] expected integer, got string");
  auto missing = JsonSchema::compile(yaml::from_json(R"({"$ref":"https://example.com/none.json"})"), opts);
  CHECK(render(missing.validate(Value(1))) == R"([] [/$ref] cannot resolve $ref "https://example.com/none.json")");
}

TEST_CASE("json schema: int64 values compare exactly") {
  // 2^53 + 1 has no float64 of its own: compared as doubles it would equal 2^53 and pass both.
  Map schema{{"maximum", Value::int64(9007199254740992)}, {"enum", Value::list({Value::int64(9007199254740992)})}};
  auto s = JsonSchema::compile(Value::map(schema));
  CHECK(render(s.validate(Value::int64(9007199254740992))) == "");
  CHECK(render(s.validate(Value::int64(9007199254740993))) ==
        "[] [/enum] value must be one of 9007199254740992\n"
        "[] [/maximum] value 9007199254740993 is greater than the maximum 9007199254740992");
}

TEST_CASE("json schema: schemas the validator refuses") {
  struct Bad {
    const char* schema;
    const char* want;
  };
  const Bad bad[] = {
      {R"J({"pattern":"a(?=b)"})J", R"J(invalid pattern "a(?=b)": pattern look-around is not supported)J"},
      {R"J({"pattern":"(a)\\1"})J", R"J(invalid pattern "(a)\1": pattern back-references are not supported)J"},
      {R"J({"patternProperties":{"(":{}}})J", R"J(invalid pattern "(": missing ): ()J"},
      {R"(3)", "a schema must be an object or a boolean"},
  };
  for (const Bad& b : bad) {
    std::string schema = b.schema;
    CAPTURE(schema);
    std::string got;
    try {
      JsonSchema::compile(yaml::from_json(b.schema));
    } catch (const JsonSchemaError& e) {
      got = e.what();
    }
    CHECK(got == std::string(b.want));
  }
}
