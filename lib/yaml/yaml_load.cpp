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
  bool flow = false;       // a flow collection ([...] or {...})
  int pos = 0;             // byte offset of the node's first character
};

// Builds the node tree of one document from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::deque<Node>& arena) : arena_(arena) {}
  Node* root = nullptr;

  YAML::Mark start;       // where the document's first token is
  bool started = false;   // OnDocumentStart was seen
  YAML::Mark bad_anchor;  // an anchor libyaml would refuse, if any
  bool has_bad_anchor = false;

  void OnDocumentStart(const YAML::Mark& m) override {
    start = m;
    started = true;
  }
  // libyaml accepts only letters, digits, '_' and '-' in anchor names; yaml-cpp takes more.
  void OnAnchor(const YAML::Mark& m, const std::string& name) override {
    bool ok = !name.empty();
    for (char c : name) {
      ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '_' || c == '-');
    }
    if (!ok && !has_bad_anchor) {
      has_bad_anchor = true;
      bad_anchor = m;
    }
  }
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
                  YAML::EmitterStyle::value style) override {
    stack_.push_back(add(Node::Mapping, m, tag, "", a));
    stack_.back()->flow = style == YAML::EmitterStyle::Flow;
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
    n.pos = m.pos;
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

// A syntax error as yaml.v2 words it. libyaml's scanner errors print the 1-based line of the
// problem; its parser errors print the 0-based one (a yaml.v2 quirk); neither prints a line
// for a problem on the first line.
struct SyntaxError {
  std::string problem;
  bool scanner = true;
};

SyntaxError libyaml_error(const std::string& msg, std::string_view line_text) {
  // A tab in the indentation is a scanner error in libyaml; yaml-cpp reports what follows.
  size_t lead = line_text.find_first_not_of(" \t");
  if (line_text.substr(0, lead).find('\t') != std::string_view::npos) {
    return {"found character that cannot start any token", true};
  }
  if (msg == YAML::ErrorMsg::MAP_VALUE) return {"mapping values are not allowed in this context", true};
  if (msg == YAML::ErrorMsg::END_OF_MAP) return {"did not find expected key", false};
  if (msg == YAML::ErrorMsg::END_OF_SEQ) return {"did not find expected '-' indicator", false};
  if (msg == YAML::ErrorMsg::END_OF_MAP_FLOW) return {"did not find expected ',' or '}'", false};
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) return {"did not find expected ',' or ']'", false};
  if (msg == YAML::ErrorMsg::FLOW_END) return {"did not find expected key", false};
  if (msg == YAML::ErrorMsg::BLOCK_ENTRY) {
    return {"block sequence entries are not allowed in this context", true};
  }
  if (msg == YAML::ErrorMsg::EOF_IN_SCALAR) return {"found unexpected end of stream", true};
  if (msg == YAML::ErrorMsg::CHAR_IN_BLOCK) return {"did not find expected comment or line break", true};
  if (msg == YAML::ErrorMsg::UNKNOWN_TOKEN) return {"found character that cannot start any token", true};
  if (msg == YAML::ErrorMsg::ALIAS_NOT_FOUND || msg == YAML::ErrorMsg::ANCHOR_NOT_FOUND) {
    return {"did not find expected alphabetic or numeric character", true};
  }
  return {msg, true};
}

std::string_view line_at(std::string_view text, int line0) {
  size_t start = 0;
  for (int l = 0; l < line0; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

[[noreturn]] void syntax_fail(const SyntaxError& e, std::string_view file, int line0, int col0) {
  std::string where;
  if (line0 > 0) where = "line " + std::to_string(e.scanner ? line0 + 1 : line0) + ": ";
  throw YamlError(std::string(kPrefix) + "yaml: " + where + e.problem, std::string(file), line0 + 1,
                  col0 + 1);
}

// The name of the alias written at `pos` ("*name").
std::string alias_name(std::string_view text, int pos) {
  size_t i = pos >= 0 ? static_cast<size_t>(pos) : 0;
  if (i < text.size() && text[i] == '*') ++i;
  size_t j = i;
  while (j < text.size() && std::string_view(" \t\r\n,[]{}").find(text[j]) == std::string_view::npos) ++j;
  return std::string(text.substr(i, j - i));
}

// True when a document starting at `pos` was opened explicitly ("---" or a directive), or the
// one before it was closed with "...". libyaml rejects anything else after a block document;
// yaml-cpp silently starts a new document.
bool explicit_start(std::string_view text, int pos) {
  size_t p = pos >= 0 ? static_cast<size_t>(pos) : 0;
  if (text.substr(p, 3) == "---" || text.substr(p, 1) == "%") return true;
  // Walk back over blank and comment lines to the previous content line.
  size_t end = text.rfind('\n', p == 0 ? 0 : p - 1);
  while (end != std::string_view::npos && end > 0) {
    size_t start = text.rfind('\n', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view line = text.substr(start, end - start);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return line.substr(0, 3) == "...";
    if (start == 0) break;
    end = start - 1;
  }
  return false;
}

// yaml-cpp reads a lone plain scalar in a block mapping ("a: 1\nb") as a key with a null
// value; libyaml's scanner wants the ':' and fails at the end of the stream. Returns the
// offending key, or nullptr.
const Node* key_without_colon(const Node* n, std::string_view text) {
  if (!n || (n->kind != Node::Mapping && n->kind != Node::Sequence)) return nullptr;
  for (size_t i = 0; i < n->children.size(); ++i) {
    const Node* c = n->children[i];
    if (n->kind == Node::Mapping && !n->flow && i % 2 == 0 && i + 1 < n->children.size() &&
        n->children[i + 1]->kind == Node::Null && c->kind == Node::Scalar && c->tag == "?" &&
        c->value.find('\n') == std::string::npos &&
        text.substr(static_cast<size_t>(c->pos), c->value.size()) == c->value) {
      size_t j = static_cast<size_t>(c->pos) + c->value.size();
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      if (j >= text.size() || text[j] != ':') return c;
    }
    if (const Node* bad = key_without_colon(c, text)) return bad;
  }
  return nullptr;
}

// A block collection ends where a line starts left of it; text at its own column that cannot
// continue it is an error in libyaml, while yaml-cpp starts a new document there.
void check_continuation(std::string_view text, std::string_view file, const Node* previous,
                        const YAML::Mark& start) {
  if (!previous || start.column < previous->mark.col - 1 || explicit_start(text, start.pos)) return;
  if (previous->kind == Node::Sequence) {
    syntax_fail({"did not find expected '-' indicator", false}, file, start.line, start.column);
  }
  if (previous->kind == Node::Mapping) {
    size_t p = static_cast<size_t>(start.pos);
    bool scalar_line = p < text.size() && text.find(':', p) > text.find('\n', p);
    if (scalar_line) {
      // A plain scalar where a key belongs: libyaml's scanner waits for its ':' to the end.
      int eof = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
      if (!text.empty() && text.back() != '\n') ++eof;
      syntax_fail({"could not find expected ':'", true}, file, eof, 0);
    }
    syntax_fail({"did not find expected key", false}, file, start.line, start.column);
  }
}

// libyaml refuses a document that starts with ',' (a flow entry outside a flow collection);
// yaml-cpp skips it.
void check_leading_comma(std::string_view text, std::string_view file) {
  size_t i = 0;
  int line = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i < text.size() && text[i] == ',') {
    syntax_fail({"did not find expected node content", false}, file, line, 0);
  }
}

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
