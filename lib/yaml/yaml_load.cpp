// load / load_all: YAML text -> Value exactly as sigs.k8s.io/yaml.Unmarshal into interface{}
// produces it. That function decodes with gopkg.in/yaml.v2 into map[interface{}]interface{},
// turns keys into strings, marshals to JSON and decodes the JSON again. We reproduce the result
// of the whole round trip directly: numbers become float64, timestamps stay the text written,
// NaN and infinities are the JSON encoder's error.
//
// yaml-cpp does the parsing (events only); yaml-cpp is YAML 1.2 and types nothing, so plain
// scalars are typed here by yaml.v2's rules (resolve.cpp). Syntax errors come from yaml-cpp and
// are reworded to libyaml's messages where we know the equivalent.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <sstream>

#include "sparkc/yaml.h"
#include "yaml/base64.h"
#include "yaml/go_number.h"
#include "yaml/load_errors.h"
#include "yaml/node.h"
#include "yaml/resolve.h"
#include "yaml/utf8.h"

namespace sparkc::yaml {
namespace {

using detail::Node;
using detail::Resolved;
using detail::TreeBuilder;
using namespace detail;

constexpr std::string_view kPrefix = detail::kYamlStepPrefix;
constexpr std::string_view kLongTag = "tag:yaml.org,2002:";


// A Go-typed scalar as yaml.v2 hands it to the JSON step.
struct Scalar {
  Resolved r;
  std::string text;  // for strings and timestamps
};

[[noreturn]] void fail(const std::string& msg, std::string_view file, const Mark& at) {
  throw YamlError(std::string(kPrefix) + msg, std::string(file), at.line, at.col);
}

// Replaces invalid UTF-8 with U+FFFD, as the JSON step does.
std::string json_clean(std::string s) {
  if (detail::valid_utf8(s)) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t n;
    char32_t r = detail::decode_rune(s, i, &n);
    if (r == 0xFFFD && n == 1) detail::append_rune(out, 0xFFFD);
    else out.append(s, i, n);
    i += n;
  }
  return out;
}

// Go's %#v of the value yaml.v2 decodes a node to, for the messages that print one.
std::string go_syntax(const Node* n, bool in_container) {
  if (n && n->kind == Node::Alias) n = n->target;
  if (!n || n->kind == Node::Null) return in_container ? "interface {}(nil)" : "<nil>";
  if (n->kind == Node::Sequence || n->kind == Node::Mapping) {
    bool seq = n->kind == Node::Sequence;
    std::string out = seq ? "[]interface {}{" : "map[interface {}]interface {}{";
    for (size_t i = 0; i < n->children.size(); ++i) {
      if (i > 0) out += seq || i % 2 == 0 ? ", " : ":";
      out += go_syntax(n->children[i], true);
    }
    return out + "}";
  }
  Resolved r = n->tag == "?" ? detail::resolve_plain(n->value) : Resolved{};
  switch (r.kind) {
    case Resolved::Null: return in_container ? "interface {}(nil)" : "<nil>";
    case Resolved::Bool: return r.b ? "true" : "false";
    case Resolved::Int: return std::to_string(r.i);
    case Resolved::Uint: return "0x" + [&] {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(r.u));
        return std::string(buf);
      }();
    case Resolved::Float: return detail::format_float_g(r.f);
    default: {
      std::string out = "\"";
      for (char c : n->value) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
      }
      return out + "\"";
    }
  }
}

// Turns a node tree into the Value sigs.k8s.io/yaml produces, following yaml.v2's decoder
// (decode.go) for an interface{} target and then the JSON step.
class Decoder {
 public:
  Decoder(std::string_view file, std::map<std::string, Mark>* positions)
      : file_(file), positions_(positions) {}

  // The value of `n`; `path` names it in the position index when one is kept.
  Value value(const Node* n, const std::string& path) {
    if (positions_) positions_->emplace(path, n->mark);
    switch (n->kind) {
      case Node::Null: return Value();
      case Node::Alias: return alias(n, path);
      case Node::Scalar: return scalar_value(n);
      case Node::Sequence: {
        List l;
        l.reserve(n->children.size());
        for (size_t i = 0; i < n->children.size(); ++i) {
          // Paths are only built when positions are recorded: they cost an allocation each.
          l.push_back(value(n->children[i],
                            positions_ ? path + "[" + std::to_string(i) + "]" : std::string()));
        }
        return Value(std::move(l));
      }
      case Node::Mapping: {
        Map m;
        mapping(n, m, path);
        return Value(std::move(m));
      }
    }
    return Value();
  }

 private:
  // An alias decodes its anchored node again (yaml.v2 does not share the result), so a node
  // holding an alias to itself must be caught.
  Value alias(const Node* n, const std::string& path) {
    if (!n->target) fail("yaml: unknown anchor referenced", file_, n->mark);
    for (const Node* a : active_) {
      if (a == n->target) fail("yaml: anchor value contains itself", file_, n->mark);
    }
    active_.push_back(n->target);
    Value v = value(n->target, path);
    active_.pop_back();
    return v;
  }

  static bool is_merge(const Node* n) {
    return n->kind == Node::Scalar && n->value == "<<" &&
           (n->tag == "?" || n->tag == std::string(kLongTag) + "merge");
  }

  // yaml.v2 applies entries in document order, so a merge overrides keys written before it and
  // is overridden by keys written after it.
  void mapping(const Node* n, Map& out, const std::string& path) {
    for (size_t i = 0; i + 1 < n->children.size(); i += 2) {
      const Node* k = n->children[i];
      const Node* v = n->children[i + 1];
      if (is_merge(k)) {
        merge(v, out, path);
        continue;
      }
      std::string key = key_string(k, v);
      std::string sub = !positions_ ? std::string() : path.empty() ? key : path + "." + key;
      out.insert_or_assign(std::move(key), value(v, sub));
    }
  }

  void merge(const Node* v, Map& out, const std::string& path) {
    auto want_map = [&] {
      fail("yaml: map merge requires map or sequence of maps as the value", file_, v->mark);
    };
    auto target = [](const Node* n) { return n->kind == Node::Alias ? n->target : n; };
    switch (v->kind) {
      case Node::Mapping: mapping(v, out, path); return;
      case Node::Alias:
        if (v->target && v->target->kind != Node::Mapping) want_map();
        if (!v->target) fail("yaml: unknown anchor referenced", file_, v->mark);
        mapping(v->target, out, path);
        return;
      case Node::Sequence:
        // Earlier maps take precedence, so apply the list backwards.
        for (size_t i = v->children.size(); i-- > 0;) {
          const Node* t = target(v->children[i]);
          if (!t || t->kind != Node::Mapping) want_map();
        }
        for (size_t i = v->children.size(); i-- > 0;) mapping(target(v->children[i]), out, path);
        return;
      default: want_map();
    }
  }

  // A key as sigs.k8s.io/yaml turns it into a JSON object key.
  std::string key_string(const Node* k, const Node* v) {
    const Node* t = k->kind == Node::Alias ? k->target : k;
    if (!t) fail("yaml: unknown anchor referenced", file_, k->mark);
    if (t->kind == Node::Sequence || t->kind == Node::Mapping) {
      fail("yaml: invalid map key: " + go_syntax(t, false), file_, k->mark);
    }
    auto null_key = [&] {
      return "Unsupported map key of type: %!s(<nil>), key: <nil>, value: " + go_syntax(v, false);
    };
    if (t->kind == Node::Null) fail(null_key(), file_, k->mark);
    Scalar s = scalar(t);
    switch (s.r.kind) {
      case Resolved::Null: fail(null_key(), file_, k->mark);
      case Resolved::Bool: return s.r.b ? "true" : "false";
      case Resolved::Int: return std::to_string(s.r.i);
      case Resolved::Uint: return std::to_string(s.r.u);
      case Resolved::Float: {
        std::string f = detail::format_float_g32(s.r.f);
        if (f == "+Inf") return ".inf";
        if (f == "-Inf") return "-.inf";
        if (f == "NaN") return ".nan";
        return f;
      }
      default: return json_clean(std::move(s.text));
    }
  }

  // scalar(): the resolved Go value of a scalar node, explicit tags included.
  Scalar scalar(const Node* n) {
    Scalar s;
    const std::string& tag = n->tag;
    if (tag == "!" || tag == std::string(kLongTag) + "str") {
      s.text = n->value;
      return s;
    }
    if (tag == std::string(kLongTag) + "binary") {
      if (!detail::base64_decode(n->value, &s.text)) fail("yaml: !!binary value contains invalid base64 data", file_, n->mark);
      return s;
    }
    bool known = tag == "?" || tag.rfind(kLongTag, 0) == 0;
    if (!known) {
      // A local tag (!foo) is not resolvable: the text stays a string.
      s.text = n->value;
      return s;
    }
    s.r = detail::resolve_plain(n->value);
    s.text = n->value;
    if (tag != "?") check_tag(n, s);
    return s;
  }

  // An explicit standard tag must agree with what the text resolves to (!!float accepts ints).
  void check_tag(const Node* n, Scalar& s) {
    std::string want = "!!" + n->tag.substr(kLongTag.size());
    std::string got(detail::short_tag(s.r.kind));
    if (want == got || want == "!!merge") return;
    if (want == "!!float" && (s.r.kind == Resolved::Int || s.r.kind == Resolved::Uint)) {
      s.r.f = s.r.kind == Resolved::Int ? static_cast<double>(s.r.i) : static_cast<double>(s.r.u);
      s.r.kind = Resolved::Float;
      return;
    }
    static const char* kResolvable[] = {"!!bool", "!!int", "!!float", "!!null", "!!timestamp"};
    bool resolvable = false;
    for (const char* t : kResolvable) resolvable = resolvable || want == t;
    if (!resolvable) {
      // !!map, !!seq or an unknown !!tag on a scalar: yaml.v2 keeps the string.
      s.r.kind = Resolved::Str;
      return;
    }
    fail("yaml: cannot decode " + got + " `" + n->value + "` as a " + want, file_, n->mark);
  }

  // A scalar after the JSON step: every number is a float64, and NaN or infinities cannot be
  // written as JSON.
  Value scalar_value(const Node* n) {
    Scalar s = scalar(n);
    switch (s.r.kind) {
      case Resolved::Null: return Value();
      case Resolved::Bool: return Value(s.r.b);
      case Resolved::Int: return Value::float64(static_cast<double>(s.r.i));
      case Resolved::Uint: return Value::float64(static_cast<double>(s.r.u));
      case Resolved::Float:
        if (!std::isfinite(s.r.f)) {
          fail("json: unsupported value: " + detail::format_float_g(s.r.f), file_, n->mark);
        }
        return Value::float64(s.r.f);
      default: return Value(json_clean(std::move(s.text)));
    }
  }

  std::string_view file_;
  std::map<std::string, Mark>* positions_;
  std::vector<const Node*> active_;
};


// Parses documents with yaml-cpp until `max` documents or the end of the stream.
template <typename OnDoc>
void parse_stream(std::string_view text, std::string_view file, size_t max, OnDoc on_doc) {
  check_leading_comma(text, file);
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  const Node* previous = nullptr;
  std::deque<Node> arenas[2];
  for (size_t count = 0;; ++count) {
    std::deque<Node>& arena = arenas[count % 2];
    arena.clear();
    TreeBuilder builder(arena);
    bool more;
    try {
      more = parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& e) {
      if (count >= max) {
        // Go never reads past the documents it was asked for, but it does see that the last
        // one runs on into this text.
        if (builder.started) check_continuation(text, file, previous, builder.start);
        return;
      }
      if (e.msg.rfind(YAML::ErrorMsg::UNKNOWN_ANCHOR, 0) == 0) {
        // libyaml stops an alias name at the first character that is not alphanumeric, '_' or
        // '-', and fails unless a blank, a break or a flow indicator follows.
        std::string name = alias_name(text, e.mark.pos);
        size_t bad = name.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
        if (name.empty() || bad != std::string::npos) {
          syntax_fail({"did not find expected alphabetic or numeric character", true}, file,
                      e.mark.line, e.mark.column);
        }
        throw YamlError(std::string(kPrefix) + "yaml: unknown anchor '" + alias_name(text, e.mark.pos) +
                            "' referenced",
                        std::string(file), e.mark.line + 1, e.mark.column + 1);
      }
      int line0 = e.mark.line;
      SyntaxError err = libyaml_error(e.msg, line_at(text, line0));
      if (e.mark.pos >= static_cast<int>(text.size())) {
        // yaml-cpp's end-of-input mark is unreliable. libyaml's scanner stops on the last line;
        // its parser sees the stream end on a new line when the text does not end with one.
        line0 = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
        if (!err.scanner && !text.empty() && text.back() != '\n') ++line0;
        // An open flow collection that ends right after '[', '{', ',' or ':' is missing a node.
        size_t last = text.find_last_not_of(" \t\r\n");
        if (!err.scanner && last != std::string_view::npos &&
            std::string_view("[{,:").find(text[last]) != std::string_view::npos) {
          err.problem = "did not find expected node content";
        }
      }
      syntax_fail(err, file, line0, e.mark.column);
    }
    if (!more) return;
    if (count > 0) check_continuation(text, file, previous, builder.start);
    if (builder.has_bad_anchor) {
      syntax_fail({"did not find expected alphabetic or numeric character", true}, file,
                  builder.bad_anchor.line, builder.bad_anchor.column);
    }
    if (count >= max) return;
    if (key_without_colon(builder.root, text)) {
      int eof = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
      if (!text.empty() && text.back() != '\n') ++eof;
      syntax_fail({"could not find expected ':'", true}, file, eof, 0);
    }
    on_doc(builder.root);
    previous = builder.root;
  }
}

}  // namespace

Value load(std::string_view text, std::string_view file) {
  Value out;
  parse_stream(text, file, 1, [&](const Node* root) {
    if (root) out = Decoder(file, nullptr).value(root, "");
  });
  return out;
}

Located load_located(std::string_view text, std::string_view file) {
  Located out;
  parse_stream(text, file, 1, [&](const Node* root) {
    if (root) out.value = Decoder(file, &out.positions).value(root, "");
  });
  return out;
}

std::vector<Value> load_all(std::string_view text, std::string_view file) {
  std::vector<Value> docs;
  parse_stream(text, file, SIZE_MAX, [&](const Node* root) {
    docs.push_back(root ? Decoder(file, nullptr).value(root, "") : Value());
  });
  return docs;
}

}  // namespace sparkc::yaml
