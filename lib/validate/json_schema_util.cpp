// URI resolution, JSON equality and the ECMA-262 to RE2 pattern translation.
#include <cmath>
#include <cstdio>

#include "sparkc/yaml.h"
#include "validate/json_schema_detail.h"

namespace sparkc::validate::detail {
namespace {

// The five parts of a URI reference (RFC 3986 appendix B); `has_*` tell empty from absent.
struct UriParts {
  std::string scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

// Splits a URI reference into its parts without validating them: schemas in the wild use
// URNs, file URIs and relative paths, and a lenient split resolves all of them.
UriParts parse_uri(std::string_view s) {
  UriParts u;
  if (auto hash = s.find('#'); hash != std::string_view::npos) {
    u.has_fragment = true;
    u.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (auto q = s.find('?'); q != std::string_view::npos) {
    u.has_query = true;
    u.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  // A scheme is letters, digits, + - . before the first ':' that comes before any '/'.
  auto colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && s.substr(0, colon).find('/') == std::string_view::npos) {
    bool ok = std::isalpha(static_cast<unsigned char>(s[0]));
    for (char c : s.substr(0, colon)) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.');
    if (ok) {
      u.has_scheme = true;
      u.scheme = s.substr(0, colon);
      s = s.substr(colon + 1);
    }
  }
  if (s.starts_with("//")) {
    u.has_authority = true;
    s = s.substr(2);
    auto slash = s.find('/');
    u.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  u.path = s;
  return u;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) in.erase(0, 3);
    else if (in.starts_with("./")) in.erase(0, 2);
    else if (in.starts_with("/./")) in.erase(0, 2);
    else if (in == "/.") in = "/";
    else if (in.starts_with("/../") || in == "/..") {
      in = in == "/.." ? "/" : in.substr(3);
      auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") in.clear();
    else {
      auto next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

std::string join_uri(const UriParts& u) {
  std::string s;
  if (u.has_scheme) s += u.scheme + ":";
  if (u.has_authority) s += "//" + u.authority;
  s += u.path;
  if (u.has_query) s += "?" + u.query;
  if (u.has_fragment) s += "#" + u.fragment;
  return s;
}

}  // namespace

// The algorithm of RFC 3986 section 5.2.2, step by step: a reference with a scheme replaces the
// base, one with an authority keeps only the scheme, an empty path keeps the base path and query,
// a relative path merges with the base's directory.
std::string resolve_uri(std::string_view base_text, std::string_view ref_text) {
  UriParts r = parse_uri(ref_text), b = parse_uri(base_text), t;
  if (r.has_scheme) {
    t = r;
    t.path = remove_dot_segments(r.path);
  } else {
    if (r.has_authority) {
      t = r;
      t.path = remove_dot_segments(r.path);
    } else {
      if (r.path.empty()) {
        t.path = b.path;
        t.has_query = r.has_query || b.has_query;
        t.query = r.has_query ? r.query : b.query;
      } else {
        if (r.path[0] == '/') {
          t.path = remove_dot_segments(r.path);
        } else {
          // Merge: the base path up to its last '/', then the reference.
          std::string merged;
          if (b.has_authority && b.path.empty()) merged = "/" + r.path;
          else {
            auto slash = b.path.rfind('/');
            merged = (slash == std::string::npos ? "" : b.path.substr(0, slash + 1)) + r.path;
          }
          t.path = remove_dot_segments(merged);
        }
        t.has_query = r.has_query;
        t.query = r.query;
      }
      t.has_authority = b.has_authority;
      t.authority = b.authority;
    }
    t.has_scheme = b.has_scheme;
    t.scheme = b.scheme;
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  return join_uri(t);
}

std::pair<std::string, std::string> split_fragment(std::string_view uri) {
  auto hash = uri.find('#');
  if (hash == std::string_view::npos) return {std::string(uri), ""};
  return {std::string(uri.substr(0, hash)), std::string(uri.substr(hash + 1))};
}

std::string pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

double number_of(const Value& v) {
  if (v.is_float()) return v.as_float();
  if (v.type() == Type::Uint64) return static_cast<double>(v.as_uint());
  return static_cast<double>(v.as_int());
}

bool is_integral(const Value& v) {
  if (v.is_integer()) return true;
  if (!v.is_float()) return false;
  double d = v.as_float();
  return std::isfinite(d) && std::floor(d) == d;
}

std::string json_type(const Value& v) {
  switch (v.type()) {
    case Type::Nil: return "null";
    case Type::Bool: return "boolean";
    case Type::String:
    case Type::Bytes: return "string";
    case Type::List: return "array";
    case Type::Map: return "object";
    case Type::Object: return "object";
    default: return is_integral(v) ? "integer" : "number";
  }
}

// Value's own deep_equal compares Go types (int vs float64); JSON Schema compares JSON values.
bool json_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    // Both integers: compare exactly so large int64 values stay distinct.
    if (a.is_integer() && b.is_integer()) return a.as_int() == b.as_int();
    return number_of(a) == number_of(b);
  }
  if (json_type(a) != json_type(b)) return false;
  switch (a.type()) {
    case Type::Nil: return true;
    case Type::Bool: return a.as_bool() == b.as_bool();
    case Type::String:
    case Type::Bytes: return a.as_string() == b.as_string();
    case Type::List: {
      const auto &x = a.as_list(), &y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!json_equal(x[i], y[i])) return false;
      return true;
    }
    case Type::Map: {
      const auto &x = a.as_map(), &y = b.as_map();
      if (x.size() != y.size()) return false;
      for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy)
        if (ix->first != iy->first || !json_equal(ix->second, iy->second)) return false;
      return true;
    }
    default: return deep_equal(a, b);
  }
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // count every byte but continuations
  return n;
}

std::string json_text(const Value& v) {
  try {
    return sparkc::yaml::to_json(v, false);
  } catch (const std::exception&) {
    return "<" + json_type(v) + ">";  // NaN or infinity: not representable in JSON
  }
}

// ECMA-262 and RE2 agree on most syntax. The differences handled here:
//   - \d, \w, \b are ASCII in both; \s and \S are Unicode-aware in ECMA-262 and ASCII in RE2, so
//     they are expanded to the ECMA set (\S inside a character class stays ASCII: a difference);
//   - \uXXXX and \u{X...} become \x{...}; \cX becomes the control character;
//   - `.` in ECMA-262 also refuses \r, \u2028 and \u2029, RE2's only \n (kept: a difference);
//   - a letter escape ECMA-262 does not define is the letter itself (\Z, \a);
//   - look-ahead, look-behind and back-references have no RE2 form: rejected.
std::string translate_ecma_regex(std::string_view p) {
  static constexpr std::string_view kSpace = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{FEFF}\\p{Zs}\\x{2028}\\x{2029}";
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char e = p[++i];
      if (e == 's') {
        out += in_class ? std::string(kSpace) : "[" + std::string(kSpace) + "]";
      } else if (e == 'S' && !in_class) {
        out += "[^" + std::string(kSpace) + "]";
      } else if (e == 'u' && i + 1 < p.size() && p[i + 1] == '{') {
        auto close = p.find('}', i);
        if (close == std::string_view::npos) throw JsonSchemaError("bad \\u escape in pattern");
        out += "\\x" + std::string(p.substr(i + 1, close - i));
        i = close;
      } else if (e == 'u' && i + 4 < p.size()) {
        out += "\\x{" + std::string(p.substr(i + 1, 4)) + "}";
        i += 4;
      } else if (e == 'c' && i + 1 < p.size() && std::isalpha(static_cast<unsigned char>(p[i + 1]))) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "\\x{%02X}", p[++i] % 32);
        out += buf;
      } else if (e >= '1' && e <= '9' && !in_class) {
        throw JsonSchemaError("pattern back-references are not supported");
      } else if (e == '/') {
        out += '/';
      } else if (std::isalpha(static_cast<unsigned char>(e)) &&
                 std::string_view("dDwWsSbBfnrtvxpPk").find(e) == std::string_view::npos) {
        out += e;  // an identity escape in ECMA-262 (\Z is "Z"), often an error or a class in RE2
      } else {
        out += '\\';
        out += e;
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A leading ']' or '^]' is literal in RE2 but closes an empty class in ECMA-262.
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') {
        ++i;
        out.back() == '^' ? (out.pop_back(), out.pop_back(), out += "(?s:.)") : (out.pop_back(), out += "[^\\x{0}-\\x{10FFFF}]");
        in_class = false;
      }
      continue;
    }
    if (c == '(' && i + 2 < p.size() && p[i + 1] == '?' &&
        (p[i + 2] == '=' || p[i + 2] == '!' || (p[i + 2] == '<' && i + 3 < p.size() && (p[i + 3] == '=' || p[i + 3] == '!'))))
      throw JsonSchemaError("pattern look-around is not supported");
    out += c;
  }
  return out;
}

}  // namespace sparkc::validate::detail
