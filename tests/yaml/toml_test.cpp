// yaml::to_toml and from_toml against BurntSushi/toml.
//
// The expected values in the tables below were produced by the Go oracle (Go 1.19 with the
// Debian packages of sigs.k8s.io/yaml 1.3.0, gopkg.in/yaml.v2/v3, BurntSushi/toml 1.2.0) and
// pasted here; the code under test never produced them.
#include <doctest/doctest.h>

#include <string>

#include "sparkc/yaml.h"

using namespace sparkc;

namespace {

struct Row {
  const char* in;
  const char* want;
};

const Row kToToml[] = {
// Generated from the Go oracle: json.Unmarshal of the input, then BurntSushi/toml
// Encoder.Encode, or "ERR: " + error.
    {"{\"a\": 1}",
     "a = 1.0\n"},
    {"{\"a\": 1.5}",
     "a = 1.5\n"},
    {"{\"a\": \"x\"}",
     "a = \"x\"\n"},
    {"{\"a\": true}",
     "a = true\n"},
    {"{\"b\": 1, \"a\": 2}",
     "a = 2.0\nb = 1.0\n"},
    {"{\"a\": {\"b\": 1}}",
     "[a]\n  b = 1.0\n"},
    {"{\"a\": {\"b\": {\"c\": 1}}, \"d\": 2}",
     "d = 2.0\n\n[a]\n  [a.b]\n    c = 1.0\n"},
    {"{\"a\": [1, 2, 3]}",
     "a = [1.0, 2.0, 3.0]\n"},
    {"{\"a\": [\"x\", \"y\"]}",
     "a = [\"x\", \"y\"]\n"},
    {"{\"a\": [{\"b\": 1}, {\"b\": 2}]}",
     "[[a]]\n  b = 1.0\n\n[[a]]\n  b = 2.0\n"},
    {"{\"a\": []}",
     "a = []\n"},
    {"{\"a\": {}}",
     "[a]\n"},
    {"{\"a\": null}",
     ""},
    {"{\"a\": [1, \"x\"]}",
     "a = [1.0, \"x\"]\n"},
    {"{\"a\": \"quote\\\"back\\\\slash\\ttab\\nnl\"}",
     "a = \"quote\\\"back\\\\slash\\ttab\\nnl\"\n"},
    {"{\"a\": \"\303\251\346\227\245\346\234\254\"}",
     "a = \"\303\251\346\227\245\346\234\254\"\n"},
    {"{\"a b\": 1}",
     "\"a b\" = 1.0\n"},
    {"{\"a.b\": 1}",
     "\"a.b\" = 1.0\n"},
    {"{\"\": 1}",
     "\"\" = 1.0\n"},
    {"{\"a\": 1e+21}",
     "a = 1000000000000000000000.0\n"},
    {"{\"a\": 1000000.0}",
     "a = 1000000.0\n"},
    {"{\"a\": 0.1}",
     "a = 0.1\n"},
    {"{\"a\": [[1, 2], [3]]}",
     "a = [[1.0, 2.0], [3.0]]\n"},
    {"{\"a\": [{\"b\": {\"c\": 1}}]}",
     "[[a]]\n  [a.b]\n    c = 1.0\n"},
    {"{\"z\": {\"y\": 1}, \"x\": 2, \"w\": {\"v\": {}}}",
     "x = 2.0\n\n[w]\n  [w.v]\n\n[z]\n  y = 1.0\n"},
    {"\"str\"",
     "ERR: toml: top-level values must be Go maps or structs\n"},
    {"[1, 2]",
     "ERR: toml: top-level values must be Go maps or structs\n"},
    {"{\"a\": -0.0}",
     "a = -0.0\n"},
    {"{\"a\": 100}",
     "a = 100.0\n"},
    {"{\"a\": {\"b\": [{\"c\": [{\"d\": 1}]}]}}",
     "[a]\n\n  [[a.b]]\n\n    [[a.b.c]]\n      d = 1.0\n"},
    {"{\"a\": [{}]}",
     "[[a]]\n"},
    {"{\"a\": \"\\u0001\177\"}",
     "a = \"\\u0001\\u007f\"\n"},
    {"{\"a\": [null]}",
     "ERR: toml: cannot encode array with nil element\n"},
    {"{\"k-_1\": 1, \"K\": 2}",
     "K = 2.0\nk-_1 = 1.0\n"},
    {"{\"a\": {\"b\": 1, \"c\": {\"d\": 2}, \"e\": 3}}",
     "[a]\n  b = 1.0\n  e = 3.0\n  [a.c]\n    d = 2.0\n"},
};

const Row kFromToml[] = {
// Generated from the Go oracle: toml.Unmarshal into map[string]interface{}, then
// json.Marshal or "ERR: " + error.
    {"a = 1\nb = \"x\"\n[t]\nc = 1.5\nd = [1, 2]\n[[arr]]\nx = 1\n[[arr]]\nx = 2\n",
     "{\"a\":1,\"arr\":[{\"x\":1},{\"x\":2}],\"b\":\"x\",\"t\":{\"c\":1.5,\"d\":[1,2]}}"},
    {"a = ",
     "ERR: toml: line 0 (last key \"a\"): unexpected EOF; expected value"},
    {"a = 1\na = 2",
     "ERR: toml: line 2 (last key \"a\"): Key 'a' has already been defined."},
    {"[a]\nb = 1\n[a]\n",
     "ERR: toml: line 3: Key 'a' has already been defined."},
    {"a = \"unterminated",
     "ERR: toml: line 0 (last key \"a\"): unexpected EOF; expected '\"'"},
    {"x.y.z = 1",
     "{\"x\":{\"y\":{\"z\":1}}}"},
    {"h = \"\"\"\nmulti\nline\"\"\"",
     "{\"h\":\"multi\\nline\"}"},
    {"i = 'lit\\\\'",
     "{\"i\":\"lit\\\\\\\\\"}"},
    {"j = {k = 1, l = \"m\"}",
     "{\"j\":{\"k\":1,\"l\":\"m\"}}"},
    {"a = 1 b = 2",
     "ERR: toml: line 1: expected a top-level item to end with a newline, comment, or EOF, but got 'b' instead"},
    {"# comment\n\na = [\n  1,\n  2, # two\n]\n",
     "{\"a\":[1,2]}"},
    {"a = \"esc\\t\\n\\u00e9\"",
     "{\"a\":\"esc\\t\\n\303\251\"}"},
    {"a = '''\nraw\\n'''",
     "{\"a\":\"raw\\\\n\"}"},
    {"\"quoted key\" = 1\n'lit key' = 2",
     "{\"lit key\":2,\"quoted key\":1}"},
    {"[a.b.c]\nd = 1\n[a]\ne = 2",
     "{\"a\":{\"b\":{\"c\":{\"d\":1}},\"e\":2}}"},
    {"[[a.b]]\nc = 1\n[[a.b]]\nc = 2",
     "{\"a\":{\"b\":[{\"c\":1},{\"c\":2}]}}"},
    {"a = [[1, 2], [\"x\"]]",
     "{\"a\":[[1,2],[\"x\"]]}"},
    {"a = []",
     "{\"a\":[]}"},
    {"a = {}",
     "{\"a\":{}}"},
    {"a = +1",
     "{\"a\":1}"},
    {"a = -0",
     "{\"a\":0}"},
    {"a = 3.14",
     "{\"a\":3.14}"},
    {"a = -1e-3",
     "{\"a\":-0.001}"},
    {"a = false",
     "{\"a\":false}"},
    {"a.b = 1\na.c = 2",
     "{\"a\":{\"b\":1,\"c\":2}}"},
};

}  // namespace

TEST_CASE("to_toml matches BurntSushi/toml's encoder") {
  for (const Row& r : kToToml) {
    CAPTURE(r.in);
    std::string got;
    try {
      got = yaml::to_toml(yaml::from_json(r.in));
    } catch (const yaml::YamlError& e) {
      got = std::string("ERR: ") + e.what() + "\n";
    }
    CHECK(got == std::string(r.want));
  }
}

TEST_CASE("from_toml matches toml.Unmarshal") {
  for (const Row& r : kFromToml) {
    CAPTURE(r.in);
    std::string got;
    try {
      got = yaml::to_json(yaml::from_toml(r.in));
    } catch (const yaml::YamlError& e) {
      got = std::string("ERR: ") + e.what();
    }
    CHECK(got == std::string(r.want));
  }
}

TEST_CASE("to_toml writes template integers as integers") {
  Map m;
  m.emplace("n", Value::integer(3));
  m.emplace("f", Value::float64(3));
  CHECK(yaml::to_toml(Value(std::move(m))) == "f = 3.0\nn = 3\n");
}
