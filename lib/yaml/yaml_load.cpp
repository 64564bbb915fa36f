// load / load_all: YAML text -> Value exactly as sigs.k8s.io/yaml.Unmarshal into interface{}
// produces it. That function decodes with gopkg.in/yaml.v2 into map[interface{}]interface{},
// turns keys into strings, marshals to JSON and decodes the JSON again. We reproduce the result
// of the whole round trip directly: numbers become float64, timestamps stay the text written,
// NaN and infinities are the JSON encoder's error.
//
// libyaml does the parsing (yaml_parse.cpp builds yaml.v2's node tree from its events, with
// its syntax errors); plain scalars are typed here by yaml.v2's rules (resolve.cpp).
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <optional>

#include "sparkc/yaml.h"
#include "yaml/base64.h"
#include "yaml/go_number.h"
#include "yaml/node.h"
#include "yaml/resolve.h"
#include "yaml/utf8.h"

namespace sparkc::yaml {
namespace {

using detail::Node;
using detail::Resolved;

constexpr std::string_view kLongTag = "tag:yaml.org,2002:";

// A Go-typed scalar as yaml.v2 hands it to the JSON step.
struct Scalar {
  Resolved r;
  std::string text;  // for strings and timestamps
};

[[noreturn]] void fail(const std::string& msg, std::string_view file, const Mark& at) {
  detail::fail_at(msg, file, at);
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

// True when every key of mapping `n` decodes to a Go string (a "<<" merge key does not).
bool string_keys(const Node* n) {
  for (size_t i = 0; i < n->children.size(); i += 2) {
    const Node* k = n->children[i];
    if (k->kind == Node::Alias) k = k->target;
    if (k->kind != Node::Scalar || k->value == "<<") return false;
    if (k->tag == "?" && detail::resolve_plain(k->value).kind != Resolved::Str) return false;
  }
  return true;
}

// Go's %#v of the value yaml.v2 decodes a node to, for the messages that print one.
std::string go_syntax(const Node* n, bool in_container) {
  if (n && n->kind == Node::Alias) n = n->target;
  if (!n) return in_container ? "interface {}(nil)" : "<nil>";
  if (n->kind == Node::Mapping && string_keys(n)) {
    // fmt prints a map sorted by key; with only string keys that is plain string order (the
    // last of duplicate keys wins, as in the decoded map).
    std::map<std::string, std::string> entries;
    for (size_t i = 0; i + 1 < n->children.size(); i += 2) {
      entries.insert_or_assign(go_syntax(n->children[i], true),
                               go_syntax(n->children[i + 1], true));
    }
    std::string out = "map[interface {}]interface {}{";
    for (const auto& [k, v] : entries) {
      if (out.back() != '{') out += ", ";
      out += k + ":" + v;
    }
    return out + "}";
  }
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

  // The whole document. sigs.k8s.io/yaml fails in three steps: yaml.v2's decoding (thrown
  // as met), then turning keys into strings (a null key), then json.Marshal (NaN and
  // infinities), so errors of the later steps wait until the first step has finished.
  Value decode(const Node* root) {
    Value v = value(root, "");
    if (key_error_) fail(key_error_->first, file_, key_error_->second);
    if (!json_errors_.empty()) {
      // json.Marshal writes map keys sorted, so it meets the first bad number in that order.
      std::string text = detail::format_float_g(first_non_finite(v).value_or(0));
      Mark at = json_errors_.front().second;
      for (const auto& [t, m] : json_errors_) {
        if (t == text) {
          at = m;
          break;
        }
      }
      fail("json: unsupported value: " + text, file_, at);
    }
    if (too_deep_) {
      // The JSON decoder meets the first container nested too deep in the order json.Marshal
      // wrote it (map keys sorted).
      char bracket = first_too_deep(v, 1).value_or('[');
      throw YamlError(std::string("error unmarshaling JSON: while decoding JSON: invalid character '") +
                          bracket + "' exceeded max depth",
                      std::string(file_), root->mark.line, root->mark.col);
    }
    return v;
  }

  // The value of `n`; `path` names it in the position index when one is kept.
  Value value(const Node* n, const std::string& path) {
    count(n);
    if (positions_) positions_->emplace(path, n->mark);
    switch (n->kind) {
      case Node::Alias: return alias(n, path);
      case Node::Scalar: return scalar_value(n);
      case Node::Sequence: {
        if (depth_ >= kMaxJsonDepth) return too_deep(Value(List{}));
        Nest nest(depth_);
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
        if (depth_ >= kMaxJsonDepth) return too_deep(Value(Map{}));
        Nest nest(depth_);
        Map m;
        mapping(n, m, path);
        return Value(std::move(m));
      }
    }
    return Value();
  }

 private:
  // yaml.v2's decoder counts every node it decodes and every one reached through an alias,
  // and stops a document whose aliases expand it too much (a "billion laughs").
  void count(const Node* n) {
    ++decoded_;
    if (alias_depth_ > 0) ++aliased_;
    if (aliased_ > 100 && decoded_ > 1000 &&
        static_cast<double>(aliased_) / static_cast<double>(decoded_) > allowed_alias_ratio()) {
      fail("yaml: document contains excessive aliasing", file_, n->mark);
    }
  }

  // 99% of small documents may come from aliases, 10% of documents past 4 million nodes,
  // scaled linearly in between (decode.go, allowedAliasRatio).
  double allowed_alias_ratio() const {
    constexpr double kLow = 400000, kHigh = 4000000;
    if (decoded_ <= kLow) return 0.99;
    if (decoded_ >= kHigh) return 0.10;
    return 0.99 - 0.89 * ((static_cast<double>(decoded_) - kLow) / (kHigh - kLow));
  }

  // An alias decodes its anchored node again (yaml.v2 does not share the result), so an alias
  // met again while its own expansion is under way refers to itself.
  Value alias(const Node* n, const std::string& path) {
    for (const Node* a : active_) {
      if (a == n) fail("yaml: anchor '" + n->value + "' value contains itself", file_, n->mark);
    }
    active_.push_back(n);
    ++alias_depth_;
    Value v = value(n->target, path);
    --alias_depth_;
    active_.pop_back();
    return v;
  }

  // A map merge ("<<") is an untagged plain or "!"-tagged "<<", or one tagged !!merge.
  static bool is_merge(const Node* n) {
    return n->kind == Node::Scalar && n->value == "<<" &&
           (n->implicit || n->tag == std::string(kLongTag) + "merge");
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
      count(k);
      if (k->kind == Node::Alias) {
        ++alias_depth_;
        count(k->target);
        --alias_depth_;
      }
      std::string key = key_string(k, v);
      std::string sub = !positions_ ? std::string() : path.empty() ? key : path + "." + key;
      out.insert_or_assign(std::move(key), value(v, sub));
    }
  }

  // The value of a merge key: a map, an alias of one, or a list of those. Merged maps are
  // decoded into `out` as if their entries were written in place.
  void merge(const Node* v, Map& out, const std::string& path) {
    auto want_map = [&] {
      fail("yaml: map merge requires map or sequence of maps as the value", file_, v->mark);
    };
    switch (v->kind) {
      case Node::Mapping: merge_map(v, out, path); return;
      case Node::Alias:
        if (v->target->kind != Node::Mapping) want_map();
        merge_map(v, out, path);
        return;
      case Node::Sequence:
        // Earlier maps take precedence, so yaml.v2 applies the list backwards, checking each
        // item just before it is applied.
        for (size_t i = v->children.size(); i-- > 0;) {
          const Node* item = v->children[i];
          const Node* t = item->kind == Node::Alias ? item->target : item;
          if (t->kind != Node::Mapping) want_map();
          merge_map(item, out, path);
        }
        return;
      default: want_map();
    }
  }

  // Decodes mapping `n`, or the mapping alias `n` refers to, into `out`.
  void merge_map(const Node* n, Map& out, const std::string& path) {
    count(n);
    if (n->kind != Node::Alias) {
      mapping(n, out, path);
      return;
    }
    for (const Node* a : active_) {
      if (a == n) fail("yaml: anchor '" + n->value + "' value contains itself", file_, n->mark);
    }
    active_.push_back(n);
    ++alias_depth_;
    count(n->target);
    mapping(n->target, out, path);
    --alias_depth_;
    active_.pop_back();
  }

  // A key as sigs.k8s.io/yaml turns it into a JSON object key.
  std::string key_string(const Node* k, const Node* v) {
    const Node* t = k->kind == Node::Alias ? k->target : k;
    if (t->kind == Node::Sequence || t->kind == Node::Mapping) {
      fail("yaml: invalid map key: " + go_syntax(t, false), file_, k->mark);
    }
    Scalar s = scalar(t);
    switch (s.r.kind) {
      case Resolved::Null:
        if (!key_error_) {
          key_error_.emplace(
              "Unsupported map key of type: %!s(<nil>), key: <nil>, value: " + go_syntax(v, false),
              k->mark);
        }
        return std::string();
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
        // Kept in the value so that decode() can find the one json.Marshal reports.
        if (!std::isfinite(s.r.f)) json_errors_.emplace_back(detail::format_float_g(s.r.f), n->mark);
        return Value::float64(s.r.f);
      default: return Value(json_clean(std::move(s.text)));
    }
  }

  // encoding/json refuses to decode containers nested more than 10000 deep, the last step of
  // sigs.k8s.io/yaml. Aliases can nest a document arbitrarily deep, so the decoder does not
  // descend further (a YAML error deeper down goes unreported) and leaves an empty container.
  static constexpr int kMaxJsonDepth = 10000;
  struct Nest {
    explicit Nest(int& d) : depth(d) { ++depth; }
    ~Nest() { --depth; }
    int& depth;
  };
  Value too_deep(Value empty) {
    too_deep_ = true;
    return empty;
  }

  // The bracket of the first container below kMaxJsonDepth levels, in json.Marshal's order.
  static std::optional<char> first_too_deep(const Value& v, int depth) {
    if (!v.is_list() && !v.is_map()) return std::nullopt;
    if (depth > kMaxJsonDepth) return v.is_list() ? '[' : '{';
    if (v.is_list()) {
      for (const Value& e : v.as_list()) {
        if (auto c = first_too_deep(e, depth + 1)) return c;
      }
    } else {
      for (const auto& [k, e] : v.as_map()) {
        if (auto c = first_too_deep(e, depth + 1)) return c;
      }
    }
    return std::nullopt;
  }

  // The first NaN or infinity in json.Marshal's order (map keys sorted), if any.
  static std::optional<double> first_non_finite(const Value& v) {
    if (v.is_float() && !std::isfinite(v.as_float())) return v.as_float();
    if (v.is_list()) {
      for (const Value& e : v.as_list()) {
        if (auto d = first_non_finite(e)) return d;
      }
    }
    if (v.is_map()) {
      for (const auto& [k, e] : v.as_map()) {
        if (auto d = first_non_finite(e)) return d;
      }
    }
    return std::nullopt;
  }

  std::string_view file_;
  std::map<std::string, Mark>* positions_;
  std::optional<std::pair<std::string, Mark>> key_error_;    // the first null key
  std::vector<std::pair<std::string, Mark>> json_errors_;  // NaN and infinities as written
  std::vector<const Node*> active_;  // the aliases being expanded
  long long decoded_ = 1;            // nodes decoded so far, the document node included
  long long aliased_ = 0;            // of those, nodes reached through an alias
  int alias_depth_ = 0;
  int depth_ = 0;          // containers being decoded
  bool too_deep_ = false;  // a container was left empty at kMaxJsonDepth
};


// Parses documents until `max` of them or the end of the stream. yaml.v2 reads no further
// than the end of the documents it decodes, so later text is never looked at.
template <typename OnDoc>
void parse_stream(std::string_view text, std::string_view file, size_t max, OnDoc on_doc) {
  detail::StreamParser parser(text, file);
  const Node* root = nullptr;
  for (size_t count = 0; count < max && parser.next(&root); ++count) on_doc(root);
}

}  // namespace

Value load(std::string_view text, std::string_view file) {
  Value out;
  parse_stream(text, file, 1, [&](const Node* root) {
    if (root) out = Decoder(file, nullptr).decode(root);
  });
  return out;
}

Located load_located(std::string_view text, std::string_view file) {
  Located out;
  parse_stream(text, file, 1, [&](const Node* root) {
    if (root) out.value = Decoder(file, &out.positions).decode(root);
  });
  return out;
}

std::vector<Value> load_all(std::string_view text, std::string_view file) {
  std::vector<Value> docs;
  parse_stream(text, file, SIZE_MAX, [&](const Node* root) {
    docs.push_back(root ? Decoder(file, nullptr).decode(root) : Value());
  });
  return docs;
}

}  // namespace sparkc::yaml
