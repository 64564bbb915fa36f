// Tokens of the template lexer, one for each of Go's text/template/parse item types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sparkc::gotmpl {

// The kind of a token. The order follows Go's itemType: every keyword comes after
// `Keyword`, which the printing of tokens relies on.
enum class TokenType : std::uint8_t {
  Error,         // the lexer failed; the value is the message
  Bool,          // true or false
  Char,          // a printable ASCII character not otherwise meaningful, such as ','
  CharConstant,  // 'x'
  Comment,       // /* ... */, only when comments are kept
  Complex,       // 1+2i
  Assign,        // =
  Declare,       // :=
  Eof,
  Field,       // .Name
  Identifier,  // a function name
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,  // `...`, quotes included
  RightDelim,
  RightParen,
  Space,   // a run of spaces, tabs and newlines inside an action
  String,  // "...", quotes included
  Text,    // plain text outside actions
  Variable,  // $ or $name
  Keyword,   // marks the start of the keywords; never produced
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
};

// One token: a view into the source (or, for Error, into the lexer's message), the byte
// offset where it starts and the 1-based line it starts on, as Go's lexer counts it.
struct Token {
  TokenType type = TokenType::Error;
  std::size_t pos = 0;
  int line = 0;
  std::string_view val;
};

// The token as Go's item.String() prints it in parse errors: EOF, the error text,
// <keyword>, "short" or "first10ch"... (quoted as Go's %q does).
std::string token_to_string(const Token& t);

// A stable name for a token type, for tests and debugging ("Field", "LeftDelim", ...).
std::string_view token_type_name(TokenType t);

}  // namespace sparkc::gotmpl
