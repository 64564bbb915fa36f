// The YAML emitter shared by to_yaml (yaml.v2 settings) and to_yaml_pretty (yaml.v3 settings)
// (private to lib/yaml).
//
// It reproduces libyaml's block emitter as ported to Go in gopkg.in/yaml.v2 and v3
// (emitterc.go): the same scalar analysis, style choice, folding at the best width and
// indentation bookkeeping, so the bytes match.
#pragma once

#include <string>
#include <string_view>

#include "sparkc/value.h"

namespace sparkc::yaml::detail {

// Which Go library's conventions to follow.
struct EmitOptions {
  bool v3 = false;           // yaml.v3: sequences indented under keys, no folding
  bool json_numbers = true;  // yaml.v2 via sigs.k8s.io/yaml: numbers went through JSON
};

// Emits `v` as one YAML document. Throws YamlError for values JSON cannot hold (NaN).
std::string emit_yaml(const Value& v, const EmitOptions& opts);

}  // namespace sparkc::yaml::detail
