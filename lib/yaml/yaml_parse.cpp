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
// libyaml 0.2.5 has moved on from the 0.1 code yaml.v2 was ported from in a few corners.
// Where libyaml now stops and yaml.v2 reads on, the text is rewritten and parsed again
// (libyaml_compat.h). Where libyaml now reads on and yaml.v2 stops, the error is raised here:
// '?' inside a plain scalar in a flow collection, and "%YAML 1.2". Still different: a tag
// followed by ',' in a flow collection ("[!a,b]"; yaml.v2 reads the tag "!a,b"), and "x:"
// before a flow indicator in a plain scalar that started on an earlier line.

#include <yaml.h>

#include <string>
#include <unordered_map>

#include "yaml/libyaml_compat.h"
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

// Rewrites for libyaml's stricter corners (libyaml_compat.h) restart the parse; a text full
// of them would be read once per rewrite, so give up after this many.
constexpr int kMaxRewrites = 1000;

// Thrown when the text was rewritten and must be parsed again from the start.
struct Restart {};

}  // namespace

// A collection being read: its node, which depth counter it raised (0 none, 1 flow, 2
// block), and libyaml's mark of its start.
struct Open {
  Node* node;
  int depth_kind;
  yaml_mark_t start;
};

struct StreamParser::Impl {
  yaml_parser_t parser{};
  yaml_event_t event{};
  bool has_event = false;
  bool started = false;
  bool done = false;
  std::string_view text;
  std::string owned;         // the text once rewritten
  std::vector<Edit> edits;   // the rewrites made, to report marks in the original text
  size_t delivered = 0;      // documents returned so far
  std::string file;
  std::deque<Node> arena;
  std::unordered_map<std::string, Node*> anchors;

  Impl(std::string_view input, std::string_view f) : text(input), file(f) {
    // yaml.v2's newParser reads a single line break in place of empty input.
    static const char kEmpty[] = "\n";
    if (text.empty()) text = std::string_view(kEmpty, 1);
    start();
  }

  void start() {
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    started = false;
  }

  // Parses the rewritten text again up to the document being read.
  void restart() {
    release();
    yaml_parser_delete(&parser);
    start();
    parse();  // STREAM-START
    started = true;
    for (size_t skipped = 0; skipped < delivered;) {
      if (parse() == YAML_DOCUMENT_END_EVENT) ++skipped;
    }
  }

  // A libyaml mark as a position in the text as written.
  Mark to_mark(const yaml_mark_t& m) const {
    size_t column = m.column;
    for (const Edit& e : edits) {
      if (e.line == m.line && e.column < m.column) column -= e.delta;
    }
    return Mark{static_cast<int>(m.line) + 1, static_cast<int>(column) + 1};
  }

  // Rewrites the text when libyaml stopped where yaml.v2 reads on; true if it did.
  bool rewrite() {
    // Marks count characters; byte offsets are recovered for UTF-8 input only.
    if (edits.size() >= kMaxRewrites || text.substr(0, 2) == "\xFF\xFE" ||
        text.substr(0, 2) == "\xFE\xFF" || !parser.problem) {
      return false;
    }
    ScanError e;
    e.problem = parser.problem;
    e.context = parser.context ? parser.context : "";
    e.at = byte_offset(parser.problem_mark);
    e.context_at = byte_offset(parser.context_mark);
    e.line = parser.problem_mark.line;
    e.column = parser.problem_mark.column;
    e.context_line = parser.context_mark.line;
    e.context_column = parser.context_mark.column;
    std::string copy(text);
    Edit edit;
    if (!rewrite_for_yaml_v2(copy, e, &edit)) return false;
    owned = std::move(copy);
    text = owned;
    edits.push_back(edit);
    return true;
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
  [[noreturn]] void fail_syntax() {
    if (parser.error == YAML_SCANNER_ERROR && rewrite()) throw Restart{};
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

  // Byte offset of a libyaml mark, whose index counts characters (UTF-8 input assumed).
  // Rewrites happen between parses, so `text` is the one the mark refers to.
  size_t byte_offset(const yaml_mark_t& m) const {
    size_t chars = 0, i = 0;
    for (; i < text.size() && chars < m.index; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
    }
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    return i;
  }

  // yaml.v2's scanner ends a plain scalar in a flow collection at '?' and reads a key
  // indicator there, which the flow collection then refuses; libyaml 0.2.5 reads on. Called
  // on such a scalar (the current event) inside the open collections `stack`.
  [[noreturn]] void question_in_flow(const std::vector<Open>& stack) const {
    size_t start = byte_offset(event.start_mark);
    size_t q = text.find('?', start);
    if (q == std::string_view::npos) q = start;
    size_t line = event.start_mark.line;
    for (size_t i = start; i < q; ++i) line += text[i] == '\n';
    // The innermost flow collection; a single-pair mapping written without braces inside a
    // flow sequence ("[a: b]") is still the sequence for yaml.v2.
    size_t top = stack.size() - 1;
    const Node* flow = stack[top].node;
    if (flow->kind == Node::Mapping && top > 0 && stack[top - 1].node->kind == Node::Sequence &&
        stack[top - 1].depth_kind == 1 && text[byte_offset(stack[top].start)] != '{') {
      flow = stack[top - 1].node;
    }
    // A parser error: the 0-based line of the '?', else that of the collection's start.
    size_t where = line != 0 ? line : static_cast<size_t>(flow->mark.line - 1);
    std::string msg = "yaml: ";
    if (where != 0) msg += "line " + std::to_string(where) + ": ";
    msg += flow->kind == Node::Sequence ? "did not find expected ',' or ']'"
                                        : "did not find expected ',' or '}'";
    fail_at(msg, file, Mark{static_cast<int>(line) + 1, 1});
  }

  // Reads the events of one document up to its DOCUMENT-END; returns its root.
  Node* document() {
    arena.clear();
    anchors.clear();
    std::vector<Open> stack;
    Node* root = nullptr;
    int flow_depth = 0, block_depth = 0;
    auto attach = [&](Node* n) {
      if (stack.empty()) root = n;
      else stack.back().node->children.push_back(n);
    };
    // Depth as yaml.v2's scanner counts it: flow levels, and block collections that open a
    // new indentation (a sequence written at its key's column does not).
    auto open = [&](Node* n, bool flow) {
      const Node* parent = stack.empty() ? nullptr : stack.back().node;
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
      stack.push_back(Open{n, flow ? 1 : indented ? 2 : 0, event.start_mark});
    };
    auto close = [&] {
      if (stack.back().depth_kind == 1) --flow_depth;
      if (stack.back().depth_kind == 2) --block_depth;
      stack.pop_back();
    };
    for (;;) {
      switch (parse()) {
        case YAML_SCALAR_EVENT: {
          Node* n = add(Node::Scalar, event.data.scalar.anchor);
          scalar(n);
          if (flow_depth > 0 && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
              n->value.find('?') != std::string::npos) {
            question_in_flow(stack);
          }
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
  // The next document (see StreamParser::next).
  bool next(const Node** root) {
    if (done) return false;
    if (!started) {
      parse();  // STREAM-START
      started = true;
    }
    if (parse() != YAML_DOCUMENT_START_EVENT) {
      done = true;
      release();
      return false;
    }
    // libyaml 0.2.3 and later also accept "%YAML 1.2"; yaml.v2 knows only 1.1 (a parser
    // error, so the 0-based line is printed).
    if (const yaml_version_directive_t* v = event.data.document_start.version_directive;
        v && (v->major != 1 || v->minor != 1)) {
      size_t line = event.start_mark.line;
      std::string where = line != 0 ? "line " + std::to_string(line) + ": " : "";
      fail_at("yaml: " + where + "found incompatible YAML document", file,
              to_mark(event.start_mark));
    }
    *root = document();
    release();
    return true;
  }
};

StreamParser::StreamParser(std::string_view text, std::string_view file)
    : impl_(std::make_unique<Impl>(text, file)) {}

StreamParser::~StreamParser() = default;

bool StreamParser::next(const Node** root) {
  for (;;) {
    try {
      if (!impl_->next(root)) return false;
      ++impl_->delivered;
      return true;
    } catch (const Restart&) {
      impl_->restart();
    }
  }
}

}  // namespace sparkc::yaml::detail
