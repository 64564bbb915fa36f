// Go's unicode and unicode/utf8 packages, as far as template functions need them.
//
// Sprig's string functions (title, swapcase, camelcase, regex replacement names...) classify
// and map runes with Go's Unicode 13 tables. No Debian library reproduces those tables and
// Go's decoding rules (an invalid byte is one U+FFFD rune), so the tables are generated from
// Go itself (tools/gen/go_unicode_tables.go) and the rules are written out here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "value/utf8.h"

namespace sparkc::gotmpl {

// U+FFFD and the decoded-rune pair come from the decoder lib/yaml shares (value/utf8.h).
using utf8::DecodedRune;
using utf8::kRuneError;

// Decodes the first rune of `s`: invalid or overlong sequences and surrogates give (U+FFFD, 1).
inline DecodedRune utf8_decode(std::string_view s) { return utf8::decode(s); }
// Decodes the last rune of `s` (utf8.DecodeLastRuneInString).
DecodedRune utf8_decode_last(std::string_view s);
// Appends the UTF-8 encoding of r; invalid runes are written as U+FFFD (utf8.AppendRune).
void utf8_append(std::string& out, char32_t r);
// []rune(s): invalid bytes become U+FFFD.
std::vector<char32_t> utf8_runes(std::string_view s);
// string(runes).
std::string utf8_string(const std::vector<char32_t>& runes);
// utf8.RuneCountInString.
std::size_t utf8_count(std::string_view s);

// unicode.IsUpper, IsLower, IsTitle, IsLetter, IsDigit, IsNumber, IsPunct, IsSpace.
bool is_upper(char32_t r);
bool is_lower(char32_t r);
bool is_title(char32_t r);
bool is_letter(char32_t r);
bool is_digit(char32_t r);
bool is_number(char32_t r);
bool is_punct(char32_t r);
bool is_space(char32_t r);

// unicode.ToUpper, ToLower, ToTitle.
char32_t to_upper(char32_t r);
char32_t to_lower(char32_t r);
char32_t to_title(char32_t r);

// strings.ToUpper and strings.ToLower (invalid bytes become U+FFFD unless the input is ASCII).
std::string go_to_upper(std::string_view s);
std::string go_to_lower(std::string_view s);
// strings.Title: the first letter of each word mapped to title case.
std::string go_title(std::string_view s);
// strings.TrimSpace.
std::string_view go_trim_space(std::string_view s);
// strings.Trim(s, cutset).
std::string_view go_trim(std::string_view s, std::string_view cutset);

namespace unicode_tables {
// An inclusive range of runes.
struct RuneRange {
  char32_t lo, hi;
};
// One entry of Go's unicode.CaseRanges.
struct CaseRange {
  char32_t lo, hi;
  std::int32_t delta[3];  // upper, lower, title
};
// The delta marking a range of alternating upper/lower pairs (Go's unicode.UpperLower).
inline constexpr std::int32_t kUpperLower = 0x10FFFF + 1;
extern const RuneRange kUpper[], kLower[], kTitle[], kLetter[], kDigit[], kNumber[], kPunct[],
    kSpace[];
extern const std::size_t kUpperSize, kLowerSize, kTitleSize, kLetterSize, kDigitSize, kNumberSize,
    kPunctSize, kSpaceSize;
extern const CaseRange kCaseRanges[];
extern const std::size_t kCaseRangesSize;
}  // namespace unicode_tables

}  // namespace sparkc::gotmpl
