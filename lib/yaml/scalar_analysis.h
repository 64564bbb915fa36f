// What libyaml's emitter needs to know about a scalar before writing it, and the other text
// rules of the YAML output path (private to lib/yaml).
//
// These follow gopkg.in/yaml.v2's emitterc.go (yaml_emitter_analyze_scalar and the character
// classes of yamlprivateh.go) and sorter.go (map key order), so that style decisions match.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sparkc::yaml::detail {

// Byte length of the UTF-8 sequence that starts with `b` (libyaml's width()).
size_t utf8_width(unsigned char b);

// The character classes of yamlprivateh.go on the bytes of a scalar; out-of-range reads see 0
// where Go would read the byte after the end.
struct Text {
  std::string_view s;
  unsigned char at(size_t i) const { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }
  bool space(size_t i) const { return at(i) == ' '; }
  bool tab(size_t i) const { return at(i) == '\t'; }
  bool blank(size_t i) const { return space(i) || tab(i); }
  // CR, LF, NEL, LS and PS.
  bool brk(size_t i) const {
    return at(i) == '\r' || at(i) == '\n' || (at(i) == 0xC2 && at(i + 1) == 0x85) ||
           (at(i) == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9));
  }
  bool blankz(size_t i) const { return blank(i) || brk(i) || i >= s.size(); }
  // libyaml tests the start of the whole value here, whatever `i` is: a quirk we keep.
  bool bom() const { return at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF; }
  // Printable per libyaml: tab and every 4-byte (non-BMP) character are not, which is why
  // yaml.v2 double-quotes strings with tabs or emoji.
  bool printable(size_t i) const {
    unsigned char b = at(i);
    return b == 0x0A || (b >= 0x20 && b <= 0x7E) || (b == 0xC2 && at(i + 1) >= 0xA0) ||
           (b > 0xC2 && b < 0xED) || (b == 0xED && at(i + 1) < 0xA0) || b == 0xEE ||
           (b == 0xEF && !(at(i + 1) == 0xBB && at(i + 2) == 0xBF) &&
            !(at(i + 1) == 0xBF && (at(i + 2) == 0xBE || at(i + 2) == 0xBF)));
  }
};

// Which scalar styles can represent a value (yaml_emitter_analyze_scalar).
struct Analysis {
  bool multiline = false;      // has a line break
  bool flow_plain = true;      // plain allowed inside [...] / {...}
  bool block_plain = true;     // plain allowed in block context
  bool single_quoted = true;   // '...' can represent it
  bool block = true;           // a | or > block scalar can represent it
};

Analysis analyze_scalar(std::string_view value);

// yaml.v2's key order for string keys (keyList.Less): letters before other characters, digit
// runs compared as numbers ("a2" < "a10"). Keys are given as code points.
bool key_less(const std::u32string& a, const std::u32string& b);

// Decodes UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string to_runes(std::string_view s);

// True when `s` holds a code point the YAML reader refuses (DEL, C1 controls, U+FFFE/U+FFFF).
bool reader_rejects(std::string_view s);

// The string yaml.v2 reads back from JSON text holding a raw U+0085 (see the definition).
std::string fold_nel(std::string_view s);

}  // namespace sparkc::yaml::detail
