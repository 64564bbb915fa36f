// Go's strconv as fmt uses it: quoting strings and runes, and the printable-rune test.
// (strconv.FormatFloat is go_format_float in go_fmt.h.)
#pragma once

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

}  // namespace sparkc::gotmpl
