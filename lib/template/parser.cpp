// The template parser: tokens -> trees, production for production as Go's
// text/template/parse parse.go, with Go's error messages word for word.
//
// Go reads tokens from a lexer through a three-token look-ahead buffer per tree. Here the
// whole token vector is available, so look-ahead and push-back are moves of one shared
// index. The one observable piece of Go's buffer is the line in error messages: it is the
// line of the last token the current tree pulled from the lexer (Go's token[0]), tracked
// as `last_line_` below.
#include "template/parser.h"

#include <unordered_map>

#include "template/lexer.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"
#include "template/number_literal.h"

namespace sparkc::gotmpl {
namespace {

// {{end}} and {{else}} exist only while parsing, to end item lists.
struct EndNode : Node {
  explicit EndNode(std::size_t p) : Node(NodeType::End, p) {}
  std::string to_string() const override { return "{{end}}"; }
};

struct ElseNode : Node {
  int line;
  ElseNode(std::size_t p, int l) : Node(NodeType::Else, p), line(l) {}
  std::string to_string() const override { return "{{else}}"; }
};

std::vector<std::string> split_dots(std::string_view s) {
  std::vector<std::string> out;
  for (;;) {
    std::size_t i = s.find('.');
    out.emplace_back(s.substr(0, i));
    if (i == std::string_view::npos) return out;
    s.remove_prefix(i + 1);
  }
}

// State shared by the trees of one parse: the tokens, the read position and the set of
// trees defined so far (Go's treeSet, kept in insertion order).
struct Shared {
  const std::vector<Token>& tokens;
  std::size_t idx = 0;      // next token to read
  std::size_t fetched = 0;  // how many tokens have been pulled from the "lexer"
  const std::string& parse_name;
  std::shared_ptr<const std::string> source;
  const std::function<bool(std::string_view)>& has_function;
  const ParseOptions& opts;
  std::vector<std::unique_ptr<Tree>> set;
  std::unordered_map<std::string, std::size_t> index;  // tree name -> position in set
  int paren_depth = 0;    // current nesting of parenthesized pipelines
  int control_depth = 0;  // current nesting of if/range/with (else-if chains included)
};

// Go (since 1.20) rejects parentheses nested deeper than this, with this message.
constexpr int kMaxParenDepth = 10000;
// Go leaves nested if/range/with to its growable stacks. The C++ stack is fixed and bad
// input must never crash, so nesting is capped far above what templates use (Helm charts
// nest a few levels); each level costs about 600 bytes of stack here.
constexpr int kMaxControlDepth = 1000;

// Counts one level of recursion for the lifetime of the guard.
class DepthGuard {
 public:
  explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int& depth_;
};

// The parsing state of one tree (the top level, a define or a block), as Go's Tree fields.
class TreeParser {
 public:
  TreeParser(Shared& sh, std::string name) : sh_(sh), tree_(std::make_unique<Tree>()) {
    tree_->name = std::move(name);
    tree_->parse_name = sh.parse_name;
    tree_->source = sh.source;
  }

  // parse: the top level, which may contain {{define}}s; runs to EOF.
  void parse() {
    tree_->root = std::make_unique<ListNode>(peek().pos);
    while (peek().type != TokenType::Eof) {
      if (peek().type == TokenType::LeftDelim) {
        std::size_t delim = sh_.idx;
        next();
        if (next_non_space().type == TokenType::Define) {
          TreeParser def(sh_, "definition");  // named once the name is read
          def.parse_definition();
          continue;
        }
        sh_.idx = delim;
      }
      NodePtr n = text_or_action();
      if (n->type == NodeType::End || n->type == NodeType::Else) {
        errorf("unexpected " + n->to_string());
      }
      tree_->root->nodes.push_back(std::move(n));
    }
    add();
  }

 private:
  // Token access. fetch() records Go's token[0]: the last token this tree pulled.
  const Token& fetch(std::size_t i) {
    // Past the end Go's closed channel yields a zero item, which prints as "".
    static const Token kZero{};
    const Token& t = i < sh_.tokens.size() ? sh_.tokens[i] : kZero;
    if (i >= sh_.fetched) {
      sh_.fetched = i + 1;
      last_line_ = t.line;
    }
    return t;
  }
  const Token& next() { return fetch(sh_.idx++); }
  const Token& peek() { return fetch(sh_.idx); }
  void backup() { sh_.idx--; }
  const Token& next_non_space() {
    for (;;) {
      const Token& t = next();
      if (t.type != TokenType::Space) return t;
    }
  }
  const Token& peek_non_space() {
    const Token& t = next_non_space();
    backup();
    return t;
  }

  [[noreturn, gnu::noinline, gnu::cold]] void errorf(const std::string& msg) {
    throw ParseError("template: " + sh_.parse_name + ":" + std::to_string(last_line_) + ": " + msg,
                     sh_.parse_name, last_line_);
  }

  const Token& expect(TokenType expected, std::string_view context) {
    const Token& t = next_non_space();
    if (t.type != expected) unexpected(t, context);
    return t;
  }

  [[noreturn, gnu::noinline, gnu::cold]] void unexpected(const Token& t, std::string_view context) {
    if (t.type == TokenType::Error) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != t.line) {
        // "unclosed action started at" rather than "unclosed action in action started at".
        extra = t.val.ends_with(" action") ? " started at " : " in action started at ";
        extra += sh_.parse_name + ":" + std::to_string(action_line_);
      }
      errorf(std::string(t.val) + extra);
    }
    errorf("unexpected " + token_to_string(t) + " in " + std::string(context));
  }

  // add installs the finished tree in the set. An existing empty tree is replaced; a
  // second non-empty definition is an error; an empty redefinition is dropped.
  void add() {
    auto it = sh_.index.find(tree_->name);
    if (it == sh_.index.end()) {
      sh_.index.emplace(tree_->name, sh_.set.size());
      sh_.set.push_back(std::move(tree_));
      return;
    }
    std::unique_ptr<Tree>& existing = sh_.set[it->second];
    if (is_empty_tree(existing->root.get())) {
      existing = std::move(tree_);
      return;
    }
    if (!is_empty_tree(tree_->root.get())) {
      errorf("template: multiple definition of template " + go_quote(tree_->name));
    }
  }

  // parseDefinition: {{define "name"}} itemList {{end}}; "define" is past.
  void parse_definition() {
    static constexpr std::string_view kContext = "define clause";
    const Token& name = next_non_space();
    if (name.type != TokenType::String && name.type != TokenType::RawString) {
      unexpected(name, kContext);
    }
    std::optional<std::string> unquoted = go_unquote(name.val);
    if (!unquoted) errorf("invalid syntax");
    tree_->name = std::move(*unquoted);
    expect(TokenType::RightDelim, kContext);
    auto [list, end] = item_list();
    tree_->root = std::move(list);
    if (end->type != NodeType::End) {
      errorf("unexpected " + end->to_string() + " in " + std::string(kContext));
    }
    add();
  }

  // itemList: textOrAction*, ended by {{end}} or {{else}}, which is returned separately.
  std::pair<std::unique_ptr<ListNode>, NodePtr> item_list() {
    auto list = std::make_unique<ListNode>(peek_non_space().pos);
    while (peek_non_space().type != TokenType::Eof) {
      NodePtr n = text_or_action();
      if (n->type == NodeType::End || n->type == NodeType::Else) return {std::move(list), std::move(n)};
      list->nodes.push_back(std::move(n));
    }
    errorf("unexpected EOF");
  }

  // textOrAction: text | comment | action
  NodePtr text_or_action() {
    const Token& t = next_non_space();
    switch (t.type) {
      case TokenType::Text: return std::make_unique<TextNode>(t.pos, std::string(t.val));
      case TokenType::LeftDelim: {
        action_line_ = t.line;
        NodePtr n = action();
        action_line_ = 0;
        return n;
      }
      case TokenType::Comment: return std::make_unique<CommentNode>(t.pos, std::string(t.val));
      default: unexpected(t, "input");
    }
  }

  // action: control | command ("|" command)*. The left delimiter is past; the first word
  // may be a keyword. Variables declared here persist until the enclosing {{end}}.
  NodePtr action() {
    const Token& t = next_non_space();
    switch (t.type) {
      case TokenType::Block: return block_control();
      case TokenType::Break: return break_control(t, "{{break}}");
      case TokenType::Continue: return break_control(t, "{{continue}}");
      case TokenType::Else: return else_control();
      case TokenType::End: return std::make_unique<EndNode>(expect(TokenType::RightDelim, "end").pos);
      case TokenType::If: return branch_control(NodeType::If);
      case TokenType::Range: return branch_control(NodeType::Range);
      case TokenType::Template: return template_control();
      case TokenType::With: return branch_control(NodeType::With);
      default: break;
    }
    backup();
    const Token& first = peek();
    std::size_t pos = first.pos;
    int line = first.line;
    return std::make_unique<ActionNode>(pos, line, pipeline("command", TokenType::RightDelim));
  }

  // {{break}} and {{continue}}: only inside a range of this tree.
  [[gnu::noinline]] NodePtr break_control(const Token& keyword, std::string_view name) {
    std::size_t pos = keyword.pos;
    int line = keyword.line;
    const Token& t = next_non_space();
    if (t.type != TokenType::RightDelim) unexpected(t, name);
    if (range_depth_ == 0) errorf(std::string(name) + " outside {{range}}");
    if (name == "{{break}}") return std::make_unique<BreakNode>(pos, line);
    return std::make_unique<ContinueNode>(pos, line);
  }

  // pipeline: declarations? command ('|' command)*
  std::unique_ptr<PipeNode> pipeline(std::string_view context, TokenType end) {
    const Token& first = peek_non_space();
    auto pipe = std::make_unique<PipeNode>(first.pos, first.line);
    declarations(*pipe, context);
    for (;;) {
      const Token& t = next_non_space();
      switch (t.type) {
        case TokenType::Bool: case TokenType::CharConstant: case TokenType::Complex:
        case TokenType::Dot: case TokenType::Field: case TokenType::Identifier:
        case TokenType::Number: case TokenType::Nil: case TokenType::RawString:
        case TokenType::String: case TokenType::Variable: case TokenType::LeftParen:
          backup();
          pipe->cmds.push_back(command());
          break;
        default:
          if (t.type == end) {
            check_pipeline(*pipe, context);
            return pipe;
          }
          unexpected(t, context);
      }
    }
  }

  // The optional `$x :=`, `$x =` or (in range) `$i, $e :=` at the start of a pipeline.
  // A variable not followed by := or = is an operand and is pushed back.
  [[gnu::noinline]] void declarations(PipeNode& pipe, std::string_view context) {
    for (;;) {
      const Token& v = peek_non_space();
      if (v.type != TokenType::Variable) return;
      std::size_t at_var = sh_.idx;
      next();
      const Token& nx = peek_non_space();
      if (nx.type == TokenType::Assign || nx.type == TokenType::Declare) {
        pipe.is_assign = nx.type == TokenType::Assign;
        next_non_space();
        pipe.decl.push_back(std::make_unique<VariableNode>(v.pos, split_dots(v.val)));
        vars_.push_back(v.val);
        return;
      }
      if (nx.type == TokenType::Char && nx.val == ",") {
        next_non_space();
        pipe.decl.push_back(std::make_unique<VariableNode>(v.pos, split_dots(v.val)));
        vars_.push_back(v.val);
        if (context == "range" && pipe.decl.size() < 2) {
          switch (peek_non_space().type) {
            case TokenType::Variable: case TokenType::RightDelim: case TokenType::RightParen:
              continue;  // the second variable of a range
            default: errorf("range can only initialize variables");
          }
        }
        errorf("too many declarations in " + std::string(context));
      }
      // Not a declaration: push back the variable (and the space after it, if any).
      sh_.idx = at_var;
      return;
    }
  }

  [[gnu::noinline]] void check_pipeline(const PipeNode& pipe, std::string_view context) {
    if (pipe.cmds.empty()) errorf("missing value for " + std::string(context));
    // Only the first command may start with a non-executable operand.
    for (std::size_t i = 1; i < pipe.cmds.size(); i++) {
      switch (pipe.cmds[i]->args[0]->type) {
        case NodeType::Bool: case NodeType::Dot: case NodeType::Nil:
        case NodeType::Number: case NodeType::String:
          errorf("non executable command in pipeline stage " + std::to_string(i + 1));
        default: break;
      }
    }
  }

  // if, range and with: {{kw pipeline}} itemList ({{else}} itemList)? {{end}}.
  // "{{else if}}" in an if and "{{else with}}" in a with (Go 1.23) open a nested branch
  // that shares the outer {{end}}.
  NodePtr branch_control(NodeType type) {
    std::string_view context = type == NodeType::If ? "if" : type == NodeType::Range ? "range" : "with";
    if (sh_.control_depth >= kMaxControlDepth) errorf("max control structure depth exceeded");
    DepthGuard guard(sh_.control_depth);
    std::size_t saved_vars = vars_.size();
    std::unique_ptr<PipeNode> pipe = pipeline(context, TokenType::RightDelim);
    if (type == NodeType::Range) range_depth_++;
    auto [list, nx] = item_list();
    if (type == NodeType::Range) range_depth_--;
    std::unique_ptr<ListNode> else_list;
    if (nx->type == NodeType::Else) {
      TokenType pending = peek().type;
      if ((type == NodeType::If && pending == TokenType::If) ||
          (type == NodeType::With && pending == TokenType::With)) {
        next();
        else_list = std::make_unique<ListNode>(nx->pos);
        else_list->nodes.push_back(branch_control(type));
      } else {
        NodePtr end;
        std::tie(else_list, end) = item_list();
        if (end->type != NodeType::End) errorf("expected end; found " + end->to_string());
      }
    }
    vars_.resize(saved_vars);
    std::unique_ptr<BranchNode> node;
    if (type == NodeType::If) node = std::make_unique<IfNode>(pipe->pos, pipe->line);
    else if (type == NodeType::Range) node = std::make_unique<RangeNode>(pipe->pos, pipe->line);
    else node = std::make_unique<WithNode>(pipe->pos, pipe->line);
    node->pipe = std::move(pipe);
    node->list = std::move(list);
    node->else_list = std::move(else_list);
    return node;
  }

  // {{else}}, or the "else" of "{{else if ...}}"/"{{else with ...}}", leaving the keyword.
  [[gnu::noinline]] NodePtr else_control() {
    const Token& pk = peek_non_space();
    if (pk.type == TokenType::If || pk.type == TokenType::With) {
      return std::make_unique<ElseNode>(pk.pos, pk.line);
    }
    const Token& t = expect(TokenType::RightDelim, "else");
    return std::make_unique<ElseNode>(t.pos, t.line);
  }

  // {{block "name" pipeline}} itemList {{end}}: defines "name" and executes it in place.
  [[gnu::noinline]] NodePtr block_control() {
    static constexpr std::string_view kContext = "block clause";
    const Token& t = next_non_space();
    std::size_t pos = t.pos;
    int line = t.line;
    std::string name = template_name(t, kContext);
    std::unique_ptr<PipeNode> pipe = pipeline(kContext, TokenType::RightDelim);
    TreeParser block(sh_, name);
    auto [list, end] = block.item_list();
    block.tree_->root = std::move(list);
    if (end->type != NodeType::End) {
      errorf("unexpected " + end->to_string() + " in " + std::string(kContext));
    }
    block.add();
    auto node = std::make_unique<TemplateNode>(pos, line, std::move(name));
    node->pipe = std::move(pipe);
    return node;
  }

  // {{template "name" pipeline?}}
  [[gnu::noinline]] NodePtr template_control() {
    static constexpr std::string_view kContext = "template clause";
    const Token& t = next_non_space();
    std::size_t pos = t.pos;
    int line = t.line;
    auto node = std::make_unique<TemplateNode>(pos, line, template_name(t, kContext));
    if (next_non_space().type != TokenType::RightDelim) {
      backup();
      node->pipe = pipeline(kContext, TokenType::RightDelim);
    }
    return node;
  }

  [[gnu::noinline]] std::string template_name(const Token& t, std::string_view context) {
    if (t.type != TokenType::String && t.type != TokenType::RawString) unexpected(t, context);
    std::optional<std::string> s = go_unquote(t.val);
    if (!s) errorf("invalid syntax");
    return std::move(*s);
  }

  // command: operand (space operand)*, up to a pipe (consumed) or a right delimiter or
  // right paren (left for the caller).
  std::unique_ptr<CommandNode> command() {
    auto cmd = std::make_unique<CommandNode>(peek_non_space().pos);
    for (;;) {
      peek_non_space();  // skip leading spaces
      if (NodePtr operand = parse_operand()) cmd->args.push_back(std::move(operand));
      const Token& t = next();
      if (t.type == TokenType::Space) continue;
      if (t.type == TokenType::RightDelim || t.type == TokenType::RightParen) {
        backup();
      } else if (t.type != TokenType::Pipe) {
        unexpected(t, "operand");
      }
      break;
    }
    if (cmd->args.empty()) errorf("empty command");
    return cmd;
  }

  // operand: term .Field*. Fields after a field or variable extend it; after anything
  // else executable they make a chain; after a constant they are an error.
  NodePtr parse_operand() {
    NodePtr node = term();
    if (!node || peek().type != TokenType::Field) return node;
    return extend_with_fields(std::move(node));
  }

  [[gnu::noinline]] NodePtr extend_with_fields(NodePtr node) {
    std::size_t chain_pos = peek().pos;
    std::vector<std::string> fields;
    while (peek().type == TokenType::Field) fields.emplace_back(next().val.substr(1));
    switch (node->type) {
      case NodeType::Field: {
        auto& f = static_cast<FieldNode&>(*node);
        std::vector<std::string> ident = std::move(f.ident);
        ident.insert(ident.end(), std::make_move_iterator(fields.begin()), std::make_move_iterator(fields.end()));
        return std::make_unique<FieldNode>(chain_pos, std::move(ident));
      }
      case NodeType::Variable: {
        auto& v = static_cast<VariableNode&>(*node);
        std::vector<std::string> ident = std::move(v.ident);
        ident.insert(ident.end(), std::make_move_iterator(fields.begin()), std::make_move_iterator(fields.end()));
        return std::make_unique<VariableNode>(chain_pos, std::move(ident));
      }
      case NodeType::Bool: case NodeType::String: case NodeType::Number:
      case NodeType::Nil: case NodeType::Dot:
        errorf("unexpected . after term " + go_quote(node->to_string()));
      default: {
        auto chain = std::make_unique<ChainNode>(chain_pos, std::move(node));
        chain->field = std::move(fields);
        return chain;
      }
    }
  }

  // term: literal | function | . | .Field | $var | '(' pipeline ')'; null if none follows.
  NodePtr term() {
    const Token& t = next_non_space();
    switch (t.type) {
      case TokenType::Identifier:
        if (!sh_.opts.skip_func_check && !(sh_.has_function && sh_.has_function(t.val))) {
          undefined_function(t.val);
        }
        return std::make_unique<IdentifierNode>(t.pos, std::string(t.val));
      case TokenType::Dot: return std::make_unique<DotNode>(t.pos);
      case TokenType::Nil: return std::make_unique<NilNode>(t.pos);
      case TokenType::Variable: return use_var(t);
      case TokenType::Field: return std::make_unique<FieldNode>(t.pos, split_dots(t.val.substr(1)));
      case TokenType::Bool: return std::make_unique<BoolNode>(t.pos, t.val == "true");
      case TokenType::CharConstant: case TokenType::Complex: case TokenType::Number:
        return number(t);
      case TokenType::LeftParen: {
        if (sh_.paren_depth >= kMaxParenDepth) errorf("max expression depth exceeded");
        DepthGuard guard(sh_.paren_depth);
        return pipeline("parenthesized pipeline", TokenType::RightParen);
      }
      case TokenType::String: case TokenType::RawString: return string_constant(t);
      default: backup(); return nullptr;
    }
  }

  [[gnu::noinline]] NodePtr number(const Token& t) {
    auto n = std::make_unique<NumberNode>(t.pos, std::string(t.val));
    if (std::string err = convert_number(*n, t.type); !err.empty()) errorf(err);
    return n;
  }

  [[gnu::noinline]] NodePtr string_constant(const Token& t) {
    std::optional<std::string> s = go_unquote(t.val);
    if (!s) errorf("invalid syntax");
    return std::make_unique<StringNode>(t.pos, std::string(t.val), std::move(*s));
  }

  [[noreturn, gnu::noinline, gnu::cold]] void undefined_function(std::string_view name) {
    errorf("function " + go_quote(name) + " not defined");
  }

  // A variable reference must name a variable declared in scope (or "$").
  [[gnu::noinline]] NodePtr use_var(const Token& t) {
    auto v = std::make_unique<VariableNode>(t.pos, split_dots(t.val));
    for (std::string_view name : vars_) {
      if (name == v->ident[0]) return v;
    }
    errorf("undefined variable " + go_quote(v->ident[0]));
  }

  Shared& sh_;
  std::unique_ptr<Tree> tree_;
  std::vector<std::string_view> vars_{"$"};  // variables in scope
  int range_depth_ = 0;
  int action_line_ = 0;  // line of the left delimiter of the action being parsed
  int last_line_ = 0;    // line of Go's token[0]
};

}  // namespace

std::vector<std::unique_ptr<Tree>> parse_template(
    const std::string& name, std::shared_ptr<const std::string> text,
    const std::function<bool(std::string_view)>& has_function, const ParseOptions& opts) {
  static const std::string kEmpty;
  const std::string& src = text ? *text : kEmpty;
  Lexer lexer(src, LexOptions{opts.left_delim, opts.right_delim, opts.keep_comments});
  Shared sh{lexer.tokens(), 0, 0, name, text, has_function, opts, {}, {}};
  TreeParser top(sh, name);
  top.parse();
  // The tree named like the template (the top level, or a define that won over an empty
  // top level) comes first; the others keep their source order.
  std::vector<std::unique_ptr<Tree>> out = std::move(sh.set);
  auto it = sh.index.find(name);
  if (it != sh.index.end() && it->second != 0) {
    std::unique_ptr<Tree> first = std::move(out[it->second]);
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(it->second));
    out.insert(out.begin(), std::move(first));
  }
  return out;
}

bool is_empty_tree(const Node* n) {
  if (n == nullptr) return true;
  switch (n->type) {
    case NodeType::Comment: return true;
    case NodeType::List:
      for (const NodePtr& child : static_cast<const ListNode*>(n)->nodes) {
        if (!is_empty_tree(child.get())) return false;
      }
      return true;
    case NodeType::Text: {
      // bytes.TrimSpace: Unicode white space counts, invalid UTF-8 does not.
      std::string_view s = static_cast<const TextNode*>(n)->text;
      while (!s.empty()) {
        DecodedRune d = utf8_decode(s);
        bool invalid = d.rune == kRuneError && d.size == 1;
        if (invalid || !is_space(d.rune)) return false;
        s.remove_prefix(d.size);
      }
      return true;
    }
    default: return false;  // actions, branches and template calls are content
  }
}

}  // namespace sparkc::gotmpl
