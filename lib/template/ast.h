// The parse tree of a Go text/template, node for node as in Go's text/template/parse/node.go.
// A parsed tree is immutable; execution state lives elsewhere (exec.cpp).
// Every node keeps the byte offset where it starts in the template source; line and column
// are computed only when an error is reported (see Tree::error_context).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sparkc::gotmpl {

enum class NodeType : std::uint8_t {
  Text, Action, Bool, Chain, Command, Dot, Field, Identifier, If, List, Nil, Number,
  Pipe, Range, String, Template, Variable, With, Comment, Break, Continue,
  // Internal markers used only while parsing.
  Else, End,
};

struct Tree;

struct Node {
  NodeType type;
  std::size_t pos = 0;  // byte offset in the template source
  explicit Node(NodeType t, std::size_t p) : type(t), pos(p) {}
  virtual ~Node() = default;
  // The node printed back as template source, as Go's Node.String() does.
  virtual std::string to_string() const = 0;
};

using NodePtr = std::unique_ptr<Node>;

// ListNode: a sequence of nodes.
struct ListNode : Node {
  std::vector<NodePtr> nodes;
  explicit ListNode(std::size_t p) : Node(NodeType::List, p) {}
  std::string to_string() const override;
};

// TextNode: plain text between actions.
struct TextNode : Node {
  std::string text;
  TextNode(std::size_t p, std::string t) : Node(NodeType::Text, p), text(std::move(t)) {}
  std::string to_string() const override;
};

// CommentNode: {{/* ... */}}, kept in the tree only when the parser is asked to.
struct CommentNode : Node {
  std::string text;
  CommentNode(std::size_t p, std::string t) : Node(NodeType::Comment, p), text(std::move(t)) {}
  std::string to_string() const override;
};

struct CommandNode;

// PipeNode: a pipeline with optional variable declarations: `$x := a | b`.
struct PipeNode : Node {
  int line = 0;         // line of the action, for error messages
  bool is_assign = false;  // `=` rather than `:=`
  std::vector<std::unique_ptr<struct VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
  PipeNode(std::size_t p, int l) : Node(NodeType::Pipe, p), line(l) {}
  std::string to_string() const override;
};

// ActionNode: a non-control action such as {{.X}} or {{$x := 1}}.
struct ActionNode : Node {
  int line = 0;
  std::unique_ptr<PipeNode> pipe;
  ActionNode(std::size_t p, int l, std::unique_ptr<PipeNode> pp)
      : Node(NodeType::Action, p), line(l), pipe(std::move(pp)) {}
  std::string to_string() const override;
};

// CommandNode: one element of a pipeline: a function or method call with arguments.
struct CommandNode : Node {
  std::vector<NodePtr> args;  // first is the function, field, variable, or an operand
  explicit CommandNode(std::size_t p) : Node(NodeType::Command, p) {}
  std::string to_string() const override;
};

// IdentifierNode: a function name.
struct IdentifierNode : Node {
  std::string ident;
  IdentifierNode(std::size_t p, std::string id) : Node(NodeType::Identifier, p), ident(std::move(id)) {}
  std::string to_string() const override;
};

// VariableNode: `$` or `$x` with an optional field chain: `$x.a.b`. ident[0] is the variable.
struct VariableNode : Node {
  std::vector<std::string> ident;
  VariableNode(std::size_t p, std::vector<std::string> id)
      : Node(NodeType::Variable, p), ident(std::move(id)) {}
  std::string to_string() const override;
};

// DotNode: `.`.
struct DotNode : Node {
  explicit DotNode(std::size_t p) : Node(NodeType::Dot, p) {}
  std::string to_string() const override { return "."; }
};

// NilNode: the untyped `nil` constant.
struct NilNode : Node {
  explicit NilNode(std::size_t p) : Node(NodeType::Nil, p) {}
  std::string to_string() const override { return "nil"; }
};

// FieldNode: `.a.b.c`; ident holds {"a","b","c"}.
struct FieldNode : Node {
  std::vector<std::string> ident;
  FieldNode(std::size_t p, std::vector<std::string> id) : Node(NodeType::Field, p), ident(std::move(id)) {}
  std::string to_string() const override;
};

// ChainNode: a field access on a non-field operand: `(pipe).a.b`.
struct ChainNode : Node {
  NodePtr node;
  std::vector<std::string> field;
  ChainNode(std::size_t p, NodePtr n) : Node(NodeType::Chain, p), node(std::move(n)) {}
  std::string to_string() const override;
};

// BoolNode: `true` or `false`.
struct BoolNode : Node {
  bool value;
  BoolNode(std::size_t p, bool v) : Node(NodeType::Bool, p), value(v) {}
  std::string to_string() const override { return value ? "true" : "false"; }
};

// NumberNode: a numeric constant, holding every interpretation that is exact, as Go does.
struct NumberNode : Node {
  bool is_int = false;      // fits in int64
  bool is_uint = false;     // fits in uint64
  bool is_float = false;    // representable as float64
  bool is_complex = false;  // a complex constant (parsed, but rejected at execution)
  std::int64_t int64 = 0;
  std::uint64_t uint64 = 0;
  double float64 = 0;
  double complex_real = 0, complex_imag = 0;
  std::string text;  // as written
  NumberNode(std::size_t p, std::string t) : Node(NodeType::Number, p), text(std::move(t)) {}
  std::string to_string() const override { return text; }
};

// StringNode: a quoted string constant; quoted is as written, text is the unquoted value.
struct StringNode : Node {
  std::string quoted;
  std::string text;
  StringNode(std::size_t p, std::string q, std::string t)
      : Node(NodeType::String, p), quoted(std::move(q)), text(std::move(t)) {}
  std::string to_string() const override { return quoted; }
};

// BranchNode: the shared shape of if, range and with.
struct BranchNode : Node {
  int line = 0;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list;       // executed when the pipeline is non-empty
  std::unique_ptr<ListNode> else_list;  // executed otherwise; may be null
  BranchNode(NodeType t, std::size_t p, int l) : Node(t, p), line(l) {}
  std::string to_string() const override;
};

struct IfNode : BranchNode {
  IfNode(std::size_t p, int l) : BranchNode(NodeType::If, p, l) {}
};
struct RangeNode : BranchNode {
  RangeNode(std::size_t p, int l) : BranchNode(NodeType::Range, p, l) {}
};
struct WithNode : BranchNode {
  WithNode(std::size_t p, int l) : BranchNode(NodeType::With, p, l) {}
};

// BreakNode and ContinueNode: {{break}} and {{continue}} inside a range.
struct BreakNode : Node {
  int line = 0;
  BreakNode(std::size_t p, int l) : Node(NodeType::Break, p), line(l) {}
  std::string to_string() const override { return "{{break}}"; }
};
struct ContinueNode : Node {
  int line = 0;
  ContinueNode(std::size_t p, int l) : Node(NodeType::Continue, p), line(l) {}
  std::string to_string() const override { return "{{continue}}"; }
};

// TemplateNode: {{template "name" pipeline}}.
struct TemplateNode : Node {
  int line = 0;
  std::string name;
  std::unique_ptr<PipeNode> pipe;  // may be null
  TemplateNode(std::size_t p, int l, std::string n)
      : Node(NodeType::Template, p), line(l), name(std::move(n)) {}
  std::string to_string() const override;
};

// Tree: one parsed template (a file body or a {{define}}) with the source it came from.
// Trees from one source text share that text through `source`.
struct Tree {
  std::string name;        // template name ("define" name or file name)
  std::string parse_name;  // name of the top-level template that was parsed, for errors
  std::shared_ptr<const std::string> source;
  std::unique_ptr<ListNode> root;

  // Line (1-based) and column of a byte offset in `source`. The column is the number of
  // bytes between the line start and the offset (so 0-based), which is what Go's
  // ErrorContext prints in "NAME:LINE:COL".
  std::pair<int, int> line_col(std::size_t pos) const;
  // Go's ErrorContext: "NAME:LINE:COL" for a node (NAME is parse_name), and the node's
  // text. Go 1.19 does not shorten that text.
  std::pair<std::string, std::string> error_context(const Node& n) const;
};

}  // namespace sparkc::gotmpl
