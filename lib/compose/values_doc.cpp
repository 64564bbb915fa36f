// Documented values: the comments and key order of a block's values text, and the emitter
// that writes a merged values tree back as a commented values.yaml.
//
// Block authors write values as YAML with a "# -- text" comment above each key (the
// helm-docs convention). The values themselves are read by the YAML loader; this file only
// reads the comments and the order of mapping keys, line by line, by indentation.
#include <algorithm>
#include <sstream>

#include "compose/compose_internal.h"
#include "sparkc/compose.h"
#include "sparkc/yaml.h"

namespace sparkc::compose {
namespace {

size_t indent_of(const std::string& line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

std::string unquote_key(std::string k) {
  if (k.size() >= 2 && ((k.front() == '"' && k.back() == '"') || (k.front() == '\'' && k.back() == '\'')))
    return k.substr(1, k.size() - 2);
  return k;
}

// The key of a "key: value" or "key:" line, or "" when the line is not a mapping key.
std::string mapping_key(const std::string& line, size_t indent) {
  std::string_view rest = std::string_view(line).substr(indent);
  if (rest.empty() || rest[0] == '#' || rest[0] == '-') return "";
  bool quoted = rest[0] == '"' || rest[0] == '\'';
  size_t colon = std::string_view::npos;
  if (quoted) {
    size_t close = rest.find(rest[0], 1);
    if (close != std::string_view::npos && close + 1 < rest.size() && rest[close + 1] == ':') colon = close + 1;
  } else {
    for (size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ')) {
        colon = i;
        break;
      }
    }
  }
  if (colon == std::string_view::npos) return "";
  return unquote_key(std::string(rest.substr(0, colon)));
}

}  // namespace

ValuesDoc parse_values_doc(const std::string& text) {
  ValuesDoc root;
  struct Frame {
    size_t indent;
    ValuesDoc* doc;
  };
  std::vector<Frame> stack{{0, &root}};
  std::string pending;
  bool first_level_set = false;
  size_t skip_deeper_than = std::string::npos;  // inside a block scalar or a list value
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t ind = indent_of(line);
    if (ind == line.size()) continue;  // blank
    if (skip_deeper_than != std::string::npos) {
      if (ind > skip_deeper_than || (line[ind] == '-' && ind == skip_deeper_than)) continue;
      skip_deeper_than = std::string::npos;
    }
    if (line[ind] == '#') {
      std::string c = line.substr(ind + 1);
      if (c.rfind(" -- ", 0) == 0) c = c.substr(4);
      else if (c.rfind(" ", 0) == 0) c = c.substr(1);
      pending += pending.empty() ? c : " " + c;
      continue;
    }
    std::string key = mapping_key(line, ind);
    if (key.empty()) {
      pending.clear();
      continue;
    }
    while (stack.size() > 1 && ind <= stack.back().indent) stack.pop_back();
    if (!first_level_set) {
      stack[0].indent = ind;
      first_level_set = true;
    }
    ValuesDoc* parent = stack.size() == 1 ? &root : stack.back().doc;
    if (stack.size() == 1 && ind > stack[0].indent) {
      pending.clear();
      continue;
    }
    if (!parent->children.count(key)) parent->order.push_back(key);
    ValuesDoc& node = parent->children[key];
    node.comment = pending;
    pending.clear();
    // What follows the colon decides whether deeper lines are this key's children.
    std::string after = line.substr(line.find(':', ind + key.size()) + 1);
    size_t a = after.find_first_not_of(' ');
    std::string value = a == std::string::npos ? "" : after.substr(a);
    if (value.empty()) {
      stack.push_back(Frame{ind, &node});
      // A list under this key ("- x" lines at the same or deeper indent) is one value.
      skip_deeper_than = std::string::npos;
    } else if (value[0] == '|' || value[0] == '>') {
      skip_deeper_than = ind;
    }
  }
  return root;
}

namespace {

// The keys of `map`: those `doc` documents, in its order, then the rest in sorted order.
std::vector<std::string> ordered_keys(const Value& map, const ValuesDoc* doc) {
  std::vector<std::string> keys;
  if (doc)
    for (const auto& k : doc->order)
      if (map.find(k)) keys.push_back(k);
  for (const auto& [k, v] : map.as_map())
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  return keys;
}

// The documentation of key `k` under `doc`, or nullptr.
const ValuesDoc* child_doc(const ValuesDoc* doc, const std::string& k) {
  if (doc == nullptr) return nullptr;
  auto it = doc->children.find(k);
  return it == doc->children.end() ? nullptr : &it->second;
}

std::string indent_text(const std::string& text, size_t n) {
  std::string pad(n, ' ');
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += line.empty() ? "\n" : pad + line + "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

void emit_comment(std::string& out, const std::string& comment, size_t indent) {
  if (comment.empty()) return;
  // Wrap long comments at about 100 columns so values.yaml stays readable.
  std::string pad(indent, ' ');
  std::istringstream words(comment);
  std::string word, line;
  for (bool first = true; words >> word;) {
    if (!line.empty() && line.size() + word.size() + indent > 96) {
      out += pad + (first ? "# -- " : "# ") + line + "\n";
      first = false;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    if (words.peek() == EOF) {
      out += pad + (first ? "# -- " : "# ") + line + "\n";
    }
  }
}

void emit_map(std::string& out, const Value& map, const ValuesDoc* doc, size_t indent) {
  for (const auto& k : ordered_keys(map, doc)) {
    const Value& v = *map.find(k);
    const ValuesDoc* child = child_doc(doc, k);
    if (child) emit_comment(out, child->comment, indent);
    if (v.is_map() && !v.as_map().empty()) {
      // The key line as the YAML emitter quotes it, then the children one level deeper.
      std::string key_line = yaml::to_yaml(Value::map(Map{{k, Value::map()}}));
      key_line = key_line.substr(0, key_line.rfind(" {}")) + "\n";
      out += std::string(indent, ' ') + key_line;
      emit_map(out, v, child, indent + 2);
    } else {
      out += indent_text(yaml::to_yaml(Value::map(Map{{k, v}})), indent);
    }
  }
}

}  // namespace

ValuesDoc merge_docs(const std::vector<const Block*>& blocks) {
  ValuesDoc doc;
  for (const Block* b : blocks) {
    for (const auto& k : b->doc.order) {
      if (!doc.children.count(k)) doc.order.push_back(k);
      ValuesDoc& dst = doc.children[k];
      const ValuesDoc& src = b->doc.children.at(k);
      if (dst.comment.empty()) dst.comment = src.comment;
      for (const auto& ck : src.order) {
        if (!dst.children.count(ck)) dst.order.push_back(ck);
        dst.children[ck] = src.children.at(ck);
      }
    }
  }
  return doc;
}

std::string render_values_yaml(const Value& values, const std::vector<const Block*>& blocks) {
  ValuesDoc doc = merge_docs(blocks);
  std::string out;
  emit_map(out, values, &doc, 0);
  return out;
}

void collect_value_rows(const Value& v, const ValuesDoc* doc, const std::string& prefix,
                        std::vector<ValueRow>& rows) {
  if (!v.is_map()) return;
  for (const auto& k : ordered_keys(v, doc)) {
    const Value& val = *v.find(k);
    const ValuesDoc* child = child_doc(doc, k);
    std::string path = prefix.empty() ? k : prefix + "." + k;
    if (val.is_map() && !val.as_map().empty()) {
      collect_value_rows(val, child, path, rows);
      continue;
    }
    std::string shown = yaml::to_json(val, false);
    rows.push_back(ValueRow{path, shown, child ? child->comment : ""});
  }
}

}  // namespace sparkc::compose
