// Go's strconv, the one copy the engine and the functions share: quoting strings and runes
// (fmt's %q, error messages), reading Go literals back (Unquote, UnquoteChar) and parsing
// numbers (ParseUint, ParseInt, ParseFloat) with Go's syntax, errors and clamping.
// (strconv.FormatFloat is go_format_float in go_fmt.h.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sparkc::gotmpl {

// unicode.IsPrint (the same set as strconv.IsPrint): letters, marks, numbers, punctuation,
// symbols and the ASCII space, as of Go 1.19's Unicode 13 tables.
bool is_print(char32_t r);

// strconv.Quote, or strconv.QuoteToASCII when `ascii_only`: a double-quoted Go string literal;
// invalid UTF-8 bytes are written as \xHH.
std::string go_quote(std::string_view s, bool ascii_only = false);

// strconv.QuoteRune, or QuoteRuneToASCII when `ascii_only`: a single-quoted Go rune literal;
// an invalid rune (a surrogate, or past U+10FFFF) is quoted as U+FFFD.
std::string go_quote_rune(char32_t r, bool ascii_only = false);

// strconv.CanBackquote: true when s can be written as a raw `string` literal.
bool go_can_backquote(std::string_view s);

// One character decoded by go_unquote_char, and the input after it.
struct UnquotedChar {
  char32_t value = 0;
  bool multibyte = false;  // a rune to encode as UTF-8; false for a single byte (\x, \377)
  std::string_view tail;
};

// strconv.UnquoteChar: decodes one character or escape from `s` inside a literal quoted
// with `quote`. Returns false on a syntax error.
bool go_unquote_char(std::string_view s, char quote, UnquotedChar& out);

// strconv.Unquote for "..." `...` and '...'; nullopt means "invalid syntax".
std::optional<std::string> go_unquote(std::string_view s);

// Why a strconv parse function failed: its *NumError's Err.
enum class NumError { kNone, kSyntax, kRange };

// A number parsed the way strconv returns it: on a syntax error `value` is 0; on a range error
// it is Go's clamped value (the nearest int64/uint64 bound, or +-Inf for a float), which
// callers that drop Go's error (atoi, duration) must still see.
template <typename T>
struct ParsedNumber {
  T value{};
  NumError error = NumError::kNone;

  bool ok() const { return error == NumError::kNone; }
};

// strconv.ParseUint(s, base, 64): no sign; base 0 reads 0b, 0o, 0x and leading-0 octal
// prefixes and allows underscores between digits.
ParsedNumber<std::uint64_t> go_parse_uint(std::string_view s, int base);
// strconv.ParseInt(s, base, 64): ParseUint with an optional sign, clamped to int64.
ParsedNumber<std::int64_t> go_parse_int(std::string_view s, int base);
// strconv.ParseFloat(s, 64): decimal and hexadecimal forms, inf, infinity and nan; overflow
// is a range error, underflow to zero is not.
ParsedNumber<double> go_parse_float(std::string_view s);

}  // namespace sparkc::gotmpl
