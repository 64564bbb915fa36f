#include "yaml/scalar_analysis.h"

#include "yaml/utf8.h"

namespace sparkc::yaml::detail {

size_t utf8_width(unsigned char b) {
  if ((b & 0x80) == 0) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

// One pass over the text collects the facts libyaml bases the style on: indicator
// characters (at the start, or ": " and " #" inside), leading and trailing spaces or
// breaks, spaces next to breaks, and unprintable characters.
Analysis analyze_scalar(std::string_view value) {
  Analysis a;
  if (value.empty()) {
    a.flow_plain = false;
    a.block = false;
    return a;
  }
  Text t{value};
  bool block_ind = false, flow_ind = false, line_breaks = false, special = false;
  bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false;
  bool break_space = false, space_break = false, prev_space = false, prev_break = false;
  if (value.size() >= 3 && (value.substr(0, 3) == "---" || value.substr(0, 3) == "...")) {
    block_ind = flow_ind = true;
  }
  bool preceded_by_ws = true;
  for (size_t i = 0, w; i < value.size(); i += w) {
    w = utf8_width(t.at(i));
    bool followed_by_ws = i + w >= value.size() || t.blank(i + w) || t.brk(i + w);
    char c = value[i];
    if (i == 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
          flow_ind = block_ind = true;
          break;
        case '?': case ':':
          flow_ind = true;
          if (followed_by_ws) block_ind = true;
          break;
        case '-':
          if (followed_by_ws) flow_ind = block_ind = true;
          break;
        default: break;
      }
    } else {
      switch (c) {
        case ',': case '?': case '[': case ']': case '{': case '}': flow_ind = true; break;
        case ':':
          flow_ind = true;
          if (followed_by_ws) block_ind = true;
          break;
        case '#':
          if (preceded_by_ws) flow_ind = block_ind = true;
          break;
        default: break;
      }
    }
    if (!t.printable(i)) special = true;
    if (t.space(i)) {
      if (i == 0) leading_space = true;
      if (i + w == value.size()) trailing_space = true;
      if (prev_break) break_space = true;
      prev_space = true;
      prev_break = false;
    } else if (t.brk(i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == value.size()) trailing_break = true;
      if (prev_space) space_break = true;
      prev_space = false;
      prev_break = true;
    } else {
      prev_space = prev_break = false;
    }
    preceded_by_ws = t.blankz(i);
  }
  a.multiline = line_breaks;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    a.flow_plain = a.block_plain = false;
  }
  if (trailing_space) a.block = false;
  if (break_space) a.flow_plain = a.block_plain = a.single_quoted = false;
  if (space_break || special) a.flow_plain = a.block_plain = a.single_quoted = a.block = false;
  if (line_breaks) a.flow_plain = a.block_plain = false;
  if (flow_ind) a.flow_plain = false;
  if (block_ind) a.block_plain = false;
  return a;
}

namespace {

// Go's unicode.IsLetter, approximated outside ASCII: most non-ASCII runes in use as map keys
// are letters; the common punctuation and symbol blocks are not.
bool is_letter(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  if (r < 0xC0) return r == 0xAA || r == 0xB5 || r == 0xBA;
  if (r == 0xD7 || r == 0xF7) return false;
  if (r >= 0x2000 && r <= 0x2BFF) return false;
  if (r >= 0x3000 && r <= 0x303F) return false;
  if (r >= 0xFF00 && r <= 0xFF20) return false;
  if (r >= 0x1F000) return false;
  return true;
}
bool is_digit(char32_t r) { return r >= '0' && r <= '9'; }

}  // namespace

std::u32string to_runes(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t n;
    out += decode_rune(s, i, &n);
    i += n;
  }
  return out;
}

// yaml.v2's keyList.Less for two string keys: letters sort before other characters, and runs
// of digits compare by numeric value ("a2" < "a10").
// Compares rune by rune; at the first difference, a letter sorts before a non-letter, and two
// non-letters compare as the numbers their digit runs spell. When either differing character
// is '0' and the common prefix ends in digits that are not all zeros, both runs count as if
// prefixed by 1, so that zero is not taken for a leading zero.
bool key_less(const std::u32string& a, const std::u32string& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    bool al = is_letter(a[i]), bl = is_letter(b[i]);
    if (al && bl) return a[i] < b[i];
    if (al || bl) return bl;
    std::int64_t an = 0, bn = 0;
    if (a[i] == '0' || b[i] == '0') {
      for (size_t j = i; j-- > 0 && is_digit(a[j]);) {
        if (a[j] != '0') {
          an = bn = 1;
          break;
        }
      }
    }
    size_t ai = i, bi = i;
    for (; ai < a.size() && is_digit(a[ai]); ++ai) an = an * 10 + (a[ai] - '0');
    for (; bi < b.size() && is_digit(b[bi]); ++bi) bn = bn * 10 + (b[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

// True for code points the YAML reader refuses; JSON passes them through raw, so yaml.v2 fails
// to read its own input and sigs.k8s.io/yaml.Marshal reports the error.
bool reader_rejects(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n;
    char32_t r = decode_rune(s, i, &n);
    i += n;
    if (r < 0x80) {
      if (r == 0x7F) return true;
      continue;
    }
    if ((r < 0xA0 && r != 0x85) || r == 0xFFFE || r == 0xFFFF) return true;
  }
  return false;
}

// sigs.k8s.io/yaml re-reads the JSON text as YAML, where a raw U+0085 (NEL, which JSON does not
// escape) is a line break inside a double-quoted scalar: the break and the spaces around it
// fold into one space, or into n-1 newlines for a run of n breaks.
std::string fold_nel(std::string_view s) {
  std::string out;
  size_t i = 0;
  auto is_nel = [&](size_t k) {
    return k + 1 < s.size() && static_cast<unsigned char>(s[k]) == 0xC2 &&
           static_cast<unsigned char>(s[k + 1]) == 0x85;
  };
  while (i < s.size()) {
    if (s[i] != ' ' && !is_nel(i)) {
      out += s[i++];
      continue;
    }
    size_t start = i;
    while (i < s.size() && s[i] == ' ') ++i;
    if (!is_nel(i)) {
      out.append(s.substr(start, i - start));
      continue;
    }
    int breaks = 0;
    for (;;) {
      if (is_nel(i)) {
        ++breaks;
        i += 2;
      } else if (i < s.size() && s[i] == ' ') {
        ++i;
      } else {
        break;
      }
    }
    if (breaks == 1) out += ' ';
    else out.append(static_cast<size_t>(breaks - 1), '\n');
  }
  return out;
}

}  // namespace sparkc::yaml::detail
