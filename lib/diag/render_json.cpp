// JSON and SARIF 2.1.0 renderers. Written by hand (this module has no JSON library) with a
// fixed key order, so output is byte-for-byte stable and easy to compare in tests.
#include <cstdio>

#include "sparkc/diagnostic.h"

namespace sparkc::diag {

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

namespace {

// A tiny writer for indented JSON objects: fields are appended in call order.
class JsonObject {
 public:
  explicit JsonObject(int indent) : indent_(indent) {}
  JsonObject& str(std::string_view key, std::string_view v) { return raw(key, json_quote(v)); }
  JsonObject& num(std::string_view key, long v) { return raw(key, std::to_string(v)); }
  JsonObject& raw(std::string_view key, std::string_view json) {
    fields_.push_back(std::string(indent_ + 2, ' ') + json_quote(key) + ": " + std::string(json));
    return *this;
  }
  std::string done() const {
    if (fields_.empty()) return "{}";
    std::string out = "{\n";
    for (size_t i = 0; i < fields_.size(); ++i) {
      out += fields_[i] + (i + 1 < fields_.size() ? ",\n" : "\n");
    }
    return out + std::string(indent_, ' ') + "}";
  }

 private:
  int indent_;
  std::vector<std::string> fields_;
};

// An indented JSON array of already-rendered items.
std::string json_array(const std::vector<std::string>& items, int indent) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (size_t i = 0; i < items.size(); ++i) {
    out += std::string(indent + 2, ' ') + items[i] + (i + 1 < items.size() ? ",\n" : "\n");
  }
  return out + std::string(indent, ' ') + "]";
}

std::string location_json(const Location& loc, int indent) {
  JsonObject o(indent);
  o.str("file", loc.file).num("line", loc.line).num("column", loc.col);
  return o.done();
}

// A SARIF physicalLocation; the region is left out when the line is unknown.
std::string sarif_location(const Location& loc, int indent) {
  JsonObject artifact(indent + 4);
  artifact.str("uri", loc.file);
  JsonObject physical(indent + 2);
  physical.raw("artifactLocation", artifact.done());
  if (loc.line > 0) {
    JsonObject region(indent + 4);
    region.num("startLine", loc.line);
    if (loc.col > 0) region.num("startColumn", loc.col);
    physical.raw("region", region.done());
  }
  JsonObject o(indent);
  o.raw("physicalLocation", physical.done());
  return o.done();
}

}  // namespace

std::string render_json(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> items;
  for (const auto& d : diags) {
    JsonObject o(4);
    o.str("severity", severity_name(d.severity)).str("rule", d.rule_id).str("message", d.message);
    o.raw("location", location_json(d.location, 6));
    if (!d.path.empty()) o.str("path", d.path);
    if (!d.hint.empty()) o.str("hint", d.hint);
    if (!d.notes.empty()) {
      std::vector<std::string> notes;
      for (const auto& n : d.notes) {
        JsonObject no(8);
        no.str("message", n.message).raw("location", location_json(n.location, 10));
        notes.push_back(no.done());
      }
      o.raw("notes", json_array(notes, 6));
    }
    items.push_back(o.done());
  }
  JsonObject root(0);
  root.raw("diagnostics", json_array(items, 2));
  return root.done() + "\n";
}

std::string render_sarif(const std::vector<Diagnostic>& diags,
                         const std::vector<RuleDescriptor>& rules, std::string_view tool_version) {
  // Each nested object is indented two more than the field holding it: the run at 4, the
  // driver at 8, rules at 12, results at 8.
  std::vector<std::string> rule_items;
  for (const auto& r : rules) {
    JsonObject desc(14);
    desc.str("text", r.summary);
    JsonObject help(14);
    help.str("text", r.help);
    JsonObject config(14);
    config.str("level", sarif_level(r.default_severity));
    JsonObject o(12);
    o.str("id", r.id).raw("shortDescription", desc.done()).raw("help", help.done());
    o.raw("defaultConfiguration", config.done());
    rule_items.push_back(o.done());
  }
  std::vector<std::string> results;
  for (const auto& d : diags) {
    JsonObject msg(10);
    std::string text = d.message;
    if (!d.hint.empty()) text += " (hint: " + d.hint + ")";
    msg.str("text", text);
    JsonObject o(8);
    o.str("ruleId", d.rule_id).str("level", sarif_level(d.severity)).raw("message", msg.done());
    std::vector<std::string> locs;
    if (!d.location.file.empty()) locs.push_back(sarif_location(d.location, 12));
    o.raw("locations", json_array(locs, 10));
    results.push_back(o.done());
  }
  JsonObject driver(8);
  driver.str("name", "spark-constructor").str("version", tool_version);
  driver.raw("rules", json_array(rule_items, 10));
  JsonObject tool(6);
  tool.raw("driver", driver.done());
  JsonObject run(4);
  run.raw("tool", tool.done()).raw("results", json_array(results, 6));
  JsonObject root(0);
  root.str("$schema", "https://json.schemastore.org/sarif-2.1.0.json").str("version", "2.1.0");
  root.raw("runs", json_array({run.done()}, 2));
  return root.done() + "\n";
}

}  // namespace sparkc::diag
