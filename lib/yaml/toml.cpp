// TOML in and out as BurntSushi/toml does it for Helm's toToml and fromToml.
#include "sparkc/yaml.h"

namespace sparkc::yaml {

std::string to_toml(const Value& v) { throw YamlError("toml: not implemented", "", 0, 0); }

Value from_toml(std::string_view text) { throw YamlError("toml: not implemented", "", 0, 0); }

}  // namespace sparkc::yaml
