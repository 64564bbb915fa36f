// Resolving a preset into blocks and values.
//
// Blocks: the preset's, plus --with, minus --without, plus everything they require
// (transitively; core always), checked against each block's conflicts. Values, lowest
// precedence first: block defaults, the version catalogue's line, the preset, the backend
// choice, -f files, then --set flags. Every leaf remembers which of these set it.
#include <algorithm>
#include <set>

#include "compose/compose_internal.h"
#include "diag/suggest.h"
#include "sparkc/compose.h"

namespace sparkc::compose {
namespace {

// ", did you mean "x"?" for the closest candidate, or "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(3, name.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = diag::edit_distance(name, c);
    if (d < best_d) best_d = d, best = c;
  }
  return best.empty() ? "" : "; did you mean \"" + best + "\"?";
}

const Block& need_block(const Catalog& cat, const std::string& name, const std::string& where) {
  if (const Block* b = cat.find_block(name)) return *b;
  std::vector<std::string> names;
  for (const auto& b : cat.blocks()) names.push_back(b.name);
  throw ComposeError(where + ": unknown block \"" + name + "\"" + did_you_mean(name, names) +
                     " (spark-constructor list blocks)");
}

}  // namespace

void merge_into(Value& base, const Value& over, const std::string& source, const std::string& prefix,
                std::map<std::string, std::string>& provenance) {
  if (!over.is_map()) return;
  if (!base.is_map()) base = Value::map();
  Map& m = base.mutable_map();
  for (const auto& [k, v] : over.as_map()) {
    std::string path = prefix.empty() ? k : prefix + "." + k;
    auto it = m.find(k);
    if (v.is_nil()) {  // a null removes the key, as it does in Helm's values
      if (it != m.end()) m.erase(it);
      provenance[path] = source;
      continue;
    }
    if (v.is_map() && it != m.end() && it->second.is_map()) {
      Value child = it->second.deep_copy();
      merge_into(child, v, source, path, provenance);
      it->second = child;
      continue;
    }
    m.insert_or_assign(k, v.deep_copy());
    std::map<std::string, std::string> sub;
    if (v.is_map()) {
      Value empty = Value::map();
      merge_into(empty, v, source, path, sub);
      for (auto& [p, s] : sub) provenance[p] = s;
    } else {
      provenance[path] = source;
    }
  }
}

Composition compose(const Catalog& cat, const ComposeOptions& opts) {
  const Preset* preset = cat.find_preset(opts.preset);
  if (preset == nullptr) {
    std::vector<std::string> names;
    for (const auto& p : cat.presets()) names.push_back(p.name);
    throw ComposeError("unknown preset \"" + opts.preset + "\"" + did_you_mean(opts.preset, names) +
                       " (spark-constructor list presets)");
  }
  Composition c;
  c.preset = preset->name;
  c.chart_name = opts.chart_name.empty() ? preset->name : opts.chart_name;

  // Blocks.
  std::vector<std::string> wanted = {"core"};
  // --backend switches a preset's Spark Connect server between executors as pods and a
  // Standalone cluster; the cluster is a block, so the switch brings it or leaves it out
  // (unless --with names it).
  bool with_standalone = std::find(opts.with.begin(), opts.with.end(), "spark-standalone") != opts.with.end();
  for (const auto& b : preset->blocks) {
    if (opts.backend == "k8s" && b == "spark-standalone" && !with_standalone) continue;
    wanted.push_back(b);
  }
  for (const auto& b : opts.with) wanted.push_back(b);
  if (opts.backend == "standalone" && cat.find_block("spark-standalone")) wanted.push_back("spark-standalone");
  std::set<std::string> dropped(opts.without.begin(), opts.without.end());
  for (const auto& d : dropped) need_block(cat, d, "--without");
  if (dropped.count("core")) throw ComposeError("--without: block \"core\" holds the shared helpers and cannot be removed");
  std::set<std::string> chosen;
  std::vector<std::pair<std::string, std::string>> queue;  // block, why
  for (const auto& w : wanted) queue.emplace_back(w, "preset " + preset->name);
  for (size_t i = 0; i < queue.size(); ++i) {
    auto [name, why] = queue[i];
    if (dropped.count(name) && why.rfind("required by", 0) != 0) continue;
    const Block& b = need_block(cat, name, why);
    if (dropped.count(name))
      throw ComposeError("--without " + name + ": block \"" + name + "\" is " + why);
    if (!chosen.insert(name).second) continue;
    for (const auto& r : b.requires_) queue.emplace_back(r, "required by block \"" + name + "\"");
  }
  for (const auto& b : cat.blocks()) {
    if (!chosen.count(b.name)) continue;
    for (const auto& other : b.conflicts)
      if (chosen.count(other))
        throw ComposeError("block \"" + b.name + "\" conflicts with block \"" + other +
                           "\"; remove one of them with --without");
    c.blocks.push_back(&b);
  }

  // Values: block defaults.
  Value values = Value::map();
  for (const Block* b : c.blocks) merge_into(values, b->defaults, "block " + b->name, "", c.provenance);

  // The version catalogue's line.
  const Value& versions = cat.versions();
  std::string line = opts.spark_version.value_or(preset->spark_version.value_or(""));
  if (line.empty())
    if (const Value* d = versions.find("default"); d && d->is_string()) line = d->as_string();
  const Value* lines = versions.find("lines");
  const Value* entry = lines ? lines->find(line) : nullptr;
  if (entry == nullptr) {
    std::vector<std::string> names;
    if (lines && lines->is_map())
      for (const auto& [k, v] : lines->as_map()) names.push_back(k);
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw ComposeError("--spark-version " + line + ": not in the version catalogue (templates/versions.yaml knows " +
                       known + ")");
  }
  c.spark_line = line;
  // spark.<value key> <- catalogue line field; fields a line does not list are left alone.
  static const std::pair<const char*, const char*> kFields[] = {
      {"version", "spark"},          {"scalaVersion", "scala"},       {"pysparkVersion", "pyspark"},
      {"pythonVersion", "python"},   {"connectPackage", "connectPackage"},
      {"connectClientPip", "connectClientPip"}, {"grpcioVersion", "grpcio"},
      {"hadoopAws", "hadoopAws"},    {"awsSdkArtifact", "awsSdkArtifact"}, {"awsSdk", "awsSdk"},
      {"uid", "uid"},                {"image", "image"}};
  Map spark{{"line", Value(line)}};
  for (const auto& [key, field] : kFields)
    if (const Value* v = entry->find(field)) spark.emplace(key, *v);
  merge_into(values, Value::map(Map{{"spark", Value::map(std::move(spark))}}), "catalogue " + line, "",
             c.provenance);

  merge_into(values, preset->values, "preset " + preset->name, "", c.provenance);
  std::optional<std::string> backend = opts.backend ? opts.backend : preset->backend;
  if (backend) {
    if (*backend != "k8s" && *backend != "standalone")
      throw ComposeError("--backend " + *backend + ": must be k8s or standalone");
    if (!values.find("sparkConnect"))
      throw ComposeError("--backend " + *backend + ": the chart has no spark-connect block");
    merge_into(values, Value::map(Map{{"sparkConnect", Value::map(Map{{"backend", Value(*backend)}})}}),
               opts.backend ? "--backend" : "preset " + preset->name, "", c.provenance);
  }

  // -f files, then --set flags, with Helm's grammar and precedence.
  for (const auto& f : opts.values.value_files) {
    chart::ValueOptions one;
    one.value_files = {f};
    merge_into(values, chart::merge_user_values(one), "file " + f, "", c.provenance);
  }
  chart::ValueOptions sets = opts.values;
  sets.value_files.clear();
  merge_into(values, chart::merge_user_values(sets), "--set", "", c.provenance);
  c.values = values;
  return c;
}

}  // namespace sparkc::compose
