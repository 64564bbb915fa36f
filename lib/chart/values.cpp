// Values coalescing and dependency processing, as Helm's pkg/chartutil does it.
//
// The rules (Helm's CoalesceValues):
//   - values given by the user override a chart's defaults, and a parent's values override
//     its subcharts' defaults; scalars and lists are replaced, maps are merged key by key;
//   - a null given by the user deletes the key (coalescing); merging keeps nulls;
//   - `global` is copied from each chart down into its subcharts, parent entries winning.
// Dependency processing (ProcessDependenciesWithMerge) removes subcharts disabled by their
// condition or tags, applies aliases, and merges import-values into the parent's defaults.
#include <algorithm>
#include <functional>

#include "chart/values_internal.h"
#include "sparkc/chart.h"
#include "sparkc/functions.h"
#include "template/go_fmt.h"

namespace sparkc::chart {
namespace {

bool is_table(const Value* v) { return v != nullptr && v->is_map(); }

// Helm's coalesceTablesFullKey: merges src into dst, dst authoritative.
void coalesce_tables(Map& dst, const Map& src, bool merge) {
  // Helm first copies dst's nulls over src, so a key dst nulls never comes back from src;
  // when coalescing (not merging) those keys are then deleted from dst.
  std::vector<std::string> nulled;
  for (const auto& [key, val] : dst)
    if (val.is_nil()) nulled.push_back(key);
  if (!merge)
    for (const auto& key : nulled) dst.erase(key);
  for (const auto& [key, val] : src) {
    if (std::binary_search(nulled.begin(), nulled.end(), key)) continue;
    auto it = dst.find(key);
    if (it == dst.end()) {
      dst.emplace(key, val);
    } else if (val.is_map()) {
      if (it->second.is_map()) coalesce_tables(it->second.mutable_map(), val.as_map(), merge);
    }
  }
}

// Helm's coalesceGlobals: copies src's globals into dest's, merging tables top-down.
void coalesce_globals(Map& dest, const Map& src) {
  Value dg = Value::map();
  if (auto it = dest.find("global"); it != dest.end()) {
    if (!it->second.is_map()) return;
    dg = it->second;
  }
  Value sg = Value::map();
  if (auto it = src.find("global"); it != src.end()) {
    if (!it->second.is_map()) return;
    sg = it->second;
  }
  Map& dgm = dg.mutable_map();
  for (const auto& [key, val] : sg.as_map()) {
    if (val.is_map()) {
      Value vv = Value::map(val.as_map());  // a shallow copy, as Helm's copyMap
      auto it = dgm.find(key);
      if (it == dgm.end()) {
        dgm.emplace(key, vv);
      } else if (it->second.is_map()) {
        coalesce_tables(vv.mutable_map(), it->second.as_map(), true);
        it->second = vv;
      }
    } else if (auto it = dgm.find(key); it != dgm.end() && it->second.is_map()) {
      continue;
    } else {
      dgm.insert_or_assign(key, val);
    }
  }
  dest.insert_or_assign("global", dg);
}

void coalesce_chart(const Chart& c, Map& v, bool merge);

// Helm's coalesceValues: the chart's own defaults under v.
void coalesce_chart_values(const Chart& c, Map& v, bool merge) {
  Value copy = c.values.is_map() ? c.values.deep_copy() : Value::map();
  for (const auto& [key, val] : copy.as_map()) {
    auto it = v.find(key);
    if (it == v.end()) {
      v.emplace(key, val);
    } else if (it->second.is_nil() && !merge) {
      v.erase(it);
    } else if (it->second.is_map() && val.is_map()) {
      // A section that belongs to a subchart always merges: its nulls must survive until
      // that subchart is coalesced in turn (Helm's childChartMergeTrue).
      bool is_subchart = std::any_of(c.dependencies.begin(), c.dependencies.end(),
                                     [&](const auto& d) { return d->name() == key; });
      coalesce_tables(it->second.mutable_map(), val.as_map(), merge || is_subchart);
    }
  }
}

// Helm's coalesceDeps.
void coalesce_deps(const Chart& c, Map& dest, bool merge) {
  for (const auto& sub : c.dependencies) {
    auto it = dest.find(sub->name());
    if (it == dest.end()) {
      it = dest.emplace(sub->name(), Value::map()).first;
    } else if (!it->second.is_map()) {
      Value arg = it->second;
      throw ChartError("type mismatch on " + sub->name() + ": " +
                       gotmpl::go_sprintf("%t", std::span<const Value>(&arg, 1)));
    }
    Value dv = it->second;
    coalesce_globals(dv.mutable_map(), dest);
    coalesce_chart(*sub, dv.mutable_map(), merge);
    dest.insert_or_assign(sub->name(), dv);
  }
}

void coalesce_chart(const Chart& c, Map& v, bool merge) {
  coalesce_chart_values(c, v, merge);
  coalesce_deps(c, v, merge);
}

Value coalesce_or_merge(const Chart& c, const Value& vals, bool merge) {
  Value copy = vals.is_map() ? vals.deep_copy() : Value::map();
  coalesce_chart(c, copy.mutable_map(), merge);
  return copy;
}

// Values.Table: the map at a dotted path, or nullptr.
const Value* table(const Value& v, const std::string& path) {
  const Value* cur = &v;
  size_t start = 0;
  for (;;) {
    size_t dot = path.find('.', start);
    std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const Value* next = cur->find(part);
    if (!is_table(next)) return nullptr;
    cur = next;
    if (dot == std::string::npos) return cur;
    start = dot + 1;
  }
}

// Values.PathValue: a non-table value at a dotted path, or nullptr.
const Value* path_value(const Value& v, const std::string& path) {
  if (path.empty()) return nullptr;
  size_t dot = path.rfind('.');
  const Value* t = &v;
  std::string key = path;
  if (dot != std::string::npos) {
    t = table(v, path.substr(0, dot));
    if (t == nullptr) return nullptr;
    key = path.substr(dot + 1);
  }
  const Value* out = t->find(key);
  if (out == nullptr || out->is_map()) return nullptr;
  return out;
}

// IsCompatibleRange through the one semver implementation (the semverCompare function).
bool is_compatible_range(const std::string& constraint, const std::string& version) {
  const auto* fn = gotmpl::helm_functions().find("semverCompare");
  if (fn == nullptr) return false;
  NullCallContext ctx;
  Value args[2] = {Value(constraint), Value(version)};
  try {
    Value r = fn->fn(ctx, std::span<const Value>(args, 2));
    return r.is_bool() && r.as_bool();
  } catch (...) {
    return false;
  }
}

void process_tags(std::vector<Dependency>& reqs, const Value& cvals) {
  const Value* tags = table(cvals, "tags");
  if (tags == nullptr) return;
  for (auto& r : reqs) {
    bool has_true = false, has_false = false;
    for (const auto& k : r.tags) {
      const Value* b = tags->find(k);
      if (b != nullptr && b->is_bool()) (b->as_bool() ? has_true : has_false) = true;
    }
    if (!has_true && has_false) r.enabled = false;
    else if (has_true || (!has_true && !has_false)) r.enabled = true;
  }
}

void process_conditions(std::vector<Dependency>& reqs, const Value& cvals, const std::string& prefix) {
  for (auto& r : reqs) {
    std::string cond = r.condition;
    size_t b = cond.find_first_not_of(" \t\n\r");
    cond = b == std::string::npos ? "" : cond.substr(b, cond.find_last_not_of(" \t\n\r") - b + 1);
    size_t start = 0;
    while (start <= cond.size()) {
      size_t comma = cond.find(',', start);
      std::string c = cond.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      start = comma == std::string::npos ? cond.size() + 1 : comma + 1;
      if (c.empty()) continue;
      const Value* vv = path_value(cvals, prefix + c);
      if (vv != nullptr && vv->is_bool()) {
        r.enabled = vv->as_bool();
        break;
      }
    }
  }
}

// Helm's getAliasDependency: a copy of the matching subchart, renamed to the alias.
std::shared_ptr<Chart> alias_dependency(const std::vector<std::shared_ptr<Chart>>& charts,
                                        const Dependency& dep) {
  for (const auto& c : charts) {
    if (!c || c->name() != dep.name) continue;
    if (!is_compatible_range(dep.version, c->metadata.version)) continue;
    auto out = std::make_shared<Chart>(*c);
    out->keep_alive = c;
    if (!dep.alias.empty()) out->metadata.name = dep.alias;
    return out;
  }
  return nullptr;
}

void set_dependencies(Chart& c, std::vector<std::shared_ptr<Chart>> deps) {
  c.dependencies = std::move(deps);
  for (auto& d : c.dependencies) d->parent = &c;
}

// Helm's processDependencyEnabled.
void process_enabled(Chart& c, const Value& v, const std::string& path) {
  if (!c.metadata.has_dependencies) return;
  std::vector<std::shared_ptr<Chart>> chart_deps;
  for (const auto& existing : c.dependencies) {
    bool declared = false;
    for (const auto& req : c.metadata.dependencies)
      if (existing->name() == req.name && is_compatible_range(req.version, existing->metadata.version))
        declared = true;
    if (!declared) chart_deps.push_back(existing);
  }
  for (auto& req : c.metadata.dependencies) {
    if (auto d = alias_dependency(c.dependencies, req)) chart_deps.push_back(d);
    if (!req.alias.empty()) req.name = req.alias;
  }
  set_dependencies(c, chart_deps);
  for (auto& req : c.metadata.dependencies) req.enabled = true;
  Value cvals = coalesce_values(c, v);
  process_tags(c.metadata.dependencies, cvals);
  process_conditions(c.metadata.dependencies, cvals, path);

  std::vector<std::shared_ptr<Chart>> kept;
  for (const auto& d : c.dependencies) {
    bool disabled = false;
    for (const auto& r : c.metadata.dependencies)
      if (!r.enabled && r.name == d->name()) disabled = true;
    if (!disabled) kept.push_back(d);
  }
  std::vector<Dependency> kept_meta;
  for (const auto& r : c.metadata.dependencies) {
    bool disabled = false;
    for (const auto& q : c.metadata.dependencies)
      if (!q.enabled && q.name == r.name) disabled = true;
    if (!disabled) kept_meta.push_back(r);
  }
  for (const auto& t : kept) process_enabled(*t, cvals, path + t->name() + ".");
  c.metadata.dependencies = std::move(kept_meta);
  set_dependencies(c, kept);
}

Value path_to_map(const std::string& path, const Value& data) {
  if (path == ".") return data;
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  Value cur = data;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) cur = Value::map(Map{{*it, cur}});
  return cur;
}

// Helm's processImportValues with merge = true.
void process_import_values(Chart& c) {
  if (!c.metadata.has_dependencies) return;
  Value cvals = coalesce_or_merge(c, Value::map(), true);
  Value b = Value::map();
  for (auto& r : c.metadata.dependencies) {
    std::vector<Value> out;
    for (const auto& riv : r.import_values) {
      if (riv.is_map()) {
        const Value* child = riv.find("child");
        const Value* parent = riv.find("parent");
        std::string cs = child && child->is_string() ? child->as_string() : "";
        std::string ps = parent && parent->is_string() ? parent->as_string() : "";
        out.push_back(Value::map(Map{{"child", Value(cs)}, {"parent", Value(ps)}}, ElemType::String));
        const Value* vv = table(cvals, r.name + "." + cs);
        if (vv == nullptr) continue;
        coalesce_tables(b.mutable_map(), path_to_map(ps, vv->deep_copy()).as_map(), true);
      } else if (riv.is_string()) {
        std::string child = "exports." + riv.as_string();
        out.push_back(Value::map(Map{{"child", Value(child)}, {"parent", Value(".")}}, ElemType::String));
        const Value* vm = table(cvals, r.name + "." + child);
        if (vm == nullptr) continue;
        coalesce_tables(b.mutable_map(), vm->deep_copy().as_map(), true);
      }
    }
    r.import_values = std::move(out);
  }
  Value merged = cvals.deep_copy();
  coalesce_tables(merged.mutable_map(), b.as_map(), true);
  c.values = merged;
}

void process_import_values_rec(Chart& c) {
  for (auto& d : c.dependencies) process_import_values_rec(*d);
  process_import_values(c);
}

}  // namespace

Value coalesce_values(const Chart& chart, const Value& user_values) {
  return coalesce_or_merge(chart, user_values, false);
}

const Value* values_table(const Value& v, const std::string& path) { return table(v, path); }

void process_dependencies(Chart& chart, const Value& user_values) {
  process_enabled(chart, user_values, "");
  process_import_values_rec(chart);
}

}  // namespace sparkc::chart
