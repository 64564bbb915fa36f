// yaml::load against sigs.k8s.io/yaml.Unmarshal: typing, merges, anchors, errors.
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

const Row kLoad[] = {
// Generated from the Go oracle (sigs.k8s.io/yaml.Unmarshal into interface{}, then
// json.Marshal or the error text). Input, then expected JSON or "ERR: " + error.
    {"a: 1",
     "{\"a\":1}"},
    {"a: 1.5",
     "{\"a\":1.5}"},
    {"a: yes",
     "{\"a\":true}"},
    {"a: no",
     "{\"a\":false}"},
    {"a: on",
     "{\"a\":true}"},
    {"a: off",
     "{\"a\":false}"},
    {"a: y",
     "{\"a\":true}"},
    {"a: n",
     "{\"a\":false}"},
    {"a: Y",
     "{\"a\":true}"},
    {"a: True",
     "{\"a\":true}"},
    {"a: FALSE",
     "{\"a\":false}"},
    {"a: ~",
     "{\"a\":null}"},
    {"a: null",
     "{\"a\":null}"},
    {"a:",
     "{\"a\":null}"},
    {"a: Null",
     "{\"a\":null}"},
    {"a: .inf",
     "ERR: error converting YAML to JSON: json: unsupported value: +Inf"},
    {"a: -.inf",
     "ERR: error converting YAML to JSON: json: unsupported value: -Inf"},
    {"a: .nan",
     "ERR: error converting YAML to JSON: json: unsupported value: NaN"},
    {"a: 0x1F",
     "{\"a\":31}"},
    {"a: 0o17",
     "{\"a\":15}"},
    {"a: 0755",
     "{\"a\":493}"},
    {"a: 08",
     "{\"a\":8}"},
    {"a: 1_000",
     "{\"a\":1000}"},
    {"a: +1",
     "{\"a\":1}"},
    {"a: -1",
     "{\"a\":-1}"},
    {"a: .5",
     "{\"a\":0.5}"},
    {"a: 1e3",
     "{\"a\":1000}"},
    {"a: 1.",
     "{\"a\":1}"},
    {"a: 12345678901234567890",
     "{\"a\":12345678901234567000}"},
    {"a: 99999999999999999999",
     "{\"a\":100000000000000000000}"},
    {"a: 1e400",
     "{\"a\":\"1e400\"}"},
    {"a: 2001-12-14",
     "{\"a\":\"2001-12-14\"}"},
    {"a: 2001-12-14T21:59:43.10-05:00",
     "{\"a\":\"2001-12-14T21:59:43.10-05:00\"}"},
    {"a: 2001-12-14 21:59:43.10",
     "{\"a\":\"2001-12-14 21:59:43.10\"}"},
    {"a: 1:20",
     "{\"a\":\"1:20\"}"},
    {"a: 0b101",
     "{\"a\":5}"},
    {"a: -0b101",
     "{\"a\":-5}"},
    {"a: '1'",
     "{\"a\":\"1\"}"},
    {"a: \"yes\"",
     "{\"a\":\"yes\"}"},
    {"a: !!str 1",
     "{\"a\":\"1\"}"},
    {"a: !!int '12'",
     "{\"a\":12}"},
    {"a: !!float 1",
     "{\"a\":1}"},
    {"a: !!int abc",
     "ERR: error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int"},
    {"a: !foo bar",
     "{\"a\":\"bar\"}"},
    {"a: !!binary aGVsbG8=",
     "{\"a\":\"hello\"}"},
    {"a: !!bool yes",
     "{\"a\":true}"},
    {"a: |\n  x\n  y\n",
     "{\"a\":\"x\\ny\\n\"}"},
    {"a: >\n  x\n  y\n",
     "{\"a\":\"x y\\n\"}"},
    {"a: |-\n  x\n",
     "{\"a\":\"x\"}"},
    {"a: |+\n  x\n\n",
     "{\"a\":\"x\\n\\n\"}"},
    {"a: 'it''s'",
     "{\"a\":\"it's\"}"},
    {"a: \"t\\tb\\u00e9\"",
     "{\"a\":\"t\\tb\303\251\"}"},
    {"a: x\n  y\n  z",
     "{\"a\":\"x y z\"}"},
    {"1: a\n2.5: b\ntrue: c\n0x10: d",
     "{\"1\":\"a\",\"16\":\"d\",\"2.5\":\"b\",\"true\":\"c\"}"},
    {"1.123456789: x",
     "{\"1.1234568\":\"x\"}"},
    {"2001-12-14: x",
     "{\"2001-12-14\":\"x\"}"},
    {"a: &x 1\nb: *x",
     "{\"a\":1,\"b\":1}"},
    {"base: &b\n  x: 1\n  y: 2\nd:\n  <<: *b\n  y: 3",
     "{\"base\":{\"true\":2,\"x\":1},\"d\":{\"true\":3,\"x\":1}}"},
    {"d:\n  y: 3\n  <<: {y: 4, z: 5}",
     "{\"d\":{\"true\":4,\"z\":5}}"},
    {"a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]",
     "{\"a\":{\"x\":1},\"b\":{\"true\":2,\"x\":2},\"c\":{\"true\":2,\"x\":1}}"},
    {"a:\n  <<: 1",
     "ERR: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"},
    {"a: 1\na: 2",
     "{\"a\":2}"},
    {"- a\n- b\n- [c, d]\n- {e: f}",
     "[\"a\",\"b\",[\"c\",\"d\"],{\"e\":\"f\"}]"},
    {"",
     "null"},
    {"# just a comment",
     "null"},
    {"---\na: 1\n---\nb: 2",
     "{\"a\":1}"},
    {"hello",
     "\"hello\""},
    {"[1, 2",
     "ERR: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"},
    {"a: [1, 2",
     "ERR: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"},
    {"a: {b: 1",
     "ERR: error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'"},
    {"a: b: c",
     "ERR: error converting YAML to JSON: yaml: mapping values are not allowed in this context"},
    {"a:\n  - b\n c: d",
     "ERR: error converting YAML to JSON: yaml: line 2: did not find expected key"},
    {"- a\nb: c",
     "ERR: error converting YAML to JSON: yaml: line 1: did not find expected '-' indicator"},
    {"a: *unknown",
     "ERR: error converting YAML to JSON: yaml: unknown anchor 'unknown' referenced"},
    {"key: \"unterminated",
     "ERR: error converting YAML to JSON: yaml: found unexpected end of stream"},
    {"a:\n\tb: 1",
     "ERR: error converting YAML to JSON: yaml: line 2: found character that cannot start any token"},
    {"a: 'x",
     "ERR: error converting YAML to JSON: yaml: found unexpected end of stream"},
    {"a: @x",
     "ERR: error converting YAML to JSON: yaml: found character that cannot start any token"},
    {"a: `x",
     "ERR: error converting YAML to JSON: yaml: found character that cannot start any token"},
    {"\? complex\n: value",
     "{\"complex\":\"value\"}"},
    {"a: 1 # comment\nb: 2",
     "{\"a\":1,\"b\":2}"},
    {"\"quoted key\": 1",
     "{\"quoted key\":1}"},
    {"a:\n  b:\n    c: [1, {d: e}]",
     "{\"a\":{\"b\":{\"c\":[1,{\"d\":\"e\"}]}}}"},
    {"null: 1",
     "ERR: error converting YAML to JSON: Unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"},
    {"~: 1",
     "ERR: error converting YAML to JSON: Unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"},
    {"[a]: 1",
     "ERR: error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\"}"},
    {"a: -",
     "ERR: error converting YAML to JSON: yaml: block sequence entries are not allowed in this context"},
    {"a: 0.1e-7",
     "{\"a\":1e-8}"},
    {"a: 1E10",
     "{\"a\":10000000000}"},
    {"a: -0",
     "{\"a\":0}"},
    {"a: 0",
     "{\"a\":0}"},
    {"a: 007",
     "{\"a\":7}"},
    {"a: 1e",
     "{\"a\":\"1e\"}"},
    {"a: ._5",
     "{\"a\":\"._5\"}"},
    {"a: +.5",
     "{\"a\":0.5}"},
    {"a: 0x",
     "{\"a\":\"0x\"}"},
    {"a: 1__0",
     "{\"a\":10}"},
    {"list:\n- 1\n- 2\n",
     "{\"list\":[1,2]}"},
    {"a: \"\\x41\"",
     "{\"a\":\"A\"}"},
    {"a: !!null ''",
     "{\"a\":null}"},
    {"a: !!timestamp 2001-12-14",
     "{\"a\":\"2001-12-14\"}"},
    {"a: &anc\n  b: 1\nc: *anc",
     "{\"a\":{\"b\":1},\"c\":{\"b\":1}}"},
    {"a: >-\n  folded\n  text\n\n  para\n",
     "{\"a\":\"folded text\\npara\"}"},
    {"a: 'multi\n  line'",
     "{\"a\":\"multi line\"}"},
    {"a: 1\n b: 2",
     "ERR: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"},
    {"%YAML 1.1\n---\na: 1",
     "{\"a\":1}"},
    {"a: {b: [1, 2], c: {d: 3}}",
     "{\"a\":{\"b\":[1,2],\"c\":{\"d\":3}}}"},
    {"a: 10:30",
     "{\"a\":\"10:30\"}"},
    {"a: 1:2:3",
     "{\"a\":\"1:2:3\"}"},
    {"a: 2001-1-2",
     "{\"a\":\"2001-1-2\"}"},
    {"a: 2001-01-02t03:04:05Z",
     "{\"a\":\"2001-01-02t03:04:05Z\"}"},
    {"a: 2001-01-02T03:04:05.123456789123+01:00",
     "{\"a\":\"2001-01-02T03:04:05.123456789123+01:00\"}"},
    {"a: 3.0",
     "{\"a\":3}"},
    {"a: 1.0e+21",
     "{\"a\":1e+21}"},
    {"a: 123456789012",
     "{\"a\":123456789012}"},
    {"a: '\357\275\231es'",
     "{\"a\":\"\357\275\231es\"}"},
    {"a: ~x",
     "{\"a\":\"~x\"}"},
    {"a: <<",
     "{\"a\":\"\\u003c\\u003c\"}"},
    {"a: !!merge <<",
     "{\"a\":\"\\u003c\\u003c\"}"},
    {"a: 1\n- b",
     "ERR: error converting YAML to JSON: yaml: line 1: did not find expected key"},
    {"- a\n- b\nc: d",
     "ERR: error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator"},
    {"a:\n  b: 1\n c: 2",
     "ERR: error converting YAML to JSON: yaml: line 2: did not find expected key"},
    {"a: 1\n - b",
     "{\"a\":\"1 - b\"}"},
    {"x\ny: 1",
     "ERR: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"},
    {"a: 1\n...\nb: 2",
     "{\"a\":1}"},
    {"a: [1, 2]]",
     "ERR: error converting YAML to JSON: yaml: did not find expected key"},
    {"a: {b: 1}}",
     "ERR: error converting YAML to JSON: yaml: did not find expected key"},
    {"a: \"x\" y",
     "ERR: error converting YAML to JSON: yaml: did not find expected key"},
    {"  a: 1\nb: 2",
     "{\"a\":1}"},
    {"a:\n  b: 1\n  - c",
     "ERR: error converting YAML to JSON: yaml: line 2: did not find expected key"},
    {"a: b\nc",
     "ERR: error converting YAML to JSON: yaml: line 3: could not find expected ':'"},
    {"a: 'x' 'y'",
     "ERR: error converting YAML to JSON: yaml: did not find expected key"},
    {"- [a, b\n- c",
     "ERR: error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'"},
    {"k: v\nk2: *",
     "ERR: error converting YAML to JSON: yaml: line 2: did not find expected alphabetic or numeric character"},
    {"a: &x\nb: *x",
     "{\"a\":null,\"b\":null}"},
    {"a: !<tag:yaml.org,2002:str> 1\n",
     "{\"a\":\"1\"}"},
    {"a: [",
     "ERR: error converting YAML to JSON: yaml: line 1: did not find expected node content"},
    {"a:\n  b: |\n    line1\n    line2\n  c: >\n    folded\n    text\n",
     "{\"a\":{\"b\":\"line1\\nline2\\n\",\"c\":\"folded text\\n\"}}"},
    {"a: &x [1, 2]\nb: *x\n",
     "{\"a\":[1,2],\"b\":[1,2]}"},
    {"a: \"\\u00e9\\n\"",
     "{\"a\":\"\303\251\\n\"}"},
    {"a: 'x'\n---\nb: 2\n",
     "{\"a\":\"x\"}"},
    {"a: 1\n\n\n# trailing comment\n",
     "{\"a\":1}"},
    {"- &a {x: 1}\n- <<: *a\n  y: 2\n",
     "[{\"x\":1},{\"true\":2,\"x\":1}]"},
    {"k: !!binary |\n  aGVs\n  bG8=\n",
     "{\"k\":\"hello\"}"},
    {"a: !!binary '!!'",
     "ERR: error converting YAML to JSON: yaml: !!binary value contains invalid base64 data"},
    {"a: 1e1000",
     "{\"a\":\"1e1000\"}"},
    {"\? [a]\n: 1",
     "ERR: error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\"}"},
    {"a: !!str",
     "{\"a\":\"\"}"},
    {"emptyval:\nnext: 1",
     "{\"emptyval\":null,\"next\":1}"},
    {"a:\n- b\n-\n- c",
     "{\"a\":[\"b\",null,\"c\"]}"},
};

// The result as Go prints it: JSON of the value, or "ERR: " and the error.
std::string run_load(const char* in) {
  try {
    return yaml::to_json(yaml::load(in));
  } catch (const yaml::YamlError& e) {
    return std::string("ERR: ") + e.what();
  }
}

}  // namespace

TEST_CASE("load matches sigs.k8s.io/yaml.Unmarshal") {
  for (const Row& r : kLoad) {
    CAPTURE(r.in);
    CHECK(run_load(r.in) == std::string(r.want));
  }
}

TEST_CASE("load keeps float64 numbers and string timestamps") {
  // yaml.v2 reads the key n as the boolean false (the oracle gives {"false":3,...}).
  Value v = yaml::load("n: 3\nt: 2001-12-14\nb: yes\n");
  REQUIRE(v.is_map());
  REQUIRE(v.find("false") != nullptr);
  CHECK(v.find("false")->type() == Type::Float64);
  CHECK(v.find("t")->as_string() == "2001-12-14");
  CHECK(v.find("b")->as_bool());
}

TEST_CASE("load errors carry file, line and column") {
  try {
    yaml::load("a: 1\nb: c: d\n", "values.yaml");
    FAIL("no error");
  } catch (const yaml::YamlError& e) {
    CHECK(e.file == "values.yaml");
    CHECK(e.line == 2);
    CHECK(std::string(e.what()) ==
          "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context");
  }
}

TEST_CASE("load_all splits documents") {
  std::vector<Value> docs = yaml::load_all("a: 1\n---\n- x\n---\n");
  REQUIRE(docs.size() == 3);
  CHECK(yaml::to_json(docs[0]) == "{\"a\":1}");
  CHECK(yaml::to_json(docs[1]) == "[\"x\"]");
  CHECK(docs[2].is_nil());
}

TEST_CASE("load_located records value paths") {
  yaml::Located l = yaml::load_located("spark:\n  driver:\n    memory: 1g\n  list:\n  - a\n  - b: 2\n");
  struct Want {
    const char* path;
    int line, col;
  } wants[] = {{"spark", 2, 3},          {"spark.driver", 3, 5}, {"spark.driver.memory", 3, 13},
               {"spark.list", 5, 3},     {"spark.list[0]", 5, 5}, {"spark.list[1]", 6, 5},
               {"spark.list[1].b", 6, 8}};
  for (const Want& w : wants) {
    CAPTURE(w.path);
    auto it = l.positions.find(w.path);
    REQUIRE(it != l.positions.end());
    CHECK(it->second.line == w.line);
    CHECK(it->second.col == w.col);
  }
}
