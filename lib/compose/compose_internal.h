// Helpers shared by the compose module's files; not part of the public API.
#pragma once

#include <string>
#include <vector>

#include "sparkc/compose.h"

namespace sparkc::compose {

// Reads the "# --" comments and mapping-key order of a documented values text.
ValuesDoc parse_values_doc(const std::string& text);

// One document describing every key of a composition: the blocks' docs merged in block order.
ValuesDoc merge_docs(const std::vector<const Block*>& blocks);

// One documented leaf of a values tree, for the README's values table.
struct ValueRow {
  std::string path;     // "sparkConnect.service.port"
  std::string value;    // the default, as JSON
  std::string comment;  // its description
};
void collect_value_rows(const Value& v, const ValuesDoc* doc, const std::string& prefix,
                        std::vector<ValueRow>& rows);

// Deep-merges `over` into `base` (maps merge key by key, everything else is replaced) and
// records the source of every leaf it sets under `prefix`.
void merge_into(Value& base, const Value& over, const std::string& source, const std::string& prefix,
                std::map<std::string, std::string>& provenance);

}  // namespace sparkc::compose
