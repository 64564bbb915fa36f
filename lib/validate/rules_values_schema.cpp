// values-schema: the values Helm would install (chart defaults under -f and --set) against
// values.schema.json, as Helm checks them at install time, with each violation located in
// the values file that wrote the value.
#include <set>

#include "sparkc/chart.h"
#include "validate/json_schema.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

// "/spark/list/0" -> "spark.list[0]", following `root` to tell list indexes from map keys.
std::string pointer_to_path(const std::string& pointer, const Value& root) {
  std::string path;
  const Value* cur = &root;
  size_t pos = 0;
  while (pos < pointer.size()) {
    size_t next = pointer.find('/', pos + 1);
    std::string token = pointer.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    // JSON pointer escapes: "~1" is "/", "~0" is "~" (in that order).
    for (size_t at; (at = token.find("~1")) != std::string::npos;) token.replace(at, 2, "/");
    for (size_t at; (at = token.find("~0")) != std::string::npos;) token.replace(at, 2, "~");
    if (cur && cur->is_list()) {
      path += "[" + token + "]";
      size_t i = std::strtoul(token.c_str(), nullptr, 10);
      cur = i < cur->as_list().size() ? &cur->as_list()[i] : nullptr;
    } else {
      path += (path.empty() ? "" : ".") + token;
      cur = cur ? cur->find(token) : nullptr;
    }
    pos = next == std::string::npos ? pointer.size() : next;
  }
  return path;
}

// The parent of a value path: "a.b[0]" -> "a.b" -> "a" -> "".
std::string parent_path(const std::string& path) {
  size_t cut = path.find_last_of(".[");
  return cut == std::string::npos ? "" : path.substr(0, cut);
}

// Every value path in `v` ("a.b", "a.list[0]"), as load_located names them.
void collect_paths(const Value& v, const std::string& at, std::set<std::string>& out) {
  out.insert(at);
  if (v.is_map()) {
    for (const auto& [k, child] : v.as_map()) collect_paths(child, at.empty() ? k : at + "." + k, out);
  } else if (v.is_list()) {
    for (size_t i = 0; i < v.as_list().size(); ++i) {
      collect_paths(v.as_list()[i], at + "[" + std::to_string(i) + "]", out);
    }
  }
}

}  // namespace

void run_values_schema_rule(Context& ctx) {
  auto text = ctx.read("values.schema.json");
  if (!text) return;
  Value values;
  std::optional<JsonSchema> schema;
  try {
    auto c = chart::load_chart(ctx.dir());
    values = chart::coalesce_values(*c, chart::merge_user_values(ctx.options().values));
    schema = JsonSchema::compile(yaml::from_json(*text));
  } catch (const std::exception& e) {
    // A chart that does not load is the chart group's finding; a schema that does not compile
    // is this rule's.
    if (dynamic_cast<const JsonSchemaError*>(&e) || dynamic_cast<const yaml::YamlError*>(&e)) {
      ctx.report("values-schema", std::string("values.schema.json cannot be used: ") + e.what(),
                 "values.schema.json", 0, 0);
    }
    return;
  }
  // Where each value was written: the last -f file that sets it wins, as in Helm's merge.
  std::vector<std::pair<std::string, yaml::Located>> sources;
  std::vector<std::string> rels = {"values.yaml"};
  for (const auto& f : ctx.options().values.value_files) rels.push_back(f);
  for (const auto& rel : rels) {
    auto t = ctx.read(rel);
    if (!t) continue;
    try {
      sources.emplace_back(rel, yaml::load_located(*t, rel));
    } catch (const std::exception&) {
    }
  }
  // Paths the command line sets (--set and its kin): reported as such, not at the nearest
  // enclosing key of a values file.
  std::set<std::string> from_flags;
  try {
    chart::ValueOptions flags = ctx.options().values;
    flags.value_files.clear();
    collect_paths(chart::merge_user_values(flags), "", from_flags);
  } catch (const std::exception&) {
  }
  from_flags.erase("");
  // Keys refused by additionalProperties are reported here as errors (Helm refuses them) and
  // by values-unknown-key as warnings with a suggestion; both point at the same line.
  for (const auto& err : schema->validate(values)) {
    std::string path = pointer_to_path(err.instance_location, values);
    std::string rel = "values.yaml";
    yaml::Mark mark;
    std::string subject = path.empty() ? "values" : "\"" + path + "\"";
    // --set and its kin override every file, so a path they set is theirs.
    if (from_flags.count(path)) {
      ctx.add_external("<command line>");
      ctx.report("values-schema", subject + " (--set): " + err.message, "<command line>", 0, 0, path,
                 "see " + err.keyword_location.substr(err.keyword_location.empty() ? 0 : 1) +
                     " in values.schema.json");
      continue;
    }
    bool exact = false;
    for (std::string p = path;; p = parent_path(p)) {
      for (auto it = sources.rbegin(); it != sources.rend(); ++it) {
        if (auto pos = it->second.positions.find(p); pos != it->second.positions.end()) {
          rel = it->first;
          mark = pos->second;
          exact = p == path;
          break;
        }
      }
      if (mark.line > 0 || p.empty()) break;
    }
    // A key the schema refuses (additionalProperties) is the key's fault, not its value's:
    // point at the key, where values-unknown-key points too.
    if (exact && err.keyword_location.ends_with("/additionalProperties") && !path.ends_with("]")) {
      size_t dot = path.find_last_of('.');
      if (auto t = ctx.read(rel)) mark = key_mark(*t, mark, dot == std::string::npos ? path : path.substr(dot + 1));
    }
    ctx.report("values-schema", subject + ": " + err.message, rel, mark.line, mark.col, path,
               "see " + err.keyword_location.substr(err.keyword_location.empty() ? 0 : 1) +
                   " in values.schema.json");
  }
}

}  // namespace sparkc::validate::detail
