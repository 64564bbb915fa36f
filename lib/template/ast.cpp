// Printing of parse trees as template source, exactly as Go's node String() methods do,
// and the position helpers used by error messages.
#include <algorithm>

#include "template/ast.h"
#include "template/go_strconv.h"

namespace sparkc::gotmpl {
namespace {

// A parenthesized pipeline prints with its parentheses wherever it is an operand.
void append_operand(std::string& out, const Node& n) {
  if (n.type == NodeType::Pipe) {
    out += '(';
    out += n.to_string();
    out += ')';
  } else {
    out += n.to_string();
  }
}

}  // namespace

std::string ListNode::to_string() const {
  std::string out;
  for (const NodePtr& n : nodes) out += n->to_string();
  return out;
}

std::string TextNode::to_string() const { return text; }

std::string CommentNode::to_string() const { return "{{" + text + "}}"; }

std::string PipeNode::to_string() const {
  std::string out;
  if (!decl.empty()) {
    for (std::size_t i = 0; i < decl.size(); i++) {
      if (i > 0) out += ", ";
      out += decl[i]->to_string();
    }
    // Go prints ":=" for assignments too.
    out += " := ";
  }
  for (std::size_t i = 0; i < cmds.size(); i++) {
    if (i > 0) out += " | ";
    out += cmds[i]->to_string();
  }
  return out;
}

std::string ActionNode::to_string() const { return "{{" + pipe->to_string() + "}}"; }

std::string CommandNode::to_string() const {
  std::string out;
  for (std::size_t i = 0; i < args.size(); i++) {
    if (i > 0) out += ' ';
    append_operand(out, *args[i]);
  }
  return out;
}

std::string IdentifierNode::to_string() const { return ident; }

std::string VariableNode::to_string() const {
  std::string out;
  for (std::size_t i = 0; i < ident.size(); i++) {
    if (i > 0) out += '.';
    out += ident[i];
  }
  return out;
}

std::string FieldNode::to_string() const {
  std::string out;
  for (const std::string& id : ident) {
    out += '.';
    out += id;
  }
  return out;
}

std::string ChainNode::to_string() const {
  std::string out;
  append_operand(out, *node);
  for (const std::string& f : field) {
    out += '.';
    out += f;
  }
  return out;
}

std::string BranchNode::to_string() const {
  const char* name = type == NodeType::If ? "if" : type == NodeType::Range ? "range" : "with";
  std::string out = "{{";
  out += name;
  out += ' ';
  out += pipe->to_string();
  out += "}}";
  out += list->to_string();
  if (else_list) {
    out += "{{else}}";
    out += else_list->to_string();
  }
  out += "{{end}}";
  return out;
}

std::string TemplateNode::to_string() const {
  std::string out = "{{template " + go_quote(name);
  if (pipe) {
    out += ' ';
    out += pipe->to_string();
  }
  out += "}}";
  return out;
}

std::pair<int, int> Tree::line_col(std::size_t pos) const {
  std::string_view text = source ? std::string_view(*source) : std::string_view();
  text = text.substr(0, std::min(pos, text.size()));
  int line = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  std::size_t nl = text.rfind('\n');
  // Bytes since the start of the line; Go's ErrorContext reports this count unchanged.
  int col = static_cast<int>(nl == std::string_view::npos ? text.size() : text.size() - nl - 1);
  return {line, col};
}

std::pair<std::string, std::string> Tree::error_context(const Node& n) const {
  auto [line, col] = line_col(n.pos);
  return {parse_name + ":" + std::to_string(line) + ":" + std::to_string(col), n.to_string()};
}

}  // namespace sparkc::gotmpl
