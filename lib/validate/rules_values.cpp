// The values group: values files against values.schema.json, duplicate keys, and numbers
// Helm prints in exponent form.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "sparkc/chart.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

// Where findings about --set values are shown, as values-schema shows them.
constexpr const char* kCommandLine = "<command line>";

// A values file as the rules see it: how to name it, its text and its located document.
struct ValuesFile {
  std::string rel;
  std::string text;
  yaml::Located doc;
};

// values.yaml and every -f file that loads; files that do not load are reported elsewhere
// (values.yaml by chart-values-invalid) or by the CLI (an unreadable -f file).
std::vector<ValuesFile> load_values_files(Context& ctx) {
  std::vector<std::string> rels = {"values.yaml"};
  for (const auto& f : ctx.options().values.value_files) rels.push_back(f);
  std::vector<ValuesFile> out;
  for (const auto& rel : rels) {
    auto text = ctx.read(rel);
    if (!text) continue;
    try {
      out.push_back({rel, *text, yaml::load_located(*text, rel)});
    } catch (const std::exception&) {
      // Reported by chart-values-invalid for values.yaml; Helm itself fails on a bad -f file.
    }
  }
  return out;
}

// A local "$ref" ("#/definitions/x", "#/$defs/x", "#/properties/a/...") resolved against
// the root schema; other references are not followed.
const Value* resolve_ref(const Value& root, const Value& schema) {
  const Value* ref = schema.find("$ref");
  if (!ref || !ref->is_string() || !ref->as_string().starts_with("#")) return &schema;
  const Value* cur = &root;
  std::string pointer = ref->as_string().substr(1);
  size_t pos = 0;
  while (cur && pos < pointer.size()) {
    size_t next = pointer.find('/', pos + 1);
    std::string token = pointer.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    cur = cur->find(token);
    pos = next == std::string::npos ? pointer.size() : next;
  }
  return cur ? cur : &schema;
}

// Walks a values tree beside its schema and reports keys the schema does not declare. Only
// objects that list `properties` are judged; `additionalProperties` given as a schema (or
// true) and `patternProperties` make unknown keys legitimate.
void walk_unknown(Context& ctx, const ValuesFile& f, const Value& root, const Value& schema_in,
                  const Value& value, const std::string& path) {
  const Value& schema = *resolve_ref(root, schema_in);
  if (!schema.is_map()) return;
  if (value.is_list()) {
    const Value* items = schema.find("items");
    if (!items || !items->is_map()) return;
    for (size_t i = 0; i < value.as_list().size(); ++i) {
      walk_unknown(ctx, f, root, *items, value.as_list()[i], path + "[" + std::to_string(i) + "]");
    }
    return;
  }
  if (!value.is_map()) return;
  const Value* props = schema.find("properties");
  const Value* additional = schema.find("additionalProperties");
  bool open = schema.find("patternProperties") ||
              (additional && !(additional->is_bool() && !additional->as_bool()));
  std::set<std::string> known;
  if (props && props->is_map()) {
    for (const auto& [k, _] : props->as_map()) known.insert(k);
  }
  for (const auto& [key, child] : value.as_map()) {
    std::string sub = path.empty() ? key : path + "." + key;
    const Value* child_schema = props ? props->find(key) : nullptr;
    if (child_schema) {
      walk_unknown(ctx, f, root, *child_schema, child, sub);
    } else if (additional && additional->is_map()) {
      walk_unknown(ctx, f, root, *additional, child, sub);
    } else if (props && props->is_map() && !open) {
      auto it = f.doc.positions.find(sub);
      yaml::Mark m = it == f.doc.positions.end() ? yaml::Mark{} : key_mark(f.text, it->second, key);
      std::string hint;
      if (std::string dym = did_you_mean(key, known); !dym.empty()) hint = "did you mean " + dym + "?";
      std::string where = path.empty() ? "at the top level" : "under \"" + path + "\"";
      // The command line has no lines: its findings say where the key came from instead.
      std::string source = f.rel == kCommandLine ? "--set; " : "";
      ctx.report("values-unknown-key",
                 "unknown key \"" + key + "\" " + where + " (" + source + "values.schema.json does not declare it)",
                 f.rel, m.line, m.col, sub, hint);
    }
  }
}

void check_unknown_keys(Context& ctx, const std::vector<ValuesFile>& files) {
  auto text = ctx.read("values.schema.json");
  if (!text) return;
  Value schema;
  try {
    schema = yaml::from_json(*text);
  } catch (const std::exception&) {
    return;  // a broken schema is values-schema's finding, not this rule's
  }
  for (const auto& f : files) walk_unknown(ctx, f, schema, schema, f.doc.value, "");
  // Keys given with --set and its kin (--set-string, --set-json, --set-file, --set-literal):
  // a misspelt one is as silently ignored as one in a file, and is reported as the command
  // line's, where values-schema reports its values too.
  chart::ValueOptions flags = ctx.options().values;
  flags.value_files.clear();
  ValuesFile cmd{kCommandLine, "", {}};
  try {
    cmd.doc.value = chart::merge_user_values(flags);
  } catch (const std::exception&) {
    return;  // a --set Helm cannot parse fails the render, reported there
  }
  if (!cmd.doc.value.is_map() || cmd.doc.value.as_map().empty()) return;
  ctx.add_external(kCommandLine);
  walk_unknown(ctx, cmd, schema, schema, cmd.doc.value, "");
}

// Go's %v of a large float64: the shortest digits that read back, in %e form. C's %e
// prints the same exponent form ("1e+06", "1.5e+07").
std::string go_exponent_form(double x) {
  char e[64];
  for (int prec = 0; prec <= 16; ++prec) {
    std::snprintf(e, sizeof e, "%.*e", prec, x);
    if (std::strtod(e, nullptr) == x) break;
  }
  return e;
}

// Integers of a million or more: Helm reads them as float64 and `{{ .Values.x }}` prints
// 1000000 as 1e+06 (Go's %v switches to exponent form from 1e6 up).
void walk_numbers(Context& ctx, const ValuesFile& f, const Value& v, const std::string& path) {
  if (v.is_map()) {
    for (const auto& [k, child] : v.as_map()) walk_numbers(ctx, f, child, path.empty() ? k : path + "." + k);
  } else if (v.is_list()) {
    for (size_t i = 0; i < v.as_list().size(); ++i) {
      walk_numbers(ctx, f, v.as_list()[i], path + "[" + std::to_string(i) + "]");
    }
  } else if (v.is_float() && std::fabs(v.as_float()) >= 1e6 && std::isfinite(v.as_float()) &&
             std::trunc(v.as_float()) == v.as_float()) {
    auto it = f.doc.positions.find(path);
    yaml::Mark m = it == f.doc.positions.end() ? yaml::Mark{} : it->second;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", v.as_float());
    ctx.report("values-exponent-number",
               std::string("number ") + buf + " prints as " + go_exponent_form(v.as_float()) +
                   " in templates",
               f.rel, m.line, m.col, path, "quote it (\"" + std::string(buf) + "\") or print it with `int64`");
  }
}

// Mapping keys written twice, found by scanning the text: the parser keeps only the last.
// The scan follows block indentation; flow collections ({a: 1}) are not looked into.
void scan_duplicates(Context& ctx, const std::string& rel, const std::string& text) {
  struct Scope {
    int indent;
    std::map<std::string, int> keys;  // key -> line
  };
  std::vector<Scope> stack;
  int block_indent = -1;  // inside a block scalar: lines indented deeper belong to it
  int ln = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    ++ln;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos || line[first] == '#') continue;
    int indent = static_cast<int>(first);
    if (block_indent >= 0) {
      if (indent > block_indent) continue;
      block_indent = -1;
    }
    if (indent == 0 && (line.starts_with("---") || line.starts_with("..."))) {
      stack.clear();
      continue;
    }
    // List dashes start a new mapping at the column after them.
    size_t col = first;
    bool item = false;
    while (col < line.size() && line[col] == '-' && (col + 1 == line.size() || line[col + 1] == ' ')) {
      item = true;
      col = line.find_first_not_of(' ', col + 1);
      if (col == std::string::npos) col = line.size();
    }
    if (item) {
      while (!stack.empty() && stack.back().indent >= static_cast<int>(col)) stack.pop_back();
      stack.push_back({static_cast<int>(col), {}});
    }
    if (col >= line.size()) continue;
    // The key: quoted, or plain up to ": " or a final ':'.
    std::string key;
    size_t after;
    char c = line[col];
    if (c == '"' || c == '\'') {
      size_t close = line.find(c, col + 1);
      if (close == std::string::npos || close + 1 >= line.size() || line[close + 1] != ':') continue;
      key = line.substr(col + 1, close - col - 1);
      after = close + 2;
    } else {
      if (c == '{' || c == '[' || c == '|' || c == '>' || c == '&' || c == '*' || c == '!' || c == '#') continue;
      size_t colon = line.find(": ", col);
      size_t hash = line.find(" #", col);
      if (colon == std::string::npos || (hash != std::string::npos && hash < colon)) {
        if (line.back() == ':' && (hash == std::string::npos)) colon = line.size() - 1;
        else continue;
      }
      key = line.substr(col, colon - col);
      while (!key.empty() && key.back() == ' ') key.pop_back();
      after = colon + 1;
    }
    if (key == "<<") continue;
    int kcol = static_cast<int>(col);
    while (!stack.empty() && stack.back().indent > kcol) stack.pop_back();
    if (stack.empty() || stack.back().indent < kcol) stack.push_back({kcol, {}});
    auto [it, inserted] = stack.back().keys.emplace(key, ln);
    if (!inserted) {
      ctx.report("values-duplicate-key",
                 "duplicate key \"" + key + "\" (first written on line " + std::to_string(it->second) +
                     "; only this last one takes effect)",
                 rel, ln, kcol + 1, "", "remove one of the two");
      it->second = ln;
    }
    // A block scalar value: its lines are text, not keys.
    size_t v = line.find_first_not_of(' ', after);
    if (v != std::string::npos && (line[v] == '|' || line[v] == '>')) block_indent = kcol;
  }
}

}  // namespace

void run_values_rules(Context& ctx) {
  std::vector<ValuesFile> files = load_values_files(ctx);
  check_unknown_keys(ctx, files);
  for (const auto& f : files) walk_numbers(ctx, f, f.doc.value, "");
  // Duplicates are looked for in every YAML file Helm reads as data.
  for (const std::string rel : {"Chart.yaml", "values.yaml"}) {
    if (auto text = ctx.read(rel)) scan_duplicates(ctx, rel, *text);
  }
  for (const auto& f : ctx.options().values.value_files) {
    if (auto text = ctx.read(f)) scan_duplicates(ctx, f, *text);
  }
}

}  // namespace sparkc::validate::detail
