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

#include <cmath>
#include <deque>
#include <sstream>

#include "sparkc/yaml.h"
#include "yaml/base64.h"
#include "yaml/go_number.h"
#include "yaml/resolve.h"
#include "yaml/utf8.h"

namespace sparkc::yaml {
namespace {

using detail::Resolved;

constexpr std::string_view kPrefix = "error converting YAML to JSON: ";
constexpr std::string_view kLongTag = "tag:yaml.org,2002:";

// A parsed node; children of a mapping alternate key, value.
struct Node {
  enum Kind { Scalar, Sequence, Mapping, Alias, Null } kind = Null;
  std::string tag;    // yaml-cpp's: "?" untagged plain, "!" untagged quoted/block, or a tag
  std::string value;  // scalar text
  Mark mark;
  std::vector<Node*> children;
  Node* target = nullptr;  // the anchored node an alias refers to
};

// Builds the node tree of one document from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::deque<Node>& arena) : arena_(arena) {}
  Node* root = nullptr;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { add(Node::Null, m, "", "", a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    Node* n = add(Node::Alias, m, "", "", 0);
    n->target = a < anchors_.size() ? anchors_[a] : nullptr;
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string& value) override {
    add(Node::Scalar, m, tag, value, a);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    stack_.push_back(add(Node::Sequence, m, tag, "", a));
  }
  void OnSequenceEnd() override { stack_.pop_back(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    stack_.push_back(add(Node::Mapping, m, tag, "", a));
  }
  void OnMapEnd() override { stack_.pop_back(); }

 private:
  Node* add(Node::Kind kind, const YAML::Mark& m, const std::string& tag, const std::string& value,
            YAML::anchor_t anchor) {
    Node& n = arena_.emplace_back();
    n.kind = kind;
    n.tag = tag;
    n.value = value;
    n.mark = Mark{m.line + 1, m.column + 1};
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
      anchors_[anchor] = &n;
    }
    if (stack_.empty()) {
      root = &n;
    } else {
      stack_.back()->children.push_back(&n);
    }
    return &n;
  }
  std::deque<Node>& arena_;
  std::vector<Node*> stack_;
  std::vector<Node*> anchors_;
};

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

class Decoder {
 public:
  Decoder(std::string_view file, std::map<std::string, Mark>* positions)
      : file_(file), positions_(positions) {}

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
          l.push_back(value(n->children[i], path + "[" + std::to_string(i) + "]"));
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
      std::string sub = path.empty() ? key : path + "." + key;
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
      fail("yaml: invalid map key", file_, k->mark);
    }
    if (t->kind == Node::Null) fail("Unsupported map key of type: %!s(<nil>)", file_, k->mark);
    Scalar s = scalar(t);
    switch (s.r.kind) {
      case Resolved::Null: fail("Unsupported map key of type: %!s(<nil>)", file_, k->mark);
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

// libyaml's wording for the yaml-cpp errors we can map; others keep yaml-cpp's text.
std::string libyaml_message(const std::string& msg) {
  if (msg == YAML::ErrorMsg::MAP_VALUE) return "mapping values are not allowed in this context";
  if (msg == YAML::ErrorMsg::END_OF_MAP) return "did not find expected key";
  if (msg == YAML::ErrorMsg::END_OF_SEQ) return "did not find expected '-' indicator";
  if (msg == YAML::ErrorMsg::END_OF_MAP_FLOW) return "did not find expected ',' or '}'";
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) return "did not find expected ',' or ']'";
  if (msg == YAML::ErrorMsg::BLOCK_ENTRY) return "block sequence entries are not allowed in this context";
  if (msg == YAML::ErrorMsg::EOF_IN_SCALAR) return "found unexpected end of stream";
  if (msg == YAML::ErrorMsg::UNKNOWN_TOKEN) return "found character that cannot start any token";
  if (msg.rfind(YAML::ErrorMsg::UNKNOWN_ANCHOR, 0) == 0) return "unknown anchor referenced";
  return msg;
}

// Parses documents with yaml-cpp until `max` documents or the end of the stream.
template <typename OnDoc>
void parse_stream(std::string_view text, std::string_view file, size_t max, OnDoc on_doc) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  for (size_t count = 0; count < max; ++count) {
    std::deque<Node> arena;
    TreeBuilder builder(arena);
    bool more;
    try {
      more = parser.HandleNextDocument(builder);
    } catch (const YAML::Exception& e) {
      int line = e.mark.line + 1;
      throw YamlError(std::string(kPrefix) + "yaml: line " + std::to_string(line) + ": " +
                          libyaml_message(e.msg),
                      std::string(file), line, e.mark.column + 1);
    }
    if (!more) return;
    on_doc(builder.root);
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
