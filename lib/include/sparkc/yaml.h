// YAML and JSON in and out with Helm's typing. The only code that includes libyaml or
// nlohmann::json lives behind this header (lib/yaml/).
//
// Helm reads YAML through sigs.k8s.io/yaml: YAML is converted to JSON and decoded into Go
// values, so every number becomes float64, keys become strings, and timestamps stay strings.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/value.h"

namespace sparkc::yaml {

// A YAML or JSON syntax error with its 1-based position in `file`.
class YamlError : public std::runtime_error {
 public:
  YamlError(std::string msg, std::string file, int line, int col)
      : std::runtime_error(std::move(msg)), file(std::move(file)), line(line), col(col) {}
  std::string file;
  int line;
  int col;
};

// Parses one YAML document as sigs.k8s.io/yaml.Unmarshal into interface{} does. An empty
// document is nil. Throws YamlError.
Value load(std::string_view text, std::string_view file = "");

// A 1-based position in a YAML file.
struct Mark {
  int line = 0;
  int col = 0;
};

// A loaded document with the position of every value, keyed by value path: "" for the root,
// "a.b" for map entries, "a.list[0]" for list items (keys are joined as written, unescaped).
struct Located {
  Value value;
  std::map<std::string, Mark> positions;
};

// load() that also records where each value was written (for diagnostics on values files).
Located load_located(std::string_view text, std::string_view file = "");

// Parses a YAML stream of documents separated by `---`.
std::vector<Value> load_all(std::string_view text, std::string_view file = "");

// sigs.k8s.io/yaml.Marshal: byte-identical to what Helm's toYaml prints (before its trim).
// Keys are sorted as yaml.v2 sorts them ("a2" before "a10"), strings longer than 80 columns
// are folded, numbers print as they read back from JSON (1e+06, 1e+21). Throws YamlError with
// Marshal's message for NaN and infinities and for text YAML cannot read back (DEL, C1).
std::string to_yaml(const Value& v);

// Helm's toYamlPretty: yaml.v3's encoder with indent 2 on the value itself (no JSON round
// trip): nested lists are indented under their key and long strings are not folded.
std::string to_yaml_pretty(const Value& v);

// encoding/json.Marshal (HTML-escaping as Go does unless `escape_html` is false).
std::string to_json(const Value& v, bool escape_html = true);
// json.MarshalIndent(v, prefix, indent).
std::string to_json_indent(const Value& v, std::string_view prefix, std::string_view indent,
                           bool escape_html = true);

// encoding/json.Unmarshal into interface{}: numbers are float64. Throws YamlError with Go's
// wording.
Value from_json(std::string_view text);

// What json.Unmarshal leaves behind: on a number out of float64 range Go keeps decoding (that
// number becomes nil) and reports the error; on a syntax error `value` is nil.
struct JsonResult {
  Value value;
  std::string error;  // empty when the text decoded cleanly
};
// from_json without throwing, keeping Go's partial result.
JsonResult decode_json(std::string_view text);

// BurntSushi/toml's Encoder.Encode of a map (Helm's toToml). Throws YamlError with the
// encoder's message ("toml: top-level values must be Go maps or structs").
std::string to_toml(const Value& v);

// toml.Unmarshal into map[string]interface{}: integers are int64, floats float64, datetimes
// strings in RFC 3339 form. Throws YamlError with the decoder's message.
Value from_toml(std::string_view text);

}  // namespace sparkc::yaml
