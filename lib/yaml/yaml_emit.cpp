#include "yaml/yaml_emit.h"

#include <algorithm>
#include <cmath>

#include "sparkc/yaml.h"
#include "yaml/base64.h"
#include "yaml/go_number.h"
#include "yaml/resolve.h"
#include "yaml/utf8.h"

namespace sparkc::yaml::detail {
namespace {

enum class Style { Plain, Single, Double, Literal };

size_t width(unsigned char b) {
  if ((b & 0x80) == 0) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

// The character classes of yamlprivateh.go, on bytes at position i (0 past the end).
struct Text {
  std::string_view s;
  unsigned char at(size_t i) const { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }
  bool space(size_t i) const { return at(i) == ' '; }
  bool tab(size_t i) const { return at(i) == '\t'; }
  bool blank(size_t i) const { return space(i) || tab(i); }
  bool brk(size_t i) const {
    return at(i) == '\r' || at(i) == '\n' || (at(i) == 0xC2 && at(i + 1) == 0x85) ||
           (at(i) == 0xE2 && at(i + 1) == 0x80 && (at(i + 2) == 0xA8 || at(i + 2) == 0xA9));
  }
  bool blankz(size_t i) const { return blank(i) || brk(i) || i >= s.size(); }
  bool bom() const { return at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF; }
  bool printable(size_t i) const {
    unsigned char b = at(i);
    return b == 0x0A || (b >= 0x20 && b <= 0x7E) || (b == 0xC2 && at(i + 1) >= 0xA0) ||
           (b > 0xC2 && b < 0xED) || (b == 0xED && at(i + 1) < 0xA0) || b == 0xEE ||
           (b == 0xEF && !(at(i + 1) == 0xBB && at(i + 2) == 0xBF) &&
            !(at(i + 1) == 0xBF && (at(i + 2) == 0xBE || at(i + 2) == 0xBF)));
  }
};

// What yaml_emitter_analyze_scalar learns about a scalar.
struct Analysis {
  bool multiline = false;
  bool flow_plain = true;
  bool block_plain = true;
  bool single_quoted = true;
  bool block = true;
};

Analysis analyze(std::string_view value) {
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
    w = width(t.at(i));
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

std::u32string runes(std::string_view s) {
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

class Emitter {
 public:
  explicit Emitter(const EmitOptions& o) : opts_(o), best_width_(o.v3 ? 0x7FFFFFFF : 80) {
    out_.reserve(256);
  }

  std::string document(const Value& v) {
    node(v, true, false, false, false);
    write_indent();
    return std::move(out_);
  }

 private:
  // --- output primitives (put, put_break, write, write_indent, write_indicator) ---
  void put(char c) {
    out_ += c;
    ++column_;
  }
  void put_break() {
    out_ += '\n';
    column_ = 0;
  }
  void write(const Text& t, size_t* i) {
    size_t w = width(t.at(*i));
    out_.append(t.s.substr(*i, w));
    ++column_;
    *i += w;
  }
  void write_all(std::string_view s) {
    Text t{s};
    for (size_t i = 0; i < s.size();) write(t, &i);
  }
  void write_break(const Text& t, size_t* i) {
    if (t.at(*i) == '\n') {
      put_break();
      ++*i;
    } else {
      write(t, i);
      column_ = 0;
    }
  }
  void write_indent() {
    int indent = std::max(indent_, 0);
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
    while (column_ < indent) put(' ');
    whitespace_ = indention_ = true;
  }
  void write_indicator(std::string_view ind, bool need_ws, bool is_ws, bool is_indention) {
    if (need_ws && !whitespace_) put(' ');
    write_all(ind);
    whitespace_ = is_ws;
    indention_ = indention_ && is_indention;
  }
  void increase_indent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? 2 : 0;
    } else if (!indentless) {
      indent_ += 2;
    }
  }
  void pop_indent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  // --- nodes ---
  void node(const Value& v, bool root, bool sequence, bool mapping, bool simple_key) {
    root_ = root;
    mapping_ctx_ = mapping;
    simple_key_ctx_ = simple_key;
    (void)sequence;
    switch (v.type()) {
      case Type::Nil: scalar("null", Style::Plain); return;
      case Type::Bool: scalar(v.as_bool() ? "true" : "false", Style::Plain); return;
      case Type::Int:
      case Type::Int64: scalar(std::to_string(v.as_int()), Style::Plain); return;
      case Type::Uint64: scalar(std::to_string(v.as_uint()), Style::Plain); return;
      case Type::Float64: scalar(float_text(v.as_float()), Style::Plain); return;
      case Type::String: string(v.as_string()); return;
      case Type::Bytes: string(base64_encode(v.as_string())); return;
      case Type::List: list(v.as_list()); return;
      case Type::Map: map(v.as_map()); return;
      case Type::Object: node(v.as_object()->to_data(), root, sequence, mapping, simple_key); return;
    }
  }

  std::string float_text(double f) {
    if (!std::isfinite(f)) {
      if (opts_.json_numbers) {
        throw YamlError("error marshaling into JSON: json: unsupported value: " + format_float_g(f),
                        "", 0, 0);
      }
      return std::isnan(f) ? ".nan" : (f > 0 ? ".inf" : "-.inf");
    }
    if (!opts_.json_numbers) return format_float_g(f);
    // The JSON text of the number, read back by yaml.v2: integral text becomes an int.
    Resolved r = resolve_plain(format_float_json(f));
    if (r.kind == Resolved::Int) return std::to_string(r.i);
    if (r.kind == Resolved::Uint) return std::to_string(r.u);
    return format_float_g(r.f);
  }

  // The encoder's stringv: literal for text with newlines, plain when the text would read back
  // as the same string, double quotes otherwise.
  void string(std::string_view raw) {
    std::string clean;
    if (opts_.json_numbers && !valid_utf8(raw)) {
      for (size_t i = 0; i < raw.size();) {
        size_t n;
        char32_t r = decode_rune(raw, i, &n);
        if (r == 0xFFFD && n == 1) append_rune(clean, 0xFFFD);
        else clean.append(raw.substr(i, n));
        i += n;
      }
      raw = clean;
    }
    if (opts_.json_numbers && raw.find("\xC2\x85") != std::string_view::npos) {
      clean = fold_nel(raw);
      raw = clean;
    }
    if (opts_.json_numbers && reader_rejects(raw)) {
      throw YamlError("error converting JSON to YAML: yaml: control characters are not allowed",
                      "", 0, 0);
    }
    bool plain_ok = resolve_plain(raw).kind == Resolved::Str && !is_base60_float(raw);
    Style style = raw.find('\n') != std::string_view::npos ? Style::Literal
                  : plain_ok                               ? Style::Plain
                                                           : Style::Double;
    scalar(raw, style);
  }

  void list(const List& l) {
    if (l.empty()) {
      write_indicator("[", true, true, false);
      write_indicator("]", false, false, false);
      return;
    }
    // yaml.v2 does not indent a sequence that is a mapping value ("key:\n- a"); v3 does.
    bool indentless = !opts_.v3 && mapping_ctx_ && !indention_;
    increase_indent(false, indentless);
    for (const Value& item : l) {
      write_indent();
      write_indicator("-", true, false, true);
      node(item, false, true, false, false);
    }
    pop_indent();
  }

  void map(const Map& m) {
    if (m.empty()) {
      write_indicator("{", true, true, false);
      write_indicator("}", false, false, false);
      return;
    }
    std::vector<std::pair<std::u32string, const Map::value_type*>> keys;
    keys.reserve(m.size());
    for (const auto& kv : m) keys.emplace_back(runes(kv.first), &kv);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return key_less(a.first, b.first); });
    increase_indent(false, false);
    for (const auto& [_, kv] : keys) {
      write_indent();
      const std::string& key = kv->first;
      if (simple_key(key)) {
        node(Value(key), false, false, true, true);
        write_indicator(":", false, false, false);
      } else {
        write_indicator("?", true, false, true);
        node(Value(key), false, false, true, false);
        write_indent();
        write_indicator(":", true, false, true);
      }
      node(kv->second, false, false, true, false);
    }
    pop_indent();
  }

  // check_simple_key for a string key: one line and at most 128 bytes.
  bool simple_key(std::string_view key) {
    return key.size() <= 128 && !analyze(key).multiline;
  }

  // --- scalars ---
  void scalar(std::string_view value, Style style) {
    Analysis a = analyze(value);
    if (simple_key_ctx_ && a.multiline) style = Style::Double;
    if (style == Style::Plain) {
      if (!a.block_plain) style = Style::Single;
      if (value.empty() && simple_key_ctx_) style = Style::Single;
    }
    if (style == Style::Single && !a.single_quoted) style = Style::Double;
    if (style == Style::Literal && (!a.block || simple_key_ctx_)) style = Style::Double;
    increase_indent(true, false);
    bool breaks = !simple_key_ctx_;
    switch (style) {
      case Style::Plain: plain(value, breaks); break;
      case Style::Single: single(value, breaks); break;
      case Style::Double: double_quoted(value, breaks); break;
      case Style::Literal: literal(value); break;
    }
    pop_indent();
  }

  void plain(std::string_view value, bool allow_breaks) {
    if (!whitespace_) put(' ');
    Text t{value};
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (t.space(i)) {
        if (allow_breaks && !spaces && column_ > best_width_ && !t.space(i + 1)) {
          write_indent();
          i += 1;
        } else {
          write(t, &i);
        }
        spaces = true;
      } else if (t.brk(i)) {
        if (!breaks && t.at(i) == '\n') put_break();
        write_break(t, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(t, &i);
        indention_ = false;
        spaces = breaks = false;
      }
    }
    whitespace_ = indention_ = false;
  }

  void single(std::string_view value, bool allow_breaks) {
    write_indicator("'", true, false, false);
    Text t{value};
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (t.space(i)) {
        if (allow_breaks && !spaces && column_ > best_width_ && i > 0 && i < value.size() - 1 &&
            !t.space(i + 1)) {
          write_indent();
          i += 1;
        } else {
          write(t, &i);
        }
        spaces = true;
      } else if (t.brk(i)) {
        if (!breaks && t.at(i) == '\n') put_break();
        write_break(t, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        if (t.at(i) == '\'') put('\'');
        write(t, &i);
        indention_ = false;
        spaces = breaks = false;
      }
    }
    write_indicator("'", false, false, false);
    whitespace_ = indention_ = false;
  }

  void double_quoted(std::string_view value, bool allow_breaks) {
    static const char kHex[] = "0123456789ABCDEF";
    write_indicator("\"", true, false, false);
    Text t{value};
    bool spaces = false;
    for (size_t i = 0; i < value.size();) {
      unsigned char b = t.at(i);
      if (!t.printable(i) || t.bom() || t.brk(i) || b == '"' || b == '\\') {
        size_t w = width(b);
        char32_t v = b & (w == 1 ? 0x7F : w == 2 ? 0x1F : w == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < w; ++k) v = (v << 6) | (t.at(i + k) & 0x3F);
        i += w;
        put('\\');
        switch (v) {
          case 0x00: put('0'); break;
          case 0x07: put('a'); break;
          case 0x08: put('b'); break;
          case 0x09: put('t'); break;
          case 0x0A: put('n'); break;
          case 0x0B: put('v'); break;
          case 0x0C: put('f'); break;
          case 0x0D: put('r'); break;
          case 0x1B: put('e'); break;
          case 0x22: put('"'); break;
          case 0x5C: put('\\'); break;
          case 0x85: put('N'); break;
          case 0xA0: put('_'); break;
          case 0x2028: put('L'); break;
          case 0x2029: put('P'); break;
          default: {
            int digits;
            if (v <= 0xFF) put('x'), digits = 2;
            else if (v <= 0xFFFF) put('u'), digits = 4;
            else put('U'), digits = 8;
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) put(kHex[(v >> k) & 0xF]);
          }
        }
        spaces = false;
      } else if (t.space(i)) {
        if (allow_breaks && !spaces && column_ > best_width_ && i > 0 && i < value.size() - 1) {
          write_indent();
          if (t.space(i + 1)) put('\\');
          i += 1;
        } else {
          write(t, &i);
        }
        spaces = true;
      } else {
        write(t, &i);
        spaces = false;
      }
    }
    write_indicator("\"", false, false, false);
    whitespace_ = indention_ = false;
  }

  void literal(std::string_view value) {
    write_indicator("|", true, false, false);
    Text t{value};
    // Block scalar hints: an indentation digit when the text starts with a space or break,
    // '-' to strip a missing final newline, '+' to keep several.
    if (t.space(0) || t.brk(0)) write_indicator("2", false, false, false);
    size_t i = value.size() - 1;
    while (i > 0 && (t.at(i) & 0xC0) == 0x80) --i;
    if (!t.brk(i)) {
      write_indicator("-", false, false, false);
    } else if (i == 0) {
      write_indicator("+", false, false, false);
    } else {
      --i;
      while (i > 0 && (t.at(i) & 0xC0) == 0x80) --i;
      if (t.brk(i)) write_indicator("+", false, false, false);
    }
    if (opts_.v3) {
      // yaml.v3 writes no break after the header: the first line's indent (or the text's own
      // leading break, which is thereby lost) starts the body.
      whitespace_ = true;
    } else {
      put_break();
      indention_ = whitespace_ = true;
    }
    bool breaks = true;
    for (size_t k = 0; k < value.size();) {
      if (t.brk(k)) {
        write_break(t, &k);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(t, &k);
        indention_ = false;
        breaks = false;
      }
    }
  }

  EmitOptions opts_;
  int best_width_;
  std::string out_;
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
  bool root_ = false;
  bool mapping_ctx_ = false;
  bool simple_key_ctx_ = false;
};

}  // namespace

std::string emit_yaml(const Value& v, const EmitOptions& opts) { return Emitter(opts).document(v); }

}  // namespace sparkc::yaml::detail

namespace sparkc::yaml {

std::string to_yaml(const Value& v) { return detail::emit_yaml(v, detail::EmitOptions{}); }

std::string to_yaml_pretty(const Value& v) {
  detail::EmitOptions o;
  o.v3 = true;
  o.json_numbers = false;
  return detail::emit_yaml(v, o);
}

}  // namespace sparkc::yaml
