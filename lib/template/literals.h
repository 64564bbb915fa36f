// Go's literal syntax as the template parser needs it: UTF-8 decoding, the Unicode
// classes of the lexer, strconv's Quote/Unquote/UnquoteChar and number parsing with base 0.
// Each function behaves like the Go function it names, including where Go is lenient.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "template/ast.h"
#include "template/token.h"

namespace sparkc::gotmpl {

// U+FFFD, what Go decodes an invalid UTF-8 byte to.
inline constexpr char32_t kRuneError = 0xFFFD;

// utf8.DecodeRuneInString: the rune at the start of `s` and its width in bytes.
// An empty input gives width 0; an invalid sequence gives (kRuneError, 1).
struct DecodedRune {
  char32_t rune;
  int width;
};
DecodedRune decode_rune(std::string_view s);

// utf8.AppendRune: invalid runes (surrogates, > U+10FFFF) append U+FFFD.
void append_utf8(std::string& out, char32_t r);

// unicode.IsLetter, unicode.IsDigit, unicode.IsSpace and strconv.IsPrint (Unicode 13, Go 1.19).
bool is_unicode_letter(char32_t r);
bool is_unicode_digit(char32_t r);
bool is_unicode_space(char32_t r);
bool is_unicode_print(char32_t r);

// strconv.Quote: a double-quoted Go string literal for `s`.
std::string go_quote(std::string_view s);
// fmt's %#U: "U+0041 'A'", or "U+0001" when the rune is not printable.
std::string go_format_unicode(char32_t r);

// strconv.UnquoteChar: decodes one character or escape from `s` inside a literal quoted
// with `quote`. Returns false on a syntax error.
struct UnquotedChar {
  char32_t value = 0;
  bool multibyte = false;
  std::string_view tail;
};
bool go_unquote_char(std::string_view s, char quote, UnquotedChar& out);

// strconv.Unquote for "..." `...` and '...'; nullopt means "invalid syntax".
std::optional<std::string> go_unquote(std::string_view s);

// strconv.ParseUint(s, 0, 64), ParseInt(s, 0, 64) and ParseFloat(s, 64); nullopt on any
// error, including a value out of range (underflow to zero is not an error, as in Go).
std::optional<std::uint64_t> go_parse_uint(std::string_view s);
std::optional<std::int64_t> go_parse_int(std::string_view s);
// When `out_of_range` is given it tells a range error apart from a syntax error.
std::optional<double> go_parse_float(std::string_view s, bool* out_of_range = nullptr);

// Go's Tree.newNumber: fills `n` (whose text is set) from a Number, CharConstant or Complex
// token. Returns Go's error message, or an empty string on success.
std::string convert_number(NumberNode& n, TokenType type);

}  // namespace sparkc::gotmpl
