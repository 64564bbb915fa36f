// Helm's and Sprig's YAML, JSON and TOML template functions, called through the registry.
//
// The expected values in kCalls were produced by the Go oracle running Helm's function bodies
// (pkg/engine/funcs.go) and Sprig's (defaults.go) on the same input; the code under test never
// produced them.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "sparkc/functions.h"
#include "sparkc/yaml.h"
#include "func_test_util.h"

using namespace sparkc;
using namespace sparkc::gotmpl;

namespace {

const FunctionRegistry& registry() {
  static const FunctionRegistry r = [] {
    FunctionRegistry reg;
    register_helm_yaml(reg);
    return reg;
  }();
  return r;
}

// Calls `name` with one argument; a string result as is, others as "JSON: " + json, errors as
// "ERR: " + message.
std::string call(const char* name, const Value& arg) {
  const Function* f = registry().find(name);
  REQUIRE(f != nullptr);
  testing::StubContext ctx;  // the functions here never call back into the engine
  Value args[] = {arg};
  try {
    Value out = f->fn(ctx, args);
    if (out.is_string()) return out.as_string();
    return "JSON: " + yaml::to_json(out);
  } catch (const FuncError& e) {
    return std::string("ERR: ") + e.what();
  }
}

struct Call {
  const char* func;
  char kind;  // 's': the argument is the string; 'j': the argument is this JSON decoded
  const char* arg;
  const char* want;
};

const Call kCalls[] = {
    {"toYaml", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "a:\n- 1\n- x\n- c: null\nb: 1"},
    {"toYaml", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "s: |-\n  multi\n  line\nt: \"yes\"\nu: ' x'"},
    {"toYaml", 'j', "[]",
     "[]"},
    {"toYaml", 'j', "{}",
     "{}"},
    {"toYaml", 'j', "null",
     "null"},
    {"toYaml", 'j', "\"str\"",
     "str"},
    {"toYaml", 'j', "1.5",
     "1.5"},
    {"toYaml", 'j', "[{\"a\":1}]",
     "- a: 1"},
    {"toYaml", 'j', "{\"html\":\"<a&b>\"}",
     "html: <a&b>"},
    {"toYaml", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "k:\n  l:\n    m:\n    - - 1\n      - 2\n    - []"},
    {"toYaml", 'j', "1e21",
     "1e+21"},
    {"toYaml", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "long: 'word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word '"},
    {"toYamlPretty", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "a:\n  - 1\n  - x\n  - c: null\nb: 1"},
    {"toYamlPretty", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "s: |-\n  multi\n  line\nt: \"yes\"\nu: ' x'"},
    {"toYamlPretty", 'j', "[]",
     "[]"},
    {"toYamlPretty", 'j', "{}",
     "{}"},
    {"toYamlPretty", 'j', "null",
     "null"},
    {"toYamlPretty", 'j', "\"str\"",
     "str"},
    {"toYamlPretty", 'j', "1.5",
     "1.5"},
    {"toYamlPretty", 'j', "[{\"a\":1}]",
     "- a: 1"},
    {"toYamlPretty", 'j', "{\"html\":\"<a&b>\"}",
     "html: <a&b>"},
    {"toYamlPretty", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "k:\n  l:\n    m:\n      - - 1\n        - 2\n      - []"},
    {"toYamlPretty", 'j', "1e21",
     "1e+21"},
    {"toYamlPretty", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "long: 'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word '"},
    {"toJson", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "{\"a\":[1,\"x\",{\"c\":null}],\"b\":1}"},
    {"toJson", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}"},
    {"toJson", 'j', "[]",
     "[]"},
    {"toJson", 'j', "{}",
     "{}"},
    {"toJson", 'j', "null",
     "null"},
    {"toJson", 'j', "\"str\"",
     "\"str\""},
    {"toJson", 'j', "1.5",
     "1.5"},
    {"toJson", 'j', "[{\"a\":1}]",
     "[{\"a\":1}]"},
    {"toJson", 'j', "{\"html\":\"<a&b>\"}",
     "{\"html\":\"\\u003ca\\u0026b\\u003e\"}"},
    {"toJson", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}"},
    {"toJson", 'j', "1e21",
     "1e+21"},
    {"toJson", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}"},
    {"toPrettyJson", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "{\n  \"a\": [\n    1,\n    \"x\",\n    {\n      \"c\": null\n    }\n  ],\n  \"b\": 1\n}"},
    {"toPrettyJson", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "{\n  \"s\": \"multi\\nline\",\n  \"t\": \"yes\",\n  \"u\": \" x\"\n}"},
    {"toPrettyJson", 'j', "[]",
     "[]"},
    {"toPrettyJson", 'j', "{}",
     "{}"},
    {"toPrettyJson", 'j', "null",
     "null"},
    {"toPrettyJson", 'j', "\"str\"",
     "\"str\""},
    {"toPrettyJson", 'j', "1.5",
     "1.5"},
    {"toPrettyJson", 'j', "[{\"a\":1}]",
     "[\n  {\n    \"a\": 1\n  }\n]"},
    {"toPrettyJson", 'j', "{\"html\":\"<a&b>\"}",
     "{\n  \"html\": \"\\u003ca\\u0026b\\u003e\"\n}"},
    {"toPrettyJson", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "{\n  \"k\": {\n    \"l\": {\n      \"m\": [\n        [\n          1,\n          2\n        ],\n        []\n      ]\n    }\n  }\n}"},
    {"toPrettyJson", 'j', "1e21",
     "1e+21"},
    {"toPrettyJson", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "{\n  \"long\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"\n}"},
    {"toRawJson", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "{\"a\":[1,\"x\",{\"c\":null}],\"b\":1}"},
    {"toRawJson", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}"},
    {"toRawJson", 'j', "[]",
     "[]"},
    {"toRawJson", 'j', "{}",
     "{}"},
    {"toRawJson", 'j', "null",
     "null"},
    {"toRawJson", 'j', "\"str\"",
     "\"str\""},
    {"toRawJson", 'j', "1.5",
     "1.5"},
    {"toRawJson", 'j', "[{\"a\":1}]",
     "[{\"a\":1}]"},
    {"toRawJson", 'j', "{\"html\":\"<a&b>\"}",
     "{\"html\":\"<a&b>\"}"},
    {"toRawJson", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}"},
    {"toRawJson", 'j', "1e21",
     "1e+21"},
    {"toRawJson", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}"},
    {"mustToJson", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "{\"a\":[1,\"x\",{\"c\":null}],\"b\":1}"},
    {"mustToJson", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}"},
    {"mustToJson", 'j', "[]",
     "[]"},
    {"mustToJson", 'j', "{}",
     "{}"},
    {"mustToJson", 'j', "null",
     "null"},
    {"mustToJson", 'j', "\"str\"",
     "\"str\""},
    {"mustToJson", 'j', "1.5",
     "1.5"},
    {"mustToJson", 'j', "[{\"a\":1}]",
     "[{\"a\":1}]"},
    {"mustToJson", 'j', "{\"html\":\"<a&b>\"}",
     "{\"html\":\"\\u003ca\\u0026b\\u003e\"}"},
    {"mustToJson", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}"},
    {"mustToJson", 'j', "1e21",
     "1e+21"},
    {"mustToJson", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}"},
    {"mustToPrettyJson", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "{\n  \"a\": [\n    1,\n    \"x\",\n    {\n      \"c\": null\n    }\n  ],\n  \"b\": 1\n}"},
    {"mustToPrettyJson", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "{\n  \"s\": \"multi\\nline\",\n  \"t\": \"yes\",\n  \"u\": \" x\"\n}"},
    {"mustToPrettyJson", 'j', "[]",
     "[]"},
    {"mustToPrettyJson", 'j', "{}",
     "{}"},
    {"mustToPrettyJson", 'j', "null",
     "null"},
    {"mustToPrettyJson", 'j', "\"str\"",
     "\"str\""},
    {"mustToPrettyJson", 'j', "1.5",
     "1.5"},
    {"mustToPrettyJson", 'j', "[{\"a\":1}]",
     "[\n  {\n    \"a\": 1\n  }\n]"},
    {"mustToPrettyJson", 'j', "{\"html\":\"<a&b>\"}",
     "{\n  \"html\": \"\\u003ca\\u0026b\\u003e\"\n}"},
    {"mustToPrettyJson", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "{\n  \"k\": {\n    \"l\": {\n      \"m\": [\n        [\n          1,\n          2\n        ],\n        []\n      ]\n    }\n  }\n}"},
    {"mustToPrettyJson", 'j', "1e21",
     "1e+21"},
    {"mustToPrettyJson", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "{\n  \"long\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"\n}"},
    {"mustToRawJson", 'j', "{\"b\":1,\"a\":[1,\"x\",{\"c\":null}]}",
     "{\"a\":[1,\"x\",{\"c\":null}],\"b\":1}"},
    {"mustToRawJson", 'j', "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}",
     "{\"s\":\"multi\\nline\",\"t\":\"yes\",\"u\":\" x\"}"},
    {"mustToRawJson", 'j', "[]",
     "[]"},
    {"mustToRawJson", 'j', "{}",
     "{}"},
    {"mustToRawJson", 'j', "null",
     "null"},
    {"mustToRawJson", 'j', "\"str\"",
     "\"str\""},
    {"mustToRawJson", 'j', "1.5",
     "1.5"},
    {"mustToRawJson", 'j', "[{\"a\":1}]",
     "[{\"a\":1}]"},
    {"mustToRawJson", 'j', "{\"html\":\"<a&b>\"}",
     "{\"html\":\"<a&b>\"}"},
    {"mustToRawJson", 'j', "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}",
     "{\"k\":{\"l\":{\"m\":[[1,2],[]]}}}"},
    {"mustToRawJson", 'j', "1e21",
     "1e+21"},
    {"mustToRawJson", 'j', "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
     "{\"long\":\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}"},
    {"toToml", 'j', "{\"a\":{\"b\":1},\"c\":[1,2],\"d\":\"x\"}",
     "c = [1.0, 2.0]\nd = \"x\"\n\n[a]\n  b = 1.0\n"},
    {"toToml", 'j', "{\"t\":[{\"x\":1},{\"x\":2}]}",
     "[[t]]\n  x = 1.0\n\n[[t]]\n  x = 2.0\n"},
    {"toToml", 'j', "\"x\"",
     "toml: top-level values must be Go maps or structs"},
    {"toToml", 'j', "[1]",
     "toml: top-level values must be Go maps or structs"},
    {"toToml", 'j', "{\"a\":[null]}",
     "toml: cannot encode array with nil element"},
    {"toToml", 'j', "{}",
     ""},
    {"fromYaml", 's', "a: 1",
     "JSON: {\"a\":1}"},
    {"fromYamlArray", 's', "a: 1",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}\"]"},
    {"fromYaml", 's', "- 1\n- 2",
     "JSON: {\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}"},
    {"fromYamlArray", 's', "- 1\n- 2",
     "JSON: [1,2]"},
    {"fromYaml", 's', "hello",
     "JSON: {\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}\"}"},
    {"fromYamlArray", 's', "hello",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type []interface {}\"]"},
    {"fromYaml", 's', "1",
     "JSON: {\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}\"}"},
    {"fromYamlArray", 's', "1",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type []interface {}\"]"},
    {"fromYaml", 's', "true",
     "JSON: {\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type map[string]interface {}\"}"},
    {"fromYamlArray", 's', "true",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type []interface {}\"]"},
    {"fromYaml", 's', "",
     "JSON: {}"},
    {"fromYamlArray", 's', "",
     "JSON: []"},
    {"fromYaml", 's', "~",
     "JSON: {}"},
    {"fromYamlArray", 's', "~",
     "JSON: []"},
    {"fromYaml", 's', "a: [",
     "JSON: {\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected node content\"}"},
    {"fromYamlArray", 's', "a: [",
     "JSON: [\"error converting YAML to JSON: yaml: line 1: did not find expected node content\"]"},
    {"fromYaml", 's', "{}",
     "JSON: {}"},
    {"fromYamlArray", 's', "{}",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}\"]"},
    {"fromYaml", 's', "[]",
     "JSON: {\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}"},
    {"fromYamlArray", 's', "[]",
     "JSON: []"},
    {"fromYaml", 's', "a: 1\nError: x",
     "JSON: {\"Error\":\"x\",\"a\":1}"},
    {"fromYamlArray", 's', "a: 1\nError: x",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}\"]"},
    {"fromYaml", 's', "a: .nan",
     "JSON: {\"Error\":\"error converting YAML to JSON: json: unsupported value: NaN\"}"},
    {"fromYamlArray", 's', "a: .nan",
     "JSON: [\"error converting YAML to JSON: json: unsupported value: NaN\"]"},
    {"fromYaml", 's', "a: b: c",
     "JSON: {\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}"},
    {"fromYamlArray", 's', "a: b: c",
     "JSON: [\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"]"},
    {"fromYaml", 's', "x: &a 1\ny: *a",
     "JSON: {\"true\":1,\"x\":1}"},
    {"fromYamlArray", 's', "x: &a 1\ny: *a",
     "JSON: [\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}\"]"},
    {"fromJson", 's', "{\"a\":1}",
     "JSON: {\"a\":1}"},
    {"fromJsonArray", 's', "{\"a\":1}",
     "JSON: [\"json: cannot unmarshal object into Go value of type []interface {}\"]"},
    {"mustFromJson", 's', "{\"a\":1}",
     "JSON: {\"a\":1}"},
    {"fromJson", 's', "[1,2]",
     "JSON: {\"Error\":\"json: cannot unmarshal array into Go value of type map[string]interface {}\"}"},
    {"fromJsonArray", 's', "[1,2]",
     "JSON: [1,2]"},
    {"mustFromJson", 's', "[1,2]",
     "JSON: [1,2]"},
    {"fromJson", 's', "\"x\"",
     "JSON: {\"Error\":\"json: cannot unmarshal string into Go value of type map[string]interface {}\"}"},
    {"fromJsonArray", 's', "\"x\"",
     "JSON: [\"json: cannot unmarshal string into Go value of type []interface {}\"]"},
    {"mustFromJson", 's', "\"x\"",
     "x"},
    {"fromJson", 's', "1",
     "JSON: {\"Error\":\"json: cannot unmarshal number into Go value of type map[string]interface {}\"}"},
    {"fromJsonArray", 's', "1",
     "JSON: [\"json: cannot unmarshal number into Go value of type []interface {}\"]"},
    {"mustFromJson", 's', "1",
     "JSON: 1"},
    {"fromJson", 's', "true",
     "JSON: {\"Error\":\"json: cannot unmarshal bool into Go value of type map[string]interface {}\"}"},
    {"fromJsonArray", 's', "true",
     "JSON: [\"json: cannot unmarshal bool into Go value of type []interface {}\"]"},
    {"mustFromJson", 's', "true",
     "JSON: true"},
    {"fromJson", 's', "",
     "JSON: {\"Error\":\"unexpected end of JSON input\"}"},
    {"fromJsonArray", 's', "",
     "JSON: [\"unexpected end of JSON input\"]"},
    {"mustFromJson", 's', "",
     "ERR: unexpected end of JSON input"},
    {"mustFromJson", 's', "null",
     "JSON: null"},
    {"fromJson", 's', "{\"a\":",
     "JSON: {\"Error\":\"unexpected end of JSON input\"}"},
    {"fromJsonArray", 's', "{\"a\":",
     "JSON: [\"unexpected end of JSON input\"]"},
    {"mustFromJson", 's', "{\"a\":",
     "ERR: unexpected end of JSON input"},
    {"fromJson", 's', "{\"a\":1e999}",
     "JSON: {\"Error\":\"json: cannot unmarshal number 1e999 into Go value of type float64\",\"a\":null}"},
    {"fromJsonArray", 's', "{\"a\":1e999}",
     "JSON: [\"json: cannot unmarshal object into Go value of type []interface {}\"]"},
    {"mustFromJson", 's', "{\"a\":1e999}",
     "ERR: json: cannot unmarshal number 1e999 into Go value of type float64"},
    {"fromJson", 's', "[1e999, 2]",
     "JSON: {\"Error\":\"json: cannot unmarshal array into Go value of type map[string]interface {}\"}"},
    {"fromJsonArray", 's', "[1e999, 2]",
     "JSON: [\"json: cannot unmarshal number 1e999 into Go value of type float64\"]"},
    {"mustFromJson", 's', "[1e999, 2]",
     "ERR: json: cannot unmarshal number 1e999 into Go value of type float64"},
    {"fromJson", 's', "{\"a\":1}x",
     "JSON: {\"Error\":\"invalid character 'x' after top-level value\"}"},
    {"fromJsonArray", 's', "{\"a\":1}x",
     "JSON: [\"invalid character 'x' after top-level value\"]"},
    {"mustFromJson", 's', "{\"a\":1}x",
     "ERR: invalid character 'x' after top-level value"},
    {"fromToml", 's', "a = 1\n[t]\nb = \"x\"",
     "JSON: {\"a\":1,\"t\":{\"b\":\"x\"}}"},
    {"fromToml", 's', "a = ",
     "JSON: {\"Error\":\"toml: line 0 (last key \\\"a\\\"): unexpected EOF; expected value\"}"},
    {"fromToml", 's', "a = 1\na = 2",
     "JSON: {\"Error\":\"toml: line 2 (last key \\\"a\\\"): Key 'a' has already been defined.\"}"},
    {"fromToml", 's', "",
     "JSON: {}"},
};

}  // namespace

TEST_CASE("YAML, JSON and TOML functions match Helm and Sprig") {
  for (const Call& c : kCalls) {
    CAPTURE(c.func);
    CAPTURE(c.arg);
    Value arg = c.kind == 'j' ? yaml::from_json(c.arg) : Value(c.arg);
    CHECK(call(c.func, arg) == std::string(c.want));
  }
}

TEST_CASE("fromJson of null gives an empty map") {
  // Go returns a nil map[string]interface{} (and a nil []interface{}), which templates print as
  // "map[]" ("[]") but json.Marshal writes as null. Value has no typed nil, so we return an
  // empty map (list): the printed form matches, toJson of the result says {} instead of null.
  CHECK(call("fromJson", Value("null")) == "JSON: {}");
  CHECK(call("fromJsonArray", Value("null")) == "JSON: []");
}

TEST_CASE("functions on values JSON cannot encode") {
  // Go: json.Marshal(math.NaN()) fails with "json: unsupported value: NaN"; Helm's toYaml and
  // toJson and Sprig's toPrettyJson swallow it, the must forms and toRawJson report it.
  Value nan = Value::float64(std::nan(""));
  CHECK(call("toYaml", nan) == "");
  CHECK(call("toJson", nan) == "");
  CHECK(call("toPrettyJson", nan) == "");
  CHECK(call("toRawJson", nan) == "ERR: json: unsupported value: NaN");
  CHECK(call("mustToJson", nan) == "ERR: json: unsupported value: NaN");
  CHECK(call("mustToPrettyJson", nan) == "ERR: json: unsupported value: NaN");
  CHECK(call("mustToRawJson", nan) == "ERR: json: unsupported value: NaN");
  CHECK(call("toYamlPretty", nan) == ".nan");
}

TEST_CASE("the registered set and signatures") {
  const char* names[] = {"toYaml", "mustToYaml", "toYamlPretty", "fromYaml", "fromYamlArray", "toToml",
                         "fromToml", "toJson", "fromJson", "fromJsonArray", "toPrettyJson",
                         "toRawJson", "mustToJson", "mustToPrettyJson", "mustToRawJson",
                         "mustFromJson"};
  CHECK(registry().size() == std::size(names));
  for (const char* n : names) {
    CAPTURE(n);
    const Function* f = registry().find(n);
    REQUIRE(f != nullptr);
    REQUIRE(f->sig.params.size() == 1);
    bool takes_string = std::string(n).find("from") != std::string::npos ||
                        std::string(n).find("From") != std::string::npos;
    CHECK(f->sig.params[0] == (takes_string ? Param::String : Param::Any));
    CHECK(f->sig.returns_error == (std::string(n).rfind("must", 0) == 0));
  }
}
