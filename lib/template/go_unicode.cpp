// Go's UTF-8 decoding rules and Unicode classes; the tables live in go_unicode_tables.cpp.
#include "template/go_unicode.h"

#include <algorithm>

namespace sparkc::gotmpl {

namespace {

using unicode_tables::CaseRange;
using unicode_tables::RuneRange;

bool in_ranges(const RuneRange* table, std::size_t size, char32_t r) {
  const RuneRange* end = table + size;
  // The first range whose upper bound is >= r is the only one that can hold r.
  const RuneRange* it =
      std::lower_bound(table, end, r, [](const RuneRange& rr, char32_t x) { return rr.hi < x; });
  return it != end && it->lo <= r;
}

// unicode.To: maps r with the delta of its case range; kind 0 upper, 1 lower, 2 title.
char32_t to_case(int kind, char32_t r) {
  using unicode_tables::kCaseRanges;
  const CaseRange* end = kCaseRanges + unicode_tables::kCaseRangesSize;
  const CaseRange* it = std::lower_bound(kCaseRanges, end, r,
                                         [](const CaseRange& c, char32_t x) { return c.hi < x; });
  if (it == end || it->lo > r) return r;
  std::int32_t delta = it->delta[kind];
  if (delta == unicode_tables::kUpperLower) {
    // Pairs alternate upper, lower from lo: the even member is upper case; title maps to upper.
    char32_t base = it->lo + ((r - it->lo) & ~char32_t{1});
    return base + (kind == 1 ? 1 : 0);
  }
  return static_cast<char32_t>(static_cast<std::int32_t>(r) + delta);
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

DecodedRune utf8_decode_last(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  std::size_t end = s.size();
  std::size_t start = end - 1;
  if (static_cast<unsigned char>(s[start]) < 0x80) return {static_cast<unsigned char>(s[start]), 1};
  // Walk back at most three bytes to the byte that can start a rune.
  std::size_t lim = end >= 4 ? end - 4 : 0;
  while (start > lim && is_continuation(static_cast<unsigned char>(s[start]))) --start;
  DecodedRune d = utf8_decode(s.substr(start));
  if (start + d.size != end) return {kRuneError, 1};
  return d;
}

void utf8_append(std::string& out, char32_t r) {
  if ((r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF) r = kRuneError;
  utf8::append_raw(out, r);
}

std::vector<char32_t> utf8_runes(std::string_view s) {
  std::vector<char32_t> out;
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    out.push_back(d.rune);
    s.remove_prefix(d.size);
  }
  return out;
}

std::string utf8_string(const std::vector<char32_t>& runes) {
  std::string out;
  for (char32_t r : runes) utf8_append(out, r);
  return out;
}

std::size_t utf8_count(std::string_view s) {
  std::size_t n = 0;
  while (!s.empty()) {
    s.remove_prefix(utf8_decode(s).size);
    ++n;
  }
  return n;
}

using namespace unicode_tables;

bool is_upper(char32_t r) { return in_ranges(kUpper, kUpperSize, r); }
bool is_lower(char32_t r) { return in_ranges(kLower, kLowerSize, r); }
bool is_title(char32_t r) { return in_ranges(kTitle, kTitleSize, r); }
bool is_letter(char32_t r) { return in_ranges(kLetter, kLetterSize, r); }
bool is_digit(char32_t r) { return in_ranges(kDigit, kDigitSize, r); }
bool is_number(char32_t r) { return in_ranges(kNumber, kNumberSize, r); }
bool is_punct(char32_t r) { return in_ranges(kPunct, kPunctSize, r); }
bool is_space(char32_t r) { return in_ranges(kSpace, kSpaceSize, r); }

char32_t to_upper(char32_t r) { return to_case(0, r); }
char32_t to_lower(char32_t r) { return to_case(1, r); }
char32_t to_title(char32_t r) { return to_case(2, r); }

namespace {

// strings.Map: every rune mapped, invalid bytes written as U+FFFD.
template <typename F>
std::string map_runes(std::string_view s, F&& f) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    utf8_append(out, f(d.rune));
    s.remove_prefix(d.size);
  }
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// strings.isSeparator, which decides where Title starts a word.
bool is_title_separator(char32_t r) {
  if (r <= 0x7F) {
    bool alnum = (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    return !(alnum || r == '_');
  }
  if (is_letter(r) || is_digit(r)) return false;
  return is_space(r);
}

}  // namespace

std::string go_to_upper(std::string_view s) {
  // Go maps pure ASCII byte by byte; only otherwise does it decode, replacing bad bytes.
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
  }
  return map_runes(s, to_upper);
}

std::string go_to_lower(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  return map_runes(s, to_lower);
}

std::string go_title(std::string_view s) {
  char32_t prev = ' ';
  return map_runes(s, [&prev](char32_t r) {
    char32_t out = is_title_separator(prev) ? to_title(r) : r;
    prev = r;
    return out;
  });
}

std::string_view go_trim_space(std::string_view s) {
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    if (!is_space(d.rune)) break;
    s.remove_prefix(d.size);
  }
  while (!s.empty()) {
    DecodedRune d = utf8_decode_last(s);
    if (!is_space(d.rune)) break;
    s.remove_suffix(d.size);
  }
  return s;
}

std::string_view go_trim(std::string_view s, std::string_view cutset) {
  if (s.empty() || cutset.empty()) return s;
  auto in_cutset = [cutset](char32_t r) {
    for (std::string_view c = cutset; !c.empty();) {
      DecodedRune d = utf8_decode(c);
      if (d.rune == r) return true;
      c.remove_prefix(d.size);
    }
    return false;
  };
  // An ASCII cutset is compared byte by byte, so bad bytes in s are never trimmed by it.
  if (is_ascii(cutset)) {
    auto in_set = [cutset](char c) { return cutset.find(c) != std::string_view::npos; };
    while (!s.empty() && in_set(s.front())) s.remove_prefix(1);
    while (!s.empty() && in_set(s.back())) s.remove_suffix(1);
    return s;
  }
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    if (!in_cutset(d.rune)) break;
    s.remove_prefix(d.size);
  }
  while (!s.empty()) {
    DecodedRune d = utf8_decode_last(s);
    if (!in_cutset(d.rune)) break;
    s.remove_suffix(d.size);
  }
  return s;
}

}  // namespace sparkc::gotmpl
