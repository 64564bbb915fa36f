// StreamParser: YAML text -> node trees, one document at a time, from libyaml's event API.
//
// Why libyaml: Helm's YAML goes through gopkg.in/yaml.v2, which is libyaml translated to Go
// function by function (scannerc.go, parserc.go, readerc.go). Using the C original gives the
// same tokens, the same documents and the same error problems and marks, so the messages
// Helm prints ("yaml: line 3: did not find expected key") come out byte for byte without
// any translation table. What yaml.v2 adds on top of libyaml is reproduced here: the node
// tree of decode.go (parser type), its anchor table, its error formatting (parser.fail) and
// the depth limit its scanner enforces.
//
// libyaml 0.2.5 has moved on from the 0.1 code yaml.v2 was ported from in a few corners,
// which therefore differ from Helm: in a flow collection it reads "a?b" as one plain scalar
// (yaml.v2 stops at '?') and rejects "x:" before ',', ']' or '}' ("found unexpected ':'"; yaml.v2
// reads the scalar "x:"); it rejects flow indicators in a tag ("!a,b") and the escape \' in a
// double-quoted scalar. "%YAML 1.2", which libyaml now accepts, is refused here as yaml.v2 does.
#include <yaml.h>

#include <string>
#include <unordered_map>

#include "yaml/node.h"

namespace sparkc::yaml::detail {

[[noreturn]] void fail_at(const std::string& msg, std::string_view file, const Mark& at) {
  throw YamlError(std::string(kYamlStepPrefix) + msg, std::string(file), at.line, at.col);
}

namespace {

// yaml.v2's scanner refuses more than this many nested flow collections or indentation
// levels ("exceeded max depth of 10000"); libyaml 0.2.5 has no limit. Keeping it also bounds
// the recursion of the decoder.
constexpr int kMaxDepth = 10000;

Mark to_mark(const yaml_mark_t& m) {
  return Mark{static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
}

}  // namespace

struct StreamParser::Impl {
  yaml_parser_t parser{};
  yaml_event_t event{};
  bool has_event = false;
  bool started = false;
  bool done = false;
  std::string file;
  std::deque<Node> arena;
  std::unordered_map<std::string, Node*> anchors;

  Impl(std::string_view text, std::string_view f) : file(f) {
    yaml_parser_initialize(&parser);
    // yaml.v2's newParser reads a single line break in place of empty input.
    static const char kEmpty[] = "\n";
    if (text.empty()) text = std::string_view(kEmpty, 1);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~Impl() {
    release();
    yaml_parser_delete(&parser);
  }

  void release() {
    if (has_event) yaml_event_delete(&event);
    has_event = false;
  }

  // parser.fail() in decode.go: scanner errors print the problem's 1-based line, parser errors
  // its 0-based one (yaml.v2 only adds one for the scanner), and line 0 prints no line at all.
  [[noreturn]] void fail_syntax() const {
    size_t line = 0;
    if (parser.problem_mark.line != 0) {
      line = parser.problem_mark.line;
      if (parser.error == YAML_SCANNER_ERROR) ++line;
    } else if (parser.context_mark.line != 0) {
      line = parser.context_mark.line;
    }
    std::string msg = "yaml: ";
    if (line != 0) msg += "line " + std::to_string(line) + ": ";
    msg += parser.problem ? parser.problem : "unknown problem parsing YAML content";
    fail_at(msg, file, to_mark(parser.problem_mark));
  }

  // The next event, replacing the previous one.
  yaml_event_type_t parse() {
    release();
    if (!yaml_parser_parse(&parser, &event)) fail_syntax();
    has_event = true;
    return event.type;
  }

  // A node for the current event, registered under its anchor before its children are read
  // (yaml.v2 does the same, so an alias inside its own anchored node refers to it).
  Node* add(Node::Kind kind, const yaml_char_t* anchor) {
    Node& n = arena.emplace_back();
    n.kind = kind;
    n.mark = to_mark(event.start_mark);
    if (anchor) anchors.insert_or_assign(reinterpret_cast<const char*>(anchor), &n);
    return &n;
  }

  void scalar(Node* n) {
    const auto& s = event.data.scalar;
    n->value.assign(reinterpret_cast<const char*>(s.value), s.length);
    n->implicit = s.plain_implicit != 0;
    if (s.tag) n->tag = reinterpret_cast<const char*>(s.tag);
    else n->tag = n->implicit ? "?" : "!";
  }

  // Reads the events of one document up to its DOCUMENT-END; returns its root.
  Node* document() {
    arena.clear();
    anchors.clear();
    // Open collections, each with the depth counter it raised (0 none, 1 flow, 2 block).
    std::vector<std::pair<Node*, int>> stack;
    Node* root = nullptr;
    int flow_depth = 0, block_depth = 0;
    auto attach = [&](Node* n) {
      if (stack.empty()) root = n;
      else stack.back().first->children.push_back(n);
    };
    // Depth as yaml.v2's scanner counts it: flow levels, and block collections that open a
    // new indentation (a sequence written at its key's column does not).
    auto open = [&](Node* n, bool flow) {
      const Node* parent = stack.empty() ? nullptr : stack.back().first;
      bool indented = !flow && !(n->kind == Node::Sequence && parent &&
                                 parent->kind == Node::Mapping && parent->mark.col == n->mark.col);
      int& depth = flow ? flow_depth : block_depth;
      if (flow || indented) ++depth;
      if (depth > kMaxDepth) {
        std::string where = n->mark.line > 1 ? "line " + std::to_string(n->mark.line) + ": " : "";
        fail_at("yaml: " + where + "exceeded max depth of " + std::to_string(kMaxDepth), file,
                n->mark);
      }
      attach(n);
      stack.emplace_back(n, flow ? 1 : indented ? 2 : 0);
    };
    auto close = [&] {
      if (stack.back().second == 1) --flow_depth;
      if (stack.back().second == 2) --block_depth;
      stack.pop_back();
    };
    for (;;) {
      switch (parse()) {
        case YAML_SCALAR_EVENT: {
          Node* n = add(Node::Scalar, event.data.scalar.anchor);
          scalar(n);
          attach(n);
          break;
        }
        case YAML_ALIAS_EVENT: {
          Node* n = add(Node::Alias, nullptr);
          n->value = reinterpret_cast<const char*>(event.data.alias.anchor);
          auto it = anchors.find(n->value);
          if (it == anchors.end()) {
            fail_at("yaml: unknown anchor '" + n->value + "' referenced", file, n->mark);
          }
          n->target = it->second;
          attach(n);
          break;
        }
        case YAML_SEQUENCE_START_EVENT: {
          const auto& s = event.data.sequence_start;
          Node* n = add(Node::Sequence, s.anchor);
          if (s.tag) n->tag = reinterpret_cast<const char*>(s.tag);
          open(n, s.style == YAML_FLOW_SEQUENCE_STYLE);
          break;
        }
        case YAML_MAPPING_START_EVENT: {
          const auto& m = event.data.mapping_start;
          Node* n = add(Node::Mapping, m.anchor);
          if (m.tag) n->tag = reinterpret_cast<const char*>(m.tag);
          open(n, m.style == YAML_FLOW_MAPPING_STYLE);
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (!stack.empty()) close();
          break;
        case YAML_DOCUMENT_END_EVENT:
          return root;
        default:
          // libyaml emits nothing else inside a document.
          fail_at("yaml: unknown problem parsing YAML content", file, to_mark(event.start_mark));
      }
    }
  }
};

StreamParser::StreamParser(std::string_view text, std::string_view file)
    : impl_(std::make_unique<Impl>(text, file)) {}

StreamParser::~StreamParser() = default;

bool StreamParser::next(const Node** root) {
  Impl& p = *impl_;
  if (p.done) return false;
  if (!p.started) {
    p.parse();  // STREAM-START
    p.started = true;
  }
  if (p.parse() != YAML_DOCUMENT_START_EVENT) {
    p.done = true;
    p.release();
    return false;
  }
  // libyaml 0.2.3 and later also accept "%YAML 1.2"; yaml.v2 knows only 1.1 (a parser error,
  // so the 0-based line is printed).
  if (const yaml_version_directive_t* v = p.event.data.document_start.version_directive;
      v && (v->major != 1 || v->minor != 1)) {
    size_t line = p.event.start_mark.line;
    std::string where = line != 0 ? "line " + std::to_string(line) + ": " : "";
    fail_at("yaml: " + where + "found incompatible YAML document", p.file,
            to_mark(p.event.start_mark));
  }
  *root = p.document();
  p.release();
  return true;
}

}  // namespace sparkc::yaml::detail
