// yaml::to_json, to_json_indent and from_json against encoding/json.
//
// The expected values in the tables below were produced by the Go oracle (Go 1.19 with the
// Debian packages of sigs.k8s.io/yaml 1.3.0, gopkg.in/yaml.v2/v3, BurntSushi/toml 1.2.0) and
// pasted here; the code under test never produced them.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "sparkc/yaml.h"

using namespace sparkc;

namespace {

struct Row {
  const char* in;
  const char* want;
};

const Row kToJson[] = {
// Generated from the Go oracle: json.Unmarshal of the input, then json.Marshal and
// json.MarshalIndent(v, "", "  ") joined by a newline.
    {"{\"a\":1}",
     "{\"a\":1}\n{\n  \"a\": 1\n}"},
    {"{\"b\":[1,2,{\"c\":null}],\"a\":\"x\"}",
     "{\"a\":\"x\",\"b\":[1,2,{\"c\":null}]}\n{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    2,\n    {\n      \"c\": null\n    }\n  ]\n}"},
    {"[]",
     "[]\n[]"},
    {"{}",
     "{}\n{}"},
    {"{\"a\":[]}",
     "{\"a\":[]}\n{\n  \"a\": []\n}"},
    {"{\"a\":{}}",
     "{\"a\":{}}\n{\n  \"a\": {}\n}"},
    {"\"<>&\"",
     "\"\\u003c\\u003e\\u0026\"\n\"\\u003c\\u003e\\u0026\""},
    {"\"\\u2028\\u2029\"",
     "\"\\u2028\\u2029\"\n\"\\u2028\\u2029\""},
    {"\"tab\\tnl\\ncr\\r\"",
     "\"tab\\tnl\\ncr\\r\"\n\"tab\\tnl\\ncr\\r\""},
    {"\"\\u0001\\u001f\\u007f\"",
     "\"\\u0001\\u001f\177\"\n\"\\u0001\\u001f\177\""},
    {"\"\303\251\346\227\245\346\234\254\360\237\230\200\"",
     "\"\303\251\346\227\245\346\234\254\360\237\230\200\"\n\"\303\251\346\227\245\346\234\254\360\237\230\200\""},
    {"1e21",
     "1e+21\n1e+21"},
    {"1e20",
     "100000000000000000000\n100000000000000000000"},
    {"0.000001",
     "0.000001\n0.000001"},
    {"0.0000001",
     "1e-7\n1e-7"},
    {"123456789.123",
     "123456789.123\n123456789.123"},
    {"-0",
     "-0\n-0"},
    {"1.5e-300",
     "1.5e-300\n1.5e-300"},
    {"12345678901234567890",
     "12345678901234567000\n12345678901234567000"},
    {"3.0",
     "3\n3"},
    {"100",
     "100\n100"},
    {"\"quote\\\"back\\\\slash\"",
     "\"quote\\\"back\\\\slash\"\n\"quote\\\"back\\\\slash\""},
    {"true",
     "true\ntrue"},
    {"null",
     "null\nnull"},
    {"[[],[{}]]",
     "[[],[{}]]\n[\n  [],\n  [\n    {}\n  ]\n]"},
    {"{\"z\":1,\"a\":2,\"A\":3,\"_\":4,\"10\":5,\"9\":6}",
     "{\"10\":5,\"9\":6,\"A\":3,\"_\":4,\"a\":2,\"z\":1}\n{\n  \"10\": 5,\n  \"9\": 6,\n  \"A\": 3,\n  \"_\": 4,\n  \"a\": 2,\n  \"z\": 1\n}"},
    {"{\"a\":{\"b\":{\"c\":[1,[2,[3]]]}}}",
     "{\"a\":{\"b\":{\"c\":[1,[2,[3]]]}}}\n{\n  \"a\": {\n    \"b\": {\n      \"c\": [\n        1,\n        [\n          2,\n          [\n            3\n          ]\n        ]\n      ]\n    }\n  }\n}"},
    {"\"\\b\\f\"",
     "\"\\u0008\\u000c\"\n\"\\u0008\\u000c\""},
    {"1.7976931348623157e308",
     "1.7976931348623157e+308\n1.7976931348623157e+308"},
    {"5e-324",
     "5e-324\n5e-324"},
    {"\"/\"",
     "\"/\"\n\"/\""},
    {"[1,\"2\",true,null,{\"k\":\"v\"}]",
     "[1,\"2\",true,null,{\"k\":\"v\"}]\n[\n  1,\n  \"2\",\n  true,\n  null,\n  {\n    \"k\": \"v\"\n  }\n]"},
    {"0.1",
     "0.1\n0.1"},
    {"-1.5",
     "-1.5\n-1.5"},
    {"1e6",
     "1000000\n1000000"},
    {"\"\\ud83d\\ude00\"",
     "\"\360\237\230\200\"\n\"\360\237\230\200\""},
    {"\"\\ud800\"",
     "\"\357\277\275\"\n\"\357\277\275\""},
    {"\"\\ud800\\u0041\"",
     "\"\357\277\275A\"\n\"\357\277\275A\""},
    {"{\"a\":\"<b>\"}",
     "{\"a\":\"\\u003cb\\u003e\"}\n{\n  \"a\": \"\\u003cb\\u003e\"\n}"},
    {"[0.5,0.25,1e-7,2.5e+25]",
     "[0.5,0.25,1e-7,2.5e+25]\n[\n  0.5,\n  0.25,\n  1e-7,\n  2.5e+25\n]"},
    {"{\"\":1}",
     "{\"\":1}\n{\n  \"\": 1\n}"},
};

const Row kFromJson[] = {
// Generated from the Go oracle: json.Unmarshal into interface{}, then json.Marshal or
// "ERR: " + error.
    {"",
     "ERR: unexpected end of JSON input"},
    {" ",
     "ERR: unexpected end of JSON input"},
    {"{",
     "ERR: unexpected end of JSON input"},
    {"[",
     "ERR: unexpected end of JSON input"},
    {"{\"a\"",
     "ERR: unexpected end of JSON input"},
    {"{\"a\":",
     "ERR: unexpected end of JSON input"},
    {"{\"a\":1",
     "ERR: unexpected end of JSON input"},
    {"{\"a\":1,",
     "ERR: unexpected end of JSON input"},
    {"[1,",
     "ERR: unexpected end of JSON input"},
    {"[1 2]",
     "ERR: invalid character '2' after array element"},
    {"{\"a\" 1}",
     "ERR: invalid character '1' after object key"},
    {"{\"a\":1 \"b\":2}",
     "ERR: invalid character '\"' after object key:value pair"},
    {"{a:1}",
     "ERR: invalid character 'a' looking for beginning of object key string"},
    {"{'a':1}",
     "ERR: invalid character '\\'' looking for beginning of object key string"},
    {"x",
     "ERR: invalid character 'x' looking for beginning of value"},
    {"tru",
     "ERR: invalid character ' ' in literal true (expecting 'e')"},
    {"trux",
     "ERR: invalid character 'x' in literal true (expecting 'e')"},
    {"nul",
     "ERR: invalid character ' ' in literal null (expecting 'l')"},
    {"nulL",
     "ERR: invalid character 'L' in literal null (expecting 'l')"},
    {"fals",
     "ERR: invalid character ' ' in literal false (expecting 'e')"},
    {"01",
     "ERR: invalid character '1' after top-level value"},
    {"-",
     "ERR: invalid character ' ' in numeric literal"},
    {"-a",
     "ERR: invalid character 'a' in numeric literal"},
    {"1.",
     "ERR: invalid character ' ' after decimal point in numeric literal"},
    {"1.e5",
     "ERR: invalid character 'e' after decimal point in numeric literal"},
    {"1e",
     "ERR: invalid character ' ' in exponent of numeric literal"},
    {"1e+",
     "ERR: invalid character ' ' in exponent of numeric literal"},
    {"1ex",
     "ERR: invalid character 'x' in exponent of numeric literal"},
    {"\"abc",
     "ERR: unexpected end of JSON input"},
    {"\"a\\x\"",
     "ERR: invalid character 'x' in string escape code"},
    {"\"a\\u12\"",
     "ERR: invalid character '\"' in \\u hexadecimal character escape"},
    {"\"a\\u12G4\"",
     "ERR: invalid character 'G' in \\u hexadecimal character escape"},
    {"\"a\nb\"",
     "ERR: invalid character '\\n' in string literal"},
    {"\"a\tb\"",
     "ERR: invalid character '\\t' in string literal"},
    {"{\"a\":1}x",
     "ERR: invalid character 'x' after top-level value"},
    {"{\"a\":1} ",
     "{\"a\":1}"},
    {"[1,]",
     "ERR: invalid character ']' looking for beginning of value"},
    {"{\"a\":1,}",
     "ERR: invalid character '}' looking for beginning of object key string"},
    {"1e999",
     "ERR: json: cannot unmarshal number 1e999 into Go value of type float64"},
    {"-1e999",
     "ERR: json: cannot unmarshal number -1e999 into Go value of type float64"},
    {"{\"a\":1e999,\"b\":[}",
     "ERR: invalid character '}' looking for beginning of value"},
    {"{\"a\":1e999}",
     "ERR: json: cannot unmarshal number 1e999 into Go value of type float64"},
    {"\303\251",
     "ERR: invalid character '\303\203' looking for beginning of value"},
    {"\001",
     "ERR: invalid character '\\x01' looking for beginning of value"},
    {"\"\303\277\"",
     "\"\303\277\""},
    {"[1]]",
     "ERR: invalid character ']' after top-level value"},
    {"{\"a\":1}}",
     "ERR: invalid character '}' after top-level value"},
    {"\357\273\277{}",
     "ERR: invalid character '\303\257' looking for beginning of value"},
    {"{\"a\":1,\"a\":2}",
     "{\"a\":2}"},
    {" \t\n\n[1] ",
     "[1]"},
    {"NaN",
     "ERR: invalid character 'N' looking for beginning of value"},
    {"Infinity",
     "ERR: invalid character 'I' looking for beginning of value"},
    {".5",
     "ERR: invalid character '.' looking for beginning of value"},
    {"+1",
     "ERR: invalid character '+' looking for beginning of value"},
    {"0x10",
     "ERR: invalid character 'x' after top-level value"},
    {"\"\\/\"",
     "\"/\""},
};

}  // namespace

TEST_CASE("to_json and to_json_indent match encoding/json") {
  for (const Row& r : kToJson) {
    CAPTURE(r.in);
    Value v = yaml::from_json(r.in);
    CHECK(yaml::to_json(v) + "\n" + yaml::to_json_indent(v, "", "  ") == std::string(r.want));
  }
}

TEST_CASE("from_json matches json.Unmarshal, errors included") {
  for (const Row& r : kFromJson) {
    CAPTURE(r.in);
    std::string got;
    try {
      got = yaml::to_json(yaml::from_json(r.in));
    } catch (const yaml::YamlError& e) {
      got = std::string("ERR: ") + e.what();
    }
    CHECK(got == std::string(r.want));
  }
}

TEST_CASE("to_json of values JSON text cannot carry") {
  // Expected values from Go: json.Marshal, json.Encoder with SetEscapeHTML(false).
  CHECK(yaml::to_json(Value::bytes(std::string("\x00\xfe\xff", 3))) == "\"AP7/\"");
  CHECK(yaml::to_json(Value("<\xff>\xe2\x80\xa8")) == "\"\\u003c\\ufffd\\u003e\\u2028\"");
  CHECK(yaml::to_json(Value("<&>\xe2\x80\xa9"), false) == "\"<&>\\u2029\"");
  CHECK(yaml::to_json(Value::integer(-42)) == "-42");
  CHECK(yaml::to_json(Value::uint64(18446744073709551615ull)) == "18446744073709551615");
  CHECK_THROWS_WITH_AS(yaml::to_json(Value::float64(-INFINITY)), "json: unsupported value: -Inf",
                       yaml::YamlError);
  CHECK(yaml::to_json_indent(Value::list({}), ">", "\t") == "[]");
}

TEST_CASE("decode_json keeps Go's partial result on a range error") {
  yaml::JsonResult r = yaml::decode_json("{\"a\":1e999,\"b\":2}");
  CHECK(r.error == "json: cannot unmarshal number 1e999 into Go value of type float64");
  CHECK(yaml::to_json(r.value) == "{\"a\":null,\"b\":2}");
}
