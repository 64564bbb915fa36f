// The template lexer, a state machine over runes with the states of Go's lex.go.
// Line numbers follow Go exactly: next() and backup() count newlines as they pass them,
// and jumps over text (text runs, trim spaces, comments) count them when ignored or emitted.
#include "template/lexer.h"

#include <algorithm>

#include "template/go_fmt.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {
namespace {

constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";
constexpr std::string_view kSpaceChars = " \t\r\n";
constexpr std::size_t kTrimMarkerLen = 2;  // the '-' and the space next to it

// Go's lexer isSpace: only these four count between the tokens of an action.
bool is_lex_space(char32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

// fmt's %#U ("U+0041 'A'"), which Go's lexer uses to name a rune in its errors.
std::string format_rune(char32_t r) {
  Value v = Value::integer(r);
  return go_sprintf("%#U", std::span<const Value>(&v, 1));
}

bool is_alpha_numeric(char32_t r) {
  return r == '_' || is_letter(r) || is_digit(r);
}

// "{{- " trims the text before the action. The space is required so that "{{-3}}" is a number.
bool has_left_trim_marker(std::string_view s) {
  return s.size() >= 2 && s[0] == '-' && is_lex_space(static_cast<unsigned char>(s[1]));
}

bool has_right_trim_marker(std::string_view s) {
  return s.size() >= 2 && is_lex_space(static_cast<unsigned char>(s[0])) && s[1] == '-';
}

int count_newlines(std::string_view s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

std::size_t right_trim_length(std::string_view s) {
  std::size_t n = s.find_last_not_of(kSpaceChars);
  return n == std::string_view::npos ? s.size() : s.size() - n - 1;
}

std::size_t left_trim_length(std::string_view s) {
  std::size_t n = s.find_first_not_of(kSpaceChars);
  return n == std::string_view::npos ? s.size() : n;
}

bool contains_rune(std::string_view set, char32_t r) {
  return r < 0x80 && set.find(static_cast<char>(r)) != std::string_view::npos;
}

// Go's keyword table; "." is handled by the field scanner.
TokenType keyword(std::string_view word) {
  switch (word.size()) {
    case 2:
      if (word == "if") return TokenType::If;
      break;
    case 3:
      if (word == "end") return TokenType::End;
      if (word == "nil") return TokenType::Nil;
      break;
    case 4:
      if (word == "else") return TokenType::Else;
      if (word == "with") return TokenType::With;
      break;
    case 5:
      if (word == "block") return TokenType::Block;
      if (word == "break") return TokenType::Break;
      if (word == "range") return TokenType::Range;
      break;
    case 6:
      if (word == "define") return TokenType::Define;
      break;
    case 8:
      if (word == "continue") return TokenType::Continue;
      if (word == "template") return TokenType::Template;
      break;
    default: break;
  }
  return TokenType::Error;  // not a keyword
}

}  // namespace

Lexer::Lexer(std::string_view input, const LexOptions& opts)
    : input_(input),
      left_delim_(opts.left_delim.empty() ? "{{" : opts.left_delim),
      right_delim_(opts.right_delim.empty() ? "}}" : opts.right_delim),
      emit_comments_(opts.emit_comments) {
  // Templates with many actions have about one token per four bytes. Reserving more than
  // is used costs only address space, while growing the vector copies every token.
  tokens_.reserve(input.size() / 3 + 4);
  run();
}

void Lexer::run() {
  State s = State::Text;
  while (s != State::Done) {
    switch (s) {
      case State::Text: s = lex_text(); break;
      case State::LeftDelim: s = lex_left_delim(); break;
      case State::Comment: s = lex_comment(); break;
      case State::RightDelim: s = lex_right_delim(); break;
      case State::InsideAction: s = lex_inside_action(); break;
      case State::Space: s = lex_space(); break;
      case State::Identifier: s = lex_identifier(); break;
      case State::Field: s = lex_field_or_variable(TokenType::Field); break;
      case State::Variable: s = lex_variable(); break;
      case State::FieldOrVariableRest: s = lex_field_or_variable(TokenType::Variable); break;
      case State::Char: s = lex_char(); break;
      case State::Number: s = lex_number(); break;
      case State::Quote: s = lex_quote(); break;
      case State::RawQuote: s = lex_raw_quote(); break;
      case State::Done: break;
    }
  }
}

char32_t Lexer::next() {
  if (pos_ >= input_.size()) {
    last_width_ = 0;
    last_rune_ = kEof;
    return kEof;
  }
  auto b = static_cast<unsigned char>(input_[pos_]);
  DecodedRune d = b < 0x80 ? DecodedRune{b, 1} : utf8_decode(input_.substr(pos_));
  pos_ += d.size;
  last_width_ = d.size;
  last_rune_ = d.rune;
  if (d.rune == '\n') line_++;
  return d.rune;
}

char32_t Lexer::peek() {
  char32_t r = next();
  backup();
  return r;
}

void Lexer::backup() {
  pos_ -= last_width_;
  if (last_width_ != 0 && last_rune_ == '\n') line_--;
  last_width_ = 0;
}

bool Lexer::accept(std::string_view valid) {
  if (contains_rune(valid, next())) return true;
  backup();
  return false;
}

void Lexer::accept_run(std::string_view valid) {
  while (contains_rune(valid, next())) {
  }
  backup();
}

void Lexer::emit(TokenType t) {
  tokens_.push_back(Token{t, start_, start_line_, input_.substr(start_, pos_ - start_)});
  start_ = pos_;
  start_line_ = line_;
}

void Lexer::ignore() {
  line_ += count_newlines(input_.substr(start_, pos_ - start_));
  start_ = pos_;
  start_line_ = line_;
}

Lexer::State Lexer::errorf(std::string msg) {
  error_ = std::move(msg);
  tokens_.push_back(Token{TokenType::Error, start_, start_line_, error_});
  return State::Done;
}

// lexText scans until an opening delimiter, trimming the spaces before a "{{- ".
Lexer::State Lexer::lex_text() {
  std::size_t x = input_.find(left_delim_, pos_);
  if (x != std::string_view::npos) {
    std::size_t ldn = left_delim_.size();
    pos_ = x;
    std::size_t trim = 0;
    if (has_left_trim_marker(input_.substr(pos_ + ldn))) {
      trim = right_trim_length(input_.substr(start_, pos_ - start_));
    }
    pos_ -= trim;
    if (pos_ > start_) {
      line_ += count_newlines(input_.substr(start_, pos_ - start_));
      emit(TokenType::Text);
    }
    pos_ += trim;
    ignore();
    return State::LeftDelim;
  }
  pos_ = input_.size();
  if (pos_ > start_) {
    line_ += count_newlines(input_.substr(start_, pos_ - start_));
    emit(TokenType::Text);
  }
  emit(TokenType::Eof);
  return State::Done;
}

// at_right_delim reports a right delimiter at pos_, possibly preceded by " -".
bool Lexer::at_right_delim(bool& trim_spaces) const {
  trim_spaces = false;
  if (pos_ >= input_.size()) return false;
  char c = input_[pos_];
  // Cheap first-byte tests before comparing whole delimiters; this runs once per token.
  if (c != right_delim_[0] && !is_lex_space(static_cast<unsigned char>(c))) return false;
  std::string_view rest = input_.substr(pos_);
  if (has_right_trim_marker(rest) && rest.substr(kTrimMarkerLen).starts_with(right_delim_)) {
    trim_spaces = true;
    return true;
  }
  return rest.starts_with(right_delim_);
}

Lexer::State Lexer::lex_left_delim() {
  pos_ += left_delim_.size();
  bool trim = has_left_trim_marker(input_.substr(pos_));
  std::size_t after_marker = trim ? kTrimMarkerLen : 0;
  if (input_.substr(pos_ + after_marker).starts_with(kLeftComment)) {
    pos_ += after_marker;
    ignore();
    return State::Comment;
  }
  emit(TokenType::LeftDelim);
  pos_ += after_marker;
  ignore();
  paren_depth_ = 0;
  return State::InsideAction;
}

// lex_comment scans /* ... */, which must be followed directly by the right delimiter.
Lexer::State Lexer::lex_comment() {
  pos_ += kLeftComment.size();
  std::size_t i = input_.find(kRightComment, pos_);
  if (i == std::string_view::npos) return errorf("unclosed comment");
  pos_ = i + kRightComment.size();
  bool trim = false;
  if (!at_right_delim(trim)) return errorf("comment ends before closing delimiter");
  // Like Go, an emitted comment does not count its newlines: emit() does not count lines.
  if (emit_comments_) emit(TokenType::Comment);
  if (trim) pos_ += kTrimMarkerLen;
  pos_ += right_delim_.size();
  if (trim) pos_ += left_trim_length(input_.substr(pos_));
  ignore();
  return State::Text;
}

Lexer::State Lexer::lex_right_delim() {
  bool trim = has_right_trim_marker(input_.substr(pos_));
  if (trim) {
    pos_ += kTrimMarkerLen;
    ignore();
  }
  pos_ += right_delim_.size();
  emit(TokenType::RightDelim);
  if (trim) {
    pos_ += left_trim_length(input_.substr(pos_));
    ignore();
  }
  return State::Text;
}

// lex_inside_action scans one element of an action.
Lexer::State Lexer::lex_inside_action() {
  bool trim = false;
  if (at_right_delim(trim)) {
    if (paren_depth_ == 0) return State::RightDelim;
    return errorf("unclosed left paren");
  }
  char32_t r = next();
  if (r == kEof) return errorf("unclosed action");
  if (is_lex_space(r)) {
    backup();  // the space may start a " -}}"
    return State::Space;
  }
  switch (r) {
    case '=': emit(TokenType::Assign); return State::InsideAction;
    case ':':
      if (next() != '=') return errorf("expected :=");
      emit(TokenType::Declare);
      return State::InsideAction;
    case '|': emit(TokenType::Pipe); return State::InsideAction;
    case '"': return State::Quote;
    case '`': return State::RawQuote;
    case '$': return State::Variable;
    case '\'': return State::Char;
    case '.':
      // ".field" unless a digit follows, in which case '.' starts a number.
      if (pos_ < input_.size()) {
        char c = input_[pos_];
        if (c < '0' || c > '9') return State::Field;
      }
      backup();
      return State::Number;
    case '(':
      emit(TokenType::LeftParen);
      paren_depth_++;
      return State::InsideAction;
    case ')':
      emit(TokenType::RightParen);
      paren_depth_--;
      if (paren_depth_ < 0) return errorf("unexpected right paren " + format_rune(r));
      return State::InsideAction;
    default: break;
  }
  if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
    backup();
    return State::Number;
  }
  if (is_alpha_numeric(r)) {
    backup();
    return State::Identifier;
  }
  if (r < 0x80 && r >= 0x20 && r < 0x7F) {
    emit(TokenType::Char);
    return State::InsideAction;
  }
  return errorf("unrecognized character in action: " + format_rune(r));
}

// lex_space scans a run of spaces; a space followed by "-}}" belongs to the delimiter.
Lexer::State Lexer::lex_space() {
  int num_spaces = 0;
  while (is_lex_space(peek())) {
    next();
    num_spaces++;
  }
  std::string_view tail = input_.substr(pos_ - 1);
  if (has_right_trim_marker(tail) && tail.substr(kTrimMarkerLen).starts_with(right_delim_)) {
    // Step back before the last space. pos_ - 1 is ASCII, so backing up one byte is exact.
    last_width_ = 1;
    last_rune_ = static_cast<unsigned char>(input_[pos_ - 1]);
    backup();
    if (num_spaces == 1) return State::RightDelim;
  }
  emit(TokenType::Space);
  return State::InsideAction;
}

Lexer::State Lexer::lex_identifier() {
  char32_t r;
  while (is_alpha_numeric(r = next())) {
  }
  backup();
  std::string_view word = input_.substr(start_, pos_ - start_);
  if (!at_terminator()) return errorf("bad character " + format_rune(r));
  TokenType kw = keyword(word);
  if (kw != TokenType::Error) {
    emit(kw);
  } else if (word == "true" || word == "false") {
    emit(TokenType::Bool);
  } else {
    emit(TokenType::Identifier);
  }
  return State::InsideAction;
}

Lexer::State Lexer::lex_variable() {
  if (at_terminator()) {  // a lone "$"
    emit(TokenType::Variable);
    return State::InsideAction;
  }
  return State::FieldOrVariableRest;
}

// lex_field_or_variable scans the name after '.' or '$'.
Lexer::State Lexer::lex_field_or_variable(TokenType type) {
  if (at_terminator()) {  // nothing follows: "." or "$"
    emit(type == TokenType::Variable ? TokenType::Variable : TokenType::Dot);
    return State::InsideAction;
  }
  char32_t r;
  while (is_alpha_numeric(r = next())) {
  }
  backup();
  if (!at_terminator()) return errorf("bad character " + format_rune(r));
  emit(type);
  return State::InsideAction;
}

// at_terminator reports whether what follows may end an identifier, so ".X.Y" splits in two
// and "$x+2" is rejected.
bool Lexer::at_terminator() {
  if (pos_ < input_.size()) {
    // ASCII fast path: the common terminators, and letters which never terminate.
    unsigned char c = input_[pos_];
    if (c == ' ' || c == '.' || c == '|' || c == ')' || c == '\n') return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return input_.substr(pos_).starts_with(right_delim_);
  }
  char32_t r = peek();
  if (is_lex_space(r)) return true;
  switch (r) {
    case kEof: case '.': case ',': case '|': case ':': case ')': case '(': return true;
    default: break;
  }
  return input_.substr(pos_).starts_with(right_delim_);
}

// lex_char scans a character constant; the parser checks its syntax.
Lexer::State Lexer::lex_char() {
  for (;;) {
    char32_t r = next();
    if (r == '\\') {
      r = next();
      if (r != kEof && r != '\n') continue;
    }
    if (r == kEof || r == '\n') return errorf("unterminated character constant");
    if (r == '\'') break;
  }
  emit(TokenType::CharConstant);
  return State::InsideAction;
}

// lex_number scans a number loosely, like Go: "089" and "0x0.2" pass here and are
// rejected by the parser's conversion.
Lexer::State Lexer::lex_number() {
  if (!scan_number()) {
    return errorf("bad number syntax: " + go_quote(input_.substr(start_, pos_ - start_)));
  }
  char32_t sign = peek();
  if (sign == '+' || sign == '-') {
    // A complex constant such as 1+2i: no spaces, ends in 'i'.
    if (!scan_number() || input_[pos_ - 1] != 'i') {
      return errorf("bad number syntax: " + go_quote(input_.substr(start_, pos_ - start_)));
    }
    emit(TokenType::Complex);
  } else {
    emit(TokenType::Number);
  }
  return State::InsideAction;
}

bool Lexer::scan_number() {
  accept("+-");
  std::string_view digits = "0123456789_";
  if (accept("0")) {
    // A leading 0 does not make a float octal; the conversion sorts that out.
    if (accept("xX")) digits = "0123456789abcdefABCDEF_";
    else if (accept("oO")) digits = "01234567_";
    else if (accept("bB")) digits = "01_";
  }
  accept_run(digits);
  if (accept(".")) accept_run(digits);
  if (digits.size() == 11 && accept("eE")) {
    accept("+-");
    accept_run("0123456789_");
  }
  if (digits.size() == 23 && accept("pP")) {
    accept("+-");
    accept_run("0123456789_");
  }
  accept("i");  // imaginary
  if (is_alpha_numeric(peek())) {
    next();
    return false;
  }
  return true;
}

Lexer::State Lexer::lex_quote() {
  for (;;) {
    char32_t r = next();
    if (r == '\\') {
      r = next();
      if (r != kEof && r != '\n') continue;
    }
    if (r == kEof || r == '\n') return errorf("unterminated quoted string");
    if (r == '"') break;
  }
  emit(TokenType::String);
  return State::InsideAction;
}

Lexer::State Lexer::lex_raw_quote() {
  for (;;) {
    char32_t r = next();
    if (r == kEof) return errorf("unterminated raw quoted string");
    if (r == '`') break;
  }
  emit(TokenType::RawString);
  return State::InsideAction;
}

std::string_view token_type_name(TokenType t) {
  static constexpr std::string_view kNames[] = {
      "Error", "Bool", "Char", "CharConstant", "Comment", "Complex", "Assign", "Declare",
      "Eof", "Field", "Identifier", "LeftDelim", "LeftParen", "Number", "Pipe", "RawString",
      "RightDelim", "RightParen", "Space", "String", "Text", "Variable", "Keyword", "Block",
      "Break", "Continue", "Dot", "Define", "Else", "End", "If", "Nil", "Range", "Template",
      "With",
  };
  auto i = static_cast<std::size_t>(t);
  return i < std::size(kNames) ? kNames[i] : "?";
}

std::string token_to_string(const Token& t) {
  if (t.type == TokenType::Eof) return "EOF";
  if (t.type == TokenType::Error) return std::string(t.val);
  if (t.type > TokenType::Keyword) return "<" + std::string(t.val) + ">";
  if (t.val.size() > 10) {
    // Go's %.10q...: the first ten runes, quoted.
    std::string_view s = t.val;
    std::size_t cut = 0;
    for (int runes = 0; runes < 10 && cut < s.size(); runes++) {
      cut += std::max<std::size_t>(1, utf8_decode(s.substr(cut)).size);
    }
    return go_quote(s.substr(0, cut)) + "...";
  }
  return go_quote(t.val);
}

}  // namespace sparkc::gotmpl
