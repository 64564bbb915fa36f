// to_toml: BurntSushi/toml's Encoder (v1.2) on the map a template passes to Helm's toToml.
//
// The encoder writes a table's plain keys first, then its sub-tables and arrays of tables,
// each group sorted; nested tables are indented two spaces per level and top-level tables are
// separated by a blank line. Numbers that came from YAML are float64 and print with ".0".
#include <cmath>

#include "sparkc/yaml.h"
#include "yaml/go_number.h"

namespace sparkc::yaml {
namespace {

[[noreturn]] void toml_fail(const std::string& msg) { throw YamlError("toml: " + msg, "", 0, 0); }

// Objects (host structs) encode as their exported data.
const Value& plain(const Value& v, Value& storage) {
  if (!v.is_object()) return v;
  storage = v.as_object()->to_data();
  return storage;
}

bool is_table(const Value& v) { return v.is_map(); }

// isTableArray: a non-empty list of tables only; a nil element is an error wherever it is.
bool is_table_array(const Value& v) {
  if (!v.is_list() || v.as_list().empty()) return false;
  bool all = true;
  for (const Value& e : v.as_list()) {
    Value tmp;
    const Value& x = plain(e, tmp);
    if (x.is_nil()) toml_fail("cannot encode array with nil element");
    all = all && is_table(x);
  }
  return all;
}

bool bare_key(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// dblQuotedReplacer: quotes, backslashes and control characters.
std::string quote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string key_part(std::string_view k) {
  if (k.empty()) return "\"\"";
  return bare_key(k) ? std::string(k) : quote(k);
}

class TomlWriter {
 public:
  std::string run(const Value& root) {
    Value tmp;
    const Value& v = plain(root, tmp);
    if (!v.is_map()) toml_fail("top-level values must be Go maps or structs");
    std::vector<std::string> key;
    table_body(key, v);
    return std::move(out_);
  }

 private:
  void wf(std::string_view s) {
    out_.append(s);
    written_ = true;
  }
  void newline() {
    if (written_) wf("\n");
  }
  static std::string indent(const std::vector<std::string>& key) {
    std::string s;
    for (size_t i = 1; i < key.size(); ++i) s += "  ";
    return s;
  }
  static std::string key_string(const std::vector<std::string>& key) {
    std::string s;
    for (size_t i = 0; i < key.size(); ++i) {
      if (i) s += '.';
      s += key_part(key[i]);
    }
    return s;
  }

  // A map's entries: plain values first, then tables and arrays of tables.
  void table_body(std::vector<std::string>& key, const Value& m) {
    std::vector<std::pair<const std::string*, const Value*>> direct, sub;
    for (const auto& [k, e] : m.as_map()) {
      Value tmp;
      const Value& x = plain(e, tmp);
      (is_table(x) || is_table_array(x) ? sub : direct).emplace_back(&k, &e);
    }
    for (auto* group : {&direct, &sub}) {
      for (const auto& [k, e] : *group) {
        Value tmp;
        const Value& x = plain(*e, tmp);
        if (x.is_nil()) continue;
        key.push_back(*k);
        encode(key, x);
        key.pop_back();
      }
    }
  }

  void encode(std::vector<std::string>& key, const Value& v) {
    if (is_table(v)) {
      if (key.size() == 1) newline();
      wf(indent(key) + "[" + key_string(key) + "]");
      newline();
      table_body(key, v);
    } else if (is_table_array(v)) {
      for (const Value& e : v.as_list()) {
        Value tmp;
        const Value& t = plain(e, tmp);
        newline();
        wf(indent(key) + "[[" + key_string(key) + "]]");
        newline();
        table_body(key, t);
      }
    } else {
      wf(indent(key) + key_part(key.back()) + " = ");
      element(v);
      newline();
    }
  }

  void element(const Value& in) {
    Value tmp;
    const Value& v = plain(in, tmp);
    switch (v.type()) {
      case Type::Nil: toml_fail("cannot encode array with nil element");
      case Type::Bool: wf(v.as_bool() ? "true" : "false"); return;
      case Type::Int:
      case Type::Int64: wf(std::to_string(v.as_int())); return;
      case Type::Uint64: wf(std::to_string(v.as_uint())); return;
      case Type::Float64: {
        double f = v.as_float();
        if (std::isnan(f)) return wf("nan");
        if (std::isinf(f)) return wf(f < 0 ? "-inf" : "+inf");
        std::string s = detail::format_float_fixed(f);
        if (s.find('.') == std::string::npos) s += ".0";
        wf(s);
        return;
      }
      case Type::String: wf(quote(v.as_string())); return;
      case Type::Bytes: {
        // []byte is a slice of integers to the encoder.
        std::string s = "[";
        const std::string& b = v.as_string();
        for (size_t i = 0; i < b.size(); ++i) {
          if (i) s += ", ";
          s += std::to_string(static_cast<unsigned char>(b[i]));
        }
        wf(s + "]");
        return;
      }
      case Type::List: {
        is_table_array(v);  // reports nil elements
        wf("[");
        const List& l = v.as_list();
        for (size_t i = 0; i < l.size(); ++i) {
          element(l[i]);
          if (i + 1 != l.size()) wf(", ");
        }
        wf("]");
        return;
      }
      case Type::Map: inline_table(v); return;
      case Type::Object: return;
    }
  }

  // An inline table inside an array: {k = v, t = {...}}, plain keys first.
  void inline_table(const Value& m) {
    std::vector<std::pair<const std::string*, const Value*>> direct, sub;
    for (const auto& [k, e] : m.as_map()) {
      (is_table(e) || is_table_array(e) ? sub : direct).emplace_back(&k, &e);
    }
    wf("{");
    auto write = [&](auto& keys, bool trail) {
      for (size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].second->is_nil()) continue;
        wf(key_part(*keys[i].first) + " = ");
        element(*keys[i].second);
        if (trail || i + 1 != keys.size()) wf(", ");
      }
    };
    write(direct, !sub.empty());
    write(sub, false);
    wf("}");
  }

  std::string out_;
  bool written_ = false;
};

}  // namespace

std::string to_toml(const Value& v) { return TomlWriter().run(v); }

}  // namespace sparkc::yaml
