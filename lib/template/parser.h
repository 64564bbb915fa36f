// The parser: template source -> Trees, as Go's text/template/parse does.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "template/ast.h"

namespace sparkc::gotmpl {

// A parse error. what() is Go's message, e.g. `template: NAME:3: unexpected "}" in operand`;
// name/line are kept structured so callers never parse the message.
class ParseError : public std::runtime_error {
 public:
  ParseError(std::string msg, std::string name, int line)
      : std::runtime_error(std::move(msg)), name(std::move(name)), line(line) {}
  std::string name;
  int line;
};

struct ParseOptions {
  std::string left_delim = "{{";
  std::string right_delim = "}}";
  bool keep_comments = false;  // Go's parse.ParseComments mode
  // Go's SkipFuncCheck mode: accept unknown function names at parse time.
  bool skip_func_check = false;
};

// Parses `text`, named `name`. Returns the top-level tree first, then one tree per
// {{define}} or {{block}} in source order. `has_function` answers whether a function name
// exists (Go's parser needs only that, never the functions). Throws ParseError.
std::vector<std::unique_ptr<Tree>> parse_template(
    const std::string& name, std::shared_ptr<const std::string> text,
    const std::function<bool(std::string_view)>& has_function, const ParseOptions& opts = {});

// True when a tree has no content but white space (Go's parse.IsEmptyTree): such a
// define does not replace an existing template of the same name.
bool is_empty_tree(const Node* n);

}  // namespace sparkc::gotmpl
