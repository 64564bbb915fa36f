// The presets as users compose them: each preset for both Spark lines and, when it has a Spark
// Connect server, both backends. Shared by the tests that validate every preset.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sparkc/compose.h"

namespace sparkc::testing {

struct PresetVariant {
  std::string name;  // "minimal-3.5-standalone"
  compose::ComposeOptions options;
};

inline std::vector<PresetVariant> preset_variants(const compose::Catalog& catalog) {
  std::vector<PresetVariant> out;
  for (const auto& p : catalog.presets()) {
    // A preset with a Spark Connect server names its backend; the other one composes too.
    std::vector<std::optional<std::string>> backends = {std::nullopt};
    if (p.backend) backends = {std::string("k8s"), std::string("standalone")};
    for (const char* line : {"3.5", "4.1"}) {
      for (const auto& backend : backends) {
        PresetVariant v;
        v.name = p.name + "-" + line + (backend ? "-" + *backend : "");
        v.options.preset = p.name;
        v.options.spark_version = line;
        v.options.backend = backend;
        out.push_back(v);
      }
    }
  }
  return out;
}

}  // namespace sparkc::testing
