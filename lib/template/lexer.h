// The template lexer: source text -> tokens, state for state as Go's text/template/parse
// lex.go. Tokens view the source; the whole input is lexed up front into one vector,
// which is equivalent to Go's lazy lexer because the lexer never depends on the parser.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "template/token.h"

namespace sparkc::gotmpl {

// Delimiters and modes of one lexing run.
struct LexOptions {
  std::string_view left_delim = "{{";   // empty means "{{"
  std::string_view right_delim = "}}";  // empty means "}}"
  bool emit_comments = false;           // produce Comment tokens (Go's ParseComments mode)
};

// Lexes one template source. The token list ends with exactly one Eof or Error token.
// The lexer must outlive its tokens: an Error token's value views the lexer's message.
class Lexer {
 public:
  Lexer(std::string_view input, const LexOptions& opts = {});
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  // All tokens of the input, in order.
  const std::vector<Token>& tokens() const { return tokens_; }

 private:
  enum class State {
    Text, LeftDelim, Comment, RightDelim, InsideAction, Space, Identifier,
    Field, Variable, FieldOrVariableRest, Char, Number, Quote, RawQuote, Done,
  };

  void run();
  State lex_text();
  State lex_left_delim();
  State lex_comment();
  State lex_right_delim();
  State lex_inside_action();
  State lex_space();
  State lex_identifier();
  State lex_variable();
  State lex_field_or_variable(TokenType type);
  State lex_char();
  State lex_number();
  State lex_quote();
  State lex_raw_quote();

  // Rune-level cursor, as Go's next/peek/backup; eof is returned as -1.
  static constexpr char32_t kEof = static_cast<char32_t>(-1);
  char32_t next();
  char32_t peek();
  void backup();
  bool accept(std::string_view valid);
  void accept_run(std::string_view valid);
  bool scan_number();
  bool at_terminator();
  bool at_right_delim(bool& trim_spaces) const;

  void emit(TokenType t);
  void ignore();
  State errorf(std::string msg);

  std::string_view input_;
  std::string_view left_delim_;
  std::string_view right_delim_;
  bool emit_comments_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  std::size_t last_width_ = 0;  // width of the rune last returned by next(), for backup()
  char32_t last_rune_ = kEof;
  int paren_depth_ = 0;
  int line_ = 1;
  int start_line_ = 1;
  std::string error_;
  std::vector<Token> tokens_;
};

}  // namespace sparkc::gotmpl
