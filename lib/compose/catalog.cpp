// Loading blocks (templates/<name>/block.yaml + templates/**) and presets (presets/*.yaml).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compose/compose_internal.h"
#include "sparkc/compose.h"
#include "sparkc/yaml.h"

namespace sparkc::compose {
namespace fs = std::filesystem;
namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ComposeError(p.string() + ": cannot read file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Value load_yaml_file(const fs::path& p) {
  try {
    return yaml::load(read_text(p), p.string());
  } catch (const yaml::YamlError& e) {
    throw ComposeError(p.string() + ":" + std::to_string(e.line) + ":" + std::to_string(e.col) +
                       ": " + e.what());
  }
}

std::string get_string(const Value& doc, const char* key, const fs::path& file, bool required) {
  const Value* v = doc.find(key);
  if (v == nullptr || v->is_nil()) {
    if (required) throw ComposeError(file.string() + ": missing required field \"" + key + "\"");
    return "";
  }
  if (!v->is_string()) throw ComposeError(file.string() + ": field \"" + key + "\" must be a string");
  return v->as_string();
}

std::vector<std::string> get_strings(const Value& doc, const char* key, const fs::path& file) {
  std::vector<std::string> out;
  const Value* v = doc.find(key);
  if (v == nullptr || v->is_nil()) return out;
  if (!v->is_list()) throw ComposeError(file.string() + ": field \"" + key + "\" must be a list of strings");
  for (const auto& e : v->as_list()) {
    if (!e.is_string()) throw ComposeError(file.string() + ": field \"" + key + "\" must be a list of strings");
    out.push_back(e.as_string());
  }
  return out;
}

Block load_block(const fs::path& dir) {
  fs::path manifest = dir / "block.yaml";
  Value doc = load_yaml_file(manifest);
  if (!doc.is_map()) throw ComposeError(manifest.string() + ": a block manifest must be a map");
  Block b;
  b.name = get_string(doc, "name", manifest, true);
  if (b.name != dir.filename().string())
    throw ComposeError(manifest.string() + ": block name \"" + b.name + "\" differs from its folder \"" +
                       dir.filename().string() + "\"");
  b.key = get_string(doc, "key", manifest, false);
  b.summary = get_string(doc, "summary", manifest, true);
  if (const Value* o = doc.find("order"); o && o->is_number())
    b.order = static_cast<int>(o->is_float() ? o->as_float() : o->as_int());
  b.requires_ = get_strings(doc, "requires", manifest);
  b.conflicts = get_strings(doc, "conflicts", manifest);
  b.provides = get_strings(doc, "provides", manifest);
  std::string values_text = get_string(doc, "values", manifest, false);
  try {
    b.defaults = yaml::load(values_text, manifest.string() + " (values)");
  } catch (const yaml::YamlError& e) {
    throw ComposeError(manifest.string() + ": values: line " + std::to_string(e.line) + ": " + e.what());
  }
  if (b.defaults.is_nil()) b.defaults = Value::map();
  if (!b.defaults.is_map()) throw ComposeError(manifest.string() + ": values must be a map");
  if (!b.key.empty() && !b.defaults.find(b.key))
    throw ComposeError(manifest.string() + ": values must have the block's key \"" + b.key + "\" at the top");
  b.doc = parse_values_doc(values_text);
  if (const Value* s = doc.find("schema")) b.schema = *s;
  b.notes = get_string(doc, "notes", manifest, false);
  if (const Value* d = doc.find("dependencies"); d && d->is_list()) b.dependencies = d->as_list();
  fs::path tdir = dir / "templates";
  if (fs::exists(tdir)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(tdir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) b.templates.push_back(chart::File{fs::relative(f, tdir).generic_string(), read_text(f)});
  }
  return b;
}

Preset load_preset(const fs::path& file) {
  Value doc = load_yaml_file(file);
  if (!doc.is_map()) throw ComposeError(file.string() + ": a preset must be a map");
  Preset p;
  p.name = get_string(doc, "name", file, true);
  if (p.name != file.stem().string())
    throw ComposeError(file.string() + ": preset name \"" + p.name + "\" differs from its file name");
  p.summary = get_string(doc, "summary", file, true);
  p.blocks = get_strings(doc, "blocks", file);
  if (std::string v = get_string(doc, "sparkVersion", file, false); !v.empty()) p.spark_version = v;
  if (std::string v = get_string(doc, "backend", file, false); !v.empty()) p.backend = v;
  p.values = Value::map();
  if (const Value* v = doc.find("values"); v && !v->is_nil()) {
    if (!v->is_map()) throw ComposeError(file.string() + ": values must be a map");
    p.values = *v;
  }
  return p;
}

}  // namespace

std::string Catalog::default_data_dir() {
  if (const char* env = std::getenv("SPARKC_DATA_DIR"); env && *env) return env;
#ifdef SPARKC_SOURCE_DIR
  return SPARKC_SOURCE_DIR;
#else
  return ".";
#endif
}

Catalog Catalog::load(const std::string& data_dir) {
  Catalog c;
  fs::path root(data_dir);
  fs::path tdir = root / "templates";
  if (!fs::is_directory(tdir)) throw ComposeError(tdir.string() + ": no blocks folder (set SPARKC_DATA_DIR)");
  c.versions_ = load_yaml_file(tdir / "versions.yaml");
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(tdir))
    if (e.is_directory() && fs::exists(e.path() / "block.yaml")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) c.blocks_.push_back(load_block(d));
  std::stable_sort(c.blocks_.begin(), c.blocks_.end(),
                   [](const Block& a, const Block& b) { return a.order < b.order; });
  std::vector<fs::path> presets;
  if (fs::is_directory(root / "presets"))
    for (const auto& e : fs::directory_iterator(root / "presets"))
      if (e.path().extension() == ".yaml") presets.push_back(e.path());
  std::sort(presets.begin(), presets.end());
  for (const auto& p : presets) c.presets_.push_back(load_preset(p));
  return c;
}

const Block* Catalog::find_block(std::string_view name) const {
  for (const auto& b : blocks_)
    if (b.name == name) return &b;
  return nullptr;
}

const Preset* Catalog::find_preset(std::string_view name) const {
  for (const auto& p : presets_)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace sparkc::compose
