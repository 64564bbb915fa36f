// Numeric constants of templates: what the parser needs to turn a number, character or
// complex token into a NumberNode (Go's Tree.newNumber).
#pragma once

#include <string>

#include "template/ast.h"
#include "template/token.h"

namespace sparkc::gotmpl {

// Go's Tree.newNumber: fills `n` (whose text is set) from a Number, CharConstant or Complex
// token. Returns Go's error message, or an empty string on success.
std::string convert_number(NumberNode& n, TokenType type);

}  // namespace sparkc::gotmpl
