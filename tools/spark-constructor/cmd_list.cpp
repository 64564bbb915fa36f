// `spark-constructor list [presets|blocks]` and `describe PRESET|BLOCK`.
#include <iostream>

#include "commands.h"
#include "sparkc/compose.h"

namespace sparkc::cli {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

}  // namespace

int run_list(const Args& args) {
  std::string what = args.empty() ? "presets" : args[0];
  if (what != "presets" && what != "blocks") return fail("list takes \"presets\" or \"blocks\"");
  try {
    auto catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
    if (what == "presets") {
      for (const auto& p : catalog.presets()) std::printf("%-28s %s\n", p.name.c_str(), p.summary.c_str());
    } else {
      for (const auto& b : catalog.blocks()) std::printf("%-18s %s\n", b.name.c_str(), b.summary.c_str());
    }
    return 0;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

int run_describe(const Args& args) {
  if (args.size() != 1) return fail("describe takes one preset or block name");
  try {
    auto catalog = compose::Catalog::load(compose::Catalog::default_data_dir());
    if (const auto* p = catalog.find_preset(args[0])) {
      std::cout << "preset " << p->name << ": " << p->summary << "\n"
                << "  blocks:   " << join(p->blocks) << "\n"
                << "  spark:    " << p->spark_version.value_or("catalogue default") << "\n"
                << "  backend:  " << p->backend.value_or("block default") << "\n";
      return 0;
    }
    if (const auto* b = catalog.find_block(args[0])) {
      std::cout << "block " << b->name << ": " << b->summary << "\n"
                << "  values key: " << (b->key.empty() ? "-" : b->key) << "\n"
                << "  requires:   " << join(b->requires_) << "\n"
                << "  conflicts:  " << join(b->conflicts) << "\n"
                << "  provides:   " << join(b->provides) << "\n"
                << "  templates:  " << b->templates.size() << "\n";
      return 0;
    }
    return fail("no preset or block named \"" + args[0] + "\" (spark-constructor list presets|blocks)");
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace sparkc::cli
