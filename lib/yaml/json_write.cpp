// to_json and to_json_indent: encoding/json.Marshal and MarshalIndent of the Go values a Value
// stands for.
#include <cmath>

#include "sparkc/yaml.h"
#include "yaml/base64.h"
#include "yaml/go_number.h"
#include "yaml/utf8.h"

namespace sparkc::yaml {
namespace {

const char kHex[] = "0123456789abcdef";

// The compact encoder: one output buffer, appended to depth first.
// Objects marshal as their to_data() map, whose keys are sorted: Go would keep a struct's
// field order there, which no chart output we know of depends on.
class JsonWriter {
 public:
  explicit JsonWriter(bool escape_html) : escape_html_(escape_html) {}

  void value(const Value& v) {
    switch (v.type()) {
      case Type::Nil: out_ += "null"; return;
      case Type::Bool: out_ += v.as_bool() ? "true" : "false"; return;
      case Type::Int:
      case Type::Int64: out_ += std::to_string(v.as_int()); return;
      case Type::Uint64: out_ += std::to_string(v.as_uint()); return;
      case Type::Float64: {
        double f = v.as_float();
        if (!std::isfinite(f)) {
          throw YamlError("json: unsupported value: " + detail::format_float_g(f), "", 0, 0);
        }
        out_ += detail::format_float_json(f);
        return;
      }
      case Type::String: string(v.as_string()); return;
      case Type::Bytes:
        // []byte marshals as a base64 string.
        out_ += '"';
        out_ += detail::base64_encode(v.as_string());
        out_ += '"';
        return;
      case Type::List: {
        out_ += '[';
        bool first = true;
        for (const Value& e : v.as_list()) {
          if (!first) out_ += ',';
          first = false;
          value(e);
        }
        out_ += ']';
        return;
      }
      case Type::Map: {
        // std::map orders keys bytewise, as Go sorts map[string] keys.
        out_ += '{';
        bool first = true;
        for (const auto& [k, e] : v.as_map()) {
          if (!first) out_ += ',';
          first = false;
          string(k);
          out_ += ':';
          value(e);
        }
        out_ += '}';
        return;
      }
      case Type::Object: value(v.as_object()->to_data()); return;
    }
  }

  // encodeState.string: short escapes for \\ \" \n \r \t only, \u00XX for other controls,
  // optional HTML escaping, U+2028/U+2029 always escaped, invalid bytes become U+FFFD.
  void string(std::string_view s) {
    out_ += '"';
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\' && (!escape_html_ || (c != '<' && c != '>' && c != '&'))) {
          out_ += static_cast<char>(c);
        } else if (c == '"' || c == '\\') {
          out_ += '\\';
          out_ += static_cast<char>(c);
        } else if (c == '\n') {
          out_ += "\\n";
        } else if (c == '\r') {
          out_ += "\\r";
        } else if (c == '\t') {
          out_ += "\\t";
        } else {
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
        ++i;
        continue;
      }
      size_t n;
      char32_t r = detail::decode_rune(s, i, &n);
      if (r == 0xFFFD && n == 1) {
        out_ += "\\ufffd";
      } else if (r == 0x2028 || r == 0x2029) {
        out_ += r == 0x2028 ? "\\u2028" : "\\u2029";
      } else {
        out_.append(s.substr(i, n));
      }
      i += n;
    }
    out_ += '"';
  }

  std::string& out() { return out_; }

 private:
  bool escape_html_;
  std::string out_;
};

// json.Indent applied to compact output: a newline, the prefix and one indent per depth before
// each element and closing bracket; empty arrays and objects stay "[]" and "{}".
std::string indent_json(std::string_view src, std::string_view prefix, std::string_view indent) {
  std::string out;
  out.reserve(src.size() * 2);
  int depth = 0;
  bool need_indent = false;
  bool in_string = false;
  auto newline = [&] {
    out += '\n';
    out.append(prefix);
    for (int i = 0; i < depth; ++i) out.append(indent);
  };
  for (size_t i = 0; i < src.size(); ++i) {
    char c = src[i];
    if (in_string) {
      out += c;
      if (c == '\\') {
        out += src[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (need_indent && c != ']' && c != '}') {
      need_indent = false;
      ++depth;
      newline();
    }
    switch (c) {
      case '"':
        in_string = true;
        out += c;
        break;
      case '[':
      case '{':
        out += c;
        need_indent = true;
        break;
      case ',':
        out += c;
        newline();
        break;
      case ':':
        out += ": ";
        break;
      case ']':
      case '}':
        if (need_indent) {
          need_indent = false;  // empty container
        } else {
          --depth;
          newline();
        }
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string to_json(const Value& v, bool escape_html) {
  JsonWriter w(escape_html);
  w.value(v);
  return std::move(w.out());
}

std::string to_json_indent(const Value& v, std::string_view prefix, std::string_view indent,
                           bool escape_html) {
  return indent_json(to_json(v, escape_html), prefix, indent);
}

}  // namespace sparkc::yaml
