// YAML and JSON in and out with Helm's typing. The only code that includes yaml-cpp or
// nlohmann::json lives behind this header (lib/yaml/).
//
// Helm reads YAML through sigs.k8s.io/yaml: YAML is converted to JSON and decoded into Go
// values, so every number becomes float64, keys become strings, and timestamps stay strings.
#pragma once

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

// Parses a YAML stream of documents separated by `---`.
std::vector<Value> load_all(std::string_view text, std::string_view file = "");

// sigs.k8s.io/yaml.Marshal: byte-identical to what Helm's toYaml prints (before its trim).
std::string to_yaml(const Value& v);

// encoding/json.Marshal (HTML-escaping as Go does unless `escape_html` is false).
std::string to_json(const Value& v, bool escape_html = true);
// json.MarshalIndent(v, prefix, indent).
std::string to_json_indent(const Value& v, std::string_view prefix, std::string_view indent,
                           bool escape_html = true);

// encoding/json.Unmarshal into interface{}: numbers are float64. Throws YamlError with Go's
// wording.
Value from_json(std::string_view text);

}  // namespace sparkc::yaml
